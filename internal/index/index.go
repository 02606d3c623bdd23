package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
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
	images    *strtab // products' image addresses (display.go)

	// offers, by dense offer id (oid)
	offers     []offerDoc
	offerInfo  []offerInfo
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
	sizeMemo map[[5]string][]sizeKey
	// sizeLists interns offers' size id lists (sizeListIDs keys them by the ids' bytes): a
	// million offers share a few hundred lists, so offerDoc.sizes names one of these instead of
	// holding its own (no allocation per offer, and the search loop reads lists that stay in
	// cache). Lists are never removed: there are as many as distinct size spellings.
	sizeLists   [][]uint32
	sizeListIDs map[string]uint32

	// dropOrders makes writes drop the presorted orders instead of patching them: the
	// benchmark's side-by-side with the behaviour before patching (see derived_patch.go).
	dropOrders bool

	// cache holds what searches derive from the whole index (sort orders, facet counts of
	// every product, price bands of other currencies); writers replace it.
	cache *derived
}

// prodDoc is what the index keeps of a product.
type prodDoc struct {
	id       int64
	title    string
	brand    string
	colour   string // the retailer's colour name, as shown
	brandID  uint32
	colourID uint32
	matID    uint32
	genderID uint32
	kindID   uint32
	image    uint32   // Index.images id; none without an image
	cats     []uint32 // category ids, root first
	offers   []uint32 // oids
	postings []uint32 // termID<<2 | field group, each once
	words    []uint32 // surface ids, each once
}

// offerDoc is what the search loop reads of an offer: kept to 32 bytes, so the offers of a
// product (neighbours in Index.offers) share a few cache lines. offerInfo holds the rest.
type offerDoc struct {
	base     int64 // price in the base currency; -1 when the currency has no rate
	first    int64 // Unix milliseconds
	retailer uint32
	sizes    uint32 // Index.sizeLists id of its size ids, the offer's own first
	disc     uint8
	flags    uint8
}

// offerInfo is the rest of what the index keeps of an offer, by the same offer id.
type offerInfo struct {
	id       int64
	pid      uint32
	currency uint32
	price    int64
	regular  int64
	dropAt   int64 // Unix milliseconds
	low30    int64 // the store's 30-day low, minor units of currency; 0 when unknown
	dropPct  uint8
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
		an:          newAnalyzer(synonymGroups),
		rates:       opts.Rates,
		pids:        map[int64]uint32{},
		live:        roaring.New(),
		brands:      newValues(),
		colours:     newValues(),
		materials:   newValues(),
		genders:     newValues(),
		kinds:       newValues(),
		cats:        newCategories(),
		dict:        newDictionary(),
		images:      newStrtab(),
		retailers:   newValues(),
		sizes:       newValues(),
		currencies:  newValues(),
		available:   roaring.New(),
		onSale:      roaring.New(),
		doubtful:    roaring.New(),
		sizeMemo:    map[[5]string][]sizeKey{},
		sizeListIDs: map[string]uint32{},
		cache:       newDerived(),
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
	ix.cache = newDerived()
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
	pids := make([]uint32, 0, 2*len(upserts)+len(deletes)) // every dense id the write touches
	for _, p := range upserts {
		if pid, ok := ix.pids[p.ID]; ok {
			pids = append(pids, pid)
		}
		if err := ix.upsert(p); err != nil {
			errs = append(errs, err.Error())
			continue
		}
		pids = append(pids, ix.pids[p.ID])
	}
	for _, id := range deletes {
		if pid, ok := ix.pids[id]; ok {
			pids = append(pids, pid)
		}
		ix.delete(id)
	}
	ix.dict.settle()
	fresh := newDerived()
	if !ix.dropOrders {
		ix.carryOrders(ix.cache, fresh, pids)
	}
	ix.cache = fresh
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
		colour:   strings.TrimSpace(p.Colour),
		brandID:  ix.brands.add(p.Brand, pid),
		colourID: ix.colours.add(family, pid),
		matID:    ix.materials.add(p.Material, pid),
		genderID: ix.genders.add(p.Gender, pid),
		kindID:   ix.kinds.add(p.SizeKind, pid),
		image:    ix.images.add(strings.TrimSpace(p.ImageURL)),
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
	ix.images.release(d.image)
	d.image = none
	ix.cats.remove(d.cats, pid)
	ix.live.Remove(pid)
	ix.unindexText(d, pid)
	for _, oid := range d.offers {
		o := &ix.offers[oid]
		ix.retailers.remove(o.retailer, oid)
		for _, s := range ix.sizeLists[o.sizes] {
			ix.sizes.remove(s, oid)
		}
		ix.available.Remove(oid)
		ix.onSale.Remove(oid)
		ix.doubtful.Remove(oid)
		*o = offerDoc{}
		ix.offerInfo[oid] = offerInfo{}
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
		ix.offerInfo = append(ix.offerInfo, offerInfo{})
	}
	base, ok := ix.rates.ToBase(o.Price, o.Currency)
	if !ok {
		base = -1
	}
	d := offerDoc{
		retailer: ix.retailers.add(o.Retailer, oid),
		base:     base,
		first:    millis(o.FirstSeen),
		disc:     uint8(o.DiscountPct()),
	}
	ix.offerInfo[oid] = offerInfo{
		id:       o.ID,
		pid:      pid,
		currency: ix.currencies.intern(strings.ToUpper(strings.TrimSpace(o.Currency))),
		price:    o.Price,
		regular:  o.RegularPrice,
		dropAt:   millis(o.LastDropAt),
		low30:    max(o.Lowest30d, 0),
		dropPct:  uint8(clamp(o.LastDropPct, 0, 100)),
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
	var ids [16]uint32
	list := ids[:0]
	for _, k := range ix.sizeKeys(o.Size, o.SizeSystem, p.SizeKind, p.Gender, o.Currency) {
		id := ix.sizes.intern(k.label)
		for len(ix.sizeSystem) <= int(id) {
			ix.sizeSystem = append(ix.sizeSystem, "")
		}
		ix.sizeSystem[id] = k.system
		list = append(list, id)
		if d.flags&flagAvailable != 0 {
			ix.sizes.bitmap(id).Add(oid)
		}
	}
	d.sizes = ix.internSizes(list)
	ix.offers[oid] = d
	return oid
}

// internSizes returns the id of a size id list in sizeLists.
func (ix *Index) internSizes(list []uint32) uint32 {
	var buf [64]byte
	key := buf[:0]
	for _, id := range list {
		key = binary.LittleEndian.AppendUint32(key, id)
	}
	if id, ok := ix.sizeListIDs[string(key)]; ok {
		return id
	}
	id := uint32(len(ix.sizeLists))
	ix.sizeLists = append(ix.sizeLists, slices.Clip(slices.Clone(list)))
	ix.sizeListIDs[string(key)] = id
	return id
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// sizeKeys is the memoised sizeKeysIn.
func (ix *Index) sizeKeys(raw, system, kind, gender, currency string) []sizeKey {
	currency = strings.ToUpper(strings.TrimSpace(currency)) // one memo entry for "gbp" and "GBP"
	key := [5]string{raw, system, kind, gender, currency}
	if k, ok := ix.sizeMemo[key]; ok {
		return k
	}
	k := sizeKeysIn(raw, system, kind, gender, currency)
	if len(ix.sizeMemo) < 1<<16 {
		ix.sizeMemo[key] = k
	}
	return k
}
