package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A note about shipping beside the product's price leaves it the price ("59,95 € inkl. MwSt.
// zzgl. Versand", the line German law asks for); a shipping fee or a free-delivery threshold
// is never taken for it, in any of the languages shops write them.
func TestShippingPrices(t *testing.T) {
	page := func(body string) string {
		return `<html><head><title>Mini bag</title></head><body><h1>Mini bag</h1>` + body + `</body></html>`
	}
	for _, c := range []struct {
		body  string
		price string // "" when the page shows no price of the product
	}{
		{`<div class="product-price">59,95 € <span>inkl. MwSt. zzgl. Versand</span></div><button>In den Warenkorb</button>`, "59.95"},
		{`<div class="product-price">59,95 € <small>inkl. MwSt., zzgl. Versandkosten</small></div><button>In den Warenkorb</button>`, "59.95"},
		{`<div class="product-price">$59.95 <small>+ free shipping</small></div><button>Add to bag</button>`, "59.95"},
		{`<div class="product-price">$59.95 <small>Free delivery</small></div><button>Add to bag</button>`, "59.95"},
		{`<div class="product-price">59,95 € <small>livraison offerte</small></div><button>Ajouter au panier</button>`, "59.95"},
		{`<p class="price">59,95 € <small>envío gratis</small></p><button>Añadir a la cesta</button>`, "59.95"},
		{`<div class="price">$59.95</div><div class="ship">$5.99 shipping</div><button>Add to cart</button>`, "59.95"},
		{`<div class="price">229,00 zł</div><div>239,99 zł z dostawą</div><button>Dodaj do koszyka</button>`, "229.00"},
		{`<p>Price $59.95 Delivery: Tuesday</p><button>Add to cart</button>`, "59.95"},
		{`<p class="price">£59.95 <span>+ £3.95 delivery</span></p><button>Add to cart</button>`, "59.95"},
		{`<div class="ship">$5.99 shipping</div>`, ""},
		{`<div class="ship">+ 4,95 € Versand</div>`, ""},
		{`<div class="buy-block">Niet leverbaar</div><p>Gratis verzending vanaf 25,-</p>`, ""},
		{`<div>Esaurito</div><p>Spedizione gratuita sopra 250 €</p>`, ""},
		{`<div>Niedostępny</div><p>Darmowa dostawa od 99 zł</p>`, ""},
		{`<div>Slutsåld</div><p>Fri frakt över 499 kr</p>`, ""},
		{`<div>Esgotado</div><p>Frete grátis acima de R$ 199</p>`, ""},
		{`<div>Tükendi</div><p>Kargo bedava 150 TL ve üzeri</p>`, ""},
		{`<div>Нет в наличии</div><p>Бесплатная доставка от 2 500 ₽</p>`, ""},
		{`<div>Sold out</div><p>Free shipping on orders over $50</p>`, ""},
	} {
		r, err := Page(strings.NewReader(page(c.body)), "https://shop.example/p/1")
		if err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		got := ""
		if len(r.Products) > 0 && len(r.Products[0].Offers) > 0 && r.Products[0].Offers[0].Price > 0 {
			o := r.Products[0].Offers[0]
			got = catalog.FormatDecimal(o.Price, o.Currency)
		}
		if got != c.price {
			t.Errorf("%s: price %q, want %q", c.body, got, c.price)
		}
	}
}
