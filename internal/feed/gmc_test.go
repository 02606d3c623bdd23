package feed

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// readAll reads a whole feed, splitting good items from row errors; err is the error that ended
// the feed, nil for a clean EOF.
func readAll(t *testing.T, src io.Reader) (items []Item, rows []RowError, format string, err error) {
	t.Helper()
	r, format, err := Open(src, "auto")
	if err != nil {
		return nil, nil, "", err
	}
	items, rows, err = drain(r)
	return items, rows, format, err
}

// drain reads r to its end, splitting good items from row errors; err is the error that ended
// it, nil for a clean EOF.
func drain(r Reader) (items []Item, rows []RowError, err error) {
	for {
		it, err := r.Next()
		if err == io.EOF {
			return items, rows, nil
		}
		var row *RowError
		if errors.As(err, &row) {
			rows = append(rows, *row)
			continue
		}
		if err != nil {
			return items, rows, err
		}
		items = append(items, it)
	}
}

func openFixture(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func gzipped(t *testing.T, name string) io.Reader {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	return &buf
}

func TestReadRSS(t *testing.T) {
	for _, tt := range []struct {
		name string
		src  func(t *testing.T) io.Reader
	}{
		{name: "plain", src: func(t *testing.T) io.Reader { return openFixture(t, "rss.xml") }},
		{name: "gzip", src: func(t *testing.T) io.Reader { return gzipped(t, "rss.xml") }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			items, rows, format, err := readAll(t, tt.src(t))
			if err != nil || len(rows) > 0 {
				t.Fatalf("err = %v, row errors = %v", err, rows)
			}
			if format != GMCXML || len(items) != 3 {
				t.Fatalf("format %q, %d items, want gmc-xml and 3", format, len(items))
			}
			boots := items[0]
			want := Item{Line: 7, ID: "ML-1001-38", Title: "Ganni Leather Ankle Boots",
				Description: "<p>Square-toe ankle boots in <b>black</b> calf leather.</p>",
				Link:        "https://shop.example.com/p/ganni-ankle-boots?size=38", ImageLink: "https://cdn.example.com/ml-1001.jpg",
				Brand: "Ganni", GTIN: "5715224112345", MPN: "S2174", Price: "1,299.00 EUR", SalePrice: "899.00 EUR",
				Availability: "in stock", GoogleProductCategory: "Apparel & Accessories > Shoes", ProductType: "Women > Shoes > Boots",
				Color: "Black", Size: "38", SizeType: "regular", SizeSystem: "EU", Gender: "female", AgeGroup: "adult",
				Material: "Leather", Pattern: "Solid", ItemGroupID: "ML-1001", Condition: "new",
				Currency: "EUR", RegularPrice: 129900, SaleAmount: 89900}
			if len(boots.AdditionalImageLinks) != 2 || boots.AdditionalImageLinks[1] != "https://cdn.example.com/ml-1001-c.jpg" {
				t.Fatalf("additional images = %v", boots.AdditionalImageLinks)
			}
			boots.AdditionalImageLinks = nil
			if !reflect.DeepEqual(boots, want) {
				t.Fatalf("item 1 =\n%+v\nwant\n%+v", boots, want)
			}
			if got := boots.PriceAt(time.Now()); got != 89900 {
				t.Fatalf("boots price now = %d, want the sale price 89900 (no window)", got)
			}

			coat := items[1]
			if coat.Title != "Totême Wool Coat" || coat.Description != "Double-faced wool coat\u00a0with a shawl collar." {
				t.Fatalf("coat title/description = %q / %q", coat.Title, coat.Description)
			}
			if coat.Link != "/p/toteme-wool-coat" || coat.ImageLink != "/static/demo/toteme-coat.svg" {
				t.Fatalf("root-relative links must be kept as is: %q %q", coat.Link, coat.ImageLink)
			}
			if coat.ProductType != "Women > Coats" || coat.GoogleProductCategory != "5598" {
				t.Fatalf("coat categories = %q / %q", coat.ProductType, coat.GoogleProductCategory)
			}
			inSale := time.Date(2024, 11, 15, 12, 0, 0, 0, time.UTC)
			after := time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)
			if got := coat.PriceAt(inSale); got != 48300 {
				t.Fatalf("coat price inside window = %d, want 48300", got)
			}
			if got := coat.PriceAt(after); got != 69000 {
				t.Fatalf("coat price after window = %d, want 69000", got)
			}
			if bag := items[2]; bag.RegularPrice != 45000 || bag.SaleAmount != 0 || bag.Line != 58 {
				t.Fatalf("bag = %+v", bag)
			}
		})
	}
}

