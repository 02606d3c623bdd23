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

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/search"
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
		// The host is new: an unlisted shop, so the product is no one's to see but its trackers'.
		if _, err := db.ProductByID(ctx, res.ProductID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("an unlisted shop's product as anyone sees it: %v, want ErrNotFound", err)
		}
		shop := listHost(t, db, "127.0.0.1")
		p, err := db.ProductByID(ctx, res.ProductID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Brand != "Khaite" || len(p.Offers) != 3 || p.Best.Price != 19900 || p.Best.RegularPrice != 25000 || strings.Join(p.Best.Sizes, " ") != "S L" {
			t.Errorf("product = %s by %q, %d offers, best %d (regular %d), sizes %v", p.Title, p.Brand, len(p.Offers), p.Best.Price, p.Best.RegularPrice, p.Best.Sizes)
		}
		// The page names its image on cdn.shop.example, not the site that served it: dropped.
		if p.ImageURL != "" || p.Offers[0].Retailer != "127.0.0.1" || p.Offers[0].RetailerID != shop.ID || p.Offers[0].URL != srv.URL+"/coat" {
			t.Errorf("image %q, offer of %q (%d) at %q; want no image, the shop 127.0.0.1 (%d), the page's address",
				p.ImageURL, p.Offers[0].Retailer, p.Offers[0].RetailerID, p.Offers[0].URL, shop.ID)
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

// listHost finds the tracked shop of host and lists it, as the admin page does.
func listHost(t *testing.T, db *store.DB, host string) store.TrackedRetailer {
	t.Helper()
	ctx := context.Background()
	shops, err := db.TrackedRetailers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range shops {
		if s.Host == host {
			if s.Listed {
				t.Fatalf("shop %s was listed before an admin listed it", host)
			}
			if err := db.SetRetailerListed(ctx, s.ID, true); err != nil {
				t.Fatal(err)
			}
			s.Listed = true
			return s
		}
	}
	t.Fatalf("no tracked shop for host %s among %+v", host, shops)
	return store.TrackedRetailer{}
}

// sitePage is a product page whose offer links and image point where the test says.
func sitePage(sku, link, image string) string {
	return `<!doctype html><html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"Product","name":"Silk scarf","sku":"` + sku + `","image":"` + image + `",
 "offers":{"@type":"Offer","price":"89.00","priceCurrency":"EUR","availability":"https://schema.org/InStock","url":"` + link + `"}}
</script></head><body><h1>Silk scarf</h1></body></html>`
}

// TestImportPageFinalHost follows a pasted address that redirects to another host: the shop is
// the final host, and links and images are held to that site.
func TestImportPageFinalHost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		final := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			host := "http://" + r.Host
			switch r.URL.Path {
			case "/scarf": // a link elsewhere, an image on the same host
				fmt.Fprint(w, sitePage("SC-1", "https://other-shop.example/scarf", host+"/scarf.jpg"))
			case "/own": // its own link, an image on another site
				fmt.Fprint(w, sitePage("SC-2", host+"/own?size=one", "https://images.elsewhere.example/scarf.jpg"))
			default:
				http.NotFound(w, r)
			}
		}))
		defer final.Close()
		// The pasted address is on 127.0.0.1; it redirects to the page on localhost.
		finalURL := strings.Replace(final.URL, "127.0.0.1", "localhost", 1)
		first := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, finalURL+r.URL.Path, http.StatusFound)
		}))
		defer first.Close()
		client := fetch.New(fetch.Config{Timeout: 10 * time.Second, Allow: loopback})
		pages := ingest.NewPageImporter(ingest.New(db, nil), db, client)

		res, err := pages.ImportPage(ctx, first.URL+"/scarf")
		if err != nil {
			t.Fatal(err)
		}
		if res.URL != finalURL+"/scarf" {
			t.Errorf("result URL %q, want the final address %q", res.URL, finalURL+"/scarf")
		}
		shops, err := db.TrackedRetailers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(shops) != 1 || shops[0].Host != "localhost" || shops[0].Name != "localhost" || shops[0].Listed || shops[0].Products != 1 {
			t.Fatalf("tracked shops = %+v, want one unlisted shop named localhost (the final host) with 1 product", shops)
		}
		offers, err := db.LiveOffersOf(ctx, []int64{res.ProductID})
		if err != nil {
			t.Fatal(err)
		}
		p, err := db.ProductFor(ctx, res.ProductID, 0)
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unlisted product for anyone: %v, want ErrNotFound", err)
		}
		o := offers[res.ProductID]
		if len(o) != 1 || o[0].Retailer != "localhost" || o[0].URL != finalURL+"/scarf" {
			t.Fatalf("offers = %+v, want one of localhost linking the page itself (not other-shop.example)", o)
		}
		listHost(t, db, "localhost")
		if p, err = db.ProductByID(ctx, res.ProductID); err != nil || p.ImageURL != finalURL+"/scarf.jpg" {
			t.Errorf("listed product: image %q (%v), want the same-host image kept", p.ImageURL, err)
		}

		res, err = pages.ImportPage(ctx, first.URL+"/own")
		if err != nil {
			t.Fatal(err)
		}
		if p, err = db.ProductByID(ctx, res.ProductID); err != nil || p.ImageURL != "" || len(p.Offers) != 1 || p.Offers[0].URL != finalURL+"/own?size=one" {
			t.Errorf("product = %+v (%v), want its own link kept and the other site's image dropped", p, err)
		}
	})
}

