package extract

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A heading in a language the recommendation phrases do not list opens a block of other
// products when a grid of product cards follows it: their prices do not displace a held price,
// the only one the product shows.
func TestGridHeadingHidesOtherProducts(t *testing.T) {
	for _, tc := range []struct {
		name, heading, held, cards string
		want                       int64
	}{
		{"russian card price", "Похожие товары", `<span>2 331 ₽</span><span>c Ozon Картой</span>`,
			`<div class="card"><a href="/p/1">Платье</a><div class="card-price">1 899 ₽</div></div><div class="card"><a href="/p/2">Юбка</a><div class="card-price">1 450 ₽</div></div>`, 233100},
		{"polish delivery price", "Sprawdź też", `<span>89,99 zł</span> <span>z dostawą</span>`,
			`<ul><li class="tile"><a href="/p/1">Sukienka</a><span>64,99 zł</span></li><li class="tile"><a href="/p/2">Spódnica</a><span>49,99 zł</span></li></ul>`, 8999},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><body><main><div class="product"><h1>Dress</h1><div class="price-block">` + tc.held +
				`</div><button type="button">Add to cart</button></div><section class="widget"><h2>` + tc.heading +
				`</h2><div class="cards">` + tc.cards + `</div></section></main></body></html>`
			if o := shownOf(t, page); o.Price != tc.want {
				t.Errorf("price %d, want %d", o.Price, tc.want)
			}
		})
	}
}

// gridHeading needs a short heading and at least two cards of one shape, each with a link or a
// radio button and a marked price, in a block after it or beside it; one card, cards without
// links or a long heading open no block.
func TestGridHeading(t *testing.T) {
	card := `<div class="c"><a href="/p">Belt</a><span>€20.00</span></div>`
	for _, tc := range []struct {
		name, fragment string
		want           bool
	}{
		{"two cards", `<section><h2>Ezek is érdekelhetnek</h2><div class="g">` + card + card + `</div></section>`, true},
		{"cards in a wrapped list", `<section><div><h3>Podobne</h3></div><div class="s"><div class="t"><ul><li class="c"><a href="/p">A</a><p>12,00 zł</p></li><li class="c"><a href="/q">B</a><p>15,00 zł</p></li></ul></div></div></section>`, true},
		{"one card", `<section><h2>Ezek is érdekelhetnek</h2><div class="g">` + card + `</div></section>`, false},
		{"cards of two shapes", `<section><h2>Podobne</h2><div class="g">` + card + `<p class="d"><a href="/p">A</a><span>€2.00</span></p></div></section>`, false},
		{"no links", `<section><h2>Größen</h2><ul class="g"><li class="o">S €20.00</li><li class="o">M €20.00</li></ul></section>`, false},
		{"a long heading", `<section><h2>Our story began in a small workshop in Lyon</h2><div class="g">` + card + card + `</div></section>`, false},
		{"a price in the heading", `<section><h2>Sets from €20.00</h2><div class="g">` + card + card + `</div></section>`, false},
		{"cards beside the heading", `<section><h2>Hozzá illik</h2>` + card + card + `</section>`, true},
		{"radio cards under a legend", `<fieldset><legend>Csomag</legend><label class="k"><input type="radio" name="p">1 db <span>€3.90</span></label><label class="k"><input type="radio" name="p">3 db <span>€9.90</span></label></fieldset>`, true},
		{"cards beside the heading, two shapes", `<section><h2>Hozzá illik</h2>` + card + `<p class="d"><a href="/p">A</a><span>€2.00</span></p></section>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(firstElement(t, tc.fragment))
			got := false
			for _, n := range d.elems {
				got = got || d.gridHeading(n)
			}
			if got != tc.want {
				t.Errorf("gridHeading = %v, want %v", got, tc.want)
			}
		})
	}
}

