package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

// linenLD is JSON-LD naming "Linen Dress" in stock; price is its offer's price.
func linenLD(price string) string {
	return `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Linen Dress",
		"offers":{"@type":"Offer","price":"` + price + `","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script>`
}

// A sold-out label kept hidden by CSS does not override in-stock markup when an enabled submit
// button in a language the phrase list lacks says the product can be bought.
func TestHiddenSoldOutLabelBesideForeignBuyButton(t *testing.T) {
	for _, label := range []string{
		`<span class="product-label product-label--sold-out">Uitverkocht</span>`,
		`<span class="stock-label is-hidden">Agotado</span>`,
	} {
		for _, button := range []string{
			`<button type="submit" name="add">Toevoegen aan winkelwagen</button>`,
			`<button type="submit" name="add">Añadir a la bolsa</button>`,
			`<button type="submit">Ajouter au sac</button>`,
			`<button name="add">Legg i handlekurven</button>`,
			`<form action="/cart/add"><button type="submit">Zum Warenkorb hinzufügen xyz</button></form>`,
		} {
			page := `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><div class="price">$49.00</div>` + label + button + `</body></html>`
			if got := shownOf(t, page).Availability; got != catalog.InStock {
				t.Errorf("%s %s: availability %s, want in stock", label, button, got)
			}
		}
	}
	for _, phrase := range []string{"toevoegen aan winkelwagen", "añadir a la bolsa", "ajouter au sac", "legg i handlekurven"} {
		if !containsPhrase(phrase, addToCartPhrases) {
			t.Errorf("%q is not an add-to-cart phrase", phrase)
		}
	}
}

// A recommendation heading inside the product's own buy column marks only what follows it, not
// the column holding the product's price and buy button.
func TestRecommendationHeadingInBuyColumn(t *testing.T) {
	for _, heading := range []string{`<h3>Pairs well with</h3>`, `<a class="brand-title">More from Acme</a>`} {
		page := `<html><body><div class="product-header"><h1>Linen Dress</h1></div><div class="product-columns"><div class="gallery"><img src="a.jpg"></div>
			<div class="product-info"><div class="price"><s>$80.00</s> <span class="sale">$64.00</span></div><button type="submit">Add to cart</button>` +
			heading + `<div><a>Belt</a> <span class="price">$20.00</span></div></div></div></body></html>`
		if o := shownOf(t, page); o.Price != 6400 || o.RegularPrice != 8000 {
			t.Errorf("%s: offer %d (regular %d), want 6400 (regular 8000)", heading, o.Price, o.RegularPrice)
		}
	}
	// A heading above the product's price in its own column marks neither the price nor the button.
	page := `<html><body><div class="product-info"><h1>Linen Dress</h1><h3>Pairs well with</h3><div class="price"><s>$80.00</s> <span class="sale">$64.00</span></div>
		<button type="submit">Add to cart</button></div></body></html>`
	if o := shownOf(t, page); o.Price != 6400 || o.RegularPrice != 8000 {
		t.Errorf("heading above the price: offer %d (regular %d), want 6400 (regular 8000)", o.Price, o.RegularPrice)
	}
}

