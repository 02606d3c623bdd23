package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/sampledata"
)

// TestExtructSamples reads the extruct test pages and checks what their expected structured data
// (product.json, opengraph_ns_product_test.json) says, read from those files, not retyped.
func TestExtructSamples(t *testing.T) {
	dir := sampledata.Path(t, "product-pages/extruct")
	var micro []struct {
		Properties struct {
			Brand, Name, Mpn string
			Offers           struct {
				Properties struct{ PriceCurrency, Price, Availability string }
			}
		}
	}
	readJSON(t, filepath.Join(dir, "product.json"), &micro)
	want := micro[0].Properties
	for _, file := range []string{"product.html", "product_microdata.html"} {
		t.Run(file, func(t *testing.T) {
			res := mustPage(t, filepath.Join(dir, file), "")
			if len(res.Products) != 1 {
				t.Fatalf("%d products", len(res.Products))
			}
			p := res.Products[0]
			if p.Title != want.Name || p.Brand != want.Brand || p.MPN != want.Mpn || len(p.Offers) != 1 {
				t.Fatalf("product %+v, want %+v", p, want)
			}
			o := offerOf(p.Offers[0])
			if o.price != want.Offers.Properties.Price || o.currency != want.Offers.Properties.PriceCurrency ||
				o.availability != string(catalog.ParseAvailability(want.Offers.Properties.Availability)) {
				t.Errorf("offer %+v, want %+v", o, want.Offers.Properties)
			}
			// The page shows "Regular price: $179.99" before the sale price: the shopper's regular price.
			if o.regular != "179.99" {
				t.Errorf("regular price %q, want the shown 179.99", o.regular)
			}
		})
	}
	t.Run("opengraph_ns_product_test.html", func(t *testing.T) {
		var og []struct{ Properties [][2]string }
		readJSON(t, filepath.Join(dir, "opengraph_ns_product_test.json"), &og)
		props := map[string]string{}
		for _, kv := range og[0].Properties {
			props[kv[0]] = kv[1]
		}
		res := mustPage(t, filepath.Join(dir, "opengraph_ns_product_test.html"), props["og:url"])
		if len(res.Products) == 0 || len(res.Products[0].Offers) == 0 {
			t.Fatalf("no product or offer: %+v", res.Products)
		}
		p := res.Products[0]
		o := offerOf(p.Offers[0])
		if o.price != props["product:price:amount"] || o.currency != props["product:price:currency"] ||
			o.availability != string(catalog.ParseAvailability(props["product:availability"])) {
			t.Errorf("offer %+v, want %v", o, props)
		}
		if p.GTIN != props["product:gtin"] || p.SKU != props["product:retailer_item_id"] {
			t.Errorf("gtin %q sku %q, want %q %q", p.GTIN, p.SKU, props["product:gtin"], props["product:retailer_item_id"])
		}
		if !strings.HasPrefix(props["og:title"], p.Title) {
			t.Errorf("title %q is not the page's product title %q", p.Title, props["og:title"])
		}
	})
}

// TestChangedetectionSnippets reads the odd JSON-LD and microdata snippets and checks each
// one's expected price, currency and availability.
func TestChangedetectionSnippets(t *testing.T) {
	path := filepath.Join(sampledata.Path(t, "product-pages/jsonld-snippets"), "changedetection_snippets.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		var c struct {
			ID       string
			HTML     string
			Expected struct {
				Price, Currency, Availability *string
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		t.Run(c.ID, func(t *testing.T) {
			res, err := Page(strings.NewReader(c.HTML), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Products) == 0 || len(res.Products[0].Offers) == 0 {
				t.Fatalf("no offer: %+v (errors %v)", res.Products, res.Errors)
			}
			o := offerOf(res.Products[0].Offers[0])
			if c.Expected.Price != nil && cmpAmount(o.price, *c.Expected.Price) != 0 {
				t.Errorf("price %q, want %q", o.price, *c.Expected.Price)
			}
			if c.Expected.Currency != nil && o.currency != *c.Expected.Currency {
				t.Errorf("currency %q, want %q", o.currency, *c.Expected.Currency)
			}
			wantAvail := "unknown"
			if c.Expected.Availability != nil {
				wantAvail = string(catalog.ParseAvailability(*c.Expected.Availability))
			}
			if o.availability != wantAvail {
				t.Errorf("availability %q, want %q", o.availability, wantAvail)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no snippets read")
	}
}

// TestAvailabilityPhrasesFromChangedetection checks the phrase table against changedetection.io's
// out-of-stock wording: every phrase that is about stock reads as out of stock or pre-order.
func TestAvailabilityPhrasesFromChangedetection(t *testing.T) {
	path := filepath.Join(sampledata.Path(t, "availability"), "changedetection_out_of_stock_phrases.json")
	var data struct {
		Phrases []string `json:"out_of_stock_phrases"`
	}
	readJSON(t, path, &data)
	// Phrases about searches, tickets or notifications rather than an item's stock.
	notStock := []string{"search results", "find any products", "find a match", "tickets", "tiket", "nie znaleziono", "featured offers",
		"nachricht bei", "benachrichtigt", "message if", "subscribe", "currently have any", "don't currently have", "more on order",
		"when this", "as soon as", "aucune offre", "não estamos", "tidak dijual", "已售", "أخبرني", "mail me", "let me know",
		"estimate of when", "know when or if", "nearby", "awaiting", "arrives in stock"}
	read, missed := 0, []string{}
	for _, p := range data.Phrases {
		if containsPhrase(strings.ToLower(p), notStock) {
			continue
		}
		read++
		if a := textAvailability(p); a != catalog.OutOfStock && a != catalog.Preorder {
			missed = append(missed, p)
		}
	}
	t.Logf("%d of %d stock phrases read, missed: %q", read-len(missed), read, missed)
	if float64(len(missed)) > 0.1*float64(read) {
		t.Errorf("missed %d of %d stock phrases: %q", len(missed), read, missed)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
