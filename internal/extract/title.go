package extract

import (
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// findTitle picks the element that shows the product's name: an h1, an itemprop=name, or an
// element classed as a product title (Godomall abbreviates it "item_detail_tit"), preferring one whose text is a name the markup gives and
// never a logo; on a page with none of these, a heading that repeats the product's name
// (headingTitle). nil when the page shows no such element.
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
		if (hasWord(ws, "title", "name", "heading", "tit") && hasWord(ws, "product", "pdp", "item", "productname", "producttitle")) ||
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
	if best == nil {
		return d.headingTitle(names, skip)
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

// statusLabelled reports a text that starts with an out-of-stock status and a colon, then a
// sentence that says out of stock too: Nike's "Sold Out: This product is no longer available.",
// "Ausverkauft: Dieser Artikel ist nicht mehr verfügbar". A list after the status ("Sold out:
// XS, S, M") names sizes whatever its length, and a sentence about a size is a size's.
func statusLabelled(t string) bool {
	label, rest, ok := strings.Cut(strings.ToLower(collapse(t)), ":")
	label = strings.TrimSpace(label)
	return ok && label != "" && len(strings.Fields(label)) <= 3 && stockWording(label) == catalog.OutOfStock &&
		len(strings.Fields(rest)) >= 3 && stockWording(rest) == catalog.OutOfStock && !containsPhrase(rest, sizeWords)
}

// statusBlock reports an element whose first child is an out-of-stock status alone and whose
// other text says out of stock too: a heading and a sentence without a colon between them,
// <div class="sold-out"><p>Elfogyott</p><p>A termék jelenleg nem elérhető.</p></div>.
func statusBlock(n *html.Node, t string) bool {
	c := n.FirstChild
	for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
		c = c.NextSibling
	}
	if c == nil || c.Type != html.ElementNode {
		return false
	}
	head := collapse(text(c, 100))
	rest := strings.ToLower(strings.TrimPrefix(collapse(t), head))
	return head != "" && soleSoldOut(head) && len(strings.Fields(rest)) >= 3 && stockWording(rest) == catalog.OutOfStock && !containsPhrase(rest, sizeWords)
}

// soleSoldOut reports a text that is an out-of-stock phrase and nothing else: "Sold out",
// "Uitverkocht.", a resale listing's "Sold"; not "Almost sold out", not "Size out of stock?".
func soleSoldOut(t string) bool {
	low := strings.Trim(strings.ToLower(collapse(t)), " .!")
	return (slices.Contains(outOfStockPhrases, low) || slices.Contains(soldWords, low)) && !containsPhrase(low, sizeWords)
}

// liveSold reports the page's live status (role="status") saying "Sold" and nothing else, as
// resale listings mark a sold item.
func liveSold(n *html.Node, t string) bool {
	return strings.EqualFold(attr(n, "role"), "status") && slices.Contains(soldWords, strings.Trim(strings.ToLower(collapse(t)), " .!"))
}

// sizeWords name a size in a stock message: such a message speaks for one size.
var sizeWords = []string{"size", "sizes", "größe", "grösse", "taille", "talla", "taglia", "maat", "storlek", "størrelse", "str",
	"rozmiar", "tamanho", "beden", "velikost", "méret", "מידה", "مقاس", "المقاس", "サイズ", "사이즈", "尺码", "尺寸", "размер"}

// allSizesWords say a size-worded stock message speaks for every size: "Sold out in all sizes",
// "In allen Größen ausverkauft", "Esaurito in ogni taglia", "全サイズ完売".
var allSizesWords = []string{"all sizes", "every size", "alle größen", "allen größen", "jeder größe", "alle grössen", "allen grössen",
	"toutes les tailles", "toutes tailles", "chaque taille", "todas las tallas", "cada talla", "tutte le taglie", "ogni taglia",
	"alle maten", "elke maat", "alla storlekar", "varje storlek", "alle størrelser", "hver størrelse",
	"wszystkich rozmiarach", "wszystkie rozmiary", "każdy rozmiar", "każdym rozmiarze", "todos os tamanhos", "cada tamanho", "todas as medidas",
	"tüm bedenler", "tüm bedenlerde", "všech velikostech", "všechny velikosti",
	"全サイズ", "すべてのサイズ", "全てのサイズ", "모든 사이즈", "전 사이즈", "全尺码", "所有尺码", "всех размерах", "все размеры"}

// sizeMessage reports a stock message about one size ("Out of stock in your size", "Slut i
// lager i din storlek"), not about all of them.
func sizeMessage(t string) bool {
	low := strings.ToLower(collapse(t))
	return containsPhrase(low, sizeWords) && !containsPhrase(low, allSizesWords)
}

// Words of classes and ids that hold a stock message, and of buy buttons.
var (
	stockWords  = []string{"stock", "availability", "available", "inventory", "soldout", "sold", "outofstock", "instock", "oos", "backorder", "preorder", "restock"}
	buttonWords = []string{"cart", "addtocart", "addtobag", "addtobasket", "bag", "basket", "buy", "purchase", "checkout", "submit"}
)

// buyClass reports class words that name a buy action: "add-to-bag", "addtocart", "AddToBasket".
func buyClass(ws []string) bool {
	return hasWord(ws, "addtocart", "addtobag", "addtobasket") || hasWord(ws, "add") && hasWord(ws, "cart", "bag", "basket")
}

// otherProductWords mark the blocks and buttons that buy another product than the page's: a
// quick add of a "Wear it with" or "Shop the look" tile, an upsell, a recommendation.
var otherProductWords = []string{"quick", "quickadd", "quickbuy", "quickshop", "quickview", "look", "shopthelook",
	"upsell", "upsells", "crosssell", "recommendation", "recommendations", "recommended", "related", "complete", "outfit"}

// otherProductControl reports a button that buys another product (otherProductWords on it or an
// ancestor), or one outside every form on a page whose product has a form.
func otherProductControl(n *html.Node, formSeen bool) bool {
	if formSeen && formOf(n) == nil {
		return true
	}
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if hasWord(words(p), otherProductWords...) {
			return true
		}
	}
	return false
}

