package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// maxShopifyProduct bounds one product of a products.json page (variants, images, HTML
// description and all): a real one is a few kilobytes, a page of 250 a few megabytes.
const maxShopifyProduct = 16 << 20

// shopifyReader reads one page of a Shopify storefront's /products.json and yields one item
// per variant. It walks the top-level object token by token and decodes one product at a time,
// so a page never sits in memory whole.
type shopifyReader struct {
	src      *jsonSource
	dec      *json.Decoder
	base     string // store address for links, without a trailing slash
	currency string
	parse    func(s, defaultCurrency string) (int64, string, error)

	started    bool // the opening brace has been read
	inProducts bool // inside the "products" array
	sawArray   bool
	products   int   // products read so far
	pending    []row // the current product's variants not yet returned
	err        error // sticky
}

// row is an item with why it cannot be used ("" when it can).
type row struct {
	it     Item
	reason string
}

func newShopifyReader(r io.Reader, opts Options) (*shopifyReader, error) {
	if strings.TrimSpace(opts.Currency) == "" {
		return nil, errors.New("shopify: products.json does not say which currency its prices are in: give the store's currency (ISO 4217, e.g. USD)")
	}
	src := &jsonSource{r: r}
	s := &shopifyReader{src: src, dec: json.NewDecoder(src), base: strings.TrimRight(opts.BaseURL, "/"),
		currency: strings.ToUpper(strings.TrimSpace(opts.Currency)), parse: opts.ParsePrice}
	if s.parse == nil {
		s.parse = DefaultParsePrice
	}
	return s, nil
}

// Next returns the next variant; see Reader.
func (s *shopifyReader) Next() (Item, error) {
	for {
		if len(s.pending) > 0 {
			r := s.pending[0]
			s.pending = s.pending[1:]
			if r.reason != "" {
				return r.it, &RowError{Line: r.it.Line, Item: r.it.ID, Reason: r.reason}
			}
			return r.it, nil
		}
		if s.err != nil {
			return Item{}, s.err
		}
		if err := s.advance(); err != nil {
			s.err = err
			if err != io.EOF {
				s.err = fmt.Errorf("shopify: line %d: %w", s.src.startLine(s.dec.InputOffset()), err)
			}
		}
	}
}

// advance reads the next product into pending, or ends the page (io.EOF) or the feed (an error).
func (s *shopifyReader) advance() error {
	if !s.started {
		s.started = true
		if err := s.expect(json.Delim('{'), "a JSON object"); err != nil {
			return err
		}
	}
	for {
		if s.inProducts {
			if !s.dec.More() {
				if err := s.expect(json.Delim(']'), "the end of the products array"); err != nil {
					return err
				}
				s.inProducts = false
				continue
			}
			return s.readProduct()
		}
		tok, err := s.dec.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		if tok == json.Delim('}') { // the end of the page
			if !s.sawArray {
				return errors.New(`the page has no "products" array`)
			}
			return io.EOF
		}
		key, _ := tok.(string)
		if key == "products" && !s.sawArray {
			if err := s.expect(json.Delim('['), `an array of products`); err != nil {
				return err
			}
			s.inProducts, s.sawArray = true, true
			continue
		}
		s.src.reset()
		var skip json.RawMessage
		if err := s.dec.Decode(&skip); err != nil {
			return err
		}
		s.src.lineAt(s.dec.InputOffset())
	}
}

// expect reads one token that must be want.
func (s *shopifyReader) expect(want json.Delim, what string) error {
	tok, err := s.dec.Token()
	if err == io.EOF {
		return fmt.Errorf("expected %s, found the end of the input", what)
	}
	if err != nil {
		return err
	}
	if tok != want {
		return fmt.Errorf("expected %s, found %v", what, tok)
	}
	return nil
}

// readProduct decodes one product and turns its variants into pending rows. The product is
// first taken as raw JSON: that finds where it starts, and keeps a product of the wrong shape
// (a row error) apart from broken JSON (the end of the feed).
func (s *shopifyReader) readProduct() error {
	s.src.reset()
	var raw json.RawMessage
	if err := s.dec.Decode(&raw); err != nil {
		if errors.Is(err, errRecordTooLong) {
			return fmt.Errorf("a product is larger than %d bytes", maxShopifyProduct)
		}
		return err
	}
	s.products++
	line := s.src.lineAt(s.dec.InputOffset() - int64(len(raw)))
	var p shopifyProduct
	if err := json.Unmarshal(raw, &p); err != nil {
		reason := err.Error()
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			reason = fmt.Sprintf("%s is a JSON %s, not %s", typeErr.Field, typeErr.Value, typeErr.Type)
		}
		s.pending = append(s.pending, row{it: Item{Line: line, ID: string(p.ID)}, reason: fmt.Sprintf("product %s: %s", p.ID, reason)})
		return nil
	}
	if len(p.Variants) == 0 {
		s.pending = append(s.pending, row{it: Item{Line: line, ID: string(p.ID), Title: p.Title}, reason: "product has no variants"})
		return nil
	}
	if notMerchandise(p) {
		return nil // a gift card or a checkout add-on, not a product to follow
	}
	for _, v := range p.Variants {
		s.pending = append(s.pending, s.variant(p, v, line))
	}
	return nil
}

