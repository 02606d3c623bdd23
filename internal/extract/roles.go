package extract

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// What a price on the page is: the price paid, a regular price, or someone else's. Read from
// the element's tags and styles (struck through), the words of its classes and test hooks
// ("price--sale", "was-price"), and the label beside it ("Was", "UVP", "New (2) from").

// words splits an element's class, id, itemprop, test hooks and component names into lower-case
// words: "price-item--regular" gives price, item, regular; "comparePrice" gives compare, price;
// data-component="PriceOriginal" gives price, original; Magento's data-price-type="oldPrice" old, price.
func words(n *html.Node) []string {
	var out []string
	for _, a := range []string{"class", "id", "itemprop", "data-testid", "data-test", "data-qa", "data-hook", "data-automation-id", "data-cy", "data-auto-id", "data-component", "data-price-type"} {
		if v := attr(n, a); v != "" {
			out = splitWords(v, out)
		}
	}
	return out
}

// splitWords appends the lower-case words of an identifier to out, split at punctuation and
// where a capital follows a small letter or digit: "price-item--regular" gives price, item,
// regular; "originalPrice" gives original, price.
func splitWords(v string, out []string) []string {
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range v {
		switch {
		case r >= 'A' && r <= 'Z':
			if prevLower {
				flush()
			}
			cur = append(cur, r)
			prevLower = false
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			cur = append(cur, r)
			prevLower = true
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	return out
}

func hasWord(ws []string, want ...string) bool {
	for _, w := range ws {
		for _, x := range want {
			if w == x {
				return true
			}
		}
	}
	return false
}

var (
	// Class words, also in French, Italian, Spanish, German and Dutch: "prezzo-barrato" (struck
	// price), "prix-barre", "precio-tachado", "streichpreis"; "prezzo-finale", "prix-actuel";
	// abbreviated as Trendyol does, "prc-org" (original) and "prc-dsc" (discounted); Lazada's struck
	// price is "pdp-price_type_deleted".
	priceWords   = []string{"price", "prices", "pricing", "amount", "money", "cost", "preis", "prix", "precio", "prezzo", "prijs", "pris", "cena", "preco", "fiyat", "harga", "sales", "sale"}
	currentWords = []string{"sale", "sales", "now", "special", "current", "final", "offer", "discount", "discounted", "reduced", "promo", "promotion", "promotional", "actual", "deal", "selling", "new", "red",
		"finale", "scontato", "aktuell", "actuel", "attuale", "dsc", "disc"}
	strongRegularWords = []string{"was", "old", "compare", "compareat", "strike", "strikethrough", "striked", "struck", "crossed", "through", "rrp", "msrp", "uvp", "before", "previous", "prev",
		"barrato", "barre", "tachado", "streichpreis", "durchgestrichen", "doorgestreept", "prereduction", "deleted"}
	weakRegularWords = []string{"regular", "original", "orig", "org", "list", "listprice", "standard", "retail", "fullprice", "reference", "initial", "normal", "secondary", "ordinarie"}
	// Label words a shopper reads next to a price, lower case: Dutch "van € 59,95 voor € 41,95"
	// and "au lieu de", "invece di", Swedish "Ord. pris", Danish "Førpris", Spanish "PVP
	// recomendado" name the regular price; "in 3 Raten", "en 3 plazos", "sans frais" an instalment.
	// A free gift's value ("worth £25") is known by the words right before it (notShopperPrice),
	// not by "worth" anywhere beside a price.
	strongRegularLabels = []string{"was", "regular price", "original price", "rrp", "msrp", "uvp", "statt", "vorher", "avant", "prix initial", "antes", "prima", "voorheen", "tidigare", "compare at", "list price", "before", "reg.", "reg",
		"van", "au lieu de", "invece di", "anziché", "en lugar de", "ord. pris", "ord.pris", "ordinarie pris", "førpris",
		"før", "normalpris", "prezzo consigliato", "prezzo di listino", "pvp recomendado", "precio recomendado",
		"prix conseillé", "prix de référence", "unverbindliche preisempfehlung", "adviesprijs", "cena regularna",
		"poprzednia cena", "cena katalogowa", "previous price", "prior price", "orig.", "orig", "originally",
		// WooCommerce's screen-reader "Original price was:" as its translations say it, Zalando's "Originalpreis:".
		"ursprünglicher preis", "ursprünglich", "originalpreis", "precio original", "prezzo originale", "oorspronkelijke prijs",
		"preço original", "ursprungligt pris", "ursprungliga priset", "oprindelig pris", "oprindelige pris", "opprinnelig pris",
		"opprinnelige prisen", "cena pierwotna", "pierwotna cena", "původní cena", "alkuperäinen hinta",
		// Korean shops' 소비자가 (consumer price) and 정가 (list price).
		"소비자가", "정가"}
	currentLabels = []string{"now", "sale price", "current price", "price is", "jetzt", "nur", "maintenant", "ahora", "ora", "nu", "our price", "special price", "offer price", "deal price", "deal of the day", "lightning deal", "with deal",
		"aktueller preis", "prix actuel", "precio actual", "prezzo attuale", "huidige prijs", "preço atual", "nuvarande pris", "nuværende pris",
		"nåværende pris", "obecna cena", "aktualna cena", "aktuální cena", "nykyinen hinta",
		"할인판매가", "할인가"}
	ignoreLabels = []string{"save", "saving", "you save", "spare", "sparen", "économisez", "ahorra", "risparmi", "bespaar", "off", "payments of", "payment", "interest", "per month", "/mo", "/month", "a month", "monthly", "per week", "/wk", "par mois", "/mois", "pro monat", "im monat",
		"monatlich", "al mes", "/mes", "al mese", "/mese", "per maand", "/maand", "installment", "instalment", "klarna", "afterpay", "raten", "rate da", "plazos", "cuotas", "mensualités",
		"meses sin intereses", "sans frais", "orders over", "orders above", "spend", "points", "적립금", "per 100", "/100", "per kg", "/kg", "per l", "/l", "per m"}
)

// weakRegularLabels name a regular price that is also the price paid when no sale is on:
// India's "MRP" (maximum retail price), shown alone on a product at full price; Cafe24's 판매가
// (selling price), the regular price beside a 할인판매가 (discounted price); Japan's 通常価格
// (regular price) beside a セール価格.
var weakRegularLabels = []string{"mrp", "m.r.p.", "판매가", "通常価格"}

// siblingLabel is the short text just before n: a "Was" or a visually hidden "Regular price".
// When nothing comes before n in its parent, the text before the parent is read instead (up to
// labelLevels up, through inline elements only: a heading or a paragraph before a price's
// wrapper is not its label), and such a label counts only when it says what the price is
// ("List Price:", "Was", "New (2) from"), not when it is a badge or a line about shipping.
// Counts in parentheses are dropped; a text with another number in it is no label. Labels
// written after their prices are read there (trailingLabel).
func siblingLabel(n *html.Node) string {
	if t, ok := trailingLabel(n); ok {
		return t
	}
	for up := 0; up < labelLevels && n != nil && n.Type == html.ElementNode; up, n = up+1, n.Parent {
		steps := 0
		for p := n.PrevSibling; p != nil && steps < labelSteps; p, steps = p.PrevSibling, steps+1 {
			var t string
			switch p.Type {
			case html.TextNode:
				t = collapse(p.Data)
			case html.ElementNode:
				if invisibleText(p) {
					continue
				}
				t = text(p, 60)
				if up > 0 && t != "" && !inlineElement(p) {
					return ""
				}
			}
			if t == "" {
				continue
			}
			t = collapse(parenCount.ReplaceAllString(t, " "))
			if len(t) > 40 || len(findPrices(t, "")) > 0 {
				return ""
			}
			if up > 0 && !containsPhrase(strings.ToLower(t), roleLabels) {
				return ""
			}
			return t
		}
	}
	return ""
}

// inlineElement reports an element that sits in a line of text rather than starting a block.
func inlineElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Span, atom.Label, atom.Strong, atom.B, atom.Em, atom.I, atom.Small, atom.S, atom.Del, atom.Strike,
		atom.Sup, atom.Sub, atom.Abbr, atom.Bdi, atom.A, atom.Font, atom.Mark, atom.Dt:
		return true
	}
	return false
}

