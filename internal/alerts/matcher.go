package alerts

import (
	"cmp"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/index"
)

// Matcher is the match engine prepared for one run: a snapshot of the index's offers on sale
// (index.MatchView) ranked once at the run's time, and for every brand and size the offers of
// that brand in that size (or one size) in rank order. A shopper's digest is then a merge of
// the few lists their brands and sizes name, checked offer by offer in rank order and stopped
// as soon as the cap is full: the best items come first, so a digest of 30 reads little more
// than 30 offers per size the shopper wears. A Matcher is read-only once built and serves any
// number of goroutines; each uses its own Worker.
type Matcher struct {
	view    *index.MatchView
	version index.Version
	now     time.Time
	// offers are the view's offers in rank order (questionable last, then score, then offer
	// id): rank r is offers[r], and hot[r] what the merge loop reads of it, in one cache line.
	offers []rankedOffer
	hot    []hotOffer
	// catLists are the distinct category paths of the offers (hotOffer.cats).
	catLists [][]uint32
	// stamps are the offers' drop and first-seen times (Unix ms), sorted: see scoreDrift.
	stamps []int64
	// firstQuestionable is the first rank of a questionable offer (they rank last).
	firstQuestionable uint32
	// flat holds every stream (see stream) and entries their offers, each stream a range:
	// no pointers, so a shopper's cursors are plain numbers.
	flat    []flatStream
	entries []entry
	// table holds the range of flat of each brand × size (its streams, one per size kind):
	// table[brand*nSizes+size], when the grid is small enough to hold densely; else cells does.
	table  []span
	nSizes int
	cells  map[cellKey]span
	// priceSlack bounds how far an offer's base price may exceed a shopper's converted limit
	// while its own-currency price passes: rounding in two conversions (see prunable).
	priceSlack int64
}

// rankedOffer is an offer as the merge loop reads it.
type rankedOffer struct {
	*index.MatchOffer
	score float64
	disc  uint8
}

// hotOffer is what checking a candidate reads: 64 bytes.
type hotOffer struct {
	offerID, productID, price int64
	sizes                     []uint32
	cats                      uint32 // Matcher.catLists index
	kind                      uint32
	currency                  uint16
	disc                      uint8
	questionable              bool
}

// stream is one brand's offers in one size and of one size kind, ascending ranks, with
// bounds that let a shopper skip it whole. leaves split the same offers by their product's
// own category (the last of its path), for shoppers who limit their categories.
type stream struct {
	kind    uint32
	path    uint32 // leaves only: Matcher.catLists index of the category path
	entries []entry
	minBase int64 // the lowest base price among offers whose currency has a rate; -1: none
	maxDisc uint8
	leaves  []*stream
}

// entry is one offer of a stream with what rejects most candidates before their details are
// read: the discount, and the base price (noBase: no rate; saturated above 4e9).
type entry struct {
	rank uint32
	base uint32
	disc uint8
}

const noBase = ^uint32(0)

func (s *stream) add(e entry, base int64) {
	s.entries = append(s.entries, e)
	if base >= 0 && (s.minBase < 0 || base < s.minBase) {
		s.minBase = base
	}
	s.maxDisc = max(s.maxDisc, e.disc)
}

// span is a range of Matcher.flat or Matcher.entries.
type span struct{ start, end uint32 }

// flatStream is a stream in Matcher.flat: its entries and, for a brand × size × kind stream,
// its leaves.
type flatStream struct {
	entries span
	leaves  span
	minBase int64
	kind    uint32
	path    uint32
	maxDisc uint8
}

// cellKey names a brand × size.
type cellKey struct{ brand, size uint32 }

// NewMatcher prepares idx for matching at now: one pass over the offers on sale, a sort by
// rank, and the brand × size lists. It holds the index's read lock only while copying.
func NewMatcher(idx *index.Index, now time.Time) *Matcher {
	view, version := idx.MatchView()
	return newMatcher(view, version, now)
}

