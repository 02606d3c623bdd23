package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// An og:title with a shop's suffix ("Linen Dress | Acme Store") or a longer name than the h1
// ("Air Max 90 Men's Shoe" beside "Nike Air Max 90") still finds the title heading: the
// product's price after a recommendation heading in its own block, or after one in a side
// column, stays the product's, with its stock.
func TestShopSuffixTitleAnchorsRecommendation(t *testing.T) {
	for _, c := range []struct {
		page           string
		price, regular int64
		avail          catalog.Availability
	}{
		{`<html><head><meta property="og:title" content="Linen Dress | Acme Store"></head><body><div class="product-info"><h1>Linen Dress</h1>` +
			`<h3>Pairs well with</h3><div class="price"><s>$80.00</s> <span class="sale">$64.00</span></div><button type="submit">Add to cart</button></div></body></html>`,
			6400, 8000, catalog.InStock},
		{`<html><head><meta property="og:title" content="Linen Dress – Acme"></head><body><div class="product-info"><h1>Linen Dress</h1>` +
			`<h3>Complete the look</h3><div class="price">$49.00</div><p class="stock">Sold out</p><button type="submit" disabled>Sold out</button></div></body></html>`,
			4900, 0, catalog.OutOfStock},
		{`<html><head><meta property="og:title" content="Air Max 90 Men's Shoe"></head><body><div class="row"><div class="col-left"><h3>Recently viewed</h3></div>` +
			`<div class="col-main"><h1>Nike Air Max 90</h1><div class="price">$120.00</div><p class="stock">Sold out</p><button disabled>Add to cart</button></div></div></body></html>`,
			12000, 0, catalog.OutOfStock},
		{`<html><head><meta property="og:title" content="Air Max 90 Men's Shoe"></head><body><div class="row"><div class="col-left"><h3>Recently viewed</h3></div>` +
			`<div class="col-main"><h1>Nike Air Max 90</h1><div class="price">$120.00</div><a class="btn">Add to cart</a></div></div></body></html>`,
			12000, 0, ""},
	} {
		o := shownOf(t, c.page)
		if o.Price != c.price || o.RegularPrice != c.regular || c.avail != "" && o.Availability != c.avail {
			t.Errorf("offer %d (regular %d) %s, want %d (regular %d) %s\n%s", o.Price, o.RegularPrice, o.Availability, c.price, c.regular, c.avail, c.page)
		}
	}
	for _, c := range []struct {
		name, h1 string
		match    bool
	}{
		{"Linen Dress | Acme Store", "Linen Dress", true},
		{"Linen Dress - Acme", "Linen Dress", true},
		{"Air Max 90 Men's Shoe", "Nike Air Max 90", false}, // neither holds the other; findTitle anchors it
		{"Tote Bag", "Bag", false},
		{"Classic Tote Bag", "Tote Bag", true},
	} {
		d := newDocument(firstElement(t, `<div><h1>`+c.h1+`</h1></div>`))
		if got := d.titleHeading([]string{c.name}) != nil; got != c.match {
			t.Errorf("titleHeading(%q) over h1 %q = %v, want %v", c.name, c.h1, got, c.match)
		}
	}
}

// A "Regular price" in a sale block whose sale price a script draws is not the price paid.
func TestRegularPriceBesideEmptySalePrice(t *testing.T) {
	page := `<html><head><meta property="og:title" content="Linen Dress"></head><body><h1>Linen Dress</h1><div class="price price--on-sale">` +
		`<span class="visually-hidden">Regular price</span><span class="price-item price-item--regular">$80.00</span>` +
		`<span class="visually-hidden">Sale price</span><span class="price-item price-item--sale" data-js-sale></span></div>` +
		`<button type="submit" name="add">Add to cart</button></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Products {
		for _, o := range p.Offers {
			if o.Price != 0 {
				t.Errorf("price %d, want none", o.Price)
			}
		}
	}
}

// Themes that wrap the whole page in a drawer's class (Debut's "page-container
// drawer-page-content", Brooklyn's and Timber's "is-moved-by-drawer") keep their title heading.
func TestPageWrapperDrawerIsNotACart(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
		"name":"Linen Dress","offers":{"@type":"Offer","price":"80.00","priceCurrency":"GBP"}}</script></head>
		<body><div class="is-moved-by-drawer"><div class="product type-product instock sale shipping-taxable purchasable">
		<h1 class="product_title entry-title">Linen Dress</h1>
		<p class="price"><del><span class="amount">£80.00</span></del> <ins><span class="amount">£64.00</span></ins></p>
		<button type="submit">Add to basket</button></div>
		<section class="related products shipping"><h2>Related</h2><span class="amount">£45.00</span></section></div></body></html>`
	if o := shownOf(t, page); o.Price != 6400 || o.RegularPrice != 8000 || o.Availability != catalog.InStock {
		t.Errorf("offer %d (regular %d) %s, want 6400 (regular 8000) in stock", o.Price, o.RegularPrice, o.Availability)
	}
	for _, wrap := range []string{`<div class="page-container drawer-page-content">`, `<div class="site-drawer"><main>`} {
		d := newDocument(firstElement(t, `<div>`+wrap+`<div class="product"><h1>Tote Bag</h1><div class="price">$39.00</div></div></div></div>`))
		if d.titleHeading([]string{"Tote Bag"}) == nil {
			t.Errorf("no title heading in %s", wrap)
		}
	}
}

// A product name with a recommendation phrase in it ("Wear It With Pride Tee") is not a
// recommendation heading.
func TestProductNameWithRecommendationPhrase(t *testing.T) {
	page := `<html><body><div class="product"><div class="product-title">Wear It With Pride Tee</div>` +
		`<div class="price">$25.00</div><button type="submit">Add to cart</button></div></body></html>`
	if o := shownOf(t, page); o.Price != 2500 {
		t.Errorf("price %d, want 2500", o.Price)
	}
	for _, c := range []struct {
		html string
		want bool
	}{
		{`<div class="product-title">Wear It With Pride Tee</div>`, false},
		{`<h2>Wear it with</h2>`, true},
		{`<h2>Complete the look for summer</h2>`, true},
		{`<h2>Our picks: you may also like</h2>`, false},
	} {
		if got := recommendationHeading(firstElement(t, c.html)); got != c.want {
			t.Errorf("recommendationHeading(%s) = %v, want %v", c.html, got, c.want)
		}
	}
}
