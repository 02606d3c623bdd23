package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// shopPage is a shop's product page with a GTIN: the page's own title and image.
func shopPage(title, gtin, image string) string {
	return `<!doctype html><html><head><title>` + title + `</title><script type="application/ld+json">
{"@context":"https://schema.org/","@type":"Product","name":"` + title + `","brand":{"@type":"Brand","name":"Khaite"},
 "gtin13":"` + gtin + `","image":"` + image + `","category":"Apparel & Accessories > Clothing > Outerwear > Coats & Jackets",
 "offers":{"@type":"Offer","price":"890.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}
</script></head><body><h1>` + title + `</h1></body></html>`
}

// coatFeed is a listed retailer's feed of one item with a GTIN and no image or category.
func coatFeed(id, title, gtin string) []byte {
	return []byte(`<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item>
<g:id>` + id + `</g:id><g:title>` + title + `</g:title><g:brand>Khaite</g:brand><g:gtin>` + gtin + `</g:gtin>
<g:price>890.00 EUR</g:price><g:availability>in stock</g:availability><g:color>Camel</g:color>
</item></channel></rss>`)
}

// productFields is a product's descriptive fields and source, as text.
func productFields(t *testing.T, db *store.DB, id int64) string {
	t.Helper()
	var title, image string
	var category, source int64
	err := db.SQL().QueryRowContext(context.Background(), fmt.Sprintf(`SELECT title, image_url, COALESCE(category_id, 0),
		COALESCE(source_retailer_id, 0) FROM products WHERE id = %d`, id)).Scan(&title, &image, &category, &source)
	if err != nil {
		t.Fatalf("product %d: %v", id, err)
	}
	return fmt.Sprintf("%q image=%t category=%t source=%d", title, image != "", category != 0, source)
}

// TestTrackedPagesNeverWriteListedProducts: a pasted page that joins a feed's product (same
// GTIN) writes none of its fields, not even the empty image and category; a page's product that
// a feed later joins takes the feed's fields and the feed becomes its source, and the page,
// checked again, changes nothing.
func TestTrackedPagesNeverWriteListedProducts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var title atomic.Value
		title.Store("Scarf (page)")
		mux := http.NewServeMux()
		srv := httptest.NewServer(mux)
		defer srv.Close()
		mux.HandleFunc("/coat", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, shopPage("Khaite Coat (page)", "5012345678900", srv.URL+"/img/coat.jpg"))
		})
		mux.HandleFunc("/scarf", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, shopPage(title.Load().(string), "4006381333931", srv.URL+"/img/scarf.jpg"))
		})
		im := ingest.New(db, nil)
		pages := ingest.NewPageImporter(im, db, fetch.New(fetch.Config{Timeout: 10 * time.Second, Allow: loopback}))
		feedShop, err := db.EnsureRetailer(ctx, "Mode Feed")
		if err != nil {
			t.Fatal(err)
		}

		// A listed product first, then a page with the same GTIN.
		mustImport(t, im, coatFeed("F-COAT", "Khaite The Dylan", "5012345678900"), ingest.Options{Retailer: "Mode Feed", ObservedAt: day(0)})
		coat := productOf(t, db, "mode-feed", "F-COAT")
		before := productFields(t, db, coat)
		if want := fmt.Sprintf("%q image=false category=false source=%d", "Khaite The Dylan", feedShop.ID); before != want {
			t.Fatalf("the feed's product: %s, want %s", before, want)
		}
		res, err := pages.ImportPage(ctx, srv.URL+"/coat")
		if err != nil {
			t.Fatal(err)
		}
		if res.ProductID != coat {
			t.Fatalf("the page joined product %d, want the feed's %d (same GTIN)", res.ProductID, coat)
		}
		if got := productFields(t, db, coat); got != before {
			t.Errorf("a tracked page wrote a listed product: %s, was %s", got, before)
		}

		// A page's own product, then a feed joins it.
		res, err = pages.ImportPage(ctx, srv.URL+"/scarf")
		if err != nil {
			t.Fatal(err)
		}
		scarf := res.ProductID
		pageShop, err := db.EnsureTrackedRetailer(ctx, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := productFields(t, db, scarf), fmt.Sprintf("%q image=true category=true source=%d", "Scarf (page)", pageShop.ID); got != want {
			t.Fatalf("the page's product: %s, want %s", got, want)
		}
		mustImport(t, im, coatFeed("F-SCARF", "Khaite The Lorna", "4006381333931"), ingest.Options{Retailer: "Mode Feed", ObservedAt: day(1)})
		if got := productOf(t, db, "mode-feed", "F-SCARF"); got != scarf {
			t.Fatalf("the feed's scarf is product %d, want the page's %d", got, scarf)
		}
		// The feed's title wins and it is the source; the image and category it lacks (a title that
		// names no garment places nothing) stay.
		want := fmt.Sprintf("%q image=true category=true source=%d", "Khaite The Lorna", feedShop.ID)
		if got := productFields(t, db, scarf); got != want {
			t.Errorf("after the feed joined: %s, want %s", got, want)
		}
		title.Store("Scarf (page), Renamed")
		if _, err := pages.ImportPage(ctx, srv.URL+"/scarf"); err != nil {
			t.Fatal(err)
		}
		if got := productFields(t, db, scarf); got != want {
			t.Errorf("the page checked again rewrote the product: %s, want %s", got, want)
		}
	})
}
