package web

import (
	"fmt"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// TestGroupOffers: a retailer's sizes at one price make one row, in size order; another price,
// another retailer, another size system or an offer without a size is a row of its own; rows keep the best-first
// order of their first offers.
func TestGroupOffers(t *testing.T) {
	offer := func(id, retailer int64, size, system string, price int64, avail catalog.Availability) catalog.Offer {
		return catalog.Offer{ID: id, RetailerID: retailer, Retailer: fmt.Sprint("shop ", retailer), Size: size, SizeSystem: system,
			Currency: "EUR", Price: price, RegularPrice: 20000, Availability: avail, URL: "https://shop.example/p"}
	}
	in, out := catalog.InStock, catalog.OutOfStock
	offers := []catalog.Offer{ // best first, as ProductDetail lists them
		offer(1, 1, "L", "", 9900, in),
		offer(2, 2, "", "", 10900, in),
		offer(3, 1, "S", "", 9900, in),
		offer(4, 1, " M ", "", 9900, in),
		offer(5, 1, "XL", "", 12900, in),
		offer(6, 2, "", "", 10900, in),
		offer(7, 3, "38", "EU", 11900, out),
		offer(8, 3, "37.5", "EU", 11900, in),
		offer(9, 3, "41", "UK", 11900, out),
		offer(10, 1, "XS", "", 9900, out),
	}
	var got []string
	for _, g := range groupOffers(offers) {
		row := fmt.Sprintf("%d@%d:", g.First.RetailerID, g.First.Price)
		for _, o := range g.Sizes {
			row += " " + o.Size
		}
		row += fmt.Sprintf(" [%s] %d in stock, link %d", g.SizeSystem, g.InStock, g.Link().ID)
		got = append(got, row)
	}
	want := []string{
		"1@9900: XS S M L [] 3 in stock, link 3",
		"2@10900: [] 1 in stock, link 2",
		"1@12900: XL [] 1 in stock, link 5",
		"2@10900: [] 1 in stock, link 6",
		"3@11900: 37.5 38 [EU] 1 in stock, link 8",
		"3@11900: 41 [UK] 0 in stock, link 9",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rows:\n%s\nwant:\n%s", fmt.Sprintln(got), fmt.Sprintln(want))
	}
	one := groupOffers([]catalog.Offer{offer(1, 1, "38", "EU", 9900, out), offer(2, 1, "39", "EU", 9900, out)})
	if len(one) != 1 || one[0].SizeSystem != "EU" || one[0].InStock != 0 || one[0].Link().ID != 1 {
		t.Errorf("sold-out row: %+v", one)
	}
}

// TestMixedCurrencies: rows in dollars beside rows in euros are mixed; one currency is not.
func TestMixedCurrencies(t *testing.T) {
	eur := offerGroup{First: catalog.Offer{Currency: "EUR"}}
	usd := offerGroup{First: catalog.Offer{Currency: "USD"}}
	if mixedCurrencies([]offerGroup{eur, eur}) || !mixedCurrencies([]offerGroup{eur, usd, eur}) {
		t.Error("mixedCurrencies misreads the rows")
	}
}

// TestCategoryTrail: a category and its ancestors, root first; a missing parent or a loop ends
// the trail instead of hanging or failing.
func TestCategoryTrail(t *testing.T) {
	cats := []catalog.Category{
		{ID: 1, Name: "Apparel & Accessories"}, {ID: 2, ParentID: 1, Name: "Shoes"}, {ID: 3, ParentID: 2, Name: "Boots"},
		{ID: 4, ParentID: 99, Name: "Orphan"}, {ID: 5, ParentID: 6, Name: "Loop A"}, {ID: 6, ParentID: 5, Name: "Loop B"},
	}
	names := func(id int64) string {
		var out []string
		for _, c := range categoryTrail(cats, id) {
			out = append(out, c.Name)
		}
		return fmt.Sprint(out)
	}
	for id, want := range map[int64]string{3: "[Apparel & Accessories Shoes Boots]", 1: "[Apparel & Accessories]",
		4: "[Orphan]", 5: "[Loop B Loop A]", 42: "[]"} {
		if got := names(id); got != want {
			t.Errorf("trail of %d = %s, want %s", id, got, want)
		}
	}
}

// TestGroupOffersOddData: a size a shop lists twice at one price is one size link (the one in
// stock), so a row never says "3 of 4 sizes" of three sizes; a pre-order size, or one the shop
// does not say the stock of, is still a link (only a sold-out size is struck through), and a row
// with no size in stock but one on pre-order says "Pre-order", not "Sold out".
func TestGroupOffersOddData(t *testing.T) {
	offer := func(id int64, size string, avail catalog.Availability) catalog.Offer {
		return catalog.Offer{ID: id, RetailerID: 1, Retailer: "shop", Size: size, Currency: "EUR", Price: 9900,
			RegularPrice: 9900, Availability: avail, URL: fmt.Sprint("https://shop.example/p", id)}
	}
	dup := groupOffers([]catalog.Offer{
		offer(1, "M", catalog.OutOfStock), offer(2, "S", catalog.InStock), offer(3, "M ", catalog.InStock),
		offer(4, "L", catalog.InStock), offer(5, "S", catalog.InStock),
	})
	var sizes []string
	for _, o := range dup[0].Sizes {
		sizes = append(sizes, fmt.Sprint(o.Size, "#", o.ID))
	}
	if len(dup) != 1 || fmt.Sprint(sizes) != "[S#2 M#3 L#4]" || dup[0].InStock != 3 {
		t.Errorf("duplicate sizes: %d rows, sizes %v, %d in stock; want one row [S#2 M#3 L#4], 3 in stock", len(dup), sizes, dup[0].InStock)
	}
	pre := groupOffers([]catalog.Offer{offer(1, "38", catalog.OutOfStock), offer(2, "39", catalog.Preorder), offer(3, "40", catalog.Unknown)})
	g := pre[0]
	if !g.Orderable(g.Sizes[1]) || !g.Orderable(g.Sizes[2]) || g.Orderable(g.Sizes[0]) {
		t.Error("a pre-order size or one of unknown stock is not a link, or a sold-out size is")
	}
	if g.Link().ID != 2 || g.SoldOut() || g.Availability() != catalog.Preorder {
		t.Errorf("pre-order row: link %d, sold out %v, availability %q; want link 2, not sold out, preorder", g.Link().ID, g.SoldOut(), g.Availability())
	}
	out := groupOffers([]catalog.Offer{offer(1, "38", catalog.OutOfStock), offer(2, "39", catalog.OutOfStock)})[0]
	if !out.SoldOut() || out.Availability() != catalog.OutOfStock {
		t.Errorf("sold-out row: sold out %v, availability %q", out.SoldOut(), out.Availability())
	}
}
