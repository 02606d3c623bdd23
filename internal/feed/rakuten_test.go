package feed

import (
	"strings"
	"testing"
	"time"
)

const rakutenColumns = "Product ID|Product Name|SKU Number|Sale Price|Retail Price|Currency\n"

// TestRakutenColumnLineUnderHDR: a line of column names right under Rakuten's HDR record is the
// header; the HDR record is skipped, and the TRL trailer on the last line is not an item.
func TestRakutenColumnLineUnderHDR(t *testing.T) {
	doc := "HDR|38765|Vince Holding Corp|2026-11-26/03:00:01\n" + rakutenColumns +
		"10001|Cashmere Crew|V-CC-01|206.50|295.00|USD\n" +
		"10002|Slip Skirt|V-SS-02||245.00|USD\n" +
		"TRL|2\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].ID != "10001" || items[0].Line != 3 || items[1].Line != 4 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if items[0].SaleAmount != 20650 || items[0].RegularPrice != 29500 {
		t.Errorf("10001 = %+v", items[0])
	}
}

// TestRakutenTrailerSkipped: with the column line first, a TRL record (a row count, with or
// without empty cells after it) is skipped, neither an item nor a row error, wherever it is
// (files joined together put one in the middle); a row whose id is "TRL" but that holds more
// than a count is a row like any other.
func TestRakutenTrailerSkipped(t *testing.T) {
	for _, trl := range []string{"TRL|1\n", "TRL|1", "TRL|1||\n", "TRL|1\n\n"} {
		items, rows := readWith(t, rakutenColumns+"10001|Crew|V-1|206.50|295.00|USD\n"+trl, Options{})
		if len(rows) != 0 || len(items) != 1 {
			t.Errorf("%q: items %+v rows %+v", trl, items, rows)
		}
	}
	items, rows := readWith(t, rakutenColumns+"TRL|1\n10001|Crew|V-1|206.50|295.00|USD\nTRL|Tee|V-2|10.00||USD\n", Options{})
	if len(items) != 2 || items[0].Line != 3 || items[1].ID != "TRL" || len(rows) != 0 {
		t.Errorf("TRL mid-file: items %+v rows %+v", items, rows)
	}
}

// TestRakutenHDRWithoutColumnNames: HDR over a line that is neither column names nor a row of
// Rakuten's product layout (no addresses or prices in it) is still refused, saying what to add.
func TestRakutenHDRWithoutColumnNames(t *testing.T) {
	doc := "HDR|12345|Soie Boutique|11/27/2026 03:00:00\n1234|Silk Blouse|SB-1|Women\nTRL|1\n"
	_, _, err := OpenWith(strings.NewReader(doc), Options{})
	if err == nil || !strings.Contains(err.Error(), "Rakuten header record") || !strings.Contains(err.Error(), "under the HDR line") {
		t.Fatalf("err = %v", err)
	}
	if _, _, err := OpenWith(strings.NewReader("HDR|12345|Soie Boutique|11/27/2026 03:00:00\n"), Options{}); err == nil {
		t.Fatal("a file of just HDR was accepted")
	}
}

// TestRakutenHDRNamed: a Rakuten file whose first line is its HDR record, not column names,
// is refused with a message that says so.
func TestRakutenHDRNamed(t *testing.T) {
	doc := "HDR|12345|Soie Boutique|11/27/2026 03:00:00\n1234|Silk Blouse|SB-1|Women\nTRL|1\n"
	_, _, err := OpenWith(strings.NewReader(doc), Options{})
	if err == nil || !strings.Contains(err.Error(), "Rakuten header record") {
		t.Fatalf("err = %v", err)
	}
}

// TestRakutenWithoutColumnNames: Rakuten's product file as the network delivers it, HDR then
// rows of its 38 fields with no line of column names (a row may drop its empty last fields),
// is read by the specification's order: the buy URL is the link, Retail Price the price and a
// lower Sale Price the sale, attributes 3 to 6 size, material, colour and gender. A row
// without a price is a row error naming its line; TRL is no item.
func TestRakutenWithoutColumnNames(t *testing.T) {
	items, rows, _, err := readFileWith(t, "testdata/rakuten_noheader.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []rowWant{{line: 3, item: "7002", reason: "missing price"}})
	if len(items) != 2 {
		t.Fatalf("items %+v", items)
	}
	if it := items[0]; it.ID != "7001" || it.Line != 2 || it.Title != "Wool Blend Coat" || it.RegularPrice != 19900 || it.SaleAmount != 15920 ||
		it.Currency != "EUR" || it.Link != "https://click.linksynergy.com/link?id=x&offerid=41001.7001" ||
		it.Description != "Long wool blend coat with a notch collar." || it.Brand != "Stoffwerk" || it.ProductType != "Women" ||
		it.Size != "M" || it.Material != "Wool" || it.Color != "Camel" || it.Gender != "Female" || it.GTIN != "4012345600017" ||
		it.MPN != "SW-COAT" || it.Availability != "in-stock" {
		t.Errorf("item 1 = %+v", it)
	}
	if it := items[1]; it.ID != "7003" || it.Line != 4 || it.RegularPrice != 2900 || it.PriceAt(time.Time{}) != 2900 || it.Color != "Grey" ||
		it.Availability != "out-of-stock" {
		t.Errorf("item 2 = %+v", it)
	}
}

// TestHDROverOtherData: a tab-separated file that opens with some other system's HDR line and
// data under it (five fields, not Rakuten's layout of 38 with its addresses in place) is refused
// as headerless, not read as Rakuten rows whose prices would all be missing.
func TestHDROverOtherData(t *testing.T) {
	doc := "HDR\t20261126\tExport\tv2\nSKU-1\tRed Dress\t49.99\t59.99\thttps://a.example.com/1\nSKU-2\tBlue Dress\t39.99\t45.00\thttps://a.example.com/2\n"
	_, _, err := OpenWith(strings.NewReader(doc), Options{})
	if err == nil || !strings.Contains(err.Error(), "under the HDR line") {
		t.Fatalf("err = %v", err)
	}
}
