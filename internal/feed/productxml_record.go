package feed

import (
	"encoding/xml"
	"io"
	"strings"
)

// xmlRecord is one product of a product-xml feed, or one variant of it, as a row: the names
// and texts of its elements and attributes (header and rec), and the properties it gives as
// name/value pairs (props: Heureka's <PARAM>, Ceneo's <a name="Kolor">, TradeTracker's
// <property name="brand">), which fill the item's brand, colour, size, gender and material
// where its own fields do not (see fillAttribute).
type xmlRecord struct {
	header, rec []string
	props       [][2]string
	// options are the names of a product's options by their position, which its variants'
	// option1, option2 and option3 give the values of (Shopify's products.xml; see optionProps).
	options []string
}

// add appends one field to the record.
func (x *xmlRecord) add(name, v string) {
	x.header, x.rec = append(x.header, name), append(x.rec, v)
}

// xmlFrame is an element open inside a product while readRecord reads it.
type xmlFrame struct {
	el xml.StartElement
	// from are the lengths of the product's header, nested fields and properties when the
	// element opened: what was added after them is the element's (a property's or a variant's).
	fromHeader, fromNested, fromProps int
	// propName and propValues are the texts of its children that name a property and give its
	// value (<PARAM_NAME>, <VAL>); wrapped is the text of a child that holds its value
	// (<STOCK><AMOUNT>3</AMOUNT></STOCK>), wrappers counts such children and kids its children
	// with text, meta those that say where a property is listed (see propertyMetaNames) and
	// position the text of one of them, its place.
	propName, wrapped, position string
	propValues                  []string
	kids, wrappers, meta        int
	// images counts its empty children that give an image by its address (<imgs><main url=…/>).
	images int
}

// readRecord reads a product element up to its end: the names and texts of the elements in it
// that hold text, and of its own attributes; the name/value properties it gives; and, when it
// holds its variants as elements of their own (<variants><variant>), each variant's fields
// apart (see cutVariant). On an error of the decoder, product holds the fields read before it.
func (r *productXMLReader) readRecord(se xml.StartElement) (product xmlRecord, variants []xmlRecord, err error) {
	for _, a := range se.Attr {
		if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
			product.add(a.Name.Local, strings.TrimSpace(a.Value))
		}
	}
	stack := r.stack[:0]
	defer func() { r.stack = stack[:0] }()
	var text strings.Builder
	var nested xmlRecord // elements inside a child element, after the children's own
	skip := 0            // 1 inside a child whose elements are no product fields (shipping, tax)
	images := 0          // the product's own images given by their address
	size, tooLong := 0, false
	limit := r.opts.MaxRecordBytes
	if limit <= 0 {
		limit = DefaultMaxRecordBytes
	}
	for {
		tok, err := r.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return product, nil, err // the fields read before the break, for its id (see recordID)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, xmlFrame{el: t, fromHeader: len(product.header), fromNested: len(nested.header), fromProps: len(nested.props)})
			if len(stack) == 1 && skip == 0 && notProductKey(r.keyOf(t.Name.Local)) {
				skip = 1
			}
			text.Reset()
		case xml.CharData:
			if size += len(t); size > limit {
				tooLong = true // read on to its end, keeping none of it
			}
			if !tooLong {
				text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				if tooLong {
					return xmlRecord{}, nil, errProductTooLong{limit}
				}
				product.header, product.rec = append(product.header, nested.header...), append(product.rec, nested.rec...)
				product.props = nested.props
				return product, variants, nil
			}
			fr := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			v := strings.TrimSpace(text.String())
			text.Reset()
			cur := xmlCurrencyAttr(fr.el)
			if cur != "" && v == "" && skip == 0 {
				// a price element holding the amounts (Awin's <price curr="EUR"><buynow>):
				// its currency is theirs
				product.add("currency", cur)
			}
			if len(stack) == 0 {
				if skip != 0 {
					nested.header, nested.rec, nested.props = nested.header[:fr.fromNested], nested.rec[:fr.fromNested], nested.props[:fr.fromProps]
				}
				skip = 0
			}
			if skip != 0 && len(stack) > 0 {
				continue
			}
			target := &nested
			if len(stack) == 0 {
				target = &product
			}
			if v == "" {
				key := r.keyOf(fr.el.Name.Local)
				option := key == "option" && fr.propName != "" && fr.kids == 1+fr.meta+len(fr.propValues)
				if option {
					// an option's definition (Shopify's <option><name>Size</name><position>2…)
					product.setOption(fr.position, fr.propName)
				}
				if p, ok := fr.property(!variantKeys[key]); ok && !(variantKeys[key] && ownsVariantField(fr.el)) {
					// a name/value pair (<PARAM><PARAM_NAME>Barva</PARAM_NAME><VAL>modrá</VAL>):
					// a property, not two fields
					nested.header, nested.rec = nested.header[:fr.fromNested], nested.rec[:fr.fromNested]
					nested.props = append(nested.props, p)
					continue
				}
				if option {
					nested.header, nested.rec = nested.header[:fr.fromNested], nested.rec[:fr.fromNested]
					continue
				}
				if variantKeys[key] {
					if vr, ok := cutVariant(fr, &product, &nested); ok {
						// each variant's row repeats the product's fields: they count
						if size += variantCost; size > limit {
							tooLong = true
						}
						variants = append(variants, vr)
						continue
					}
				}
				if u := imageAddress(fr.el); u != "" {
					n, list := &images, fr.el.Name.Local
					if len(stack) > 0 {
						n, list = &stack[len(stack)-1].images, stack[len(stack)-1].el.Name.Local
					}
					if isImageList(list) || isImageList(fr.el.Name.Local) {
						// an image given by its address (Ceneo's <imgs><main url=…/><i url=…/>)
						if *n++; *n == 1 {
							target.add("image", u)
						} else {
							target.add("additional_image_link", u)
						}
					}
					continue
				}
				switch {
				case propertyValueNames[key] && fr.kids > 0 && len(fr.propValues) == fr.kids:
					v = strings.Join(fr.propValues, ", ") // <options><option>S</option>…: a list of values
				case fr.wrappers == 1 && fr.propName == "" && columnField(fr.el.Name.Local) != "":
					// <STOCK><AMOUNT>3</AMOUNT></STOCK>, beside a <MINIMAL_AMOUNT>: the stock
					// is 3; <price><value>39.90</value><currency>… the price 39.90
					v = fr.wrapped
				default:
					continue
				}
			}
			if len(stack) > 0 {
				stack[len(stack)-1].child(r.keyOf(fr.el.Name.Local), v)
			}
			if name := propertyNameAttr(fr.el); name != "" {
				nested.props = append(nested.props, [2]string{name, v}) // <a name="Kolor">czarny</a>
			}
			target.add(fr.el.Name.Local, withCurrency(fr.el.Name.Local, v, cur))
			if cur != "" && isPriceName(fr.el.Name.Local) {
				target.add("currency", cur)
			}
		}
	}
}

