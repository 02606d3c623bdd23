package extract

import (
	"strings"
	"testing"
)

// Indian prices group lakhs in twos ("₹1,29,999"): the whole number is one amount, not 1.29.
func TestLakhGrouping(t *testing.T) {
	for s, want := range map[string]string{"₹1,29,999": "129999", "₹ 12,34,567.50": "1234567.50", "₹2,499": "2499"} {
		ps := findPrices(s, "")
		if len(ps) != 1 || ps[0].amount != want || ps[0].currency != "INR" {
			t.Errorf("findPrices(%q) = %+v, want one INR %s", s, ps, want)
		}
	}
	page := `<html lang="en-IN"><body><h1>Silk Saree</h1><div class="pdp-price"><span class="sale">₹1,29,999</span>
		<span class="mrp">MRP <s>₹1,49,999</s></span></div><button>Add to bag</button></body></html>`
	if o := shownOf(t, page); o.Price != 12999900 || o.RegularPrice != 14999900 {
		t.Errorf("offer %d (regular %d), want 12999900 (regular 14999900)", o.Price, o.RegularPrice)
	}
}

// Lakh grouping ("12,50,000") is Indian: only with ₹, INR, Rs or an Indian locale.
func TestLakhGroupingOnlyIndian(t *testing.T) {
	// Each text's exact reading: every amount found, with its currency; "" for none. A number
	// grouped in lakhs beside another currency, or beside none on a page not in rupees, is no
	// amount at all (never 12.50 or 1250000).
	for s, want := range map[string]string{
		"12,50,000 €": "", "€12,50,000": "", "$1,29,999": "", "1,29,999": "", "12,50,000 kr": "",
		"₹12,50,000": "1250000 INR", "Rs 12,50,000": "1250000 INR", "INR 12,50,000": "1250000 INR", "₹1,29,999": "129999 INR",
	} {
		var got []string
		for _, p := range findPrices(s, "") {
			got = append(got, p.amount+" "+p.currency)
		}
		if g := strings.Join(got, ", "); g != want {
			t.Errorf("findPrices(%q) = %q, want %q", s, g, want)
		}
	}
	// On a page in rupees an unmarked lakh number is read whole.
	if ps := findPrices("1,29,999", "INR"); len(ps) != 1 || ps[0].amount != "129999" {
		t.Errorf("findPrices(1,29,999, INR) = %+v, want 129999", ps)
	}
}
