package feed

import (
	"strings"
	"testing"
)

// TestProductXMLAwinMerchantID: Awin's XML gives its own product id as <prod id=…> and the
// merchant's as <pId>: Awin's keys the item, as aw_product_id does in Awin's CSV (one offer per
// item for a shop imported both ways), and the merchant's only where Awin's is missing.
func TestProductXMLAwinMerchantID(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<merchantProductFeed><merchant id="5678" name="Modehaus Nord">
<prod id="29011234567" in_stock="yes"><pId>CH-220-BEI-32</pId>
<text><name>Slim Fit Chinos</name></text><price curr="EUR"><buynow>39.95</buynow></price></prod>
<prod id="29011234568" in_stock="no">
<text><name>Wool Blend Coat</name></text><price curr="EUR"><buynow>149.00</buynow></price></prod>
<prod in_stock="yes"><pId>SK-100</pId>
<text><name>Pleated Skirt</name></text><price curr="EUR"><buynow>59.00</buynow></price></prod>
</merchant></merchantProductFeed>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{id: "29011234567", title: "Slim Fit Chinos", currency: "EUR", avail: "in stock", price: 3995},
		{id: "29011234568", title: "Wool Blend Coat", currency: "EUR", avail: "out of stock", price: 14900},
		{id: "SK-100", title: "Pleated Skirt", currency: "EUR", avail: "in stock", price: 5900},
	})
}

// TestShoptetStandardPrice: Shoptet's STANDARD_PRICE is the regular price its PRICE_VAT is
// cut from.
func TestShoptetStandardPrice(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<SHOP><SHOPITEM id="501"><NAME>Lněné šaty</NAME><CURRENCY>CZK</CURRENCY>
<PRICE_VAT>1290</PRICE_VAT><STANDARD_PRICE>1590</STANDARD_PRICE></SHOPITEM></SHOP>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{{id: "501", title: "Lněné šaty", currency: "CZK", price: 159000, sale: 129000}})
}

// TestYMLOffer: Yandex Market Language (Admitad's and Russian shops' XML) gives stock as the
// offer's available attribute and size and colour as Russian <param name=…>.
func TestYMLOffer(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<yml_catalog date="2026-11-25 10:00"><shop><name>Moda</name><offers>
<offer id="880011" available="true"><price>2990</price><oldprice>4990</oldprice><currencyId>RUB</currencyId>
<name>Платье миди</name><param name="Размер">M</param><param name="Цвет">черный</param></offer>
<offer id="880012" available="false"><price>3490</price><currencyId>RUB</currencyId><name>Платье макси</name></offer>
</offers></shop></yml_catalog>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{id: "880011", title: "Платье миди", color: "черный", size: "M", currency: "RUB", avail: "true", price: 499000, sale: 299000},
		{id: "880012", title: "Платье макси", currency: "RUB", avail: "false", price: 349000},
	})
}

// TestProductXMLBrokenProductID: a product that is not well-formed XML is a row error naming
// its line and, when read before the break, its id; the products after it are read.
func TestProductXMLBrokenProductID(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<SHOP>
<SHOPITEM><ITEM_ID>Z1</ITEM_ID><PRODUCTNAME>Tričko</PRODUCTNAME><PRICE_VAT>299</PRICE_VAT></SHOPITEM>
<SHOPITEM><ITEM_ID>Z2</ITEM_ID><PRODUCTNAME>Marks & Spencer mikina</PRODUCTNAME><PRICE_VAT>899</PRICE_VAT></SHOPITEM>
<SHOPITEM><PRODUCTNAME>Kalhoty & sukně</PRODUCTNAME><ITEM_ID>Z4</ITEM_ID></SHOPITEM>
<SHOPITEM><ITEM_ID>Z5</ITEM_ID><PRODUCTNAME>Kalhoty</PRODUCTNAME><PRICE_VAT>1199</PRICE_VAT></SHOPITEM>
</SHOP>`
	items, rows, _, err := readAllWith(t, strings.NewReader(doc), Options{Currency: "CZK"})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []rowWant{{4, "Z2", "XML syntax error on line 4"}, {5, "", "XML syntax error on line 5"}})
	if len(items) != 2 || items[0].ID != "Z1" || items[1].ID != "Z5" {
		t.Fatalf("items %+v", items)
	}
	doc = `<?xml version="1.0" encoding="UTF-8"?>
<merchantProductFeed><merchant id="5678" name="Modehaus Nord">
<prod id="29011234569"><pId>CO-411</pId><text><name>Coat & Scarf</name></text></prod>
<prod id="29011234570"><pId>CO-412</pId><text><name>Coat</name></text><price curr="EUR"><buynow>99.00</buynow></price></prod>
</merchant></merchantProductFeed>`
	items, rows, _, err = readAllWith(t, strings.NewReader(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []rowWant{{3, "29011234569", "XML syntax error"}})
	if len(items) != 1 || items[0].ID != "29011234570" {
		t.Fatalf("items %+v", items)
	}
}

// TestProductXMLMissingFieldNamesItem: a product without a price element is a row error that
// names its line and id, as a CSV row without a price is; the products after it are read.
func TestProductXMLMissingFieldNamesItem(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<offers version="1"><group name="other">
<o id="K1" url="https://s.example/1" price="59.00"><name>Koszulka</name></o>
<o id="K2" url="https://s.example/2"><name>Bluza</name></o>
<o id="K3" url="https://s.example/3" price="12.00"><name>Czapka</name></o>
</group></offers>`
	items, rows, _, err := readAllWith(t, strings.NewReader(doc), Options{Currency: "PLN"})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []rowWant{{4, "K2", "no column holds price"}})
	if len(items) != 2 || items[0].ID != "K1" || items[1].ID != "K3" {
		t.Fatalf("items %+v", items)
	}
}
