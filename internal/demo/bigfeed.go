package demo

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
)

// BigFeedRetailer is the shop a big feed belongs to (see WriteBigFeed); import it under this name.
const BigFeedRetailer = "Atelier Row"

// BigFeedStat counts what WriteBigFeed wrote.
type BigFeedStat struct {
	Items    int // feed items (offers: one per product and size)
	Products int // products (a style in one colour)
}

// WriteBigFeed writes one complete Google Merchant Center feed of exactly items items for one
// retailer (BigFeedRetailer, prices in euros), as a benchmark or load test needs: the same
// products, prices and stock stories as Generate draws, but a single snapshot, streamed to w
// one product at a time so that memory stays flat however big the feed. The same seed and size
// give the same bytes. The last product may list fewer sizes than it is made in, so the count
// is exact.
func WriteBigFeed(w io.Writer, seed uint64, items int) (BigFeedStat, error) {
	var st BigFeedStat
	if items < 1 {
		return st, fmt.Errorf("big feed: %d items: need at least one", items)
	}
	r := retailerBySlug("atelier-row")
	// One snapshot: every listing is in the feed, and the plans' sales either run today or not.
	g := generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), n: 1, styleNo: map[string]int{}}
	bw := bufio.NewWriterSize(w, 256<<10)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<rss version="2.0" xmlns:g="` + gmcNamespace + `">` + "\n<channel>\n")
	el(bw, "  ", "title", r.Name)
	el(bw, "  ", "link", r.Website)
	el(bw, "  ", "description", r.Name+" complete product feed (tagdrop synthetic data)")
	for st.Items < items {
		// Brands are drawn at random, so every brand shows up in proportion at any size.
		for _, p := range g.style(brands[g.rng.IntN(len(brands))], 2) {
			if st.Items >= items {
				break
			}
			pt := g.bigFeedPoint(p, r)
			if left := items - st.Items; len(p.Sizes) > left {
				p.Sizes, pt.InStock = p.Sizes[:left], pt.InStock[:left]
			}
			st.Items += writeItems(bw, r, p, pt)
			st.Products++
		}
	}
	bw.WriteString("</channel>\n</rss>\n")
	return st, bw.Flush()
}

// bigFeedPoint is product p's state at retailer r in the big feed's one snapshot: a fresh plan
// (so about a third of the offers are on sale and some sizes sold out) at the product's list
// price converted to r's currency.
func (g *generator) bigFeedPoint(p Product, r Retailer) Point {
	l := p.Listings[0] // style gives every product at least one listing
	euro := float64(l.Points[0].Regular) / 100 / rate(l.Currency)
	return g.randomPlan(len(p.Sizes)).listing(r, shopPrice(euro, r.Currency), len(p.Sizes), 1).Points[0]
}