func TestReadAtom(t *testing.T) {
	items, rows, format, err := readAll(t, openFixture(t, "atom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if format != GMCXML || len(items) != 3 {
		t.Fatalf("format %q, %d items, want gmc-xml and 3", format, len(items))
	}
	beanie := items[0]
	if beanie.ID != "NS-77-S" || beanie.Title != "Acne Studios Face Patch Beanie" ||
		beanie.Link != "https://nordstil.example.com/beanie-77" || beanie.Description != "Rib-knit wool beanie with the face patch." ||
		beanie.Currency != "SEK" || beanie.RegularPrice != 12000 || beanie.SaleAmount != 8400 {
		t.Fatalf("beanie = %+v", beanie)
	}
	// A space-grouped amount with a code ("1 450.00 SEK") is read.
	if items[1].ID != "NS-78" || items[1].Line != 19 || items[1].RegularPrice != 145000 || items[1].Currency != "SEK" {
		t.Fatalf("scarf = %+v", items[1])
	}
	if items[2].ID != "NS-79" || items[2].Availability != "out of stock" {
		t.Fatalf("mittens = %+v", items[2])
	}
	if len(rows) != 0 {
		t.Fatalf("row errors = %+v, want none", rows)
	}
}

func TestReadDeclaredEncodings(t *testing.T) {
	tests := []struct {
		file, title, brand string
	}{
		{file: "windows-1252.xml", title: "See by Chloé Sandale – München", brand: "See by Chloé"},
		{file: "iso-8859-1.xml", title: "Pull en laine à col roulé"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			items, rows, _, err := readAll(t, openFixture(t, tt.file))
			if err != nil || len(rows) > 0 || len(items) != 1 {
				t.Fatalf("err %v, rows %v, %d items", err, rows, len(items))
			}
			if items[0].Title != tt.title || items[0].Brand != tt.brand {
				t.Fatalf("title %q brand %q, want %q %q", items[0].Title, items[0].Brand, tt.title, tt.brand)
			}
		})
	}
}

func TestReadBrokenRows(t *testing.T) {
	items, rows, _, err := readAll(t, openFixture(t, "broken-rows.xml"))
	if err != nil {
		t.Fatal(err)
	}
	// A sale window that cannot be read costs the sale, not the item.
	if len(items) != 3 || items[0].ID != "OK-1" || items[1].ID != "BAD-WINDOW" || items[2].ID != "OK-2" {
		t.Fatalf("good items = %+v, want OK-1, BAD-WINDOW and OK-2", items)
	}
	if w := items[1]; w.Line != 33 || w.RegularPrice != 1000 || w.SaleAmount != 0 || w.SalePrice != "" {
		t.Fatalf("BAD-WINDOW = %+v, want its regular price and no sale", w)
	}
	want := []struct {
		line   int
		item   string
		reason string
	}{
		{10, "", "missing id"},
		{14, "NO-TITLE", "missing title"},
		{18, "NO-PRICE", "missing price"},
		{22, "BAD-PRICE", `"ten euros"`},
		{27, "BAD-SALE", "sale_price currency USD differs from price currency EUR"},
	}
	if len(rows) != len(want) {
		t.Fatalf("row errors = %+v, want %d", rows, len(want))
	}
	for i, w := range want {
		r := rows[i]
		if r.Line != w.line || r.Item != w.item || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("row error %d = %+v, want line %d item %q reason containing %q", i, r, w.line, w.item, w.reason)
		}
	}
}

func TestReadSyntaxErrorKeepsEarlierItems(t *testing.T) {
	items, _, _, err := readAll(t, openFixture(t, "syntax-error.xml"))
	if err == nil || !strings.Contains(err.Error(), "line 18") {
		t.Fatalf("err = %v, want a syntax error naming line 18", err)
	}
	if len(items) != 2 || items[0].ID != "A" || items[1].ID != "B" {
		t.Fatalf("items before the error = %+v, want A and B", items)
	}
}

func TestOpenRejects(t *testing.T) {
	tests := []struct {
		name, input, format, want string
	}{
		{name: "empty", input: "", format: "auto", want: "empty"},
		{name: "html page", input: "<!DOCTYPE html><html><body>Gateway timeout</body></html>", format: "auto", want: "HTML page"},
		{name: "plain rss", input: `<rss version="2.0"><channel><item><title>x</title></item></channel></rss>`, format: "auto", want: "without Google Merchant"},
		{name: "plain text", input: "Service Unavailable\n", format: "auto", want: "starts"},
		{name: "unknown format name", input: "<rss/>", format: "html", want: `"html" is not supported`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Open(strings.NewReader(tt.input), tt.format)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Open error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	r, _, err := Open(strings.NewReader(`<html xmlns:g="http://base.google.com/ns/1.0"><p/></html>`), GMCXML)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err == nil || !strings.Contains(err.Error(), "root element is <html>") {
		t.Fatalf("forced gmc-xml on HTML: err = %v", err)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, peek, want string
	}{
		{name: "rss", peek: `<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">`, want: GMCXML},
		{name: "atom", peek: `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">`, want: GMCXML},
		{name: "bom", peek: "\xef\xbb\xbf<rss xmlns:g=\"http://base.google.com/ns/1.0\">", want: GMCXML},
		{name: "rss without g", peek: `<rss version="2.0"><channel>`, want: ""},
		{name: "tsv", peek: "id\ttitle\tprice\n", want: GMCTSV},
		{name: "empty", peek: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.peek)); got != tt.want {
				t.Fatalf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}
