package feed

import (
	"strings"
	"testing"
)

// TestMagentoConfigurableWithoutChildren: a configurable row whose configurable_variations
// name SKUs that no row of the file has (a filtered or partial export) is the only offer of its
// product: it is an item, as before configurable rows were skipped. A configurable row whose
// children come after it, or before it, is no item.
func TestMagentoConfigurableWithoutChildren(t *testing.T) {
	csv := `sku,product_type,name,price,special_price,additional_attributes,qty,is_in_stock,configurable_variations
KN,configurable,Knit Dress,65.00,,,0.0000,1,"sku=KN-S,size=S|sku=KN-M,size=M"
KN-S,simple,Knit Dress-S,65.00,52.00,"color=Black,size=S",3.0000,1,
MC,configurable,Wool Coat,180.00,140.00,color=Navy,0.0000,1,"sku=MC-48,size=48|sku=MC-50,size=50"
MS-1,simple,Scarf,30.00,,color=Grey,4.0000,1,
KN-M,simple,Knit Dress-M,65.00,52.00,"color=Black,size=M",0.0000,0,
MJ-L,simple,Rain Jacket-L,120.00,,"color=Yellow,size=L",2.0000,1,
MJ,configurable,Rain Jacket,120.00,,,0.0000,1,"sku=MJ-L,size=L,color=Yellow"
`
	items, rows, _, err := readAllWith(t, strings.NewReader(csv), Options{Currency: "EUR"})
	if err != nil || len(rows) != 0 {
		t.Fatalf("err %v rows %+v", err, rows)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.ID+":"+it.Size+":"+it.Price+":"+it.SalePrice)
	}
	want := "KN-S:S:65.00:52.00 MS-1::30.00: KN-M:M:65.00:52.00 MJ-L:L:120.00: MC::180.00:140.00"
	if g := strings.Join(got, " "); g != want {
		t.Fatalf("items = %s\nwant    %s", g, want)
	}
	if items[4].Line != 4 {
		t.Errorf("MC's line = %d, want 4", items[4].Line)
	}
}
