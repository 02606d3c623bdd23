package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The shown price: what a shopper reads beside the product title. Markup goes stale (a sale
// starts, the JSON-LD keeps the regular price) and some pages have none, so the page's own price
// block, found by its position after the title and the words and styles around it, is read too.

// shown is what the visible page says about the main product.
type shown struct {
	title        string
	price        string // plain decimal, "" when no price was found near the title
	regular      string
	currency     string
	availability catalog.Availability // the stock message's word, else the buy button's, else an unmarked message's
	button       catalog.Availability // the buy button's word alone
	message      catalog.Availability // the stock message's word alone
	onlyRegular  bool                 // price is a lone regular price (loneRegular), nothing marked paid
	ownSoldOut   bool                 // the product's own status element says out of stock (stockShown)
	buyShown     bool                 // a buy control, enabled or not, follows the title (stockShown)
	preorderOnly bool                 // the buy button says pre-order, no add-to-cart is shown (stockShown)
	preorderOpen bool                 // and that pre-order button can be pressed (stockShown)
	hinted       bool                 // the price's own sign or code gave no currency: currency is the hint's
}

// priceCand is one amount on the page.
type priceCand struct {
	node     *html.Node
	pos      int // document order of node
	seq      int // order among candidates (text-node candidates share their parent's pos)
	amount   string
	currency string
	role     role
	struck   bool // drawn struck through, not merely labelled or classed regular
	named    bool // labelled "regular price" or classed regular (regularNamed), for loneRegular
}

type role int

const (
	plain         role = iota
	current            // marked as the price paid: sale, now, special, final
	weakRegular        // marked regular, original or list: struck only when a sale is on
	strongRegular      // struck through or marked was, compare-at, RRP
)

const (
	shortText      = 80  // an element whose text is at most this long can be one price
	clusterText    = 300 // a price block's text is at most this long
	afterTitle     = 400 // elements after the title a price may be in
	beforeTitle    = 60  // elements before the title a price may be in when none follows it
	titleMaxLength = 300
)

// visible reads the shown price and availability; names are the product names the markup gives.
func (x *extraction) visible(names []string, hint string) shown {
	d := x.doc
	lens := d.textLengths()
	skip := d.skipped(lens, true, names)
	title := d.findTitle(names, skip)
	if title == nil {
		return shown{}
	}
	s := shown{title: text(title, titleMaxLength*2)}
	if hint == "" {
		hint = currencyHint(d, x.base, x.raw)
	}
	t := d.pos[title]
	cands, held := d.priceCandidates(lens, skip, hint, x.opts.ParsePrice)
	var c1 *priceCand
	for i := range cands {
		if cands[i].pos > t && cands[i].pos-t <= afterTitle {
			c1 = &cands[i]
			break
		}
	}
	if c1 == nil {
		for i := len(cands) - 1; i >= 0; i-- {
			if cands[i].pos < t && t-cands[i].pos <= beforeTitle {
				c1 = &cands[i]
				break
			}
		}
	}
	if c1 != nil {
		root := c1.node
		for up, p := 0, c1.node.Parent; up < 6 && p != nil && p.Type == html.ElementNode && lens[d.pos[p]] <= clusterText; up, p = up+1, p.Parent {
			root = p
		}
		var cluster []priceCand
		for _, c := range cands {
			if within(c.node, root) {
				cluster = append(cluster, c)
			}
		}
		s.price, s.regular, s.currency, s.hinted = pick(cluster, root, hint)
		if s.price != "" && s.regular == "" {
			if h := heldPrice(held, cluster, root, s.price, s.currency); h != "" {
				s.price, s.regular = h, s.price
			} else {
				s.regular = d.nextRegular(cands, root, s.price, s.currency, hint)
				if s.regular == "" {
					s.regular = percentRegular(cluster, root, s.price, s.currency)
				}
			}
		}
		s.onlyRegular = s.price != "" && loneRegular(cluster, root) != nil && !pickable(cluster)
	}
	skipStock := d.skipped(lens, false, names)
	st := d.shownAvailability(t, lens, skipStock)
	s.availability, s.button, s.message = cmp.Or(st.message, st.button, st.plain), st.button, st.message
	s.ownSoldOut, s.buyShown, s.preorderOnly, s.preorderOpen = st.ownSoldOut, st.buyShown, st.preorderOnly, st.preorderOpen
	return s
}

// within reports whether n is root or inside it.
func within(n, root *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// textLengths is each element's visible text length in bytes, by document position: children
// are summed into parents in one pass from the end of the document.
func (d *document) textLengths() []int {
	lens := make([]int, len(d.elems))
	for i := len(d.elems) - 1; i >= 0; i-- {
		n := d.elems[i]
		if invisibleText(n) {
			continue
		}
		sum := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				sum += len(strings.TrimSpace(c.Data))
			case html.ElementNode:
				sum += lens[d.pos[c]]
			}
		}
		lens[i] = sum
	}
	return lens
}

