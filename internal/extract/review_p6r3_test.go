package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Italian pre-orders say "preordine" ("Disponibile in preordine", "Preordine – spedizione da
// metà marzo"): a pre-order, though "disponibile" alone is in stock.
func TestItalianPreordine(t *testing.T) {
	for _, s := range []string{"Disponibile in preordine", "Preordine – spedizione da metà marzo", "In preordine"} {
		if got := textAvailability(s); got != catalog.Preorder {
			t.Errorf("textAvailability(%q) = %q, want preorder", s, got)
		}
	}
}

// A store view's markup in another currency than the page shows (JSON-LD in the shop's base
// dollars, the page in Danish or Swedish crowns) does not settle the shown "kr": the page's
// language does, and the markup's amount is no regular price of it. A bare number keeps the
// markup's currency, and markup in a currency "kr" may mean keeps it.
func TestMarkupCurrencyThatIsNotTheSign(t *testing.T) {
	for _, tc := range []struct {
		name, lang, ld, shown, price, regular, currency string
	}{
		{"danish crowns, dollar markup", "da", `"price":"1618.92","priceCurrency":"USD"`, `1.499,00 kr.`, "149900", "", "DKK"},
		{"swedish sale, dollar markup", "sv", `"price":"1294.92","priceCurrency":"USD"`, `<s>1 599 kr</s> 1 199 kr`, "119900", "159900", "SEK"},
		{"dollar sign, euro markup", "en-US", `"price":"77.76","priceCurrency":"EUR"`, `$84.00`, "8400", "", "USD"},
		{"norwegian markup settles kr", "sv", `"price":"1499.00","priceCurrency":"NOK"`, `1 499 kr`, "149900", "", "NOK"},
		{"bare number keeps the markup's", "da", `"price":"1618.92","priceCurrency":"USD"`, `1499.00`, "149900", "161892", "USD"},
	} {
		page := `<html lang="` + tc.lang + `"><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Uldfrakke",
			"offers":{"@type":"Offer",` + tc.ld + `,"availability":"https://schema.org/InStock"}}</script></head>
			<body><h1>Uldfrakke</h1><div class="product-price"><span class="price">` + tc.shown + `</span></div>
			<button type="submit" class="add-to-cart">Læg i kurv</button></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
			t.Errorf("%s: no offer", tc.name)
			continue
		}
		o := r.Products[0].Offers[0]
		got := []string{itoa(o.Price), itoa(o.RegularPrice), o.Currency}
		want := []string{tc.price, tc.regular, tc.currency}
		if strings.Join(got, "/") != strings.Join(want, "/") {
			t.Errorf("%s: price/regular/currency %v, want %v", tc.name, got, want)
		}
	}
}

func itoa(minor int64) string {
	if minor == 0 {
		return ""
	}
	return strconv.FormatInt(minor, 10)
}
