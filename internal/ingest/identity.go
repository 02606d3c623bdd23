package ingest

import (
	"cmp"
	"slices"
	"strings"
)

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
// joined: the two products are in fact one, and they are merged (mergeConflicts). Of the
// products a batch's conflicts tie together, the oldest survives: the stored product with the
// smallest id, else the first product the batch creates; the others' items join it, the stored
// ones are folded into it (store.CatalogTx.MergeProducts moves their offers, keys, loves,
// tracked pages, collection places and clicks) and products the batch would have created are
// not created. A title key owned by another product is not a conflict and never merges: equal
// brand, title and colour are weak evidence, and often two products, so when an item's GTIN or
// MPN names one product and its title another, the strong key decides and the two stay apart.
// A batch of an unlisted shop (a page a shopper pasted) never merges two stored products: its
// conflicts are only counted and logged, as a hostile page could otherwise join any two
// products of the catalogue by claiming both their keys.

// resolution is where a batch's items go.
type resolution struct {
	// ids holds each item's product: a stored product's id (> 0), or -n for the n-th product
	// this batch creates.
	ids []int64
	// creators holds, for product -n, the index of the item that creates it (creators[n-1]).
	creators []int
	// claims are the keys to register, in the order they were claimed.
	claims []claim
	// conflicts lists the items whose keys name two products that were not merged (see
	// mergeConflicts).
	conflicts []conflict
	// merges are the stored products folded into another (their survivor), by from.
	merges []merge
}

// merge folds stored product from into stored product into, because item's key named them
// (or products merged with them) both.
type merge struct {
	from, into int64
	item       int
	key        string
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
// When mergeStored is false (a batch of an unlisted shop: a page a shopper pasted), conflicts
// never merge two stored products: they are kept apart and logged, so no page can join two
// products of the catalogue by claiming both their keys.
func resolve(items []candidate, stored map[string]int64, shopItems map[int64][]string, mergeStored bool) resolution {
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
			}
		}
	}
	r.mergeConflicts(mergeStored)
	return r
}

// mergeConflicts joins the products every conflict ties together (transitively) into their
// oldest: a stored product before a new one, the smaller id among stored ones, the earlier
// among new ones. Items, claims and creators are rewritten to the survivors, so a new product
// that merged is never created; the stored products that merged are listed in merges. Unless
// mergeStored, two stored products are never joined, and the conflicts that would join them
// stay in conflicts; the others are resolved and dropped from it.
func (r *resolution) mergeConflicts(mergeStored bool) {
	if len(r.conflicts) == 0 {
		return
	}
	parent := map[int64]int64{}
	var find func(id int64) int64
	find = func(id int64) int64 {
		p, ok := parent[id]
		if !ok || p == id {
			return id
		}
		root := find(p)
		parent[id] = root
		return root
	}
	why := map[int64]conflict{} // a merged stored product → the conflict that merged it
	var kept []conflict
	for _, c := range r.conflicts {
		a, b := find(c.chosen), find(c.other)
		if a == b {
			continue
		}
		if !mergeStored && a > 0 && b > 0 { // a set's root is stored when it holds a stored product
			kept = append(kept, c)
			continue
		}
		if older(b, a) {
			a, b = b, a
		}
		parent[b] = a
		if b > 0 {
			why[b] = c
		}
	}
	r.conflicts = kept
	// New products that survive are renumbered in their order; the others take their survivor's.
	renamed := map[int64]int64{}
	var creators []int
	for n := range r.creators {
		id := -int64(n + 1)
		if find(id) != id {
			continue // merged into an older product
		}
		creators = append(creators, r.creators[n])
		renamed[id] = -int64(len(creators))
	}
	survivor := func(id int64) int64 {
		root := find(id)
		if root < 0 {
			return renamed[root]
		}
		return root
	}
	r.creators = creators
	for i := range r.ids {
		r.ids[i] = survivor(r.ids[i])
	}
	for i := range r.claims {
		r.claims[i].product = survivor(r.claims[i].product)
	}
	for i := range r.conflicts {
		r.conflicts[i].chosen, r.conflicts[i].other = survivor(r.conflicts[i].chosen), survivor(r.conflicts[i].other)
	}
	for id := range parent {
		if id > 0 && find(id) != id {
			r.merges = append(r.merges, merge{from: id, into: find(id), item: why[id].item, key: why[id].key})
		}
	}
	slices.SortFunc(r.merges, func(a, b merge) int { return cmp.Compare(a.from, b.from) })
}

// older says whether product a (an id as in resolution.ids) is older than b: stored products
// before new ones, then by id, new ones in the order the batch creates them.
func older(a, b int64) bool {
	switch {
	case a > 0 && b > 0:
		return a < b
	case a > 0 || b > 0:
		return a > 0
	default:
		return a > b // -1 is created before -2
	}
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
