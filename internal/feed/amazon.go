package feed

import "strings"

// Amazon's seller inventory files: the flat file (inventory template) names its columns
// item_sku, item_name, standard_price, sale_price, sale_from_date, sale_end_date, quantity,
// parent_child, parent_sku, size_name and color_name; as a template it has two rows above
// them, a TemplateType=… settings row and a row of labels ("Seller SKU"). Seller Central's
// listings reports name the seller's id seller-sku. In both, quantity is the stock and
// standard_price (where no price column is given) the price; a parent row (parent_child
// "parent") is the product its child rows share, never an offer.

// amazonTemplateRow reports the settings row an Amazon flat-file template starts with
// ("TemplateType=fptcustom", "Version=2021.1014", …): the row under it is labels, the one
// under that the column names.
func amazonTemplateRow(rec []string) bool {
	return len(rec) > 0 && strings.HasPrefix(strings.TrimSpace(rec[0]), "TemplateType=")
}

// amazonHeader reports a header of Amazon's column names (see above).
func amazonHeader(byKey map[string][]int) bool {
	return len(byKey["itemsku"]) > 0 || len(byKey["sellersku"]) > 0
}

// amazonParentRow reports a flat file's parent row, which is no offer (see above).
func (r *delimitedReader) amazonParentRow(rec []string) bool {
	i := r.cols.parentage
	return i >= 0 && i < len(rec) && strings.EqualFold(strings.TrimSpace(rec[i]), "parent")
}

// amazonParentage is the parent_child column of an Amazon header, or -1.
func amazonParentage(byKey map[string][]int) int {
	if p := byKey["parentchild"]; len(p) > 0 && amazonHeader(byKey) {
		return p[0]
	}
	return -1
}
