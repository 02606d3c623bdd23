package extract

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON-LD as published is often not strict JSON: trailing commas, raw line breaks inside strings,
// HTML comment or CDATA wrappers, two objects back to back. Browsers' and Google's readers accept
// these, so tagdrop reads them too, with a small parser of its own that also enforces the limits
// encoding/json cannot: nesting depth, array length and the number of values kept.

// jsonNumber is a JSON number kept as written, so prices never pass through a float.
type jsonNumber string

// jsonLimits bounds what one JSON-LD block may cost.
type jsonLimits struct {
	maxDepth int // deeper nesting abandons the block
	maxArray int // elements kept per array; the rest are read and dropped
	maxNodes int // values kept per block; more abandons the block
}

// jsonParser reads one block. Values are nil, bool, string, jsonNumber, []any and map[string]any.
type jsonParser struct {
	s        []byte
	i        int
	lim      jsonLimits
	nodes    int
	warnings []string // arrays cut short, reported but not fatal
}

// syntaxError is a parse failure at a byte offset of the block.
type syntaxError struct {
	offset int
	msg    string
}

func (e *syntaxError) Error() string { return e.msg }

func (p *jsonParser) fail(format string, args ...any) error {
	return &syntaxError{offset: p.i, msg: fmt.Sprintf(format, args...)}
}

// parseLenientJSON reads a block's text. Several top-level values come back as one array.
func parseLenientJSON(text []byte, lim jsonLimits) (any, []string, error) {
	p := &jsonParser{s: text, lim: lim}
	var values []any
	for {
		p.skipJunk()
		if p.i >= len(p.s) {
			break
		}
		v, err := p.value(0, true)
		if err != nil {
			return nil, p.warnings, err
		}
		values = append(values, v)
		p.skipJunk()
		if p.i < len(p.s) && (p.s[p.i] == ',' || p.s[p.i] == ';') {
			p.i++
		}
	}
	switch len(values) {
	case 0:
		return nil, p.warnings, &syntaxError{msg: "empty block"}
	case 1:
		return values[0], p.warnings, nil
	}
	return values, p.warnings, nil
}