// variant makes the item of one variant.
func (s *shopifyReader) variant(p shopifyProduct, v shopifyVariant, line int) row {
	it := Item{Line: line, ID: string(v.ID), ItemGroupID: string(p.ID), Title: strings.TrimSpace(p.Title),
		Description: strings.TrimSpace(p.BodyHTML), Brand: strings.TrimSpace(p.Vendor),
		ProductType: productTypeOf(p), GTIN: strings.TrimSpace(string(v.Barcode)),
		Price: strings.TrimSpace(string(v.Price)), Gender: p.Tags.gender()}
	var waist, length string
	for _, o := range p.optionsByPosition() {
		val := strings.TrimSpace(string(v.option(o.pos)))
		switch {
		case val == "":
		case optionNamed(o.name, waistOptions) && waist == "":
			waist = val
		case optionNamed(o.name, lengthOptions) && length == "":
			length = val
		case isSizeOption(o.name) && it.Size == "":
			it.Size = val
		case isColourOption(o.name) && it.Color == "":
			it.Color = val
		case optionNamed(o.name, materialOptions) && it.Material == "" && catalog.ColourFamily(val) == "":
			it.Material = val // not a colour filed under "Material"
		}
	}
	if waist != "" && it.Size == "" {
		it.Size = waistLength(waist, length)
	}
	if v.Available != nil {
		it.Availability = map[bool]string{true: "in stock", false: "out of stock"}[*v.Available]
	}
	if s.base != "" && p.Handle != "" && it.ID != "" {
		it.Link = s.base + "/products/" + url.PathEscape(p.Handle) + "?variant=" + url.QueryEscape(it.ID)
	}
	if v.FeaturedImage != nil && v.FeaturedImage.Src != "" {
		it.ImageLink = absoluteImage(v.FeaturedImage.Src)
	}
	for _, img := range p.Images {
		src := absoluteImage(img.Src)
		switch {
		case src == "" || src == it.ImageLink:
		case it.ImageLink == "":
			it.ImageLink = src
		case len(it.AdditionalImageLinks) < 10:
			it.AdditionalImageLinks = append(it.AdditionalImageLinks, src)
		}
	}
	switch {
	case it.ID == "":
		return row{it, "variant has no id"}
	case it.Title == "":
		return row{it, "missing title"}
	case it.Price == "":
		return row{it, "missing price"}
	}
	return row{it, parsePrices(&it, s.parse, s.currency, strings.TrimSpace(string(v.CompareAtPrice)))}
}

// absoluteImage gives protocol-relative image addresses ("//cdn.shopify.com/…", as older
// themes write them) their https scheme.
func absoluteImage(src string) string {
	src = strings.TrimSpace(src)
	if strings.HasPrefix(src, "//") {
		return "https:" + src
	}
	return src
}

// shopifyProduct is the part of a products.json product tagdrop reads.
type shopifyProduct struct {
	ID          jsonScalar       `json:"id"`
	Title       string           `json:"title"`
	Handle      string           `json:"handle"`
	BodyHTML    string           `json:"body_html"`
	Vendor      string           `json:"vendor"`
	ProductType string           `json:"product_type"`
	Tags        shopifyTags      `json:"tags"`
	Variants    []shopifyVariant `json:"variants"`
	Options     []struct {
		Name     string     `json:"name"`
		Position jsonScalar `json:"position"`
	} `json:"options"`
	Images []shopifyImage `json:"images"`
}

type shopifyVariant struct {
	ID             jsonScalar `json:"id"`
	Option1        jsonScalar `json:"option1"`
	Option2        jsonScalar `json:"option2"`
	Option3        jsonScalar `json:"option3"`
	Price          jsonScalar `json:"price"`
	CompareAtPrice jsonScalar `json:"compare_at_price"`
	Available      *bool      `json:"available"`
	// RequiresShipping is false for gift cards and checkout add-ons.
	RequiresShipping *bool         `json:"requires_shipping"`
	Barcode          jsonScalar    `json:"barcode"`
	FeaturedImage    *shopifyImage `json:"featured_image"`
}

type shopifyImage struct {
	Src string `json:"src"`
}

func (v shopifyVariant) option(pos int) jsonScalar {
	switch pos {
	case 1:
		return v.Option1
	case 2:
		return v.Option2
	case 3:
		return v.Option3
	}
	return ""
}

