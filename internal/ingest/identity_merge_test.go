package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// loaferFeed is one shop's feed of one Totême loafer, with a GTIN and an MPN when given.
func loaferFeed(id, gtin, mpn string) []byte {
	return []byte(`<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item>
<g:id>` + id + `</g:id><g:title>Loafer ` + id + `</g:title><g:brand>Totême</g:brand><g:gtin>` + gtin + `</g:gtin>
<g:mpn>` + mpn + `</g:mpn><g:price>390.00 EUR</g:price><g:availability>in stock</g:availability><g:color>Black</g:color>
</item></channel></rss>`)
}

// scalar runs a query of one integer.
func scalar(t *testing.T, db *store.DB, query string) int64 {
	t.Helper()
	var n int64
	if err := db.SQL().QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func exec(t *testing.T, db *store.DB, queries ...string) {
	t.Helper()
	for _, q := range queries {
		if _, err := db.SQL().ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestIdentityConflictMergesProducts: shop A sells the loafer with its GTIN only, shop B with
// the brand's MPN only, so they make two products; shop C's feed gives both the GTIN and the
// MPN, which proves they are one. The younger product is merged into the older (whichever shop
// came first), with its offers and their price history, loves, tracked pages, collection places
// and clicks; the change log names the merged product so search indexes drop it; the merge is
// logged, and importing C again merges nothing more.
func TestIdentityConflictMergesProducts(t *testing.T) {
	for _, first := range []string{"A", "B"} {
		t.Run("shop "+first+" first", func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				var logs bytes.Buffer
				im := ingest.New(db, slog.New(slog.NewTextHandler(&logs, nil)))
				feeds := map[string][]byte{"A": loaferFeed("a", "7310000000102", ""), "B": loaferFeed("b", "", "T-2")}
				second := map[string]string{"A": "B", "B": "A"}[first]
				mustImport(t, im, feeds[first], ingest.Options{Retailer: first, ObservedAt: day(0)})
				mustImport(t, im, feeds[second], ingest.Options{Retailer: second, ObservedAt: day(0)})
				pa, pb := productOf(t, db, "a", "a"), productOf(t, db, "b", "b")
				if pa == pb {
					t.Fatalf("A's and B's loafers share product %d before C: nothing to merge", pa)
				}
				older, younger := min(pa, pb), max(pa, pb)
				if want := map[string]int64{"A": pa, "B": pb}[first]; older != want {
					t.Fatalf("the first shop's product is %d, not the older", want)
				}
				// Shoppers' things on the younger product; Bea loved both (one love stays).
				exec(t, db,
					`INSERT INTO users (id, email, created_at, updated_at) VALUES (901, 'ann@example.com', 0, 0), (902, 'bea@example.com', 0, 0)`,
					fmt.Sprintf(`INSERT INTO loves (id, user_id, product_id, created_at) VALUES (901, 901, %d, 0), (902, 902, %d, 0), (903, 902, %d, 0)`, younger, younger, older),
					fmt.Sprintf(`INSERT INTO tracked_pages (user_id, url, product_id, created_at, checked_at, next_check_at) VALUES (901, 'https://b.example/loafer', %d, 0, 0, 0)`, younger),
					`INSERT INTO collections (id, slug, title, created_at, updated_at) VALUES (901, 'loafers', 'Loafers', 0, 0)`,
					fmt.Sprintf(`INSERT INTO collection_items (collection_id, position, product_id) VALUES (901, 1, %d), (901, 2, %d)`, older, younger),
					fmt.Sprintf(`INSERT INTO clickouts (product_id, source, at) VALUES (%d, 'page', 0)`, younger),
				)
				youngerOffer := scalar(t, db, fmt.Sprintf(`SELECT id FROM offers WHERE product_id = %d`, younger))
				history := scalar(t, db, fmt.Sprintf(`SELECT COUNT(*) FROM price_changes WHERE offer_id = %d`, youngerOffer))
				seq := scalar(t, db, `SELECT COALESCE(MAX(seq), 0) FROM changes`)

				logs.Reset()
				mustImport(t, im, loaferFeed("c", "7310000000102", "T-2"), ingest.Options{Retailer: "C", ObservedAt: day(0)})
				for _, o := range []struct{ shop, item string }{{"a", "a"}, {"b", "b"}, {"c", "c"}} {
					if got := productOf(t, db, o.shop, o.item); got != older {
						t.Errorf("%s's loafer is product %d, want the older product %d", o.shop, got, older)
					}
				}
				checks := []struct {
					query string
					want  int64
				}{
					{`SELECT COUNT(*) FROM products`, 1},
					{fmt.Sprintf(`SELECT COUNT(*) FROM product_keys WHERE product_id <> %d`, older), 0},
					{fmt.Sprintf(`SELECT COUNT(*) FROM product_keys WHERE product_id = %d AND key IN ('gtin:07310000000102', 'mpn:toteme:t-2:black')`, older), 2},
					{fmt.Sprintf(`SELECT COUNT(*) FROM price_changes WHERE offer_id = %d`, youngerOffer), history},
					{fmt.Sprintf(`SELECT COUNT(*) FROM loves WHERE product_id = %d`, older), 2},
					{`SELECT COUNT(*) FROM loves WHERE user_id = 902`, 1},
					{fmt.Sprintf(`SELECT COUNT(*) FROM tracked_pages WHERE product_id = %d`, older), 1},
					{fmt.Sprintf(`SELECT COUNT(*) FROM collection_items WHERE collection_id = 901 AND product_id = %d`, older), 1},
					{`SELECT COUNT(*) FROM collection_items WHERE collection_id = 901`, 1},
					{fmt.Sprintf(`SELECT COUNT(*) FROM clickouts WHERE product_id = %d`, older), 1},
					{fmt.Sprintf(`SELECT COUNT(*) FROM changes WHERE entity = 'product' AND entity_id = %d AND seq > %d`, younger, seq), 1},
				}
				for _, c := range checks {
					if got := scalar(t, db, c.query); got != c.want {
						t.Errorf("%s = %d, want %d", c.query, got, c.want)
					}
				}
				if history == 0 {
					t.Errorf("the merged offer had no price history to keep")
				}
				// The import's connection writes without foreign-key enforcement and runs a merging
				// batch again with it (store.CatalogWriter): nothing may point nowhere, and the
				// merge is logged once.
				if r, err := db.CheckIntegrity(context.Background()); err != nil || len(r.Problems) > 0 {
					t.Errorf("integrity after the merge: %+v, %v", r.Problems, err)
				}
				if n := strings.Count(logs.String(), "merging products"); n != 1 {
					t.Errorf("the merge is logged %d times, want once", n)
				}
				if log := logs.String(); !strings.Contains(log, "merging products") ||
					!strings.Contains(log, fmt.Sprintf("product_id=%d merged_product_id=%d", older, younger)) {
					t.Errorf("the merge is not logged:\n%s", log)
				}

				logs.Reset()
				rep := mustImport(t, im, loaferFeed("c", "7310000000102", "T-2"), ingest.Options{Retailer: "C", ObservedAt: day(1)})
				if rep.Unchanged != 1 || strings.Contains(logs.String(), "merging products") || strings.Contains(logs.String(), "identity_conflicts=1") {
					t.Errorf("importing C again: %+v, log:\n%s", countsOf(rep), logs.String())
				}
				if got := count(t, db, "products"); got != 1 {
					t.Errorf("products = %d after C again, want 1", got)
				}
			})
		})
	}
}

