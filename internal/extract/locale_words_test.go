package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

// Struck and final prices named by class words in other languages: Italian "prezzo-barrato"
// is the regular price, "prezzo-finale" the one paid, though the struck one comes first.
func TestForeignStruckClassWords(t *testing.T) {
	for _, c := range []struct{ struck, now string }{
		{"prezzo-barrato", "prezzo-finale"},
		{"prix-barre", "prix"},
		{"precio-tachado", "precio"},
		{"streichpreis", "preis"},
	} {
		page := `<html><body><h1 class="product-title">Mocassini</h1><div class="box"><span class="` + c.struck + `">159,00 €</span>
			<span class="` + c.now + `">129,00 €</span></div><button>Aggiungi al carrello</button></body></html>`
		if o := shownOf(t, page); o.Price != 12900 || o.RegularPrice != 15900 {
			t.Errorf("%s/%s: offer %d (regular %d), want 12900 (regular 15900)", c.struck, c.now, o.Price, o.RegularPrice)
		}
	}
}

// Labels before a regular price in other languages: Dutch "Van € 59,95 voor € 41,95",
// French "au lieu de".
func TestForeignRegularLabels(t *testing.T) {
	for _, label := range []string{"Van", "au lieu de", "invece di"} {
		page := `<html><body><h1>Cardigan</h1><div class="prices"><span class="from">` + label + ` <span class="amount">€ 59,95</span></span>
			<span class="to">voor <span class="amount">€ 41,95</span></span></div></body></html>`
		if o := shownOf(t, page); o.Price != 4195 || o.RegularPrice != 5995 {
			t.Errorf("%q: offer %d (regular %d), want 4195 (regular 5995)", label, o.Price, o.RegularPrice)
		}
	}
	// "Vanaf" (from) is no regular price label.
	if containsPhrase("vanaf", strongRegularLabels) {
		t.Error(`"vanaf" reads as a regular price label`)
	}
}

// Stock words: Spanish "Fuera de stock" is sold out; few-left messages in German, Spanish,
// Italian, French and Japanese are in stock.
func TestMoreStockPhrases(t *testing.T) {
	for s, want := range map[string]catalog.Availability{
		"Fuera de stock":                   catalog.OutOfStock,
		"Nur noch 3 Stück":                 catalog.InStock,
		"¡Últimas unidades!":               catalog.InStock,
		"Ultimi pezzi disponibili":         catalog.InStock,
		"Plus que 2 articles":              catalog.InStock,
		"残りわずか":                            catalog.InStock,
		"Ce produit n'est plus disponible": catalog.OutOfStock,
	} {
		if got := textAvailability(s); got != want {
			t.Errorf("textAvailability(%q) = %q, want %q", s, got, want)
		}
		if got := plainStockMessage(s); got != want {
			t.Errorf("plainStockMessage(%q) = %q, want %q", s, got, want)
		}
	}
}

// A pre-order message beside the product never overrides one offer the markup says is in stock
// while an enabled add-to-cart button follows: only a sold-out or a pre-order buy button does
// (TestPreorderButtonOverInStockMarkup).
func TestPreorderMessageKeepsMarkup(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trench",
		"offers":{"@type":"Offer","price":"245.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script></head>
		<body><h1>Trench</h1><span class="price">245,00 €</span><p class="product__availability">Disponible en précommande</p>
		<button type="submit" class="add-to-cart">Ajouter au panier</button></body></html>`
	if got := shownOf(t, page).Availability; got != catalog.InStock {
		t.Errorf("availability %s, want the markup's in stock", got)
	}
}

// More stock words: French "Victime de son succès" (sold out), Spanish and Italian "coming soon".
func TestSoldOutAndComingSoonWords(t *testing.T) {
	for s, want := range map[string]catalog.Availability{
		"Victime de son succès":    catalog.OutOfStock,
		"Bientôt de retour":        catalog.OutOfStock,
		"Próximamente":             catalog.Preorder,
		"Prossimamente in negozio": catalog.Preorder,
	} {
		if got := textAvailability(s); got != want {
			t.Errorf("textAvailability(%q) = %q, want %q", s, got, want)
		}
	}
}

// A page in a language of one currency's country settles "¥" and "kr" without a region:
// <html lang="ja"> prices in yen.
func TestLanguageCurrency(t *testing.T) {
	page := `<html lang="ja"><body><h1 class="product-title">カシミヤマフラー</h1><span class="price">¥15,400</span>
		<button class="btn">カートに入れる</button></body></html>`
	if o := shownOf(t, page); o.Price != 15400 || o.Currency != "JPY" {
		t.Errorf("offer %d %q, want 15400 JPY", o.Price, o.Currency)
	}
	for lang, want := range map[string]string{"sv": "SEK", "en": "", "zh": "", "sv-FI": "EUR", "de-CH": "CHF"} {
		root, err := html.Parse(strings.NewReader(`<html lang="` + lang + `"><body></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		d := newDocument(root)
		if got := currencyHint(d, "", nil); got != want {
			t.Errorf("currencyHint(lang=%s) = %q, want %q", lang, got, want)
		}
	}
}