// skipped marks, by document position, elements whose prices are not the product's: hidden
// ones, navigation, related products, carts, instalment offers, unit prices, and for prices the
// options of a chooser other than the current one (otherChoices). Class words name
// such blocks except in a buy action ("add-to-cart") and on a block holding the product's title heading; so
// do the headings of recommendation blocks (recommendationBlocks). names are the markup's
// names of the product, which tell its title heading from other h1s (titleHeading).
func (d *document) skipped(lens []int, forPrice bool, names []string) []bool {
	return d.skippedBy(lens, forPrice, names, true)
}

// skippedBy is skipped, with the recommendation blocks marked only when recs is set. Without a
// title heading the recommendation blocks are anchored at the element findTitle picks on the
// page skipped without them.
func (d *document) skippedBy(lens []int, forPrice bool, names []string, recs bool) []bool {
	skip := make([]bool, len(d.elems))
	title := d.titleHeading(names)
	heading := d.headingHolders(title)
	marks := make([]bool, len(d.elems))
	if recs {
		anchor := title
		if anchor == nil && slices.ContainsFunc(d.elems, d.recommendationOpener) {
			anchor = d.findTitle(names, d.skippedBy(lens, forPrice, names, false))
		}
		marks = d.recommendationBlocks(lens, anchor)
	}
	if forPrice {
		d.otherChoices(marks)
	}
	zone := make([]bool, len(d.elems))    // in a delivery block, for stock (deliveryStock)
	chooser := make([]bool, len(d.elems)) // in a bundle chooser (bundleChooser)
	for i, n := range d.elems {
		inZone := false
		if p := n.Parent; p != nil && p.Type == html.ElementNode {
			if skip[d.pos[p]] && !zone[d.pos[p]] {
				skip[i] = true
				continue
			}
			inZone, chooser[i] = zone[d.pos[p]], chooser[d.pos[p]]
		}
		if marks[i] {
			skip[i] = true
			continue
		}
		switch n.DataAtom {
		case atom.Nav, atom.Footer:
			skip[i] = true
			continue
		case atom.Aside, atom.Dialog:
			// Side blocks and pop-ups, unless the product's own buy box is drawn as one.
			if !heading[i] {
				skip[i] = true
				continue
			}
		}
		if invisibleText(n) || hiddenElement(n, false) || strings.EqualFold(attr(n, "aria-hidden"), "true") && lens[i] == 0 {
			skip[i] = true
			continue
		}
		ws := withoutBuyAction(words(n))
		if heading[i] {
			continue
		}
		if hasWord(ws, "bundle") && !chooser[i] && d.bundleChooser(n) {
			chooser[i] = true
			if forPrice {
				d.markBundleChoices(n, marks)
			}
		}
		if chooser[i] {
			ws = withoutWords(ws, "bundle") // the product's own packs
		}
		if !forPrice && (inZone || hasWord(ws, "shipping", "delivery")) && !hasWord(withoutWords(ws, "shipping", "delivery"), excludedWords...) {
			// A delivery block is read for stock only where an element's own classes name stock.
			zone[i], skip[i] = true, !deliveryStock(ws)
			continue
		}
		if excludedBlock(ws) && (forPrice || !hasWord(ws, cartWords...)) && !basketBuyBox(n, ws) {
			skip[i] = true
		}
	}
	return skip
}

// hiddenElement reports an element hidden by its own markup: the hidden attribute or a style
// of display:none or visibility:hidden; with classes, also a class that hides it (hidingClass).
// Pages are read with classes for a stock message only (hiddenByClass): "visually-hidden" and
// "sr-only" hold the labels of prices.
func hiddenElement(n *html.Node, classes bool) bool {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	if hasAttr(n, "hidden") || strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	if !classes {
		return false
	}
	cs := shownFromBreakpoint(strings.Fields(strings.ToLower(attr(n, "class"))))
	return slices.ContainsFunc(cs, hidingClass) || slices.Contains(cs, "collapse") && !slices.Contains(cs, "show") && !slices.Contains(cs, "in")
}

