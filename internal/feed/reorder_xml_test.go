package feed

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// TestPriceCurrencyAttributeBothReaders: the fast reader reads <price currency="EUR"> itself,
// as encoding/xml's reader does, without handing the feed over; a price that names its own
// currency keeps it, and an attribute that is no currency code is not added.
func TestPriceCurrencyAttributeBothReaders(t *testing.T) {
	doc := `<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
<item><g:id>A</g:id><title>Coat</title><g:price currency="EUR">12.99</g:price><g:sale_price currency="EUR">9.99</g:sale_price></item>
<item><g:id>B</g:id><title>Hat</title><g:price currency="EUR">20.00 GBP</g:price></item>
<item><g:id>C</g:id><title>Cap</title><g:price currency="euro">20.00</g:price></item>
</channel></rss>`
	slow, fast, fellBack := NewGMCXMLReaders(strings.NewReader(doc), strings.NewReader(doc))
	slowItems, slowRows, err := drain(slow)
	if err != nil {
		t.Fatal(err)
	}
	fastItems, fastRows, err := drain(fast)
	if err != nil {
		t.Fatal(err)
	}
	if fellBack() {
		t.Error("the fast reader handed a currency attribute to encoding/xml")
	}
	if !reflect.DeepEqual(slowItems, fastItems) || !reflect.DeepEqual(slowRows, fastRows) {
		t.Fatalf("readers differ:\nslow %+v %+v\nfast %+v %+v", slowItems, slowRows, fastItems, fastRows)
	}
	if len(fastItems) != 2 || fastItems[0].Currency != "EUR" || fastItems[0].SaleAmount != 999 || fastItems[1].Currency != "GBP" {
		t.Fatalf("items %+v", fastItems)
	}
	if len(fastRows) != 1 || fastRows[0].Item != "C" {
		t.Fatalf("rows %+v, want C rejected for a price without a currency", fastRows)
	}
}

// TestShopifyExportHoldsBoundedMemory: a product whose title row never comes does not hold
// its rows past maxHeldBytes: the oldest are let go (read as rows without a title) while
// reading goes on, and every row is accounted for.
func TestShopifyExportHoldsBoundedMemory(t *testing.T) {
	var b strings.Builder
	b.WriteString("Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price\n")
	body := strings.Repeat("x", 64<<10)
	const n = 700 // 700 × 64 KiB is past maxHeldBytes
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "p%d,,%s,Size,S,SKU-%d,10.00\n", i, body, i)
	}
	b.WriteString("last,Last,,Size,S,SKU-LAST,10.00\n")
	r, _, err := OpenWith(strings.NewReader(b.String()), Options{Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	s := r.(*delimitedReader).cols.shopify
	items, rows, most := 0, 0, 0
	for {
		_, err := r.Next()
		if err == io.EOF {
			break
		}
		var row *RowError
		if errors.As(err, &row) {
			rows++
		} else if err != nil {
			t.Fatal(err)
		} else {
			items++
		}
		most = max(most, s.held)
	}
	if items != 1 || rows != n {
		t.Fatalf("%d items, %d rows, want 1 and %d", items, rows, n)
	}
	if most > maxHeldBytes+(1<<20) || most < maxHeldBytes/2 {
		t.Fatalf("held at most %d bytes while reading, want about %d", most, maxHeldBytes)
	}
	if s.held != 0 || len(s.products) > 0 {
		t.Fatalf("still holding %d bytes, %d products", s.held, len(s.products))
	}
}

// TestRepeatedHeaderOnlyWhenWhole: a row is skipped as a repeated header only when its cells
// are the column names in their places; a product called "title" is an item.
func TestRepeatedHeaderOnlyWhenWhole(t *testing.T) {
	doc := "id,title,price,currency\nA,Tee,10.00,EUR\nID,Title,Price,Currency\nB,title,12.00,EUR\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[1].ID != "B" || items[1].Line != 4 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}

// TestProductXMLRefusesOtherXML: XML without product elements or without prices, and RSS
// without Merchant fields, is not a product feed.
func TestProductXMLRefusesOtherXML(t *testing.T) {
	for _, doc := range []string{
		`<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>`,
		`<?xml version="1.0"?><rss version="2.0"><channel><item><title>Post</title><description>the price is right</description></item></channel></rss>`,
		`<?xml version="1.0"?><catalog><product><id>1</id><name>Tee</name></product></catalog>`,
	} {
		if f := Detect([]byte(doc)); f != "" {
			t.Errorf("Detect(%.60q) = %q, want none", doc, f)
		}
	}
	if f := Detect([]byte(`<?xml version="1.0"?><catalog><product><id>1</id><name>Tee</name><price>9.00</price></product></catalog>`)); f != ProductXML {
		t.Errorf("a catalogue of products with prices: %q", f)
	}
}

// TestProductXMLShippingIsNotThePrice: a product's shipping price is not its price, even
// before it; a column map names elements.
func TestProductXMLShippingIsNotThePrice(t *testing.T) {
	doc := `<?xml version="1.0"?><products><product><shipping><price>4.95</price></shipping><sku>S1</sku>
<Artikel>Tee</Artikel><price>19.00</price></product></products>`
	items, rows, format, err := readAllWith(t, strings.NewReader(doc), Options{Currency: "EUR", ColumnMap: map[string]string{"title": "Artikel"}})
	if err != nil || format != ProductXML || len(rows) != 0 || len(items) != 1 {
		t.Fatalf("format %q err %v items %+v rows %+v", format, err, items, rows)
	}
	if it := items[0]; it.ID != "S1" || it.Title != "Tee" || it.RegularPrice != 1900 || it.Line != 1 {
		t.Fatalf("item %+v", it)
	}
}
