package feed

import "strings"

// Magento's export gives a configurable product as a row of its own beside a row per simple
// child, which its configurable_variations column lists by SKU. The configurable row is no
// offer a shopper can buy (it has a price but no size, and "in stock" when any child is); its
// children are. (WooCommerce's variable product has no price of its own: its row stays a
// rejected one, saying so.)

// containerRow reports a configurable product's row that lists its variations (see above).
func (r *delimitedReader) containerRow(rec []string) bool {
	v := r.cols.variants.variations
	return v >= 0 && v < len(rec) && strings.TrimSpace(rec[v]) != "" && r.cols.variants.kind(rec) == "configurable"
}

// kind is a row's kind of record in lower case (Magento's product_type, WooCommerce's Type:
// "simple", "configurable", "variable", "variation"), or "" when no kind column says one.
func (v variantColumns) kind(rec []string) string {
	for _, i := range v.kinds {
		if i < len(rec) {
			if k := strings.ToLower(strings.TrimSpace(rec[i])); storeProductKind(k) {
				return k
			}
		}
	}
	return ""
}
