package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// firstElement parses a fragment and returns its first element inside <body>.
func firstElement(t *testing.T, fragment string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<html><body>" + fragment + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	d := newDocument(root)
	for _, n := range d.elems {
		if n.Parent != nil && n.Parent.Type == html.ElementNode && n.Parent.Data == "body" {
			return n
		}
	}
	t.Fatalf("no element in %q", fragment)
	return nil
}

func TestGluedPrice(t *testing.T) {
	for _, c := range []struct {
		html, want string // want "" when the element is not one price drawn in parts
	}{
		{`<div class="price"><span>$</span><span>24</span><span>97</span></div>`, "$24.97"},
		{`<span class="a-price"><span>$</span><span>22<span>.</span></span><span>99</span></span>`, "$22.99"},
		{`<span><span>26<span>,</span></span><span>99</span><span>€</span></span>`, "26,99 €"},
		{`<span class="price">$24<sup>.97</sup></span>`, "$24.97"},
		{`<span><span>$</span><span>1,299</span><span>00</span></span>`, "$1,299.00"},
		{`<span class="pip-price"><span>$</span><span>0</span><span>.99</span></span>`, "$0.99"},
		{`<span class="price"><span>129</span><sup>95</sup></span>`, "129.95"},                     // no symbol, but classed a price
		{`<span class="price"><span>1.299</span><sup>00</sup><span>€</span></span>`, "1.299,00 €"}, // "." groups thousands
		{`<del>$30<sup>00</sup></del>`, "$30.00"},
		{`<div class="price"><span>24</span><span>€</span><span>97</span></div>`, "24.97 €"}, // the sign as decimal point
		{`<span class="now">29<sup>€99</sup></span>`, "29.99 €"},
		{`<span class="now">1.299<sup>€00</sup></span>`, "1.299,00 €"},
		// Not one price in parts:
		{`<span><span>129</span><sup>95</sup></span>`, ""},                                          // no symbol, no price class
		{`<div><span>$12.99</span><span>$17.99</span></div>`, ""},                                   // two prices side by side
		{`<div class="price"><span>$</span><span>24</span><span>975</span></div>`, ""},              // three digits are no cents
		{`<div class="price"><span>$</span><span>22.50</span><span>99</span></div>`, ""},            // decimals already
		{`<div class="price"><span>Was</span><span>$</span><span>24</span></div>`, ""},              // a word among the parts
		{`<div class="price"><span>$24.97</span></div>`, ""},                                        // one part: read as it is
		{`<ul class="pages"><li>1</li><li>2</li><li>3</li></ul>`, ""},                               // page numbers
		{`<div class="price"><span>$</span><span>24 97</span></div>`, ""},                           // a space inside a part
		{`<div class="price"><span>€</span><span>24</span><span>97</span><span>$</span></div>`, ""}, // two symbols
		{`<div class="price"><span>24</span><span>€</span><span>970</span></div>`, ""},              // a symbol before three digits
		{`<div class="price"><span>24</span><span>EUR</span><span>97</span></div>`, ""},             // a code between numbers
		{`<div class="price"><span>24,50</span><span>€</span><span>97</span></div>`, ""},            // decimals already
		{`<div><span class="price-valid"><span>12</span><span>31</span></span></div>`, ""},          // the class is not on it
		{`<p class="price"><del>$30<sup>00</sup></del></p>`, ""},                                    // the <del> inside is read

	} {
		got, ok := gluedPrice(firstElement(t, c.html))
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("gluedPrice(%s) = %q, want %q", c.html, got, c.want)
		}
	}
}

