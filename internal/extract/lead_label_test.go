package extract

import (
	"strings"
	"testing"
)

// Shopify's older themes write a visually hidden "Regular price" before the bare text of a price
// that is not on sale, and a unit price in the same block ("£60.00/100ml"). The label before the
// text names the price regular, and a lone regular price is the one paid: 18.00, not no product.
func TestLeadRegularPriceAloneIsPaid(t *testing.T) {
	page := `<html lang="en"><head><title>Beard Oil 30ml | Grain Supply</title></head><body>
<main><h1 class="product-single__title">Beard Oil 30ml</h1>
<p class="product-single__prices"><span class="visually-hidden">Regular price</span>
£18.00<br><span class="product-unit-price"><span class="visually-hidden">Unit price</span>£60.00<span>/</span>100ml</span></p>
<form action="/cart/add" method="post"><button type="submit" name="add" class="btn">Add to cart</button></form></main></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
		t.Fatalf("Page = %+v, %v", r, err)
	}
	if o := r.Products[0].Offers[0]; o.Price != 1800 || o.RegularPrice != 0 || o.Currency != "GBP" {
		t.Errorf("price %d %s (regular %d), want 1800 GBP (no regular)", o.Price, o.Currency, o.RegularPrice)
	}
}
