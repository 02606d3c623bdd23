package feed

import (
	"strings"
	"testing"
)

// TestMagentoConfigurableParent: Magento 2's export gives a configurable product as a row
// listing its variations (configurable_variations) beside a row per simple child: the parent is
// no item, each child is, with its own stock (qty, is_in_stock) and sale window. A
// configurable row listing no variations is an item.
func TestMagentoConfigurableParent(t *testing.T) {
	csv := `sku,product_type,name,price,special_price,special_price_from_date,special_price_to_date,additional_attributes,qty,is_in_stock,configurable_variations
MJ-200-M,simple,Rain Jacket-M,120.00,84.00,11/25/26,12/2/26,"color=Yellow,size=M",7.0000,1,
MJ-200-L,simple,Rain Jacket-L,120.00,,,,"color=Yellow,size=L",0.0000,0,
MJ-200,configurable,Rain Jacket,120.00,,,,,0.0000,1,"sku=MJ-200-M,size=M,color=Yellow|sku=MJ-200-L,size=L,color=Yellow"
MJ-300,configurable,Rain Hat,30.00,,,,,0.0000,1,
`
	items, rows, _, err := readAllWith(t, strings.NewReader(csv), Options{Currency: "GBP"})
	if err != nil || len(rows) != 0 {
		t.Fatalf("err %v rows %+v", err, rows)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID+":"+it.Size+":"+it.Availability)
	}
	if got := strings.Join(ids, " "); got != "MJ-200-M:M:in stock MJ-200-L:L:out of stock MJ-300::in stock" {
		t.Fatalf("items = %s", got)
	}
	if items[0].SaleAmount != 8400 || items[0].SalePriceEffectiveDate != "2026-11-25/2026-12-02" {
		t.Errorf("sale = %d %q", items[0].SaleAmount, items[0].SalePriceEffectiveDate)
	}
}
