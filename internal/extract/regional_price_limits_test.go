package extract

import (
	"strings"
	"testing"
)

// On a page in rand an "R" before a number inside a name (a tyre size, a camera model, a year,
// a code) is no price sign; a price element holding it alone still is one.
func TestRandSignInNames(t *testing.T) {
	for _, c := range []struct {
		s      string
		marked bool
	}{
		{"R 1,899", true}, {"Our price: R699", true}, {"RRP: R899", true}, {"R16.99", true}, {"(R 549)", true},
		{"205/55 R16", false}, {"EOS R50 kit", false}, {"EOS R100", false}, {"AA R6", false},
		{"Grade R 2025", false}, {"Style R 2024", false}, {"R 42151", false}, {"YZF-R125", false},
	} {
		marked := false
		for _, p := range findPrices(c.s, "ZAR") {
			marked = marked || p.marked
		}
		if marked != c.marked {
			t.Errorf("findPrices(%q, ZAR): a marked price %v, want %v", c.s, marked, c.marked)
		}
	}
	ld := func(p string) string { return `{"@type":"Offer","price":"` + p + `","priceCurrency":"ZAR"}` }
	tyre := pdp(ld("1899.00"), `<div class="variants"><button class="variant">205/55 R16</button><button class="variant">195/65 R15</button></div>
		<div class="buybox"><span class="currency">R 1,899</span></div><p>`+longText+`</p>`)
	wantShown(t, "tyre size", tyre, 189900, 0)
	book := pdp(ld("189.00"), `<span class="subtitle">Grade R 2025 &middot; 96 pages</span>
		<div class="buybox"><span class="currency">R 189</span></div><p>`+longText+`</p>`)
	wantShown(t, "year", book, 18900, 0)
	cheap := pdp(ld("79.00"), `<div class="buy"><span class="price">R79</span></div><p>`+longText+`</p>`)
	wantShown(t, "short price in a price element", cheap, 7900, 0)
}

// A note that delivery comes free is no with-delivery price; a card price the block's discount
// badge ties to the other amount is the price, the other its regular price.
func TestConditionalPriceLimits(t *testing.T) {
	for _, after := range []string{"con envío gratis", "com frete grátis", "avec livraison gratuite", "with delivery free"} {
		if conditionalAfter(nil, after) {
			t.Errorf("conditionalAfter(%q) = true, want false", after)
		}
	}
	free := pdp("", `<div class="pb"><div><span class="cur">299,00 €</span> <span class="envio">con envío gratis</span></div>
		<div><span class="pvpr">PVPR</span> <span>419,00 €</span></div></div><p>`+longText+`</p>`)
	wantShown(t, "free delivery", free, 29900, 0)
	onlyCard := pdp("", `<div class="w"><div><span class="a1">2 331 ₽</span><span class="b2">c Ozon Картой</span></div>
		<div><span class="c3">2 990 ₽</span></div><div class="d4">−22%</div></div><p>`+longText+`</p>`)
	wantShown(t, "card price and badge", onlyCard, 233100, 299000)
	noBadge := pdp("", `<div class="w"><div><span class="a1">2 331 ₽</span><span class="b2">c Ozon Картой</span></div>
		<div><span class="c3">2 990 ₽</span></div></div><p>`+longText+`</p>`)
	wantShown(t, "card price without badge", noBadge, 299000, 0)
}

// A regular price in the next block counts only when that block shows no price of its own: an
// option's, an edition's or a subscription's "was" and price are their own offer.
func TestRegularInNextBlockAlone(t *testing.T) {
	pack := pdp("", `<div class="product__price"><span class="money">$19.99</span></div>
		<div class="pack-options"><label class="pack">3-pack <span class="compare-at">$59.97</span> <span class="money">$49.99</span></label></div><p>`+longText+`</p>`)
	wantShown(t, "multipack", pack, 1999, 0)
	edition := pdp("", `<div class="pw"><span class="price">$79.00</span></div>
		<div class="editions"><a class="edition">Ultimate Edition <span class="edition-price--was">Was $149.00</span> <span class="edition-price">$119.00</span></a></div><p>`+longText+`</p>`)
	wantShown(t, "edition", edition, 7900, 0)
}

