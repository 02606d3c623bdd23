package feed

import (
	"strings"
	"testing"
)

// xmlItemWant is what a product-xml test expects of one item.
type xmlItemWant struct {
	id, title, brand, color, size, gender, material, group, currency, avail string
	price, sale                                                             int64
}

func checkXMLItems(t *testing.T, doc string, opts Options, rows int, want []xmlItemWant) {
	t.Helper()
	items, rs, format, err := readAllWith(t, strings.NewReader(doc), opts)
	if err != nil || format != ProductXML || len(rs) != rows || len(items) != len(want) {
		t.Fatalf("format %q err %v rows %+v items %+v", format, err, rs, items)
	}
	for i, w := range want {
		it := items[i]
		got := xmlItemWant{it.ID, it.Title, it.Brand, it.Color, it.Size, it.Gender, it.Material, it.ItemGroupID, it.Currency,
			it.Availability, it.RegularPrice, it.SaleAmount}
		if got != w {
			t.Errorf("item %d = %+v, want %+v", i, got, w)
		}
	}
}

// TestProductXMLHeurekaParams: Heureka's SHOPITEM gives its price with VAT as PRICE_VAT and
// its colour, size, material and gender as PARAM name/value pairs in the shop's language; the
// item's own MANUFACTURER stays its brand beside a PARAM naming another.
func TestProductXMLHeurekaParams(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<SHOP>
<SHOPITEM><ITEM_ID>SK-1-M</ITEM_ID><PRODUCTNAME>Sukně Lada</PRODUCTNAME><URL>https://obchod.example.cz/lada</URL>
<IMGURL>https://obchod.example.cz/lada.jpg</IMGURL><PRICE>740</PRICE><PRICE_VAT>899</PRICE_VAT><MANUFACTURER>Lada</MANUFACTURER>
<PARAM><PARAM_NAME>Barva</PARAM_NAME><VAL>černá</VAL></PARAM><PARAM><VAL>M</VAL><PARAM_NAME>Velikost</PARAM_NAME></PARAM>
<PARAM><PARAM_NAME>Materiál</PARAM_NAME><VAL>vlna</VAL></PARAM><PARAM><PARAM_NAME>Značka</PARAM_NAME><VAL>Lada Atelier</VAL></PARAM><PARAM/>
<DELIVERY><DELIVERY_ID>PPL</DELIVERY_ID><DELIVERY_PRICE>89</DELIVERY_PRICE></DELIVERY><ITEMGROUP_ID>SK-1</ITEMGROUP_ID></SHOPITEM>
<SHOPITEM><ITEM_ID>BO-2</ITEM_ID><PRODUCTNAME>Boty Jasan</PRODUCTNAME><PRICE_VAT>1 990,00</PRICE_VAT>
<PARAM><PARAM_NAME>Pohlaví</PARAM_NAME><VAL>pánské</VAL></PARAM><PARAM><PARAM_NAME>Značka</PARAM_NAME><VAL>Jasan</VAL></PARAM>
<PARAM><PARAM_NAME>Velikost</PARAM_NAME><VAL>41, 42, 43</VAL></PARAM></SHOPITEM>
</SHOP>`
	if f := Detect([]byte(doc)); f != ProductXML {
		t.Fatalf("Detect = %q", f)
	}
	checkXMLItems(t, doc, Options{Currency: "CZK"}, 0, []xmlItemWant{
		{"SK-1-M", "Sukně Lada", "Lada", "černá", "M", "", "vlna", "SK-1", "CZK", "", 89900, 0},
		{"BO-2", "Boty Jasan", "Jasan", "", "", "pánské", "", "", "CZK", "", 199000, 0}, // a list of sizes is no item's size
	})
}

// TestProductXMLNestedVariants: a product holding its variants (Shoptet's VARIANTS/VARIANT, a
// shop's <variants><variant>) is an item per variant, grouped by the product's id, with the
// product's fields where the variant gives none; a variant's own price replaces the product's
// price and sale price, its stock the product's.
func TestProductXMLNestedVariants(t *testing.T) {
	shoptet := `<?xml version="1.0" encoding="utf-8"?>
<SHOP><SHOPITEM id="70"><NAME>Košile Brno</NAME><MANUFACTURER>Brno Textil</MANUFACTURER><ORIG_URL>https://butik.example.cz/kosile</ORIG_URL>
<IMAGES><IMAGE>https://butik.example.cz/70.jpg</IMAGE></IMAGES>
<TEXT_PROPERTIES><TEXT_PROPERTY><NAME>Materiál</NAME><VALUE>bavlna</VALUE></TEXT_PROPERTY></TEXT_PROPERTIES>
<VARIANTS>
<VARIANT id="70-1"><CODE>BR-S</CODE><CURRENCY>CZK</CURRENCY><PRICE>825</PRICE><PRICE_VAT>999</PRICE_VAT><STOCK><AMOUNT>2</AMOUNT></STOCK>
<PARAMETERS><PARAMETER><NAME>Velikost</NAME><VALUE>S</VALUE></PARAMETER><PARAMETER><NAME>Barva</NAME><VALUE>bílá</VALUE></PARAMETER></PARAMETERS></VARIANT>
<VARIANT id="70-2"><CODE>BR-M</CODE><CURRENCY>CZK</CURRENCY><PRICE_VAT>1099</PRICE_VAT><STOCK><AMOUNT>0</AMOUNT></STOCK>
<PARAMETERS><PARAMETER><NAME>Velikost</NAME><VALUE>M</VALUE></PARAMETER></PARAMETERS></VARIANT>
</VARIANTS></SHOPITEM></SHOP>`
	checkXMLItems(t, shoptet, Options{}, 0, []xmlItemWant{
		{"70-1", "Košile Brno", "Brno Textil", "bílá", "S", "", "bavlna", "70", "CZK", "2", 99900, 0},
		{"70-2", "Košile Brno", "Brno Textil", "", "M", "", "bavlna", "70", "CZK", "out of stock", 109900, 0},
	})
	shop := `<?xml version="1.0"?>
<catalog><product><id>P-1</id><title>Crew Sweater</title><brand>Northfold</brand><price currency="GBP">95.00</price>
<sale_price currency="GBP">90.00</sale_price><availability>in stock</availability><color>Green</color>
<variants>
<variant><sku>P-1-S</sku><size>S</size></variant>
<variant><sku>P-1-M</sku><size>M</size><price currency="GBP">99.00</price><stock>0</stock></variant>
</variants></product>
<product><id>P-2</id><title>Beanie</title><price currency="GBP">22.00</price></product></catalog>`
	checkXMLItems(t, shop, Options{}, 0, []xmlItemWant{
		{"P-1-S", "Crew Sweater", "Northfold", "Green", "S", "", "", "P-1", "GBP", "in stock", 9500, 9000},
		{"P-1-M", "Crew Sweater", "Northfold", "Green", "M", "", "", "P-1", "GBP", "out of stock", 9900, 0},
		{"P-2", "Beanie", "", "", "", "", "", "", "GBP", "", 2200, 0},
	})
}

// TestProductXMLVariantWithoutID: a variant without an id of its own takes its product's with
// its size and colour; a product whose <variant> holds text alone keeps it as a field.
func TestProductXMLVariantWithoutID(t *testing.T) {
	doc := `<?xml version="1.0"?>
<shop><product id="T-1"><name>Tee</name><price currency="EUR">19.99</price>
<variants><variant><size>S</size><color>White</color></variant><variant><size>M</size><color>White</color></variant></variants></product>
<product id="T-2"><name>Cap</name><price currency="EUR">9.99</price><variant>blue</variant></product></shop>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{"T-1-S-White", "Tee", "", "White", "S", "", "", "T-1", "EUR", "", 1999, 0},
		{"T-1-M-White", "Tee", "", "White", "M", "", "", "T-1", "EUR", "", 1999, 0},
		{"T-2", "Cap", "", "", "", "", "", "", "EUR", "", 999, 0},
	})
}

