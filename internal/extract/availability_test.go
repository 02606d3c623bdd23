package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Pages a regression hunt found read right before the platform rules and wrong after: a
// typeless quantity or wishlist button in the product form taken for an enabled buy button, and
// "Nur noch 3 Tage" / "Plus que 48h" offers read as few items left before the sold-out line.
func TestRegressionHuntPages(t *testing.T) {
	for _, c := range []struct {
		page string
		want catalog.Availability
	}{
		{`<main><h1>Silk Tie</h1><div class="price">$65.00</div><form action="/cart/add" class="product-form"><div class="quantity"><button class="qty-minus">−</button><input name="quantity" value="1"><button class="qty-plus">+</button></div><button type="submit" name="add" disabled>Sold out</button></form></main>`, catalog.OutOfStock},
		{`<main><h1>Cashmere Sweater</h1><div class="price">$220.00</div><form action="/cart/add" class="product-form"><button type="submit" name="add" disabled>Sold out</button><button class="wishlist-btn" aria-label="Add to wishlist">♡</button></form></main>`, catalog.OutOfStock},
		{`<main><h1>Gartenbank Eiche</h1><div class="price">249,00 €</div><p>Nur noch 3 Tage: Gratis-Versand</p><p>Ausverkauft</p></main>`, catalog.OutOfStock},
		{`<main><h1>Fauteuil en velours</h1><div class="price">399,00 €</div><p>Plus que 48h : livraison offerte</p><p>Épuisé</p></main>`, catalog.OutOfStock},
		{`<main><h1>Gartenstuhl</h1><div class="price">79,00 €</div><p class="stock">Nur noch heute versandkostenfrei!</p><p class="stock">Ausverkauft</p><button disabled>Ausverkauft</button></main>`, catalog.OutOfStock},
		{`<main><h1>Gartenstuhl</h1><div class="price">79,00 €</div><p class="stock">Nur noch 3 Stück auf Lager</p></main>`, catalog.InStock},
		{`<main><h1>Fauteuil</h1><div class="price">399,00 €</div><p class="stock">Plus que 2 en stock</p></main>`, catalog.InStock},
	} {
		r, err := Page(strings.NewReader(`<html><head><title>Shop</title></head><body>`+c.page+`</body></html>`), "https://shop.example/p/1")
		if err != nil || len(r.Products) != 1 || len(r.Products[0].Offers) != 1 {
			t.Fatalf("%s: Page = %+v, %v", c.page, r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.page, got, c.want)
		}
	}
}

// Buy buttons in more wordings: "Añadir" when it is the whole text (not "Añadir a favoritos"),
// "Kup teraz", "In die Einkaufstasche". A button classed add-to-bag whose words are unknown shows
// a buy control (stockShown.buyShown) but says nothing of stock.
func TestMoreBuyButtons(t *testing.T) {
	for _, c := range []struct {
		button string
		want   catalog.Availability
	}{
		{`<button type="button">Añadir</button>`, catalog.InStock},
		{`<button type="button">Añadir a favoritos</button>`, catalog.Unknown},
		{`<button class="web_ui__Button__primary">Kup teraz</button>`, catalog.InStock},
		{`<button class="button">In die Einkaufstasche</button>`, catalog.InStock},
		{`<button class="button addtobag">Zur Tasche</button>`, catalog.Unknown},
		{`<a class="btn add-to-bag" href="#">Mettre dans le sac</a>`, catalog.Unknown},
		{`<button class="add-to-bag" disabled>Zur Tasche</button>`, catalog.Unknown},
		{`<button class="add-to-bag">Sold out</button>`, catalog.OutOfStock},
	} {
		page := `<html><body><h1>Abrigo lana</h1><span class="price">25,99 €</span>` + c.button + `</body></html>`
		if got := shownOf(t, page).Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.button, got, c.want)
		}
	}
}
