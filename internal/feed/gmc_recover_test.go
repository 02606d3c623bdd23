package feed

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestGMCBrokenItemSkipped: an item that is not well-formed XML is one row error, named by its
// line and id, and the items after it are read, by the fast reader and encoding/xml alike.
func TestGMCBrokenItemSkipped(t *testing.T) {
	good := func(id string) string {
		return "<item>\n<g:id>" + id + "</g:id>\n<g:title>Tee</g:title>\n<g:price>10.00 EUR</g:price>\n</item>\n"
	}
	tests := []struct{ name, bad, reason string }{
		{"bare ampersand", "<item>\n<g:id>B</g:id>\n<g:title>Marks & Spencer</g:title>\n<g:price>1 EUR</g:price>\n</item>\n", "line 10: invalid character entity"},
		{"control character", "<item>\n<g:id>B</g:id>\n<g:title>Pull\x01crème</g:title>\n<g:price>1 EUR</g:price>\n</item>\n", "line 10: illegal character code U+0001"},
		{"mistyped field end tag", "<item>\n<g:id>B</g:id>\n<g:title>Tee</g:titel>\n<g:price>1 EUR</g:price>\n</item>\n", "line 10: element <title> closed by </titel>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := gmcDoc(good("A") + tt.bad + good("C") + tt.bad + good("D"))
			fast, fastRows := readWith(t, doc, Options{})
			slow, slowRows := readSlow(t, doc)
			if !reflect.DeepEqual(fast, slow) || !reflect.DeepEqual(fastRows, slowRows) {
				t.Fatalf("fast %+v %+v\nslow %+v %+v", fast, fastRows, slow, slowRows)
			}
			if len(fast) != 3 || fast[0].ID != "A" || fast[1].ID != "C" || fast[2].ID != "D" || fast[2].Line != 23 {
				t.Fatalf("items %+v", fast)
			}
			if len(fastRows) != 2 || fastRows[0].Line != 8 || fastRows[0].Item != "B" || fastRows[1].Line != 18 ||
				!strings.Contains(fastRows[0].Reason, tt.reason) || !strings.Contains(fastRows[1].Reason, "line 20") {
				t.Fatalf("rows %+v", fastRows)
			}
		})
	}
}

// readSlow reads a whole feed with encoding/xml's reader alone.
func readSlow(t *testing.T, doc string) ([]Item, []RowError) {
	t.Helper()
	items, rows, err := drain(newGMCReader(strings.NewReader(doc)))
	if err != nil {
		t.Fatalf("feed ended: %v", err)
	}
	return items, rows
}

// readToEnd reads a whole feed opened by OpenWith, splitting good items from row errors, and
// returns the error that ended it (io.EOF for a feed read to its end).
func readToEnd(t *testing.T, doc string) ([]Item, []RowError, error) {
	t.Helper()
	r, _, err := OpenWith(strings.NewReader(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	items, rows, err := drain(r)
	if err == nil {
		err = io.EOF
	}
	return items, rows, err
}

// TestGMCBrokenItemsMemoryBounded: skipping thousands of broken items keeps one buffered reader
// (it once wrapped a new 64 KiB one around the last at every skip), and the feed is abandoned,
// with an error that says why, after maxBrokenItems of them.
func TestGMCBrokenItemsMemoryBounded(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "<item><g:id>B%d</g:id><g:title>M & S</g:title><g:price>1 EUR</g:price></item>\n", i)
		fmt.Fprintf(&b, "<item><g:id>G%d</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price></item>\n", i)
	}
	doc := gmcDoc(b.String())
	var before, now runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := newGMCReader(strings.NewReader(doc))
	var items, rows int
	var end error
	var peak int64 // the most heap in use, above before, at every 250th skip
	for end == nil {
		_, err := r.Next()
		var row *RowError
		switch {
		case errors.As(err, &row):
			if rows++; rows%250 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&now)
				peak = max(peak, int64(now.HeapInuse)-int64(before.HeapInuse))
			}
		case err != nil:
			end = err
		default:
			items++
		}
	}
	runtime.ReadMemStats(&now)
	runtime.KeepAlive(r)
	if peak > 16<<20 {
		t.Errorf("heap in use grew by %d MiB while skipping", peak>>20)
	}
	if alloc := now.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("%d MiB allocated reading a %d KiB feed", alloc>>20, len(doc)>>10)
	}
	if rows != maxBrokenItems || items != maxBrokenItems || end == io.EOF ||
		!strings.Contains(end.Error(), "abandoned") || !strings.Contains(end.Error(), "line 2003") {
		t.Fatalf("%d items, %d row errors, end %v", items, rows, end)
	}
}

