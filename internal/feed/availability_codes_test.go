package feed

import (
	"strings"
	"testing"
)

// TestHeurekaDeliveryDate: Heureka's DELIVERY_DATE is the availability when no stock is given:
// 0 in stock, a number of days orderable now and delivered then (more than two weeks:
// backordered), a date available from then.
func TestHeurekaDeliveryDate(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<SHOP>
<SHOPITEM><ITEM_ID>H1</ITEM_ID><PRODUCTNAME>Tričko</PRODUCTNAME><PRICE_VAT>299</PRICE_VAT><DELIVERY_DATE>0</DELIVERY_DATE></SHOPITEM>
<SHOPITEM><ITEM_ID>H2</ITEM_ID><PRODUCTNAME>Mikina</PRODUCTNAME><PRICE_VAT>899</PRICE_VAT><DELIVERY_DATE>7</DELIVERY_DATE></SHOPITEM>
<SHOPITEM><ITEM_ID>H3</ITEM_ID><PRODUCTNAME>Bunda</PRODUCTNAME><PRICE_VAT>2499</PRICE_VAT><DELIVERY_DATE>2026-12-15</DELIVERY_DATE></SHOPITEM>
<SHOPITEM><ITEM_ID>H4</ITEM_ID><PRODUCTNAME>Šála</PRODUCTNAME><PRICE_VAT>399</PRICE_VAT><DELIVERY_DATE>45</DELIVERY_DATE></SHOPITEM>
<SHOPITEM><ITEM_ID>H5</ITEM_ID><PRODUCTNAME>Čepice</PRODUCTNAME><PRICE_VAT>199</PRICE_VAT><DELIVERY_DATE>3</DELIVERY_DATE>
<STOCK_QUANTITY>0</STOCK_QUANTITY></SHOPITEM>
</SHOP>`
	checkXMLItems(t, doc, Options{Currency: "CZK"}, 0, []xmlItemWant{
		{id: "H1", title: "Tričko", currency: "CZK", avail: "in stock", price: 29900},
		{id: "H2", title: "Mikina", currency: "CZK", avail: "available for order", price: 89900},
		{id: "H3", title: "Bunda", currency: "CZK", avail: "preorder", price: 249900},
		{id: "H4", title: "Šála", currency: "CZK", avail: "backorder", price: 39900},
		{id: "H5", title: "Čepice", currency: "CZK", avail: "out of stock", price: 19900}, // its stock decides
	})
}

// TestCeneoAvail: Ceneo's avail codes are the availability when no stock is given: 1 in stock,
// 3, 7 and 14 days orderable now, 90 on order, 110 pre-order, 99 unknown.
func TestCeneoAvail(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><offers version="1"><group name="other">`)
	for _, code := range []string{"1", "3", "14", "90", "110", "99"} {
		b.WriteString(`<o id="C` + code + `" url="https://sklep.example/c" price="59.00" avail="` + code + `"><name>Koszulka</name></o>`)
	}
	b.WriteString(`<o id="CS" url="https://sklep.example/c" price="59.00" avail="1" stock="0"><name>Koszulka</name></o>`)
	b.WriteString(`</group></offers>`)
	checkXMLItems(t, b.String(), Options{Currency: "PLN"}, 0, []xmlItemWant{
		{id: "C1", title: "Koszulka", currency: "PLN", avail: "in stock", price: 5900},
		{id: "C3", title: "Koszulka", currency: "PLN", avail: "available for order", price: 5900},
		{id: "C14", title: "Koszulka", currency: "PLN", avail: "available for order", price: 5900},
		{id: "C90", title: "Koszulka", currency: "PLN", avail: "backorder", price: 5900},
		{id: "C110", title: "Koszulka", currency: "PLN", avail: "preorder", price: 5900},
		{id: "C99", title: "Koszulka", currency: "PLN", avail: "", price: 5900},
		{id: "CS", title: "Koszulka", currency: "PLN", avail: "out of stock", price: 5900}, // its stock decides
	})
}
