package feed

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// TestGMCDeclaredLatin1ButUTF8: a feed that declares ISO-8859-1 but is written in UTF-8 is read
// as UTF-8; a feed really in the declared encoding is still decoded from it.
func TestGMCDeclaredLatin1ButUTF8(t *testing.T) {
	const head = `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" +
		`<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` + "\n"
	const tail = "</channel></rss>\n"
	utf8Doc := head + "<item><g:id>A</g:id><g:title>Größe – grün</g:title><g:price>5 EUR</g:price></item>\n" + tail
	items, rows := readWith(t, utf8Doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].Title != "Größe – grün" {
		t.Fatalf("utf-8 bytes: items %+v rows %+v", items, rows)
	}
	latin1Doc := head + "<item><g:id>A</g:id><g:title>Gr\xf6\xdfe</g:title><g:price>5 EUR</g:price></item>\n" + tail
	items, rows = readWith(t, latin1Doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].Title != "Größe" {
		t.Fatalf("latin-1 bytes: items %+v rows %+v", items, rows)
	}
}

// TestGMCDeclaredLatin1MixedUTF8: a feed declaring ISO-8859-1 whose first 64 KiB are UTF-8 and
// which has a Latin-1 byte further on is read to its end: the UTF-8 as UTF-8, the stray byte as
// declared.
func TestGMCDeclaredLatin1MixedUTF8(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" +
		`<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` + "\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "<item><g:id>U%d</g:id><g:title>Größe – grün</g:title><g:price>5 EUR</g:price></item>\n", i)
	}
	b.WriteString("<item><g:id>L</g:id><g:title>Pull cr\xe8me</g:title><g:price>5 EUR</g:price></item>\n")
	b.WriteString("<item><g:id>Z</g:id><g:title>Größe</g:title><g:price>5 EUR</g:price></item>\n</channel></rss>\n")
	if b.Len() < 64<<10 {
		t.Fatalf("feed of %d bytes, want over 64 KiB", b.Len())
	}
	items, rows := readWith(t, b.String(), Options{})
	if len(rows) != 0 || len(items) != 1002 || items[0].Title != "Größe – grün" ||
		items[1000].Title != "Pull crème" || items[1001].Title != "Größe" {
		t.Fatalf("%d items, rows %+v", len(items), rows)
	}
}

// TestUTF8OrBytes: valid UTF-8 passes through, each other byte is decoded as windows-1252, also
// when the buffers cut a sequence.
func TestUTF8OrBytes(t *testing.T) {
	in := strings.Repeat("ö€x\xe8\x80", 3000) + "\xc3"
	want := strings.Repeat("ö€xè€", 3000) + "Ã"
	tr, _ := newUTF8OrBytes(charmap.Windows1252)
	got, _, err := transform.String(tr, in)
	if err != nil || got != want {
		t.Fatalf("got %d bytes (err %v), want %d", len(got), err, len(want))
	}
}

// TestGMCDeclaredShiftJISAfterUTF8: a feed declaring Shift_JIS whose first 64 KiB are UTF-8 is
// decoded as declared: Shift_JIS writes characters as several bytes, which decoded one by one
// (as the UTF-8 override does for single-byte encodings) made "テスト" into "�e�X�g".
func TestGMCDeclaredShiftJISAfterUTF8(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="Shift_JIS"?>` + "\n" +
		`<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` + "\n")
	b.WriteString("<item><g:id>U</g:id><g:title>Größe " + strings.Repeat("x", 70<<10) + "</g:title><g:price>5 EUR</g:price></item>\n")
	b.WriteString("<item><g:id>S</g:id><g:title>Tee</g:title><g:brand>\x83\x65\x83\x58\x83\x67</g:brand><g:price>5 EUR</g:price></item>\n")
	b.WriteString("</channel></rss>\n")
	items, rows := readWith(t, b.String(), Options{})
	if len(rows) != 0 || len(items) != 2 || items[1].Brand != "テスト" {
		t.Fatalf("%d items, rows %+v, brand %q", len(items), rows, items[len(items)-1].Brand)
	}
}

// TestSingleByte: single-byte encodings are told from multi-byte ones.
func TestSingleByte(t *testing.T) {
	for label, want := range map[string]bool{"iso-8859-1": true, "windows-1251": true, "koi8-r": true,
		"windows-1253": true, "shift_jis": false, "gbk": false, "euc-kr": false, "big5": false, "euc-jp": false} {
		enc, err := htmlindex.Get(label)
		if err != nil {
			t.Fatal(err)
		}
		if _, got := newUTF8OrBytes(enc); got != want {
			t.Errorf("newUTF8OrBytes(%s) single = %v, want %v", label, got, want)
		}
	}
}

// TestGMCWindows1252BytesInUTF8Feed: a feed declared UTF-8 (or declaring nothing) with
// windows-1252 bytes pasted in keeps those items, the bytes read as windows-1252 and its valid
// UTF-8 as it is, by the fast reader and encoding/xml's alike.
func TestGMCWindows1252BytesInUTF8Feed(t *testing.T) {
	items := "<item><g:id>W1</g:id><title>Chlo\xe9 Marcie Bag</title><g:price>1290.00 EUR</g:price><g:brand>Chlo\xe9</g:brand></item>\n" +
		"<item><g:id>W2</g:id><title>Isabel Marant Bottes – noir</title><g:price>690.00 EUR</g:price></item>\n" +
		"<item><g:id>W3</g:id><title>Caf\xe9 Scarf \x96 Beige</title><g:price>190.00 EUR</g:price></item>\n"
	want := []string{"Chloé Marcie Bag", "Isabel Marant Bottes – noir", "Café Scarf – Beige"}
	declared := gmcDoc(items)
	undeclared := strings.TrimPrefix(declared, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	for first, doc := range map[int]string{3: declared, 2: undeclared} {
		fast, fastRows := readWith(t, doc, Options{})
		slow, slowRows := readSlow(t, doc)
		if !reflect.DeepEqual(fast, slow) || !reflect.DeepEqual(fastRows, slowRows) {
			t.Fatalf("fast %+v %+v\nslow %+v %+v", fast, fastRows, slow, slowRows)
		}
		if len(fastRows) != 0 || len(fast) != 3 {
			t.Fatalf("items %+v rows %+v", fast, fastRows)
		}
		for i, w := range want {
			if fast[i].Title != w || fast[i].Line != first+i {
				t.Errorf("item %d: %q at line %d, want %q", i, fast[i].Title, fast[i].Line, w)
			}
		}
		if fast[0].Brand != "Chloé" {
			t.Errorf("brand %q", fast[0].Brand)
		}
	}
}
