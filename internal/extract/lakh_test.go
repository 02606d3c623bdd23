package extract

import "testing"

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
