package feed

import (
	"strings"
	"unicode/utf8"
)

// variantIDNames are the header keys of a variant's own id beside its product's: a row whose
// variant id is empty, or "0" as WooCommerce and PrestaShop write it for a simple product, is
// known by its product id.
var variantIDNames = map[string]bool{"variantid": true, "variationid": true, "combinationid": true}

// idFallback adds the product id column behind a chosen variant id column, so that a row
// without a variant id keeps its product's id instead of being refused.
func idFallback(idx []int, header []string, byKey map[string][]int, claimed map[int]bool) []int {
	if len(idx) != 1 || !variantIDNames[headerKey(header[idx[0]])] {
		return idx
	}
	for _, i := range byKey["productid"] {
		if !claimed[i] {
			claimed[i] = true
			return append(idx, i)
		}
	}
	return idx
}

// variantColumns locate a "parent" column and what says whether it holds a variant's product.
type variantColumns struct {
	parent int // the "parent" column, or -1
	// kinds are the columns that may give a row's kind of record (WooCommerce's "Type":
	// simple, variable, variation).
	kinds []int
	// variantIDs is set when the header has a variation or combination id column: the file
	// is an export of variants, whose parent is their product.
	variantIDs bool
	// variations is Magento's configurable_variations column, which lists a configurable
	// product's simple children by their SKUs, or -1.
	variations int
}

// findVariantColumns finds a header's parent and kind columns and the columns whose "0"
// means none.
func findVariantColumns(header []string, byKey map[string][]int) (variantColumns, map[int]bool) {
	v := variantColumns{parent: -1, variations: -1}
	if c := byKey["configurablevariations"]; len(c) > 0 {
		v.variations = c[0]
	}
	zero := map[int]bool{}
	// WooCommerce's export names it "Übergeordnetes Produkt" in German, "Superior" in Spanish.
	for _, k := range []string{"parent", "übergeordnetesprodukt", "superior"} {
		if p := byKey[k]; len(p) > 0 {
			v.parent = p[0]
			zero[p[0]] = true
			break
		}
	}
	v.kinds = append(append(v.kinds, byKey["type"]...), byKey["producttype"]...)
	v.kinds = append(append(v.kinds, byKey["typ"]...), byKey["tipo"]...) // WooCommerce's German and Spanish "Type"
	for i, h := range header {
		if k := headerKey(h); variantIDNames[k] {
			zero[i] = true
			v.variantIDs = v.variantIDs || k != "variantid" // a generic variant_id says less
		}
	}
	return v, zero
}

// parentGroup is a row's "parent" cell as its item group, where the file is an export of
// variants: its header has variation ids, or the row's kind is "variation" (WooCommerce's
// export). Elsewhere a parent is a category tree's parent category, which would merge
// unrelated products, and is not read. A parent of "0" is none.
func (v variantColumns) parentGroup(rec []string) string {
	if v.parent < 0 || v.parent >= len(rec) {
		return ""
	}
	p := strings.TrimSpace(rec[v.parent])
	if p == "" || p == "0" || !utf8.ValidString(p) {
		return ""
	}
	if v.variantIDs {
		return p
	}
	for _, i := range v.kinds {
		if i < len(rec) && strings.EqualFold(strings.TrimSpace(rec[i]), "variation") {
			return p
		}
	}
	return ""
}

// kelkooHeader reports Kelkoo's own spelling of its column names, offer-id, product-url and
// merchant-category: only then is the availability column Kelkoo's numeric codes. A shop's
// offer_id, product_url and merchant_category may hold a stock count there.
func kelkooHeader(header []string) bool {
	seen := 0
	for _, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "offer-id", "product-url", "merchant-category":
			seen++
		}
	}
	return seen == 3
}