// variantCost is what a variant counts towards Options.MaxRecordBytes beside its text: its
// row, which repeats its product's fields, bounds the variants of a product that is read.
const variantCost = 256

// child notes the text v of a child element, whose name's header key is k, in its parent's
// frame.
func (fr *xmlFrame) child(k, v string) {
	fr.kids++
	if wrappedValueNames[k] {
		fr.wrappers++
		fr.wrapped = v
	}
	if propertyMetaNames[k] {
		fr.meta++
		if k == "position" {
			fr.position = v
		}
	}
	switch {
	case propertyNameNames[k] && fr.propName == "":
		fr.propName = v
	case propertyValueNames[k]:
		fr.propValues = append(fr.propValues, v)
	}
}

// property is the name/value pair an element without text of its own gives: by a child naming
// it and one or more giving its value (<PARAM_NAME>/<VAL>, <name>/<value>, WooCommerce's
// <name>/<option>), or by a name attribute and children giving its value (TradeTracker's
// <property name="size"><value>). With meta, children saying where the property is listed
// (WooCommerce's <id>, <position>; see propertyMetaNames) may be beside them: not in a
// variant's element, whose id is its own.
func (fr *xmlFrame) property(meta bool) ([2]string, bool) {
	if len(fr.propValues) == 0 {
		return [2]string{}, false
	}
	others := 0
	if meta {
		others = fr.meta
	}
	name := fr.propName
	if name == "" {
		if name = propertyNameAttr(fr.el); name == "" || fr.kids != len(fr.propValues)+others {
			return [2]string{}, false
		}
	} else if fr.kids != len(fr.propValues)+1+others {
		return [2]string{}, false // more than a name and its values: a record of its own
	}
	return [2]string{name, strings.Join(fr.propValues, ", ")}, true
}

