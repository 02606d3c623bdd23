package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A pre-order buy button (a Shopify pre-order app's "Pre-order now", or its own button in place
// of the add-to-cart it hides) with no enabled add-to-cart makes markup that says in stock, for
// every variant, a pre-order: such shops keep selling past their stock and the markup says so.
// A pre-order message beside an enabled add-to-cart button, or a stock message saying in stock,
// leaves the markup alone.
func TestPreorderButtonOverInStockMarkup(t *testing.T) {
	ld := func(offers string) string {
		return `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Field Jacket","offers":[` +
			offers + `]}</script></head><body><h1>Field Jacket</h1><div class="price"><span class="price-item">$168.00</span></div>`
	}
	in := `{"@type":"Offer","price":"168.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}`
	for _, tc := range []struct {
		name, page string
		want       catalog.Availability
	}{
		{"pre-order button, two in-stock offers", ld(in+","+in) + `<form action="/cart/add"><button type="submit" name="add" class="product-form__submit">Pre-order now</button></form>
			<p class="preorder-note">Ships in March.</p></body></html>`, catalog.Preorder},
		{"app button beside a hidden add-to-cart", ld(in) + `<form action="/cart/add"><button type="submit" class="btn product-form__cart-submit" style="display:none">Add to cart</button>
			<button type="button" class="btn preorder-button">Pre-order</button></form></body></html>`, catalog.Preorder},
		{"pre-order message, enabled add-to-cart", ld(in) + `<p class="product__availability">Pre-order: ships in March</p>
			<button type="submit" class="add-to-cart">Add to cart</button></body></html>`, catalog.InStock},
		{"pre-order button, add-to-cart after it", ld(in) + `<button type="button" class="btn preorder-button">Pre-order the navy</button>
			<button type="submit" class="add-to-cart">Add to cart</button></body></html>`, catalog.InStock},
		{"pre-order button, in-stock message", ld(in) + `<p class="stock in-stock">In stock</p>
			<button type="submit" class="add-to-cart">Pre-order</button></body></html>`, catalog.InStock},
	} {
		r, err := Page(strings.NewReader(tc.page), "")
		if err != nil {
			t.Fatal(err)
		}
		_, _, _, got := mainAnswer(r)
		if got != string(tc.want) {
			t.Errorf("%s: availability %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Kuwaiti shops write the dinar "KD" with three decimals ("KD 12.500", "29.000 KD"); "KD" beside
// a number without them names something else (Nike's "KD 16" shoe), unless the markup says KWD.
func TestKuwaitiDinarKD(t *testing.T) {
	for _, tc := range []struct{ text, hint, amount, currency string }{
		{"KD 12.500", "", "12.500", "KWD"},
		{"29.000 KD", "", "29.000", "KWD"},
		{"KD 1,250", "", "1,250", "KWD"},
		{"KD 15", "KWD", "15", "KWD"},
	} {
		ps := findPrices(tc.text, tc.hint)
		if len(ps) != 1 || ps[0].currency != tc.currency || !ps[0].marked {
			t.Errorf("findPrices(%q, %q) = %+v, want one %s price", tc.text, tc.hint, ps, tc.currency)
		}
	}
	for _, s := range []string{"Nike KD 16 basketball shoe", "KD 15 Kevin Durant", "Model KD 12.5"} {
		for _, p := range findPrices(s, "") {
			if p.currency != "" || p.marked {
				t.Errorf("findPrices(%q) = %+v, want no dinar", s, p)
			}
		}
	}
	page := `<html lang="en"><body><h1>Linen Overshirt</h1><div class="price-wrapper"><span class="special-price">KD 12.500</span>
		<span class="old-price"><del>KD 18.900</del></span></div><button type="button" class="btn add-to-bag">Add to Bag</button></body></html>`
	o := shownOf(t, page)
	if got := catalog.FormatDecimal(o.Price, o.Currency) + "/" + catalog.FormatDecimal(o.RegularPrice, o.Currency) + "/" + o.Currency; got != "12.500/18.900/KWD" {
		t.Errorf("KD page: %s, want 12.500/18.900/KWD", got)
	}
}

// A sold-out message for every size, as shops write it in their languages, speaks for the
// product; one naming a single size does not. Plural and feminine forms of sold-out words read
// out of stock ("Toutes les tailles sont épuisées", "Todas las tallas agotadas").
func TestAllSizesSoldOutWords(t *testing.T) {
	for _, s := range []string{"全サイズ完売しました", "すべてのサイズが売り切れです", "Esaurito in ogni taglia", "Épuisé dans chaque taille",
		"Udsolgt i hver størrelse", "Uitverkocht in elke maat", "Slutsåld i varje storlek", "Esgotado em cada tamanho",
		"Niedostępny w każdym rozmiarze", "모든 사이즈 품절", "全尺码售罄", "Tüm bedenlerde tükendi", "Нет в наличии во всех размерах"} {
		if sizeMessage(s) {
			t.Errorf("sizeMessage(%q) = true, want false: every size", s)
		}
	}
	for _, s := range []string{"Sold out in size M", "Esaurito nella taglia 42", "Slut i lager i din storlek"} {
		if !sizeMessage(s) {
			t.Errorf("sizeMessage(%q) = false, want true: one size", s)
		}
	}
	for _, s := range []string{"Toutes les tailles sont épuisées", "Todas las tallas agotadas", "Tutte le taglie sono esaurite", "Alla storlekar är slutsålda"} {
		if got := textAvailability(s); got != catalog.OutOfStock {
			t.Errorf("textAvailability(%q) = %q, want out of stock", s, got)
		}
	}
}

// WooCommerce writes screen-reader texts beside its struck and current prices ("Original price
// was: …", "Current price is: …") in the shop's language; themes such as Flatsome class the
// price block "price-on-sale". The translated texts name the struck price as the regular one,
// and Zalando's "Originalpreis:" does the same.
func TestTranslatedOriginalPriceWas(t *testing.T) {
	for _, tc := range []struct{ lang, was, now string }{
		{"de-DE", "Ursprünglicher Preis war: 89,90&nbsp;€", "Aktueller Preis ist: 62,90&nbsp;€."},
		{"es-ES", "El precio original era: 89,90&nbsp;€.", "El precio actual es: 62,90&nbsp;€."},
		{"it-IT", "Il prezzo originale era: 89,90&nbsp;€.", "Il prezzo attuale è: 62,90&nbsp;€."},
		{"pt-PT", "O preço original era: 89,90&nbsp;€.", "O preço atual é: 62,90&nbsp;€."},
		{"nl-NL", "Oorspronkelijke prijs was: 89,90&nbsp;€.", "Huidige prijs is: 62,90&nbsp;€."},
		{"fi", "Alkuperäinen hinta oli: 89,90&nbsp;€.", "Nykyinen hinta on: 62,90&nbsp;€."},
	} {
		page := `<html lang="` + tc.lang + `"><body><div class="product type-product sale"><div class="summary entry-summary"><h1 class="product_title entry-title">Leinenhemd</h1>
			<div class="price-wrapper"><p class="price product-page-price price-on-sale"><del aria-hidden="true"><span class="woocommerce-Price-amount amount"><bdi>89,90&nbsp;<span class="woocommerce-Price-currencySymbol">€</span></bdi></span></del>
			<span class="screen-reader-text">` + tc.was + `</span><ins aria-hidden="true"><span class="woocommerce-Price-amount amount"><bdi>62,90&nbsp;<span class="woocommerce-Price-currencySymbol">€</span></bdi></span></ins>
			<span class="screen-reader-text">` + tc.now + `</span></p></div><p class="stock in-stock">7</p>
			<form class="cart" method="post"><button type="submit" name="add-to-cart" value="9" class="single_add_to_cart_button button alt">OK</button></form></div></div></body></html>`
		o := shownOf(t, page)
		if got := catalog.FormatDecimal(o.Price, o.Currency) + "/" + catalog.FormatDecimal(o.RegularPrice, o.Currency); got != "62.90/89.90" {
			t.Errorf("%s: price/regular %s, want 62.90/89.90", tc.lang, got)
		}
	}
	page := `<html lang="de-DE"><body><h1>Sneaker low</h1><div data-testid="pdp-price-container"><p class="_0xLoFW"><span class="sDq_FX">59,95&nbsp;€</span>
		<span class="sDq_FX Km7l2y">Originalpreis: <span class="Km7l2y">89,95&nbsp;€</span></span></p></div><button type="button" class="DJxzzA">In den Warenkorb</button></body></html>`
	o := shownOf(t, page)
	if got := catalog.FormatDecimal(o.Price, o.Currency) + "/" + catalog.FormatDecimal(o.RegularPrice, o.Currency); got != "59.95/89.95" {
		t.Errorf("Originalpreis: price/regular %s, want 59.95/89.95", got)
	}
}