// TestGMCBrokenItemAfterHugeItem: an item over maxSkip bytes does not stop the broken items
// after it from being skipped.
func TestGMCBrokenItemAfterHugeItem(t *testing.T) {
	huge := "<item><g:id>H</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price><g:description>" +
		strings.Repeat("x", maxSkip+1024) + "</g:description></item>\n"
	bad := "<item><g:id>B</g:id><g:title>M & S</g:title><g:price>1 EUR</g:price></item>\n"
	good := "<item><g:id>G</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price></item>\n"
	doc := gmcDoc(bad + huge + bad + good) // the first broken item hands the fast reader's work over
	items, rows, end := readToEnd(t, doc)
	if end != io.EOF || len(items) != 2 || items[1].ID != "G" || len(rows) != 2 || rows[1].Item != "B" {
		t.Fatalf("items %d, rows %+v, end %v", len(items), rows, end)
	}
	if items, rows := readSlow(t, doc); len(items) != 2 || len(rows) != 2 {
		t.Fatalf("encoding/xml reader: items %d, rows %+v", len(items), rows)
	}
}

// TestGMCBrokenItemNotSkipped: where an item's extent or the decoder's state is not certain,
// a broken item still ends the feed with an error.
func TestGMCBrokenItemNotSkipped(t *testing.T) {
	const g = `xmlns:g="http://base.google.com/ns/1.0"`
	good := "<item><g:id>A</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price></item>\n"
	bad := "<item><g:id>B</g:id><g:title>M & S</g:title><g:price>1 EUR</g:price></item>\n"
	tests := []struct{ name, doc string }{
		{"doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss>\n<rss " + g + "><channel>\n" + good + bad + good + "</channel></rss>\n"},
		{"declared encoding", "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss " + g + "><channel>\n" + good + bad + good + "</channel></rss>\n"},
		{"prefixed open element", "<rss " + g + "><x:channel xmlns:x=\"urn:x\">\n" + good + bad + good + "</x:channel></rss>\n"},
		{"xmlns on the item", gmcDoc(good + strings.Replace(bad, "<item>", `<item xmlns:h="urn:h">`, 1) + good)},
		{"mistyped end tag", gmcDoc(good + "<item><g:id>B</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price></itme>\n" + good + good)},
		{"truncated feed", gmcDoc(good)[:strings.Index(gmcDoc(good), "<item>")] + good + "<item><g:id>B</g:id><g:title>M & S</g:title>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows, end := readToEnd(t, tt.doc)
			if end == io.EOF || len(items) != 1 || len(rows) != 0 {
				t.Fatalf("items %+v, rows %+v, end %v", items, rows, end)
			}
		})
	}
}

// TestGMCBrokenItemHiddenEndTag: an "</item>" inside a comment or CDATA section of a broken item
// is not taken for its end tag (which made up an item from the comment's text): the feed ends
// there, as it did before skipping existed, and GHOST is never read.
func TestGMCBrokenItemHiddenEndTag(t *testing.T) {
	goodA := "<item>\n<g:id>A</g:id>\n<g:title>Tee</g:title>\n<g:price>1 EUR</g:price>\n</item>\n"
	goodC := "<item>\n<g:id>C</g:id>\n<g:title>Tee</g:title>\n<g:price>1 EUR</g:price>\n</item>\n"
	docs := map[string]string{
		"comment": gmcDoc(goodA + "<item>\n<g:id>X</g:id>\n<g:title>M & S</g:title>\n<g:price>1 EUR</g:price>\n" +
			"<!-- </item><item><g:id>GHOST</g:id><g:title>x</g:title><g:price>1 EUR</g:price></item> -->\n</item>\n" + goodC),
		"cdata": gmcDoc(goodA + "<item>\n<g:id>X</g:id>\n<g:title>M & S</g:title>\n<g:price>1 EUR</g:price>\n" +
			"<description>M & S <![CDATA[ see </item> ]]></description>\n</item>\n" + goodC),
		"cdata then ghost": gmcDoc(goodA + "<item>\n<g:id>X</g:id>\n<g:title>M & S</g:title>\n<g:price>1 EUR</g:price>\n" +
			"<description><![CDATA[ </item><item><g:id>GHOST</g:id><g:title>x</g:title><g:price>1 EUR</g:price></item> ]]></description>\n</item>\n" + goodC),
		"attribute": gmcDoc(goodA + "<item>\n<g:id>X</g:id>\n<g:title>Tee</g:title>\n<g:price>1 EUR</g:price>\n" +
			"<g:link x=\"</item><item><g:id>GHOST</g:id><g:title>x</g:title><g:price>1 EUR</g:price></item>\">l</g:link>\n</item>\n" + goodC),
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			items, rows, end := readToEnd(t, doc)
			for _, it := range items {
				if it.ID == "GHOST" {
					t.Fatalf("made-up item %+v", it)
				}
			}
			if end == io.EOF || len(items) != 1 || items[0].ID != "A" || len(rows) != 0 {
				t.Fatalf("items %+v, rows %+v, end %v", items, rows, end)
			}
		})
	}
}

