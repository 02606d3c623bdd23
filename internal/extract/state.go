package extract

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages drawn by a script (React, Vue, Angular) often ship the product only as a JSON state blob:
// Next.js's __NEXT_DATA__, <script type="application/json"> props, window.__INITIAL_STATE__ =
// {...} or = JSON.parse("..."). When no markup prices the product, the blob's product object, the one named like the
// page's heading, gives its price, regular price, currency and stock. Recommendations in the same
// blob carry other names and are passed over.

// maxStateBytes bounds a state blob; maxStateVisits the objects looked at across a page's blobs.
const (
	maxStateBytes  = 8 << 20
	maxStateVisits = 200000
)

// stateAssign is an inline script that assigns an object: "window.__STATE__ = {".
var stateAssign = regexp.MustCompile(`^\s*(?:window\.|var\s+|let\s+|const\s+|self\.)?[\w$.]+(?:\[["'][\w$.]+["']\])?\s*=\s*\{`)

// stateProduct reads the page's state blobs for the product named like the page's heading; nil
// when none names it or has a price. Of several such objects the first with an id or SKU wins:
// a product has one, a cart line or a list's tile often does not.
func (x *extraction) stateProduct() *candidate {
	names := x.doc.pageNames()
	if len(names) == 0 {
		return nil
	}
	visits := 0
	var first *candidate
	for _, n := range x.doc.elems {
		if n.DataAtom != atom.Script || isJSONLD(attr(n, "type")) || strings.Contains(strings.ToLower(attr(n, "id")), "datalayer") {
			continue
		}
		body := stateBody(n)
		if body == "" || len(body) > maxStateBytes {
			continue
		}
		p := &jsonParser{s: []byte(body), lim: jsonLimits{maxDepth: maxJSONDepth, maxArray: maxArrayItems, maxNodes: 5 * maxBlockValues}}
		p.skipJunk()
		v, err := p.value(0, true)
		if err != nil {
			continue
		}
		w := stateWalk{x: x, names: names, visits: &visits}
		w.walk(v, false)
		if w.withID != nil {
			return w.withID
		}
		if first == nil {
			first = w.first
		}
	}
	return first
}

// stateBody is the JSON a script holds: all of an application/json script, the object an inline
// script assigns; "" for other scripts.
func stateBody(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	body := b.String()
	typ := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	switch {
	case strings.HasSuffix(typ, "json"):
		return body
	case typ == "" || strings.Contains(typ, "javascript") || typ == "module":
		head := body[:min(len(body), 300)]
		if analyticsAssign.MatchString(head) {
			return ""
		}
		if loc := stateAssign.FindStringIndex(head); loc != nil {
			return body[loc[1]-1:]
		}
		if loc := stateParsed.FindStringSubmatchIndex(head); loc != nil {
			return jsString(body[loc[3]-1:])
		}
	}
	return ""
}

// analyticsAssign is an inline script that assigns an analytics data layer, whose prices are
// often before VAT: window.dataLayer = {...}.
var analyticsAssign = regexp.MustCompile(`(?i)^\s*(?:window\.|var\s+|let\s+|const\s+|self\.)?(?:[\w$]+\.)*datalayer\b`)

// stateParsed is an inline script that assigns JSON parsed from a string literal:
// window.__INITIAL_STATE__ = JSON.parse("{\"product\":...}").
var stateParsed = regexp.MustCompile(`^\s*(?:window\.|var\s+|let\s+|const\s+|self\.)?[\w$.]+\s*=\s*JSON\.parse\(\s*(["'])`)

// jsString reads the JavaScript string literal s starts with (its quote first) into its text;
// "" when it is not one.
func jsString(s string) string {
	if s == "" {
		return ""
	}
	quote := s[0]
	end := -1
	for i := 1; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == quote {
			end = i
			break
		}
	}
	if end < 0 {
		return ""
	}
	lit := s[1:end]
	if quote == '\'' {
		lit = strings.NewReplacer(`\'`, `'`, `"`, `\"`).Replace(lit)
	}
	lit = strings.ReplaceAll(lit, `\x`, `\u00`)
	var out string
	if err := json.Unmarshal([]byte(`"`+lit+`"`), &out); err != nil {
		return ""
	}
	return out
}

