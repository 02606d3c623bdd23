package catalog

// KeyParts are the identifying fields of a feed item from which its product keys are made.
type KeyParts struct {
	Brand    string
	MPN      string // manufacturer part number: the style code, ideally without size
	GroupID  string // the feed's item_group_id (groups sizes and often colours)
	Retailer string // retailer slug, used with GroupID, which is only unique per retailer
	GTIN     string // one or more GTINs as the feed gives them; only valid, global ones count
	Title    string
	Color    string
}

// ProductKeys are every key under which an item may meet other offers of the same product, most
// trusted first:
//
//   - gtin:<GTIN-14> for each valid, global GTIN (NormaliseGTIN, GTINIsGlobal). In apparel a GTIN
//     names one size of one colour, so it joins the same size across retailers, not the sizes of
//     a style;
//   - mpn:<brand>:<mpn>:<colour>, the brand's style code: joins retailers without GTINs;
//   - group:<retailer>:<item_group_id>:<colour>: joins the sizes of a style at one retailer;
//   - title:<brand>:<title>:<colour>, the last resort. Without a brand the title is no evidence
//     across shops ("Basic Tee", black), so the key is the retailer's own: title:@<retailer>:….
//
// Colour is part of every key but the GTIN (which already names one colour): a lime bag and a
// black bag are two products. Placeholder codes ("N/A", "none", "0") make no key. An item always
// has at least its title key.
func ProductKeys(p KeyParts) []string {
	keys, _ := productKeys(p)
	return keys
}

// ProductKey is the key a product is named by (products.product_key, which editorial collections
// refer to): the most style-level of its ProductKeys, in the order brand + MPN, the retailer's
// item group, the first GTIN, then the title key. It is always one of ProductKeys(p).
func ProductKey(p KeyParts) string {
	keys, name := productKeys(p)
	return keys[name]
}

// ProductIdentity is ProductKeys and ProductKey in one pass: the keys, most trusted first, and
// the index of the naming key among them.
func ProductIdentity(p KeyParts) (keys []string, name int) { return productKeys(p) }

func productKeys(p KeyParts) ([]string, int) {
	brand, color := Slug(p.Brand), Slug(p.Color)
	gtins, _ := GTINs(p.GTIN)
	keys := make([]string, 0, len(gtins)+3)
	for _, g := range gtins {
		keys = append(keys, "gtin:"+g)
	}
	name := -1
	if mpn := Slug(p.MPN); brand != "" && !placeholder(mpn) {
		name = len(keys)
		keys = append(keys, "mpn:"+brand+":"+mpn+":"+color)
	}
	if group, shop := Slug(p.GroupID), Slug(p.Retailer); shop != "" && !placeholder(group) {
		if name < 0 {
			name = len(keys)
		}
		keys = append(keys, "group:"+shop+":"+group+":"+color)
	}
	if name < 0 && len(gtins) > 0 {
		name = 0
	}
	scope := brand
	if scope == "" && p.Retailer != "" {
		scope = "@" + Slug(p.Retailer)
	}
	if name < 0 {
		name = len(keys)
	}
	keys = append(keys, "title:"+scope+":"+Slug(p.Title)+":"+color)
	return keys, name
}

// placeholder reports whether a slugged code is empty or one of the fillers feeds put in
// required columns: such a code would join every item that carries it.
func placeholder(code string) bool {
	switch code {
	case "", "0", "00", "000", "na", "n-a", "none", "null", "nil", "unknown", "tbd", "tba", "x", "xx", "xxx",
		"not-applicable", "does-not-apply", "no-mpn", "nompn", "not-available", "default", "test":
		return true
	}
	return false
}
