package feed

import (
	"strings"
	"testing"
)

// TestNetPricePlusVATAmount: a feed giving a price without VAT and the VAT amount, but no
// price with it, gives the price a shopper pays as their sum; a row without the amount is
// rejected naming the column, and the rows after it are read. A price with VAT, where given,
// is the price.
func TestNetPricePlusVATAmount(t *testing.T) {
	csv := "sku,product_name,price_ex_vat,price_vat,currency\n" +
		"UKT-01,Oxford Shirt,37.50,7.50,GBP\n" +
		"UKT-02,Poplin Shirt,33.33,,GBP\n" +
		"UKT-03,Flannel Shirt,41.67,8.33,GBP\n"
	items, rows, _, err := readAllWith(t, strings.NewReader(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []rowWant{{3, "UKT-02", "price_vat"}})
	if len(items) != 2 || items[0].RegularPrice != 4500 || items[1].RegularPrice != 5000 || items[1].Currency != "GBP" {
		t.Fatalf("items = %+v", items)
	}
	csv = "id;name;price_net;vat_amount;vat_rate;currency\nV1;Cotton Tee;20,00;4,00;20;EUR\n"
	items, rows, _, err = readAllWith(t, strings.NewReader(csv), Options{})
	if err != nil || len(rows) != 0 || len(items) != 1 || items[0].RegularPrice != 2400 {
		t.Fatalf("err %v rows %+v items %+v", err, rows, items)
	}
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<products><product><id>NL-100</id><name>Katoenen trui</name><price_excl_vat>41.32</price_excl_vat><vat_amount>8.68</vat_amount><currency>EUR</currency></product></products>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{{id: "NL-100", title: "Katoenen trui", currency: "EUR", price: 5000}})
	// beside a price with VAT, the net price and the VAT amount are not read; a bare "vat"
	// without a rate column beside it may be the rate, and is no amount
	csv = "id,title,price_excl_vat,vat,price_incl_vat,currency\nG1,Tee,20.00,4.00,24.50,EUR\n"
	items, rows, _, err = readAllWith(t, strings.NewReader(csv), Options{})
	if err != nil || len(rows) != 0 || len(items) != 1 || items[0].RegularPrice != 2450 {
		t.Fatalf("err %v rows %+v items %+v", err, rows, items)
	}
	if _, _, _, err = readAllWith(t, strings.NewReader("id,title,price_excl_vat,vat,currency\nR1,Tee,100.00,21,EUR\n"), Options{}); err == nil {
		t.Error("a net price beside a bare vat that may be its rate was read")
	}
}