// TestTrackedPageStaysPrivate: a tracked page's product reaches its shopper (loves, product
// page) and nobody else (index, other shoppers' product pages) until an admin lists the host;
// listing reaches a live index through the change log.
func TestTrackedPageStaysPrivate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, productPage(19900))
		}))
		defer srv.Close()
		pages := ingest.NewPageImporter(ingest.New(db, nil), db, fetch.New(fetch.Config{Timeout: 10 * time.Second, Allow: loopback}))
		live, err := search.Build(ctx, db, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := pages.ImportPage(ctx, srv.URL+"/coat")
		if err != nil {
			t.Fatal(err)
		}
		ada, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		bob, err := db.CreateUser(ctx, "bob@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.TrackPage(ctx, res.URL, store.Love{UserID: ada.ID, ProductID: res.ProductID}, time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}

		if err := live.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
		if got := live.Search(index.Query{Text: "wool coat"}).Total; got != 0 {
			t.Errorf("live index finds %d products for the unlisted page, want 0", got)
		}
		fresh, err := index.Build(ctx, db, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := fresh.Search(index.Query{Text: "wool coat"}).Total; got != 0 {
			t.Errorf("an index built by LoadProducts finds %d, want 0", got)
		}
		loves, err := db.UserLoves(ctx, ada.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(loves) != 1 || loves[0].ProductID != res.ProductID || len(loves[0].Offers) != 3 {
			t.Fatalf("ada's loves = %+v, want the tracked coat with its 3 offers", loves)
		}
		if p, err := db.ProductFor(ctx, res.ProductID, ada.ID); err != nil || len(p.Offers) != 3 || len(p.History) == 0 {
			t.Errorf("the product page for ada: %d offers, %d history rows (%v), want 3 and its history", len(p.Offers), len(p.History), err)
		}
		if _, err := db.ProductFor(ctx, res.ProductID, bob.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the product page for bob: %v, want ErrNotFound", err)
		}

		shop := listHost(t, db, "127.0.0.1")
		if err := live.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
		r := live.Search(index.Query{Text: "wool coat"})
		if r.Total != 1 || r.Hits[0].ProductID != res.ProductID {
			t.Fatalf("after listing, the live index finds %+v, want the coat", r)
		}
		if p, err := db.ProductFor(ctx, res.ProductID, bob.ID); err != nil || len(p.Offers) != 3 {
			t.Errorf("after listing, bob sees %d offers (%v), want 3", len(p.Offers), err)
		}

		// Unlisted again: out of the live index through the change log too.
		if err := db.SetRetailerListed(ctx, shop.ID, false); err != nil {
			t.Fatal(err)
		}
		if err := live.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
		if got := live.Search(index.Query{Text: "wool coat"}).Total; got != 0 {
			t.Errorf("after unlisting, the live index finds %d, want 0", got)
		}
	})
}
