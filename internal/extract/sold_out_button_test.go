package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
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
