package ingest

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

func TestResolve(t *testing.T) {
	// plain makes ungrouped candidates from key lists.
	plain := func(keys ...[]string) []candidate {
		out := make([]candidate, len(keys))
		for i, k := range keys {
			out[i] = candidate{keys: k, item: fmt.Sprint("item-", i)}
		}
		return out
	}
	grouped := func(item, group string) candidate {
		return candidate{keys: []string{"group:s:" + group + ":black", "title:g:tee:black"}, item: item, grouped: true}
	}
	tests := []struct {
		name      string
		items     []candidate
		stored    map[string]int64
		shopItems map[int64][]string
		ids       []int64
		creators  []int
		claims    []claim
		conflicts []conflict
		merges    []merge
		unlisted  bool // resolve for an unlisted shop: stored products never merge
	}{
		{name: "the most trusted known key decides, the product another key names merges into the oldest",
			items:  plain([]string{"gtin:1", "mpn:a", "title:t"}),
			stored: map[string]int64{"mpn:a": 7, "gtin:1": 5, "title:t": 5},
			ids:    []int64{5}, merges: []merge{{from: 7, into: 5, item: 0, key: "mpn:a"}}},
		{name: "the oldest product survives whichever key the item joined by",
			items:  plain([]string{"gtin:1", "mpn:a"}),
			stored: map[string]int64{"gtin:1": 9, "mpn:a": 4},
			ids:    []int64{4}, merges: []merge{{from: 9, into: 4, item: 0, key: "mpn:a"}}},
		{name: "an unlisted shop's item keeps two stored products apart",
			items:  plain([]string{"gtin:1", "mpn:a"}),
			stored: map[string]int64{"gtin:1": 9, "mpn:a": 4}, unlisted: true,
			ids: []int64{9}, conflicts: []conflict{{item: 0, key: "mpn:a", chosen: 9, other: 4}}},
		{name: "merges chain through the batch: three products become the oldest",
			items:  plain([]string{"gtin:1", "mpn:a"}, []string{"gtin:2", "mpn:b"}),
			stored: map[string]int64{"gtin:1": 7, "mpn:a": 5, "gtin:2": 6, "mpn:b": 7},
			ids:    []int64{5, 5},
			merges: []merge{{from: 6, into: 5, item: 1, key: "mpn:b"}, {from: 7, into: 5, item: 0, key: "mpn:a"}}},
		{name: "a product the batch would create merges into the stored one and is not created",
			items:  plain([]string{"gtin:2", "group:g"}, []string{"gtin:1", "mpn:m"}, []string{"mpn:m", "group:g"}),
			stored: map[string]int64{"gtin:2": 5},
			ids:    []int64{5, 5, 5}, claims: []claim{{"group:g", 5}, {"gtin:1", 5}, {"mpn:m", 5}}},
		{name: "new products merge into the first created; the others are renumbered",
			items: plain([]string{"gtin:1", "group:g"}, []string{"gtin:2", "mpn:m"}, []string{"mpn:m", "group:g"}, []string{"gtin:3"}),
			ids:   []int64{-1, -1, -1, -2}, creators: []int{0, 3},
			claims: []claim{{"gtin:1", -1}, {"group:g", -1}, {"gtin:2", -1}, {"mpn:m", -1}, {"gtin:3", -2}}},
		{name: "an unlisted shop's new product still merges into a stored one",
			items:  plain([]string{"gtin:2", "group:g"}, []string{"gtin:1", "mpn:m"}, []string{"mpn:m", "group:g"}),
			stored: map[string]int64{"gtin:2": 5}, unlisted: true,
			ids: []int64{5, 5, 5}, claims: []claim{{"group:g", 5}, {"gtin:1", 5}, {"mpn:m", 5}}},
		{name: "a size with a new GTIN joins its group, whatever the feed order",
			items:  plain([]string{"gtin:2", "group:g"}, []string{"gtin:1", "group:g"}),
			stored: map[string]int64{"gtin:1": 5},
			ids:    []int64{5, 5}, claims: []claim{{"group:g", 5}, {"gtin:2", 5}}},
		{name: "new items sharing a key make one product",
			items: plain([]string{"gtin:1", "group:g"}, []string{"gtin:2", "group:g"}, []string{"gtin:3", "group:h"}),
			ids:   []int64{-1, -1, -2}, creators: []int{0, 2},
			claims: []claim{{"gtin:1", -1}, {"group:g", -1}, {"gtin:2", -1}, {"gtin:3", -2}, {"group:h", -2}}},
		{name: "sizes whose GTINs name two stored products meet through their group: one product",
			items:  plain([]string{"gtin:1", "group:g"}, []string{"gtin:2", "group:g"}),
			stored: map[string]int64{"gtin:1": 5, "gtin:2": 6},
			ids:    []int64{5, 5}, claims: []claim{{"group:g", 5}},
			merges: []merge{{from: 6, into: 5, item: 1, key: "group:g"}}},
		{name: "a title owned by another product is no conflict",
			items:  plain([]string{"gtin:1", "title:t"}),
			stored: map[string]int64{"gtin:1": 5, "title:t": 6},
			ids:    []int64{5}},
		{name: "known keys claim nothing",
			items:  plain([]string{"mpn:a", "title:t"}),
			stored: map[string]int64{"mpn:a": 3, "title:t": 3},
			ids:    []int64{3}},
		{name: "ungrouped items with one title make one product",
			items: plain([]string{"title:t"}, []string{"title:t"}),
			ids:   []int64{-1, -1}, creators: []int{0}, claims: []claim{{"title:t", -1}}},
		{name: "a grouped item does not join another of its retailer's products by title",
			items:  []candidate{grouped("b1", "b")},
			stored: map[string]int64{"title:g:tee:black": 5}, shopItems: map[int64][]string{5: {"a1"}},
			ids: []int64{-1}, creators: []int{0}, claims: []claim{{"group:s:b:black", -1}}},
		{name: "a grouped item joins another retailer's product by title",
			items:  []candidate{grouped("b1", "b")},
			stored: map[string]int64{"title:g:tee:black": 5},
			ids:    []int64{5}, claims: []claim{{"group:s:b:black", 5}}},
		{name: "a grouped item's own offer does not keep it from its product",
			items:  []candidate{grouped("b1", "b")},
			stored: map[string]int64{"title:g:tee:black": 5}, shopItems: map[int64][]string{5: {"b1"}},
			ids: []int64{5}, claims: []claim{{"group:s:b:black", 5}}},
		{name: "two of the retailer's groups do not share another retailer's product by title",
			items:  []candidate{grouped("b1", "b"), grouped("c1", "c")},
			stored: map[string]int64{"title:g:tee:black": 5},
			ids:    []int64{5, -1}, creators: []int{1}, claims: []claim{{"group:s:b:black", 5}, {"group:s:c:black", -1}}},
		{name: "new grouped items do not meet by title",
			items: []candidate{grouped("b1", "b"), grouped("c1", "c")},
			ids:   []int64{-1, -2}, creators: []int{0, 1},
			claims: []claim{{"group:s:b:black", -1}, {"title:g:tee:black", -1}, {"group:s:c:black", -2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolve(tt.items, tt.stored, tt.shopItems, !tt.unlisted)
			want := resolution{ids: tt.ids, creators: tt.creators, claims: tt.claims, conflicts: tt.conflicts, merges: tt.merges}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("resolve =\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestTitleCandidates(t *testing.T) {
	items := []candidate{
		{keys: []string{"group:s:a:", "title:g:t:"}, item: "a", grouped: true}, // joins by title: a candidate
		{keys: []string{"group:s:b:", "title:g:t:"}, item: "b", grouped: true}, // the same product again
		{keys: []string{"gtin:1", "title:g:u:"}, item: "c", grouped: true},     // joins by GTIN
		{keys: []string{"title:g:v:"}, item: "d"},                              // not grouped
	}
	stored := map[string]int64{"title:g:t:": 5, "gtin:1": 6, "title:g:u:": 7, "title:g:v:": 8}
	if got := titleCandidates(items, stored); !reflect.DeepEqual(got, []int64{5}) {
		t.Fatalf("titleCandidates = %v, want [5]", got)
	}
}

func TestPlanProducts(t *testing.T) {
	item := func(id, title, desc, material string) listing {
		return listing{offer: catalog.Offer{ItemID: id},
			product: catalog.Product{Title: title, Description: desc, Material: material, Color: "Black", ColorFamily: "black"}}
	}
	owned := func(retailer int64, item string, title, desc, material string) store.StoredProduct {
		return store.StoredProduct{Product: catalog.Product{ID: 9, Key: "mpn:x", Title: title, Description: desc, Material: material,
			Color: "Black", ColorFamily: "black"}, SourceRetailerID: retailer, SourceItemID: item}
	}
	tests := []struct {
		name    string
		batch   []listing
		ids     []int64
		stored  store.StoredProduct
		update  *store.StoredProduct // nil: no write
		changed bool
	}{
		{name: "another retailer only fills what is empty",
			batch: []listing{item("b1", "Other Title", "B's words", "Leather")}, ids: []int64{9},
			stored: owned(1, "a1", "Bag", "", "Leather"),
			update: ptr(owned(1, "a1", "Bag", "B's words", "Leather")), changed: true},
		{name: "another retailer that disagrees changes nothing",
			batch: []listing{item("b1", "Other Title", "B's words", "Suede")}, ids: []int64{9},
			stored: owned(1, "a1", "Bag", "A's words", "Leather")},
		{name: "the source offer rewrites what it gives",
			batch: []listing{item("a1", "Bag, New Name", "", "Leather")}, ids: []int64{9},
			stored: owned(2, "a1", "Bag", "B's words", "Leather"),
			update: ptr(owned(2, "a1", "Bag, New Name", "B's words", "Leather")), changed: true},
		{name: "another size of the source retailer is not the source",
			batch: []listing{item("a2", "Bag - Size M", "A's words", "Leather")}, ids: []int64{9},
			stored: owned(2, "a1", "Bag", "A's words", "Leather")},
		{name: "an unowned product is claimed without a visible change",
			batch: []listing{item("a2", "Bag", "A's words", "Leather")}, ids: []int64{9},
			stored: owned(0, "", "Bag", "A's words", "Leather"),
			update: ptr(owned(2, "a2", "Bag", "A's words", "Leather"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed := fieldRights{listed: true, listedSource: map[int64]bool{1: true, 2: true}}
			plan, err := planProducts(tt.batch, resolution{ids: tt.ids}, []string{"mpn:x"}, map[int64]store.StoredProduct{9: tt.stored}, 2, feed)
			if err != nil {
				t.Fatal(err)
			}
			var want []store.StoredProduct
			if tt.update != nil {
				want = []store.StoredProduct{*tt.update}
			}
			if !reflect.DeepEqual(plan.updates, want) || plan.changed[9] != tt.changed || len(plan.creates) != 0 {
				t.Fatalf("plan = %+v\nwant updates %+v, changed %t", plan, want, tt.changed)
			}
		})
	}
}

func TestPlanProductsCreates(t *testing.T) {
	batch := []listing{
		{offer: catalog.Offer{ItemID: "s"}, product: catalog.Product{Title: "Dress - S", Material: ""}},
		{offer: catalog.Offer{ItemID: "m"}, product: catalog.Product{Title: "Dress - M", Material: "Silk"}},
	}
	res := resolution{ids: []int64{-1, -1}, creators: []int{0}}
	plan, err := planProducts(batch, res, []string{"group:shop:d:", "group:shop:d:"}, nil, 4, fieldRights{})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.StoredProduct{{Product: catalog.Product{Key: "group:shop:d:", Title: "Dress - S", Material: "Silk"},
		SourceRetailerID: 4, SourceItemID: "s"}}
	if !reflect.DeepEqual(plan.creates, want) || len(plan.updates) != 0 {
		t.Fatalf("plan = %+v, want creates %+v", plan, want)
	}
}

// TestPlanProductsListing: a tracked page (an unlisted shop's offer) never writes a product a
// listed retailer sells, and a listed retailer's offer takes over a product a page created.
// Retailer 1 is a tracked shop (unlisted), 2 and 3 are listed feeds.
func TestPlanProductsListing(t *testing.T) {
	item := func(id, title, desc, material string) listing {
		return listing{offer: catalog.Offer{ItemID: id},
			product: catalog.Product{Title: title, Description: desc, Material: material, Color: "Black", ColorFamily: "black"}}
	}
	owned := func(retailer int64, item string, title, desc, material string) store.StoredProduct {
		return store.StoredProduct{Product: catalog.Product{ID: 9, Key: "mpn:x", Title: title, Description: desc, Material: material,
			Color: "Black", ColorFamily: "black"}, SourceRetailerID: retailer, SourceItemID: item}
	}
	page := fieldRights{listedSource: map[int64]bool{2: true, 3: true}}
	listedPage := page
	listedPage.listedOffers = map[int64]bool{9: true}
	feed := fieldRights{listed: true, listedSource: map[int64]bool{2: true, 3: true}}
	tests := []struct {
		name     string
		retailer int64
		rights   fieldRights
		batch    []listing
		stored   store.StoredProduct
		update   *store.StoredProduct // nil: no write
		changed  bool
	}{
		{name: "a page fills nothing of a product a listed retailer sells, not even an empty field",
			retailer: 1, rights: listedPage, batch: []listing{item("p1", "Page Title", "Page words", "Wool")},
			stored: owned(2, "f1", "Coat", "", "")},
		{name: "a page that created the product writes nothing once a listed retailer sells it",
			retailer: 1, rights: listedPage, batch: []listing{item("p1", "Page Title, New", "Page words", "Wool")},
			stored: owned(1, "p1", "Coat", "", "")},
		{name: "a page fills an unlisted product's empty fields",
			retailer: 1, rights: page, batch: []listing{item("p2", "Other Page", "Page words", "Wool")},
			stored: owned(1, "p1", "Coat", "", "Wool"),
			update: ptr(owned(1, "p1", "Coat", "Page words", "Wool")), changed: true},
		{name: "a page rewrites the unlisted product it created",
			retailer: 1, rights: page, batch: []listing{item("p1", "Coat, Renamed", "", "")},
			stored: owned(1, "p1", "Coat", "Page words", "Wool"),
			update: ptr(owned(1, "p1", "Coat, Renamed", "Page words", "Wool")), changed: true},
		{name: "a listed offer takes over a product a page created: its fields win",
			retailer: 2, rights: feed, batch: []listing{item("f1", "Wool Coat", "Feed words", "Cashmere")},
			stored: owned(1, "p1", "Coat", "Page words", "Wool"),
			update: ptr(owned(2, "f1", "Wool Coat", "Feed words", "Cashmere")), changed: true},
		{name: "a listed offer keeps what the page gave where it says nothing",
			retailer: 2, rights: feed, batch: []listing{item("f1", "Wool Coat", "", "")},
			stored: owned(1, "p1", "Coat", "Page words", "Wool"),
			update: ptr(owned(2, "f1", "Wool Coat", "Page words", "Wool")), changed: true},
		{name: "a second listed retailer only fills",
			retailer: 3, rights: feed, batch: []listing{item("g1", "Coat by G", "G's words", "Cashmere")},
			stored: owned(2, "f1", "Wool Coat", "", "Wool"),
			update: ptr(owned(2, "f1", "Wool Coat", "G's words", "Wool")), changed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := planProducts(tt.batch, resolution{ids: []int64{9}}, []string{"mpn:x"}, map[int64]store.StoredProduct{9: tt.stored}, tt.retailer, tt.rights)
			if err != nil {
				t.Fatal(err)
			}
			var want []store.StoredProduct
			if tt.update != nil {
				want = []store.StoredProduct{*tt.update}
			}
			if !reflect.DeepEqual(plan.updates, want) || plan.changed[9] != tt.changed {
				t.Fatalf("plan = %+v\nwant updates %+v, changed %t", plan, want, tt.changed)
			}
		})
	}
}

// TestPlanProductsMerged: a product merged into the survivor fills its empty fields, or takes
// it over when the survivor's words came from a tracked page and its own from a listed retailer.
func TestPlanProductsMerged(t *testing.T) {
	product := func(id, retailer int64, item, title, desc string) store.StoredProduct {
		return store.StoredProduct{Product: catalog.Product{ID: id, Key: fmt.Sprint("k", id), Title: title, Description: desc},
			SourceRetailerID: retailer, SourceItemID: item}
	}
	rights := fieldRights{listed: true, listedSource: map[int64]bool{2: true, 3: true}}
	tests := []struct {
		name       string
		into, from store.StoredProduct
		want       store.StoredProduct
	}{
		{name: "the merged product fills the survivor's gaps",
			into: product(4, 2, "a", "Rachel Bag", ""), from: product(7, 3, "b", "By Far Rachel", "Croc-embossed leather"),
			want: product(4, 2, "a", "Rachel Bag", "Croc-embossed leather")},
		{name: "a listed retailer's product takes over a survivor a tracked page wrote",
			into: product(4, 1, "p", "Rachel (page)", "Page words"), from: product(7, 3, "b", "By Far Rachel", ""),
			want: product(4, 3, "b", "By Far Rachel", "Page words")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := resolution{ids: []int64{4}, merges: []merge{{from: 7, into: 4}}}
			batch := []listing{{offer: catalog.Offer{ItemID: "c"}}}
			stored := map[int64]store.StoredProduct{4: tt.into, 7: tt.from}
			plan, err := planProducts(batch, res, []string{"k4"}, stored, 5, rights)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.updates) != 1 || !reflect.DeepEqual(plan.updates[0], tt.want) || !plan.changed[4] {
				t.Fatalf("updates %+v, want %+v", plan.updates, tt.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
