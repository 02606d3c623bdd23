package extract

import "golang.org/x/net/html"

// pick chooses the price paid and the regular price in one price block, root; hinted when the
// price names no currency of its own and the currency is the hint.
func pick(cluster []priceCand, root *html.Node, hint string) (price, regular, currency string, hinted bool) {
	var chosen *priceCand
	for _, want := range []role{current, plain, weakRegular} {
		for i := range cluster {
			if cluster[i].role == want {
				chosen = &cluster[i]
				break
			}
		}
		if chosen != nil {
			break
		}
	}
	if chosen == nil {
		chosen = loneRegular(cluster, root)
	}
	if chosen == nil {
		return "", "", "", false
	}
	currency = chosen.currency
	if currency == "" {
		currency, hinted = hint, true
	}
	// A struck or plainly named regular price beats one only hinted at ("Est. Retail" beside
	// the struck price a reseller charged before).
	for _, want := range []role{strongRegular, weakRegular} {
		for i, c := range cluster {
			if &cluster[i] == chosen || c.role != want {
				continue
			}
			if c.currency != "" && currency != "" && c.currency != currency {
				continue
			}
			if cmpAmount(c.amount, chosen.amount) > 0 && (regular == "" || cmpAmount(c.amount, regular) > 0) {
				regular = c.amount
			}
		}
		if regular != "" {
			break
		}
	}
	return chosen.amount, regular, currency, hinted
}
