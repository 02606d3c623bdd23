package feed

import (
	"testing"
	"time"
)

// TestUnreadableSaleWindowKeepsItemAtRegularPrice: an item whose sale_price_effective_date
// cannot be read is kept, without its sale (a sale that cannot be dated is never shown), in
// Merchant Center XML and delimited feeds alike, the affiliate way (a higher regular price)
// included. The forms that can be read ("2026-11-20" alone, day-first dates with a day above 12)
// keep their sale. Item has no warning field: the unread date stays in SalePriceEffectiveDate.
func TestUnreadableSaleWindowKeepsItemAtRegularPrice(t *testing.T) {
	xml := gmcDoc(`<item><g:id>A</g:id><g:title>A</g:title><g:price>100.00 EUR</g:price><g:sale_price>80.00 EUR</g:sale_price><g:sale_price_effective_date>A--B</g:sale_price_effective_date></item>
<item><g:id>B</g:id><g:title>B</g:title><g:price>100.00 EUR</g:price><g:sale_price>80.00 EUR</g:sale_price><g:sale_price_effective_date>2026-11-20T00:00 Europe/Paris/2026-11-30T23:59 Europe/Paris</g:sale_price_effective_date></item>
<item><g:id>C</g:id><g:title>C</g:title><g:price>100.00 EUR</g:price><g:sale_price>80.00 EUR</g:sale_price><g:sale_price_effective_date>2026-11-20</g:sale_price_effective_date></item>
<item><g:id>D</g:id><g:title>D</g:title><g:price>100.00 EUR</g:price><g:sale_price>80.00 EUR</g:sale_price><g:sale_price_effective_date>20/11/2026 - 05/12/2026</g:sale_price_effective_date></item>
<item><g:id>E</g:id><g:title>E</g:title><g:price>100.00 EUR</g:price><g:sale_price>80.00 EUR</g:sale_price><g:sale_price_effective_date>05/11/2026 - 10/12/2026</g:sale_price_effective_date></item>`)
	csv := "id,title,price,rrp_price,currency,sale_price_effective_date\n" +
		"F,F,80.00,100.00,EUR,A--B\n"
	items, rows := readWith(t, xml, Options{})
	more, rows2 := readWith(t, csv, Options{})
	items, rows = append(items, more...), append(rows, rows2...)
	if len(rows) != 0 || len(items) != 6 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	inSale := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	want := map[string]int64{"A": 10000, "B": 10000, "C": 8000, "D": 8000, "E": 10000, "F": 10000}
	for _, it := range items {
		if got := it.PriceAt(inSale); got != want[it.ID] || it.RegularPrice != 10000 {
			t.Errorf("%s: price %d (regular %d), want %d", it.ID, got, it.RegularPrice, want[it.ID])
		}
		if want[it.ID] == 10000 && (it.SaleAmount != 0 || it.SalePrice != "" || it.SalePriceEffectiveDate == "") {
			t.Errorf("%s: sale kept: %+v", it.ID, it)
		}
	}
	if c := items[2]; c.PriceAt(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)) != 10000 {
		t.Errorf("C: the single day's sale lasts past it: %+v", c.SaleWindow)
	}
}
