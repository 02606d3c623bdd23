package feed

import "testing"

// TestProductXMLWrappedBesideQualifiers: a value wrapped in an element beside children that
// qualify it is still its value: Shoptet's <STOCK><AMOUNT> beside its MINIMAL_AMOUNT, a price
// as <value> beside its <currency>.
func TestProductXMLWrappedBesideQualifiers(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<SHOP>
<SHOPITEM id="88"><NAME>Tričko Vltava</NAME><PRICE_VAT>499</PRICE_VAT>
<STOCK><AMOUNT>0</AMOUNT><MINIMAL_AMOUNT>1</MINIMAL_AMOUNT></STOCK></SHOPITEM>
<SHOPITEM id="89"><NAME>Mikina Ohře</NAME><PRICE_VAT>990</PRICE_VAT>
<STOCK><MINIMAL_AMOUNT>1</MINIMAL_AMOUNT><AMOUNT>12</AMOUNT></STOCK></SHOPITEM>
</SHOP>`
	checkXMLItems(t, doc, Options{Currency: "CZK"}, 0, []xmlItemWant{
		{id: "88", title: "Tričko Vltava", currency: "CZK", avail: "out of stock", price: 49900},
		{id: "89", title: "Mikina Ohře", currency: "CZK", avail: "12", price: 99000},
	})
	doc = `<?xml version="1.0" encoding="UTF-8"?>
<catalog>
<item><sku>LB-1</sku><name>Linen Blouse</name><price><value>54.50</value><currency>GBP</currency></price></item>
<item><sku>LB-2</sku><name>Linen Skirt</name><price><currency>GBP</currency><amount>61.00</amount></price></item>
</catalog>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{id: "LB-1", title: "Linen Blouse", currency: "GBP", price: 5450},
		{id: "LB-2", title: "Linen Skirt", currency: "GBP", price: 6100},
	})
}

// TestProductXMLWrappedNotARecord: an element naming something beside a count (<size><name>S
// </name><count>3</count>) is a record of its own, not a wrapped value: no size "3".
func TestProductXMLWrappedNotARecord(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<products><product><id>NR-1</id><title>Rib Tank</title><price>19.00</price>
<size><name>S</name><count>3</count></size></product></products>`
	checkXMLItems(t, doc, Options{Currency: "EUR"}, 0, []xmlItemWant{
		{id: "NR-1", title: "Rib Tank", currency: "EUR", price: 1900},
	})
}

// TestProductXMLVariantQuantity: a variant's <quantity> is its stock; a bulk price's
// quantity (a variant element giving a quantity and its price only) is none.
func TestProductXMLVariantQuantity(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<products><product><id>GL-4</id><name>Wool Gloves</name><price>25.00</price>
<variants><variant><sku>GL-4-S</sku><size>S</size><quantity>0</quantity></variant>
<variant><sku>GL-4-M</sku><size>M</size><quantity>6</quantity></variant></variants></product>
<product><id>TS-9</id><name>Trainer Socks</name><price>6.00</price>
<variants><variant><quantity>10</quantity><price>5.00</price></variant></variants></product></products>`
	checkXMLItems(t, doc, Options{Currency: "EUR"}, 0, []xmlItemWant{
		{id: "GL-4-S", title: "Wool Gloves", size: "S", group: "GL-4", currency: "EUR", avail: "out of stock", price: 2500},
		{id: "GL-4-M", title: "Wool Gloves", size: "M", group: "GL-4", currency: "EUR", avail: "6", price: 2500},
		{id: "TS-9", title: "Trainer Socks", currency: "EUR", price: 600},
	})
}
