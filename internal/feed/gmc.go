package feed

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// gNamespace is the namespace of Google Merchant Center's g: fields.
const gNamespace = "http://base.google.com/ns/1.0"

// gNamespaceBody is gNamespace without its scheme.
const gNamespaceBody = "base.google.com/ns/1.0"

// gmcReader reads Google Merchant Center XML: RSS 2.0 (<rss><channel><item>) or Atom
// (<feed><entry>). It walks the token stream and decodes one item at a time.
type gmcReader struct {
	dec    *xml.Decoder
	rooted bool // the root element has been seen and is rss or feed
	// currency is Options.Currency: the currency of prices that name none.
	currency string
	err      error // sticky: once the feed has ended (EOF or broken) Next keeps saying so
	// lineBase is added to the decoder's lines: gmcFastReader hands over mid-file, and
	// skipping a broken item starts a new decoder mid-file.
	lineBase int
	// recovery is what skipping a broken item needs (gmc_recover.go).
	recovery
}

func newGMCReader(r io.Reader) *gmcReader {
	g := &gmcReader{}
	g.src = &rawSource{r: utf8Fallback(r)}
	g.dec = g.newDecoder()
	return g
}

// newDecoder returns a decoder of r.src configured for feeds.
func (r *gmcReader) newDecoder() *xml.Decoder {
	dec := xml.NewDecoder(r.src)
	// Feeds are written by shop software that often emits HTML entities (&nbsp;, &eacute;) in
	// descriptions; knowing them keeps the decoder strict about everything else.
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		r.transcoded = true // the decoder's bytes are no longer the source's
		return charsetReader(label, input)
	}
	return dec
}

// charsetReader decodes the declared encodings of older shop software (ISO-8859-1,
// windows-1252, …) using the WHATWG names, which is how browsers treat the same labels. A feed
// whose first 64 KiB are valid UTF-8 with some non-ASCII text was written in UTF-8 whatever it
// declares (a template's declaration left as it was): decoding it as declared would turn every
// "ö" into "Ã¶", so its valid UTF-8 is passed through and only bytes that are not UTF-8 (an
// item pasted in the declared encoding further on) are decoded as declared, one by one, which
// only a single-byte encoding allows: a multi-byte one is decoded as declared throughout.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("declared encoding %q is not supported", label)
	}
	br := bufio.NewReaderSize(input, textEncodingPeek)
	peek, _ := br.Peek(textEncodingPeek)
	if hasNonASCII(peek) && validUTF8Prefix(peek, len(peek) == textEncodingPeek) {
		if t, single := newUTF8OrBytes(enc); single {
			return transform.NewReader(br, t), nil
		}
	}
	return enc.NewDecoder().Reader(br), nil
}

// utf8OrBytes is a transform.Transformer that passes valid UTF-8 through and writes each other
// byte as the declared encoding decodes that byte alone (U+FFFD when it does not).
type utf8OrBytes struct {
	transform.NopResetter
	high [128][]byte // the UTF-8 of bytes 0x80-0xFF
}

// newUTF8OrBytes returns a utf8OrBytes falling back on enc, and whether enc is a single-byte
// encoding (ISO-8859-x, windows-125x, KOI8, …), whose bytes 0x80-0xFF each decode on their own
// to one character: only then can a byte that is not UTF-8 be decoded alone. A multi-byte
// encoding (Shift_JIS, GBK, EUC-KR, …) writes a character as several such bytes, which decoded
// one by one would be nonsense.
func newUTF8OrBytes(enc encoding.Encoding) (*utf8OrBytes, bool) {
	t := &utf8OrBytes{}
	_, single := enc.(*charmap.Charmap)
	alone := true // every high byte decodes alone to one character
	for i := range t.high {
		s, err := enc.NewDecoder().Bytes([]byte{byte(0x80 + i)})
		if err != nil || utf8.RuneCount(s) != 1 || string(s) == "\uFFFD" {
			alone = false
		}
		if err != nil || len(s) == 0 || !utf8.Valid(s) {
			s = []byte("\uFFFD")
		}
		t.high[i] = s
	}
	return t, single || alone
}

// Transform implements transform.Transformer.
func (t *utf8OrBytes) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		out := src[nSrc : nSrc+size]
		if r == utf8.RuneError && size == 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc // a sequence cut by the buffer's end
			}
			out = t.high[c-0x80] // not UTF-8: the byte as the declared encoding has it
		}
		if len(dst)-nDst < len(out) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// hasNonASCII says whether b has a byte outside ASCII.