// pageNames are the folded names the page shows its product under: its first maxNameHeadings
// h1s and its og:title, as a set. A page of many h1s (a listing, a generated page) gives no more:
// the product's heading is among the first.
func (d *document) pageNames() map[string]bool {
	out := map[string]bool{}
	h1s := 0
	for _, n := range d.elems {
		var t string
		switch {
		case n.DataAtom == atom.H1 && h1s < maxNameHeadings:
			h1s++
			t = text(n, titleMaxLength)
		case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "property"), "og:title"):
			t = attr(n, "content")
		}
		if f := catalog.Fold(t); f != "" {
			out[f] = true
		}
	}
	if len(out) == 0 {
		// A shell drawn by a script (Next.js before hydration) has neither: its <title> names the
		// product, often with the shop's name after a separator.
		for _, n := range d.elems {
			if n.DataAtom == atom.Title && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
				for _, t := range titleNames(n.FirstChild.Data[:min(len(n.FirstChild.Data), titleMaxLength)]) {
					out[t] = true
				}
				break
			}
		}
	}
	return out
}

// titleSeparators part a document title's product name from the shop's: "Name | Shop".
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " : ", " · "}

// titleNames are the folded names a document title gives: the whole title and its first part
// before a separator (titleSeparators).
func titleNames(t string) []string {
	var out []string
	if f := catalog.Fold(t); f != "" {
		out = append(out, f)
	}
	t = collapse(t)
	for _, sep := range titleSeparators {
		if i := strings.Index(t, sep); i > 0 {
			if f := catalog.Fold(t[:i]); f != "" {
				out = append(out, f)
			}
			break
		}
	}
	return out
}

// maxNameHeadings bounds the h1s pageNames takes names from.
const maxNameHeadings = 16

// stateWalk walks a blob in a fixed order for the objects named like the page that have a price:
// the first of them, and the first with an id or SKU.
type stateWalk struct {
	x             *extraction
	names         map[string]bool
	visits        *int
	first, withID *candidate
}

// stateCartKeys are key words of the shopper's cart, wish list or bag, whose lines name the
// product too but price a quantity of it; stateLineKeys are keys only a cart line has.
var (
	stateCartKeys = []string{"cart", "carts", "basket", "minicart", "wishlist", "wishlists", "bag"}
	stateLineKeys = []string{"quantity", "qty", "lineTotal", "line_total", "linePrice", "line_price", "lineItemId", "line_item_id"}
)

// walk looks at v and its values; inCart says v is under a cart's key or a recommendation list's
// (stateOtherKey), whose objects are not the product.
func (w *stateWalk) walk(v any, inCart bool) {
	if *w.visits++; *w.visits > maxStateVisits || w.withID != nil {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			w.walk(e, inCart)
		}
	case map[string]any:
		if !inCart && !stateLine(v) {
			w.consider(v)
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			w.walk(v[k], inCart || stateOtherKey(splitWords(k, nil)))
		}
	}
}

// consider records m when it is an object named like the page with a price.
func (w *stateWalk) consider(m map[string]any) {
	name := stateName(m, w.names)
	if name == "" {
		return
	}
	var sp statePrices
	w.x.readStatePrices(m, plain, false, &sp, 0)
	sp.settle()
	if sp.price == "" {
		return
	}
	c := &candidate{source: "state", product: Product{Title: name, SKU: str(m["sku"])},
		offers: []rawOffer{{price: sp.price, regular: sp.regular, currency: sp.currency, availability: stateAvailability(m)}}}
	if w.first == nil {
		w.first = c
	}
	if stateIdentified(m) {
		w.withID = c
	}
}

// stateRecommendKeys are key words of lists of other products: "recommendations",
// "relatedProducts", "similarItems", "upsells"; stateOtherKey adds "alsoLike" and "recentlyViewed".
var stateRecommendKeys = []string{"recommendation", "recommendations", "recommended", "recs", "related", "similar",
	"upsell", "upsells", "crosssell", "crosssells"}

// stateOtherKey reports key words of a cart or of other products than the page's.
func stateOtherKey(kw []string) bool {
	return hasWord(kw, stateCartKeys...) || hasWord(kw, stateRecommendKeys...) ||
		hasWord(kw, "also") && hasWord(kw, "like", "likes", "bought", "viewed") || hasWord(kw, "recently") && hasWord(kw, "viewed")
}

// stateLine reports an object with a cart line's keys.
func stateLine(m map[string]any) bool {
	for _, k := range stateLineKeys {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// stateIdentified reports an object with a product's id or SKU.
func stateIdentified(m map[string]any) bool {
	for _, k := range []string{"id", "sku", "productId", "product_id", "productID", "itemId", "gtin"} {
		switch v := m[k].(type) {
		case string:
			if v != "" {
				return true
			}
		case jsonNumber:
			return true
		}
	}
	return false
}

// stateName is m's name when it is one the page shows, else "".
func stateName(m map[string]any, names map[string]bool) string {
	for _, k := range []string{"name", "title", "productName", "productTitle", "displayName"} {
		if s, ok := m[k].(string); ok && names[catalog.Fold(s)] {
			return s
		}
	}
	return ""
}