// stockShown is what the page around the title says about stock (shownAvailability).
type stockShown struct {
	message, button, plain catalog.Availability
	// ownSoldOut: message is out of stock and comes from the product's own status element: not
	// a badge, not in a size or colour picker, not hidden by a class ("is-hidden", "d-none"),
	// its text a status and a sentence (statusLabelled) or a sold-out phrase alone (soleSoldOut);
	// and a size or colour picker after the title, if any, offers no option that can be chosen.
	ownSoldOut bool
	// buyShown: a buy control follows the title, enabled or not: a button that says add to cart
	// in a known language or is classed so, a product form or its submit control. A disabled
	// one may wait for a size to be chosen.
	buyShown bool
	// preorderOnly: the product's buy button says pre-order and nothing the shopper sees adds it
	// to the cart (preorderOnly).
	preorderOnly bool
	// preorderOpen: the pre-order can be placed (preorderOnly's open).
	preorderOpen bool
}

// shownAvailability reads stock from what the shopper sees after the title (stockShown): the
// first stock message, and the buy button's word ("Add to cart" in stock, "Sold out" out of
// stock). Buttons of a size or colour picker are not the buy button ("M (sold out)" speaks for
// one size), and a sold-out button is no answer when an enabled add-to-cart button follows it.
//
// plain is the first stock message that nothing marks as one: a short element of its own that
// says only that ("Out of stock", "Only 2 left"), outside pickers, links and form options; it
// is the answer only when neither of the others gives one.
func (d *document) shownAvailability(title int, lens []int, skip []bool) stockShown {
	end := min(len(d.elems), title+afterTitle*2)
	var message, button, plain catalog.Availability
	cartEnabled := false
	badge := false      // the message is a badge's, which themes keep in the page and show by CSS
	ownMessage := false // the message's element is the product's own status (stockShown.ownSoldOut)
	notice := false     // the message is a notice box's (soldOutNotice), not a stock element's
	buyShown, formSeen := false, false
	openOption := false // a picker's option can be chosen
	for i := title; i < end && (message == "" || button == "" || (button == catalog.OutOfStock || button == catalog.Preorder || ownMessage) && !cartEnabled); i++ {
		n := d.elems[i]
		// A picker's options count though a select or a styled radio button is hidden itself.
		if shownParent := n.Parent != nil && !skip[d.pos[n.Parent]]; shownParent || !skip[i] {
			if n.DataAtom == atom.Select && selectPicker(n) && selectOpen(n) || pickerOption(n) && !optionSoldOut(n) {
				openOption = true
			}
		}
		if skip[i] {
			continue
		}
		if n.DataAtom == atom.Form && productForm(n) {
			buyShown, formSeen = true, true
		}
		if lens[i] == 0 && n.DataAtom != atom.Input {
			continue
		}
		ws := words(n)
		if message == "" && lens[i] <= 150 && !inOption(n) {
			t := text(n, 300)
			sold := liveSold(n, t)
			status := lens[i] <= shortText && (statusLabelled(t) || statusBlock(n, t) && !hiddenByClass(n))
			stock := hasWord(ws, stockWords...) || lens[i] <= shortText && stockLabelled(t) || status || sold
			if (stock || lens[i] <= shortText && soldOutNotice(ws, t)) && !hiddenMessage(n) {
				message = textAvailability(t)
				if message != catalog.OutOfStock && message != catalog.InStock && hasWord(ws, "backorder", "preorder") {
					message = catalog.Preorder // "stock backorder": "Ships in 3 weeks" is a back-order's promise; "In stock" is stock
				}
				notice = !stock
				if message == catalog.OutOfStock && sizeMessage(t) {
					message = "" // "Slut i lager i din storlek": one size's, not the product's
				}
				if message == "" && sold {
					message = catalog.OutOfStock
				}
				badge = hasWord(ws, badgeWords...)
				// A badge counts when it is the page's live status (role="status"), as resale
				// listings mark their "Sold" badge; inOption left out pickers.
				ownMessage = (!badge || sold) && !hiddenByClass(n) && (status || soleSoldOut(t))
			}
		}
		if plain == "" && message == "" && lens[i] <= plainStockText && plainStockElement(n) && !shippingNote(n) && !hiddenMessage(n) {
			plain = plainStockMessage(text(n, plainStockText*2))
		}
		said, buy, ok := buyButtonSays(n, ws, formSeen)
		// Shopify's "Buy it now" buys what the buy button would: it says nothing of its own; nor
		// does a button a class hides until it applies (Cafe24's "displaynone" buy link beside
		// its "SOLD OUT").
		if !ok || expressCheckout(n) || classHidden(n) {
			continue
		}
		buyShown = buyShown || buy
		cartEnabled = cartEnabled || said == catalog.InStock
		if button == "" {
			button = said
		}
	}
	if button == catalog.OutOfStock && cartEnabled {
		button = ""
	}
	// Shopify's Dawn and its kin keep a "Sold out" badge beside every price and show it only
	// when the product is sold out: an enabled add-to-cart button says it is not. A resale
	// listing's live "Sold" status (ownMessage) is no such badge.
	if message == catalog.OutOfStock && badge && cartEnabled && !ownMessage {
		message = ""
	}
	// A notice box that says "sold out" beside an enabled add-to-cart button speaks of something
	// else: "Sold out items cannot be exchanged", a size's stock.
	if message == catalog.OutOfStock && notice && cartEnabled {
		message = ""
	}
	if plain == catalog.OutOfStock && cartEnabled {
		plain = ""
	}
	only, open := d.preorderOnly(title, end, lens, skip)
	return stockShown{message: message, button: button, plain: plain, buyShown: buyShown, preorderOnly: only, preorderOpen: open,
		ownSoldOut: message == catalog.OutOfStock && ownMessage && !openOption}
}