// TestProductXMLCeneo: Ceneo's offers give a product's id, address, price and stock as
// attributes of <o>, its images by address and its brand, colour and size as <a name=…>.
func TestProductXMLCeneo(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<offers version="1"><group name="other">
<o id="31" url="https://sklep.example.pl/31" price="129.00" avail="1" stock="4"><cat><![CDATA[Odzież]]></cat><name><![CDATA[Sweter]]></name>
<imgs><main url="https://sklep.example.pl/31.jpg"/><i url="https://sklep.example.pl/31b.jpg"/></imgs>
<attrs><a name="Producent"><![CDATA[Wełna i Syn]]></a><a name="EAN"><![CDATA[5901234000026]]></a><a name="Kolor"><![CDATA[szary]]></a><a name="Rozmiar"><![CDATA[L]]></a></attrs></o>
<o id="32" url="https://sklep.example.pl/32" price="49.00" avail="99" stock="0"><name>Szalik</name></o>
</group></offers>`
	if f := Detect([]byte(doc)); f != ProductXML {
		t.Fatalf("Detect = %q", f)
	}
	checkXMLItems(t, doc, Options{Currency: "PLN"}, 0, []xmlItemWant{
		{"31", "Sweter", "Wełna i Syn", "szary", "L", "", "", "", "PLN", "4", 12900, 0},
		{"32", "Szalik", "", "", "", "", "", "", "PLN", "out of stock", 4900, 0},
	})
	items, _, _, _ := readAllWith(t, strings.NewReader(doc), Options{Currency: "PLN"})
	if it := items[0]; it.ImageLink != "https://sklep.example.pl/31.jpg" || len(it.AdditionalImageLinks) != 1 || it.GTIN != "5901234000026" {
		t.Errorf("images %q %q, gtin %q", it.ImageLink, it.AdditionalImageLinks, it.GTIN)
	}
}

// TestProductXMLTradeTrackerProperties: TradeTracker's <properties> give brand, colour, size,
// gender, material and stock as <property name=…><value>.
func TestProductXMLTradeTrackerProperties(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<products><product ID="9"><name>Chino</name><price currency="EUR">49.95</price><URL>https://tc.example.net/?u=chino</URL>
<properties><property name="brand"><value>Denimhuis</value></property><property name="color"><value>Navy</value></property>
<property name="size"><value>32/32</value></property><property name="gender"><value>Heren</value></property>
<property name="material"><value>katoen</value></property><property name="stock"><value>0</value></property></properties>
<variations/></product></products>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{"9", "Chino", "Denimhuis", "Navy", "32/32", "Heren", "katoen", "", "EUR", "out of stock", 4995, 0},
	})
}

// TestProductXMLVariantsOfOrdersRefused: an order whose lines hold variants is still no feed.
func TestProductXMLVariantsOfOrdersRefused(t *testing.T) {
	doc := `<?xml version="1.0"?><orders><order><order_id>1</order_id><items><product><sku>A</sku><name>Tee</name><price>9.00</price>` +
		`<variants><variant><sku>A-M</sku><size>M</size></variant></variants></product></items></order></orders>`
	if f := Detect([]byte(doc)); f != "" {
		t.Errorf("Detect = %q, want none", f)
	}
}

// TestProductXMLVariantsBounded: each variant counts towards Options.MaxRecordBytes (its row
// repeats its product's fields), so a product of more variants than the bound allows is a row
// error and the products after it are read.
func TestProductXMLVariantsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><shop><product id="M-1"><name>Many</name><price currency="EUR">5.00</price><variants>`)
	for i := 0; i < 100; i++ {
		b.WriteString(`<variant><size>S</size></variant>`)
	}
	b.WriteString(`</variants></product><product id="F-1"><name>Few</name><price currency="EUR">6.00</price>` +
		`<variants><variant><size>S</size></variant><variant><size>M</size></variant></variants></product></shop>`)
	items, rows, _, err := readAllWith(t, strings.NewReader(b.String()), Options{MaxRecordBytes: 4096})
	if err != nil || len(rows) != 1 || !strings.Contains(rows[0].Reason, "longer than 4096 bytes") || len(items) != 2 {
		t.Fatalf("err %v rows %+v items %+v", err, rows, items)
	}
	if items[0].ID != "F-1-S" || items[1].ID != "F-1-M" || items[1].ItemGroupID != "F-1" {
		t.Errorf("items %+v", items)
	}
}
