package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/pricing"
	"golang.org/x/net/html"
)

// Amounts beside a product's price that a shopper does not pay: the lowest price of the last 30
// days that EU shops must show beside a sale (the Omnibus directive), an instalment ("4x 47,48 €",
// "3 × 33,33 €") and a multi-buy offer ("Buy 3 for $30", "2 für 20 €").

// lowestPriceLabels name the lowest price of the last 30 days, lower case, by language. They say
// so only with their time words (omnibusTime): "Lowest price guaranteed" and a "Lowest price
// ever" badge stand beside the price paid.
var lowestPriceLabels = []string{"lowest price", "niedrigster preis", "niedrigste preis", "tiefstpreis", "najniższa cena",
	"prix le plus bas", "plus bas prix", "prezzo più basso", "prezzo piu basso", "precio más bajo", "precio mas bajo",
	"laagste prijs", "lägsta pris", "laveste pris", "alin hinta", "nejnižší cena", "najnižšia cena", "legalacsonyabb ár",
	"cel mai mic preț", "preço mais baixo", "najniža cijena", "najnižja cena", "en düşük fiyat"}

var (
	// omnibusTime are the time words of a 30-day lowest price: "der letzten 30 Tage", "z 30 dni",
	// "30 päivän", or "before the price reduction" in its languages.
	omnibusTime = regexp.MustCompile(`(?i)(?:^|[^\d])30\s*(?:-\s*)?(?:days?|tage|tagen|tagen|dni|dnů|dní|jours?|giorni|días|dias|dagen|dagar|dage|dages|päivän|päivää|nap|napban|napos|de zile|zile|gün|dana)(?:$|[^\p{L}])` +
		`|vor der preissenkung|vor preissenkung|vor der reduzierung|before the price reduction|before the reduction|prior to the reduction|avant (?:la )?réduction|prima dello sconto|prima della riduzione|antes de la rebaja|antes del descuento|voor de korting|före sänkningen|przed obniżką`)
	// timesBefore ends a text right before an instalment's amount: "4x", "4 x", "3×", "3x de"
	// (Portuguese and Spanish), "3x di"; its count is the first group.
	timesBefore = regexp.MustCompile(`(?:^|[^\p{L}\d])(\d{1,2})\s?[x×]\s*(?:(?:de|di)\s*)?$`)
	// orBefore is an instalment's count after "or" ("or 4x $12.25", "ou 4x", "ou 3x de", "oder 3
	// ×"): the price paid, then the same in parts.
	orBefore = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:or|ou|oder|o|of|eller|lub|veya)\s+(?:em\s+até\s+|en\s+)?\d{1,2}\s?[x×]\s*(?:(?:de|di)\s*)?$`)
	// partsBefore ends a text right before one part of a price paid in parts, counted in words
	// (instalmentWords): "3 parcelas de", "12 cuotas de", "in 3 Raten à", "4 payments of".
	partsBefore = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])\d{1,2}\s*(?:` + strings.Join(instalmentWords, "|") + `)\s*(?:de|di|of|à|a|von|van|da|po)?\s*:?\s*$`)
	// sizeBefore is a size word before a count: "Size 2X" is a size, not two instalments.
	sizeBefore = regexp.MustCompile(`(?i)(?:size|größe|grösse|taille|talla|taglia|maat|storlek|størrelse|rozmiar|tamanho|beden|sz)\.?\s*:?\s*\d{1,2}\s?[x×]\s*$`)
	// forBefore ends a text right before a multi-buy's total after a buy verb: "Buy 3 for", "Buy
	// any 2 for", "Kaufe 2 für", "Achetez 3 pour". "Box of 10 for $5.99" is a price.
	forBefore = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:buy|kaufe|kaufen|nimm|achetez|achète|compra|compre|koop|köp|køb|kjøp|kup)(?:\s+(?:any|beliebige|n'importe quels))?\s+\d{1,2}\s*(?:for|für|pour|por|per|voor|för|for kun|za)\s*$`)
	// worthBefore ends a text right before a free gift's value: "Free tote worth £25".
	worthBefore = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:worth|im wert von|d'une valeur de|del valore di|valorado en|t\.w\.v\.)\s*$`)
)

// instalmentWords name the parts of a price paid in parts; partsBefore and paymentWords share
// them.
var instalmentWords = []string{"parcelas", "cuotas", "mensualidades", "rate", "raten", "termijnen", "mensualités",
	"installments", "instalments", "payments"}

// paymentWords near an instalment's amount name the payment plan.
var paymentWords = append([]string{"payment", "pay", "paiement", "paiements", "sans frais", "interest", "interest-free",
	"zinsfrei", "monatsraten", "plazos", "sin intereses", "senza interessi", "klarna", "afterpay", "paypal", "affirm",
	"sezzle", "clearpay", "scalapay", "alma", "oney", "sem juros", "juros", "parcela", "em até", "sin interés",
	"sin interes", "meses sin intereses", "interessi"}, instalmentWords...)

// methodPriceAfter starts the text right after a price for paying one way: Brazil's Pix and
// boleto discounts ("R$ 170,91 no Pix (10% de desconto)", "R$ 170,91 à vista no Pix"), shown
// beside the card price that is the product's. "À vista" (paid at once) alone is no such price:
// pages show their price so. Such a price is the page's price when it has no other
// (priceCandidates).
var methodPriceAfter = regexp.MustCompile(`(?i)^\s*(?:\(|-|–)?\s*(?:à\s+vista\s+)?(?:no|via|com|pelo|pagando\s+(?:no|via|com))\s+(?:pix|boleto)(?:$|[^\p{L}])`)

// feeNotes name a buyer's fee a price includes: Vinted's "126,70 zł incl. Buyer Protection".
// Such an amount is the price with the fee, neither the price nor a regular one.
var feeNotes = []string{"buyer protection", "buyer's protection", "käuferschutz", "ochronę kupujących", "ochrona kupujących",
	"protection acheteurs", "protection des acheteurs", "protección al comprador", "protección del comprador",
	"protezione acquisti", "kopersbescherming", "köparskydd", "proteção do comprador", "ochrana kupujícího"}

// feeIncluded is a word of inclusion right before a fee's name (feeNotes): "incl. Buyer
// Protection", "inkl. Käuferschutz", "zawiera Ochronę Kupujących", "includes the Buyer
// Protection fee". "+ Buyer Protection fee", "excl." and "Buyer Protection fee applies" say the
// fee is added to the price shown, which is then the price.
var feeIncluded = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:incl\.?|inkl\.?|including|includes|included|inclusive|inklusive|inclusief|inclus|inclut|incluant|incluye|incluido|incluida|incluso|inclusa|inclui|incluindo|inkluderar|zawiera|včetně|vč\.?)\s+(?:the\s+|la\s+|le\s+|el\s+|a\s+|de\s+|der\s+|den\s+)?(?:` +
	func() string {
		q := make([]string, len(feeNotes))
		for i, f := range feeNotes {
			q[i] = regexp.QuoteMeta(f)
		}
		return strings.Join(q, "|")
	}() + `)`)

// feeNoted reports a price whose line says it includes a buyer's fee (feeIncluded): the text of
// n or of one of its two nearest ancestors, while that text is short and holds no other price.
// find reads a text's prices (priceCandidates' memo).
func feeNoted(n *html.Node, find func(string) []shownPrice) bool {
	for up := 0; up < 3 && n != nil && n.Type == html.ElementNode; up, n = up+1, n.Parent {
		t := pricing.ASCIIDigits(text(n, shortText*2))
		if len(t) > shortText || len(find(t)) > 1 {
			return false
		}
		if feeIncluded.MatchString(collapse(t)) {
			return true
		}
	}
	return false
}

// notShopperPrice reports an amount whose text before it (since the last amount) and right
// after it say it is not the price paid: the lowest price of 30 days with its time words, an
// instalment (a count of two or more with "or" before it or a payment word nearby, never a size),
// a multi-buy total after a buy verb, a free gift's value, a part counted in words ("3
// parcelas de").
func notShopperPrice(before, after string) bool {
	low := strings.ToLower(collapse(before))
	if lowestWithTime(low) {
		return true
	}
	if m := timesBefore.FindStringSubmatch(low); m != nil && m[1] != "0" && m[1] != "1" && m[1] != "01" && !sizeBefore.MatchString(low) &&
		(orBefore.MatchString(low) || containsPhrase(low, paymentWords) || containsPhrase(strings.ToLower(collapse(after)), paymentWords)) {
		return true
	}
	if partsBefore.MatchString(low) {
		return true
	}
	return forBefore.MatchString(low) || worthBefore.MatchString(low)
}

// lowestWithTime reports a lowest-price label followed, within a few linking words ("in the
// last", "der letzten", "z"), by its time words (omnibusTime), or right after them: "Lowest
// price in the last 30 days", "30-day lowest price". Time words elsewhere ("Lowest price guaranteed · 30-day returns") say nothing of it.
func lowestWithTime(low string) bool {
	for _, p := range lowestPriceLabels {
		for i := 0; ; {
			j := strings.Index(low[i:], p)
			if j < 0 {
				break
			}
			j += i
			i = j + 1
			if boundary(low, j-1) && boundary(low, j+len(p)) && (timeFollows(low[j+len(p):]) || timePrecedes(low[:j])) {
				return true
			}
		}
	}
	return false
}

// timePrecedes reports a text that ends with a 30-day lowest price's time words right before
// its label: "30-day lowest price", "30-Tage-Tiefstpreis".
func timePrecedes(head string) bool {
	head = strings.TrimRight(head, " -–:")
	locs := omnibusTime.FindAllStringIndex(head, -1)
	return len(locs) > 0 && locs[len(locs)-1][1] == len(head)
}

// timeFollows reports a text that starts, after at most lowestGap linking words (lowestLinks),
// with a 30-day lowest price's time words.
func timeFollows(rest string) bool {
	for gap := 0; gap <= lowestGap; gap++ {
		rest = strings.TrimLeftFunc(rest, func(r rune) bool { return r == ' ' || r == ':' || r == '(' || r == ',' || r == '-' || r == '–' })
		if loc := omnibusTime.FindStringIndex(rest); loc != nil && loc[0] == 0 {
			return true
		}
		word, after, _ := strings.Cut(rest, " ")
		if !slices.Contains(lowestLinks, word) {
			return false
		}
		rest = after
	}
	return false
}

// lowestGap bounds the linking words between a lowest-price label and its time words.
const lowestGap = 4

// lowestLinks are the words that link a lowest-price label to its time words, lower case, by
// language: "in the last", "der letzten", "z ostatnich", "des", "negli ultimi", "de los
// últimos", "van de afgelopen", "de senaste", "za posledních", "az elmúlt", "din ultimele".
var lowestLinks = []string{"in", "of", "the", "last", "past", "over", "within", "during", "der", "letzten", "vergangenen",
	"innerhalb", "z", "ostatnich", "des", "derniers", "sur", "les", "negli", "ultimi", "degli", "nei", "de", "los", "del",
	"últimos", "ultimos", "dos", "van", "afgelopen", "laatste", "senaste", "siste", "sidste", "seneste", "viimeisen", "za",
	"posledních", "posledných", "az", "elmúlt", "din", "ultimele", "u", "zadnjih", "v"}

// precedingText is the text right before n in its line: the text nodes and inline elements
// before it in its parent, or, when it is the first thing there, before its inline parent; at
// most about 120 bytes and precedingSteps siblings a level.
func precedingText(n *html.Node) string {
	for up := 0; up < 3 && n != nil; up++ {
		var parts []string
		size, steps := 0, 0
		for p := n.PrevSibling; p != nil && size < 120 && steps < precedingSteps; p, steps = p.PrevSibling, steps+1 {
			var t string
			switch {
			case p.Type == html.TextNode:
				t = collapse(p.Data)
			case p.Type == html.ElementNode && inlineElement(p) && !invisibleText(p):
				t = text(p, 120)
			case p.Type == html.ElementNode:
				p = nil // a block before n ends its line
			}
			if p == nil {
				break
			}
			if t != "" {
				parts = append([]string{t}, parts...)
				size += len(t)
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, " ")
		}
		if n.Parent == nil || n.Parent.Type != html.ElementNode || !inlineElement(n.Parent) && up > 0 {
			return ""
		}
		n = n.Parent
	}
	return ""
}

// followingText is the text right after n in its line: the text node after it, or after its
// inline parent when n is the last thing there; at most about 60 bytes.
func followingText(n *html.Node) string {
	for up := 0; up < 2 && n != nil; up++ {
		if c := n.NextSibling; c != nil {
			if c.Type == html.TextNode {
				t := collapse(c.Data)
				return t[:min(len(t), 60)]
			}
			return ""
		}
		if n.Parent == nil || n.Parent.Type != html.ElementNode || !inlineElement(n.Parent) {
			return ""
		}
		n = n.Parent
	}
	return ""
}

// precedingSteps bounds the siblings precedingText looks at before an element: a hostile page
// may put thousands of empty inline elements before each of thousands of prices.
const precedingSteps = 16

// perPeriodWords start the text after a rental's or subscription's amount: "$18.00/month".
var perPeriodWords = []string{"/mo", "/month", "a month", "per month", "monthly", "/wk", "/week", "per week", "/day", "per day",
	"/mois", "par mois", "/monat", "pro monat", "im monat", "monatlich", "/mes", "al mes", "/mese", "al mese", "/maand",
	"per maand", "/jour", "par jour"}

// perPeriodAfter reports an element whose amount the text right after it makes a price per
// period: <span>$18.00</span>/month.
func perPeriodAfter(n *html.Node) bool {
	c := n.NextSibling
	if c == nil || c.Type != html.TextNode {
		return false
	}
	return perPeriodText(c.Data)
}

// perPeriodText reports text that, right after an amount, makes it a price per period:
// "/mo. for 12 months", " per month".
func perPeriodText(after string) bool {
	t := strings.ToLower(collapse(after))
	for _, w := range perPeriodWords {
		if strings.HasPrefix(t, w) && boundary(t, len(w)) {
			return true
		}
	}
	return false
}

// loneRegular is the price of a block whose only amount is labelled "regular price" or classed
// regular (named) and not struck through: with no sale beside it, the regular price is the one
// paid. Shopify's Dawn labels every price that is not on sale "Regular price". nil when the block
// has a struck price, regular prices of different amounts, or a regular price named otherwise:
// "Was", "RRP", "UVP", "statt", "before" say a sale price is missing, not that none is on. nil
// too in a block root (the price block, nil for none) that says a sale is on whose price is not
// among the amounts (saleBlock): a script draws it.
func loneRegular(cluster []priceCand, root *html.Node) *priceCand {
	if root != nil && saleBlock(root) {
		return nil
	}
	var lone *priceCand
	for i := range cluster {
		c := &cluster[i]
		switch {
		case c.role != strongRegular && c.role != weakRegular:
			continue
		case c.struck || !c.named:
			return nil
		case lone == nil:
			lone = c
		case cmpAmount(lone.amount, c.amount) != 0:
			return nil
		}
	}
	return lone
}

// salePriceLabels are the words of Dawn's and its kin's "Sale price" label by language, lower
// case.
var salePriceLabels = []string{"sale price", "sonderpreis", "angebotspreis", "prix soldé", "prix promotionnel", "precio de oferta",
	"prezzo di vendita", "prezzo scontato", "aanbiedingsprijs", "reapris", "cena promocyjna", "preço promocional", "セール価格"}

// saleBlock reports a price block that says a sale is on: it or an ancestor is classed sale or
// on-sale ("price--on-sale"), or it holds a "Sale price" label (salePriceLabels) or an empty
// element classed sale ("price-item--sale" that a script fills).
func saleBlock(root *html.Node) bool {
	for p := root; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if hasWord(words(p), "sale", "onsale") {
			return true
		}
	}
	if containsPhrase(strings.ToLower(collapse(text(root, clusterText*2))), salePriceLabels) {
		return true
	}
	found := false
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && !found && depth < 20; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if hasWord(words(c), "sale", "onsale") && strings.TrimSpace(text(c, 8)) == "" {
				found = true
				return
			}
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return found
}

// regularPriceLabels are the words of Dawn's and its kin's "Regular price" label by language,
// lower case: the price shown when no sale is on, not a struck one.
var regularPriceLabels = []string{"regular price", "normaler preis", "normalpreis", "prix habituel", "prix normal",
	"precio habitual", "precio normal", "precio regular", "prezzo normale", "prezzo abituale", "normale prijs", "reguliere prijs",
	"ordinarie pris", "vanlig pris", "normalpris", "cena regularna", "preço normal", "preço regular",
	"normaalihinta", "běžná cena", "通常価格", "정상가"}

// regularNamed reports a price element labelled with a "regular price" wording, or classed
// regular by itself or a parent ("price-item--regular", "price__regular").
func regularNamed(n *html.Node, label string) bool {
	if containsPhrase(strings.ToLower(label), regularPriceLabels) {
		return true
	}
	for up := 0; up < 3 && n != nil && n.Type == html.ElementNode; up, n = up+1, n.Parent {
		if hasWord(words(n), "regular") {
			return true
		}
	}
	return false
}

// pickable reports a block with a price that is not a regular one.
func pickable(cluster []priceCand) bool {
	for _, c := range cluster {
		if c.role != strongRegular && c.role != weakRegular {
			return true
		}
	}
	return false
}

// offAfter reports text that, right after an amount, makes it a discount: "$10 OFF, expires
// 12/1/26" (ignoreLabels reads "off" in an element's whole label, not in a text node's tail).
func offAfter(after string) bool {
	t := strings.ToLower(collapse(after))
	return strings.HasPrefix(t, "off") && boundary(t, len("off"))
}
