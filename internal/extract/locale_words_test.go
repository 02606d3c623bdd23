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

// A pre-order message beside the product never overrides one offer the markup says is in stock:
// only a sold-out buy button does.
func TestPreorderMessageKeepsMarkup(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trench",
		"offers":{"@type":"Offer","price":"245.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script></head>
		<body><h1>Trench</h1><span class="price">245,00 €</span><p class="product__availability">Disponible en précommande</p>
		<button type="submit" class="add-to-cart">Précommander</button></body></html>`
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