func newMatcher(view *index.MatchView, version index.Version, now time.Time) *Matcher {
	m := &Matcher{view: view, version: version, now: now}
	m.offers = make([]rankedOffer, len(view.Offers))
	for i := range view.Offers {
		o := &view.Offers[i]
		disc := index.Offer{Price: o.Price, RegularPrice: o.RegularPrice}.DiscountPct()
		m.offers[i] = rankedOffer{MatchOffer: o, disc: uint8(clampPct(disc)),
			score: Score(disc, fromMillis(o.LastDropAt), fromMillis(o.FirstSeen), now)}
	}
	slices.SortFunc(m.offers, func(a, b rankedOffer) int {
		if a.Questionable != b.Questionable {
			if a.Questionable {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.OfferID, b.OfferID)
	})
	m.hot = make([]hotOffer, len(m.offers))
	catIDs := map[string]uint32{}
	var key []byte
	for r := range m.offers {
		o := &m.offers[r]
		key = key[:0]
		for _, c := range o.Cats {
			key = append(key, byte(c), byte(c>>8), byte(c>>16), byte(c>>24))
		}
		cl, ok := catIDs[string(key)]
		if !ok {
			cl = uint32(len(m.catLists))
			catIDs[string(key)] = cl
			m.catLists = append(m.catLists, o.Cats)
		}
		m.hot[r] = hotOffer{offerID: o.OfferID, productID: o.ProductID, price: o.Price, sizes: o.Sizes, cats: cl,
			kind: o.KindID, currency: o.Currency16, disc: o.disc, questionable: o.Questionable}
	}
	m.stamps = make([]int64, 0, 2*len(m.offers))
	for _, o := range m.offers {
		m.stamps = append(m.stamps, o.LastDropAt, o.FirstSeen)
	}
	slices.Sort(m.stamps)
	m.firstQuestionable = uint32(len(m.offers))
	cells := map[cellKey][]*stream{}
	for r := range m.offers {
		o := &m.offers[r]
		if o.Questionable && uint32(r) < m.firstQuestionable {
			m.firstQuestionable = uint32(r)
		}
		e := entry{rank: uint32(r), base: noBase, disc: o.disc}
		if o.BasePrice >= 0 {
			e.base = uint32(min(o.BasePrice, int64(noBase-1)))
		}
		for _, size := range o.Sizes {
			k := cellKey{o.BrandID, size}
			var s *stream
			for _, have := range cells[k] {
				if have.kind == o.KindID {
					s = have
					break
				}
			}
			if s == nil {
				s = &stream{kind: o.KindID, minBase: -1}
				cells[k] = append(cells[k], s)
			}
			s.add(e, o.BasePrice)
		}
	}
	// Each stream's leaves, by the category path of the offer (its last id is the leaf).
	for _, ss := range cells {
		for _, s := range ss {
			byPath := map[uint32]*stream{}
			for _, e := range s.entries {
				path := m.hot[e.rank].cats
				l := byPath[path]
				if l == nil {
					l = &stream{kind: s.kind, path: path, minBase: -1}
					byPath[path] = l
					s.leaves = append(s.leaves, l)
				}
				l.add(e, m.offers[e.rank].BasePrice)
			}
		}
	}
	// Flatten: each cell's streams side by side, their leaves after them.
	put := func(st *stream) flatStream {
		start := uint32(len(m.entries))
		m.entries = append(m.entries, st.entries...)
		return flatStream{entries: span{start, uint32(len(m.entries))}, minBase: st.minBase, kind: st.kind,
			path: st.path, maxDisc: st.maxDisc}
	}
	spans := make(map[cellKey]span, len(cells))
	for k, ss := range cells {
		base := uint32(len(m.flat))
		m.flat = append(m.flat, make([]flatStream, len(ss))...)
		for i, st := range ss {
			f := put(st)
			f.leaves.start = uint32(len(m.flat))
			for _, l := range st.leaves {
				m.flat = append(m.flat, put(l))
			}
			f.leaves.end = uint32(len(m.flat))
			m.flat[base+uint32(i)] = f
		}
		spans[k] = span{base, base + uint32(len(ss))}
	}
	// The dense grid of cells, up to 16M (128 MB at most; 2,000 brands × 500 sizes is 8 MB);
	// the map serves bigger catalogues.
	maxBrand, maxSize := uint32(0), uint32(0)
	for k := range spans {
		maxBrand, maxSize = max(maxBrand, k.brand), max(maxSize, k.size)
	}
	if n := (uint64(maxBrand) + 1) * (uint64(maxSize) + 1); len(spans) > 0 && n <= 1<<24 {
		m.nSizes = int(maxSize) + 1
		m.table = make([]span, n)
		for k, sp := range spans {
			m.table[int(k.brand)*m.nSizes+int(k.size)] = sp
		}
	} else {
		m.cells = spans
	}
	// A base-price bound may prune a list only with room for rounding: converting a limit
	// into a currency with few minor units per base unit (ro) and the price back rounds each
	// way by half a unit, so a passing offer's base price is at most limit + 1 + 0.5/ro.
	m.priceSlack = 2
	for _, c := range view.Currencies {
		if per, ok := view.Rates.Convert(1_000_000, view.Rates.Base, c); ok && per > 0 {
			m.priceSlack = max(m.priceSlack, 2+int64(500_000/per)+1)
		}
	}
	return m
}

// cell is the streams of brand's offers in size, one per size kind: a range of flat.
func (m *Matcher) cell(brand, size uint32) span {
	if m.table != nil {
		if int(size) >= m.nSizes {
			return span{}
		}
		if i := int(brand)*m.nSizes + int(size); i < len(m.table) {
			return m.table[i]
		}
		return span{}
	}
	return m.cells[cellKey{brand, size}]
}

// Version is the index version the matcher was built from.
func (m *Matcher) Version() index.Version { return m.version }

// Now is the time the matcher ranks at.
func (m *Matcher) Now() time.Time { return m.now }

// Offers is how many offers on sale the matcher holds.
func (m *Matcher) Offers() int { return len(m.offers) }

func clampPct(p int) int { return max(0, min(p, 255)) }

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// Sent is a shopper's sent-history: the price (minor units of the offer's currency) each
// offer had when it was sent. SentMap and SentList implement it.
type Sent interface {
	// SentPrice is the price offerID (a store id) was sent at; false when it never was.
	SentPrice(offerID int64) (int64, bool)
}

// SentMap is a sent-history as a map: store offer id → price sent.
type SentMap map[int64]int64

// SentPrice implements Sent.
func (s SentMap) SentPrice(offerID int64) (int64, bool) {
	p, ok := s[offerID]
	return p, ok
}

// SentItem is one offer of a SentList.
type SentItem struct {
	OfferID int64
	Price   int64
}

// SentList is a sent-history as a slice sorted by OfferID: a quarter of a map's memory, for
// runs that hold millions of shoppers' histories.
type SentList []SentItem

// SentPrice implements Sent by binary search.
func (s SentList) SentPrice(offerID int64) (int64, bool) {
	lo, hi := 0, len(s)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if s[mid].OfferID < offerID {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(s) && s[lo].OfferID == offerID {
		return s[lo].Price, true
	}
	return 0, false
}

// Request is one shopper's part of a run: the standing request, what was sent before (nil:
// nothing) and the shopper's brand affinity (nil: none).
type Request struct {
	Prefs account.Preferences
	Sent  Sent
	// Affinity re-ranks the shopper's picks as MatchWithAffinity does (a window of
	// AffinityWindow(limit) picks, boosted, cut to limit). Matcher.Item spells a pick out
	// without the boost.
	Affinity Affinity
}

// Pick is one item of a digest as the matcher finds it; Matcher.Item spells it out.
type Pick struct {
	Rank int32 // the offer's rank in the matcher
	Size int16 // index into the shopper's Prefs.Sizes of the size it matched; -1 one size
}

// OfferID is the store id of the picked offer.
func (m *Matcher) OfferID(p Pick) int64 { return m.offers[p.Rank].OfferID }

// Item spells out pick, found for a shopper with preferences p, at the matcher's time.
func (m *Matcher) Item(p account.Preferences, pick Pick) Item {
	return m.item(p, pick, m.now)
}

func (m *Matcher) item(p account.Preferences, pick Pick, now time.Time) Item {
	o := m.offers[pick.Rank]
	label := index.OneSize
	if pick.Size >= 0 {
		s := p.Sizes[pick.Size]
		label = index.SizeLabel(s.Value, s.System, s.Kind)
	}
	return newItem(index.OfferDetail{
		OfferID: o.OfferID, ProductID: o.ProductID, Title: o.Title, Brand: o.Brand, Colour: o.Colour,
		Retailer: o.Retailer, Price: o.Price, RegularPrice: o.RegularPrice, Currency: o.Currency,
		Available: true, Questionable: o.Questionable, FirstSeen: fromMillis(o.FirstSeen),
		LastDropAt: fromMillis(o.LastDropAt), LastDropPct: int(o.LastDropPct),
	}, label, now)
}

// Match is Match (the package function) on the matcher's snapshot: the items p asks for, at
// most limit (all when limit ≤ 0), ranked at the matcher's time.
func (m *Matcher) Match(p account.Preferences, sent Sent, limit int) []Item {
	w := m.NewWorker()
	picks := w.Picks(p, sent, limit)
	items := make([]Item, len(picks))
	for i, pk := range picks {
		items[i] = m.Item(p, pk)
	}
	return items
}

// MatchAll finds the digests of requests, each at most limit items (all when limit ≤ 0), on
// workers goroutines (one when workers < 1): out[i] is requests[i]'s picks in rank order (with
// its Affinity, if any, joining the ranking as in MatchWithAffinity).
func (m *Matcher) MatchAll(requests []Request, limit, workers int) [][]Pick {
	out := make([][]Pick, len(requests))
	workers = max(1, workers)
	const chunk = 256
	next := make(chan int, workers)
	done := make(chan struct{})
	for range workers {
		go func() {
			w := m.NewWorker()
			for start := range next {
				for i := start; i < min(start+chunk, len(requests)); i++ {
					rq := &requests[i]
					if len(rq.Affinity) == 0 {
						out[i] = slices.Clone(w.Picks(rq.Prefs, rq.Sent, limit))
						continue
					}
					out[i] = m.rerankPicks(w.Picks(rq.Prefs, rq.Sent, AffinityWindow(limit)), rq.Affinity, limit)
				}
			}
			done <- struct{}{}
		}()
	}
	for start := 0; start < len(requests); start += chunk {
		next <- start
	}
	close(next)
	for range workers {
		<-done
	}
	return out
}

// SentItem is what the sent-history records of pick once it is sent: its offer and price.
func (m *Matcher) SentItem(p Pick) SentItem {
	o := m.offers[p.Rank]
	return SentItem{OfferID: o.OfferID, Price: o.Price}
}
