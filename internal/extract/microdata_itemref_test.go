package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// errorsOf joins a result's errors, one a line.
func errorsOf(res Result) string {
	var msgs []string
	for _, e := range res.Errors {
		msgs = append(msgs, e.Error())
	}
	return strings.Join(msgs, "\n")
}

// TestMicrodataItemref: a shop theme that marks up the product on its gallery column and pulls
// the name, the buy box (one offer per size) and the details block in through itemref; a
// "complete the look" card whose price sits beside the card. Each product gets its own offers.
func TestMicrodataItemref(t *testing.T) {
	res := mustPage(t, "testdata/microdata_itemref.html", "https://northbound.example/products/wool-wrap-coat-camel")
	if msgs := errorsOf(res); msgs != "" {
		t.Errorf("unexpected errors: %s", msgs)
	}
	if len(res.Products) != 2 {
		t.Fatalf("%d products, want the coat and the scarf: %+v", len(res.Products), res.Products)
	}
	coat := res.Products[0]
	if coat.Title != "Wool Blend Wrap Coat" || coat.Brand != "Northbound" || coat.SKU != "NB-WRAP-CML" ||
		coat.MPN != "NB-WRAP-01" || coat.GTIN != "5060123450018" ||
		coat.Image != "https://northbound.example/media/wrap-coat-camel-1.jpg" ||
		coat.URL != "https://northbound.example/products/wool-wrap-coat-camel" {
		t.Errorf("coat %+v", coat)
	}
	want := []wantOffer{
		{sku: "NB-WRAP-CML-S", price: "189.00", currency: "GBP", availability: "in_stock"},
		{sku: "NB-WRAP-CML-M", price: "189.00", currency: "GBP", availability: "out_of_stock"},
	}
	if len(coat.Offers) != len(want) {
		t.Fatalf("coat offers %+v, want %+v", coat.Offers, want)
	}
	for i, o := range coat.Offers {
		if got := offerOf(o); got != want[i] {
			t.Errorf("coat offer %d: %+v, want %+v", i, got, want[i])
		}
	}
	scarf := res.Products[1]
	if scarf.Title != "Cashmere Scarf" || len(scarf.Offers) != 1 || offerOf(scarf.Offers[0]).price != "45.00" {
		t.Errorf("scarf %+v, want its own offer of 45.00", scarf)
	}
}

// TestMicrodataItemrefCycleAndMissing: an id named twice is read once, an id naming no element
// is reported, and an offer pointing back at its product ends in one reported cycle.
func TestMicrodataItemrefCycleAndMissing(t *testing.T) {
	res := mustPage(t, "testdata/microdata_itemref_cycle.html", "https://ateliersud.example/p/pantalon")
	if len(res.Products) != 1 {
		t.Fatalf("%d products, want 1: %+v", len(res.Products), res.Products)
	}
	p := res.Products[0]
	if p.Title != "Pantalon large plissé" || p.Brand != "Atelier Sud" {
		t.Errorf("product %+v", p)
	}
	if len(p.Offers) != 1 || offerOf(p.Offers[0]) != (wantOffer{sku: "AS-PLT-38", price: "120.00", currency: "EUR", availability: "in_stock"}) {
		t.Errorf("offers %+v, want the one offer once", p.Offers)
	}
	msgs := errorsOf(res)
	for _, want := range []string{`microdata (line 9): itemref names no element with id "look-reviews"`, "itemref cycle"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("errors %q, want one containing %q", msgs, want)
		}
	}
	if n := strings.Count(msgs, "itemref cycle"); n != 1 {
		t.Errorf("cycle reported %d times, want once: %s", n, msgs)
	}
}