func TestSiblingLabelClimbsToTheWrapper(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<div><span>New (2) from <span class="a-price"><span id="p">$18.50</span></span></span>
		<span>List Price: <span class="a-price"><span id="q">$29.99</span></span></span>
		<span><span>$1.00</span> <span class="x"><span class="y"><span class="z"><span id="r">$2.00</span></span></span></span></span>
		<div><h1>Before Sunrise (Blu-ray)</h1><div class="price"><div><span id="s">$24.00</span></div></div></div>
		<div><span class="badge">20% off</span><div class="price"><span id="t">$24.00</span></div></div>
		<div><span>Statt 39,99</span><span id="u" class="price">29,99 €</span></div>
		<div><span>Was</span><span><span id="v">$30.00</span></span></div></div>`))
	if err != nil {
		t.Fatal(err)
	}
	d := newDocument(root)
	byID := map[string]*html.Node{}
	for _, n := range d.elems {
		if id := attr(n, "id"); id != "" {
			byID[id] = n
		}
	}
	for id, want := range map[string]string{
		"p": "New from",    // the count dropped
		"q": "List Price:", // a wrapper up
		"r": "",            // another price before
		"s": "",            // a heading before the wrapper is not its label
		"t": "",            // nor a badge that does not say what the price is
		"u": "",            // a text with a number in it
		"v": "Was",
	} {
		if got := siblingLabel(byID[id]); got != want {
			t.Errorf("siblingLabel(#%s) = %q, want %q", id, got, want)
		}
	}
}

func TestStockLabelled(t *testing.T) {
	for s, want := range map[string]bool{
		"Availability: Out Of Stock": true, "Verfügbarkeit: nicht lieferbar": true, "Stock: 0": true,
		"Availability": false, "Brand: Nano": false, "Out of stock": false,
	} {
		if got := stockLabelled(s); got != want {
			t.Errorf("stockLabelled(%q) = %v, want %v", s, got, want)
		}
	}
}

// A shown price drawn in parts must not turn a struck regular price into the price, nor a
// "." thousands group into a hundredfold price, over markup that has it right.
func TestGluedPricesOverMarkup(t *testing.T) {
	for _, c := range []struct {
		name, body, markup string
		price, regular     int64
	}{
		{"struck price in parts", `<div class="prices"><p><del>$30<sup>00</sup></del></p><p>$24.97</p></div>`, "24.97", 2497, 3000},
		{"thousands and raised cents", `<span class="price"><span>1.299</span><sup>00</sup><span>€</span></span>`, "1299.00", 129900, 0},
	} {
		page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Widget",
			"offers":{"@type":"Offer","price":"` + c.markup + `","priceCurrency":"EUR"}}</script></head><body><h1>Widget</h1>` + c.body + `</body></html>`
		res, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Products) == 0 || len(res.Products[0].Offers) == 0 {
			t.Fatalf("%s: no offer in %+v", c.name, res)
		}
		o := res.Products[0].Offers[0]
		if o.Price != c.price || o.RegularPrice != c.regular {
			t.Errorf("%s: price %d, regular %d; want %d, %d", c.name, o.Price, o.RegularPrice, c.price, c.regular)
		}
	}
}

// A page whose markup names no currency still says it in its scripts, which settles "$".
func TestScriptCurrencySettlesTheDollar(t *testing.T) {
	page := `<html lang="en"><head><script>window.dataLayer=[{"ecommerce":{"currencyCode":"CAD"}}];
		var meta = {"currency": "CAD", "price": 19.99};</script></head><body><h1>Mini Bag</h1>
		<span class="price">$19.99</span><button class="add-to-cart">Add to cart</button></body></html>`
	res, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Products) == 0 || len(res.Products[0].Offers) == 0 {
		t.Fatalf("no offer: %+v", res)
	}
	if o := res.Products[0].Offers[0]; o.Currency != "CAD" || o.Price != 1999 {
		t.Errorf("got %d %s, want 1999 CAD", o.Price, o.Currency)
	}
	if got := scriptCurrency([]byte(`{"currency":"XYZ"} {'priceCurrency': 'usd'}`)); got != "USD" {
		t.Errorf("scriptCurrency = %q, want USD (XYZ is no currency)", got)
	}
}

// TestSignAsDecimalOnAPage: a French shop's struck and sale prices written "39€99" and
// "29€99", as text and as a raised part, read as 39.99 and 29.99, not as 39 and 29 (or 99).
func TestSignAsDecimalOnAPage(t *testing.T) {
	for _, body := range []string{
		`<div class="price"><del>39€99</del> <span class="sale">29€99</span></div>`,
		`<div class="price"><span class="old">39<sup>€99</sup></span> <span class="now">29<sup>€99</sup></span></div>`,
	} {
		page := `<html><head><title>Le Chiquito</title></head><body><h1>Le Chiquito</h1>` + body + `</body></html>`
		res, err := Page(strings.NewReader(page), "https://shop.example/p/1")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Products) != 1 || len(res.Products[0].Offers) != 1 {
			t.Fatalf("%s: products %+v", body, res.Products)
		}
		o := res.Products[0].Offers[0]
		if o.Price != 2999 || o.RegularPrice != 3999 || o.Currency != "EUR" {
			t.Errorf("%s: price %d regular %d %s, want 2999, 3999 EUR", body, o.Price, o.RegularPrice, o.Currency)
		}
	}
}
