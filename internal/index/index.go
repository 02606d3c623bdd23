package index

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// none marks an absent value id (no brand, no best offer).
const none = ^uint32(0)

// Options configure an index.
type Options struct {
	// Rates convert prices for price filters, bands and sorts; DefaultRates when zero.
	Rates Rates
}

// Index is the in-memory search index. Searches run concurrently with each other; Upsert,
// Delete and Apply take the write lock for the time it takes to index their products.
type Index struct {
	mu    sync.RWMutex
	an    *analyzer
	rates Rates

	// products, by dense product id (pid)
	pids      map[int64]uint32
	prods     []prodDoc
	storeIDs  []int64 // by pid, beside prods so sorting reads a dense array
	freePids  []uint32
	live      *roaring.Bitmap
	brands    *values // pid bitmaps
	colours   *values
	materials *values
	genders   *values
	kinds     *values
	cats      *categories
	dict      *dictionary

	// offers, by dense offer id (oid)
	offers     []offerDoc
	freeOids   []uint32
	retailers  *values // oid bitmaps of all live offers
	sizes      *values // oid bitmaps of available offers
	sizeSystem []string
	currencies *values
	available  *roaring.Bitmap // oids
	onSale     *roaring.Bitmap // oids: available and below the regular price
	doubtful   *roaring.Bitmap // oids: questionable discounts

	// per-product summaries for the two offer modes (see mode)
	sum [numModes]summary

	// sizeMemo remembers sizeKeys: feeds repeat a few hundred size spellings millions of times.
	sizeMemo map[[4]string][]sizeKey
}

// prodDoc is what the index keeps of a product.
type prodDoc struct {
	id       int64
	title    string
	brand    string
	brandID  uint32
	colourID uint32
	matID    uint32
	genderID uint32
	kindID   uint32
	cats     []uint32 // category ids, root first
	offers   []uint32 // oids
	postings []uint32 // termID<<2 | field group, each once
	words    []uint32 // surface ids, each once
}

// offerDoc is what the index keeps of an offer.
type offerDoc struct {
	id       int64
	pid      uint32
	retailer uint32
	currency uint32
	sizes    []uint32 // size ids, the offer's own first
	price    int64
	regular  int64
	base     int64 // price in the base currency; -1 when the currency has no rate
	first    int64 // Unix milliseconds
	dropAt   int64 // Unix milliseconds
	dropPct  uint8
	disc     uint8
	flags    uint8
}

const (
	flagAvailable = 1 << iota
	flagOnSale
	flagQuestionable
)

// New returns an empty index.
func New(opts Options) (*Index, error) {
	if opts.Rates.Base == "" {
		opts.Rates = DefaultRates()
	}
	if err := opts.Rates.Validate(); err != nil {
		return nil, err
	}
	ix := &Index{
		an:         newAnalyzer(synonymGroups),
		rates:      opts.Rates,
		pids:       map[int64]uint32{},
		live:       roaring.New(),
		brands:     newValues(),
		colours:    newValues(),
		materials:  newValues(),
		genders:    newValues(),
		kinds:      newValues(),
		cats:       newCategories(),
		dict:       newDictionary(),
		retailers:  newValues(),
		sizes:      newValues(),
		currencies: newValues(),
		available:  roaring.New(),
		onSale:     roaring.New(),
		doubtful:   roaring.New(),
		sizeMemo:   map[[4]string][]sizeKey{},
	}
	for m := range ix.sum {
		ix.sum[m] = newSummary()
	}
	return ix, nil
}

// Build makes an index of everything the loader yields.
func Build(ctx context.Context, l Loader, opts Options) (*Index, error) {
	ix, err := New(opts)
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n := 0
	err = l.LoadProducts(ctx, func(p Product) error {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return ix.upsert(p)
	})
	ix.dict.settle()
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// Upsert adds p or replaces the product with its ID.
func (ix *Index) Upsert(p Product) error { return ix.Apply([]Product{p}, nil) }

// Delete removes the product with store id; unknown ids are ignored.
func (ix *Index) Delete(id int64) { _ = ix.Apply(nil, []int64{id}) }

// Apply upserts and deletes products under one write lock: how a batch from the change log is
// applied. A product that cannot be indexed (no ID) is reported and the others still applied.
func (ix *Index) Apply(upserts []Product, deletes []int64) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var errs []string
	for _, p := range upserts {
		if err := ix.upsert(p); err != nil {
			errs = append(errs, err.Error())
		}
	}
	for _, id := range deletes {
		ix.delete(id)
	}
	ix.dict.settle()
	if len(errs) > 0 {
		return fmt.Errorf("index: %s", strings.Join(errs, "; "))
	}
	return nil
}

// Len is the number of products indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return int(ix.live.GetCardinality())
}

// OfferCount is the number of offers indexed.
func (ix *Index) OfferCount() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.offers) - len(ix.freeOids)
}