// noticeWords are the class words of an element that shows the shopper a message about the
// product: Tesco's "product-info-message", an "alert" or "notice" box.
var noticeWords = []string{"message", "msg", "notice", "alert"}

// soldOutNotice reports a notice (noticeWords) that says the product is out of stock: "Sorry,
// this product is currently unavailable". Other notices (delivery dates, offers) say nothing.
func soldOutNotice(ws []string, t string) bool {
	return hasWord(ws, noticeWords...) && textAvailability(t) == catalog.OutOfStock
}

// hiddenByClass reports an element that it or an ancestor hides (hiddenElement, its classes
// included). Such a message is kept in every page and shown by a script.
func hiddenByClass(n *html.Node) bool {
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if hiddenElement(n, true) {
			return true
		}
	}
	return false
}

// hiddenMessage reports a message the shopper does not see: an alert or notice box that it or
// an ancestor hides by a class ("alert d-none", "notice is-hidden"), or hidden from every reader
// (aria-hidden="true"), as themes keep "Sorry, this item is sold out" in every page for a script
// to show. A stock or status element hidden by a class is still read (ownSoldOut leaves it out):
// themes show a "stock-label is-hidden" by CSS of their own.
func hiddenMessage(n *html.Node) bool {
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if strings.EqualFold(attr(p, "aria-hidden"), "true") {
			return true
		}
	}
	if !hiddenByClass(n) {
		return false
	}
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if hasWord(words(p), noticeWords...) || strings.EqualFold(attr(p, "role"), "alert") {
			return true
		}
	}
	return false
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
	if a == catalog.OutOfStock && sizeMessage(t) {
		return "" // "Sold out in size M": one size's, not the product's
	}
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

// pickerWords mark the blocks that hold a size or colour picker, whose buttons are options;
// pickerCompounds mark them as one class word. A quantity selector, a size guide or chart, a
// store selector or a date picker is no size or colour picker.
var (
	pickerWords = []string{"size", "sizes", "swatch", "swatches", "variant", "variants", "option", "options", "picker",
		"selector", "color", "colour", "colors", "colours"}
	pickerCompounds = []string{"sizepicker", "sizeselector", "sizeselect", "sizeitem", "sizeitems", "sizelist", "sizeslist",
		"sizebutton", "sizebuttons", "sizegrid", "sizeoption", "sizeoptions", "swatchlist", "swatchgroup", "swatchitem",
		"variantpicker", "variantselector", "variantselect", "variantoption", "variantoptions", "colorpicker", "colourpicker",
		"colorselector", "colourselector", "colorswatch", "colourswatch", "colorswatches", "colourswatches"}
)

// pickerWord reports a class word that marks a size or colour picker.
func pickerWord(w string) bool {
	return slices.Contains(pickerWords, w) || slices.Contains(pickerCompounds, w)
}

// inPicker reports whether n or one of its three nearest ancestors is marked as a picker.
func inPicker(n *html.Node) bool {
	for up := 0; n != nil && n.Type == html.ElementNode && up < 4; up, n = up+1, n.Parent {
		if slices.ContainsFunc(words(n), pickerWord) {
			return true
		}
	}
	return false
}