// A chooser drawn as labels with radio buttons ("3 pairs €14.95") is the product's own: the
// checked card is the chosen option, and the other cards' prices are neither its price nor its
// regular price, whether the price follows the chooser or shows only in the checked card.
func TestRadioCardChooser(t *testing.T) {
	cards := `<label class="pack"><input type="radio" name="p"%s><span>1 pair</span><span class="pack-price">€ 6,95</span></label>` +
		`<label class="pack"><input type="radio" name="p"%s><span>3 pairs</span><span class="pack-price">€ 17,95</span></label>` +
		`<label class="pack"><input type="radio" name="p"%s><span>6 pairs</span><span class="pack-price">€ 29,95</span></label>`
	for _, tc := range []struct {
		name, chooser, after, related string
		price, regular                int64
	}{
		{"price after, heading over a list", `<h3>Pakket</h3><div class="packs">` + fmt.Sprintf(cards, "", " checked", "") + `</div>`,
			`<p class="price">€ 17,95</p>`, "", 1795, 0},
		{"price only in the checked card, cards beside a legend", `<fieldset><legend>Pakket</legend>` + fmt.Sprintf(cards, "", "", " checked") + `</fieldset>`,
			"", `<section><h2>Past goed bij</h2><div class="c"><a href="/p/1">Muts</a><span>€ 12,00</span></div><div class="c"><a href="/p/2">Sjaal</a><span>€ 19,00</span></div></section>`, 2995, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := shownOf(t, `<html lang="nl-NL"><body><main><div class="pdp"><h1>Wool socks</h1>`+tc.chooser+tc.after+
				`<button type="submit">In winkelwagen</button></div>`+tc.related+`</main></body></html>`)
			if o.Price != tc.price || o.RegularPrice != tc.regular {
				t.Errorf("price %d regular %d, want %d and %d", o.Price, o.RegularPrice, tc.price, tc.regular)
			}
		})
	}
}

// Cards that are their heading's siblings, with no list around them, are a grid too: a strip
// of other products above the product does not give it its first card's price.
func TestCardsBesideHeading(t *testing.T) {
	o := shownOf(t, `<html lang="en-GB"><body><main><section><h2>Bestsellers</h2>`+
		`<div class="card"><a href="/p/1">Belt</a><span>£20.00</span></div><div class="card"><a href="/p/2">Tee</a><span>£15.00</span></div></section>`+
		`<div class="pdp"><h1>Linen Trousers</h1><p class="price">£45.00</p><button disabled>Sold out</button></div></main></body></html>`)
	if o.Price != 4500 {
		t.Errorf("price %d, want 4500", o.Price)
	}
}

// Tesco's "price-per-sellable-unit" holds the price of one item; the unit price beside it
// ("£0.50/100g") is still a unit price.
func TestSellableUnitIsThePrice(t *testing.T) {
	o := shownOf(t, `<html><body><h1>Greek Yogurt 500G</h1><div class="price-details--wrapper">
<div class="price-per-sellable-unit price-per-sellable-unit--price"><span class="currency">£</span><span class="value">2.50</span></div>
<div class="price-per-quantity-weight"><span class="currency">£</span><span class="value">0.50</span><span class="weight">/100g</span></div></div>
<form method="post" action="/trolley"><button type="submit">Add</button></form></body></html>`)
	if o.Price != 250 {
		t.Errorf("price %d, want 250", o.Price)
	}
}

// A notice box (Tesco's "product-info-message") that says the product is unavailable is its
// stock, unless an enabled buy button says otherwise; a notice about anything else says nothing
// about stock.
func TestSoldOutNotice(t *testing.T) {
	for _, tc := range []struct {
		name, notice string
		want         catalog.Availability
	}{
		{"unavailable", `<div class="product-info-message-list"><p class="product-info-message">Sorry, this product is currently unavailable</p></div>`, catalog.OutOfStock},
		{"delivery date", `<div class="product-info-message-list"><p class="product-info-message">Order by 8pm for delivery tomorrow</p></div><button type="submit">Add to trolley</button>`, catalog.InStock},
		{"sold out beside an enabled button", `<div class="notice">Sale items that are sold out cannot be exchanged.</div><button type="submit">Add to bag</button>`, catalog.InStock},
		{"sold out beside a disabled button", `<div class="alert alert-danger">This item is sold out</div><button type="submit" disabled>Add to bag</button>`, catalog.OutOfStock},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := shownOf(t, `<html><body><h1>Fleece Leggings</h1><p class="price">£10.00</p><form method="post" action="/trolley">`+tc.notice+`</form></body></html>`)
			if o.Availability != tc.want {
				t.Errorf("availability %q, want %q", o.Availability, tc.want)
			}
		})
	}
}

