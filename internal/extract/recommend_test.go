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