// skipJunk passes white space, comments and the wrappers old pages put around scripts.
func (p *jsonParser) skipJunk() {
	for p.i < len(p.s) {
		switch {
		case isSpace(p.s[p.i]):
			p.i++
		case p.has("<!--") || p.has("-->"):
			p.i += 3 + boolInt(p.has("<!--"))
		case p.has("<![CDATA["):
			p.i += 9
		case p.has("]]>"):
			p.i += 3
		case p.has("//"):
			for p.i < len(p.s) && p.s[p.i] != '\n' {
				p.i++
			}
		case p.has("/*"):
			end := strings.Index(string(p.s[p.i+2:]), "*/")
			if end < 0 {
				p.i = len(p.s)
			} else {
				p.i += end + 4
			}
		default:
			return
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *jsonParser) has(prefix string) bool {
	return len(p.s)-p.i >= len(prefix) && string(p.s[p.i:p.i+len(prefix)]) == prefix
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// value reads one value. keep false reads it for syntax only and allocates nothing.
func (p *jsonParser) value(depth int, keep bool) (any, error) {
	if depth > p.lim.maxDepth {
		return nil, p.fail("nested deeper than %d levels", p.lim.maxDepth)
	}
	if keep {
		p.nodes++
		if p.nodes > p.lim.maxNodes {
			return nil, p.fail("more than %d values", p.lim.maxNodes)
		}
	}
	p.skipJunk()
	if p.i >= len(p.s) {
		return nil, p.fail("unexpected end of block")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth, keep)
	case c == '[':
		return p.array(depth, keep)
	case c == '"' || c == '\'':
		return p.str(keep)
	case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'):
		return p.number()
	case p.has("true"):
		p.i += 4
		return true, nil
	case p.has("false"):
		p.i += 5
		return false, nil
	case p.has("null"):
		p.i += 4
		return nil, nil
	default:
		r, _ := utf8.DecodeRune(p.s[p.i:])
		return nil, p.fail("unexpected %q", r)
	}
}

func (p *jsonParser) object(depth int, keep bool) (any, error) {
	p.i++ // {
	var m map[string]any
	if keep {
		m = map[string]any{}
	}
	for {
		p.skipJunk()
		if p.i >= len(p.s) {
			return nil, p.fail("object not closed")
		}
		if p.s[p.i] == '}' {
			p.i++
			if !keep {
				return nil, nil
			}
			return m, nil
		}
		if p.s[p.i] == ',' { // lenient: stray or trailing commas
			p.i++
			continue
		}
		if p.s[p.i] != '"' && p.s[p.i] != '\'' {
			return nil, p.fail("object key is not a string")
		}
		k, err := p.str(true)
		if err != nil {
			return nil, err
		}
		p.skipJunk()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.fail("missing ':' after key %q", k)
		}
		p.i++
		v, err := p.value(depth+1, keep)
		if err != nil {
			return nil, err
		}
		if keep {
			m[k.(string)] = v
		}
		p.skipJunk()
		if p.i < len(p.s) && p.s[p.i] != ',' && p.s[p.i] != '}' {
			return nil, p.fail("expected ',' or '}' after the value of %q", k)
		}
	}
}

func (p *jsonParser) array(depth int, keep bool) (any, error) {
	start := p.i
	p.i++ // [
	var a []any
	n := 0
	for {
		p.skipJunk()
		if p.i >= len(p.s) {
			return nil, p.fail("array not closed")
		}
		if p.s[p.i] == ']' {
			p.i++
			if n > p.lim.maxArray && keep {
				p.warnings = append(p.warnings, fmt.Sprintf("array at byte %d has %d elements: kept the first %d", start, n, p.lim.maxArray))
			}
			if !keep {
				return nil, nil
			}
			if a == nil {
				a = []any{}
			}
			return a, nil
		}
		if p.s[p.i] == ',' {
			p.i++
			continue
		}
		k := keep && n < p.lim.maxArray
		v, err := p.value(depth+1, k)
		if err != nil {
			return nil, err
		}
		n++
		if k {
			a = append(a, v)
		}
		p.skipJunk()
		if p.i < len(p.s) && p.s[p.i] != ',' && p.s[p.i] != ']' {
			return nil, p.fail("expected ',' or ']' in array")
		}
	}
}

func (p *jsonParser) number() (any, error) {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' {
			p.i++
			continue
		}
		break
	}
	return jsonNumber(p.s[start:p.i]), nil
}

// str reads a string; raw control characters inside it are kept, bad escapes kept literally.
func (p *jsonParser) str(keep bool) (any, error) {
	quote := p.s[p.i]
	p.i++
	start := p.i
	// Fast path: no escapes.
	for p.i < len(p.s) && p.s[p.i] != quote && p.s[p.i] != '\\' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == quote {
		p.i++
		if !keep {
			return nil, nil
		}
		return string(p.s[start : p.i-1]), nil
	}
	var b strings.Builder
	if keep {
		b.Write(p.s[start:p.i])
	}
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == quote:
			p.i++
			if !keep {
				return nil, nil
			}
			return b.String(), nil
		case c == '\\' && p.i+1 < len(p.s):
			p.i += 2
			if !keep {
				if p.s[p.i-1] == 'u' {
					p.i += min(4, len(p.s)-p.i)
				}
				continue
			}
			switch e := p.s[p.i-1]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					b.WriteString(`\u`)
					continue
				}
				if utf16.IsSurrogate(r) && p.has(`\u`) {
					save := p.i
					p.i += 2
					if r2, ok := p.hex4(); ok {
						r = utf16.DecodeRune(r, r2)
					} else {
						p.i = save
					}
				}
				b.WriteRune(r)
			default: // \" \\ \/ \' and anything else: the character itself
				b.WriteByte(e)
			}
		default:
			if keep {
				b.WriteByte(c)
			}
			p.i++
		}
	}
	return nil, p.fail("string not closed")
}

func (p *jsonParser) hex4() (rune, bool) {
	if len(p.s)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.s[p.i : p.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}
