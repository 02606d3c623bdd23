package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// productPage is a shop's product page: a schema.org ProductGroup with one variant per size,
// size M sold out, at price (minor units of EUR) against a regular price of 250.00.
func productPage(price int64) string {
	variant := func(size, avail string) string {
		return fmt.Sprintf(`{"@type":"Product","sku":"KH-COAT-%s","size":"%s","color":"Camel",
			"offers":{"@type":"Offer","price":"%d.%02d","priceCurrency":"EUR","availability":"https://schema.org/%s",
			"priceSpecification":{"@type":"UnitPriceSpecification","priceType":"https://schema.org/StrikethroughPrice","price":"250.00","priceCurrency":"EUR"}}}`,
			size, size, price/100, price%100, avail)
	}
	return `<!doctype html><html><head><title>Wool coat</title><script type="application/ld+json">
{"@context":"https://schema.org/","@type":"ProductGroup","name":"Double-faced wool coat","brand":{"@type":"Brand","name":"Khaite"},
 "productGroupID":"KH-COAT","image":"https://cdn.shop.example/coat.jpg","hasVariant":[` +
		variant("S", "InStock") + "," + variant("M", "OutOfStock") + "," + variant("L", "InStock") + `]}
</script></head><body><h1>Double-faced wool coat</h1></body></html>`
}

// loopback lets the tests' client reach httptest servers; production never allows it.
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}

func TestImportPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var price atomic.Int64
		price.Store(19900)
		mux := http.NewServeMux()
		mux.HandleFunc("/coat", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, productPage(price.Load()))
		})
		mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<!doctype html><html><head><title>About us</title></head><body><h1>Our story</h1><p>Since 1990.</p></body></html>`)
		})
		mux.HandleFunc("/no-price", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<!doctype html><html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Mystery bag"}</script></head><body></body></html>`)
		})
		mux.HandleFunc("/data.json", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"products":[]}`)
		})
		mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, productPage(100)+strings.Repeat("<p>filler</p>", 1000))
		})
		srv := httptest.NewServer(mux)
		defer srv.Close()

		client := fetch.New(fetch.Config{Timeout: 10 * time.Second, MaxBytes: 8 << 10, Allow: loopback})
		pages := ingest.NewPageImporter(ingest.New(db, nil), db, client)
		strict := ingest.NewPageImporter(ingest.New(db, nil), db, fetch.New(fetch.Config{Timeout: 10 * time.Second}))

		bad := []struct {
			name, url, reason string
			pages             *ingest.PageImporter
		}{
			{"not a URL", "my favourite coat", "is not a web address", pages},
			{"not http", "ftp://shop.example/coat", "is not a web address", pages},
			{"not a product page", srv.URL + "/about", "is not a product page: no product", pages},
			{"no price", srv.URL + "/no-price", "no price was found for Mystery bag", pages},
			{"not found", srv.URL + "/gone", "the shop answered 404 Not Found", pages},
			{"not HTML", srv.URL + "/data.json", "is not a web page (the shop sent application/json)", pages},
			{"too big", srv.URL + "/huge", "is too big", pages},
			{"private address", srv.URL + "/coat", "private or local network address", strict},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				_, err := tt.pages.ImportPage(ctx, tt.url)
				var pe *ingest.PageError
				if !errors.As(err, &pe) {
					t.Fatalf("ImportPage(%s) = %v, want a PageError", tt.url, err)
				}
				if !strings.Contains(err.Error(), tt.reason) || !strings.HasPrefix(err.Error(), strings.TrimSpace(tt.url)) {
					t.Errorf("error %q does not name the URL and say %q", err, tt.reason)
				}
			})
		}
		for _, table := range []string{"retailers", "products", "offers", "feed_runs"} {
			if n, err := db.CountRows(ctx, table); err != nil || n != 0 {
				t.Errorf("after refused pages: %d %s (%v), want none", n, table, err)
			}
		}

		res, err := pages.ImportPage(ctx, "  "+srv.URL+"/coat ")
		if err != nil {
			t.Fatal(err)
		}
		if res.ProductID == 0 || res.Title != "Double-faced wool coat" || res.Report.New != 3 || res.Report.Format != ingest.PageFormat {
			t.Fatalf("ImportPage = %+v", res)
		}
		p, err := db.ProductByID(ctx, res.ProductID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Brand != "Khaite" || len(p.Offers) != 3 || p.Best.Price != 19900 || p.Best.RegularPrice != 25000 || strings.Join(p.Best.Sizes, " ") != "S L" {
			t.Errorf("product = %s by %q, %d offers, best %d (regular %d), sizes %v", p.Title, p.Brand, len(p.Offers), p.Best.Price, p.Best.RegularPrice, p.Best.Sizes)
		}

		// Imported again after a markdown: the same product, cheaper.
		price.Store(15900)
		again, err := pages.ImportPage(ctx, srv.URL+"/coat")
		if err != nil {
			t.Fatal(err)
		}
		if again.ProductID != res.ProductID || again.Report.Changed != 3 {
			t.Errorf("second import: product %d (first %d), %d changed, want the same product and its 3 offers changed",
				again.ProductID, res.ProductID, again.Report.Changed)
		}
		if p, _ := db.ProductByID(ctx, res.ProductID); p.Best.Price != 15900 {
			t.Errorf("best price after the markdown = %d, want 15900", p.Best.Price)
		}
	})
}
