package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A recommendation block known only by its heading ("You may also like") lends neither its
// price nor its stock words to a product whose own price is drawn by a script.
func TestRecommendationHeadingBlock(t *testing.T) {
	page := `<html><head><meta property="og:type" content="product"><meta property="og:title" content="Pleated Skirt">
		<meta property="product:price:amount" content="75.00"><meta property="product:price:currency" content="USD"></head>
		<body><main><div class="pdp"><h1>Pleated Skirt</h1><div class="pdp-price"></div></div>
		<section class="module"><div class="module-head"><h2>You may also like</h2></div>
		<div class="grid"><a href="/p/1">Relaxed Blazer</a><span class="tile-price">$129.00</span><p>In stock</p></div></section>
		<section class="module"><h2 class="module-title">Passend dazu</h2><span class="tile-price">$49.00</span></section></main></body></html>`
	o := shownOf(t, page)
	if o.Price != 7500 || o.Availability == catalog.InStock {
		t.Errorf("offer %d %s, want 7500 without the recommendation's stock", o.Price, o.Availability)
	}
	// A heading inside the product's own block (it holds the h1) marks nothing.
	d := newDocument(firstElement(t, `<div><h1>Skirt</h1><h2>Related products</h2><span>$1</span></div>`))
	lens := d.textLengths()
	for i, m := range d.recommendationBlocks(lens, d.titleHeading(nil)) {
		if m {
			t.Errorf("element %d (%s) marked", i, d.elems[i].Data)
		}
	}
}

// A recommendation block waiting for its tiles (an empty grid) marks itself, not the column
// that holds it and the product's price.
func TestEmptyRecommendationBlockStaysSmall(t *testing.T) {
	page := `<html><body><div class="pdp"><div class="col-a"><h1>Pleated Skirt</h1></div>
		<div class="col-b"><span class="price">$75.00</span><button>Add to bag</button>
		<section class="module"><h2>You may also like</h2><div class="grid"></div></section></div></div></body></html>`
	if o := shownOf(t, page); o.Price != 7500 {
		t.Errorf("price %d, want 7500", o.Price)
	}
}

// A recommendation heading above a sold-out product's buy row marks only its own block: the
// product's stock message and disabled button below it are read.
func TestRecommendationHeadingAboveSoldOutBuyRow(t *testing.T) {
	for _, page := range []string{
		`<html><body><div class="product-info"><h1>Linen Dress</h1><div class="price">$49.00</div><h3>Frequently bought together</h3>` +
			`<div class="fbt"><a>Belt</a><span class="price">$20.00</span></div><p class="stock">Sold out</p><button type="submit" disabled>Sold out</button></div></body></html>`,
		// The title outside the buy column: the walk stops at the stock message.
		`<html><body><div class="head"><h1>Linen Dress</h1></div><div class="product-info"><div class="price">$49.00</div><h3>Frequently bought together</h3>` +
			`<div class="fbt"><a>Belt</a><span class="price">$20.00</span></div><div class="row"><p class="stock">Sold out</p></div><button type="submit" disabled>Sold out</button></div></body></html>`,
	} {
		for _, head := range []string{"", linenLD("49.00")} {
			page := strings.Replace(page, "<body>", "<head>"+head+"</head><body>", 1)
			if o := shownOf(t, page); o.Price != 4900 || o.Availability != catalog.OutOfStock {
				t.Errorf("offer %d %s, want 4900 out of stock\n%s", o.Price, o.Availability, page)
			}
		}
	}
	// Without a title h1 there is no price anchor.
	d := newDocument(firstElement(t, `<div><span class="price">$1</span><h2>Related products</h2><span class="price">$2</span></div>`))
	if price, _ := d.productAnchors(nil); price != nil {
		t.Errorf("price anchor %s without a title", text(price, 40))
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
