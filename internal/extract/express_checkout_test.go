package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Shopify's dynamic checkout ("Buy it now") is rendered beside the buy button whatever it says,
// and left enabled in the page's markup: beside a disabled "Sold out" buy button it does not make
// the product buyable, and the markup's stale InStock gives way to the sold-out button. Beside
// an enabled "Add to cart" the product stays in stock.
func TestExpressCheckoutBesideSoldOutButton(t *testing.T) {
	page := func(buy string) string {
		return `<html><head><script type="application/ld+json">{"@context":"http://schema.org/","@type":"Product","name":"Ribbed Beanie",
"offers":[{"@type":"Offer","availability":"http://schema.org/InStock","price":45.0,"priceCurrency":"USD"}]}</script></head><body>
<div class="product__title"><h1>Ribbed Beanie</h1></div>
<div class="price price--sold-out"><span class="price-item price-item--regular">$45.00 USD</span><span class="badge price__badge-sold-out">Sold out</span></div>
<form method="post" action="/cart/add" class="form" data-type="add-to-cart-form"><div class="product-form__buttons">` + buy + `
<div data-shopify="payment-button" class="shopify-payment-button"><button class="shopify-payment-button__button shopify-payment-button__button--unbranded" type="button">Buy it now</button></div></div></form>
</body></html>`
	}
	for _, c := range []struct {
		buy  string
		want catalog.Availability
	}{
		{`<button type="submit" name="add" class="product-form__submit button" disabled><span>Sold out</span></button>`, catalog.OutOfStock},
		{`<button type="submit" name="add" class="product-form__submit button"><span>Add to cart</span></button>`, catalog.InStock},
	} {
		r, err := Page(strings.NewReader(page(c.buy)), "")
		if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
			t.Fatalf("Page = %+v, %v", r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %s, want %s", c.buy, got, c.want)
		}
	}
}
