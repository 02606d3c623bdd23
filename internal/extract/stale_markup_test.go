package extract

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A sold-out stock message outweighs one offer the markup says is in stock when the buy button
// is disabled or the product form has no enabled submit control; an enabled button, or no buy
// control at all (no positive evidence), keeps the markup's word.
func TestSoldOutMessageOverridesStaleMarkup(t *testing.T) {
	page := func(button string) string {
		return `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Merino Beanie",
			"offers":{"@type":"Offer","price":"35.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script></head>
			<body><h1 class="product_title">Merino Beanie</h1><p class="price">$35.00</p><p class="stock out-of-stock">Out of stock</p>` +
			button + `</body></html>`
	}
	for _, blocked := range []string{
		`<form class="cart" action="/cart"><button type="submit" class="single_add_to_cart_button" disabled>Add to cart</button></form>`,
		`<form class="cart" action="/cart"><input type="hidden" name="add-to-cart" value="7"></form>`,
	} {
		if got := shownOf(t, page(blocked)).Availability; got != catalog.OutOfStock {
			t.Errorf("%s: %s, want out of stock", blocked, got)
		}
	}
	if got := shownOf(t, page("")).Availability; got != catalog.InStock {
		t.Errorf("without a button: %s, want the markup's in stock", got)
	}
	if got := shownOf(t, page(`<button type="submit" class="single_add_to_cart_button">Add to cart</button>`)).Availability; got != catalog.InStock {
		t.Errorf("with an enabled button: %s, want in stock", got)
	}
}
