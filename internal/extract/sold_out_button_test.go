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
