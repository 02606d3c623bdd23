package feed

import "strings"

// Magento's export gives a configurable product as a row of its own beside a row per simple
// child, which its configurable_variations column lists by SKU. The configurable row is no
// offer a shopper can buy (it has a price but no size, and "in stock" when any child is); its
// children are. A configurable row none of whose children is in the file (a filtered or
// partial export) is its product's only offer, and stays an item. (WooCommerce's variable
// product has no price of its own: its row stays a rejected one, saying so.)

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

// configurableRows is what a reader of an export with configurable_variations keeps to tell
// a configurable row whose children are in the file (no item) from one whose children are not
// (an item; see above): the ids of the rows read, and the configurable rows read before any of
// their children, which wait for one to the end of the file.
type configurableRows struct {
	seen map[string]bool
	// waiting are configurable rows none of whose children has been read yet, and waitingFor
	// the index in waiting of the row each such child would settle.
	waiting    []*heldRow
	waitingFor map[string][]int
}

// read notes a row with id read; a waiting configurable row that lists it as a child is no
// item.
func (c *configurableRows) read(id string) {
	if id == "" {
		return
	}
	if c.seen == nil {
		c.seen, c.waitingFor = map[string]bool{}, map[string][]int{}
	}
	c.seen[id] = true
	for _, i := range c.waitingFor[id] {
		c.waiting[i] = nil
	}
	delete(c.waitingFor, id)
}

// hold takes a configurable row listing children (its configurable_variations cell): it
// waits for one of them unless one has been read already.
func (c *configurableRows) hold(rec []string, line int, children string) {
	skus := variationSKUs(children)
	for _, s := range skus {
		if c.seen[s] {
			return
		}
	}
	if c.waitingFor == nil {
		c.seen, c.waitingFor = map[string]bool{}, map[string][]int{}
	}
	c.waiting = append(c.waiting, &heldRow{rec: append([]string(nil), rec...), line: line})
	for _, s := range skus {
		c.waitingFor[s] = append(c.waitingFor[s], len(c.waiting)-1)
	}
}

// orphans are, at the end of the file, the configurable rows none of whose children was in it,
// in the order read; they are handed out once.
func (c *configurableRows) orphans() []heldRow {
	var rows []heldRow
	for _, h := range c.waiting {
		if h != nil {
			rows = append(rows, *h)
		}
	}
	c.waiting, c.waitingFor = nil, nil
	return rows
}

// variationSKUs are the SKUs a configurable_variations cell lists
// ("sku=MJ-S,color=Red,size=S|sku=MJ-M,color=Red,size=M").
func variationSKUs(cell string) []string {
	var skus []string
	for _, v := range strings.Split(cell, "|") {
		for _, kv := range strings.Split(v, ",") {
			if k, s, ok := strings.Cut(kv, "="); ok && strings.EqualFold(strings.TrimSpace(k), "sku") && strings.TrimSpace(s) != "" {
				skus = append(skus, strings.TrimSpace(s))
			}
		}
	}
	return skus
}
