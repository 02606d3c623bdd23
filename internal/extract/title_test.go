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

// Compound class words mark a size or colour picker too ("sizeitem", "sizeselector",
// "swatchlist", "colorpicker"): one size's "Ausverkauft" there is not the page's stock. Only the
// listed compounds do: a quantity selector, a size guide or chart, a store selector or a date
// picker is no size picker.
func TestCompoundPickerWords(t *testing.T) {
	for _, w := range []string{"sizeitem", "sizeselector", "sizepicker", "swatchlist", "variantselector", "colorpicker"} {
		if !pickerWord(w) {
			t.Errorf("%q is not a picker word", w)
		}
	}
	for _, w := range []string{"price", "stock", "product", "availability", "pricing", "qtyselector", "sizeguide", "sizechart",
		"storeselector", "datepicker", "quantityselector", "sizeguidelink"} {
		if pickerWord(w) {
			t.Errorf("%q is a picker word", w)
		}
	}
	sizes := `<div class="sizeitem__wrapper"><span class="sizeitem">XS</span><span class="sizeitem sizeitem--notavailable">` +
		`<span class="sizeitem__label">S</span><span class="sizeitem__info">Ausverkauft</span></span></div>`
	page := `<html lang="de"><body><h1>Mantel</h1><span class="price">€ 645</span>` + sizes + `</body></html>`
	if got := shownOf(t, page).Availability; got != catalog.Unknown {
		t.Errorf("one size sold out: availability %q, want unknown", got)
	}
}

// A buy button inside a quantity selector or a size-guide row is the buy button: a Dawn sold-out
// badge beside it does not say out of stock, and its words say in stock.
func TestBuyButtonInQtyOrSizeGuideRow(t *testing.T) {
	for _, c := range []struct {
		price, wrapper string
	}{
		{`<span class="price-item">1 290 Kč</span><span class="badge price__badge-sold-out">Vyprodáno</span>`, "product-form__qtyselector"},
		{`<span class="price-item">1 290 Kč</span>`, "sizeguide-row"},
	} {
		page := `<html lang="cs"><body><h1 class="product__title">Lněná košile</h1><div class="price">` + c.price + `</div>` +
			`<form action="/cart/add" method="post" class="product-form"><select name="id"><option>S</option><option>M</option></select>` +
			`<div class="` + c.wrapper + `"><a href="#sg">Tabulka velikostí</a><input type="number" name="quantity" value="1">` +
			`<button type="submit" name="add" class="btn">Do košíku</button></div></form></body></html>`
		if got := shownOf(t, page).Availability; got != catalog.InStock {
			t.Errorf("%s: availability %q, want in stock", c.wrapper, got)
		}
	}
}

// A quick-add button of another product ("Wear it with", "Shop the look") is no buy control of
// the page's product: the product's disabled "Sold out" button still outweighs stale markup.
func TestQuickAddOfOtherProduct(t *testing.T) {
	for _, block := range []string{
		`<div class="pdp-look"><h3>Wear it with</h3><div class="look-item"><a href="/p/t">Linen Trousers</a><button type="button" class="quick-add-to-bag">Add</button></div></div>`,
		`<div class="shop-the-look"><h3>Shop the look</h3><div><a href="/p/t">Linen Trousers</a><button type="button" class="add-to-bag">Add</button></div></div>`,
	} {
		page := `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><div class="price">$49.00</div>` +
			`<form action="/cart/add" method="post" class="product-form"><button type="submit" name="add" class="btn product-form__submit" disabled>Sold out</button></form>` +
			block + `</body></html>`
		if got := shownOf(t, page).Availability; got != catalog.OutOfStock {
			t.Errorf("%s: availability %q, want out of stock", block, got)
		}
	}
}
