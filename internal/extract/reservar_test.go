package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A Spanish pre-order app replaces the add-to-cart with "Reservar ahora" ("reserve now"): the
// product is on pre-order. "Reservar en tienda" (reserve in a store) beside a sold-out button is
// not: the product stays sold out.
func TestSpanishReserveNow(t *testing.T) {
	page := func(buttons string) string {
		return `<html lang="es"><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Chaqueta acolchada","offers":{"@type":"Offer","price":"129.00","priceCurrency":"EUR","availability":"https://schema.org/OutOfStock"}}</script></head><body>
<main><h1>Chaqueta acolchada</h1><div class="price"><span class="price-item">129,00 €</span></div>
<form method="post" action="/cart/add"><div class="product-form__buttons">` + buttons + `</div></form></main></body></html>`
	}
	for _, c := range []struct {
		buttons string
		want    catalog.Availability
	}{
		{`<button type="submit" name="add" class="button hidden" disabled>Agotado</button><button type="button" class="button preorder-now-btn">Reservar ahora</button>`, catalog.Preorder},
		{`<button type="submit" class="button">Reservar ya</button>`, catalog.Preorder},
		{`<button type="submit" class="button" disabled>Agotado</button><button type="button" class="btn btn-secondary">Reservar en tienda</button>`, catalog.OutOfStock},
	} {
		r, err := Page(strings.NewReader(page(c.buttons)), "")
		if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
			t.Fatalf("Page = %+v, %v", r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %s, want %s", c.buttons, got, c.want)
		}
	}
}