// namedOption is a product option and the variant field (option1..3) that holds its value.
type namedOption struct {
	name string
	pos  int
}

// optionsByPosition pairs option names with positions; an option without a position takes its
// place in the list.
func (p shopifyProduct) optionsByPosition() []namedOption {
	out := make([]namedOption, 0, len(p.Options))
	for i, o := range p.Options {
		pos, err := strconv.Atoi(string(o.Position))
		if err != nil || pos < 1 || pos > 3 {
			pos = i + 1
		}
		out = append(out, namedOption{name: o.Name, pos: pos})
	}
	return out
}

// sizeOptions and colourOptions are option names, lower case, that shops use for size and
// colour across the languages Shopify stores are run in.
var (
	sizeOptions = map[string]bool{"size": true, "sizes": true, "taille": true, "größe": true, "grösse": true,
		"groesse": true, "grosse": true, "talla": true, "tamaño": true, "tamano": true, "pointure": true, "taglia": true, "tamanho": true, "maat": true, "storlek": true,
		"størrelse": true, "storrelse": true, "rozmiar": true, "velikost": true, "méret": true, "koko": true,
		"beden": true, "размер": true, "розмір": true, "サイズ": true, "尺码": true, "尺寸": true, "사이즈": true, "waist": true}
	colourOptions = map[string]bool{"color": true, "colour": true, "colors": true, "colours": true, "farbe": true,
		"couleur": true, "colore": true, "kleur": true, "färg": true, "farve": true, "farge": true, "cor": true,
		"kolor": true, "barva": true, "väri": true, "szín": true, "renk": true, "цвет": true, "колір": true, "カラー": true, "颜色": true,
		"色": true, "컬러": true, "색상": true}
)

// sizeSuffixes end German compounds naming a kind of size ("Schuhgröße", "Kleidergröße").
var sizeSuffixes = []string{"größe", "grösse", "groesse"}

// isSizeOption recognises a size option: a known name, one that speaks of size ("Shoe
// Size", "US Size"), or a German compound ending in "größe".
func isSizeOption(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	if sizeOptions[n] {
		return true
	}
	for _, s := range sizeSuffixes {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '/' || r == '-' || r == '_' }) {
		if sizeOptions[w] {
			return true
		}
	}
	return false
}

// isColourOption recognises a colour option the same way.
func isColourOption(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	if colourOptions[n] {
		return true
	}
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '/' || r == '-' || r == '_' }) {
		if colourOptions[w] {
			return true
		}
	}
	return false
}

// jsonScalar reads a JSON string, number or boolean as its text, and null as "": Shopify
// writes ids as numbers, prices as strings, and other exporters do the opposite.
type jsonScalar string

// UnmarshalJSON accepts any scalar; an object or array is a type error.
func (j *jsonScalar) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*j = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*j = jsonScalar(s)
	case b[0] == '{' || b[0] == '[':
		return &json.UnmarshalTypeError{Value: map[byte]string{'{': "object", '[': "array"}[b[0]], Type: reflect.TypeFor[string]()}
	default:
		*j = jsonScalar(b)
	}
	return nil
}

// jsonSource is a page's bytes on their way to the decoder: it bounds one product's size
// (reset before each) and finds the line of an offset already read.
type jsonSource struct {
	r     io.Reader
	n     int    // bytes read since reset
	buf   []byte // bytes read after base, not yet counted for lines
	base  int64
	lines int // line breaks before base
}

func (j *jsonSource) reset() { j.n = 0 }

// Read passes bytes through, failing once a product has read more than maxShopifyProduct.
func (j *jsonSource) Read(p []byte) (int, error) {
	if j.n >= maxShopifyProduct {
		return 0, errRecordTooLong
	}
	if room := maxShopifyProduct - j.n; len(p) > room {
		p = p[:room]
	}
	n, err := j.r.Read(p)
	j.n += n
	j.buf = append(j.buf, p[:n]...)
	return n, err
}

// startLine is the line on which the next value after offset off starts: off's line plus the
// line breaks in the white space and comma that follow it.
func (j *jsonSource) startLine(off int64) int {
	line := j.lineAt(off)
	for _, c := range j.buf {
		switch c {
		case '\n':
			line++
		case ' ', '\t', '\r', ',', ':':
		default:
			return line
		}
	}
	return line
}

// lineAt is the 1-based line of byte offset off; offsets must not go backwards.
func (j *jsonSource) lineAt(off int64) int {
	if k := off - j.base; k > 0 {
		if k > int64(len(j.buf)) {
			k = int64(len(j.buf))
		}
		j.lines += bytes.Count(j.buf[:k], []byte{'\n'})
		j.buf = append(j.buf[:0], j.buf[k:]...)
		j.base += k
	}
	return j.lines + 1
}
