package extract

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A heading known only by the grid after it ("Size", "Details", "Colour: Rust") hides that grid
// and nothing more: the product's own price right after the grid, or beside it in the same box,
// is still the price shown.
func TestShapeHeadingHidesOnlyTheGrid(t *testing.T) {
	links := `<ul class="sizes"><li class="size"><a href="?s=30">30 <span>£35.00</span></a></li><li class="size"><a href="?s=32">32 <span>£38.00</span></a></li></ul>`
	for _, tc := range []struct {
		name, box string
		want      int64
		avail     catalog.Availability
	}{
		{"price after the grid", `<div class="opts"><h2>Size</h2>` + links + `<p class="pdp-price">£36.00</p></div><button type="button" class="add-to-bag">Add to bag</button>`, 3600, catalog.InStock},
		{"price after the grid, a wishlist button beside it", `<div class="opts"><h2>Size</h2>` + links + `<p class="pdp-price">£36.00</p><button type="button" class="add-to-wishlist">Add to wishlist</button></div><button type="button" class="add-to-bag">Add to bag</button>`, 3600, catalog.InStock},
		{"price beside the grid in the box after the heading", `<div class="buy"><h2>Details</h2><div class="box">` + links + `<p class="pdp-price">£36.00</p><p>Sold out</p></div></div>`, 3600, catalog.OutOfStock},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><body><main><div class="pdp"><div class="head"><h1>Chinos</h1></div>` + tc.box + `</div></main></body></html>`
			if o := shownOf(t, page); o.Price != tc.want || o.Availability != tc.avail {
				t.Errorf("offer %d %q, want %d %q", o.Price, o.Availability, tc.want, tc.avail)
			}
		})
	}
}

// A checked radio button in a card marks the shopper's choice: the grid is the product's own
// options (packs, colours) and the checked card's price is shown, the others' neither displace
// it nor read as its regular price.
func TestCheckedInputMarksCurrentCard(t *testing.T) {
	page := `<html><body><main><div class="pdp"><h1>Bamboo Socks</h1><div class="packs"><h3>Pack size</h3><ul>
<li class="pack"><label><input type="radio" name="p"> <a href="/s1">1 pair</a> <span>£8.00</span></label></li>
<li class="pack"><label><input type="radio" name="p" checked> <a href="/s3">3 pairs</a> <span>£20.00</span></label></li>
<li class="pack"><label><input type="radio" name="p"> <a href="/s5">5 pairs</a> <span>£30.00</span></label></li></ul></div>
<button type="submit" class="add-to-bag">Add to bag</button></div></main></body></html>`
	if o := shownOf(t, page); o.Price != 2000 || o.RegularPrice != 0 {
		t.Errorf("offer %d (regular %d), want 2000 and no regular price", o.Price, o.RegularPrice)
	}
}

// A card's price written with a no-break space before its sign ("59,90&nbsp;€", as Shopify and
// WooCommerce print euros) is a marked price, so such cards make a grid.
func TestCardPriceWithNoBreakSpace(t *testing.T) {
	card := `<li class="c"><a href="/p">Hlače</a><span class="price-item">59,90&nbsp;€</span></li>`
	d := newDocument(firstElement(t, `<section><h2>Možda će vam se svidjeti</h2><ul class="g">`+card+card+`</ul></section>`))
	got := false
	for _, n := range d.elems {
		got = got || d.gridHeading(n)
	}
	if !got {
		t.Error("no grid heading over cards priced with a no-break space")
	}
}

// Stock and buy words of Croatian, Estonian and Lithuanian pages, Polish "wyprzedany" and the
// Italian "Aggiungi alla borsa".
func TestBalticCroatianPolishStockWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want catalog.Availability
	}{
		{"Rasprodano", catalog.OutOfStock},
		{"Nema na zalihi", catalog.OutOfStock},
		{"Välja müüdud", catalog.OutOfStock},
		{"Išparduota", catalog.OutOfStock},
		{"Produkt wyprzedany", catalog.OutOfStock},
		{"Prawie wyprzedany", catalog.InStock},
	} {
		if got := textAvailability(tc.text); got != tc.want {
			t.Errorf("textAvailability(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	for _, b := range []string{"Dodaj u košaricu", "Lisa ostukorvi", "Į krepšelį", "Aggiungi alla borsa"} {
		page := `<html><body><main><h1>Paltas</h1><div class="price"><span>132,30 €</span></div><button type="button">` + b + `</button></main></body></html>`
		if o := shownOf(t, page); o.Availability != catalog.InStock {
			t.Errorf("%q: availability %q, want in stock", b, o.Availability)
		}
	}
}

// A grid drawn in rows after a heading known only by its shape: the rows of nothing but cards
// after the first are other products too, and their quick-add buttons do not put a sold-out
// product in stock.
func TestShapeHeadingGridInRows(t *testing.T) {
	row := `<div class="row"><div class="tile"><a href="/p/1">Bluzka</a><span class="tile-price">99,99 zł</span><button type="button" class="tile-add">Dodaj do koszyka</button></div>` +
		`<div class="tile"><a href="/p/2">Spódnica</a><span class="tile-price">149,99 zł</span><button type="button" class="tile-add">Dodaj do koszyka</button></div></div>`
	page := `<html><body><main><div class="pdp"><h1>Sukienka</h1><div class="pdp-price"><span>249,99 zł</span></div><button class="add" disabled>Dodaj do koszyka</button></div>
<section class="more"><h2>Podobne produkty</h2>` + row + row + `</section></main></body></html>`
	if o := shownOf(t, page); o.Price != 24999 || o.Availability == catalog.InStock {
		t.Errorf("offer %d %q, want 24999 and not in stock", o.Price, o.Availability)
	}
}

// A bundle block after the title (checked checkboxes pick all its items at once, so it is no
// chooser) with a buy action of its own is another offer as a whole: neither its cards nor its
// total are the price, which follows it.
func TestBundleBlockWithItsOwnAction(t *testing.T) {
	page := `<html><body><main><div class="pdp"><div class="head"><h1>Trail Jacket</h1></div><div class="body"><section class="fbt"><h3>Bundle and save</h3><ul>
<li class="fbt-item"><input type="checkbox" checked> <a href="/p/1">Trail Jacket</a> <span>£120.00</span></li>
<li class="fbt-item"><input type="checkbox" checked> <a href="/p/2">Running Cap</a> <span>£20.00</span></li></ul><p class="total">Bundle: £130.00</p>
<button type="button" class="fbt-add">Add bundle to bag</button></section>
<div class="pdp-price"><span class="price">£125.00</span></div><button type="submit" class="add-to-bag">Add to bag</button></div></div></main></body></html>`
	if o := shownOf(t, page); o.Price != 12500 {
		t.Errorf("price %d, want 12500", o.Price)
	}
}
