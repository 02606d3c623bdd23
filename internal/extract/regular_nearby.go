package extract

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"golang.org/x/net/html"
)

// A regular price the price block (pick's cluster) does not mark as one. Two shapes are read:
//   - the block right after the price block, when it is marked regular (struck, classed or
//     labelled): "<div class="price">Rp199.000</div><div><span>20%</span><span
//     class="originalPrice">Rp249.000</span></div>", "R 549" then "List price R 899";
//   - in the price block, a higher amount drawn without a mark (its strike is a generated
//     class) beside a discount badge whose percentage it makes: "₹1,299 ₹3,990 67% off",
//     "₫259.000 ₫399.000 -35%".

// nextBlockGap bounds the elements between a price block's end and a regular price read from
// the block after it.
const nextBlockGap = 12

// nextRegular is the regular price in the block right after the price block root: the first
// amount after root, marked regular, above price and in its currency, in an element that shares
// root's parent or grandparent and starts within nextBlockGap elements of root's end; the block
// holding it (the child of that shared ancestor) must be short and show no other amount. A block
// with a price of its own besides ("3-pack $59.97 $49.99", "Ultimate Edition Was $149.00
// $119.00", "$79.98 Subscribe for $67.98") is another option's offer. "" when there is none.
func (d *document) nextRegular(cands []priceCand, root *html.Node, price, currency, hint string) string {
	end := d.lastInside(root)
	for _, c := range cands {
		if c.pos <= end {
			continue
		}
		if c.pos-end > nextBlockGap || c.role != strongRegular && c.role != weakRegular {
			return ""
		}
		if c.currency != "" && currency != "" && c.currency != currency || cmpAmount(c.amount, price) <= 0 {
			return ""
		}
		for up, p := 0, root.Parent; up < 2 && p != nil; up, p = up+1, p.Parent {
			if within(c.node, p) {
				if onlyAmount(childHolding(p, c.node), cands, c.amount, hint) {
					return c.amount
				}
				return ""
			}
		}
		return ""
	}
	return ""
}

// childHolding is the child of p that n is in (n itself when it is p's child).
func childHolding(p, n *html.Node) *html.Node {
	for n != nil && n.Parent != p {
		n = n.Parent
	}
	return n
}

// onlyAmount reports a short block that shows no amount but amount: no other candidate in it
// (cands) and no other marked amount in its text.
func onlyAmount(block *html.Node, cands []priceCand, amount, hint string) bool {
	if block == nil {
		return false
	}
	for _, c := range cands {
		if within(c.node, block) && cmpAmount(c.amount, amount) != 0 {
			return false
		}
	}
	t := text(block, clusterText*2)
	if len(t) > clusterText {
		return false
	}
	for _, p := range findPrices(pricing.ASCIIDigits(collapse(t)), hint) {
		if p.marked && cmpAmount(p.amount, amount) != 0 {
			return false
		}
	}
	return true
}

// percentBadge is a discount badge: an element whose whole text is a percentage with at most a
// word before or after it, "-35%", "67% off", "(60% OFF)", "Spar 20%". A sentence holding a
// percentage ("Extra 35% off sitewide with code FALL35", "Spar 20% på bedriftsavtale") is a
// coupon or a condition, not the discount of the prices beside it.
var percentBadge = regexp.MustCompile(`^\(?(?:\p{L}+\s)?[-−–]?\s?(\d{1,2})\s?%(?:\s?\p{L}+)?\)?$`)

// badgeLimit bounds the text of a discount badge and the elements of a price block read for one.
const (
	badgeLimit    = 24
	badgeElements = 64
)

// percentRegular is the one amount of the price block (cluster, root) above price, in its
// currency, not marked as the price paid and drawn in an element of its own (not the second end
// of a range, "₫99.000 - ₫149.000"), when a discount badge in the block gives the percentage the
// two make (discountBadge). "" when there is none or more than one such amount.
func percentRegular(cluster []priceCand, root *html.Node, price, currency string) string {
	regular := ""
	for _, c := range cluster {
		if c.role == current || cmpAmount(c.amount, price) <= 0 || c.currency != "" && currency != "" && c.currency != currency {
			continue
		}
		if slices.ContainsFunc(cluster, func(o priceCand) bool { return o.node == c.node && o.seq != c.seq }) {
			return ""
		}
		if regular != "" && cmpAmount(regular, c.amount) != 0 {
			return ""
		}
		regular = c.amount
	}
	if regular == "" || !discountBadge(root, price, regular) {
		return ""
	}
	return regular
}

// discountBadge reports a discount badge (percentBadge) in root giving the percentage price
// makes off regular, to the nearest whole percent either way.
func discountBadge(root *html.Node, price, regular string) bool {
	p, errP := catalog.ParseDecimal(price, "BHD")
	r, errR := catalog.ParseDecimal(regular, "BHD")
	if errP != nil || errR != nil || r <= 0 || p >= r {
		return false
	}
	off := 100 * (1 - float64(p)/float64(r))
	seen, found := 0, false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found && seen < badgeElements; c = c.NextSibling {
			if c.Type != html.ElementNode || invisibleText(c) {
				continue
			}
			seen++
			t := collapse(text(c, clusterText*2))
			if !strings.Contains(t, "%") {
				continue
			}
			m := percentBadge.FindStringSubmatch(t)
			if m == nil || len(t) > badgeLimit || textBeside(c) {
				walk(c)
				continue
			}
			if k, err := strconv.Atoi(m[1]); err == nil && k > 0 && math.Abs(float64(k)-off) < 1 {
				found = true
			}
		}
	}
	walk(root)
	return found
}

// textBeside reports text in n's parent outside its elements: n is a part of a sentence
// ("Extra <b>35% off</b> sitewide"), not a badge.
func textBeside(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
	}
	return false
}
