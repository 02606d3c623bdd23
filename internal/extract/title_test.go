package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

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