// A discount badge is an element of its own holding a percentage and at most a word: a coupon
// line or a condition is none, and the far end of a range is no regular price.
func TestPercentBadgeLimits(t *testing.T) {
	coupon := pdp("", `<div class="pp"><span class="x7">$65.00</span><div class="k9">Extra 35% off sitewide with code FALL35</div><div class="b3">Members get $100.00 in rewards</div></div><p>`+longText+`</p>`)
	wantShown(t, "coupon", coupon, 6500, 0)
	inline := pdp("", `<div class="pp"><span class="x7">$65.00</span><div class="z">Gift card $100.00</div><div class="k9">Extra <b>35% off</b> today</div></div><p>`+longText+`</p>`)
	wantShown(t, "percentage inside a sentence", inline, 6500, 0)
	vat := pdp("", `<div class="pp"><span class="b">4 000,00 kr</span> <span class="v">eks. mva</span> <span class="c">5 000,00 kr</span> <span class="v">inkl. 25% mva</span> <span class="badge">Spar 20% på bedriftsavtale</span></div><p>`+longText+`</p>`)
	wantShown(t, "vat pair", vat, 400000, 0)
	rng := pdp("", `<div class="f"><div class="r">₫99.000 - ₫149.000</div><div class="z">-34%</div></div><p>`+longText+`</p>`)
	wantShown(t, "range", rng, 99000, 0)
	save := pdp("", `<div class="f"><span class="a">£199.99</span><span class="b">£249.99</span><span class="c">Save 20%</span></div><p>`+longText+`</p>`)
	wantShown(t, "one word before", save, 19999, 24999)
}

// A condition's price without a count of offers ("Reconditionné dès") is the price of a page
// showing no other; other sellers' offers with a count ("New (2) from") never are.
func TestConditionPriceHeld(t *testing.T) {
	refurb := pdp("", `<p class="sub">Reconditionné dès <span class="price">389,00 €</span></p><p>`+longText+`</p>`)
	wantShown(t, "refurbished only", refurb, 38900, 0)
	others := pdp("", `<div id="olp"><span>New (2) from <span class="a-price">$18.50</span></span></div><p>`+longText+`</p>`)
	noPriceIn(t, others, "other sellers' offers")
	beside := pdp("", `<div class="tabs"><span>Occasion dès 389,00 €</span></div><div class="best"><p class="price">429,00 €</p></div><p>`+longText+`</p>`)
	wantShown(t, "condition beside the price", beside, 42900, 0)
}

// A higher amount drawn right after the price with nothing marking it is no regular price: on
// shop pages it is as often a unit price ("£3.06/75cl", "(3,90 € / 1 l)") or the price with tax
// as a struck price with a generated class. (A rule taking it was tried and dropped after a review.)
func TestAdjacentAmountIsNoRegular(t *testing.T) {
	for name, body := range map[string]string{
		"unit price":      `<div class="w"><div class="a"><span class="p1">£2.75</span><span class="p2">£3.06/75cl</span></div></div>`,
		"german unit":     `<div class="w"><div class="a"><span class="p1">1,95 €</span><span class="p2">(3,90 € / 1 l)</span></div></div>`,
		"generated class": `<div class="w"><div class="a"><span class="p1">2 590 ₽</span><span class="p2">3 990 ₽</span></div></div>`,
	} {
		page := pdp("", body+`<p>`+longText+`</p>`)
		price := int64(275)
		switch name {
		case "german unit":
			price = 195
		case "generated class":
			price = 259000
		}
		wantShown(t, name, page, price, 0)
	}
}

// Buy buttons in Vietnamese and Polish's short "Do koszyka" say the product is in stock.
func TestBuyButtonPhrasesVietnamesePolish(t *testing.T) {
	for _, b := range []string{"Thêm Vào Giỏ Hàng", "Mua Ngay", "Do koszyka"} {
		page := pdp("", `<div class="p"><span class="price">$10.00</span></div><button class="btn">`+b+`</button>`)
		page = strings.Replace(page, `<button class="add-to-cart">Add to cart</button>`, "", 1)
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, _, avail := mainAnswer(r); avail != "in_stock" {
			t.Errorf("%q: availability %q, want in_stock", b, avail)
		}
	}
}
