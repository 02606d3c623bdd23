package index

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// brute answers queries by scanning every product and offer, written from the package
// documentation rather than from the engine, as the property test's reference.
type brute struct {
	an    *analyzer
	rates Rates
	prods map[int64]Product
}

func newBrute() *brute {
	return &brute{an: newAnalyzer(synonymGroups), rates: DefaultRates(), prods: map[int64]Product{}}
}

type bruteField struct {
	words []string
	field int
}

func bruteFields(p Product) []bruteField {
	attrs := []string{p.Colour, p.Material}
	for _, c := range p.Categories {
		attrs = append(attrs, c.Name)
	}
	return []bruteField{
		{surfaceWords(p.Brand), fieldBrand},
		{surfaceWords(p.Title), fieldTitle},
		{surfaceWords(strings.Join(attrs, " | ")), fieldAttrs},
		{surfaceWords(p.Description), fieldDesc},
	}
}

// osa is the optimal string alignment distance, by dynamic programming.
func osa(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range rb {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

type bruteText struct {
	clauses [][][]map[string]float64 // clause → alternative → word → term → factor
	df      map[string]int
	n       float64
	terms   map[int64]map[string]int // product → term → heaviest field
}

func (b *brute) text(q Query) *bruteText {
	t := &bruteText{df: map[string]int{}, terms: map[int64]map[string]int{}, n: float64(len(b.prods))}
	vocab := map[string]bool{}
	for id, p := range b.prods {
		tm := map[string]int{}
		for _, f := range bruteFields(p) {
			for _, w := range f.words {
				vocab[w] = true
				term := b.an.term(w)
				if old, ok := tm[term]; !ok || f.field < old {
					tm[term] = f.field
				}
			}
		}
		for term := range tm {
			t.df[term]++
		}
		t.terms[id] = tm
	}
	word := func(w string, prefix bool) map[string]float64 {
		m := map[string]float64{b.an.term(w): 1}
		for v := range vocab {
			f := 0.0
			if utf8.RuneCountInString(w) >= 5 && osa(w, v) <= 1 {
				f = 0.6
			}
			if prefix && utf8.RuneCountInString(w) >= 2 && strings.HasPrefix(v, w) {
				f = max(f, 0.8)
			}
			if f > 0 && m[b.an.term(v)] < f {
				m[b.an.term(v)] = f
			}
		}
		return m
	}
	comps := compounds(q.Text)
	for i, c := range comps {
		last := q.TypeAhead && i == len(comps)-1
		var alts [][]map[string]float64
		if c.joined != "" {
			alts = append(alts, []map[string]float64{word(c.joined, last)})
		}
		if len(c.parts) > 0 && (c.joined == "" || !c.lossy) {
			var alt []map[string]float64
			for j, p := range c.parts {
				alt = append(alt, word(p, last && j == len(c.parts)-1))
			}
			alts = append(alts, alt)
		}
		if len(alts) > 0 {
			t.clauses = append(t.clauses, alts)
		}
	}
	return t
}

// score is the product's text score and whether it matches at all.
func (t *bruteText) score(id int64) (float64, bool) {
	tm := t.terms[id]
	total := 0.0
	for _, alts := range t.clauses {
		best, any := 0.0, false
		for _, alt := range alts {
			sum, ok := 0.0, true
			for _, w := range alt {
				ws := 0.0
				for term, factor := range w {
					if f, has := tm[term]; has {
						ws = max(ws, fieldWeights[f]*math.Log(1+t.n/float64(t.df[term]))*factor)
					}
				}
				if ws == 0 {
					ok = false
					break
				}
				sum += ws
			}
			if ok {
				any = true
				best = max(best, sum/float64(len(alt)))
			}
		}
		if !any {
			return 0, false
		}
		total += best
	}
	return total, true
}

func foldIn(list []string, v string) bool {
	for _, x := range list {
		if valueKey(x) == valueKey(v) && valueKey(v) != "" {
			return true
		}
	}
	return false
}

type bruteOffer struct {
	o     Offer
	base  int64
	sizes []string // labels, own first
	sysOf map[string]string
}

func (b *brute) offer(p Product, o Offer) bruteOffer {
	bo := bruteOffer{o: o, base: -1, sysOf: map[string]string{}}
	if v, ok := b.rates.ToBase(o.Price, o.Currency); ok {
		bo.base = v
	}
	for _, k := range sizeKeysIn(o.Size, o.SizeSystem, p.SizeKind, p.Gender, o.Currency) {
		bo.sizes = append(bo.sizes, k.label)
		bo.sysOf[k.label] = k.system
	}
	return bo
}

func (b *brute) toBase(amount int64, cur string) int64 {
	if v, ok := b.rates.ToBase(amount, cur); ok {
		return v
	}
	return amount
}

// The filters a product or offer can fail, for facet exclusion.
const (
	xNone = iota
	xBrand
	xCategory
	xColour
	xSize
	xRetailer
	xPrice
	xDiscount
)

// productOK applies every product filter except the excluded one.
func (b *brute) productOK(p Product, q Query, t *bruteText, x int) bool {
	if t != nil && len(t.clauses) > 0 {
		if _, ok := t.score(p.ID); !ok {
			return false
		}
	}
	family := p.ColourFamily
	if family == "" {
		family = catalog.ColourFamily(p.Colour)
	}
	if len(q.Materials) > 0 && !foldIn(q.Materials, p.Material) ||
		len(q.Genders) > 0 && !foldIn(q.Genders, p.Gender) ||
		q.SizeKind != "" && valueKey(q.SizeKind) != valueKey(p.SizeKind) ||
		x != xBrand && len(q.Brands) > 0 && !foldIn(q.Brands, p.Brand) ||
		x != xColour && len(q.Colours) > 0 && !foldIn(q.Colours, family) {
		return false
	}
	if x != xCategory && len(q.Categories) > 0 {
		in := false
		for _, c := range p.Categories {
			in = in || slices.Contains(q.Categories, c.ID)
		}
		if !in {
			return false
		}
	}
	return true
}

// offerOK applies every offer filter except the excluded one.
func (b *brute) offerOK(o bruteOffer, q Query, x int) bool {
	if o.o.Availability == catalog.OutOfStock || q.HideQuestionable && o.o.Questionable ||
		q.OnSale && !o.o.OnSale() || !q.NewSince.IsZero() && o.o.FirstSeen.Before(q.NewSince) {
		return false
	}
	if x != xSize && len(q.Sizes) > 0 {
		want := append([]string(nil), q.Sizes...)
		if q.IncludeOneSize {
			want = append(want, OneSize)
		}
		in := false
		for _, s := range o.sizes {
			in = in || foldIn(want, s)
		}
		if !in {
			return false
		}
	}
	if x != xRetailer && len(q.Retailers) > 0 && !foldIn(q.Retailers, o.o.Retailer) {
		return false
	}
	if x != xPrice && (q.MinPrice > 0 || q.MaxPrice > 0) {
		if o.base < 0 || q.MinPrice > 0 && o.base < b.toBase(q.MinPrice, b.cur(q)) ||
			q.MaxPrice > 0 && o.base > b.toBase(q.MaxPrice, b.cur(q)) {
			return false
		}
	}
	return x == xDiscount || o.o.DiscountPct() >= q.MinDiscount
}

func (b *brute) cur(q Query) string {
	if q.Currency == "" {
		return b.rates.Base
	}
	return q.Currency
}

type bruteHit struct {
	id      int64
	score   float64
	best    bruteOffer
	maxDisc int
	first   int64
	drop    int
	offers  int
}

func (b *brute) search(q Query) (total int, hits []bruteHit, facets map[string]map[string]int) {
	if q.PerPage <= 0 {
		q.PerPage = DefaultPerPage
	}
	q.PerPage = min(q.PerPage, MaxPerPage)
	q.Page = max(q.Page, 1)
	var t *bruteText
	if strings.TrimSpace(q.Text) != "" {
		t = b.text(q)
	}
	var all []bruteHit
	facets = map[string]map[string]int{}
	count := func(facet, v string) {
		if facets[facet] == nil {
			facets[facet] = map[string]int{}
		}
		facets[facet][v]++
	}
	unit := int64(math.Pow10(catalog.MinorDigits(b.cur(q))))
	for _, p := range b.prods {
		var offers []bruteOffer
		for _, o := range p.Offers {
			offers = append(offers, b.offer(p, o))
		}
		anyOffer := func(x int, pred func(bruteOffer) bool) bool {
			for _, o := range offers {
				if b.offerOK(o, q, x) && pred(o) {
					return true
				}
			}
			return false
		}
		every := func(bruteOffer) bool { return true }
		if q.Facets {
			if b.productOK(p, q, t, xBrand) && anyOffer(xNone, every) && strings.TrimSpace(p.Brand) != "" {
				count(FacetBrand, strings.TrimSpace(p.Brand))
			}
			family := p.ColourFamily
			if family == "" {
				family = catalog.ColourFamily(p.Colour)
			}
			if b.productOK(p, q, t, xColour) && anyOffer(xNone, every) && family != "" {
				count(FacetColour, family)
			}
			if b.productOK(p, q, t, xCategory) && anyOffer(xNone, every) {
				for _, c := range p.Categories {
					count(FacetCategory, strconv.FormatInt(c.ID, 10))
				}
			}
			if b.productOK(p, q, t, xNone) {
				seen := map[string]bool{}
				for _, o := range offers {
					if !b.offerOK(o, q, xSize) {
						continue
					}
					for _, s := range o.sizes {
						sys := o.sysOf[s]
						shown := q.SizeSystem == "" || sys == q.SizeSystem || sys == "letter" || sys == "waist" || sys == sysOneSize || sys == sysNotGiven || sys == sysOther
						if shown && !seen[s] {
							seen[s] = true
							count(FacetSize, s)
						}
					}
				}
				seen = map[string]bool{}
				for _, o := range offers {
					if b.offerOK(o, q, xRetailer) && o.o.Retailer != "" && !seen[o.o.Retailer] {
						seen[o.o.Retailer] = true
						count(FacetRetailer, o.o.Retailer)
					}
				}
				for i, edge := range priceBands {
					lo := b.toBase(edge*unit, b.cur(q))
					hi := int64(math.MaxInt64)
					if i+1 < len(priceBands) {
						hi = b.toBase(priceBands[i+1]*unit, b.cur(q))
					}
					if anyOffer(xPrice, func(o bruteOffer) bool { return o.base >= 0 && o.base >= lo && o.base < hi }) {
						count(FacetPrice, PriceBandLabel(i))
					}
				}
				for _, th := range discountBands {
					if anyOffer(xDiscount, func(o bruteOffer) bool { return o.o.DiscountPct() >= th }) {
						count(FacetDiscount, strconv.Itoa(th))
					}
				}
			}
		}
		if !b.productOK(p, q, t, xNone) {
			continue
		}
		h := bruteHit{id: p.ID, drop: -1}
		found := false
		for _, o := range offers {
			if !b.offerOK(o, q, xNone) {
				continue
			}
			h.offers++
			key := func(o bruteOffer) int64 {
				if o.base < 0 {
					return math.MaxInt64
				}
				return o.base
			}
			if !found || key(o) < key(h.best) || key(o) == key(h.best) && o.o.ID < h.best.o.ID {
				h.best = o
			}
			found = true
			h.maxDisc = max(h.maxDisc, o.o.DiscountPct())
			h.first = max(h.first, millis(o.o.FirstSeen))
			if o.o.LastDropPct > 0 && !o.o.LastDropAt.Before(q.Now.Add(-b.dropWindow(q))) {
				h.drop = max(h.drop, o.o.LastDropPct)
			}
		}
		if !found {
			continue
		}
		if t != nil && len(t.clauses) > 0 {
			h.score, _ = t.score(p.ID)
		}
		all = append(all, h)
	}
	sort := q.Sort
	slices.SortFunc(all, func(a, c bruteHit) int {
		var r int
		switch sort {
		case SortDiscount:
			r = cmp.Compare(c.maxDisc, a.maxDisc)
		case SortPriceLow:
			r = cmp.Compare(priceKey(a.best), priceKey(c.best))
		case SortPriceHigh:
			ka, kc := a.best.base, c.best.base
			switch {
			case ka < 0 && kc < 0:
				r = 0
			case ka < 0:
				r = 1
			case kc < 0:
				r = -1
			default:
				r = cmp.Compare(kc, ka)
			}
		case SortNewest:
			r = cmp.Compare(c.first, a.first)
		case SortDrop:
			r = cmp.Compare(c.drop, a.drop)
		default:
			r = cmp.Or(cmp.Compare(c.score, a.score), cmp.Compare(c.first, a.first))
		}
		return cmp.Or(r, cmp.Compare(a.id, c.id))
	})
	from := (q.Page - 1) * q.PerPage
	to := min(from+q.PerPage, MaxWindow, len(all))
	if from < to {
		hits = all[from:to]
	}
	return len(all), hits, facets
}

func priceKey(o bruteOffer) int64 {
	if o.base < 0 {
		return math.MaxInt64
	}
	return o.base
}

func (b *brute) dropWindow(q Query) time.Duration {
	if q.DropWindow > 0 {
		return q.DropWindow
	}
	return DefaultDropWindow
}
