package feed

import (
	"strings"
	"testing"
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

// TestRakutenHDRWithoutColumnNames: HDR with no line of column names under it is still refused,
// saying what to add; Rakuten's fixed column layout is not guessed.
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
