package extract

import (
	"html"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// The schema.org reader works on one generic shape that both JSON-LD and microdata are turned
// into: map[string]any nodes with "@type", property values that may be single or lists, strings,
// jsonNumbers and nested nodes. It finds products, groups variants and reads offers.

// candidate is one product as one source describes it, before sources are merged.
type candidate struct {
	source  string // "json-ld", "microdata", "opengraph", "page"
	product Product
	offers  []rawOffer
	main    bool // the page declares it its main entity
	listed  bool // one item of a list (related products, a category page)
	orphan  bool // offers without a product, waiting for the page's main product
	order   int  // document order of discovery
}

// rawOffer keeps amounts as plain decimal strings until the currency is settled.
type rawOffer struct {
	sku, size, color, url string
	price, regular        string
	currency              string
	availability          catalog.Availability
}

// variantInfo is what a variant product passes down to its offers.
type variantInfo struct{ sku, size, color, url string }

// schemaReader reads the nodes of one page. ids indexes every node that has an @id, across all
// of the page's blocks, so references resolve wherever the node is written.
type schemaReader struct {
	x       *extraction
	src     string
	ids     map[string]map[string]any
	visits  int
	visited map[unsafe.Pointer]bool
	onPath  map[unsafe.Pointer]bool
	cycles  map[string]bool
	found   []*found
	orphans []rawOffer
	where   func(node map[string]any) (string, int) // which block a node came from, for errors
}

// found is a product node met while walking, with how it was reached.
type found struct {
	node         map[string]any
	main, listed bool
	order        int
	offerFrom    map[string]any // the Offer the product was found through (its itemOffered)
}

func newSchemaReader(x *extraction, src string) *schemaReader {
	return &schemaReader{x: x, src: src, ids: map[string]map[string]any{}, visited: map[unsafe.Pointer]bool{},
		onPath: map[unsafe.Pointer]bool{}, cycles: map[string]bool{}}
}

func ptr(m map[string]any) unsafe.Pointer { return reflect.ValueOf(m).UnsafePointer() }

// index records every node with an @id and content beyond it, iteratively and within budget.
func (r *schemaReader) index(v any) {
	stack := []any{v}
	for len(stack) > 0 && r.visits < maxVisits {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		r.visits++
		switch t := v.(type) {
		case []any:
			stack = append(stack, t...)
		case map[string]any:
			if id, ok := t["@id"].(string); ok && len(t) > 2 {
				if _, dup := r.ids[id]; !dup {
					r.ids[id] = t
				}
			}
			for _, k := range slices.Sorted(maps.Keys(t)) {
				stack = append(stack, t[k])
			}
		}
	}
}

// deref follows a bare {"@id": …} reference to the node it names.
func (r *schemaReader) deref(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	id, ok := m["@id"].(string)
	if !ok || len(m) > 2 {
		return v
	}
	if target, ok := r.ids[id]; ok {
		return target
	}
	return v
}

// walk finds product and offer nodes. Each node is walked once; a reference back to a node on
// the current path is a cycle and is reported once per @id.
func (r *schemaReader) walk(v any, main, listed bool, depth int) {
	r.visits++
	if r.visits > maxVisits || depth > maxJSONDepth {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, c := range t {
			r.walk(c, main, listed, depth+1)
		}
	case map[string]any:
		t = r.deref(t).(map[string]any)
		p := ptr(t)
		if r.onPath[p] {
			id, _ := t["@id"].(string)
			if !r.cycles[id] {
				r.cycles[id] = true
				where, line := r.where(t)
				r.x.errorf(where, line, "@id reference cycle through %q: followed once", id)
			}
			return
		}
		if r.visited[p] {
			return
		}
		r.visited[p] = true
		types := typesOf(t)
		switch {
		case isProductType(types) || (len(types) == 0 && get(t, "offers") != nil && get(t, "name") != nil):
			r.found = append(r.found, &found{node: t, main: main || get(t, "mainEntityOfPage") != nil, listed: listed, order: len(r.found)})
			return
		case hasType(types, "offer", "aggregateoffer"):
			if item, ok := r.deref(get(t, "itemOffered")).(map[string]any); ok && isProductType(typesOf(item)) {
				if !r.visited[ptr(item)] {
					r.visited[ptr(item)] = true
					r.found = append(r.found, &found{node: item, main: main, listed: listed, order: len(r.found), offerFrom: t})
				}
				return
			}
			r.orphans = append(r.orphans, r.offersFrom(t, variantInfo{}, 0)...)
			return
		}
		r.onPath[p] = true
		for _, k := range slices.Sorted(maps.Keys(t)) {
			lk := localName(k)
			r.walk(t[k], main || strings.EqualFold(lk, "mainEntity"), listed || strings.EqualFold(lk, "itemListElement"), depth+1)
		}
		delete(r.onPath, p)
	}
}

// candidates turns the found product nodes into candidates: a ProductGroup with its variants
// becomes one product whose offers are the variants' offers; variants are not listed again.
func (r *schemaReader) candidates() []*candidate {
	byPtr := map[unsafe.Pointer]*found{}
	byGroupID := map[string]*found{}
	for _, f := range r.found {
		byPtr[ptr(f.node)] = f
		if isGroup(f.node) {
			if gid := str(get(f.node, "productGroupID")); gid != "" {
				byGroupID[gid] = f
			}
		}
	}
	variants := map[unsafe.Pointer][]map[string]any{} // group → variants found elsewhere
	consumed := map[unsafe.Pointer]bool{}
	inline := map[string]*found{} // groups written inside their variants' isVariantOf
	var inlineOrder []string
	for _, f := range r.found {
		var g *found
		if gm, ok := r.deref(first(get(f.node, "isVariantOf"))).(map[string]any); ok {
			if known, ok := byPtr[ptr(gm)]; ok && known != f {
				g = known
			} else if key := groupKey(gm); key != "" {
				if g = inline[key]; g == nil {
					g = &found{node: gm, main: f.main, listed: f.listed, order: f.order}
					inline[key] = g
					inlineOrder = append(inlineOrder, key)
				}
			}
		} else if gid := str(get(f.node, "inProductGroupWithID")); gid != "" && byGroupID[gid] != nil && byGroupID[gid] != f {
			g = byGroupID[gid]
		}
		if g != nil {
			variants[ptr(g.node)] = append(variants[ptr(g.node)], f.node)
			consumed[ptr(f.node)] = true
		}
	}
	groups := append([]*found{}, r.found...)
	for _, k := range inlineOrder {
		groups = append(groups, inline[k])
	}
	var out []*candidate
	for _, f := range groups {
		if consumed[ptr(f.node)] {
			continue
		}
		c := &candidate{source: r.src, product: r.productFields(f.node), main: f.main, listed: f.listed, order: f.order}
		var vs []map[string]any // hasVariant's order first, then variants that name the group
		for _, v := range list(get(f.node, "hasVariant")) {
			if vm, ok := r.deref(v).(map[string]any); ok {
				vs = append(vs, vm)
			}
		}
		for _, vm := range variants[ptr(f.node)] {
			if !slices.ContainsFunc(vs, func(m map[string]any) bool { return ptr(m) == ptr(vm) }) {
				vs = append(vs, vm)
			}
		}
		for _, v := range vs {
			info := variantInfo{sku: str(get(v, "sku")), size: sizeOf(get(v, "size")), color: str(get(v, "color")), url: r.url(get(v, "url"))}
			offers := r.offersFrom(v, info, 0)
			if len(offers) == 0 {
				offers = []rawOffer{{sku: info.sku, size: info.size, color: info.color, url: info.url}}
			}
			c.offers = append(c.offers, offers...)
		}
		own := r.offersFrom(f.node, variantInfo{sku: c.product.SKU, size: sizeOf(get(f.node, "size")), color: str(get(f.node, "color"))}, 0)
		if f.offerFrom != nil {
			own = append(own, r.offerFrom(f.offerFrom, variantInfo{sku: c.product.SKU})...)
		}
		if !anyPrice(c.offers) {
			c.offers = append(own, c.offers...)
		}
		if len(c.offers) > maxOffers {
			where, line := r.where(f.node)
			r.x.errorf(where, line, "product %q has %d offers: kept the first %d", c.product.Title, len(c.offers), maxOffers)
			c.offers = c.offers[:maxOffers]
		}
		out = append(out, c)
	}
	return out
}

func anyPrice(offers []rawOffer) bool {
	for _, o := range offers {
		if o.price != "" {
			return true
		}
	}
	return false
}

// groupKey identifies an inline ProductGroup shared by several variants.
func groupKey(g map[string]any) string {
	for _, k := range []string{"@id", "productGroupID", "sku", "name"} {
		if v := str(get(g, k)); v != "" {
			return k + "=" + v
		}
	}
	return ""
}

func isGroup(n map[string]any) bool {
	return hasType(typesOf(n), "productgroup") || get(n, "hasVariant") != nil
}

// productFields reads a product's own fields.
func (r *schemaReader) productFields(n map[string]any) Product {
	p := Product{
		Title:    str(get(n, "name")),
		Brand:    str(r.deref(first(get(n, "brand")))),
		SKU:      str(get(n, "sku")),
		MPN:      str(get(n, "mpn")),
		Category: category(get(n, "category")),
		URL:      r.url(get(n, "url")),
		Image:    r.url(imageOf(r.deref(first(get(n, "image"))))),
	}
	if p.Brand == "" {
		p.Brand = str(r.deref(first(get(n, "manufacturer"))))
	}
	if p.SKU == "" && isGroup(n) {
		p.SKU = str(get(n, "productGroupID"))
	}
	for _, k := range []string{"gtin", "gtin13", "gtin14", "gtin12", "gtin8", "isbn"} {
		if g := gtinOf(str(get(n, k))); g != "" {
			p.GTIN = g
			break
		}
	}
	return p
}

// offersFrom reads the offers of a product (or of an AggregateOffer, depth 1 and 2).
func (r *schemaReader) offersFrom(n map[string]any, v variantInfo, depth int) []rawOffer {
	var out []rawOffer
	for _, o := range list(get(n, "offers")) {
		m, ok := r.deref(o).(map[string]any)
		if !ok {
			continue
		}
		if hasType(typesOf(m), "aggregateoffer") && get(m, "offers") != nil && depth < 2 {
			if nested := r.offersFrom(m, v, depth+1); anyPrice(nested) {
				out = append(out, nested...)
				continue
			}
		}
		out = append(out, r.offerFrom(m, v)...)
		if len(out) > maxOffers {
			break
		}
	}
	sizesFromSKUs(out)
	return out
}

// offerFrom reads one Offer or AggregateOffer node.
func (r *schemaReader) offerFrom(m map[string]any, v variantInfo) []rawOffer {
	o := rawOffer{sku: v.sku, size: v.size, color: v.color, url: v.url, currency: currencyCode(str(get(m, "priceCurrency")))}
	if s := str(get(m, "sku")); s != "" {
		o.sku = s
	}
	if u := r.url(get(m, "url")); u != "" {
		o.url = u
	}
	if item, ok := r.deref(get(m, "itemOffered")).(map[string]any); ok {
		if s := sizeOf(get(item, "size")); s != "" {
			o.size = s
		}
		if c := str(get(item, "color")); c != "" {
			o.color = c
		}
		if s := str(get(item, "sku")); s != "" && o.sku == "" {
			o.sku = s
		}
	}
	if o.size == "" {
		o.size = sizeInName(str(get(m, "name")))
	}
	o.availability = schemaAvailability(str(get(m, "availability")))
	o.price, o.currency = r.amount(get(m, "price"), o.currency)
	for _, s := range list(get(m, "priceSpecification")) {
		spec, ok := r.deref(s).(map[string]any)
		if !ok {
			continue
		}
		cur := currencyCode(str(get(spec, "priceCurrency")))
		if cur == "" {
			cur = o.currency
		}
		amt, cur := r.amount(get(spec, "price"), cur)
		if amt == "" || (o.currency != "" && cur != "" && cur != o.currency) {
			continue
		}
		if o.currency == "" {
			o.currency = cur
		}
		kind := strings.ToLower(localName(str(get(spec, "priceType"))) + " " + str(get(spec, "name")))
		switch {
		case containsAny(kind, "strikethrough", "listprice", "list price", "msrp", "srp", "regular", "original", "invoice"):
			if o.regular == "" {
				o.regular = amt
			}
		case o.price == "" || strings.Contains(kind, "saleprice"):
			o.price = amt
		}
	}
	if o.price == "" {
		o.price, o.currency = r.amount(get(m, "lowPrice"), o.currency)
	}
	if o.price == "" && o.regular != "" {
		o.price, o.regular = o.regular, ""
	}
	if o.price == "" && o.availability == "" && o.sku == "" && o.url == "" {
		return nil
	}
	return []rawOffer{o}
}

// amount reads a schema.org price: a number or a plain decimal string as it is, anything else
// ("1.299,00", "$121.95") through the shown-price reader.
func (r *schemaReader) amount(v any, currency string) (string, string) {
	v = first(v)
	var s string
	switch t := v.(type) {
	case jsonNumber:
		s = string(t)
		if strings.ContainsAny(s, "eE") {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || f <= 0 || f > 1e15 {
				return "", currency
			}
			s = strconv.FormatFloat(f, 'f', -1, 64)
		}
	case string:
		s = strings.TrimSpace(html.UnescapeString(t))
	default:
		return "", currency
	}
	if d, ok := plainDecimal(s); ok {
		return d, currency
	}
	amt, cur, ok := r.x.opts.ParsePrice(s, currency)
	if !ok {
		return "", currency
	}
	if currency == "" {
		currency = cur
	}
	return amt, currency
}

// plainDecimal accepts "121.95", "8097000", "+12.5" and returns the amount when it is above zero.
func plainDecimal(s string) (string, bool) {
	s = strings.TrimPrefix(s, "+")
	if s == "" || len(s) > 24 {
		return "", false
	}
	dot := false
	nonzero := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && !dot:
			dot = true
		case c >= '1' && c <= '9':
			nonzero = true
		case c == '0':
		default:
			return "", false
		}
	}
	if s == "." || !nonzero {
		return "", false
	}
	return s, true
}

// url reads a URL property and makes it absolute against the page.
func (r *schemaReader) url(v any) string {
	s := str(v)
	if s == "" {
		return ""
	}
	return resolve(r.x.base, s)
}
