package web

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// feedItem is one item of a test feed: a product in one size.
type feedItem struct {
	group, title, brand, category, image, size, availability string
	price, sale                                              string // "" sale: not on sale
}

// writeFeed writes items as a Merchant Center RSS feed into dir and returns its path.
func writeFeed(t *testing.T, dir, name string, items []feedItem) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Card Shop</title>
<link>https://card-shop.example.com/</link><description>test</description>
`)
	esc := html.EscapeString
	for _, it := range items {
		id := it.group + "-" + it.size
		fmt.Fprintf(&b, `<item><g:id>%s</g:id><g:title>%s</g:title><g:link>https://card-shop.example.com/p/%s</g:link>
<g:image_link>%s</g:image_link><g:brand>%s</g:brand><g:price>%s EUR</g:price>`,
			esc(id), esc(it.title), esc(id), esc(it.image), esc(it.brand), it.price)
		if it.sale != "" {
			fmt.Fprintf(&b, `<g:sale_price>%s EUR</g:sale_price>`, it.sale)
		}
		fmt.Fprintf(&b, `<g:availability>%s</g:availability><g:google_product_category>%s</g:google_product_category>
<g:color>Black</g:color><g:gender>Female</g:gender><g:item_group_id>%s</g:item_group_id>`,
			it.availability, esc(it.category), esc(it.group))
		if it.size != "" {
			fmt.Fprintf(&b, `<g:size>%s</g:size>`, esc(it.size))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// cardFeeds are three days of one shop: day 2 puts the top and the bag on sale, day 3 changes
// the top's image, raises its sale price (so it is no longer its 30-day low), sells out S, adds
// XL, and gives the bag a new picture and a deeper price.
func cardFeeds() [3][]feedItem {
	const tops, bags = "Apparel & Accessories > Clothing > Shirts & Tops", "Apparel & Accessories > Handbags, Wallets & Cases > Handbags"
	top := func(image, size, avail, price, sale string) feedItem {
		return feedItem{group: "TOP-1", title: "Ribbed Silk Top", brand: "Ganni", category: tops, image: image, size: size,
			availability: avail, price: price, sale: sale}
	}
	bag := func(image, price, sale string) feedItem {
		return feedItem{group: "BAG-1", title: "Le Bambino Bag", brand: "Jacquemus", category: bags, image: image,
			availability: "in stock", price: price, sale: sale}
	}
	plain := feedItem{group: "TEE-1", title: "Logo Tee", brand: "Ganni", category: tops, image: "https://cdn.example/tee.jpg",
		size: "M", availability: "in stock", price: "60.00"}
	const topA, topB = "https://cdn.example/top-a.jpg", "https://cdn.example/top-b.jpg"
	return [3][]feedItem{
		{top(topA, "S", "in stock", "200.00", ""), top(topA, "M", "in stock", "200.00", ""), bag("https://cdn.example/bag-a.jpg", "500.00", ""), plain},
		{top(topA, "S", "in stock", "200.00", "120.00"), top(topA, "M", "in stock", "200.00", "120.00"),
			bag("https://cdn.example/bag-a.jpg", "500.00", "400.00"), plain},
		{top(topB, "S", "out of stock", "200.00", "150.00"), top(topB, "M", "in stock", "200.00", "150.00"),
			top(topB, "XL", "in stock", "200.00", "150.00"), bag("https://cdn.example/bag-b.jpg", "500.00", "300.00"), plain},
	}
}

// TestCardFromIndexMatchesDatabase holds the no-SQL search page to the database: after each
// import (sales starting, then a new image, a new price and changed sizes), the live index
// catches up from the change log and every result card rendered from it alone must equal the
// card rendered from the product as the store reads it (store.ProductByID), and its category
// and retailer link must be the store's.
func TestCardFromIndexMatchesDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		dir := t.TempDir()
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		day0 := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
		importDay := func(day int, items []feedItem) {
			path := writeFeed(t, dir, fmt.Sprintf("day%d.xml", day), items)
			if _, err := ingest.New(db, quiet).ImportFile(ctx, path, ingest.Options{Retailer: "Card Shop",
				ObservedAt: day0.AddDate(0, 0, day), Full: true}); err != nil {
				t.Fatalf("import day %d: %v", day, err)
			}
		}
		feeds := cardFeeds()
		importDay(0, feeds[0])
		live, err := search.Build(ctx, db, search.Options{Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		for day, items := range feeds {
			if day > 0 {
				importDay(day, items)
				if err := live.CatchUp(ctx); err != nil {
					t.Fatal(err)
				}
			}
			ans := search.Respond(live.Search(index.Query{PerPage: 100, Facets: true}))
			if err := search.AddURLs(ctx, db, &ans); err != nil {
				t.Fatal(err)
			}
			if len(ans.Hits) != 3 {
				t.Fatalf("day %d: %d hits, want 3", day, len(ans.Hits))
			}
			for _, h := range ans.Hits {
				d, err := db.ProductByID(ctx, h.ProductID)
				if err != nil {
					t.Fatal(err)
				}
				// The index names a one-size item's size ("One size"); the store lists no size
				// and the card says "One size" for it. The same words, written two ways: align.
				l := h.Listing
				if len(l.Sizes) == 1 && l.Sizes[0] == index.OneSize {
					l.Sizes = nil
				}
				var fromIndex, fromStore strings.Builder
				writeCard(&fromIndex, &l)
				writeCard(&fromStore, &d.Best)
				if fromIndex.String() != fromStore.String() {
					t.Errorf("day %d, %s: card from the index\n%s\nfrom the store\n%s", day, h.Title, fromIndex.String(), fromStore.String())
				}
				c, err := db.CategoryBySlug(ctx, h.CategorySlug)
				if err != nil || c.ID != d.CategoryID || h.Category != d.Category {
					t.Errorf("day %d, %s: category %q (%s) = %+v, %v; the store files it under %d (%s)", day, h.Title,
						h.Category, h.CategorySlug, c, err, d.CategoryID, d.Category)
				}
				if h.URL != d.Best.URL {
					t.Errorf("day %d, %s: url %q, store's best offer %q", day, h.Title, h.URL, d.Best.URL)
				}
			}
			// The facets name categories by slug with their parents, from the index too.
			for _, f := range ans.Facets[index.FacetCategory] {
				c, err := db.CategoryBySlug(ctx, f.Value)
				if err != nil || c.Name != f.Label || f.Depth != strings.Count(c.Path, " > ") {
					t.Errorf("day %d: category facet %+v, store has %+v, %v", day, f, c, err)
				}
			}
		}

		// The comparison saw what changed: the last day's cards carry the new picture, the raised
		// price without the 30-day-low note (the low is day 2's 120.00), and the sizes now in stock.
		ans := search.Respond(live.Search(index.Query{Text: "ribbed silk top"}))
		if len(ans.Hits) != 1 {
			t.Fatalf("top: %d hits", len(ans.Hits))
		}
		top := ans.Hits[0]
		if top.ImageURL != "https://cdn.example/top-b.jpg" || top.Price != 15000 || top.Lowest30d != 12000 ||
			top.IsLowest30d() || strings.Join(top.Sizes, ",") != "M,XL" {
			t.Errorf("top after day 3 = %+v", top.Listing)
		}
		bag := search.Respond(live.Search(index.Query{Text: "bambino"})).Hits
		if len(bag) != 1 || bag[0].ImageURL != "https://cdn.example/bag-b.jpg" || bag[0].Price != 30000 || !bag[0].IsLowest30d() {
			t.Errorf("bag after day 3 = %+v", bag)
		}
	})
}
