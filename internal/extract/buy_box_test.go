package extract

import "testing"

// Shoper wraps the product's price and its "Do koszyka" button in <div class="basket"> around a
// form that posts to /basket/add/: that block is the buy box, not a cart, and its price is the
// product's.
func TestBasketClassedBuyBox(t *testing.T) {
	page := `<html lang="pl"><body><div class="maininfo"><h1 itemprop="name" class="name">Płaszcz wełniany</h1>
<div class="basket"><form class="form-basket" action="/basket/add/" method="post"><div class="price-box"><div class="price"><em class="main-price color">374,25 zł</em><del class="price__inactive">499,00 zł</del></div></div>
<div class="availability"><span class="first">Dostępność:</span><span class="second">dostępny</span></div><button type="submit" class="addtobasket btn"><span>Do koszyka</span></button></form></div></div></body></html>`
	if o := shownOf(t, page); o.Price != 37425 || o.RegularPrice != 49900 || o.Currency != "PLN" {
		t.Errorf("price %d %s (regular %d), want 37425 PLN (regular 49900)", o.Price, o.Currency, o.RegularPrice)
	}
}
