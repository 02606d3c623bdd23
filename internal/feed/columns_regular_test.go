package feed

import "testing"

// TestRegularPriceDefaultsTradedoublerWebgains: Tradedoubler's previousPrice and Webgains'
// normal_price are the regular ("was") price without a column map, so their sales are read.
func TestRegularPriceDefaultsTradedoublerWebgains(t *testing.T) {
	for _, doc := range []string{
		"productId|name|price|previousPrice|currency\n1|Coat|1195.00|1495.00|SEK\n",
		"product_id,product_name,price,normal_price,currency\n1,Coat,119.50,149.50,SEK\n",
		"product_id,product_name,price,normalprice,currency\n1,Coat,119.50,149.50,SEK\n",
	} {
		items, rows := readWith(t, doc, Options{})
		if len(rows) != 0 || len(items) != 1 || items[0].SaleAmount == 0 || items[0].SaleAmount >= items[0].RegularPrice {
			t.Errorf("%q: items %+v rows %+v", doc, items, rows)
		}
	}
}
