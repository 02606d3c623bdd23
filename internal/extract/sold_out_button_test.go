package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

// A sold-out buy button outweighs markup that says in stock only when the markup has one offer:
// with several (sizes), the button speaks for the selected one.
func TestSoldOutButtonOverridesStaleMarkup(t *testing.T) {
	page := func(offers string) string {
		return `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
			"name":"Micro Bag","offers":[` + offers + `]}</script></head><body>
			<h1 class="product__title">Micro Bag</h1><span class="price">$45.00</span>
			<button type="submit" class="product-form__submit" disabled>Sold out</button></body></html>`
	}
	offer := `{"@type":"Offer","price":"45.00","priceCurrency":"USD","availability":"https://schema.org/InStock","sku":"%s"}`
	for _, c := range []struct {
		name, offers string
		want         []catalog.Availability
	}{
		{"one offer", strings.Replace(offer, "%s", "A", 1), []catalog.Availability{catalog.OutOfStock}},
		{"two sizes", strings.Replace(offer, "%s", "S", 1) + "," + strings.Replace(offer, "%s", "M", 1),
			[]catalog.Availability{catalog.InStock, catalog.InStock}},
	} {
		res, err := Page(strings.NewReader(page(c.offers)), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Products) != 1 || len(res.Products[0].Offers) != len(c.want) {
			t.Fatalf("%s: got %+v", c.name, res.Products)
		}
		for i, o := range res.Products[0].Offers {
			if o.Availability != c.want[i] {
				t.Errorf("%s: offer %d is %s, want %s", c.name, i, o.Availability, c.want[i])
			}
		}
	}
}

