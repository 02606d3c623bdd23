//go:build bench_bleve

// The bleve peer pulls in some thirty modules, so it is built only with the bench_bleve tag:
// go build -tags bench_bleve ./cmd/tagdrop

package bench

import (
	"context"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
)

// newBlevePerShopper makes the bleve-per-shopper peer; nil in builds without bench_bleve.
var newBlevePerShopper = func() matchPeer { return &blevePerShopper{} }

// blevePerShopper is the bleve peer of the match benchmark: bleve v2 in memory, one document
// per offer on sale (keyword fields for brand, size-and-kind codes, one size, categories and
// questionable; numeric discount, score and offer id; price and currency stored), and one
// search per shopper: the brands, sizes, categories, minimum discount and questionable filters
// in the query, sorted by the digest's ranking, read a page of 500 at a time; the price limit
// (per currency), the sent-history and one item per product are applied to the hits in Go,
// until the cap is full or the hits run out.
type blevePerShopper struct {
	ix bleve.Index
}

func (b *blevePerShopper) build(ctx context.Context, v *index.MatchView, m *alerts.Matcher) error {
	keyword := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.IncludeInAll = false
		f.Store = false
		return f
	}
	numeric := func(store bool) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.IncludeInAll = false
		f.Store = store
		return f
	}
	dm := bleve.NewDocumentMapping()
	for _, name := range []string{"brand", "size", "cat", "q"} {
		dm.AddFieldMappingsAt(name, keyword())
	}
	cur := bleve.NewKeywordFieldMapping()
	cur.IncludeInAll = false
	dm.AddFieldMappingsAt("cur", cur)
	dm.AddFieldMappingsAt("disc", numeric(false))
	dm.AddFieldMappingsAt("score", numeric(false))
	for _, name := range []string{"offer", "product", "price"} {
		dm.AddFieldMappingsAt(name, numeric(true))
	}
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	ix, err := bleve.NewMemOnly(im)
	if err != nil {
		return err
	}
	b.ix = ix
	batch := ix.NewBatch()
	for i := range v.Offers {
		o := &v.Offers[i]
		disc := index.Offer{Price: o.Price, RegularPrice: o.RegularPrice}.DiscountPct()
		var lastDrop, first time.Time
		if o.LastDropAt != 0 {
			lastDrop = time.UnixMilli(o.LastDropAt).UTC()
		}
		if o.FirstSeen != 0 {
			first = time.UnixMilli(o.FirstSeen).UTC()
		}
		var sizes, cats []string
		if len(o.Sizes) > 0 && o.Sizes[0] == v.OneSize {
			sizes = append(sizes, "one")
		} else {
			for _, c := range offerSizeCodes(o) {
				sizes = append(sizes, strconv.FormatInt(c, 10))
			}
		}
		for _, c := range o.Cats {
			cats = append(cats, strconv.FormatUint(uint64(c), 10))
		}
		q := "0"
		if o.Questionable {
			q = "1"
		}
		doc := map[string]any{
			"brand": strconv.FormatUint(uint64(o.BrandID), 10), "size": sizes, "cat": cats, "q": q, "cur": o.Currency,
			"disc": float64(disc), "score": alerts.Score(disc, lastDrop, first, m.Now()),
			"offer": float64(o.OfferID), "product": float64(o.ProductID), "price": float64(o.Price),
		}
		if err := batch.Index(strconv.FormatInt(o.OfferID, 10), doc); err != nil {
			return err
		}
		if batch.Size() == 2000 || i == len(v.Offers)-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := ix.Batch(batch); err != nil {
				return err
			}
			batch = ix.NewBatch()
		}
	}
	return nil
}

func (b *blevePerShopper) run(ctx context.Context, v *index.MatchView, m *alerts.Matcher, sample []matchShopper, limit int, logf func(string, ...any)) (MatchFigures, error) {
	t0 := time.Now()
	if err := b.build(ctx, v, m); err != nil {
		return MatchFigures{}, err
	}
	defer b.ix.Close()
	logf("%s: %d offers indexed in %s", PeerBlevePerShopper, len(v.Offers), time.Since(t0).Round(time.Millisecond))
	run := func(s matchShopper) ([]int64, error) {
		pq := newPeerQuery(v, s.req)
		if !pq.ok {
			return nil, nil
		}
		terms := func(field string, values []string) query.Query {
			qs := make([]query.Query, len(values))
			for i, val := range values {
				t := bleve.NewTermQuery(val)
				t.SetField(field)
				qs[i] = t
			}
			return bleve.NewDisjunctionQuery(qs...)
		}
		ids := func(xs []int64) []string {
			out := make([]string, len(xs))
			for i, x := range xs {
				out[i] = strconv.FormatInt(x, 10)
			}
			return out
		}
		parts := []query.Query{terms("brand", ids(pq.brands)), terms("size", append(ids(pq.sizes), "one"))}
		if pq.cats != nil {
			parts = append(parts, terms("cat", ids(pq.cats)))
		}
		if pq.minDisc > 0 {
			inclusive := true
			min := float64(pq.minDisc)
			r := bleve.NewNumericRangeInclusiveQuery(&min, nil, &inclusive, nil)
			r.SetField("disc")
			parts = append(parts, r)
		}
		if pq.hideQ {
			t := bleve.NewTermQuery("0")
			t.SetField("q")
			parts = append(parts, t)
		}
		maxIn := map[string]int64{}
		for i, c := range pq.currency {
			maxIn[c] = pq.maxes[i]
		}
		var out []int64
		seen := map[int64]bool{}
		const page = 500
		for from := 0; ; from += page {
			req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(parts...), page, from, false)
			req.SortBy([]string{"q", "-score", "offer"})
			req.Fields = []string{"offer", "product", "price", "cur"}
			res, err := b.ix.SearchInContext(ctx, req)
			if err != nil {
				return nil, err
			}
			for _, h := range res.Hits {
				offer, _ := h.Fields["offer"].(float64)
				product, _ := h.Fields["product"].(float64)
				price, _ := h.Fields["price"].(float64)
				cur, _ := h.Fields["cur"].(string)
				if pq.currency != nil {
					if lim, ok := maxIn[cur]; !ok || int64(price) > lim {
						continue
					}
				}
				if was, ok := s.sent.SentPrice(int64(offer)); ok && int64(price) >= was {
					continue
				}
				if seen[int64(product)] {
					continue
				}
				seen[int64(product)] = true
				out = append(out, int64(offer))
				if len(out) == limit {
					return out, nil
				}
			}
			if len(res.Hits) < page {
				return out, nil
			}
		}
	}
	return timeSample(ctx, m, sample, run)
}
