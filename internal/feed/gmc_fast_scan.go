package feed

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"unicode/utf8"
)

// The byte-level pieces of gmcFastReader. Each reports ok=false for anything it does not handle
// exactly as encoding/xml (with Strict set and Entity = xml.HTMLEntity) would; the reader then
// hands over to encoding/xml, so being conservative here costs speed, never correctness.

// rawAttr is an attribute as written: qualified name and undecoded value.
type rawAttr struct{ name, value []byte }

// scanTag splits a start tag ("<name a='v' b=\"w\">" or ".../>") into its name and attributes,
// appended to attrs.
func scanTag(tag []byte, attrs []rawAttr) (name []byte, _ []rawAttr, empty, ok bool) {
	n := scanName(tag, 1)
	if n == 1 {
		return nil, attrs, false, false
	}
	name = tag[1:n]
	i := n
	for {
		j := i
		for j < len(tag) && isSpace(tag[j]) {
			j++
		}
		if j >= len(tag) {
			return name, attrs, false, false
		}
		switch tag[j] {
		case '>':
			return name, attrs, false, j == len(tag)-1
		case '/':
			return name, attrs, true, j == len(tag)-2 && tag[j+1] == '>'
		}
		if j == i { // attributes need white space before them
			return name, attrs, false, false
		}
		k := scanName(tag, j)
		if k == j || k+1 >= len(tag) || tag[k] != '=' || (tag[k+1] != '"' && tag[k+1] != '\'') {
			return name, attrs, false, false
		}
		e := bytes.IndexByte(tag[k+2:], tag[k+1])
		if e < 0 {
			return name, attrs, false, false
		}
		v := tag[k+2 : k+2+e]
		if bytes.IndexByte(v, '<') >= 0 {
			return name, attrs, false, false
		}
		attrs = append(attrs, rawAttr{name: tag[j:k], value: v})
		i = k + 2 + e + 1
	}
}

// scanName returns the end of the ASCII XML name starting at tag[i] (i itself when there is none).
func scanName(tag []byte, i int) int {
	if i >= len(tag) || !(isLetter(tag[i]) || tag[i] == '_') {
		return i
	}
	j := i + 1
	for j < len(tag) && (isLetter(tag[j]) || '0' <= tag[j] && tag[j] <= '9' || tag[j] == '_' || tag[j] == '-' || tag[j] == '.' || tag[j] == ':') {
		j++
	}
	return j
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// splitName splits "p:local" or "local"; names encoding/xml would read differently (several
// colons, an empty side) are refused.
func splitName(name []byte) (prefix, local []byte, ok bool) {
	c := bytes.IndexByte(name, ':')
	if c < 0 {
		return nil, name, true
	}
	if c == 0 || c == len(name)-1 || bytes.IndexByte(name[c+1:], ':') >= 0 {
		return nil, nil, false
	}
	return name[:c], name[c+1:], true
}

// parseEndTag returns the name of an end tag "</name>" (white space allowed before '>').
func parseEndTag(tag []byte) (string, bool) {
	n := scanName(tag, 2)
	if n == 2 {
		return "", false
	}
	j := n
	for j < len(tag) && isSpace(tag[j]) {
		j++
	}
	if j != len(tag)-1 || tag[j] != '>' {
		return "", false
	}
	if _, _, ok := splitName(tag[2:n]); !ok {
		return "", false
	}
	return string(tag[2:n]), true
}

// fastTag is a start tag outside items, its attribute values decoded.
type fastTag struct {
	qname, prefix, local string
	attrs                []fastAttr
	empty                bool
}

// fastAttr is one decoded attribute of a fastTag.
type fastAttr struct{ qname, prefix, local, value string }

// isNS reports whether the attribute declares a namespace.
func (a fastAttr) isNS() bool { return a.prefix == "xmlns" || a.prefix == "" && a.local == "xmlns" }

// parseStartTag parses a start tag outside items.
func parseStartTag(tag []byte) (fastTag, bool) {
	name, raw, empty, ok := scanTag(tag, nil)
	if !ok {
		return fastTag{}, false
	}
	prefix, local, ok := splitName(name)
	if !ok {
		return fastTag{}, false
	}
	st := fastTag{qname: string(name), prefix: string(prefix), local: string(local), empty: empty}
	for _, a := range raw {
		p, l, ok := splitName(a.name)
		if !ok {
			return fastTag{}, false
		}
		v, ok := xmlText(nil, a.value, false)
		if !ok {
			return fastTag{}, false
		}
		st.attrs = append(st.attrs, fastAttr{qname: string(a.name), prefix: string(p), local: string(l), value: string(v)})
	}
	return st, true
}

// xmlText appends the character data src to dst as encoding/xml returns it: entities
// (XML's five, numeric, HTML's names) replaced, CDATA taken as is, "\r\n" and "\r" read as "\n",
// and every character checked to be one XML allows.
func xmlText(dst, src []byte, cdata bool) ([]byte, bool) {
	start := len(dst)
	if bytes.IndexByte(src, '\r') < 0 && (cdata || bytes.IndexByte(src, '&') < 0 && !bytes.Contains(src, []byte("]]>"))) {
		dst = append(dst, src...)
	} else {
		for i := 0; i < len(src); {
			c := src[i]
			switch {
			case c == '&' && !cdata:
				j := bytes.IndexByte(src[i:], ';')
				if j < 0 {
					return dst, false
				}
				var ok bool
				if dst, ok = appendEntity(dst, src[i+1:i+j]); !ok {
					return dst, false
				}
				i += j + 1
				continue
			case c == '\r':
				dst = append(dst, '\n')
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
			case c == ']' && !cdata && bytes.HasPrefix(src[i:], []byte("]]>")):
				return dst, false
			default:
				dst = append(dst, c)
			}
			i++
		}
	}
	return dst, validChars(dst[start:])
}

// appendEntity appends the text of the reference "&ref;".
func appendEntity(dst, ref []byte) ([]byte, bool) {
	if len(ref) > 0 && ref[0] == '#' {
		digits, base := ref[1:], 10
		if len(digits) > 0 && digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || len(digits) > 8 {
			return dst, false
		}
		for _, d := range digits {
			if !('0' <= d && d <= '9' || base == 16 && ('a' <= d && d <= 'f' || 'A' <= d && d <= 'F')) {
				return dst, false
			}
		}
		n, err := strconv.ParseUint(string(digits), base, 64)
		if err != nil || n > utf8.MaxRune {
			return dst, false
		}
		return utf8.AppendRune(dst, rune(n)), true
	}
	switch string(ref) {
	case "amp":
		return append(dst, '&'), true
	case "lt":
		return append(dst, '<'), true
	case "gt":
		return append(dst, '>'), true
	case "quot":
		return append(dst, '"'), true
	case "apos":
		return append(dst, '\''), true
	}
	if scanName(ref, 0) != len(ref) || len(ref) == 0 {
		return dst, false
	}
	s, ok := xml.HTMLEntity[string(ref)]
	if !ok {
		return dst, false
	}
	return append(dst, s...), true
}

// validChars reports whether b is UTF-8 made only of characters XML allows.
func validChars(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if !(r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return false
		}
		i += size
	}
	return true
}
