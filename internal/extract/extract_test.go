package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

func mustPage(t testing.TB, path, pageURL string) Result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Page(f, pageURL)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

// wantOffer is an expected offer in the contract's terms.
type wantOffer struct{ sku, size, price, regular, currency, availability string }

func offerOf(o Offer) wantOffer {
	w := wantOffer{sku: o.SKU, size: o.Size, currency: o.Currency, availability: string(o.Availability)}
	if o.Price > 0 {
		w.price = catalog.FormatDecimal(o.Price, o.Currency)
	}
	if o.RegularPrice > 0 {
		w.regular = catalog.FormatDecimal(o.RegularPrice, o.Currency)
	}
	return w
}

func TestFixtures(t *testing.T) {
	tests := []struct {
		name, file, pageURL string
		title, brand        string
		products            int
		offers              []wantOffer
		errContains         string // a Result.Errors entry must contain this
	}{
		{name: "JSON-LD Product with Offer", file: "jsonld_offer.html", pageURL: "https://shop.example.com/products/wool-overcoat?x=1",
			title: "Double-Breasted Wool Overcoat", brand: "Maison Ligne", products: 1,
			offers: []wantOffer{{sku: "ML-OC-001", price: "1299.00", currency: "EUR", availability: "in_stock"}}},
		{name: "@graph with @id references, main entity first", file: "jsonld_graph.html",
			title: "Printed Silk Scarf", brand: "Atelier Nord", products: 2,
			offers: []wantOffer{{sku: "AN-SC-22", price: "120.00", currency: "GBP", availability: "out_of_stock"}}},
		{name: "top-level array, list @type, capitalised Offers", file: "jsonld_array.html",
			title: "Ledersneaker Weiß", brand: "Nordlicht", products: 1,
			offers: []wantOffer{{sku: "KH-4711", price: "149.95", currency: "EUR", availability: "in_stock"}, {sku: "KH-4711", price: "139.00", currency: "EUR", availability: "out_of_stock"}}},
		{name: "ProductGroup with hasVariant sizes across blocks", file: "productgroup.html",
			title: "Merino Crew Jumper", brand: "Fjell", products: 1,
			offers: []wantOffer{
				{sku: "FJ-CREW-NAVY-S", size: "S", price: "89.00", currency: "USD", availability: "in_stock"},
				{sku: "FJ-CREW-NAVY-M", size: "M", price: "89.00", currency: "USD", availability: "out_of_stock"},
				{sku: "FJ-CREW-NAVY-L", size: "L", price: "89.00", currency: "USD", availability: "preorder"}}},
		{name: "AggregateOffer lowPrice", file: "aggregate.html", title: "Canvas Tote Bag", brand: "Harbor", products: 1,
			offers: []wantOffer{{price: "24.00", currency: "CAD", availability: "unknown"}}},
		{name: "microdata, cart total and related products ignored", file: "microdata.html", pageURL: "https://coast.example/p/linen",
			title: "Linen Camp Shirt", brand: "Coastline", products: 1,
			offers: []wantOffer{{sku: "LC-SHIRT-BLU", price: "65.00", currency: "GBP", availability: "in_stock"}}},
		{name: "OpenGraph sale price", file: "opengraph.html", title: "Ribbed Knit Beanie", brand: "Knits & Co", products: 1,
			offers: []wantOffer{{sku: "KN-BEANIE-01", price: "28.00", regular: "35.00", currency: "AUD", availability: "in_stock"}}},
		{name: "markup says the regular price, the page shows a sale", file: "sale_markup_regular.html", title: "Pleated Midi Skirt", products: 1,
			offers: []wantOffer{{sku: "PMS-01", price: "79.95", regular: "100.00", currency: "EUR", availability: "in_stock"}}},
		{name: "no markup at all", file: "nomarkup.html", title: "Cable Knit Cardigan", products: 1,
			offers: []wantOffer{{price: "57.00", regular: "95.00", currency: "GBP", availability: "in_stock"}}},
		{name: "broken block skipped, the next one read", file: "broken_jsonld.html", title: "Denim Jacket", products: 1,
			offers:      []wantOffer{{price: "180.00", currency: "USD", availability: "in_stock"}},
			errContains: "json-ld block 1 (line 4): not valid JSON-LD"},
		{name: "@id cycle reported once, variants still read", file: "cycle.html", title: "Trench Coat", products: 1,
			offers:      []wantOffer{{sku: "TC-1", size: "M", price: "240.00", currency: "GBP", availability: "in_stock"}},
			errContains: `@id reference cycle through "#page"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustPage(t, filepath.Join("testdata", tt.file), tt.pageURL)
			if len(res.Products) != tt.products {
				t.Fatalf("%d products, want %d: %+v", len(res.Products), tt.products, res.Products)
			}
			p := res.Products[0]
			if p.Title != tt.title || p.Brand != tt.brand {
				t.Errorf("title %q brand %q, want %q %q", p.Title, p.Brand, tt.title, tt.brand)
			}
			var got []wantOffer
			for _, o := range p.Offers {
				got = append(got, offerOf(o))
			}
			if len(got) != len(tt.offers) {
				t.Fatalf("offers %+v, want %+v", got, tt.offers)
			}
			for i := range got {
				if got[i] != tt.offers[i] {
					t.Errorf("offer %d: %+v, want %+v", i, got[i], tt.offers[i])
				}
			}
			var errs []string
			for _, e := range res.Errors {
				errs = append(errs, e.Error())
			}
			joined := strings.Join(errs, "\n")
			if tt.errContains == "" && len(errs) > 0 {
				t.Errorf("unexpected errors: %s", joined)
			}
			if tt.errContains != "" && !strings.Contains(joined, tt.errContains) {
				t.Errorf("errors %q, want one containing %q", joined, tt.errContains)
			}
		})
	}
}

func TestResolvesURLsAndPageURL(t *testing.T) {
	res := mustPage(t, "testdata/jsonld_offer.html", "")
	if res.URL != "https://shop.example.com/products/wool-overcoat" {
		t.Errorf("URL %q, want the canonical URL", res.URL)
	}
	p := res.Products[0]
	if p.Image != "https://shop.example.com/cdn/overcoat-1.jpg" || p.GTIN != "4006381333931" || p.MPN != "OC001" ||
		p.Category != "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets" {
		t.Errorf("fields: %+v", p)
	}
	res = mustPage(t, "testdata/microdata.html", "https://coast.example/p/linen")
	if got := res.Products[0].Offers[0].URL; got != "https://coast.example/p/linen-camp-shirt" {
		t.Errorf("offer URL %q", got)
	}
}

// TestJSONContract checks the exact field names and forms of `tagdrop extract --json`.
func TestJSONContract(t *testing.T) {
	res := mustPage(t, "testdata/sale_markup_regular.html", "https://mode.example/skirt")
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		URL      string                     `json:"url"`
		Products []map[string]any           `json:"products"`
		Extra    map[string]json.RawMessage `json:"-"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	var top map[string]any
	json.Unmarshal(b, &top)
	if len(top) != 2 || got.URL != "https://mode.example/skirt" {
		t.Errorf("top level %s", b)
	}
	offer := got.Products[0]["offers"].([]any)[0].(map[string]any)
	want := map[string]any{"sku": "PMS-01", "price": "79.95", "regular_price": "100.00", "currency": "EUR", "availability": "in_stock", "url": "https://mode.example/skirt"}
	if len(offer) != len(want) {
		t.Errorf("offer %v, want %v", offer, want)
	}
	for k, v := range want {
		if offer[k] != v {
			t.Errorf("offer[%q] = %v, want %v", k, offer[k], v)
		}
	}
	for _, k := range []string{"brand", "gtin", "mpn", "image"} { // unknown: omitted, not guessed
		if _, ok := got.Products[0][k]; ok {
			t.Errorf("product has %q though the page does not say", k)
		}
	}
	empty, _ := json.Marshal(Result{URL: "x"})
	if string(empty) != `{"url":"x","products":[]}` {
		t.Errorf("empty result %s", empty)
	}
}

func TestShownPrices(t *testing.T) {
	tests := []struct {
		name, text, hint, amount, currency string
	}{
		{"dollar with thousands", "$1,299.00", "", "1299.00", ""},
		{"dollar takes the hint", "$1,299.00", "CAD", "1299.00", "CAD"},
		{"euro comma decimals", "1.299,00 €", "", "1299.00", "EUR"},
		{"code before", "EUR 49,95", "", "49.95", "EUR"},
		{"yen", "¥12,800", "JPY", "12800", "JPY"},
		{"space thousands kr", "2 499 kr", "SEK", "2499", "SEK"},
		{"zloty", "199,99 zł", "", "199.99", "PLN"},
		{"won", "₩159,000", "", "159000", "KRW"},
		{"dash decimals", "49,-", "", "49", ""},
		{"prefixed dollar", "A$239.00", "", "239.00", "AUD"},
		{"arabic-indic digits and separators", "١٬٢٩٩٫٥٠ ر.س", "", "1299.50", "SAR"},
		{"persian digits", "۴۹ د.إ", "", "49", "AED"},
		{"devanagari digits", "₹ ४९९", "", "499", "INR"},
		{"sign as decimal point", "29€99", "", "29.99", "EUR"},
		{"sign as decimal point, grouped", "1 299€00", "", "1299.00", "EUR"},
		{"sign before three digits", "29€999", "", "29", "EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			amount, currency, ok := parseShownPrice(tt.text, tt.hint)
			if !ok || amount != tt.amount || currency != tt.currency {
				t.Errorf("parseShownPrice(%q, %q) = %q %q %v, want %q %q", tt.text, tt.hint, amount, currency, ok, tt.amount, tt.currency)
			}
		})
	}
	for _, bad := range []string{"", "free", "size 38", "A4 paper", "0.00"} {
		if a, c, ok := parseShownPrice(bad, ""); ok && bad != "size 38" && bad != "A4 paper" {
			t.Errorf("parseShownPrice(%q) = %q %q, want no price", bad, a, c)
		}
	}
}

func TestAvailabilityWords(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Out of stock", "out_of_stock"}, {"SOLD OUT", "out_of_stock"}, {"Ausverkauft", "out_of_stock"},
		{"Épuisé", "out_of_stock"}, {"Agotado", "out_of_stock"}, {"Esaurito", "out_of_stock"},
		{"Uitverkocht", "out_of_stock"}, {"Slutsåld", "out_of_stock"}, {"Produkt niedostępny", "out_of_stock"},
		{"在庫切れ", "out_of_stock"}, {"품절", "out_of_stock"}, {"Esgotado", "out_of_stock"}, {"Stokta yok", "out_of_stock"},
		{"Not in stock", "out_of_stock"}, {"Unavailable", "out_of_stock"}, {"Pre-order now", "preorder"},
		{"In stock", "in_stock"}, {"12 in stock", "in_stock"}, {"10 in stock", "in_stock"}, {"Auf Lager", "in_stock"},
		{"Size guide", ""},
		// Real shops' wording: few left is in stock, "soon" only counts beside the stock words,
		// a store or pickup message says nothing of the item's stock.
		{"Only 3 left in stock - order soon.", "in_stock"}, {"Hurry, only 2 left!", "in_stock"},
		{"Usually ships within 2 to 3 days.", "in_stock"}, {"Disponibilità immediata.", "in_stock"},
		{"Limited stock", "in_stock"}, {"In stock soon", "out_of_stock"}, {"Available soon", "out_of_stock"},
		{"Bald wieder verfügbar", "out_of_stock"}, {"Pronto disponible", "out_of_stock"},
		{"Temporarily out of stock. Order now and we'll deliver when available.", "out_of_stock"},
		{"Pickup not available", ""}, {"Available in store", "in_stock"}, {"Out of stock online", "out_of_stock"},
		{"Out of stock online. Check stock in store", "out_of_stock"}, {"Temporarily out of stock, in-store only", "out_of_stock"},
		{"In stock. Free pickup today", "in_stock"}, {"Available for pickup and delivery", "in_stock"},
		{"Bald wieder auf Lager", "out_of_stock"}, {"Binnenkort weer op voorraad", "out_of_stock"},
		{"Presto di nuovo disponibile", "out_of_stock"}, {"Prochainement de nouveau disponible", "out_of_stock"},
		{"Available again very soon", "out_of_stock"},
		{"Only 0 left", ""},
	}
	for _, tt := range tests {
		if got := string(textAvailability(tt.text)); got != tt.want {
			t.Errorf("textAvailability(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestHostileJSONLD: a 1M-element array and deep nesting each cost one error, and the rest of
// the page is still read.
func TestHostileJSONLD(t *testing.T) {
	var huge bytes.Buffer
	huge.WriteString(`<script type="application/ld+json">{"@type":"Product","name":"Big","offers":[`)
	for i := 0; i < 1_000_000; i++ {
		if i > 0 {
			huge.WriteByte(',')
		}
		huge.WriteByte('1')
	}
	huge.WriteString(`]}</script>`)
	deep := `<script type="application/ld+json">` + strings.Repeat(`{"a":`, 100000) + `1` + strings.Repeat(`}`, 100000) + `</script>`
	good := `<script type="application/ld+json">{"@type":"Product","name":"Good Coat","offers":{"price":"10.00","priceCurrency":"EUR"}}</script>`
	tests := []struct {
		name, page, wantErr string
	}{
		{"million-element array", huge.String() + good, "has 1000000 elements: kept the first 10000"},
		{"deep nesting", deep + good, "nested deeper than 64 levels"},
		{"oversized block", `<script type="application/ld+json">"` + strings.Repeat("x", MaxBlockBytes) + `"</script>` + good, "a block may have: skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Page(strings.NewReader(tt.page), "")
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, e := range res.Errors {
				msgs = append(msgs, e.Error())
			}
			if !strings.Contains(strings.Join(msgs, "\n"), tt.wantErr) {
				t.Errorf("errors %q, want %q", msgs, tt.wantErr)
			}
			found := false
			for _, p := range res.Products {
				if p.Title == "Good Coat" && len(p.Offers) == 1 && p.Offers[0].Price == 1000 {
					found = true
				}
			}
			if !found {
				t.Errorf("the good block was lost: %+v", res.Products)
			}
		})
	}
}

func TestOversizedPageIsCut(t *testing.T) {
	page := `<script type="application/ld+json">{"@type":"Product","name":"Early","offers":{"price":"5","priceCurrency":"USD"}}</script>` +
		strings.Repeat("<p>filler</p>", MaxPageBytes/13+10)
	res, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Error(), "read the first 10 MiB only") {
		t.Errorf("errors %v", res.Errors)
	}
	if len(res.Products) != 1 || res.Products[0].Title != "Early" {
		t.Errorf("products %+v", res.Products)
	}
}

func TestLenientJSON(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"trailing commas", `{"a": [1, 2,], }`, `{"a":["1","2"]}`},
		{"raw line break in string", "{\"a\": \"x\ny\"}", `{"a":"x\ny"}`},
		{"comment wrapper", `<!-- {"a": "\u00e9\ud83d\ude00"} -->`, `{"a":"é😀"}`},
		{"two values", `{"a":1}{"b":2}`, `[{"a":"1"},{"b":"2"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _, err := parseLenientJSON([]byte(tt.in), jsonLimits{maxDepth: 10, maxArray: 10, maxNodes: 100})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(v)
			if string(b) != tt.want {
				t.Errorf("got %s, want %s", b, tt.want)
			}
		})
	}
	for _, bad := range []string{`{"a" 1}`, `{"a": [1 2]}`, `{"a": "x`, `{`, `nope`} {
		if _, _, err := parseLenientJSON([]byte(bad), jsonLimits{maxDepth: 10, maxArray: 10, maxNodes: 100}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