// Only the blocks around the page's title are kept from skipping: a cart drawer's own h1
// ("Your cart") is not the title of a product shown under an h2.
func TestCartDrawerHeadingIsNotTheTitle(t *testing.T) {
	page := `<html><head>` + linenLD("49.00") + `</head><body><div class="cart-drawer"><h1>Your cart</h1>
		<p>Belt <span>$20.00</span></p></div>
		<div class="product"><h2>Linen Dress</h2><span class="price">$49.00</span><button>Add to cart</button></div></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil || len(r.Products) == 0 {
		t.Fatalf("Page = %+v, %v", r, err)
	}
	if got := r.Products[0].Title; got != "Linen Dress" {
		t.Errorf("title %q, want Linen Dress", got)
	}
	if o := r.Products[0].Offers[0]; o.Price != 4900 {
		t.Errorf("price %d, want 4900", o.Price)
	}
	carousel := `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><span class="price">$49.00</span><button>Add to cart</button>
		<section class="related-products"><h1>Belt</h1><span class="price">$20.00</span><p class="stock">Sold out</p></section></body></html>`
	root, err := html.Parse(strings.NewReader(carousel))
	if err != nil {
		t.Fatal(err)
	}
	d := newDocument(root)
	holds := d.headingHolders(d.titleHeading([]string{"Linen Dress"}))
	for i, n := range d.elems {
		if n.DataAtom == 0 {
			continue
		}
		if holds[i] && hasWord(words(n), "related") {
			t.Errorf("the related block holding its own h1 is kept from skipping")
		}
	}
}

// Real prices that only look like a 30-day lowest price, an instalment or a multi-buy total.
func TestRealPricesAreNotDropped(t *testing.T) {
	for _, block := range []string{
		`<p>Lowest price guaranteed <span>$49.00</span></p>`,
		`<p><span class="badge">Lowest price ever</span> <span>$49.00</span></p>`,
		`<p>Size 2X <span>$49.00</span></p>`,
		`<p>1x <span>$49.00</span></p>`,
		`<p><span class="badge">Worth it</span> <span>$49.00</span></p>`,
		`<p><span class="badge">Lowest price guaranteed</span> <span class="note">30-day returns</span> <span>$49.00</span></p>`,
	} {
		page := `<html><body><h1>Linen Dress</h1>` + block + `<button>Add to cart</button></body></html>`
		if o := shownOf(t, page); o.Price != 4900 {
			t.Errorf("%s: price %d, want 4900", block, o.Price)
		}
	}
	for _, block := range []string{`<p>Pack 4 x <span>$9.99</span></p>`, `<p>Box of 10 for <span>$9.99</span></p>`} {
		page := `<html><body><h1>Tea Lights</h1>` + block + `<button>Add to cart</button></body></html>`
		if o := shownOf(t, page); o.Price != 999 {
			t.Errorf("%s: price %d, want 999", block, o.Price)
		}
	}
	for before, want := range map[string]bool{
		"Lowest price guaranteed ": false, "Lowest price ever ": false, "Size 2X ": false, "Pack 4 x ": false, "1x ": false,
		"Box of 10 for ": false, "Lowest price in the last 30 days: ": true, "Niedrigster Preis vor der Preissenkung: ": true,
		"or 4x ": true, "4x ": false, "Pay in 4x ": true, "Buy 3 for ": true, "Kaufe 2 für ": true,
		"Lowest price guaranteed 30-day returns ": false, "Lowest price guaranteed · Free 30-day returns ": false,
		"Niedrigster Preis der letzten 30 Tage: ": true, "Najniższa cena z 30 dni przed obniżką: ": true, "Lowest price (30 days): ": true,
	} {
		if got := notShopperPrice(before, ""); got != want {
			t.Errorf("notShopperPrice(%q) = %v, want %v", before, got, want)
		}
	}
}

// The language alone is the weakest currency hint: the country domain and the shop's declared
// currency come first.
func TestLanguageCurrencyIsLast(t *testing.T) {
	for _, c := range []struct{ page, base, want string }{
		{`<html lang="sv"><body></body></html>`, "https://kauppa.fi/p/1", "EUR"},
		{`<html lang="sv"><head><script>Shopify.currency = {"active":"EUR","rate":"1.0"};</script></head><body></body></html>`, "", "EUR"},
		{`<html lang="sv"><head><script>var meta = {"currency":"NOK"};</script></head><body></body></html>`, "", "NOK"},
		{`<html lang="sv"><body></body></html>`, "", "SEK"},
		{`<html lang="sv"><body></body></html>`, "https://shop.example.com/", "SEK"},
		{`<html lang="sv-FI"><body></body></html>`, "", "EUR"},
	} {
		root, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := currencyHint(newDocument(root), c.base, []byte(c.page)); got != c.want {
			t.Errorf("currencyHint(%s, %q) = %q, want %q", c.page, c.base, got, c.want)
		}
	}
}

// Keys that name a price's validity, id or type are not amounts: "priceValidUntil":"2026-12-31"
// is no 2026.00, "priceId":"p_2931" no 2931.00.
func TestStatePriceKeysThatAreNotAmounts(t *testing.T) {
	for _, blob := range []string{
		`{"product":{"name":"Linen Dress","priceValidUntil":"2026-12-31","available":true}}`,
		`{"product":{"name":"Linen Dress","priceId":"p_2931","available":true}}`,
		`{"product":{"name":"Linen Dress","priceTier":"3","priceType":"2","priceLabel":"12","priceCode":"A7","priceDate":"2026-01-01"}}`,
		`{"product":{"name":"Linen Dress","price":"2026-12-31"}}`,
	} {
		page := `<html><body><h1>Linen Dress</h1><script type="application/json">` + blob + `</script></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Products {
			for _, o := range p.Offers {
				if o.Price != 0 {
					t.Errorf("%s: price %d, want none", blob, o.Price)
				}
			}
		}
	}
	page := `<html><body><h1>Linen Dress</h1><script type="application/json">{"product":{"name":"Linen Dress","priceValidUntil":"2026-12-31",
		"priceId":"p_2931","price":"$49.00"}}</script></body></html>`
	if o := shownOf(t, page); o.Price != 4900 {
		t.Errorf("price %d, want 4900", o.Price)
	}
}

