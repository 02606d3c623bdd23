package ingest

import "strings"

// Product identity: which product each item of a batch belongs to. Every item carries its
// candidate keys in trust order (catalog.ProductKeys: GTINs, brand + MPN, the retailer's item
// group, brand + title); a product owns every key any of its offers brought (product_keys).
//
// The rule: the first of an item's keys that is already known names its product; an item with
// no known key starts a new product. Then every key of the item is registered to that product,
// unless another product owns it already. So the sizes of a style, each with its own GTIN, meet
// through their shared item group or MPN, and another retailer's offer joins through any GTIN or
// the brand's MPN.
//
// Within a batch the keys known before it (stored) are consulted first, for every item, and
// only then the keys this batch registers: a size whose GTIN is new joins, through the item
// group, the product that another size of the same group found through its GTIN, whatever
// their order in the feed.
//
// One exception keeps a retailer's own grouping authoritative: an item that carries the
// retailer's item group meets the retailer's other items only through that group (or a GTIN or
// MPN), never through its title. Shops reuse titles across styles ("Slim Fit Jeans", blue), and
// a different item group is the shop saying "another product". Its title still joins other
// retailers' offers. Items without a group (CSV exports with a row per size) still meet their
// siblings by title, as they always did.
//
// A conflict is an item whose GTIN, MPN or group key names another product than the one it
// joined: two products that are in fact one. It keeps the product its most trusted key names,
// and the other product keeps its keys; merging such products is not done here (it needs its
// offers, loves and collection entries moved and the change logged), so conflicts are counted
// and logged for now. A title key owned by another product is not a conflict: equal titles are
// weak evidence, and often two products.

// resolution is where a batch's items go.
type resolution struct {
	// ids holds each item's product: a stored product's id (> 0), or -n for the n-th product
	// this batch creates.
	ids []int64
	// creators holds, for product -n, the index of the item that creates it (creators[n-1]).
	creators []int
	// claims are the keys to register, in the order they were claimed.
	claims []claim
	// conflicts lists the items whose keys name another product than theirs.
	conflicts []conflict
}

// claim registers a key to a product (an id as in resolution.ids).
type claim struct {
	key     string
	product int64
}

// conflict is an item whose key names another product than the one it joined.
type conflict struct {
	item   int
	key    string
	chosen int64 // the product the item joined
	other  int64 // the product the key names
}

// candidate is an item as identity sees it.
type candidate struct {
	keys    []string // most trusted first
	item    string   // the retailer's item id
	grouped bool     // it has a group key
}

// titleCandidates are the stored products a grouped item would join through its title key:
// resolve needs to know which of the retailer's items each already holds (shopItems).
func titleCandidates(items []candidate, stored map[string]int64) []int64 {
	var out []int64
	seen := map[int64]bool{}
	for _, c := range items {
		if !c.grouped {
			continue
		}
		for _, k := range c.keys {
			if id, ok := stored[k]; ok {
				if isTitleKey(k) && !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
				break
			}
		}
	}
	return out
}

// resolve decides the product of each item from its keys (most trusted first) and the owners of
// the keys known before the batch (stored: key → product id). shopItems holds, for the products
// titleCandidates named, the item ids of the retailer's offers on them.
func resolve(items []candidate, stored map[string]int64, shopItems map[int64][]string) resolution {
	r := resolution{ids: make([]int64, len(items))}
	batch := map[string]int64{} // keys claimed by this batch
	register := func(i int) {
		for _, k := range items[i].keys {
			if _, ok := stored[k]; ok {
				continue
			}
			if _, ok := batch[k]; ok {
				continue
			}
			batch[k] = r.ids[i]
			r.claims = append(r.claims, claim{key: k, product: r.ids[i]})
		}
	}
	// Items with a key known before the batch: their most trusted known key decides.
	titleGroup := map[int64]string{} // product → the group of this batch that joined it by title
	for i, c := range items {
		for _, k := range c.keys {
			id, ok := stored[k]
			if !ok {
				continue
			}
			if c.grouped && isTitleKey(k) {
				if holdsOther(shopItems[id], c.item) {
					continue
				}
				g := groupKey(c.keys)
				if first, taken := titleGroup[id]; taken && first != g {
					continue // another of the retailer's groups took this title first
				}
				titleGroup[id] = g
			}
			r.ids[i] = id
			break
		}
	}
	for i := range items {
		if r.ids[i] != 0 {
			register(i)
		}
	}
	// The others: a key claimed earlier in the batch, else a new product. Every claim in the
	// batch is this retailer's, so a grouped item takes none through its title.
	for i, c := range items {
		if r.ids[i] != 0 {
			continue
		}
		for _, k := range c.keys {
			id, ok := batch[k]
			if !ok || (c.grouped && isTitleKey(k)) {
				continue
			}
			r.ids[i] = id
			break
		}
		if r.ids[i] == 0 {
			r.creators = append(r.creators, i)
			r.ids[i] = -int64(len(r.creators))
		}
		register(i)
	}
	for i, c := range items {
		for _, k := range c.keys {
			if isTitleKey(k) {
				continue
			}
			owner, ok := stored[k]
			if !ok {
				owner = batch[k]
			}
			if owner != r.ids[i] {
				r.conflicts = append(r.conflicts, conflict{item: i, key: k, chosen: r.ids[i], other: owner})
				break
			}
		}
	}
	return r
}

func isTitleKey(k string) bool { return strings.HasPrefix(k, "title:") }

// groupKey is the group key among keys, "" if none.
func groupKey(keys []string) string {
	for _, k := range keys {
		if strings.HasPrefix(k, "group:") {
			return k
		}
	}
	return ""
}

// holdsOther says whether a product's items of the retailer include one other than item.
func holdsOther(shopItems []string, item string) bool {
	for _, it := range shopItems {
		if it != item {
			return true
		}
	}
	return false
}

// identityConflict is a conflict as logged: the item, the key, the product the item joined and
// the product the key names.
type identityConflict struct {
	Item    string `json:"item"`
	Line    int    `json:"line"`
	Key     string `json:"key"`
	Product int64  `json:"product_id"`
	Other   int64  `json:"other_product_id"`
}