// A size picker's sold-out button is not the buy button: the page stays in stock.
func TestSoldOutSizeIsNotTheBuyButton(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Micro Bag",
		"offers":{"@type":"Offer","price":"45.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script></head><body>
		<h1>Micro Bag</h1><span class="price">$45.00</span>
		<ul class="swatches"><li><button>S</button></li><li><button disabled>M (Sold out)</button></li></ul>
		<button type="submit" class="add-to-cart">Add to cart</button></body></html>`
	res, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Products[0].Offers[0].Availability; got != catalog.InStock {
		t.Errorf("availability %s, want in stock", got)
	}
	// Without markup the picker's button is not read either.
	res, err = Page(strings.NewReader(`<html><body><h1>Micro Bag</h1><span class="price">$45.00</span>
		<div class="size-picker"><button disabled>M - sold out</button></div><button class="btn add-to-cart">Add to cart</button></body></html>`), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Products[0].Offers[0].Availability; got != catalog.InStock {
		t.Errorf("without markup: availability %s, want in stock", got)
	}
}

// Shopify's Dawn theme keeps a "Sold out" badge beside every price and shows it by CSS only
// when the product is sold out: with an enabled add-to-cart button the product is in stock;
// with the button disabled and saying "Sold out" it is not. A stock message that is not a
// badge still wins over the button.
func TestSoldOutBadgeBesideAnEnabledCart(t *testing.T) {
	page := func(stock, button string) string {
		return `<html><body><h1 class="product__title">Micro Bag</h1>
			<div class="price"><span class="price-item">$84.00 USD</span>` + stock + `</div>` + button + `</body></html>`
	}
	badge := `<span class="badge price__badge-sold-out">Sold out</span>`
	message := `<p class="product__inventory">Sold out</p>`
	enabled := `<button type="submit" name="add" class="product-form__submit button"><span>Add to cart</span></button>`
	disabled := `<button type="submit" name="add" class="product-form__submit button" disabled><span>Sold out</span></button>`
	for _, c := range []struct {
		name, stock, button string
		want                catalog.Availability
	}{
		{"badge, enabled cart", badge, enabled, catalog.InStock},
		{"badge, sold-out button", badge, disabled, catalog.OutOfStock},
		{"stock message, enabled cart", message, enabled, catalog.OutOfStock},
	} {
		res, err := Page(strings.NewReader(page(c.stock, c.button)), "https://shop.example/p")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Products) != 1 || len(res.Products[0].Offers) != 1 {
			t.Fatalf("%s: got %+v", c.name, res.Products)
		}
		if got := res.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
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

// The product's own status message saying sold out overrides one offer the markup says is in
// stock when no buy control follows the title (Nike's "Sold Out: ..." beside only a Favorite
// button, a "stock-status" line beside a notify-me button). A badge, a size's message, a message
// hidden by a class, or any buy control (even disabled) keeps the markup's in stock.
func TestOwnSoldOutStatusWithoutBuyControl(t *testing.T) {
	page := func(tail string) string {
		return `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><div class="price">$49.00</div>` + tail + `</body></html>`
	}
	for _, c := range []struct {
		tail string
		want catalog.Availability
	}{
		{`<div data-testid="product-status-message"><p>Sold Out: This product is no longer available.</p></div>` +
			`<button type="button" class="css-favorite">Favorite</button>`, catalog.OutOfStock},
		{`<p class="stock-status">Uitverkocht</p>`, catalog.OutOfStock},
		{`<p class="stock-status">Agotado</p><button type="button">Avísame</button>`, catalog.OutOfStock},
		{`<span class="badge price__badge-sold-out">Sold out</span>`, catalog.InStock},
		{`<p class="stock-status is-hidden">Sold out</p>`, catalog.InStock},
		{`<div class="d-none"><p class="stock">Sold out</p></div>`, catalog.InStock},
		{`<div class="size-selector"><span class="stock">S: sold out</span></div>`, catalog.InStock},
		{`<p class="stock-status">Sold out</p><button class="add-to-bag" disabled>Add to bag</button>`, catalog.InStock},
		{`<p class="stock-status">Sold out</p><button class="btn">In den Warenkorb</button>`, catalog.InStock},
	} {
		if got := shownOf(t, page(c.tail)).Availability; got != c.want {
			t.Errorf("%s: availability %s, want %s", c.tail, got, c.want)
		}
	}
}

// The product's own sold-out status overrides the markup's in stock only when its text is a
// status and a sentence or a sold-out phrase alone, no buy control follows, and a size picker, if
// any, has no option left: "Almost sold out", "Size out of stock? …", "Sold out: XS, S, M", a
// message hidden by a stylesheet or by "display-none" beside sizes that can be chosen, keep it.
func TestOwnSoldOutStatusNarrowed(t *testing.T) {
	sizes := func(disabled string) string {
		return `<fieldset class="pdp-sizes"><ul class="size-list"><li class="size-list__item"><input type="radio" name="size" id="sS" value="S"` + disabled +
			`><label for="sS">S</label></li><li class="size-list__item"><input type="radio" name="size" id="sM" value="M"` + disabled +
			`><label for="sM">M</label></li></ul></fieldset>`
	}
	page := func(tail string) string {
		return `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><div class="price">$49.00</div>` + tail + `</body></html>`
	}
	for _, c := range []struct {
		tail string
		want catalog.Availability
	}{
		{`<p class="pdp-stock-message">Almost sold out</p>` + sizes("") + `<div id="add-to-bag-root"></div>`, catalog.InStock},
		{`<p class="pdp-stock-message">Almost sold out</p>` + sizes("") + `<button class="pdp-cta" type="button" disabled>Select a size</button>`, catalog.InStock},
		{sizes("") + `<div class="pdp-back-in-stock"><p class="stock-status">Size out of stock? We can let you know when it is back.</p><a href="#notify">Email me</a></div>`, catalog.InStock},
		{`<style>.pdp-soldout{display:none}</style><div class="pdp-soldout stock-msg">Sold out</div>` + sizes(""), catalog.InStock},
		{`<div class="product-availability display-none">Out of stock</div>` + sizes(""), catalog.InStock},
		{`<p class="pdp-note">Sold out: XS, S, M</p>` + sizes(""), catalog.InStock},
		{`<p class="stock-status sr-only">Sold out</p>`, catalog.InStock},
		{`<div class="collapse"><p class="stock-status">Sold out</p></div>`, catalog.InStock},
		{`<p class="stock-status">Nearly sold out</p>`, catalog.InStock},
		{`<p class="stock-status">Sold out?</p>`, catalog.InStock},
		// All sizes disabled (Nike, COS), or none offered: the status stands.
		{sizes(" disabled") + `<p class="stock-status">Sold out</p>`, catalog.OutOfStock},
		{`<div class="size-selector"><ul><li class="out-of-stock"><button>S</button></li><li class="out-of-stock"><button>M</button></li></ul></div><p class="stock-status">Uitverkocht</p>`, catalog.OutOfStock},
		{`<div class="d-md-none"><p class="stock-status">Sold out</p></div>`, catalog.OutOfStock},
		{`<div class="collapse show"><p class="stock-status">Sold out</p></div>`, catalog.OutOfStock},
	} {
		if got := shownOf(t, page(c.tail)).Availability; got != c.want {
			t.Errorf("%s: availability %s, want %s", c.tail, got, c.want)
		}
	}
}

// A class hides an element on every screen ("d-none", "display-none", "sr-only",
// "visually-hidden", "is-hidden", "collapse" without "show"), not a responsive one ("d-md-none",
// "hidden-xs"); "d" and "none" count only as the class "d-none".
func TestHidingClasses(t *testing.T) {
	for class, want := range map[string]bool{
		"d-none": true, "display-none": true, "sr-only": true, "visually-hidden": true, "visuallyhidden": true,
		"stock is-hidden": true, "collapse": true, "js-hide": true,
		"d-md-none": false, "hidden-xs": false, "hide-mobile": false, "collapse show": false, "d-flex none-left": false,
		"stock": false, "": false,
	} {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: class}}}
		if got := hiddenByClass(n); got != want {
			t.Errorf("hiddenByClass(%q) = %v, want %v", class, got, want)
		}
	}
}