// roleLabels are the labels that say what a price is, read even a few wrappers away.
var roleLabels = slices.Concat(strongRegularLabels, weakRegularLabels, currentLabels, sellerLabels)

// sellerLabels name prices of other sellers or conditions, not the product's own: "New (2) from",
// and on marketplaces in other languages "Neuf (9) dès", "Occasion dès", "Gebraucht ab".
var sellerLabels = append([]string{"new from", "used from", "refurbished from",
	"neuf dès", "occasion dès", "neuf à partir de", "occasion à partir de", "reconditionné dès", "neu ab", "gebraucht ab",
	"nuevo desde", "usado desde", "reacondicionado desde", "nuovo da", "usato da", "nieuw vanaf", "tweedehands vanaf"},
	otherOfferLabels...)

// otherOfferLabels are the sellerLabels that always name other sellers' offers.
var otherOfferLabels = []string{"other sellers", "buying choices", "more choices"}

// sellerOffer sorts a price labelled by a sellerLabel (label, lower case, counts dropped).
// otherOffer: other sellers' offers, as otherOfferLabels or a count of offers before the price
// ("New (2) from", "Neuf (9) dès") say; not the product's price. condition: a condition's price
// without a count ("Reconditionné dès 389,00 €", a shop selling refurbished goods only), held:
// the price of a page that shows no other. before is the raw text before the price.
func sellerOffer(label, before string) (otherOffer, condition bool) {
	if !containsPhrase(label, sellerLabels) {
		return false, false
	}
	if containsPhrase(label, otherOfferLabels) || parenCount.MatchString(lastWords(before, 4)) {
		return true, false
	}
	return false, true
}