// Vietnamese stock words: "Tạm hết hàng" (out of stock for now) and "Hết hàng" are sold out,
// "Còn hàng" in stock, and "Sắp hết hàng" (almost sold out) in stock, like "Almost sold out"
// and its kin that hold a sold-out word ("品切れ間近", "Quase esgotado", "Почти распродано").
func TestAlmostGoneAndVietnameseStock(t *testing.T) {
	for _, tc := range []struct {
		text string
		want catalog.Availability
	}{
		{"Tạm hết hàng", catalog.OutOfStock},
		{"Hết hàng", catalog.OutOfStock},
		{"Còn hàng", catalog.InStock},
		{"Không còn hàng", catalog.OutOfStock},
		{"Sản phẩm không còn hàng", catalog.OutOfStock},
		{"Sản phẩm chưa còn hàng", catalog.OutOfStock},
		{"Stok tidak tersedia", catalog.OutOfStock},
		{"Sắp hết hàng", catalog.InStock},
		{"Almost sold out!", catalog.InStock},
		{"Sold out", catalog.OutOfStock},
		{"品切れ間近", catalog.InStock},
		{"品切れ", catalog.OutOfStock},
		{"품절임박", catalog.InStock},
		{"即将售罄", catalog.InStock},
		{"Quase esgotado", catalog.InStock},
		{"Skoro vyprodáno", catalog.InStock},
		{"Почти распродано", catalog.InStock},
		{"Распродано", catalog.OutOfStock},
	} {
		if got := textAvailability(tc.text); got != tc.want {
			t.Errorf("textAvailability(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// On a sold-out page the first enabled buy button may be a related tile's quick add; a grid
// of nothing but product cards after a heading is marked though it holds such buttons, so they
// neither keep it nor say the product is in stock.
func TestCardsOnlyGridWithQuickAdd(t *testing.T) {
	for _, heading := range []string{"Kombini Tamamla", "Complete the look"} {
		page := `<html><body><main><h1>Kaşe Kaban</h1><div class="product-price"><span class="sale-price">2.474,99 TL</span></div>
<button class="add-to-basket" disabled>Tükendi</button></main><section class="reco"><h2>` + heading + `</h2><div class="row">
<div class="col"><a href="/p/1">Triko</a><span class="tile-price">599,99 TL</span><button type="button" class="btn">Sepete Ekle</button></div>
<div class="col"><a href="/p/2">Bot</a><span class="tile-price">1.899,99 TL</span><button type="button" class="btn">Sepete Ekle</button></div></div></section></body></html>`
		if o := shownOf(t, page); o.Price != 247499 || o.Availability != catalog.OutOfStock {
			t.Errorf("%s: offer %d %q, want 247499 out of stock", heading, o.Price, o.Availability)
		}
	}
	// A block with the product's own buy row beside the cards is no grid of cards only.
	d := newDocument(firstElement(t, `<div><div class="c"><a href="/p">A</a><span>€2.00</span></div><div class="c"><a href="/q">B</a><span>€3.00</span></div><button>Add to cart</button></div>`))
	if d.cardsOnly(d.elems[0], gridDepth) {
		t.Error("cardsOnly with a buy button beside the cards")
	}
}

// A grid after a short heading in which one card is the current choice (aria-current,
// aria-selected, a "selected" or "active" class) lists the product's own colours, editions or
// sizes: it opens no recommendation block, and the price shown is the current card's. A
// slider's current slide is no choice.
func TestOptionChooserGrid(t *testing.T) {
	for _, tc := range []struct {
		name, cards string
		want        int64
		chooser     bool
	}{
		{"aria-current second", `<li class="e"><a href="/p/std">Standard <span>$88.00</span></a></li><li class="e"><a href="/p/ltd" aria-current="page">Limited <span>$128.00</span></a></li>`, 12800, true},
		{"aria-selected first", `<li class="e" aria-selected="true"><a href="/p/pb">Paperback</a> <span>£18.99</span></li><li class="e"><a href="/p/hb">Hardback</a> <span>£27.99</span></li>`, 1899, true},
		{"active class", `<li class="swatch"><a href="/p/n">Natural <span>$44.00</span></a></li><li class="swatch swatch--active"><a href="/p/o">Olive <span>$48.00</span></a></li>`, 4800, true},
		{"slider's current slide", `<li class="e slick-slide slick-current"><a href="/p/a">Belt <span>$20.00</span></a></li><li class="e slick-slide"><a href="/p/b">Bag <span>$90.00</span></a></li>`, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><body><main><div class="product"><h1>Shirt</h1><h3>Choose one</h3><ul class="g">` + tc.cards +
				`</ul><button type="submit">Add to cart</button></div></main></body></html>`
			d := newDocument(firstElement(t, page))
			opens := slices.ContainsFunc(d.elems, d.gridHeading)
			if opens == tc.chooser {
				t.Errorf("gridHeading = %v, want %v", opens, !tc.chooser)
			}
			if !tc.chooser {
				return
			}
			if o := shownOf(t, page); o.Price != tc.want {
				t.Errorf("price %d, want %d", o.Price, tc.want)
			}
		})
	}
}
