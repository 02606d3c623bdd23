package feed

import (
	"strings"
	"testing"
)

// TestBareVATPriceColumns: a price column named with VAT alone ("price_vat") is the price with
// VAT in Czech and Slovak exports, but a UK export may give the VAT in the price under that
// name: a column saying outright that VAT is included ("price_inc_vat") comes first, and in a
// row where the bare one is lower than its plain twin it is the tax, not the price.
func TestBareVATPriceColumns(t *testing.T) {
	cases := []struct {
		name, doc   string
		price, sale int64
	}{
		{"czech price_vat is the price", "id;name;price;price_vat\nCZ-1;Mikina;826,45;1000,00\n", 100000, 0},
		{"price_vat below price is its tax", "sku,title,price,price_vat\nPV-1,Cap,30.00,5.00\n", 3000, 0},
		{"price_vat empty", "sku,title,price,price_vat\nPV-1,Cap,30.00,\n", 3000, 0},
		{"price_inc_vat before price_vat", "sku,title,price,price_vat,price_inc_vat\nPV-2,Blazer,150.00,30.00,180.00\n", 18000, 0},
		{"rrp_inc_vat before rrp_vat", "sku,title,price,rrp,rrp_vat,rrp_inc_vat\nRV-1,Gilet,40.00,50.00,10.00,60.00\n", 6000, 4000},
		{"price_vat above price_ex_vat", "sku,title,price_ex_vat,price_vat\nPE-2,Shirt,25.00,30.00\n", 3000, 0},
	}
	for _, c := range cases {
		items, rows, _, err := readAllWith(t, strings.NewReader(c.doc), Options{Currency: "GBP"})
		if err != nil || len(rows) != 0 || len(items) != 1 {
			t.Fatalf("%s: err %v rows %+v items %+v", c.name, err, rows, items)
		}
		if it := items[0]; it.RegularPrice != c.price || it.SaleAmount != c.sale {
			t.Errorf("%s: price %d sale %d, want %d %d", c.name, it.RegularPrice, it.SaleAmount, c.price, c.sale)
		}
	}
}

// TestBareVATPriceXML: product-xml reads its rows as a CSV's, so a <price_vat> below the
// <price> beside it is the tax too, while Heureka's PRICE_VAT above its PRICE is the price.
func TestBareVATPriceXML(t *testing.T) {
	doc := `<?xml version="1.0"?><products>` +
		`<product><id>XV-1</id><name>Moleskin Trousers</name><price>95.00</price><price_vat>15.83</price_vat></product>` +
		`<product><id>XV-2</id><name>Sukně</name><price>740</price><price_vat>899</price_vat></product></products>`
	checkXMLItems(t, doc, Options{Currency: "GBP"}, 0, []xmlItemWant{
		{"XV-1", "Moleskin Trousers", "", "", "", "", "", "", "GBP", "", 9500, 0},
		{"XV-2", "Sukně", "", "", "", "", "", "", "GBP", "", 89900, 0},
	})
}

// TestBareVATBelowExVATPrice: a price_vat lower than the price_ex_vat beside it is the VAT, never
// the price: with no price with VAT, the price is their sum.
func TestBareVATBelowExVATPrice(t *testing.T) {
	doc := "sku,title,price_ex_vat,price_vat\nPE-1,Cord Shirt,25.00,5.00\n"
	items, rows, _, err := readAllWith(t, strings.NewReader(doc), Options{Currency: "GBP"})
	if err != nil || len(items) != 1 || len(rows) != 0 || items[0].RegularPrice != 3000 {
		t.Fatalf("err %v rows %+v items %+v", err, rows, items)
	}
}
