package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A product of a product-xml feed that is not well-formed XML (a bare "&" in a name, a
// mistyped end tag) becomes a row error, as it does in Merchant Center XML (see recovery in
// gmc_recover.go), instead of ending the feed: the bytes after it are searched for the end tag
// of its element or the start of the next product, and a new decoder reads on from there,
// primed with the elements open around the products. Recovery is refused, and the feed ends as
// before, when the decoder reads through a charset transcoder (the bytes it read are not the
// source's), when a product's element has a namespace prefix, after maxBrokenItems broken
// products, and when neither tag is found within maxSkip bytes.

// newDecoder starts a decoder of product-xml reading src directly (src is an
// io.ByteReader, so the decoder buffers nothing of its own).
func (r *productXMLReader) newDecoder(src *bufio.Reader) {
	dec := xml.NewDecoder(src)
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		r.transcoded = true
		return charsetReader(label, input)
	}
	dec.Strict = true
	r.src, r.dec = src, dec
}

// feedError is err, an error of the current decoder, with the line it names counted from the
// feed's start.
func (r *productXMLReader) feedError(err error) error {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) && r.lineBase > 0 {
		syn.Line += r.lineBase
	}
	return fmt.Errorf("line %d: %w", r.line(), err)
}

// line is the line of the feed the decoder has read to.
func (r *productXMLReader) line() int {
	l, _ := r.dec.InputPos()
	return r.lineBase + l
}

// skipBroken turns a product that broke the decoder into a row error and restarts reading
// after it, or returns nil when it cannot (err then ends the feed). se is the product's start
// element, line the line it starts on.
func (r *productXMLReader) skipBroken(se xml.StartElement, line int, err error) *RowError {
	var syn *xml.SyntaxError
	if !errors.As(err, &syn) || r.transcoded || r.skipped >= maxBrokenItems || se.Name.Space != "" && !r.defaultNS(se) {
		return nil
	}
	at := r.line()
	name := se.Name.Local
	var buf []byte
	resume := -1
	for resume < 0 {
		chunk, rerr := r.src.ReadSlice('>')
		from := max(len(buf)-len(name)-2, 0)
		buf = append(buf, chunk...)
		if i := nextStartTag(buf[from:], name); i >= 0 {
			resume = from + i // the next product: read it again
		} else if bytes.HasSuffix(buf, []byte(">")) && endTagAtEnd(buf, name) {
			resume = len(buf) // after the broken product's end tag
		}
		if resume >= 0 {
			break
		}
		if rerr == io.EOF {
			resume = len(buf) // the broken product was the last: the feed ends after it
			break
		}
		if rerr != nil && rerr != bufio.ErrBufferFull || len(buf) > maxSkip {
			return nil
		}
	}
	r.skipped++
	var primer strings.Builder
	for _, el := range r.outer {
		primer.WriteString("<" + el + ">")
	}
	rest := append([]byte(primer.String()), buf[resume:]...)
	r.outer = r.outer[:0] // the new decoder reads them again from the primer
	r.lineBase = at - 1 + bytes.Count(buf[:resume], []byte{'\n'})
	r.newDecoder(bufio.NewReader(io.MultiReader(bytes.NewReader(rest), r.src)))
	return &RowError{Line: line, Reason: fmt.Sprintf("XML syntax error on line %d: %s; the product is skipped", at, syn.Msg)}
}

// defaultNS reports an element whose namespace is the default one (no prefix): its end tag is
// found by its local name.
func (r *productXMLReader) defaultNS(se xml.StartElement) bool {
	for _, a := range se.Attr {
		if a.Name.Space == "" && a.Name.Local == "xmlns" {
			return a.Value == se.Name.Space
		}
	}
	return se.Name.Space == r.ns
}

// nextStartTag is the index in b of a start tag of the element name, or -1.
func nextStartTag(b []byte, name string) int {
	open := []byte("<" + name)
	for off := 0; ; {
		i := bytes.Index(b[off:], open)
		if i < 0 {
			return -1
		}
		j := off + i + len(open)
		if j < len(b) && (b[j] == '>' || b[j] == '/' || isSpace(b[j])) {
			return off + i
		}
		off = j
	}
}

// endTagAtEnd reports b ending in the end tag of the element name ("</product >").
func endTagAtEnd(b []byte, name string) bool {
	b = bytes.TrimRight(b[:len(b)-1], " \t\r\n")
	return bytes.HasSuffix(b, []byte("</"+name))
}
