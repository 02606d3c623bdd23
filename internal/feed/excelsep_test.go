package feed

import (
	"strings"
	"testing"
)

// TestExcelSeparatorLine: a CSV that starts with Excel's "sep=;" line is detected, read with
// that separator, and its rows keep their file line numbers.
func TestExcelSeparatorLine(t *testing.T) {
	doc := "sep=;\r\nid;title;price;currency\r\nXS-1;Scarf, wool;19,99;EUR\r\nXS-2;Hat;;EUR\r\n"
	if got := Detect([]byte(doc)); got != CSV {
		t.Fatalf("Detect = %q, want csv", got)
	}
	items, rows := readWith(t, doc, Options{})
	if len(items) != 1 || items[0].Title != "Scarf, wool" || items[0].RegularPrice != 1999 || items[0].Line != 3 {
		t.Fatalf("items %+v", items)
	}
	if len(rows) != 1 || rows[0].Line != 4 || rows[0].Item != "XS-2" {
		t.Fatalf("rows %+v", rows)
	}
	tsv := "SEP=\t\nid\ttitle\tprice\nA\tTee\t10.00 USD\n"
	if got := Detect([]byte(tsv)); got != GMCTSV {
		t.Errorf("Detect(tab) = %q, want gmc-tsv", got)
	}
	if items, _ := readWith(t, tsv, Options{}); len(items) != 1 || !strings.EqualFold(items[0].Currency, "USD") {
		t.Errorf("tab items %+v", items)
	}
}

// TestExcelSeparatorLineThenBlank: a "sep=;" line followed by a blank line is still detected.
func TestExcelSeparatorLineThenBlank(t *testing.T) {
	doc := "sep=;\r\n\r\nid;title;price;currency\r\nXS-1;Scarf, wool;19,99;EUR\r\n"
	if got := Detect([]byte(doc)); got != CSV {
		t.Fatalf("Detect = %q, want csv", got)
	}
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].Title != "Scarf, wool" || items[0].Line != 4 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}

// TestExcelSeparatorLineQuoted: a quoted "sep=;" line, as CSV writers quote a cell holding the
// separator, is recognised too, and dropped before the header.
func TestExcelSeparatorLineQuoted(t *testing.T) {
	doc := "\"sep=;\"\r\nid;title;price;currency\r\nXS-1;Scarf, wool;19,99;EUR\r\n"
	if got := Detect([]byte(doc)); got != CSV {
		t.Fatalf("Detect = %q, want csv", got)
	}
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].Title != "Scarf, wool" || items[0].RegularPrice != 1999 || items[0].Line != 3 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	for _, s := range []string{"\"sep=;\n", "sep=;\"\n", "\"sep=x\"\n", "\"sep=;;\"\n"} {
		if sep, _ := excelSeparator([]byte(s)); sep != 0 {
			t.Errorf("excelSeparator(%q) = %q, want none", s, sep)
		}
	}
}
