package feed

import (
	"strconv"
	"strings"
)

// Shopify's admin products.xml writes a product's variants as <variant> elements with their
// option values as <option1>, <option2> and <option3>, named by the product's <options>
// (<option><name>Size</name><position>2</position>), and their stock as inventory-quantity
// beside inventory-management and inventory-policy:
//
//	<variant><compare-at-price type="decimal">35.00</compare-at-price><id type="integer">9001</id>
//	  <inventory-management>shopify</inventory-management><inventory-policy>deny</inventory-policy>
//	  <option1>Navy</option1><option2>S</option2><price type="decimal">28.00</price>…
//	  <inventory-quantity type="integer">4</inventory-quantity></variant>

// setOption names the option at position (1 to 3, or the next one when position says none).
func (x *xmlRecord) setOption(position, name string) {
	n, err := strconv.Atoi(strings.TrimSpace(position))
	if err != nil || n < 1 || n > 3 {
		n = len(x.options) + 1
	}
	if n > 3 {
		return
	}
	for len(x.options) < n {
		x.options = append(x.options, "")
	}
	if x.options[n-1] == "" {
		x.options[n-1] = name
	}
}

// optionProps adds the values of the record's option1 to option3 as properties under the
// names of the options, names (its product's), at their positions.
func (x *xmlRecord) optionProps(names []string) {
	for i, h := range x.header {
		k := headerKey(h)
		if len(k) != 7 || !strings.HasPrefix(k, "option") || k[6] < '1' || k[6] > '3' {
			continue
		}
		if n := int(k[6] - '1'); n < len(names) && names[n] != "" && x.rec[i] != "" {
			x.props = append(x.props, [2]string{names[n], x.rec[i]})
		}
	}
}

// shopifyInventory gives a record with Shopify's inventory-policy its availability, as
// shopifyExport.availability does an export's row: a variant whose stock is not tracked (no
// inventory-management), or that is sold on when none is left (policy "continue"), is in
// stock; else its inventory-quantity decides. A record with an availability of its own, or
// without the policy, is left as it is.
func (x *xmlRecord) shopifyInventory() {
	hasPolicy, managed := false, false
	policy, qty := "", ""
	for i, h := range x.header {
		switch k := headerKey(h); {
		case k == "inventorypolicy":
			hasPolicy, policy = true, x.rec[i]
		case k == "inventorymanagement":
			managed = x.rec[i] != ""
		case k == "inventoryquantity":
			qty = x.rec[i]
		case columnField(h) == "availability":
			return
		}
	}
	if !hasPolicy {
		return
	}
	avail := "in stock"
	if managed && !strings.EqualFold(policy, "continue") {
		n, err := strconv.ParseFloat(qty, 64)
		if err != nil {
			return
		}
		if n <= 0 {
			avail = "out of stock"
		}
	}
	x.add("availability", avail)
}
