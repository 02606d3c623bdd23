package feed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// gNamespace is the namespace of Google Merchant Center's g: fields.
const gNamespace = "http://base.google.com/ns/1.0"

// gmcReader reads Google Merchant Center XML: RSS 2.0 (<rss><channel><item>) or Atom
// (<feed><entry>). It walks the token stream and decodes one item at a time.
type gmcReader struct {
	dec    *xml.Decoder
	rooted bool  // the root element has been seen and is rss or feed
	err    error // sticky: once the feed has ended (EOF or broken) Next keeps saying so
	// lineBase is added to the decoder's lines: gmcFastReader hands over mid-file.
	lineBase int
}

func newGMCReader(r io.Reader) *gmcReader {
	dec := xml.NewDecoder(r)
	// Feeds are written by shop software that often emits HTML entities (&nbsp;, &eacute;) in
	// descriptions; knowing them keeps the decoder strict about everything else.
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charsetReader
	return &gmcReader{dec: dec}
}

// charsetReader decodes the declared encodings of older shop software (ISO-8859-1,
// windows-1252, …) using the WHATWG names, which is how browsers treat the same labels.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("declared encoding %q is not supported", label)
	}
	return enc.NewDecoder().Reader(input), nil
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
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !r.rooted {
			if se.Name.Local != "rss" && se.Name.Local != "feed" {
				return Item{}, r.fail(fmt.Errorf("the root element is <%s>, not <rss> or <feed>", se.Name.Local))
			}
			r.rooted = true
			continue
		}
		if (se.Name.Local != "item" && se.Name.Local != "entry") || se.Name.Space == gNamespace {
			continue
		}
		line, _ := r.dec.InputPos()
		line += r.lineBase
		it, err := r.decodeItem()
		if err != nil {
			return Item{}, r.fail(err)
		}
		it.Line = line
		if reason := parseItem(&it); reason != "" {
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
			return Item{}, err
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
				if v != "" {
					if cur.name.Space == gNamespace {
						setGField(&it, cur.name.Local, v)
					} else {
						setPlainField(&it, cur.name.Local, v)
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

// setPlainField fills a field from an unprefixed element only when no g: element has.
func setPlainField(it *Item, name, v string) {
	var dst *string
	switch name {
	case "title":
		dst = &it.Title
	case "description", "summary":
		dst = &it.Description
	case "link":
		dst = &it.Link
	default:
		return
	}
	if *dst == "" {
		*dst = v
	}
}

func setGField(it *Item, name, v string) {
	switch name {
	case "id":
		it.ID = v
	case "title":
		it.Title = v
	case "description":
		it.Description = v
	case "link":
		it.Link = v
	case "image_link":
		it.ImageLink = v
	case "additional_image_link":
		it.AdditionalImageLinks = append(it.AdditionalImageLinks, v)
	case "brand":
		it.Brand = v
	case "gtin":
		it.GTIN = v
	case "mpn":
		it.MPN = v
	case "price":
		it.Price = v
	case "sale_price":
		it.SalePrice = v
	case "sale_price_effective_date":
		it.SalePriceEffectiveDate = v
	case "availability":
		it.Availability = v
	case "google_product_category":
		it.GoogleProductCategory = v
	case "product_type":
		if it.ProductType == "" { // GMC allows several; the first is the main one
			it.ProductType = v
		}
	case "color":
		it.Color = v
	case "size":
		it.Size = v
	case "size_type":
		it.SizeType = v
	case "size_system":
		it.SizeSystem = v
	case "gender":
		it.Gender = v
	case "age_group":
		it.AgeGroup = v
	case "material":
		it.Material = v
	case "pattern":
		it.Pattern = v
	case "item_group_id":
		it.ItemGroupID = v
	case "condition":
		it.Condition = v
	}
}

// parseItem checks the required fields and parses the prices, returning why the item cannot be
// used, or "".
func parseItem(it *Item) string {
	switch {
	case it.ID == "":
		return "missing id"
	case it.Title == "":
		return "missing title"
	case it.Price == "":
		return "missing price"
	}
	var err error
	if it.RegularPrice, it.Currency, err = pricing.ParseGMCPrice(it.Price); err != nil {
		return err.Error()
	}
	if it.SalePrice == "" {
		return ""
	}
	sale, cur, err := pricing.ParseGMCPrice(it.SalePrice)
	if err != nil {
		return "sale_" + err.Error()
	}
	if cur != it.Currency {
		return fmt.Sprintf("sale_price currency %s differs from price currency %s", cur, it.Currency)
	}
	if it.SaleWindow, err = pricing.ParseWindow(it.SalePriceEffectiveDate); err != nil {
		return err.Error()
	}
	it.SaleAmount = sale
	return ""
}
