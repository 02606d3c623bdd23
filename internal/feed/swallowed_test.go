package feed

import (
	"strings"
	"testing"
)

// TestTSVUnclosedQuoteSwallowsRows: a TSV title that starts with a quote it does not close as a
// field makes the lenient reader take the next rows into it; those rows are one row error
// naming the lines, not an item with a wrong title and another row's price.
func TestTSVUnclosedQuoteSwallowsRows(t *testing.T) {
	doc := "id\ttitle\tprice\n" +
		"Q-1\t\"Best\" sneaker\t10.00 USD\n" +
		"Q-2\tBoot\t20.00 USD\n" +
		"Q-3\t\"Quoted, fine\"\t30.00 USD\n" +
		"Q-4\t\"Two\nlines\"\t40.00 USD\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 1 || rows[0].Line != 2 || rows[0].Item != "Q-1" || !strings.Contains(rows[0].Reason, "lines 2-4") {
		t.Fatalf("rows %+v", rows)
	}
	if len(items) != 1 || items[0].ID != "Q-4" || items[0].Title != "Two\nlines" {
		t.Fatalf("items %+v", items)
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

// TestSwallowedLastColumnLineRange: when the last column swallows rows, the row error names
// the lines up to the one where that column ends.
func TestSwallowedLastColumnLineRange(t *testing.T) {
	doc := "id|title|price|description\n" +
		"1|Tee|10.00 EUR|\"Best\" cotton\n" +
		"2|Cap|5.00 EUR|plain\n" +
		"3|Hat|7.00 EUR|\"Wool\"\n" +
		"4|Bag|9.00 EUR|plain\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 1 || rows[0].Line != 2 || rows[0].Item != "1" || !strings.Contains(rows[0].Reason, "lines 2-4") {
		t.Fatalf("rows %+v", rows)
	}
	if len(items) != 1 || items[0].ID != "4" || items[0].Line != 5 {
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