// labelLevels is how many wrappers up siblingLabel looks for a label, labelSteps how many
// siblings before each it looks at for one with text (a hostile page may have thousands).
const (
	labelLevels = 3
	labelSteps  = 64
)

// parenCount is a parenthesised number in a label ("New (2) from"), dropped before it is read.
var parenCount = regexp.MustCompile(`\(\d+\)`)

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

// roleOf reads what a price element is: struck-through tags and styles first, then the words
// beside it ("Was", "UVP"), then the class words of it and its near ancestors.
func roleOf(n *html.Node, label string, lens []int, d *document) role {
	r := plain
	if struck(n, lens, d) {
		return strongRegular
	}
	if containsPhrase(label, strongRegularLabels) {
		return strongRegular
	}
	for up, e := 0, n; up < 4 && e != nil && e.Type == html.ElementNode; up, e = up+1, e.Parent {
		if up > 0 && lens[d.pos[e]] > clusterText {
			break
		}
		ws := affirmed(words(e))
		switch {
		case hasWord(ws, strongRegularWords...) || wordPair(ws, "pre", "reduction"):
			return strongRegular
		case (hasWord(ws, weakRegularWords...) || wordPair(ws, "full", "price")) && r == plain:
			r = weakRegular
		case (e.DataAtom == atom.Ins || hasWord(ws, currentWords...)) && r == plain:
			r = current
		}
	}
	return labelRole(label, r)
}

// wordPair reports the word a followed by b: "preReductionPrice" gives pre, reduction, price.
func wordPair(ws []string, a, b string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == a && ws[i+1] == b {
			return true
		}
	}
	return false
}

// struck reports a price drawn struck through: in a del, s or strike element, a line-through
// style or a strike flag attribute, on it or a near ancestor within its price block.
func struck(n *html.Node, lens []int, d *document) bool {
	for up, e := 0, n; up < 4 && e != nil && e.Type == html.ElementNode; up, e = up+1, e.Parent {
		if up > 0 && lens[d.pos[e]] > clusterText {
			break
		}
		switch e.DataAtom {
		case atom.Del, atom.S, atom.Strike:
			return true
		}
		if strings.Contains(strings.ToLower(attr(e, "style")), "line-through") || struckByAttr(e) {
			return true
		}
	}
	return false
}

// struckByAttr reports a flag attribute that draws the element struck through, as Amazon's
// data-a-strike="true" does.
func struckByAttr(e *html.Node) bool {
	for _, a := range e.Attr {
		k := strings.ToLower(a.Key)
		if strings.HasPrefix(k, "data-") && (strings.HasSuffix(k, "strike") || strings.HasSuffix(k, "strikethrough")) {
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "true", "1", "yes", "":
				return true
			}
		}
	}
	return false
}

// affirmed drops words negated by the word before them: "price--non-sale" is not a sale price.
func affirmed(ws []string) []string {
	out := ws[:0:0]
	for i, w := range ws {
		if w == "non" || w == "not" || w == "no" || w == "nonsale" || w == "notsale" || w == "nosale" ||
			(i > 0 && (ws[i-1] == "non" || ws[i-1] == "not" || ws[i-1] == "no")) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// labelRole lets the words beside a price decide when its markup did not.
func labelRole(label string, r role) role {
	if r != plain {
		return r
	}
	switch {
	case containsPhrase(label, strongRegularLabels):
		return strongRegular
	case containsPhrase(label, currentLabels):
		return current
	case containsPhrase(label, weakRegularLabels):
		return weakRegular
	}
	return r
}