// A cart line in the same blob, named like the product, is not the product: its price is the
// line's total.
func TestStateBlobSkipsCartLines(t *testing.T) {
	for _, blob := range []string{
		`{"a":{"cart":{"items":[{"name":"Linen Dress","price":"$98.00","quantity":2}]}},"b":{"product":{"name":"Linen Dress","price":"$49.00"}}}`,
		`{"a":{"lines":[{"name":"Linen Dress","price":"$98.00","lineTotal":"$98.00"}]},"b":{"product":{"name":"Linen Dress","price":"$49.00"}}}`,
		`{"a":{"wishlist":[{"name":"Linen Dress","price":"$98.00"}]},"b":{"product":{"name":"Linen Dress","price":"$49.00"}}}`,
		`{"a":{"name":"Linen Dress","price":"$98.00"},"b":{"product":{"id":"7","name":"Linen Dress","price":"$49.00"}}}`,
	} {
		page := `<html><body><h1>Linen Dress</h1><script type="application/json">` + blob + `</script></body></html>`
		if o := shownOf(t, page); o.Price != 4900 {
			t.Errorf("%s: price %d, want 4900", blob, o.Price)
		}
	}
}

// Whole numbers are never trusted as major units, written as strings or not and in any currency:
// "4500" may be cents, and Shopify's "price":8400 in yen is ¥84.00 in its minor-unit convention.
func TestStateBlobWholeNumberStrings(t *testing.T) {
	for _, blob := range []string{
		`{"product":{"name":"Linen Dress","price":{"amount":"4500","currencyCode":"USD"}}}`,
		`{"product":{"name":"Linen Dress","price":"4500","currency":"USD"}}`,
		`{"title":"Linen Dress","price":8400,"compare_at_price":12000,"available":true,"currency":"JPY"}`,
	} {
		page := `<html><body><h1>Linen Dress</h1><script type="application/json">` + blob + `</script></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Products {
			for _, o := range p.Offers {
				if o.Price != 0 {
					t.Errorf("%s: price %d %s, want none", blob, o.Price, o.Currency)
				}
			}
		}
	}
	page := `<html><body><h1>Linen Dress</h1><script type="application/json">{"product":{"name":"Linen Dress","price":{"amount":"45.00","currencyCode":"USD"}}}</script></body></html>`
	if o := shownOf(t, page); o.Price != 4500 || o.Currency != "USD" {
		t.Errorf("price %d %s, want 4500 USD", o.Price, o.Currency)
	}
}

// An analytics dataLayer (prices often before VAT) is not the product's state.
func TestStateBlobIgnoresDataLayer(t *testing.T) {
	for _, script := range []string{
		`<script>window.dataLayer = {"ecommerce":{"detail":{"products":[{"name":"Linen Dress","price":"40.83"}]}}};</script>`,
		`<script>dataLayer = {"product":{"name":"Linen Dress","price":"40.83"}};</script>`,
		`<script>var dataLayer = {"product":{"name":"Linen Dress","price":"40.83"}};</script>`,
	} {
		page := `<html><body><h1>Linen Dress</h1>` + script + `</body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Products {
			for _, o := range p.Offers {
				if o.Price != 0 {
					t.Errorf("%s: price %d, want none", script, o.Price)
				}
			}
		}
	}
}

