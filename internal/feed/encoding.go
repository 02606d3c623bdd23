package feed

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Byte order marks.
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decodeUTF16 turns a stream that starts with a UTF-16 byte order mark into UTF-8 (without the
// mark); any other stream is returned as it is. Spreadsheet programs ("Unicode text" in Excel)
// write UTF-16 with a mark.
func decodeUTF16(br *bufio.Reader) *bufio.Reader {
	mark, _ := br.Peek(2)
	if !bytes.Equal(mark, bomUTF16LE) && !bytes.Equal(mark, bomUTF16BE) {
		return br
	}
	dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	return bufio.NewReaderSize(dec.Reader(br), 64<<10)
}

// textEncodingPeek is how much of a delimited feed decides its encoding.
const textEncodingPeek = 64 << 10

// decodeText prepares a delimited (CSV/TSV) feed's text, which declares no encoding: a UTF-8
// byte order mark is dropped; in a feed whose first 64 KiB are not valid UTF-8, the bytes that
// are not UTF-8 are read as windows-1252 (the superset of ISO-8859-1 that older shop software
// and Excel write in Western Europe) while its valid UTF-8 passes through, so a feed of UTF-8
// rows with one row pasted from a windows-1252 source keeps both (as charsetReader does for
// XML); anything else is UTF-8, and a later row that is not valid UTF-8 is rejected by the
// reader. It returns the text and the encoding's name.
func decodeText(br *bufio.Reader) (io.Reader, string) {
	br = decodeUTF16(br) // no-op unless Open has not done it already
	if mark, _ := br.Peek(3); bytes.Equal(mark, bomUTF8) {
		br.Discard(3)
	}
	peek, _ := br.Peek(textEncodingPeek)
	if validUTF8Prefix(peek, len(peek) == textEncodingPeek) {
		return br, "UTF-8"
	}
	if !mostlyUTF8(peek) {
		return charmap.Windows1252.NewDecoder().Reader(br), "windows-1252"
	}
	return transform.NewReader(br, windows1252Bytes()), "windows-1252"
}

// mostlyUTF8 says whether b's bytes above 0x7F are more often in valid UTF-8 sequences than not.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		b = b[n:]
	}
	return good >= bad
}

// validUTF8Prefix says whether b is valid UTF-8, allowing a character cut off at the end when
// b is only the start of the input.
func validUTF8Prefix(b []byte, truncated bool) bool {
	if truncated {
		for i := 1; i <= utf8.UTFMax-1 && i <= len(b); i++ {
			if utf8.RuneStart(b[len(b)-i]) {
				if !utf8.FullRune(b[len(b)-i:]) {
					b = b[:len(b)-i]
				}
				break
			}
		}
	}
	return utf8.Valid(b)
}