// cutVariant takes the fields a variant element holds (<variant><sku>…<size>…) out of the
// product's, with the element's own attributes (<VARIANT id="118-1">) first; ok is false for
// an element that holds no field or property by a name tagdrop reads (a product's
// <variant>blue</variant> is a field of its own).
func cutVariant(fr xmlFrame, product, nested *xmlRecord) (xmlRecord, bool) {
	// a field or property that tells a variant apart: <variation><type>…<label>… gives none, a
	// name alone defines an option (<variant><name>Colour</name><options>…), a price for a
	// quantity is a bulk price (<variant><quantity>10</quantity><price>…)
	known := false
	for _, a := range fr.el.Attr {
		known = known || variantFields[columnField(a.Name.Local)]
	}
	for _, h := range nested.header[fr.fromNested:] {
		known = known || variantFields[columnField(h)]
	}
	for _, p := range nested.props[fr.fromProps:] {
		known = known || attributeFieldOf(p[0]) != "" || variantFields[columnField(p[0])]
	}
	// a name/value pair among its own fields (<variant><id>…<name>Size</name><value>S</value>)
	// is its property
	pair := fr.propName != "" && len(fr.propValues) == 1 && attributeFieldOf(fr.propName) != ""
	if !known && !pair {
		return xmlRecord{}, false
	}
	var vr xmlRecord
	for _, a := range fr.el.Attr {
		if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
			vr.add(a.Name.Local, strings.TrimSpace(a.Value))
		}
	}
	vr.header, vr.rec = append(vr.header, product.header[fr.fromHeader:]...), append(vr.rec, product.rec[fr.fromHeader:]...)
	named, valued := false, false
	for i, h := range nested.header[fr.fromNested:] {
		if k := headerKey(h); pair && (!named && propertyNameNames[k] || !valued && propertyValueNames[k]) {
			named, valued = named || propertyNameNames[k], valued || propertyValueNames[k]
			continue
		}
		if headerKey(h) == "quantity" {
			h = "stock_quantity" // a variant's quantity is its stock (a bulk price's is no variant)
		}
		vr.add(h, nested.rec[fr.fromNested+i])
	}
	vr.props = append(vr.props, nested.props[fr.fromProps:]...)
	if pair {
		vr.props = append(vr.props, [2]string{fr.propName, fr.propValues[0]})
	}
	product.header, product.rec = product.header[:fr.fromHeader], product.rec[:fr.fromHeader]
	nested.header, nested.rec, nested.props = nested.header[:fr.fromNested], nested.rec[:fr.fromNested], nested.props[:fr.fromProps]
	return vr, true
}

// ownsVariantField reports a variant element giving a field of its own as an attribute
// (<variant id="SC-910-R">): its children's name/value pair is its property, not its product's.
func ownsVariantField(el xml.StartElement) bool {
	for _, a := range el.Attr {
		if variantFields[columnField(a.Name.Local)] {
			return true
		}
	}
	return false
}

// variantFields are the fields by which variants of a product differ: one of them makes an
// element named as a variant one (see cutVariant).
var variantFields = map[string]bool{"id": true, "gtin": true, "mpn": true, "size": true, "color": true, "material": true,
	"pattern": true, "gender": true, "age_group": true}

// notProductKey reports a child element of a product, by its name's header key, whose elements
// are about something else than the product, with names of their own that product fields
// have: shipping's and tax's price, country and rate.
func notProductKey(k string) bool {
	for _, p := range notProductPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// notProductPrefixes begin the header keys of notProductKey's elements.
var notProductPrefixes = []string{"shipping", "tax", "installment", "loyalty", "subscription", "versand"}

// keyOf is headerKey(name), remembered for the element names of the feed (a feed has few).
func (r *productXMLReader) keyOf(name string) string {
	if k, ok := r.keys[name]; ok {
		return k
	}
	k := headerKey(name)
	if len(r.keys) < 1024 {
		if r.keys == nil {
			r.keys = map[string]string{}
		}
		r.keys[name] = k
	}
	return k
}

// xmlCurrencyAttr is the currency attribute of an element (currency, curr, a shop's
// <preis waehrung="EUR">), or "".
func xmlCurrencyAttr(el xml.StartElement) string {
	for _, a := range el.Attr {
		if isCurrencyAttr(a.Name.Local) || currencyAttrNames[headerKey(a.Name.Local)] {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// currencyAttrNames are the header keys of currency attributes beside isCurrencyAttr's: the
// currency column's names (waehrung as German shops spell Währung in ASCII).
var currencyAttrNames = func() map[string]bool {
	m := map[string]bool{"waehrung": true}
	for _, n := range defaultColumns[FieldCurrency] {
		m[n] = true
	}
	return m
}()

// isPriceName reports an element name that is one of the price columns' names.
func isPriceName(name string) bool {
	k := headerKey(name)
	if base, ok := taxIncludedBase(k); ok {
		k = base // Heureka's PRICE_VAT
	}
	return priceNames[k]
}

// priceNames are the header keys of the price columns.
var priceNames = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range []string{"price", "sale_price", FieldRegularPrice} {
		for _, n := range defaultColumns[f] {
			m[n] = true
		}
	}
	return m
}()
