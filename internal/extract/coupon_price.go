package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// couponLabels end the text right before a price that a coupon code gives: Ajio's "Get it for
// ₹969" and Myntra's "Best Price: ₹674", each above "Use Code EXTRA150".
var couponLabels = []string{"get it for", "best price", "effective price", "price after coupon", "with coupon", "coupon price"}

// couponWords name the code the coupon price needs.
var couponWords = []string{"code", "coupon", "promo code", "voucher"}

// noCodeWords say the price needs no code: "Get it for $120 – no code needed" is the sale price.
var noCodeWords = []string{"no code", "no coupon", "no promo code", "no voucher", "no voucher code", "without a code", "without code",
	"without a coupon", "without coupon", "code not needed", "code not required"}

// couponPrice reports an amount whose label (before, the text right before it) says it is the
// price with a coupon and whose block says which code: the text of n's parent or grandparent,
// while short (at most 160 bytes), names a code (couponWords) and does not say none is needed
// (noCodeWords).
func couponPrice(n *html.Node, before string) bool {
	low := strings.ToLower(collapse(before))
	labelled := false
	for _, l := range couponLabels {
		labelled = labelled || strings.HasSuffix(strings.TrimRight(low, " :"), l)
	}
	if !labelled {
		return false
	}
	for up, p := 0, n.Parent; up < 2 && p != nil && p.Type == html.ElementNode; up, p = up+1, p.Parent {
		t := strings.ToLower(text(p, 200))
		if len(t) > 160 {
			return false
		}
		if containsPhrase(t, noCodeWords) {
			return false
		}
		if containsPhrase(t, couponWords) {
			return true
		}
	}
	return false
}
