package extract

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A stock message does not override one offer the markup says is in stock while a buy control
// stands beside it: a disabled button (it may wait for a size), a product form without a submit
// control, an enabled button. A sold-out buy button overrides it, and so does the product's own
// status message when no buy control is on the page (TestOwnSoldOutStatusWithoutBuyControl).
func TestStockMessageKeepsMarkup(t *testing.T) {
	page := func(button string) string {
		return `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Merino Beanie",
			"offers":{"@type":"Offer","price":"35.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script></head>
			<body><h1 class="product_title">Merino Beanie</h1><p class="price">$35.00</p><p class="stock out-of-stock">Out of stock</p>` +
			button + `</body></html>`
	}
	for _, button := range []string{
		`<form class="cart" action="/cart"><button type="submit" class="single_add_to_cart_button" disabled>Add to cart</button></form>`,
		`<form class="cart" action="/cart"><input type="hidden" name="add-to-cart" value="7"></form>`,
		`<button type="submit" class="single_add_to_cart_button">Add to cart</button>`,
	} {
		if got := shownOf(t, page(button)).Availability; got != catalog.InStock {
			t.Errorf("%q: %s, want the markup's in stock", button, got)
		}
	}
	for _, button := range []string{`<button type="submit" disabled>Sold out</button>`, ``} {
		if got := shownOf(t, page(button)).Availability; got != catalog.OutOfStock {
			t.Errorf("%q: %s, want out of stock", button, got)
		}
	}
}

// The reviewer's pages: markup in stock, and a stock message or a hidden badge that is not the
// product's stock (an instalment form on Dawn beside its CSS-hidden badge, "Reserva y recoge", "more colours coming soon",
// "back order" for larger quantities). Each stays in stock.
func TestStockMessagesBesideInStockMarkup(t *testing.T) {
	for _, tail := range []string{
		`<form action="/cart/add" class="installment caption-large"><input type="hidden" name="id" value="1"></form>` +
			`<span class="badge price__badge-sold-out color-inverse">Vyprodáno</span>` +
			`<button type="button">Přidat do košíku</button>`,
		`<p class="stock">En stock. Reserva y recoge en tienda</p><button>Añadir a la cesta</button>`,
		`<p class="stock-info">In stock - more colours coming soon</p><button>Add to cart</button>`,
		`<div class="availability">In stock. Larger quantities available for back order.</div>`,
	} {
		page := `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><div class="price">$49.00</div>` + tail + `</body></html>`
		if got := shownOf(t, page).Availability; got != catalog.InStock {
			t.Errorf("%s: availability %s, want in stock", tail, got)
		}
	}
}

// Markup that names no currency takes the one the page shows beside the same price.
func TestMarkupCurrencyFromShownPrice(t *testing.T) {
	o := shownOf(t, `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
"name":"Chukka Boot","offers":{"@type":"Offer","price":"195.00","availability":"https://schema.org/InStock"}}</script></head>
<body><h1>Chukka Boot</h1><p class="price">£195.00</p></body></html>`)
	if o.Price != 19500 || o.Currency != "GBP" {
		t.Errorf("price %d %q, want 19500 GBP", o.Price, o.Currency)
	}
}

// Markup saying sold out for its one offer gives way when the page says in stock in its stock
// message and offers an enabled buy button; a button alone does not outweigh it.
func TestStaleSoldOutMarkup(t *testing.T) {
	page := func(body string) string {
		return `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
"name":"Mini bag","offers":{"@type":"Offer","price":"79.00","priceCurrency":"EUR","availability":"https://schema.org/OutOfStock"}}</script></head>
<body><h1>Mini bag</h1><p class="price">79,00 €</p>` + body + `</body></html>`
	}
	for _, c := range []struct {
		body string
		want string
	}{
		{`<div class="stock available"><span>In stock</span></div><button type="submit">Add to Cart</button>`, "in_stock"},
		{`<button type="submit">Add to Cart</button>`, "out_of_stock"},
		{`<div class="stock available"><span>In stock</span></div>`, "out_of_stock"},
	} {
		if got := string(shownOf(t, page(c.body)).Availability); got != c.want {
			t.Errorf("%s: availability %s, want %s", c.body, got, c.want)
		}
	}
}