// A delivery line's "Not available" is about a delivery option, not the product's stock; an
// element of a delivery block whose own classes name stock ("delivery-soldout", "stock
// out-of-stock", "stock-status") is the product's stock message and is read.
func TestDeliveryLineIsNotStock(t *testing.T) {
	for _, c := range []struct {
		tail string
		want catalog.Availability
	}{
		{`<div class="delivery-options"><p class="delivery-option">Click &amp; Collect: Not available</p></div>`, catalog.Unknown},
		{`<div class="shipping-info"><div class="delivery-message">Not available</div></div>`, catalog.Unknown},
		{`<div class="delivery-options"><p class="availability">Click &amp; Collect: Not available</p></div>`, catalog.Unknown},
		{`<p class="delivery-availability">Click &amp; Collect: Not available</p>`, catalog.Unknown},
		{`<div class="delivery-options"><p>Click &amp; Collect: Not available</p></div>`, catalog.Unknown},
		{`<div class="shipping"><span class="stock-status">Out of stock</span></div>`, catalog.OutOfStock},
		{`<div class="product-delivery"><p class="stock out-of-stock">Out of stock</p></div>`, catalog.OutOfStock},
		{`<div class="delivery-information delivery-soldout">Nicht verfügbar</div>`, catalog.OutOfStock},
	} {
		page := `<html><body><h1>Linen Dress</h1><span class="price">$49.00</span>` + c.tail + `</body></html>`
		if got := shownOf(t, page).Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.tail, got, c.want)
		}
	}
}

// precedingText looks at a bounded number of siblings (precedingSteps): on a page of prices
// each after hundreds of empty inline elements it stops early instead of walking them all.
func TestPrecedingTextIsBounded(t *testing.T) {
	for _, c := range []struct {
		empty int
		want  string
	}{{3, "4x"}, {precedingSteps + 10, ""}} {
		root, err := html.Parse(strings.NewReader(`<p>4x ` + strings.Repeat(`<i></i>`, c.empty) + `<span id="x">$1</span></p>`))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range newDocument(root).elems {
			if attr(e, "id") == "x" {
				if got := precedingText(e); got != c.want {
					t.Errorf("%d empty elements: precedingText = %q, want %q", c.empty, got, c.want)
				}
			}
		}
	}
}

// Lakh grouping ("12,50,000") is Indian: only with ₹, INR, Rs or an Indian locale.
func TestLakhGroupingOnlyIndian(t *testing.T) {
	// Each text's exact reading: every amount found, with its currency; "" for none. A number
	// grouped in lakhs beside another currency, or beside none on a page not in rupees, is no
	// amount at all (never 12.50 or 1250000).
	for s, want := range map[string]string{
		"12,50,000 €": "", "€12,50,000": "", "$1,29,999": "", "1,29,999": "", "12,50,000 kr": "",
		"₹12,50,000": "1250000 INR", "Rs 12,50,000": "1250000 INR", "INR 12,50,000": "1250000 INR", "₹1,29,999": "129999 INR",
	} {
		var got []string
		for _, p := range findPrices(s, "") {
			got = append(got, p.amount+" "+p.currency)
		}
		if g := strings.Join(got, ", "); g != want {
			t.Errorf("findPrices(%q) = %q, want %q", s, g, want)
		}
	}
	// On a page in rupees an unmarked lakh number is read whole.
	if ps := findPrices("1,29,999", "INR"); len(ps) != 1 || ps[0].amount != "129999" {
		t.Errorf("findPrices(1,29,999, INR) = %+v, want 129999", ps)
	}
}