// TestIdentityMergeThroughAThirdFeedsGroup: two shops each sell one size of a dress, each size
// with its own GTIN, so nothing joins them; a third shop sells both sizes as one item group.
// Its group proves the two products one: they merge into the older, and the third shop's sizes
// land on it whichever batches they fall in.
func TestIdentityMergeThroughAThirdFeedsGroup(t *testing.T) {
	size := func(id, gtin, group, size string) string {
		g := ""
		if group != "" {
			g = "<g:item_group_id>" + group + "</g:item_group_id>"
		}
		return `<item><g:id>` + id + `</g:id><g:title>Wrap Dress ` + id + `</g:title><g:brand>Ganni</g:brand><g:gtin>` + gtin +
			`</g:gtin><g:price>250.00 EUR</g:price><g:availability>in stock</g:availability><g:color>Green</g:color><g:size>` +
			size + `</g:size>` + g + `</item>`
	}
	feed := func(items ...string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` +
			strings.Join(items, "") + `</channel></rss>`)
	}
	for _, batch := range []int{500, 1} {
		t.Run(fmt.Sprintf("batches of %d", batch), func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				im := ingest.New(db, nil)
				ingest.SetBatchSize(im, batch)
				mustImport(t, im, feed(size("x-s", "7310000000010", "", "S")), ingest.Options{Retailer: "X", ObservedAt: day(0)})
				mustImport(t, im, feed(size("y-m", "7310000000027", "", "M")), ingest.Options{Retailer: "Y", ObservedAt: day(0)})
				px, py := productOf(t, db, "x", "x-s"), productOf(t, db, "y", "y-m")
				if px == py {
					t.Fatalf("X's and Y's sizes share product %d before Z", px)
				}
				mustImport(t, im, feed(size("z-s", "7310000000010", "ZD", "S"), size("z-m", "7310000000027", "ZD", "M")),
					ingest.Options{Retailer: "Z", ObservedAt: day(0)})
				for _, o := range []struct{ shop, item string }{{"x", "x-s"}, {"y", "y-m"}, {"z", "z-s"}, {"z", "z-m"}} {
					if got := productOf(t, db, o.shop, o.item); got != min(px, py) {
						t.Errorf("%s/%s is product %d, want %d", o.shop, o.item, got, min(px, py))
					}
				}
				if got := count(t, db, "products"); got != 1 {
					t.Errorf("products = %d, want 1", got)
				}
			})
		})
	}
}

// TestTrackedPageDoesNotMergeProducts: a page a shopper pasted (an unlisted shop) whose GTIN
// names one product and whose MPN another joins the GTIN's product and merges nothing: no page
// can join two catalogue products by claiming both their keys. The conflict is logged.
func TestTrackedPageDoesNotMergeProducts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var logs bytes.Buffer
		im := ingest.New(db, slog.New(slog.NewTextHandler(&logs, nil)))
		mustImport(t, im, loaferFeed("a", "7310000000102", ""), ingest.Options{Retailer: "A", ObservedAt: day(0)})
		mustImport(t, im, loaferFeed("b", "", "T-2"), ingest.Options{Retailer: "B", ObservedAt: day(0)})
		shop, err := db.EnsureTrackedRetailer(ctx, "pasted.example")
		if err != nil {
			t.Fatal(err)
		}
		mustImport(t, im, loaferFeed("p", "7310000000102", "T-2"), ingest.Options{Retailer: shop.Slug, ObservedAt: day(0)})
		if got := count(t, db, "products"); got != 2 {
			t.Errorf("products = %d, want 2: an unlisted shop merged products", got)
		}
		if got, want := productOf(t, db, shop.Slug, "p"), productOf(t, db, "a", "a"); got != want {
			t.Errorf("the page's loafer is product %d, want %d (its GTIN's)", got, want)
		}
		if !strings.Contains(logs.String(), "identity_conflicts=1") || strings.Contains(logs.String(), "merging products") {
			t.Errorf("want the conflict logged and no merge:\n%s", logs.String())
		}
	})
}