// TestMicrodataItemrefRules checks the crawl on small pages: properties in document order
// wherever they are written, an element reached twice read once, a self-reference harmless, a
// missing id reported once however many items name it.
func TestMicrodataItemrefRules(t *testing.T) {
	const offer = `<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="10.00"><meta itemprop="priceCurrency" content="EUR"></div>`
	tests := []struct {
		name, page, title string
		offers            int
		errors            []string
	}{
		{name: "a referenced name before the item comes first",
			page:  `<h1 id="t" itemprop="name">Shown Name</h1><div itemscope itemtype="https://schema.org/Product" itemref="t"><span itemprop="name">Later Name</span>` + offer + `</div>`,
			title: "Shown Name", offers: 1},
		{name: "a referenced element inside the item is read once",
			page:  `<div itemscope itemtype="https://schema.org/Product" itemref="o"><span itemprop="name">Belt</span><div id="o">` + offer + `</div></div>`,
			title: "Belt", offers: 1},
		{name: "an item naming itself",
			page:  `<div id="me" itemscope itemtype="https://schema.org/Product" itemref="me me"><span itemprop="name">Cap</span>` + offer + `</div>`,
			title: "Cap", offers: 1},
		{name: "an enclosing element named: its other children join, the item is not read again",
			page:  `<section id="wrap"><div itemscope itemtype="https://schema.org/Product" itemref="wrap"><span itemprop="name">Boot</span></div>` + offer + `</section>`,
			title: "Boot", offers: 1},
		{name: "a missing id named by two items is reported once",
			page: `<div itemscope itemtype="https://schema.org/Product" itemref="gone"><span itemprop="name">Sock</span>` + offer + `</div>` +
				`<ul><li itemscope itemtype="https://schema.org/Product" itemref="gone"><span itemprop="name">Other Sock</span></li></ul>`,
			title: "Sock", offers: 1, errors: []string{`itemref names no element with id "gone"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Page(strings.NewReader(`<!doctype html><html><body>`+tt.page+`</body></html>`), "https://shop.example/p")
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Products) == 0 {
				t.Fatalf("no product; errors: %s", errorsOf(res))
			}
			p := res.Products[0]
			if p.Title != tt.title || len(p.Offers) != tt.offers {
				t.Errorf("product %q with %d offers, want %q with %d: %+v", p.Title, len(p.Offers), tt.title, tt.offers, p)
			}
			msgs := errorsOf(res)
			if len(tt.errors) == 0 && msgs != "" {
				t.Errorf("unexpected errors: %s", msgs)
			}
			for _, want := range tt.errors {
				if n := strings.Count(msgs, want); n != 1 {
					t.Errorf("errors %q: %q %d times, want once", msgs, want, n)
				}
			}
		})
	}
}

// TestMicrodataItemrefBudget: thousands of items each naming one big block cost one error
// naming the visit limit, not a hang; the page's JSON-LD product is still read. No timing.
func TestMicrodataItemrefBudget(t *testing.T) {
	big := `<div id="big">` + strings.Repeat(`<span>x</span>`, 2000) + `</div>`
	items := strings.Repeat(`<i itemscope itemtype="https://schema.org/Thing" itemref="big"></i>`, 1000)
	good := `<script type="application/ld+json">{"@type":"Product","name":"Good Coat","offers":{"price":"10.00","priceCurrency":"EUR"}}</script>`
	res, err := Page(strings.NewReader(`<html><body>`+good+big+items+`</body></html>`), "")
	if err != nil {
		t.Fatal(err)
	}
	if msgs := errorsOf(res); !strings.Contains(msgs, "elements to visit following itemref") {
		t.Errorf("errors %q, want one naming the visit limit", msgs)
	}
	if len(res.Products) != 1 || res.Products[0].Title != "Good Coat" {
		t.Errorf("products %+v, want the JSON-LD product", res.Products)
	}
}

// TestMicrodataItemrefPropertiesOnce reads items' property lists directly (offers that repeat
// are merged later, which would hide a repeat): an element reached through two ids, through an
// id and as a descendant, or through an id naming the item itself gives one value.
func TestMicrodataItemrefPropertiesOnce(t *testing.T) {
	tests := []struct {
		name, page string
		want       map[string]int // property → number of values
	}{
		{name: "an id named twice",
			page: `<div id="it" itemscope itemref="o o"><span itemprop="name">A</span></div><p id="o" itemprop="offers">1</p>`,
			want: map[string]int{"name": 1, "offers": 1}},
		{name: "an id inside the item",
			page: `<div id="it" itemscope itemref="b"><div id="b"><span itemprop="brand">B</span></div></div>`,
			want: map[string]int{"brand": 1}},
		{name: "an id inside another named element",
			page: `<div id="it" itemscope itemref="outer inner"></div><div id="outer"><p id="inner" itemprop="sku">S</p><p itemprop="mpn">M</p></div>`,
			want: map[string]int{"sku": 1, "mpn": 1}},
		{name: "the item itself and its ancestor",
			page: `<section id="s"><div id="it" itemscope itemref="it s"><span itemprop="name">N</span></div><p itemprop="color">red</p></section>`,
			want: map[string]int{"name": 1, "color": 1}},
		{name: "a property that is also an item, named twice",
			page: `<div id="it" itemscope itemref="x x"></div><div id="x" itemprop="offers" itemscope><meta itemprop="price" content="1"></div>`,
			want: map[string]int{"offers": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := html.Parse(strings.NewReader(`<!doctype html><html><body>` + tt.page + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			x := &extraction{raw: []byte(tt.page), doc: newDocument(res)}
			m := newMicrodataReader(x)
			node := m.item(m.ids["it"], 0)
			got := map[string]int{}
			for k, v := range node {
				if l, ok := v.([]any); ok && k != "@type" {
					got[k] = len(l)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("properties %v, want %v", got, tt.want)
			}
			for k, n := range tt.want {
				if got[k] != n {
					t.Errorf("%s: %d values, want %d (all: %v)", k, got[k], n, got)
				}
			}
			if len(x.errors) > 0 {
				t.Errorf("unexpected errors: %v", x.errors)
			}
		})
	}
}
