package extract

import (
	"slices"
	"strings"
	"testing"
)

// shownOf reads a page and returns its main product's first offer.
func shownOf(t *testing.T, page string) Offer {
	t.Helper()
	r, err := Page(strings.NewReader(page), "")
	if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
		t.Fatalf("Page = %+v, %v", r, err)
	}
	return r.Products[0].Offers[0]
}

// noPriceIn fails the test when any offer read from page has a price; what names the case.
func noPriceIn(t *testing.T, page, what string) {
	t.Helper()
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Products {
		for _, o := range p.Offers {
			if o.Price != 0 {
				t.Errorf("%s: price %d %s, want none", what, o.Price, o.Currency)
			}
		}
	}
}

// A block holding the page's h1 is the product, even when its classes carry a side block's
// word (WooCommerce's "shipping-taxable", a theme's "header--menu-open" on body): its sale
// price and struck price are read, not the stale markup's.
func TestHeadingHolderIsNotSkipped(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
		"name":"Linen Dress","offers":{"@type":"Offer","price":"80.00","priceCurrency":"GBP"}}</script></head>
		<body class="header--menu-open"><div class="product type-product instock sale shipping-taxable purchasable">
		<h1 class="product_title entry-title">Linen Dress</h1>
		<p class="price"><del><span class="amount">£80.00</span></del> <ins><span class="amount">£64.00</span></ins></p>
		<button type="submit">Add to basket</button></div>
		<section class="related products shipping"><h2>Related</h2><span class="amount">£45.00</span></section></body></html>`
	o := shownOf(t, page)
	if o.Price != 6400 || o.RegularPrice != 8000 {
		t.Errorf("offer %d (regular %d), want 6400 (regular 8000)", o.Price, o.RegularPrice)
	}
	d := newDocument(firstElement(t, `<div class="bundle"><div class="x"><h1>T</h1></div><p class="bundle">x</p></div>`))
	if got := d.headingHolders(d.titleHeading(nil)); !slices.Equal(got, []bool{true, true, false, false}) {
		t.Errorf("headingHolders = %v", got)
	}
}

// The words of a buy action ("prices-add-to-cart-actions") do not make a cart of the block.
func TestBuyActionIsNotACart(t *testing.T) {
	page := `<html><body><h1 class="product-name">Puffer Vest</h1>
		<div class="prices-add-to-cart-actions"><div class="prices"><div class="price"><span><del><span class="strike-through list">
		<span class="value" content="89.00">$89.00</span></span></del><span class="sales"><span class="value" content="59.99">$59.99</span></span></span></div></div>
		<button class="add-to-cart btn">Add to Cart</button></div></body></html>`
	if o := shownOf(t, page); o.Price != 5999 || o.RegularPrice != 8900 {
		t.Errorf("offer %d (regular %d), want 5999 (regular 8900)", o.Price, o.RegularPrice)
	}
	for _, c := range []struct{ in, want []string }{
		{[]string{"prices", "add", "to", "cart", "actions"}, []string{"prices", "actions"}},
		{[]string{"add", "bag"}, nil},
		{[]string{"box", "tocart"}, []string{"box"}},
		{[]string{"mini", "cart"}, []string{"mini", "cart"}},
	} {
		if got := withoutBuyAction(c.in); !slices.Equal(got, c.want) {
			t.Errorf("withoutBuyAction(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// A buy box drawn as an <aside> that holds the page's h1 is the product's; other asides are not.
func TestAsideBuyBox(t *testing.T) {
	page := `<html><body><main><div class="gallery"></div><aside class="buybox"><h1>Wool Overcoat</h1>
		<div class="buybox__price"><s>£220.00</s> <span class="price">£154.00</span></div><button>Add to bag</button></aside></main>
		<aside class="viewed"><h2>Last seen</h2><span class="price">£45.00</span></aside></body></html>`
	if o := shownOf(t, page); o.Price != 15400 || o.RegularPrice != 22000 {
		t.Errorf("offer %d (regular %d), want 15400 (regular 22000)", o.Price, o.RegularPrice)
	}
}

// A cart drawer's short h1 that the product's name contains ("Bag" in "Tote Bag") is not the
// title heading: the drawer stays skipped and its line's price is not the product's.
func TestCartDrawerHeadingIsNotTitle(t *testing.T) {
	page := `<html><head><meta property="og:title" content="Tote Bag"></head><body>` +
		`<aside class="drawer"><h1>Bag</h1><p>Linen Dress <span class="price">$98.00</span></p></aside>` +
		`<div class="product"><h1>Tote Bag</h1><div class="price">$39.00</div></div></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
		t.Fatalf("Page = %+v, %v", r, err)
	}
	if p := r.Products[0]; p.Title != "Tote Bag" || p.Offers[0].Price != 3900 {
		t.Errorf("product %q %d, want \"Tote Bag\" 3900", p.Title, p.Offers[0].Price)
	}
	// An h1 in a cart block (one holding less than half the page's text and no <main>) is never
	// the title heading, even when it names the product.
	d := newDocument(firstElement(t, `<div><div class="minicart"><h1>Tote Bag</h1></div><div class="product"><h1>Tote Bag</h1><div class="price">$39.00</div></div></div>`))
	if h := d.titleHeading([]string{"Tote Bag"}); h == nil || h.Parent.Data != "div" || attr(h.Parent, "class") != "product" {
		t.Errorf("title heading in the mini cart")
	}
}

// linenLD is JSON-LD naming "Linen Dress" in stock; price is its offer's price.
func linenLD(price string) string {
	return `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Linen Dress",
		"offers":{"@type":"Offer","price":"` + price + `","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script>`
}

// "unit" in a class names a unit price ("unit-price", "Grundpreis"), which is skipped, unless
// the same class gives the price a role: "price-unit--original" is a price component's struck part.
func TestUnitClassWithARole(t *testing.T) {
	o := shownOf(t, `<html><body><h1>Mini bag</h1><div class="price"><span class="price-unit--original"><del>44,95 €</del></span>
<span class="price-unit--sale">29,95 €</span></div><div class="unit-price">1 l = 59,90 €</div><button>In den Warenkorb</button></body></html>`)
	if o.Price != 2995 || o.RegularPrice != 4495 {
		t.Errorf("price %d, regular %d; want 2995, 4495", o.Price, o.RegularPrice)
	}
	o = shownOf(t, `<html><body><h1>Mini bag</h1><div class="unit-price">59,90 € / 1 l</div><div class="price">29,95 €</div>
<button>In den Warenkorb</button></body></html>`)
	if o.Price != 2995 {
		t.Errorf("price %d, want 2995 (the unit price skipped)", o.Price)
	}
	// "reference" is a unit price's word (Shopware's "price-unit-reference"), not a role.
	o = shownOf(t, `<html><body><h1>Mini bag</h1><div class="price">7,99 €</div><span class="price-unit-reference">15,98 € / 1 l</span>
<button>In den Warenkorb</button></body></html>`)
	if o.Price != 799 || o.RegularPrice != 0 {
		t.Errorf("price %d, regular %d; want 799 and no regular price", o.Price, o.RegularPrice)
	}
}