// breakpointDisplay reports a class that shows an element from a breakpoint up: Bootstrap's
// "d-md-block", "d-lg-flex", Tailwind's "md:block", "lg:inline-flex". Beside "d-none" or
// Tailwind's "hidden" it hides the element on small screens only.
func breakpointDisplay(c string) bool {
	if bp, display, ok := strings.Cut(c, ":"); ok {
		return slices.Contains([]string{"sm", "md", "lg", "xl", "2xl"}, bp) &&
			slices.Contains([]string{"block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "table", "contents"}, display)
	}
	parts := strings.Split(c, "-")
	return len(parts) >= 3 && parts[0] == "d" && slices.Contains([]string{"sm", "md", "lg", "xl", "xxl"}, parts[1]) && parts[2] != "none"
}

// shownFromBreakpoint is classes cs without the class that hides an element on small screens
// when another shows it from a breakpoint up (breakpointDisplay): "d-none d-md-block", "hidden
// md:block" are shown on wider screens.
func shownFromBreakpoint(cs []string) []string {
	if !slices.ContainsFunc(cs, breakpointDisplay) {
		return cs
	}
	return slices.DeleteFunc(cs, func(c string) bool { return c == "d-none" || c == "hidden" })
}

// hidingClasses hide an element whole: Bootstrap's "d-none", "sr-only" and "collapse" (shown
// with "show"), "visually-hidden", "display-none", Cafe24's "displaynone".
var hidingClasses = []string{"d-none", "display-none", "displaynone", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "invisible"}

// breakpointWords mark a class that hides an element on some screens only ("d-md-none",
// "hidden-xs", "hide-mobile"): the element is shown on others.
var breakpointWords = []string{"xs", "sm", "md", "lg", "xl", "xxl", "mobile", "desktop", "tablet", "small", "medium", "large", "print"}

// hidingClass reports a class that hides an element on every screen: one of hidingClasses, or one
// whose words say hidden ("is-hidden", "js-hide", "u-hidden") and name no breakpoint.
func hidingClass(c string) bool {
	if slices.Contains(hidingClasses, c) {
		return true
	}
	ws := splitWords(c, nil)
	return hasWord(ws, "hidden", "hide", "invisible") && !hasWord(ws, breakpointWords...)
}

// withoutWords is ws without the words drop.
func withoutWords(ws []string, drop ...string) []string {
	out := ws[:0:0]
	for _, w := range ws {
		if !slices.Contains(drop, w) {
			out = append(out, w)
		}
	}
	return out
}

// priceCandidates lists the amounts on the page outside skipped blocks, in document order, and
// apart from them the held amounts (see held below) when there are others.
func (d *document) priceCandidates(lens []int, skip []bool, hint string, parse func(text, hint string) (string, string, bool)) (cands, held []priceCand) {
	memo := map[string][]shownPrice{} // an element's text is read again for each ancestor
	find := func(t string) []shownPrice {
		ps, ok := memo[t]
		if !ok {
			ps = findPrices(t, hint)
			memo[t] = ps
		}
		return ps
	}
	// reparse reads a located price with the configured parser, keeping the located reading
	// when the parser disagrees that there is a price there.
	reparse := func(t string, p shownPrice) shownPrice {
		if amt, cur, ok := parse(t[p.start:p.end], hint); ok {
			p.amount = amt
			if cur != "" {
				p.currency = cur
			}
		}
		return p
	}
	// held are the amounts that are not the price beside another: a price for paying by Pix
	// (methodPriceAfter), one with a buyer's fee in it (feeNoted), one for paying with the shop's
	// card or with delivery added (conditionalAfter), a coupon's (couponPrice), a condition's price
	// without a count of offers ("Reconditionné dès": sellerOffer). They are the candidates of a page that has no other,
	// and are returned apart otherwise (heldPrice reads them).
	add := func(c priceCand, hold bool) {
		if hold {
			held = append(held, c)
			return
		}
		c.seq = len(cands)
		cands = append(cands, c)
	}
	// members are the prices labelled or classed as members' (memberPrice): passed over beside
	// any other, but the shopper's where the page shows no other (a warehouse club's only price,
	// a golf shop's "club-price").
	var members []priceCand
	gluedEnd := -1 // the last element inside one read as a split price: its parts are not prices
	for i, n := range d.elems {
		if skip[i] || lens[i] == 0 || i <= gluedEnd {
			continue
		}
		if lens[i] <= shortText {
			t := pricing.ASCIIDigits(text(n, shortText*2))
			if !hasDigit(t) {
				continue // no price here, glued or not
			}
			if g, ok := gluedPrice(n); ok {
				t, gluedEnd = g, d.lastInside(n)
			}
			ps := find(t)
			if st := withSiblingSymbol(n, t, ps, hint); st != t {
				t, ps = st, find(st)
			}
			if len(ps) == 1 && !innerHolds(d, n, lens, ps[0], find) {
				p := reparse(t, ps[0])
				if !p.marked && !(priceMarked(n) && strings.TrimSpace(t[:p.start]) == "" && strings.TrimSpace(t[p.end:]) == "") {
					continue
				}
				sibling := siblingLabel(n)
				if sibling == "" {
					sibling = rowLabel(n)
				}
				label := collapse(parenCount.ReplaceAllString(strings.ToLower(t[:p.start]+" "+t[p.end:]+" "+sibling), " "))
				after := t[p.end:] + " " + followingText(n)
				before := precedingText(n) + " " + t[:p.start]
				otherOffer, condition := sellerOffer(label, before)
				if otherOffer || containsPhrase(label, ignoreLabels) || shippingPrice(strings.ToLower(t[:p.start]), strings.ToLower(sibling), strings.ToLower(t[p.end:])) ||
					notShopperPrice(before, after) || perPeriodAfter(n) || freeThresholdAfterShipping(lastWords(t[:p.start], 4), t[:p.start]) {
					continue
				}
				c := priceCand{node: n, pos: i, amount: p.amount, currency: p.currency, role: roleOf(n, label, lens, d), struck: struck(n, lens, d), named: regularNamed(n, label)}
				if memberPrice(n, label, lens, d) {
					members = append(members, c)
					continue
				}
				// An amount its own text makes a price per period ("or $91.50/mo. for 12 months") is
				// held: the price of a page that shows no other.
				add(c, condition || methodPriceAfter.MatchString(after) || feeNoted(n, find) || conditionalAfter(n, after) || perPeriodText(t[p.end:]) ||
					couponPrice(n, before))
				continue
			}
		}
		// Prices in the element's own text nodes: "Regular price: $179.99", "Was $100 Now $80".
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.TextNode {
				continue
			}
			t := pricing.ASCIIDigits(collapse(c.Data))
			prev, lead := 0, ""
			if ps := find(t); len(ps) > 0 {
				lead = leadLabel(c, t[:ps[0].start]) // it labels every price of a text it starts
			}
			for _, p := range find(t) {
				if !p.marked {
					continue
				}
				p = reparse(t, p)
				label := strings.ToLower(lastWords(parenCount.ReplaceAllString(t[prev:p.start], " "), 4))
				before := t[prev:p.start]
				// a table row's header ("배송비", "판매가") or the label just before the text
				row := strings.ToLower(strings.TrimSpace(rowLabel(n) + " " + lead))
				prev = p.end
				after := t[p.end:min(len(t), p.end+60)]
				otherOffer, condition := sellerOffer(label, before)
				if otherOffer || containsPhrase(label, ignoreLabels) || containsPhrase(row, ignoreLabels) || shippingPrice(label, row, strings.ToLower(after)) ||
					notShopperPrice(before, after) || freeThresholdAfterShipping(label, t[:p.start]) || offAfter(after) {
					continue
				}
				r := labelRole(row, labelRole(label, plain))
				if r == plain {
					r = roleOf(n, "", lens, d)
				}
				// a "Regular price" lead names the price as its own label does: alone, it is the one paid
				named := regularNamed(n, label) || regularNamed(n, row)
				c := priceCand{node: n, pos: i, amount: p.amount, currency: p.currency, role: r, struck: struck(n, lens, d), named: named}
				if memberPrice(n, label, lens, d) {
					members = append(members, c)
					continue
				}
				add(c, condition || methodPriceAfter.MatchString(after) || feeNoted(n, find) || conditionalAfter(nil, after) || perPeriodText(after))
			}
		}
	}
	if len(cands) == 0 {
		for _, c := range held {
			add(c, false)
		}
		held = nil
	}
	if len(cands) == 0 {
		for _, c := range members {
			add(c, false)
		}
	}
	return cands, held
}

// innerHolds reports whether a child element already holds the same price, so only the
// innermost element holding a whole price is a candidate.
func innerHolds(d *document, n *html.Node, lens []int, p shownPrice, find func(string) []shownPrice) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || invisibleText(c) || lens[d.pos[c]] == 0 {
			continue
		}
		for _, q := range find(pricing.ASCIIDigits(text(c, shortText*2))) {
			if q.amount == p.amount && q.marked == p.marked {
				return true
			}
		}
	}
	return false
}

// priceMarked reports whether n or a near ancestor is marked as a price by class, id or itemprop.
func priceMarked(n *html.Node) bool {
	for up := 0; n != nil && n.Type == html.ElementNode && up < 4; up, n = up+1, n.Parent {
		if hasWord(words(n), priceWords...) {
			return true
		}
	}
	return false
}

// cmpAmount compares two plain decimal strings.
func cmpAmount(a, b string) int {
	x, errA := catalog.ParseDecimal(a, "BHD")
	y, errB := catalog.ParseDecimal(b, "BHD")
	switch {
	case errA != nil || errB != nil:
		return strings.Compare(a, b)
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
