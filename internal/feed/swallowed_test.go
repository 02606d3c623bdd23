package feed

import (
	"testing"
)

// TestTSVStrayQuoteDoesNotSwallowRows: a TSV title that starts with a quote it closes inside
// the cell is read as written, quotes and all, and the rows after it are read, properly quoted
// cells (one holding the separator, one over two lines) included.
func TestTSVStrayQuoteDoesNotSwallowRows(t *testing.T) {
	doc := "id\ttitle\tprice\n" +
		"Q-1\t\"Best\" sneaker\t10.00 USD\n" +
		"Q-2\tBoot\t20.00 USD\n" +
		"Q-3\t\"Quoted\tfine\"\t30.00 USD\n" +
		"Q-4\t\"Two\nlines\"\t40.00 USD\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 4 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	want := []struct {
		title string
		line  int
	}{{`"Best" sneaker`, 2}, {"Boot", 3}, {"Quoted\tfine", 4}, {"Two\nlines", 5}}
	for i, w := range want {
		if items[i].Title != w.title || items[i].Line != w.line {
			t.Errorf("item %d = %q at line %d, want %q at %d", i, items[i].Title, items[i].Line, w.title, w.line)
		}
	}
}

// TestPipeQuotedCellWithSeparatorAndLineBreak: a correctly quoted cell holding the separator
// and line breaks, with a line after a break holding as many separators as a row, is a cell,
// not swallowed rows.
func TestPipeQuotedCellWithSeparatorAndLineBreak(t *testing.T) {
	const desc = "Sizes: S | M | L\nAlso | XL | XXL | 3XL\nMachine wash"
	doc := "id|title|price|description\n1|Tee|10.00 EUR|\"" + desc + "\"\n2|Cap|5.00 EUR|plain\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].Description != desc {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}

// TestPipeQuotedCellLineLikeARow: the second review's input, a properly quoted cell whose
// second line has a row's separators, is read as a cell.
func TestPipeQuotedCellLineLikeARow(t *testing.T) {
	doc := "id|title|price|description\n1|Tee|10.00 EUR|\"Sizes:\nS | M | L | XL\"\n2|Tee|10.00 EUR|x\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].Description != "Sizes:\nS | M | L | XL" || items[1].ID != "2" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}

// TestStrayQuoteInLastColumn: a stray quote at the start of the last column does not take
// the rows after it; the lines of the items stay the file's.
func TestStrayQuoteInLastColumn(t *testing.T) {
	doc := "id|title|price|description\n" +
		"1|Tee|10.00 EUR|\"Best\" cotton\n" +
		"2|Cap|5.00 EUR|plain\n" +
		"3|Hat|7.00 EUR|\"Wool\"\n" +
		"4|Bag|9.00 EUR|plain\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 4 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if items[0].Description != `"Best" cotton` || items[2].Description != "Wool" || items[3].ID != "4" || items[3].Line != 5 {
		t.Fatalf("items %+v", items)
	}
}

// TestRakutenHDREmptyMID: a first line "HDR||…" is not taken for Rakuten's header record.
func TestRakutenHDREmptyMID(t *testing.T) {
	if isRakutenHDR([]string{"HDR", "", "Soie Boutique", "11/27/2026 03:00:00"}) {
		t.Error("an empty second field was accepted")
	}
	if !isRakutenHDR([]string{"HDR", "12345", "Soie Boutique", "11/27/2026 03:00:00"}) {
		t.Error("a real HDR record was refused")
	}
}
