package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Shopify's dynamic checkout ("Buy it now" in a shopify-payment-button block, the wallets of
// <shopify-accelerated-checkout>), a sticky bar's copy of the buy button and an add-to-cart a
// pre-order app hides by a class are no add-to-cart the shopper can press: beside a pre-order
// buy button the markup's in-stock offers are pre-orders. An add-to-cart that is shown (beside a
// pre-order button for one variant, in Debut's "payment-button" item, hidden only without a
// script) keeps them in stock.
func TestPreorderButtonBesideDynamicCheckout(t *testing.T) {
	head := `<html lang="en"><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Waxed Parka",
		"offers":[{"@type":"Offer","sku":"P-S","price":"240.00","priceCurrency":"USD","availability":"https://schema.org/InStock"},
		{"@type":"Offer","sku":"P-M","price":"240.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}]}</script></head><body><main>`
	info := `<h1>Waxed Parka</h1><div class="price"><span class="price-item price-item--regular">$240.00</span></div>`
	dawn := func(buttons string) string {
		return head + `<div class="product__info-container product__column-sticky">` + info +
			`<product-form class="product-form"><form method="post" action="/cart/add" class="form"><input type="hidden" name="id" value="41">
			<div class="product-form__buttons">` + buttons + `</div></form></product-form></div>`
	}
	buyNow := `<div data-shopify="payment-button" class="shopify-payment-button"><shopify-accelerated-checkout recommended="" fallback="">
		<shopify-buy-it-now-button page-type="product" slot="button"><button type="button" class="shopify-payment-button__button shopify-payment-button__button--unbranded">Buy it now</button>
		</shopify-buy-it-now-button></shopify-accelerated-checkout></div>`
	submit := func(class, label string) string {
		return `<button type="submit" name="add" class="product-form__submit button ` + class + `"><span>` + label + `</span></button>`
	}
	for _, tc := range []struct {
		name, page string
		want       catalog.Availability
	}{
		{"pre-order submit, Buy it now", dawn(submit("button--secondary", "Pre-order")+buyNow) + `<p>Ships in March.</p></main></body></html>`, catalog.Preorder},
		{"Japanese pre-order submit, Buy it now", dawn(submit("", "予約注文する")+buyNow) + `</main></body></html>`, catalog.Preorder},
		{"add-to-cart hidden by class, app button", dawn(submit("hidden", "Add to cart")+`<button type="button" class="button preorder-button">Pre-order</button>`+buyNow) + `</main></body></html>`, catalog.Preorder},
		{"add-to-cart visually hidden, app button", dawn(submit("visually-hidden", "Add to cart")+`<button type="button" class="button pn-button">Pre-order now</button>`+buyNow) + `</main></body></html>`, catalog.Preorder},
		{"pre-order submit, sticky bar add-to-cart", dawn(submit("", "Pre-order")+buyNow) + `</main><div class="sticky-atc" id="StickyAtc"><span>Waxed Parka</span><span>$240.00</span>
			<button type="button" class="button sticky-atc__button">Add to cart</button></div></body></html>`, catalog.Preorder},
		{"Flatsome's sticky wrapper in the product form", head + info + `<form class="cart" action="/product/waxed-parka/" method="post"><button type="button" class="button preorder-button">Pre-order the olive</button>
			<div class="sticky-add-to-cart-wrapper"><div class="sticky-add-to-cart"><button type="submit" name="add-to-cart" value="77" class="single_add_to_cart_button button alt">Add to cart</button></div></div></form></main></body></html>`, catalog.InStock},
		{"add-to-cart, Buy it now", dawn(submit("", "Add to cart")+buyNow) + `</main></body></html>`, catalog.InStock},
		{"add-to-cart, sticky bar add-to-cart", dawn(submit("", "Add to cart")+buyNow) + `</main><div class="sticky-atc"><button type="button" class="button">Add to cart</button></div></body></html>`, catalog.InStock},
		{"pre-order for one colour beside add-to-cart", dawn(`<button type="button" class="button preorder-button">Pre-order the olive</button>`+submit("", "Add to cart")+buyNow) + `</main></body></html>`, catalog.InStock},
		{"pre-order button hidden by class, add-to-cart", dawn(`<button type="button" class="button preorder-button hidden">Pre-order</button>`+submit("", "Add to cart")+buyNow) + `</main></body></html>`, catalog.InStock},
		{"add-to-cart hidden without a script, pre-order for one colour", dawn(`<button type="button" class="button preorder-button">Pre-order the olive</button><div class="no-js-hidden">`+submit("", "Add to cart")+`</div>`+buyNow) + `</main></body></html>`, catalog.InStock},
		{"Debut add-to-cart in its payment-button item", head + info + `<form method="post" action="/cart/add" class="product-form"><button type="button" class="btn preorder-btn">Pre-order the olive</button>
			<div class="product-form__item product-form__item--submit product-form__item--payment-button"><button type="submit" name="add" class="btn product-form__cart-submit"><span>Add to cart</span></button>` + buyNow + `</div></form></main></body></html>`, catalog.InStock},
	} {
		r, err := Page(strings.NewReader(tc.page), "")
		if err != nil {
			t.Fatal(err)
		}
		_, _, _, got := mainAnswer(r)
		if got != string(tc.want) {
			t.Errorf("%s: availability %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A pre-order button the shopper can press beside markup that says OutOfStock (the shop's stock
// is nil, the pre-order app sells ahead of it) is a pre-order; a disabled one, or one that only
// announces the product ("Coming soon"), leaves it sold out.
func TestPreorderButtonOverSoldOutMarkup(t *testing.T) {
	page := func(button string) string {
		return `<html lang="en"><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Quilted Liner",
		"offers":{"@type":"Offer","price":"149.00","priceCurrency":"GBP","availability":"https://schema.org/OutOfStock"}}</script></head><body>
		<h1 class="product-single__title">Quilted Liner</h1><div class="product__price"><span class="product__price--regular">£149.00</span></div>
		<form method="post" action="/cart/add" class="product-form"><input type="hidden" name="form_type" value="product">` + button + `</form></body></html>`
	}
	for _, c := range []struct {
		button string
		want   catalog.Availability
	}{
		{`<button type="submit" name="add" class="btn product-form__cart-submit"><span>Pre-order</span></button>`, catalog.Preorder},
		{`<button type="submit" name="add" class="btn product-form__cart-submit"><span>Vorbestellen</span></button>`, catalog.Preorder},
		{`<button type="submit" name="add" class="btn product-form__cart-submit" disabled><span>Pre-order</span></button>`, catalog.OutOfStock},
		{`<button type="submit" name="add" class="btn product-form__cart-submit" disabled><span>Coming soon</span></button>`, catalog.OutOfStock},
		{`<button type="submit" name="add" class="btn product-form__cart-submit"><span>Coming soon</span></button>`, catalog.OutOfStock},
	} {
		r, err := Page(strings.NewReader(page(c.button)), "")
		if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
			t.Fatalf("Page = %+v, %v", r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %s, want %s", c.button, got, c.want)
		}
	}
}
