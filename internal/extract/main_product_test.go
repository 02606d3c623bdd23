package extract

import (
	"strings"
	"testing"
)

// A related product's JSON-LD block before the main one does not become the main product when
// only the offers name the page they sell on.
func TestMainProductByOfferURL(t *testing.T) {
	page := `<html><head><link rel="canonical" href="https://shop.example/products/selvedge-slim-jeans">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Leather Belt",
"offers":{"@type":"Offer","price":"55.00","priceCurrency":"GBP","url":"https://shop.example/products/leather-belt"}}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Selvedge Slim Jeans",
"offers":{"@type":"Offer","price":"140.00","priceCurrency":"GBP","url":"https://shop.example/products/selvedge-slim-jeans?variant=1"}}</script>
</head><body><h1>Selvedge Slim Jeans</h1><p class="price"><s>£175.00</s> £140.00</p></body></html>`
	r, err := Page(strings.NewReader(page), "https://shop.example/products/selvedge-slim-jeans")
	if err != nil || len(r.Products) != 2 {
		t.Fatalf("Page = %+v, %v", r, err)
	}
	if p := r.Products[0]; p.Title != "Selvedge Slim Jeans" || p.Offers[0].Price != 14000 || p.Offers[0].RegularPrice != 17500 {
		t.Errorf("main product %q at %d (regular %d), want the jeans at 14000 (17500)", p.Title, p.Offers[0].Price, p.Offers[0].RegularPrice)
	}
	if p := r.Products[1]; p.Title != "Leather Belt" || p.Offers[0].Price != 5500 {
		t.Errorf("second product %q at %d, want the belt at 5500", p.Title, p.Offers[0].Price)
	}
}
