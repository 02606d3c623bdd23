package feed

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// Price-comparison sites' XML (Heureka's and Zboží's <SHOPITEM>, Ceneo's <o>) and shop
// systems' exports (Shoptet, TradeTracker's feeds) give a product's attributes as name/value
// pairs and its sizes as variant elements of their own, each with its id, price and stock:
//
//	<SHOPITEM id="118"><NAME>Šaty</NAME>…
//	  <PARAM><PARAM_NAME>Barva</PARAM_NAME><VAL>modrá</VAL></PARAM>
//	  <VARIANTS><VARIANT id="118-1"><PRICE_VAT>1290</PRICE_VAT>…</VARIANT>…</VARIANTS>
//	</SHOPITEM>
//
// Each variant is an item of its own, grouped by its product's id (item_group_id), with the
// product's fields where it gives none of its own.

// variantKeys are the header keys of an element that holds one variant of its product.
var variantKeys = map[string]bool{"variant": true, "variation": true, "productvariant": true, "varianta": true, "wariant": true}

// propertyNameNames and propertyValueNames are the header keys of the children that name a
// property and give its value (WooCommerce's REST API gives a variation's attribute as its
// option, a product's as a list of options); wrappedValueNames those of a child holding the
// value of the element around it.
var (
	propertyNameNames  = map[string]bool{"name": true, "paramname": true, "attributename": true, "propertyname": true, "key": true, "nazwa": true}
	propertyValueNames = map[string]bool{"value": true, "val": true, "values": true, "attributevalue": true, "propertyvalue": true,
		"wartosc": true, "wartość": true, "option": true, "options": true}
	// propertyMetaNames are the header keys of a property's children that say where it is
	// listed, not what it is: WooCommerce's attribute id, slug, position and flags, Shopify's
	// option id, position and product id.
	propertyMetaNames = map[string]bool{"id": true, "slug": true, "position": true, "visible": true, "variation": true,
		"productid": true}
	wrappedValueNames = map[string]bool{"amount": true, "quantity": true, "value": true, "val": true, "count": true}
)

