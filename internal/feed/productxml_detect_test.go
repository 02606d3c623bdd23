package feed

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestProductXMLRefusesTransactions: an order, a cart or an invoice lists what was bought as
// <item> or <product> elements with prices; they are no products on sale, so the XML is not
// read as a product feed. Elements that only name an order (<order_id>, <sort_order>) closed
// before the products do not refuse a catalogue.
func TestProductXMLRefusesTransactions(t *testing.T) {
	for _, doc := range []string{
		`<?xml version="1.0"?><orders><order><order_id>1</order_id><items><item><sku>A</sku><name>Tee</name><price>9.00</price></item></items></order></orders>`,
		`<?xml version="1.0"?><Orders><Order><OrderId>5</OrderId><Products><Product><Sku>A</Sku><Name>Tee</Name><Price>9.00</Price></Product></Products></Order></Orders>`,
		`<?xml version="1.0"?><cart><cart_id>c-1</cart_id><item><product_id>4</product_id><title>Tee</title><price currency="SEK">629</price></item></cart>`,
		`<?xml version="1.0"?><invoice><number>7</number><lines><line><item><code>A</code></item><unit_price>9.00</unit_price></line></lines></invoice>`,
		`<?xml version="1.0"?><sales_order><entity_id>3</entity_id><item><sku>A</sku><price>9.00</price></item></sales_order>`,
	} {
		if f := Detect([]byte(doc)); f != "" {
			t.Errorf("Detect(%.70q) = %q, want none", doc, f)
		}
	}
	for _, doc := range []string{
		`<?xml version="1.0"?><catalog><order>by name</order><product><id>1</id><name>Tee</name><price>9.00</price></product></catalog>`,
		`<?xml version="1.0"?><catalog><product><id>1</id><sort_order>2</sort_order><name>Tee</name><price>9.00</price></product></catalog>`,
		`<?xml version="1.0"?><cart_export><cart_id>1</cart_id><products><product><id>1</id><price>9.00</price></product></products></cart_export>`,
	} {
		if f := Detect([]byte(doc)); f != ProductXML {
			t.Errorf("Detect(%.70q) = %q, want %q", doc, f, ProductXML)
		}
	}
}

// TestProductXMLFieldNamedLikeFeed: a product's <feed_id> or <rss_link> is no RSS or Atom
// root, and a root named <feed_export> is no Atom feed.
func TestProductXMLFieldNamedLikeFeed(t *testing.T) {
	for _, doc := range []string{
		`<?xml version="1.0"?><products><product><feed_id>7</feed_id><id>1</id><name>Tee</name><price>9.00</price></product></products>`,
		`<?xml version="1.0"?><products><product><id>1</id><name>Tee</name><price>9.00</price><rss_link>https://x.example/r</rss_link></product></products>`,
		`<?xml version="1.0"?><feed_export><offer><offerid>1</offerid><title>Tee</title><price>9.00</price></offer></feed_export>`,
	} {
		if f := Detect([]byte(doc)); f != ProductXML {
			t.Errorf("Detect(%.70q) = %q, want %q", doc, f, ProductXML)
		}
	}
}

// TestProductXMLPrefixedProducts: product elements written with a namespace prefix are read
// by their local names.
func TestProductXMLPrefixedProducts(t *testing.T) {
	doc := `<?xml version="1.0"?>
<cat:catalog xmlns:cat="urn:example:catalog">
<cat:product><cat:id>NS-1</cat:id><cat:title>Denim Jacket</cat:title><cat:price>89.00 EUR</cat:price><cat:link>https://ns.example/1</cat:link></cat:product>
<cat:product><cat:id>NS-2</cat:id><cat:title>Denim Shirt</cat:title><cat:price>59.00 EUR</cat:price><cat:link>https://ns.example/2</cat:link></cat:product>
</cat:catalog>`
	items, rows, format, err := readAllWith(t, strings.NewReader(doc), Options{})
	if err != nil || format != ProductXML || len(rows) != 0 || len(items) != 2 {
		t.Fatalf("format %q err %v items %+v rows %+v", format, err, items, rows)
	}
	if it := items[1]; it.ID != "NS-2" || it.Title != "Denim Shirt" || it.RegularPrice != 5900 || it.Link != "https://ns.example/2" {
		t.Fatalf("item %+v", it)
	}
}

// TestProductXMLSettlesOnAProductWithFields: an element named as a product that holds text
// alone (a menu's <item>Home</item> above the products) does not settle the products' element.
func TestProductXMLSettlesOnAProductWithFields(t *testing.T) {
	doc := `<?xml version="1.0"?>
<export>
<header><menu><item>Home</item><item>Sale</item></menu></header>
<products>
<product><id>H-1</id><title>Scarf</title><price>19.00 EUR</price></product>
<product><id>H-2</id><title>Beanie</title><price>15.00 EUR</price></product>
</products>
</export>`
	items, rows, format, err := readAllWith(t, strings.NewReader(doc), Options{})
	if err != nil || format != ProductXML || len(rows) != 0 || len(items) != 2 {
		t.Fatalf("format %q err %v items %+v rows %+v", format, err, items, rows)
	}
	if items[0].ID != "H-1" || items[1].ID != "H-2" || items[1].RegularPrice != 1500 || items[1].Line != 6 {
		t.Fatalf("items %+v", items)
	}
}

// TestProductXMLTooLongProductSkipped: a product longer than MaxRecordBytes is a row error and
// the products after it are read.
func TestProductXMLTooLongProductSkipped(t *testing.T) {
	doc := `<?xml version="1.0"?>
<products>
<product><id>A</id><title>Tee</title><price>10.00 EUR</price></product>
<product><id>B</id><title>Huge</title><description>` + strings.Repeat("x", 5000) + `</description><price>12.00 EUR</price></product>
<product><id>C</id><title>Cap</title><price>8.00 EUR</price></product>
</products>`
	r, format, err := OpenWith(strings.NewReader(doc), Options{MaxRecordBytes: 4096})
	if err != nil || format != ProductXML {
		t.Fatalf("format %q err %v", format, err)
	}
	var ids []string
	var rows []RowError
	for {
		it, err := r.Next()
		var re *RowError
		if errors.As(err, &re) {
			rows = append(rows, *re)
			continue
		}
		if err != nil {
			if err != io.EOF {
				t.Fatalf("after %v: %v", ids, err)
			}
			break
		}
		ids = append(ids, it.ID)
	}
	if strings.Join(ids, ",") != "A,C" || len(rows) != 1 || rows[0].Line != 4 {
		t.Fatalf("items %v rows %+v", ids, rows)
	}
}