// A free gift's value ("worth £25") is not the product's price, though it comes first.
func TestGiftWorthIsNotThePrice(t *testing.T) {
	page := `<html><body><h1>Face Cream</h1><div class="promo">Free tote bag worth £25 with this product</div>
		<div class="product-price"><span class="price">£42.00</span></div><button>Add to basket</button></body></html>`
	if o := shownOf(t, page); o.Price != 4200 {
		t.Errorf("price %d, want 4200", o.Price)
	}
}

// Stock words of Central and Northern European shops.
func TestCentralEuropeanStockWords(t *testing.T) {
	for s, want := range map[string]catalog.Availability{
		"Skladem":        catalog.InStock,
		"Není skladem":   catalog.OutOfStock,
		"Vyprodáno":      catalog.OutOfStock,
		"Raktáron":       catalog.InStock,
		"Nincs raktáron": catalog.OutOfStock,
		"În stoc":        catalog.InStock,
		"Stoc epuizat":   catalog.OutOfStock,
		"Varastossa":     catalog.InStock,
		"Ei varastossa":  catalog.OutOfStock,
	} {
		if got := textAvailability(s); got != want {
			t.Errorf("textAvailability(%q) = %q, want %q", s, got, want)
		}
	}
}

// Abbreviated class words: Trendyol-like "prc-org" (original) and "prc-dsc" (discounted).
func TestAbbreviatedPriceClassWords(t *testing.T) {
	page := `<html><body><h1>Triko Kazak</h1><div class="pr-bx-w"><span class="prc-org">899,99 TL</span>
		<span class="prc-dsc">629,99 TL</span></div><button class="add-to-basket">Sepete Ekle</button></body></html>`
	if o := shownOf(t, page); o.Price != 62999 || o.RegularPrice != 89999 || o.Currency != "TRY" {
		t.Errorf("offer %d (regular %d) %s, want 62999 (regular 89999) TRY", o.Price, o.RegularPrice, o.Currency)
	}
}

// The language alone is the weakest currency hint: the country domain and the shop's declared
// currency come first.
func TestLanguageCurrencyIsLast(t *testing.T) {
	for _, c := range []struct{ page, base, want string }{
		{`<html lang="sv"><body></body></html>`, "https://kauppa.fi/p/1", "EUR"},
		{`<html lang="sv"><head><script>Shopify.currency = {"active":"EUR","rate":"1.0"};</script></head><body></body></html>`, "", "EUR"},
		{`<html lang="sv"><head><script>var meta = {"currency":"NOK"};</script></head><body></body></html>`, "", "NOK"},
		{`<html lang="sv"><body></body></html>`, "", "SEK"},
		{`<html lang="sv"><body></body></html>`, "https://shop.example.com/", "SEK"},
		{`<html lang="sv-FI"><body></body></html>`, "", "EUR"},
	} {
		root, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := currencyHint(newDocument(root), c.base, []byte(c.page)); got != c.want {
			t.Errorf("currencyHint(%s, %q) = %q, want %q", c.page, c.base, got, c.want)
		}
	}
}

