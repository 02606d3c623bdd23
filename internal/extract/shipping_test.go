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
		// A title or a badge beside the price is no shipping fee (a review's cases).
		{`<div class="price-wrap"><span class="tag">Fri frakt</span> <span class="price">1 999,-</span></div><button>Legg i handlekurv</button>`, "1999.00"},
		{`<div class="product-price"><span class="badge-frete">Frete grátis</span> <span class="price">R$ 399,99</span></div><button>Comprar</button>`, "399.99"},
		{`<div class="price-row"><span class="badge">Doprava zdarma</span> <span class="price">6 490 Kč</span></div><button>Do košíku</button>`, "6490.00"},
		{`<div class="price-row"><span class="feature">شحن سريع</span> <span class="price">79 ر.س</span></div><button>أضف إلى السلة</button>`, "79.00"},
		{`<div class="product-prices"><span class="product-subtitle">Chêne, deux portes</span> <span class="price">229,00 €</span></div><button>Ajouter au panier</button>`, "229.00"},
		{`<p class="price">1 099 kr <small>Fraktfritt</small></p><button>Lägg i varukorg</button>`, "1099.00"},
		{`<div class="price">89,95 € <span class="shipping-info">versandkostenfrei</span></div><button>In den Warenkorb</button>`, "89.95"},
		{`<div class="price">3,980円 <span class="postage">送料無料</span></div><button>カートに入れる</button>`, "3980"},
		{`<div class="price">29,95 € <span>Livraison : mardi</span></div><button>Ajouter au panier</button>`, "29.95"},
		// Delivery notes, "included"/"extra" words and speed badges beside the price (a second review's cases).
		{`<div class="product-price">29,99 € <span>Lieferung morgen</span></div><button>In den Warenkorb</button>`, "29.99"},
		{`<div class="product-price">1 990 ₽ <span>Доставка завтра</span></div><button>В корзину</button>`, "1990.00"},
		{`<div class="product-price">249 ₪ <span>משלוח עד הבית</span></div><button>הוספה לסל</button>`, "249.00"},
		{`<p class="price">4,400円（税込・送料込）</p><button>カートに入れる</button>`, "4400"},
		{`<div class="price">3,980円 <span>送料別</span></div><button>カートに入れる</button>`, "3980"},
		{`<div class="price">NT$890 運費另計</div><button>加入購物車</button>`, "890.00"},
		{`<div class="price-row"><span class="badge">Szybka wysyłka</span><span class="price">449,99 zł</span></div><button>Dodaj do koszyka</button>`, "449.99"},
		{`<p class="price">Pris inkl. frakt: 2 490 kr</p><button>Lägg i varukorgen</button>`, "2490.00"},
		{`<div><span>Prijs excl. verzendkosten</span> <span class="price">€ 39,99</span></div><button>In winkelwagen</button>`, "39.99"},
		{`<span class="price regular-price">29,99 €</span><p>Versand mit DHL innerhalb Deutschlands <b>4,95 €</b></p><button>In den Warenkorb</button>`, "29.99"},
		// Shipping extra, price labels that exclude shipping, a threshold before a promise (a third review's cases).
		{`<p class="preco">R$ 299,99 + frete</p><button>Comprar</button>`, "299.99"},
		{`<p class="price">89,99 zł + wysyłka</p><button>Dodaj do koszyka</button>`, "89.99"},
		{`<p class="product-price">Prijs excl. verzendkosten: € 249,95</p><button>In winkelwagen</button>`, "249.95"},
		{`<p class="product-price">Kargo hariç fiyat: 1.299,90 TL</p><button>Sepete ekle</button>`, "1299.90"},
		{`<p class="product-price">本体価格(送料別): 32,800円</p><button>カートに入れる</button>`, "32800"},
		{`<p class="product-price">Preis (zzgl. Lieferung): 79,99 €</p><button>In den Warenkorb</button>`, "79.99"},
		{`<p class="price">Doprava zdarma · od 1 190 Kč</p><button>Do košíku</button>`, "1190.00"},
		{`<div class="announcement-bar"><p>Orders $35+ qualify for free shipping</p></div><p class="price">$29.99</p><button>Add to cart</button>`, "29.99"},
		{`<div class="promo"><p>$49 minimum for free shipping</p></div>`, ""},
		{`<div class="promo"><p>60 € d’achat = livraison offerte</p></div>`, ""},
		{`<p class="price">Darmowa dostawa, od 129 zł</p><button>Dodaj do koszyka</button>`, "129.00"},
		{`<p class="price"><span>Free delivery</span> <span>$59.95</span></p><button>Add to cart</button>`, "59.95"},
		{`<div class="ship"><span>Shipping:</span> <span>$5.99</span></div>`, ""},
		{`<div class="ship">Frais de port : 4,90 €</div>`, ""},
		{`<div class="ship">$5.99 shipping &amp; handling</div>`, ""},
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
		checkShownPrice(t, r, c.body, c.price)
	}
	// Titles that hold a shipping word in another sense: doors, an office, cargo trousers, port wine, stamps.
	for _, title := range []string{"Buffet bas deux portes", "Mesa de despacho roble", "Erkek Kargo Pantolon Haki", "Vinho do Porto Ruby", "Vintage Postage Stamp Album"} {
		r, err := Page(strings.NewReader(`<html><body><h1>`+title+`</h1><p class="price">349,00 €</p><button>Add to cart</button></body></html>`), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, title, "349.00")
	}
}

// checkShownPrice fails the test when the main product's first offer does not show price ("" for none).
func checkShownPrice(t *testing.T, r Result, what, price string) {
	t.Helper()
	got := ""
	if len(r.Products) > 0 && len(r.Products[0].Offers) > 0 && r.Products[0].Offers[0].Price > 0 {
		o := r.Products[0].Offers[0]
		got = catalog.FormatDecimal(o.Price, o.Currency)
	}
	if got != price {
		t.Errorf("%s: price %q, want %q", what, got, price)
	}
}