// brokenCDATAFeed is the second review's input: n broken items whose CDATA section is never
// closed (the decoder reads on to the end of the feed), each followed by a good item with a
// 3,800-byte description.
func brokenCDATAFeed(n int) string {
	var b strings.Builder
	desc := strings.Repeat("d", 3800)
	for i := 0; i < n; i++ {
		b.WriteString("<item><g:id>B</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price><g:description><![CDATA[unclosed</g:description></item>")
		fmt.Fprintf(&b, "<item><g:id>G%d</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price><g:description>%s</g:description></item>\n", i, desc)
	}
	return gmcDoc(b.String())
}

// TestGMCBrokenItemsRereadBounded: skipping broken items reads no more bytes again than the
// feed holds (the review's 3.9 MiB feed was read again at every skip, 45 s in all).
func TestGMCBrokenItemsRereadBounded(t *testing.T) {
	doc := brokenCDATAFeed(1000)
	r := newGMCReader(strings.NewReader(doc))
	var end error
	for end == nil {
		var row *RowError
		if _, err := r.Next(); err != nil && !errors.As(err, &row) {
			end = err
		}
	}
	if r.reread > int64(len(doc)) || r.reread > r.src.read {
		t.Fatalf("%d bytes read again for a %d-byte feed (%d read)", r.reread, len(doc), r.src.read)
	}
	if end == io.EOF {
		t.Fatalf("a feed with an unclosed CDATA section was read to its end")
	}
	if _, _, end := readToEnd(t, doc); end == io.EOF {
		t.Fatalf("OpenWith: a feed with an unclosed CDATA section was read to its end")
	}
}

// TestGMCBrokenItemsRereadBudgetSpent: once the bytes read again after skips would outgrow
// those read from the source, a broken item ends the feed with an error that says why.
func TestGMCBrokenItemsRereadBudgetSpent(t *testing.T) {
	good := "<item><g:id>A</g:id><g:title>Tee</g:title><g:price>1 EUR</g:price></item>\n"
	bad := "<item><g:id>B</g:id><g:title>M & S</g:title><g:price>1 EUR</g:price></item>\n"
	r := newGMCReader(strings.NewReader(gmcDoc(good + bad + good)))
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	r.reread = 1 << 40 // as if more bytes had been read again than the feed will ever have
	_, err := r.Next()
	var row *RowError
	if err == nil || errors.As(err, &row) || !strings.Contains(err.Error(), "read more bytes again") ||
		!strings.Contains(err.Error(), "abandoned") {
		t.Fatalf("err = %v", err)
	}
}

// TestAttrHides: an end tag inside a quoted attribute value, or a "<" in one, is not markup.
func TestAttrHides(t *testing.T) {
	for _, c := range []struct {
		b    string
		want bool
	}{
		{`<g:id>1</g:id><g:link x="`, true},
		{`<g:link x='a<b'>`, true},
		{`<g:link x="a>b">l</g:link>`, false},
		{`<g:title>Tee "quoted"</g:title>`, false},
		{`<link href="https://x.example/a?b=1&amp;c=2"/>`, false},
	} {
		if got := attrHides([]byte(c.b)); got != c.want {
			t.Errorf("attrHides(%q) = %v, want %v", c.b, got, c.want)
		}
	}
}
