package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
)

// readAllWith is readAll with options.
// readFileWith is readAllWith on the file at path.
func readFileWith(t *testing.T, path string, opts Options) (items []Item, rows []RowError, format string, err error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readAllWith(t, f, opts)
}

func readAllWith(t *testing.T, src io.Reader, opts Options) (items []Item, rows []RowError, format string, err error) {
	t.Helper()
	r, format, err := OpenWith(src, opts)
	if err != nil {
		return nil, nil, format, err
	}
	items, rows, err = drain(r)
	return items, rows, format, err
}

// rowWant is an expected row error.
type rowWant struct {
	line   int
	item   string
	reason string
}

func checkRows(t *testing.T, rows []RowError, want []rowWant) {
	t.Helper()
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

func TestReadAwinCSV(t *testing.T) {
	items, rows, format, err := readAll(t, openFixture(t, "awin.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if format != CSV {
		t.Fatalf("format = %q, want csv", format)
	}
	checkRows(t, rows, []rowWant{
		{line: 7, item: "30110924002", reason: `missing price (column "search_price" is empty)`},
		{line: 8, item: "30110924003", reason: `"ask in store"`},
	})
	if len(items) != 4 {
		t.Fatalf("%d items, want 4: %+v", len(items), items)
	}
	boots := items[0]
	want := Item{Line: 2, ID: "30110923861", Title: "Ganni Leather Ankle Boots",
		Description: "Square-toe ankle boots in black calf leather.\nStacked 5 cm heel, \"almond\" lining.",
		Link:        "https://www.awin1.com/pclick.php?p=30110923861&a=123&m=4411",
		ImageLink:   "https://img.example.co.uk/ml-1001.jpg", Brand: "Ganni", GTIN: "5715224112345", MPN: "S2174",
		Price: "285.00", SalePrice: "199.00", Availability: "in stock", ProductType: "Women > Shoes > Boots",
		Color: "Black", Size: "38", Gender: "Womens", ItemGroupID: "ML-1001",
		Currency: "GBP", RegularPrice: 28500, SaleAmount: 19900}
	if !reflect.DeepEqual(boots, want) {
		t.Fatalf("boots =\n%+v\nwant\n%+v", boots, want)
	}
	if items[1].Line != 4 || items[1].Availability != "out of stock" || items[1].Size != "39" {
		t.Fatalf("second boots (after a two-line description) = %+v", items[1])
	}
	coat := items[2]
	if coat.RegularPrice != 129900 || coat.SaleAmount != 0 || coat.Brand != "Totême" || coat.ImageLink != "https://img.example.co.uk/tt-2201.jpg" {
		t.Fatalf("coat (rrp 0.00 is no rrp) = %+v", coat)
	}
	jeans := items[3]
	if jeans.Line != 10 || jeans.Description != `Straight-leg jeans, 12" rise` || jeans.SaleAmount != 0 ||
		jeans.Availability != "in stock" || jeans.RegularPrice != 31000 {
		t.Fatalf("jeans (after a blank row) = %+v", jeans)
	}
}

func TestReadAffiliateExports(t *testing.T) {
	tests := []struct {
		name, file string
		currency   string
		items      []Item // the fields checked: ID, Title, Link, Brand, Size, Color, Availability, prices
		rows       []rowWant
	}{
		{name: "CJ, quoted, embedded newline", file: "cj.csv", items: []Item{
			{Line: 2, ID: "NS-77-S", Title: "Acne Studios Face Patch Beanie", Brand: "Acne Studios", Size: "S", Color: "Pink",
				Availability: "in stock", Currency: "USD", RegularPrice: 12000, SaleAmount: 8400,
				Link: "https://www.anrdoezrs.net/click-100-200?url=https%3A%2F%2Fnordstil.example.com%2Fbeanie-77"},
			{Line: 3, ID: "NS-77-M", Title: "Acne Studios Face Patch Beanie", Brand: "Acne Studios", Size: "M", Color: "Pink",
				Availability: "out of stock", Currency: "USD", RegularPrice: 12000,
				Link: "https://www.anrdoezrs.net/click-100-200?url=https%3A%2F%2Fnordstil.example.com%2Fbeanie-77"},
			{Line: 4, ID: "NS-80", Title: "Our Legacy Box Shirt", Brand: "Our Legacy", Size: "48", Color: "White",
				Availability: "preorder", Currency: "USD", RegularPrice: 24500,
				Link: "https://www.anrdoezrs.net/click-100-200?url=https%3A%2F%2Fnordstil.example.com%2Fshirt-80"},
		}, rows: []rowWant{{line: 6, item: "NS-81", reason: "sale_price currency EUR differs from price currency USD"}}},
		{name: "Rakuten, pipes, decimal commas", file: "rakuten.txt", items: []Item{
			{Line: 2, ID: "55102", Title: "Nanushka Vinni Shirt Dress", Brand: "Nanushka", Availability: "in-stock",
				Currency: "EUR", RegularPrice: 129900, SaleAmount: 103920, Link: "https://click.linksynergy.com/link?id=abc&offerid=55102"},
			{Line: 3, ID: "55103", Title: "Nanushka Vinni Shirt Dress", Brand: "Nanushka", Availability: "in-stock",
				Currency: "EUR", RegularPrice: 129900, Link: "https://click.linksynergy.com/link?id=abc&offerid=55103"},
			{Line: 4, ID: "55104", Title: "Jil Sander Tote", Availability: "out-of-stock", Currency: "EUR", RegularPrice: 8990,
				Link: "https://shop.example.de/js-t"},
		}},
		{name: "Impact, semicolons, CRLF, was-price", file: "impact.csv", items: []Item{
			{Line: 2, ID: "IM-1", Title: "Sandro Tweed Jacket", Brand: "Sandro", Size: "38", Color: "Ecru", Availability: "InStock",
				Currency: "EUR", RegularPrice: 35000, SaleAmount: 24550, Link: "https://sandro.example.fr/im-1"},
			{Line: 3, ID: "IM-2", Title: "Maje Knit Cardigan", Brand: "Maje", Size: "2", Color: "Navy", Availability: "OutOfStock",
				Currency: "EUR", RegularPrice: 19500, Link: "https://sandro.example.fr/im-2"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows, format, err := readAll(t, openFixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if format != CSV {
				t.Fatalf("format = %q", format)
			}
			checkRows(t, rows, tt.rows)
			if len(items) != len(tt.items) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(tt.items), items)
			}
			for i, w := range tt.items {
				g := items[i]
				got := Item{Line: g.Line, ID: g.ID, Title: g.Title, Brand: g.Brand, Size: g.Size, Color: g.Color,
					Availability: g.Availability, Currency: g.Currency, RegularPrice: g.RegularPrice, SaleAmount: g.SaleAmount, Link: g.Link}
				if !reflect.DeepEqual(got, w) {
					t.Errorf("item %d =\n%+v\nwant\n%+v", i, got, w)
				}
			}
		})
	}
}

func TestReadGMCTSV(t *testing.T) {
	items, rows, format, err := readAll(t, openFixture(t, "gmc.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if format != GMCTSV {
		t.Fatalf("format = %q, want gmc-tsv", format)
	}
	checkRows(t, rows, []rowWant{{line: 5, item: "HL-TEE", reason: `"thirty"`}})
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	h := items[0]
	if h.ID != "HL-HOOD-S" || h.Description != "Brushed-back fleece hoodie.\tBoxy fit." || h.ImageLink != "https://cdn.example.com/hoodie.jpg" ||
		!reflect.DeepEqual(h.AdditionalImageLinks, []string{"https://cdn.example.com/hoodie-b.jpg", "https://cdn.example.com/hoodie-c.jpg"}) ||
		h.RegularPrice != 7500 || h.SaleAmount != 5250 || h.SaleWindow.From.IsZero() || h.SizeSystem != "US" || h.AgeGroup != "adult" ||
		h.ItemGroupID != "HL-HOOD" || h.GoogleProductCategory != "Apparel & Accessories > Clothing > Activewear" {
		t.Fatalf("hoodie = %+v", h)
	}
	if cap := items[2]; cap.Title != `Hardlife 6" Cap` || cap.RegularPrice != 3000 || cap.Line != 4 {
		t.Fatalf("cap (short row, bare quote) = %+v", cap)
	}
}

func TestColumnMap(t *testing.T) {
	const feed = "SKU;Artikel;Preis;Marke;Farbe;Link\nA1;Rock;\"49,95\";Ganni;Schwarz;https://x.example/a1\n"
	tests := []struct {
		name    string
		colMap  map[string]string
		want    Item
		wantErr string
	}{
		{name: "map names every column", colMap: map[string]string{"id": "SKU", "title": "Artikel", "price": "Preis",
			"brand": "Marke", "color": "Farbe"},
			want: Item{ID: "A1", Title: "Rock", Brand: "Ganni", Color: "Schwarz", Link: "https://x.example/a1", Currency: "EUR", RegularPrice: 4995}},
		{name: "headers match loosely", colMap: map[string]string{"title": " artikel ", "price": "PREIS"},
			want: Item{ID: "A1", Title: "Rock", Brand: "Ganni", Color: "Schwarz", Link: "https://x.example/a1", Currency: "EUR", RegularPrice: 4995}}, // "Marke" and "Farbe" are brand and colour columns by default
		{name: "empty header turns a field off", colMap: map[string]string{"title": "Artikel", "price": "Preis", "link": "", "brand": ""},
			want: Item{ID: "A1", Title: "Rock", Color: "Schwarz", Currency: "EUR", RegularPrice: 4995}},
		{name: "unknown field", colMap: map[string]string{"titel": "Artikel"}, wantErr: `column map key "titel" is not a tagdrop field`},
		{name: "missing column", colMap: map[string]string{"title": "Artikel", "price": "Verkaufspreis"},
			wantErr: `price → "Verkaufspreis": no such column in the header (columns: "SKU", "Artikel", "Preis"`},
		{name: "no title column without a map", colMap: nil, wantErr: `no column holds title`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows, _, err := readAllWith(t, strings.NewReader(feed), Options{ColumnMap: tt.colMap, Currency: "EUR"})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(rows) > 0 || len(items) != 1 {
				t.Fatalf("err %v, rows %v, items %v", err, rows, items)
			}
			got := items[0]
			got.Line = 0
			if !reflect.DeepEqual(got, Item{ID: tt.want.ID, Title: tt.want.Title, Brand: tt.want.Brand, Color: tt.want.Color,
				Link: tt.want.Link, Price: "49,95", Currency: tt.want.Currency, RegularPrice: tt.want.RegularPrice}) {
				t.Fatalf("item = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParsePriceIsSwappable(t *testing.T) {
	calls := 0
	parse := func(s, def string) (int64, string, error) {
		calls++
		if s == "£12" {
			return 1200, "GBP", nil
		}
		return 0, "", fmt.Errorf("price %q: not understood", s)
	}
	items, rows, _, err := readAllWith(t, strings.NewReader("id,title,price\n1,Cap,£12\n2,Hat,twelve\n"), Options{ParsePrice: parse})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].RegularPrice != 1200 || items[0].Currency != "GBP" || calls != 2 {
		t.Fatalf("items %+v after %d calls", items, calls)
	}
	checkRows(t, rows, []rowWant{{line: 3, item: "2", reason: "not understood"}})
}

func TestCurrencyFallbacks(t *testing.T) {
	tests := []struct {
		name, feed, currency string
		wantCurrency         string
		wantReason           string
	}{
		{name: "price says its currency", feed: "id,title,price\n1,Cap,12.00 SEK\n", currency: "EUR", wantCurrency: "SEK"},
		{name: "currency column beats the option", feed: "id,title,price,currency\n1,Cap,12.00,nok\n", currency: "EUR", wantCurrency: "NOK"},
		{name: "option when nothing else", feed: "id,title,price\n1,Cap,12.00\n", currency: "EUR", wantCurrency: "EUR"},
		{name: "currency sign", feed: "id,title,price\n1,Cap,£12.00\n", wantCurrency: "GBP"},
		{name: "ambiguous sign picked by the option", feed: "id,title,price\n1,Cap,$12.00\n", currency: "CAD", wantCurrency: "CAD"},
		{name: "no currency anywhere", feed: "id,title,price\n1,Cap,12.00\n", wantReason: `price "12.00" names no currency`},
		{name: "ambiguous sign alone", feed: "id,title,price\n1,Cap,kr 12.00\n", wantReason: `price "kr 12.00"`},
		{name: "range", feed: "id,title,price\n1,Cap,\"12.00 - 15.00 EUR\"\n", wantReason: "is a range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows, _, err := readAllWith(t, strings.NewReader(tt.feed), Options{Currency: tt.currency})
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantReason != "" {
				checkRows(t, rows, []rowWant{{line: 2, item: "1", reason: tt.wantReason}})
				return
			}
			if len(items) != 1 || items[0].Currency != tt.wantCurrency || items[0].RegularPrice != 1200 {
				t.Fatalf("items %+v rows %+v, want 12.00 %s", items, rows, tt.wantCurrency)
			}
		})
	}
}

func TestCSVEncodings(t *testing.T) {
	utf16 := func(s string, bigEndian bool) []byte {
		var b bytes.Buffer
		if bigEndian {
			b.Write(bomUTF16BE)
		} else {
			b.Write(bomUTF16LE)
		}
		for _, r := range s { // the test strings are all in the Basic Multilingual Plane
			if bigEndian {
				b.Write([]byte{byte(r >> 8), byte(r)})
			} else {
				b.Write([]byte{byte(r), byte(r >> 8)})
			}
		}
		return b.Bytes()
	}
	const text = "id\ttitle\tprice\tbrand\nC1\tSandale – München\t59.00 EUR\tSee by Chloé\n"
	tests := []struct {
		name  string
		input []byte
	}{
		{name: "utf-8", input: []byte(text)},
		{name: "utf-8 with bom", input: append(append([]byte(nil), bomUTF8...), text...)},
		{name: "utf-16le with bom", input: utf16(text, false)},
		{name: "utf-16be with bom", input: utf16(text, true)},
		{name: "windows-1252", input: []byte("id\ttitle\tprice\tbrand\nC1\tSandale \x96 M\xfcnchen\t59.00 EUR\tSee by Chlo\xe9\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows, format, err := readAll(t, bytes.NewReader(tt.input))
			if err != nil || len(rows) > 0 || len(items) != 1 {
				t.Fatalf("err %v, rows %v, %d items", err, rows, len(items))
			}
			if format != GMCTSV || items[0].Title != "Sandale – München" || items[0].Brand != "See by Chloé" {
				t.Fatalf("format %q, item %+v", format, items[0])
			}
		})
	}
}

func TestInvalidUTF8RowIsRejected(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title,price\n")
	for i := 0; b.Len() < 70<<10; i++ { // past the 64 KiB that decide the encoding
		fmt.Fprintf(&b, "OK-%d,Plain title,10.00 EUR\n", i)
	}
	good := strings.Count(b.String(), "\n") - 1
	b.WriteString("BAD,Chlo\xe9 bag,10.00 EUR\n")
	b.WriteString("LAST,Last,10.00 EUR\n")
	items, rows, _, err := readAll(t, strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != good+1 || items[len(items)-1].ID != "LAST" {
		t.Fatalf("%d items, want %d ending with LAST", len(items), good+1)
	}
	checkRows(t, rows, []rowWant{{line: good + 2, item: "BAD", reason: `column "title" is not valid UTF-8`}})
}

// endless is an input of n bytes of filler, generated as it is read.
type endless struct {
	n    int
	fill byte
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n == 0 {
		return 0, io.EOF
	}
	if len(p) > e.n {
		p = p[:e.n]
	}
	for i := range p {
		p[i] = e.fill
	}
	e.n -= len(p)
	return len(p), nil
}

func TestGiantRowsAreRejectedInBoundedMemory(t *testing.T) {
	tests := []struct {
		name   string
		middle io.Reader // what comes after "GIANT," on line 3
		item   string
	}{
		{name: "a 64 MiB line", middle: &endless{n: 64 << 20, fill: 'x'}, item: "GIANT"},
		{name: "a quote that never closes", middle: io.MultiReader(strings.NewReader(`"`),
			strings.NewReader(strings.Repeat("an endless description\n", 60_000))), item: "GIANT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := io.MultiReader(strings.NewReader("id,title,price\nA,First,10.00 EUR\nGIANT,"), tt.middle,
				strings.NewReader("\nB,Second,20.00 EUR\n"))
			r, _, err := OpenWith(src, Options{MaxRecordBytes: 1 << 20})
			if err != nil {
				t.Fatal(err)
			}
			var items []Item
			var rows []RowError
			total := allocated(func() {
				for {
					it, err := r.Next()
					if err == io.EOF {
						return
					}
					var row *RowError
					if errors.As(err, &row) {
						rows = append(rows, *row)
						continue
					}
					if err != nil {
						t.Fatal(err)
					}
					items = append(items, it)
				}
			})
			if len(items) != 2 || items[0].ID != "A" || items[1].ID != "B" {
				t.Fatalf("items = %+v, want A and B around the giant", items)
			}
			if len(rows) == 0 || rows[0].Line != 3 || rows[0].Item != tt.item || !strings.Contains(rows[0].Reason, "longer than 1048576 bytes") {
				t.Fatalf("row errors = %+v, want the giant at line 3 first", rows)
			}
			if total > 32<<20 {
				t.Fatalf("reading past a giant row allocated %d MiB, want it bounded near the 1 MiB record limit", total>>20)
			}
		})
	}
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		name, line string
		want       rune
	}{
		{name: "comma", line: "id,title,price", want: ','},
		{name: "semicolon", line: "id;title;price", want: ';'},
		{name: "tab", line: "id\ttitle\tprice", want: '\t'},
		{name: "pipe", line: "id|title|price", want: '|'},
		{name: "commas inside quotes do not count", line: `"a, b, c";"d";"e"`, want: ';'},
		{name: "tie prefers tab", line: "a,b\tc", want: '\t'},
		{name: "none", line: "title", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDelimiter([]byte(tt.line)); got != tt.want {
				t.Fatalf("sniffDelimiter(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestCSVGzip(t *testing.T) {
	items, rows, format, err := readAll(t, gzipped(t, "cj.csv"))
	if err != nil || format != CSV || len(items) != 3 || len(rows) != 1 {
		t.Fatalf("gzipped CJ: err %v, format %q, %d items, %d rows", err, format, len(items), len(rows))
	}
}
