package extract

import (
	"html"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// typesOf lists a node's types as lower-case local names ("product", "productgroup").
func typesOf(n map[string]any) []string {
	var out []string
	for _, t := range list(n["@type"]) {
		if s, ok := t.(string); ok {
			for _, f := range strings.Fields(s) {
				out = append(out, strings.ToLower(localName(f)))
			}
		}
	}
	return out
}

func hasType(types []string, want ...string) bool {
	for _, t := range types {
		if slices.Contains(want, t) {
			return true
		}
	}
	return false
}

func isProductType(types []string) bool {
	return hasType(types, "product", "productgroup", "productmodel", "individualproduct", "someproducts")
}

// localName drops a vocabulary prefix: "schema:price", "http://schema.org/Offer" → "price", "Offer".
func localName(k string) string {
	if i := strings.LastIndexAny(k, "/#:"); i >= 0 && i < len(k)-1 {
		return k[i+1:]
	}
	return k
}

// get reads a property by name, ignoring case and vocabulary prefixes ("Offers", "schema:offers").
func get(n map[string]any, key string) any {
	if v, ok := n[key]; ok {
		return v
	}
	for _, k := range slices.Sorted(maps.Keys(n)) {
		if strings.EqualFold(localName(k), key) {
			return n[k]
		}
	}
	return nil
}

// list sees a single value as a one-element list.
func list(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

func first(v any) any {
	if l, ok := v.([]any); ok {
		for _, e := range l {
			if e != nil {
				return e
			}
		}
		return nil
	}
	return v
}

// str reads a text value: a string (HTML entities decoded, white space collapsed), a number, a
// node's name or @value, or the first non-empty element of a list.
func str(v any) string {
	switch t := v.(type) {
	case string:
		return collapse(html.UnescapeString(t))
	case jsonNumber:
		return string(t)
	case bool:
		return strconv.FormatBool(t)
	case map[string]any:
		for _, k := range []string{"name", "@value", "value"} {
			if s := str(get(t, k)); s != "" {
				return s
			}
		}
	case []any:
		for _, e := range t {
			if s := str(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// sizeOf reads a size: text, or a SizeSpecification's name.
func sizeOf(v any) string { return str(v) }

// category reads a category: text, a Thing's name, or a breadcrumb-like list joined with " > ".
func category(v any) string {
	var parts []string
	for _, e := range list(v) {
		if s := str(e); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " > ")
}

// imageOf reads an image: a URL, an ImageObject's url or contentUrl, or the first of a list.
func imageOf(v any) any {
	switch t := first(v).(type) {
	case string:
		return t
	case map[string]any:
		for _, k := range []string{"url", "contentUrl", "@id"} {
			if s := str(get(t, k)); s != "" {
				return s
			}
		}
	}
	return nil
}

// gtinOf keeps the digits of a GTIN (8 to 14 of them), else "".
func gtinOf(s string) string {
	s = strings.TrimPrefix(strings.ToLower(s), "isbn:")
	s = strings.NewReplacer("-", "", " ", "").Replace(s)
	if len(s) < 8 || len(s) > 14 {
		return ""
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return s
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// currencyCode keeps a three-letter ISO 4217 code, upper-cased; anything else is "".
func currencyCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 3 {
		return ""
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return ""
		}
	}
	return s
}