func (ix *Index) upsert(p Product) error {
	if p.ID == 0 {
		return fmt.Errorf("product %q has no id", p.Title)
	}
	pid, ok := ix.pids[p.ID]
	if ok {
		ix.unindex(pid)
	} else if n := len(ix.freePids); n > 0 {
		pid = ix.freePids[n-1]
		ix.freePids = ix.freePids[:n-1]
	} else {
		pid = uint32(len(ix.prods))
		ix.prods = append(ix.prods, prodDoc{})
		ix.storeIDs = append(ix.storeIDs, 0)
		for m := range ix.sum {
			ix.sum[m].grow(len(ix.prods))
		}
	}
	ix.pids[p.ID] = pid
	ix.storeIDs[pid] = p.ID
	ix.index(pid, p)
	return nil
}

func (ix *Index) delete(id int64) {
	pid, ok := ix.pids[id]
	if !ok {
		return
	}
	ix.unindex(pid)
	delete(ix.pids, id)
	ix.prods[pid] = prodDoc{}
	ix.storeIDs[pid] = 0
	ix.freePids = append(ix.freePids, pid)
}

// index files product p under pid, which holds nothing.
func (ix *Index) index(pid uint32, p Product) {
	family := p.ColourFamily
	if family == "" {
		family = catalog.ColourFamily(p.Colour)
	}
	d := prodDoc{
		id:       p.ID,
		title:    p.Title,
		brand:    strings.TrimSpace(p.Brand),
		brandID:  ix.brands.add(p.Brand, pid),
		colourID: ix.colours.add(family, pid),
		matID:    ix.materials.add(p.Material, pid),
		genderID: ix.genders.add(p.Gender, pid),
		kindID:   ix.kinds.add(p.SizeKind, pid),
		cats:     ix.cats.add(p.Categories, pid),
	}
	ix.live.Add(pid)
	ix.indexText(&d, pid, p)
	for _, o := range p.Offers {
		d.offers = append(d.offers, ix.addOffer(pid, p, o))
	}
	ix.prods[pid] = d
	for m := range ix.sum {
		ix.sum[m].set(ix, pid, mode(m))
	}
}

// unindex removes everything filed under pid; the prodDoc itself is left for the caller.
func (ix *Index) unindex(pid uint32) {
	d := &ix.prods[pid]
	for m := range ix.sum {
		ix.sum[m].clear(ix, pid)
	}
	ix.brands.remove(d.brandID, pid)
	ix.colours.remove(d.colourID, pid)
	ix.materials.remove(d.matID, pid)
	ix.genders.remove(d.genderID, pid)
	ix.kinds.remove(d.kindID, pid)
	ix.cats.remove(d.cats, pid)
	ix.live.Remove(pid)
	ix.unindexText(d, pid)
	for _, oid := range d.offers {
		o := &ix.offers[oid]
		ix.retailers.remove(o.retailer, oid)
		for _, s := range o.sizes {
			ix.sizes.remove(s, oid)
		}
		ix.available.Remove(oid)
		ix.onSale.Remove(oid)
		ix.doubtful.Remove(oid)
		*o = offerDoc{}
		ix.freeOids = append(ix.freeOids, oid)
	}
	d.offers = nil
}

func (ix *Index) addOffer(pid uint32, p Product, o Offer) uint32 {
	var oid uint32
	if n := len(ix.freeOids); n > 0 {
		oid = ix.freeOids[n-1]
		ix.freeOids = ix.freeOids[:n-1]
	} else {
		oid = uint32(len(ix.offers))
		ix.offers = append(ix.offers, offerDoc{})
	}
	base, ok := ix.rates.ToBase(o.Price, o.Currency)
	if !ok {
		base = -1
	}
	d := offerDoc{
		id:       o.ID,
		pid:      pid,
		retailer: ix.retailers.add(o.Retailer, oid),
		currency: ix.currencies.intern(strings.ToUpper(strings.TrimSpace(o.Currency))),
		price:    o.Price,
		regular:  o.RegularPrice,
		base:     base,
		first:    millis(o.FirstSeen),
		dropAt:   millis(o.LastDropAt),
		dropPct:  uint8(clamp(o.LastDropPct, 0, 100)),
		disc:     uint8(o.DiscountPct()),
	}
	if o.Available() {
		d.flags |= flagAvailable
		ix.available.Add(oid)
		if o.OnSale() {
			d.flags |= flagOnSale
			ix.onSale.Add(oid)
		}
	} else if o.OnSale() {
		d.flags |= flagOnSale
	}
	if o.Questionable {
		d.flags |= flagQuestionable
		ix.doubtful.Add(oid)
	}
	for _, k := range ix.sizeKeys(o.Size, o.SizeSystem, p.SizeKind, p.Gender) {
		id := ix.sizes.intern(k.label)
		for len(ix.sizeSystem) <= int(id) {
			ix.sizeSystem = append(ix.sizeSystem, "")
		}
		ix.sizeSystem[id] = k.system
		d.sizes = append(d.sizes, id)
		if d.flags&flagAvailable != 0 {
			ix.sizes.bitmap(id).Add(oid)
		}
	}
	ix.offers[oid] = d
	return oid
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// sizeKeys is the memoised sizeKeys.
func (ix *Index) sizeKeys(raw, system, kind, gender string) []sizeKey {
	key := [4]string{raw, system, kind, gender}
	if k, ok := ix.sizeMemo[key]; ok {
		return k
	}
	k := sizeKeys(raw, system, kind, gender)
	if len(ix.sizeMemo) < 1<<16 {
		ix.sizeMemo[key] = k
	}
	return k
}
