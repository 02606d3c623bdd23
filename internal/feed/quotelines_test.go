package feed

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// titles lists the items' ids and titles as "id=title" for comparing.
func titles(items []Item) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(it.ID + "=" + it.Title + ";")
	}
	return b.String()
}

// TestStrayQuoteKeepsFollowingRows: a cell that starts with a quote and goes on after closing it
// (`"Best" seller tee`) is read as written, and every row after it is read, in comma,
// semicolon and tab feeds, with LF or CRLF line breaks.
func TestStrayQuoteKeepsFollowingRows(t *testing.T) {
	rows := []string{"id,title,price,currency", `C1,Plain Tee,25.00,USD`, `C2,"Best" seller tee,25.00,USD`,
		`C3,The 5" Short,45.00,USD`, `C4,After,55.00,USD`, `C5,Last "quoted" word,65.00,USD`}
	want := `C1=Plain Tee;C2="Best" seller tee;C3=The 5" Short;C4=After;C5=Last "quoted" word;`
	for _, sep := range []string{",", ";", "\t"} {
		for _, eol := range []string{"\n", "\r\n"} {
			doc := strings.ReplaceAll(strings.Join(rows, eol)+eol, ",", sep)
			items, errs := readWith(t, doc, Options{})
			if len(errs) != 0 || titles(items) != want || items[4].Line != 6 {
				t.Errorf("sep %q eol %q: items %s rows %+v", sep, eol, titles(items), errs)
			}
		}
	}
}

// TestUnclosedQuoteKeepsFollowingRows: a quote that never closes does not take the rows after
// it; a line after it that is not a row is rejected naming its line.
func TestUnclosedQuoteKeepsFollowingRows(t *testing.T) {
	doc := "id,title,price,currency\n" +
		"U1,\"Unclosed title,25.00,USD\n" +
		"garbage line\n" +
		"U2,Cap,5.00,USD\n" +
		"U3,\"Hat, wool\",7.00,USD\n" +
		"U4,\"Last unclosed,9.00,USD\n"
	items, rows := readWith(t, doc, Options{})
	if titles(items) != `U1="Unclosed title;U2=Cap;U3=Hat, wool;U4="Last unclosed;` || items[1].Line != 4 {
		t.Fatalf("items %s", titles(items))
	}
	if len(rows) != 1 || rows[0].Line != 3 {
		t.Fatalf("rows %+v", rows)
	}
}

// TestQuotedMultiLineCellsKept: quoted cells over several lines are cells, a stray quote
// inside one included, when no line in them is a row. A cell that starts and ends with a quote
// is a quoted cell whatever quotes it holds (`"Best" seller "tee"` reads Best" seller "tee, as
// encoding/csv reads it): HTML in quotes is far commoner than a title quoting two words.
func TestQuotedMultiLineCellsKept(t *testing.T) {
	doc := "id,title,price,description\n" +
		"1,Tee,10.00 EUR,\"Soft \"cotton\" tee\nMachine wash\"\n" +
		"2,Cap,5.00 EUR,\"Sizes: S, M\nL, XL\"\n" +
		"3,\"Best\" seller \"tee\",7.00 EUR,plain\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 3 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if items[0].Description != "Soft \"cotton\" tee\nMachine wash" || items[1].Description != "Sizes: S, M\nL, XL" ||
		items[1].Line != 4 || items[2].Title != `Best" seller "tee` || items[2].Line != 6 {
		t.Fatalf("items %+v", items)
	}
}

// TestLiteralCells: how a line is split when read on its own.
func TestLiteralCells(t *testing.T) {
	tests := []struct {
		line  string
		n     int
		stray bool
	}{
		{`a,b,c`, 3, false}, {`a,"b,c",d`, 3, false}, {`a,"b" c,d`, 3, true}, {`a,"b ""q"" c",d`, 3, false},
		{`a,"open,d`, 3, true}, {``, 1, false}, {`a,`, 2, false}, {`"x"`, 1, false},
	}
	for _, tt := range tests {
		if n, stray := literalCells([]byte(tt.line), ','); n != tt.n || stray != tt.stray {
			t.Errorf("literalCells(%q) = %d %v, want %d %v", tt.line, n, stray, tt.n, tt.stray)
		}
	}
	if got := string(rewriteStray(nil, []byte("a,\"b\" c,\"d,e\"\r\n"), ',')); got != "a,\"\"\"b\"\" c\",\"d,e\"\r\n" {
		t.Errorf("rewriteStray = %q", got)
	}
}

// TestQuoteLinesPassesValidCSV: what encoding/csv's writer writes, quotes, separators and line
// breaks in cells and all, passes quoteLines unchanged.
func TestQuoteLinesPassesValidCSV(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"a", "Best", `"`, `""`, ",", ";", "\t", "|", "\n", "\r\n", " ", "5\" inch", "é"}
	for _, comma := range []rune{',', ';', '\t', '|'} {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Comma = comma
		w.UseCRLF = comma == ';'
		for row := 0; row < 300; row++ {
			rec := make([]string, 4)
			for i := range rec {
				for n := rng.IntN(4); n > 0; n-- {
					rec[i] += parts[rng.IntN(len(parts))]
				}
			}
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		got, err := io.ReadAll(newQuoteLines(bufio.NewReader(bytes.NewReader(b.Bytes())), comma, 1<<20, false))
		if err != nil || !bytes.Equal(got, b.Bytes()) {
			t.Errorf("comma %q: changed (%v)", comma, err)
		}
	}
}

// TestQuotedCellsWithBareQuotes: exports that wrap whole cells in quotes without doubling the
// quotes inside (HTML attributes, quoted speech), on one line or over several whose second
// holds commas enough for a row, read as encoding/csv reads them leniently.
func TestQuotedCellsWithBareQuotes(t *testing.T) {
	doc := "id,title,description,price\n" +
		"1,\"<b class=\"x\">Tee</b>\",\"<p class=\"desc\">Soft tee</p>\",10.00 EUR\n" +
		"2,\"He said \"hi\" loudly\",ok,10.00 EUR\n" +
		"3,Coat,\"<p class=\"intro\">Warm wool coat.</p>\n<p>Details: wool, lined, two pockets, belt</p>\",99.00 EUR\n" +
		"4,Scarf,plain,19.00 EUR\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || titles(items) != `1=<b class="x">Tee</b>;2=He said "hi" loudly;3=Coat;4=Scarf;` {
		t.Fatalf("items %s rows %+v", titles(items), rows)
	}
	if items[0].Description != `<p class="desc">Soft tee</p>` || !strings.HasPrefix(items[2].Description, `<p class="intro">`) {
		t.Fatalf("descriptions %q, %q", items[0].Description, items[2].Description)
	}
}