// propertyNameAttr is the property an element names by its attribute (<a name="Kolor">,
// <property name="brand">), or "".
func propertyNameAttr(el xml.StartElement) string {
	for _, a := range el.Attr {
		switch strings.ToLower(a.Name.Local) {
		case "name", "key", "nazwa":
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// imageAddress is the address an empty element gives by its attribute (<main url=…/>), or "".
func imageAddress(el xml.StartElement) string {
	for _, a := range el.Attr {
		switch strings.ToLower(a.Name.Local) {
		case "url", "src", "href":
			if v := strings.TrimSpace(a.Value); strings.HasPrefix(v, "http") || strings.HasPrefix(v, "//") {
				return v
			}
		}
	}
	return ""
}

// isImageList reports an element named as a product's images (Ceneo's <imgs>).
func isImageList(name string) bool {
	switch headerKey(name) {
	case "imgs", "images", "image", "img", "photos", "photo", "pictures", "picture", "bilder", "zdjecia", "zdjęcia", "obrazky":
		return true
	}
	return false
}

// columnField is the field a column or element name holds by the default column names, or "".
// A price named with its tax (Heureka's PRICE_VAT) is the price's.
func columnField(name string) string {
	k := headerKey(name)
	if f, ok := columnFields[k]; ok {
		return f
	}
	if base, ok := taxIncludedBase(k); ok && taxIncludedFields[columnFields[base]] {
		return columnFields[base]
	}
	return ""
}

// columnFields maps the header keys of defaultColumns to their field, the first in fieldOrder
// for a key several fields list.
var columnFields = func() map[string]string {
	m := map[string]string{}
	for _, f := range fieldOrder {
		for _, n := range defaultColumns[f] {
			if _, ok := m[n]; !ok {
				m[n] = f
			}
		}
	}
	return m
}()

// variantGroups are fields a variant gives together: one of them given, the product's others
// do not apply (a variant's own price and the product's sale price are of two offers).
var variantGroups = map[string]string{"price": "price", "sale_price": "price", "sale_price_effective_date": "price",
	FieldSaleStart: "price", FieldSaleEnd: "price", FieldRegularPrice: "price", "availability": "stock", FieldInStock: "stock"}

// fieldOfColumn is the field the column named h holds, by the column map first.
func fieldOfColumn(h string, colMap map[string]string) string {
	for f, m := range colMap {
		if strings.TrimSpace(m) == strings.TrimSpace(h) || headerKey(m) == headerKey(h) {
			return f
		}
	}
	if f := columnField(h); f != "" {
		if g := variantGroups[f]; g != "" {
			return g
		}
		return f
	}
	return ""
}

// xmlVariants are the variants of a product still to be read as items, one at a time (see
// variantRecord): its line, its id and the next variant's place.
type xmlVariants struct {
	product    xmlRecord
	variants   []xmlRecord
	parentID   string
	next, line int
	// hasGroup and hasTitle say the product gives its group and its title, which its
	// variants' items take.
	hasGroup, hasTitle bool
}

// newXMLVariants prepares the variants of product, which starts on line, to be read.
func newXMLVariants(product xmlRecord, variants []xmlRecord, line int, colMap map[string]string) *xmlVariants {
	xv := &xmlVariants{product: product, variants: variants, line: line}
	for _, name := range append([]string{colMap["id"]}, defaultColumns["id"]...) {
		for i, h := range product.header {
			if name != "" && headerKey(h) == headerKey(name) && product.rec[i] != "" && xv.parentID == "" {
				xv.parentID = product.rec[i]
			}
		}
	}
	xv.hasGroup = hasField(product.header, "item_group_id", colMap)
	xv.hasTitle = hasField(product.header, "title", colMap)
	return xv
}

// variantRecord makes the next variant a row of its own: its fields, then the product's it
// gives none of (its title always the product's), with the product's id as its group. A
// variant without an id of its own takes the product's with its size and colour (or its place)
// after it, or, the product's only one, the product's id alone and no group.
func (xv *xmlVariants) variantRecord(colMap map[string]string) xmlRecord {
	n, v, product := xv.next, xv.variants[xv.next], xv.product
	xv.next++
	has := map[string]bool{}
	var row xmlRecord
	for i, h := range v.header {
		f := fieldOfColumn(h, colMap)
		if f == "title" && xv.hasTitle {
			continue // the variant's name ("Grey / M", an attribute's "Size"), not the item's title
		}
		has[f] = true
		row.add(h, v.rec[i])
	}
	row.props = append(append(row.props, v.props...), product.props...)
	for i, h := range product.header {
		if f := fieldOfColumn(h, colMap); f == "" || !has[f] {
			row.add(h, product.rec[i])
		}
	}
	if xv.parentID == "" {
		return row
	}
	if !has["id"] && len(xv.variants) == 1 {
		// the product's one variant, without an id of its own, is the product: its id stays
		row.header, row.rec = append([]string{"id"}, row.header...), append([]string{xv.parentID}, row.rec...)
		return row
	}
	if !has["id"] {
		row.header, row.rec = append([]string{"id"}, row.header...), append([]string{variantID(xv.parentID, v, n)}, row.rec...)
	}
	if !has["item_group_id"] && !xv.hasGroup {
		row.add("item_group_id", xv.parentID)
	}
	return row
}

// hasField reports a column of header that holds field f.
func hasField(header []string, f string, colMap map[string]string) bool {
	for _, h := range header {
		if fieldOfColumn(h, colMap) == f {
			return true
		}
	}
	return false
}

// variantID is the id of the n-th variant v of the product parentID when v gives none: the
// product's with the variant's size and colour, or its place among the product's variants.
func variantID(parentID string, v xmlRecord, n int) string {
	var parts []string
	for i, h := range v.header {
		if f := columnField(h); (f == "size" || f == "color") && v.rec[i] != "" {
			parts = append(parts, v.rec[i])
		}
	}
	for _, p := range v.props {
		if f := attributeFieldOf(p[0]); (f == "size" || f == "color") && p[1] != "" {
			parts = append(parts, p[1])
		}
	}
	if len(parts) == 0 {
		return parentID + "-" + strconv.Itoa(n+1)
	}
	return parentID + "-" + strings.Join(parts, "-")
}

// fillProperties fills the item's fields that are still empty from the properties a product
// gave as name/value pairs, by the names fillAttribute knows. A property is named as a column
// is, so its value is taken as a column's would be, in any language ("Barva: modrá", a suit's
// "Size: 40R"), unless it lists several colours or sizes (the ones on offer) or gives a size in
// words that name none (see sizeWords); the gtin, mpn and
// stock properties are fields of the row (see propertyFields).
func fillProperties(it *Item, props [][2]string) {
	for _, p := range props {
		f := attributeFieldOf(p[0])
		if f == "" {
			continue
		}
		af, v := attributeFields[f], strings.TrimSpace(p[1])
		if v == "" || af.get(it) != "" || f == "color" && colourList(v) || f == "size" && (sizeList(v) || sizeWords(v)) {
			continue
		}
		af.set(it, v)
	}
}

// propertyFields moves the properties that name a row field fillAttribute does not fill (EAN,
// a stock count) into the record as fields, after its own.
func (x *xmlRecord) propertyFields() {
	for _, p := range x.props {
		switch columnField(p[0]) {
		case "gtin", "mpn", FieldInStock:
			x.add(p[0], p[1])
		}
	}
}

// attributeNames are attribute names in shops' languages beside sizeOptions, colourOptions and
// materialOptions and the default column names, by the field they stand for: Czech and Slovak
// (Značka, Výrobce, Pohlaví, Farba, Veľkosť, Materiál), Polish (Producent, Marka, Płeć), German
// (Geschlecht), French (Sexe), Spanish (Género), Dutch (Geslacht), Swedish (Kön), and a
// fabric.
var attributeNames = map[string]string{"značka": "brand", "znacka": "brand", "výrobce": "brand", "vyrobce": "brand",
	"výrobca": "brand", "producent": "brand", "marka": "brand", "pohlaví": "gender", "pohlavie": "gender", "płeć": "gender",
	"geschlecht": "gender", "sexe": "gender", "género": "gender", "geslacht": "gender", "kön": "gender",
	"farba": "color", "veľkosť": "size", "velkost": "size", "materiál": "material", "fabric": "material"}

// sizeWords reports a size property in words that name no size ("see size chart", "runs
// small"): a value with a number in it ("40R", socks' "39-42") stays as written.
func sizeWords(v string) bool {
	return !attributeValueFits("size", v) && !strings.ContainsAny(v, "0123456789")
}
