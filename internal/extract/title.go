package extract

import (
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// findTitle picks the element that shows the product's name: an h1, an itemprop=name, or an
// element classed as a product title, preferring one whose text is a name the markup gives and
// never a logo. nil when the page shows no such element.
func (d *document) findTitle(names []string, skip []bool) *html.Node {
	folded := make([]string, 0, len(names))
	for _, n := range names {
		if f := catalog.Fold(n); f != "" {
			folded = append(folded, f)
		}
	}
	var best *html.Node
	bestScore := 0
	for i, n := range d.elems {
		if skip[i] {
			continue
		}
		score := 0
		ws := words(n)
		if n.DataAtom == atom.H1 {
			score += 3
		}
		if strings.EqualFold(attr(n, "itemprop"), "name") && n.DataAtom != atom.Meta {
			score += 2
		}
		if (hasWord(ws, "title", "name", "heading") && hasWord(ws, "product", "pdp", "item", "productname", "producttitle")) ||
			hasWord(ws, "producttitle", "productname") {
			score += 3
		}
		if score == 0 {
			continue
		}
		t := text(n, titleMaxLength*2)
		if len(t) < 2 || len(t) > titleMaxLength {
			continue
		}
		ft := catalog.Fold(t)
		for _, name := range folded {
			switch {
			case ft == name:
				score += 6
			case strings.Contains(ft, name) || strings.Contains(name, ft):
				score += 3
			}
		}
		// On a tie the inner element wins: a wrapper classed "product-title" around the h1
		// also holds the SKU line or the brand.
		if score > bestScore || score == bestScore && best != nil && within(n, best) {
			best, bestScore = n, score
		}
	}
	return best
}

// stockLabels are the words before a stock message in shops that give it no class of its own
// ("Availability: Out Of Stock"), lower case, by language as in availability.go.
var stockLabels = []string{"availability", "stock", "stock status", "in stock", "verfügbarkeit", "lieferstatus", "lagerstatus",
	"lieferbarkeit", "disponibilité", "disponibilidad", "disponibilità", "beschikbaarheid", "voorraad", "tillgänglighet",
	"dostępność", "disponibilidade", "stok durumu", "在庫", "재고"}

// stockLabelled reports a text that starts with a stock label and a colon.
func stockLabelled(t string) bool {
	label, _, ok := strings.Cut(strings.ToLower(t), ":")
	if !ok {
		return false
	}
	label = strings.TrimSpace(label)
	for _, l := range stockLabels {
		if label == l {
			return true
		}
	}
	return false
}

// Words of classes and ids that hold a stock message, and of buy buttons.
var (
	stockWords  = []string{"stock", "availability", "available", "inventory", "soldout", "sold", "outofstock", "instock", "oos", "backorder", "preorder", "restock"}
	buttonWords = []string{"cart", "addtocart", "bag", "basket", "buy", "purchase", "checkout", "submit"}
)

// shownAvailability reads stock from what the shopper sees after the title: the first stock
// message, and the buy button's word ("Add to cart" in stock, "Sold out" out of stock). Buttons
// of a size or colour picker are not the buy button ("M (sold out)" speaks for one size), and a
// sold-out button is no answer when an enabled add-to-cart button follows it.
//
// plain is the first stock message that nothing marks as one: a short element of its own that
// says only that ("Out of stock", "Only 2 left"), outside pickers, links and form options; it
// is the answer only when neither of the others gives one.
func (d *document) shownAvailability(title int, lens []int, skip []bool) (message, button, plain catalog.Availability) {
	end := min(len(d.elems), title+afterTitle*2)
	cartEnabled := false
	badge := false // the message is a badge's, which themes keep in the page and show by CSS
	for i := title; i < end && (message == "" || button == "" || button == catalog.OutOfStock && !cartEnabled); i++ {
		n := d.elems[i]
		if skip[i] || lens[i] == 0 && n.DataAtom != atom.Input {
			continue
		}
		ws := words(n)
		if message == "" && lens[i] <= 150 && !inOption(n) {
			if t := text(n, 300); hasWord(ws, stockWords...) || lens[i] <= shortText && stockLabelled(t) {
				message = textAvailability(t)
				badge = hasWord(ws, badgeWords...)
			}
		}
		if plain == "" && message == "" && lens[i] <= plainStockText && plainStockElement(n) && !shippingNote(n) {
			plain = plainStockMessage(text(n, plainStockText*2))
		}
		isButton := n.DataAtom == atom.Button ||
			(n.DataAtom == atom.Input && (strings.EqualFold(attr(n, "type"), "submit") || strings.EqualFold(attr(n, "type"), "button"))) ||
			((n.DataAtom == atom.A || n.DataAtom == atom.Div || n.DataAtom == atom.Span) && hasWord(ws, buttonWords...) && hasWord(ws, "btn", "button", "add", "addtocart", "buy"))
		if !isButton || !hasWord(ws, buttonWords...) && inPicker(n) {
			continue
		}
		t := text(n, 120)
		if n.DataAtom == atom.Input {
			t = attr(n, "value")
		}
		if len(t) > 60 {
			continue
		}
		low := strings.ToLower(collapse(t))
		var said catalog.Availability
		switch {
		case containsPhrase(low, outOfStockPhrases):
			said = catalog.OutOfStock
		case containsPhrase(low, preorderPhrases):
			said = catalog.Preorder
		case (containsPhrase(low, addToCartPhrases) || buyControl(n)) && !disabled(n):
			said = catalog.InStock
			cartEnabled = true
		}
		if button == "" {
			button = said
		}
	}
	if button == catalog.OutOfStock && cartEnabled {
		button = ""
	}
	// Shopify's Dawn and its kin keep a "Sold out" badge beside every price and show it only
	// when the product is sold out: an enabled add-to-cart button says it is not.
	if message == catalog.OutOfStock && badge && cartEnabled {
		message = ""
	}
	if plain == catalog.OutOfStock && cartEnabled {
		plain = ""
	}
	return message, button, plain
}

// badgeWords mark a stock message as a badge or label that themes keep in every product page and
// show by CSS: "badge", "product-label--sold-out", "stock-label is-hidden", "tag", "flag".
var badgeWords = []string{"badge", "label", "tag", "flag"}

// plainStockText bounds the text of an unmarked stock message: a few words, not a paragraph
// that mentions stock ("Free returns on items bought in store while in stock").
const plainStockText = 40

// plainStockMessage reads an unmarked stock message. Words that only say "available" are no
// stock message there ("Available in 3 colours", "Also available in black"): an in-stock
// answer needs a stock word ("In stock", "Low stock", "Auf Lager") or a count ("Only 2 left").
func plainStockMessage(t string) catalog.Availability {
	a := textAvailability(t)
	if a == catalog.InStock {
		low := strings.ToLower(collapse(t))
		if !containsPhrase(low, strongInStockPhrases) && !onlyLeft(low) {
			return ""
		}
	}
	return a
}

// strongInStockPhrases are the in-stock phrases that name stock or shipping, not mere
// availability.
var strongInStockPhrases = func() []string {
	weak := []string{"available", "lieferbar", "verfügbar", "disponible", "disponibile", "beschikbaar", "leverbaar",
		"dostępny", "dostępne", "disponível", "mevcut", "tersedia", "구매 가능", "متوفر"}
	var out []string
	for _, p := range inStockPhrases {
		if !slices.Contains(weak, p) {
			out = append(out, p)
		}
	}
	return out
}()

// plainStockElement reports whether n can hold an unmarked stock message: an element holding
// text of its own, not a link, button, form option or part of a size or colour picker.
func plainStockElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.A, atom.Button, atom.Option, atom.Select, atom.Label, atom.Input, atom.Script, atom.Style, atom.Title:
		return false
	}
	ownText := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			ownText = true
		}
	}
	if !ownText || inPicker(n) {
		return false
	}
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		switch p.DataAtom {
		case atom.A, atom.Button, atom.Select, atom.Label, atom.Form:
			if p.DataAtom != atom.Form {
				return false
			}
		}
	}
	return true
}

// pickerWords mark the blocks that hold a size or colour picker, whose buttons are options.
var pickerWords = []string{"size", "sizes", "swatch", "swatches", "variant", "variants", "option", "options", "picker",
	"selector", "color", "colour", "colors", "colours"}

// inPicker reports whether n or one of its three nearest ancestors is marked as a picker.
func inPicker(n *html.Node) bool {
	for up := 0; n != nil && n.Type == html.ElementNode && up < 4; up, n = up+1, n.Parent {
		if hasWord(words(n), pickerWords...) {
			return true
		}
	}
	return false
}