func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// Next returns the next item; see Reader.
func (r *gmcReader) Next() (Item, error) {
	if r.err != nil {
		return Item{}, r.err
	}
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			if !r.rooted {
				return Item{}, r.fail(errors.New("the feed has no <rss> or <feed> element"))
			}
			r.err = io.EOF
			return Item{}, io.EOF
		}
		if err != nil {
			return Item{}, r.fail(err)
		}
		switch tok.(type) {
		case xml.EndElement:
			r.pop()
		case xml.Directive:
			r.doctype = true
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !r.rooted {
			if se.Name.Local != "rss" && se.Name.Local != "feed" {
				return Item{}, r.fail(fmt.Errorf("the root element is <%s>, not <rss> or <feed>", se.Name.Local))
			}
			r.rooted = true
			r.push(se)
			continue
		}
		// An item in the Google namespace is still an item: feeds that bind that namespace as
		// the default one (xmlns="http://base.google.com/ns/1.0") write <item> and <id> alike.
		if se.Name.Local != "item" && se.Name.Local != "entry" {
			r.push(se)
			continue
		}
		line, _ := r.dec.InputPos()
		line += r.lineBase
		plain := r.startItem(se)
		it, err := r.decodeItem()
		r.src.stopRecording()
		if err != nil {
			if row := r.skipBroken(plain, se.Name.Local, line, it.ID, err); row != nil {
				return Item{Line: line, ID: it.ID}, row
			}
			if r.rereadSpent {
				r.fail(err)
				r.err = fmt.Errorf("%w; skipping the %d broken items before this one read more bytes again than the feed had: the feed is abandoned", r.err, r.skipped)
				return Item{}, r.err
			}
			if r.skipped >= maxBrokenItems {
				r.fail(err)
				r.err = fmt.Errorf("%w; %d items before this one were not well-formed XML either: the feed is abandoned", r.err, r.skipped)
				return Item{}, r.err
			}
			return Item{}, r.fail(err)
		}
		it.Line = line
		if reason := parseItem(&it, r.currency); reason != "" {
			return it, &RowError{Line: line, Item: it.ID, Reason: reason}
		}
		return it, nil
	}
}

// decodeItem reads an item's direct child elements up to its end tag. Nested elements
// (g:shipping's own g:price) are skipped, text and all. g: fields win over the unprefixed
// RSS/Atom elements (<title>, <link>, <description>) that many feeds use for the same things.
// Walking the tokens by hand rather than with DecodeElement halves the reflection and garbage.
func (r *gmcReader) decodeItem() (Item, error) {
	var it Item
	var cur field
	var text strings.Builder
	depth := 0
	for {
		tok, err := r.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return it, err // the fields read so far name the item in a row error
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				cur = field{name: t.Name}
				text.Reset()
				for _, a := range t.Attr {
					if a.Name.Local == "href" {
						cur.href = a.Value
					} else if isCurrencyAttr(a.Name.Local) {
						cur.currency = a.Value
					}
				}
			}
		case xml.CharData:
			if depth == 1 {
				text.Write(t)
			}
		case xml.EndElement:
			if depth == 0 { // the item's own end tag
				return it, nil
			}
			if depth == 1 {
				v := strings.TrimSpace(text.String())
				if v == "" && cur.name.Local == "link" {
					v = strings.TrimSpace(cur.href) // Atom: <link href="…"/>
				}
				v = withCurrency(cur.name.Local, v, cur.currency)
				if v != "" {
					if isGoogleNamespace(cur.name.Space) {
						setGField(&it, cur.name.Local, v)
					} else {
						setPlainField(&it, cur.name.Local, v, r.plainMerchantSpace(cur.name.Space))
					}
				}
			}
			depth--
		}
	}
}

// field is the child element of an item being read.
type field struct {
	name xml.Name
	href string
	// currency is the element's currency attribute: <price currency="EUR">12.99</price>.
	currency string
}

// fail ends the feed with err, naming the line where reading stopped.
func (r *gmcReader) fail(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		r.err = fmt.Errorf("line %d: XML syntax error: %s", se.Line+r.lineBase, se.Msg)
	} else {
		line, _ := r.dec.InputPos()
		r.err = fmt.Errorf("line %d: %w", line+r.lineBase, err)
	}
	return r.err
}

// parseItem checks the required fields and parses the prices, returning why the item cannot be
// used, or "". currency is Options.Currency, for prices that name none. A sale price that is
// zero ("0.00 EUR", as shop plugins write for "no sale") means no sale, as in delimited feeds.
func parseItem(it *Item, currency string) string {
	switch {
	case it.ID == "":
		return "missing id"
	case it.Title == "":
		return "missing title"
	case it.Price == "":
		return "missing price"
	}
	var err error
	if it.RegularPrice, it.Currency, err = parseGMCPrice(it.Price, currency); err != nil {
		return err.Error()
	}
	if it.SalePrice == "" || isZeroAmount(it.SalePrice) {
		it.SalePrice = ""
		return ""
	}
	sale, cur, err := parseGMCPrice(it.SalePrice, it.Currency)
	if err != nil {
		return "sale_" + err.Error()
	}
	if cur != it.Currency {
		return fmt.Sprintf("sale_price currency %s differs from price currency %s", cur, it.Currency)
	}
	it.SaleAmount = sale
	if dropNonSale(it); it.SaleAmount > 0 {
		setSaleWindow(it)
	}
	return ""
}

// addSize adds one g:size element's value to the sizes read so far: several elements (feed
// tools' exports of a multi-size item) are one list, "S, M, L", which the index files under
// each size; "38,5 | 39" when a size has a decimal comma. A repeated value is added once.
func addSize(list, v string) string {
	v = strings.TrimSpace(v)
	if v == "" || list == "" {
		return list + v
	}
	sep := ", "
	if strings.Contains(list, " | ") || strings.Contains(strings.ReplaceAll(list, ", ", ""), ",") || strings.Contains(v, ",") {
		sep = " | "
		list = strings.Replace(list, ", ", sep, -1)
	}
	for _, s := range strings.Split(list, strings.TrimSpace(sep)) {
		if strings.TrimSpace(s) == v {
			return list
		}
	}
	return list + sep + v
}
