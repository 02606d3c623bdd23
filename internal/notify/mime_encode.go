package notify

import (
	"encoding/base64"
	"slices"
)

// The body encoders append straight into the message buffer, grown once: no writer in between
// and no allocation once the buffer is large enough. appendQuotedPrintable writes exactly what
// mime/quotedprintable's Writer (text mode) writes, and appendBase64Lines what base64 and a
// line splitter write; tests compare them on random input.

// qpLineMax is the longest encoded line before its CRLF, the soft-break "=" included (RFC 2045).
const qpLineMax = 76

// qpLiteral marks the bytes quoted-printable keeps as they are: printable ASCII but "=", and
// space and tab (encoded only at the end of a line).
var qpLiteral = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = c != '='
	}
	t[' '], t['\t'] = true, true
	return t
}()

// appendQuotedPrintable appends s in quoted-printable: line breaks (LF, CR or CRLF) become CRLF,
// lines are broken softly before 76 characters, and a space or tab ending a line is encoded.
func appendQuotedPrintable(b []byte, s string) []byte {
	b = slices.Grow(b, len(s)+len(s)/8+16)
	line := len(b) // where the current output line starts
	cr := false    // the last line break was a CR (a following LF belongs to it)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case qpLiteral[c]:
			j := i + 1
			for j < len(s) && qpLiteral[s[j]] {
				j++
			}
			for i < j {
				if len(b)-line == qpLineMax-1 {
					b = append(b, "=\r\n"...)
					line = len(b)
				}
				n := min(j-i, qpLineMax-1-(len(b)-line))
				b = append(b, s[i:i+n]...)
				i += n
			}
			cr = false
			continue
		case c == '\n' || c == '\r':
			if !(cr && c == '\n') {
				cr = c == '\r'
				b = qpEncodeTrailingSpace(b, &line)
				b = append(b, "\r\n"...)
				line = len(b)
			} else {
				cr = false
			}
		default:
			b = qpEncode(b, &line, c) // like the standard library's Writer, this leaves cr as it is
		}
		i++
	}
	return qpEncodeTrailingSpace(b, &line)
}

// qpEncode appends c as "=XX", after a soft line break if the line has no room for it.
func qpEncode(b []byte, line *int, c byte) []byte {
	const hex = "0123456789ABCDEF"
	if qpLineMax-1-(len(b)-*line) < 3 {
		b = append(b, "=\r\n"...)
		*line = len(b)
	}
	return append(b, '=', hex[c>>4], hex[c&15])
}

// qpEncodeTrailingSpace encodes a space or tab that ends the current line.
func qpEncodeTrailingSpace(b []byte, line *int) []byte {
	if len(b) > *line {
		if c := b[len(b)-1]; c == ' ' || c == '\t' {
			return qpEncode(b[:len(b)-1], line, c)
		}
	}
	return b
}

// appendBase64Lines appends s in base64, 76 characters a line (57 bytes of input each), every
// line ended by CRLF, encoding straight into b.
func appendBase64Lines(b []byte, s string) []byte {
	const in = 57
	lines := (len(s) + in - 1) / in
	size := base64.StdEncoding.EncodedLen(len(s)) + 2*lines
	n := len(b)
	b = slices.Grow(b, size)[:n+size]
	dst := b[n:]
	var src [in]byte // a line's input, copied: base64's encoder reads []byte, not string
	for len(s) > 0 {
		k := copy(src[:], s)
		w := base64.StdEncoding.EncodedLen(k)
		base64.StdEncoding.Encode(dst[:w], src[:k])
		dst[w], dst[w+1] = '\r', '\n'
		dst, s = dst[w+2:], s[k:]
	}
	return b
}