// "Tell me when it is back" in the languages the phrase lists know is a sold-out page's button
// when it is the button's whole text: beside one in-stock offer of stale markup it says out of
// stock. As a message's words it says nothing (notifyMe counts only buttons).
func TestNotifyMeWordings(t *testing.T) {
	for _, p := range []string{"Houd me op de hoogte", "Benachrichtige mich", "Bei Verfügbarkeit benachrichtigen",
		"Benachrichtigen, wenn verfügbar", "Benachrichtigen, sobald der Artikel wieder auf Lager ist", "Me prévenir",
		"M'alerter", "Prévenez-moi du retour", "Avísame", "Avvisami", "Avise-me quando chegar", "Powiadom mnie",
		"Meddela mig", "Giv mig besked", "再入荷通知", "재입고 알림"} {
		if textAvailability(p) == catalog.OutOfStock {
			t.Errorf("message %q: out of stock", p)
		}
		page := `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><div class="price">$49.00</div>` +
			`<button type="button">` + p + `</button></body></html>`
		if got := shownOf(t, page).Availability; got != catalog.OutOfStock {
			t.Errorf("button %q: availability %q, want out of stock", p, got)
		}
	}
}

// A notify-me wording about something else than stock coming back is no sold-out button: a price
// alert ("Benachrichtigen, wenn der Preis sinkt", "Powiadom mnie o obniżce ceny", "M'alerter
// d'une baisse de prix"), a newsletter beside it ("Nieuwe collectie? Houd me op de hoogte"), an
// open German "Benachrichtigen, wenn …" without a stock word, a long text. Beside an add-to-cart
// button disabled until a size is picked, the markup's in stock stands.
func TestNotifyMeOtherAlerts(t *testing.T) {
	for _, c := range []struct {
		button string
		want   catalog.Availability
	}{
		{`<button class="price-alert btn btn-link" type="button">Benachrichtigen, wenn der Preis sinkt</button>`, catalog.InStock},
		{`<button class="price-alert btn btn-link" type="button">Powiadom mnie o obniżce ceny</button>`, catalog.InStock},
		{`<button class="btn-alert" type="button">M'alerter d'une baisse de prix</button>`, catalog.InStock},
		{`<p>Nieuwe collectie? <button type="button" class="btn-link">Houd me op de hoogte</button></p>`, catalog.InStock},
		{`<button type="button">Benachrichtigen, wenn es Neuigkeiten gibt</button>`, catalog.InStock},
		{`<button type="button">Avísame cuando haya ofertas</button>`, catalog.InStock},
		{`<button type="button">Avísame cuando vuelva</button>`, catalog.OutOfStock},
	} {
		page := `<html><head>` + linenLD("49.00") + `</head><body><h1>Linen Dress</h1><div class="price">$49.00</div>` + c.button +
			`<fieldset class="pdp-sizes"><ul class="size-list"><li><input type="radio" name="size" id="sS" value="S"><label for="sS">S</label></li></ul></fieldset>` +
			`<button class="add-to-cart btn btn-primary" disabled>In den Warenkorb</button></body></html>`
		if got := shownOf(t, page).Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.button, got, c.want)
		}
	}
	page := `<html><body><h1>Pull en laine</h1><span class="price">79,95 €</span><button class="btn-alert" type="button">M'alerter d'une baisse de prix</button></body></html>`
	if got := shownOf(t, page).Availability; got == catalog.OutOfStock {
		t.Errorf("price alert, no markup: availability %q", got)
	}
}

// "Available soon" in more languages is not in stock, and Russian stock words and buy buttons
// are read: a page without markup says in stock by its "Добавить в корзину" button.
func TestSoonAndRussianStockWords(t *testing.T) {
	for s, want := range map[string]catalog.Availability{
		"Bientôt disponible":  catalog.OutOfStock,
		"Demnächst verfügbar": catalog.OutOfStock,
		"Snart i lager":       catalog.OutOfStock,
		"Disponible":          catalog.InStock,
		"Нет в наличии":       catalog.OutOfStock,
		"В наличии":           catalog.InStock,
		"Скоро в наличии":     catalog.OutOfStock,
	} {
		if got := textAvailability(s); got != want {
			t.Errorf("textAvailability(%q) = %q, want %q", s, got, want)
		}
	}
	for button, want := range map[string]catalog.Availability{
		`<button class="order__button">Добавить в корзину</button>`: catalog.InStock,
		`<button type="submit">Agregar al Carro</button>`:           catalog.InStock,
	} {
		page := `<html><body><h1>Джинсы прямые</h1><p class="price">1 247 ₽</p>` + button + `</body></html>`
		if o := shownOf(t, page); o.Availability != want || o.Price != 124700 {
			t.Errorf("%s: %d %s, want 124700 %s", button, o.Price, o.Availability, want)
		}
	}
}
