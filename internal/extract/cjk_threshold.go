package extract

import "strings"

// Chinese shops write a free-delivery threshold as "滿 NT$1,500 免運" or "满 ¥199 包邮": "spend"
// (滿, 满) before the amount, "shipping free" after it, with no word between.
var (
	spendMarks        = []string{"滿", "满"}
	freeDeliveryHeads = []string{"免運", "免运", "包邮", "包郵", "免費配送", "免费配送"}
)

// chineseFreeDelivery reports an amount between a spend mark (the end of before) and a
// free-delivery word (the start of after).
func chineseFreeDelivery(before, after string) bool {
	before, after = strings.TrimSpace(before), strings.TrimSpace(after)
	spend := false
	for _, m := range spendMarks {
		spend = spend || strings.HasSuffix(before, m)
	}
	if !spend {
		return false
	}
	for _, h := range freeDeliveryHeads {
		if strings.HasPrefix(after, h) {
			return true
		}
	}
	return false
}
