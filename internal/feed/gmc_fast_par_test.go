package feed_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// parHead opens a feed whose first item starts on line 3.
const parHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` + "\n"

// parItem is plain item i, five lines long; every seventh has no price, so that row errors are
// spread over the chunks.
func parItem(i int) string {
	price := "<g:price>10.00 EUR</g:price>"
	if i%7 == 3 {
		price = "<g:brand>B</g:brand>"
	}
	return fmt.Sprintf("<item>\n<g:id>P%d</g:id>\n<g:title>Dress %d</g:title>\n%s\n</item>\n", i, i, price)
}

// parFeed is before plain items, odd, after plain items and the feed's end.
func parFeed(before int, odd string, after int) string {
	var b strings.Builder
	b.WriteString(parHead)
	for i := range before {
		b.WriteString(parItem(i))
	}
	b.WriteString(odd)
	for i := range after {
		b.WriteString(parItem(before + i))
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// TestGMCFastParallelOddItemAfterChunks puts an item the workers cannot scan after several
// chunks of plain ones, at every place in a chunk (tiny chunks of 1–3 items) and beyond the
// serial start of the production settings, and compares all readers with encoding/xml.
func TestGMCFastParallelOddItemAfterChunks(t *testing.T) {
	const id = "<g:id>X</g:id>\n<title>T</title>\n<g:price>1 EUR</g:price>\n"
	odd := []struct {
		name, item string
		fast       bool // the serial fast reader reads it without encoding/xml
	}{
		{"comment in item", "<item>\n<!-- c -->\n" + id + "</item>\n", false},
		{"attribute on field", "<item>\n<g:id x=\"1\">X</g:id>\n<title>T</title>\n<g:price>1 EUR</g:price>\n</item>\n", false},
		{"namespace on item", "<item xmlns:h=\"urn:h\">\n" + id + "</item>\n", false},
		{"namespace on field", "<item>\n<h:id xmlns:h=\"urn:h\">1</h:id>\n" + id + "</item>\n", false},
		{"undeclared entity", "<item>\n<g:id>X&bogus;</g:id>\n<title>T</title>\n<g:price>1 EUR</g:price>\n</item>\n", false},
		{"processing instruction", "<item>\n<?pi x?>\n" + id + "</item>\n", false},
		{"end tag in CDATA", "<item>\n<g:description><![CDATA[ </item> ]]></g:description>\n" + id + "</item>\n", true},
		{"nested item", "<item>\n<g:shipping><item>\n</item></g:shipping>\n" + id + "</item>\n", true},
		{"field named like the item", "<item>\n<items>1</items>\n" + id + "</item>\n", true},
		{"channel reopened", "</channel>\n<channel>\n<item>\n<!-- c -->\n" + id + "</item>\n", false},
		{"start tag over two lines", "<item\n>\n" + id + "</item>\n<entry\n\n>\n" + id + "</entry>\n", true},
		{"text between items", "odd text\n<item>\n" + id + "</item>\n", true},
		{"bad nesting", "<item>\n<g:id>X</g:title>\n" + id + "</item>\n", false},
	}
	for _, o := range odd {
		for _, before := range []int{0, 1, 2, 3, 4, 5, 6, 7, 9, 13, 300} {
			t.Run(fmt.Sprintf("%s/after %d items", o.name, before), func(t *testing.T) {
				doc := []byte(parFeed(before, o.item, 10))
				if fellBack := compareGMC(t, doc); fellBack == o.fast {
					t.Errorf("handed to encoding/xml: %v, want %v", fellBack, !o.fast)
				}
			})
		}
	}
}

// TestGMCFastParallelCutAndCRLF compares the readers on a feed cut at every byte of its last
// items, so that an unclosed item (or tag, or entity) ends it after several chunks, and on its
// CRLF form.
func TestGMCFastParallelCutAndCRLF(t *testing.T) {
	doc := []byte(parFeed(12, "", 3))
	crlf := bytes.ReplaceAll(doc, []byte("\n"), []byte("\r\n"))
	compareGMC(t, crlf)
	for cut := len(doc) - 3*len(parItem(0)) - 20; cut < len(doc); cut++ {
		compareGMC(t, doc[:cut])
		compareGMC(t, crlf[:cut])
	}
}

// TestGMCFastParallelReadErrorMidItem breaks the input inside items that lie in later chunks.
func TestGMCFastParallelReadErrorMidItem(t *testing.T) {
	doc := []byte(parFeed(400, "", 0))
	for _, cut := range []int{len(doc) / 2, len(doc) - 40, len(doc)*9/10 + 3} {
		broken := errors.New("connection reset")
		slow, _, _ := feed.NewGMCXMLReaders(&failingReader{data: doc[:cut], err: broken}, nil)
		want := readGMC(t, slow, cut)
		for _, tiny := range []bool{true, false} {
			par, _ := feed.NewGMCFastParallelReader(&failingReader{data: doc[:cut], err: broken}, tiny)
			got := readGMC(t, par, cut)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("cut at %d, tiny %v: fast parallel ends %q after %d items, encoding/xml %q after %d", cut, tiny, got.End, len(got.Items), want.End, len(want.Items))
			}
			if !strings.Contains(got.End, "connection reset") {
				t.Fatalf("cut at %d, tiny %v: the read error was lost: %q", cut, tiny, got.End)
			}
		}
	}
}

// TestGMCFastParallelRowErrorLines checks the lines of row errors before and after a fallback in
// a later chunk against the file itself: item i starts on line 3+5i (the odd item takes 6).
func TestGMCFastParallelRowErrorLines(t *testing.T) {
	doc := []byte(parFeed(20, "<item>\n<!-- c -->\n<g:id>X</g:id>\n<title>T</title>\n<g:price>1 EUR</g:price>\n</item>\n", 20))
	compareGMC(t, doc)
	for _, tiny := range []bool{true, false} {
		par, _ := feed.NewGMCFastParallelReader(bytes.NewReader(doc), tiny)
		res := readGMC(t, par, len(doc))
		if len(res.Items) != 41 || res.End != "EOF" {
			t.Fatalf("%d items, end %q", len(res.Items), res.End)
		}
		var lines []int
		for _, row := range res.Rows {
			lines = append(lines, row.Line)
		}
		// Items 3, 10, 17 come before the odd item (line 103), 24, 31, 38 after it.
		want := []int{18, 53, 88, 3 + 5*24 + 6, 3 + 5*31 + 6, 3 + 5*38 + 6}
		if !reflect.DeepEqual(lines, want) {
			t.Fatalf("row error lines %v, want %v", lines, want)
		}
		if res.Items[20].Line != 103 || res.Items[21].Line != 109 {
			t.Fatalf("odd item on line %d, the next on %d; want 103, 109", res.Items[20].Line, res.Items[21].Line)
		}
	}
}

// TestGMCFastParallelStopEarly stops reading after a few items, as a caller may: the workers
// still in flight must end on their own (the reader has no Close).
func TestGMCFastParallelStopEarly(t *testing.T) {
	doc := []byte(parFeed(2000, "", 0))
	base := runtime.NumGoroutine()
	for _, tiny := range []bool{true, false} {
		par, _ := feed.NewGMCFastParallelReader(bytes.NewReader(doc), tiny)
		for range 300 {
			if _, err := par.Next(); err != nil && !errors.As(err, new(*feed.RowError)) {
				t.Fatal(err)
			}
		}
	}
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > base; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left behind", runtime.NumGoroutine()-base)
		}
	}
}
