package feed

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
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
// byte order mark is dropped; a feed whose first 64 KiB are not valid UTF-8 is read as
// windows-1252 (the superset of ISO-8859-1 that older shop software and Excel write in Western
// Europe); anything else is UTF-8, and a later row that is not valid UTF-8 is rejected by
// the reader. It returns the text and the encoding's name.
func decodeText(br *bufio.Reader) (io.Reader, string) {
	br = decodeUTF16(br) // no-op unless Open has not done it already
	if mark, _ := br.Peek(3); bytes.Equal(mark, bomUTF8) {
		br.Discard(3)
	}
	peek, _ := br.Peek(textEncodingPeek)
	if validUTF8Prefix(peek, len(peek) == textEncodingPeek) {
		return br, "UTF-8"
	}
	return charmap.Windows1252.NewDecoder().Reader(br), "windows-1252"
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
