package extract

import (
	"testing"
)

// pdp wraps a product block in a page with a title and, when ld is not empty, a JSON-LD offer.
func pdp(ld, body string) string {
	head := ""
	if ld != "" {
		head = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Test Kettle","offers":` + ld + `}</script>`
	}
	return `<html><head>` + head + `</head><body><main><h1>Test Kettle</h1>` + body +
		`<button class="add-to-cart">Add to cart</button></main></body></html>`
}

// wantShown checks the main offer's price and regular price, in minor units.
func wantShown(t *testing.T, name, page string, price, regular int64) {
	t.Helper()
	o := shownOf(t, page)
	if o.Price != price || o.RegularPrice != regular {
		t.Errorf("%s: price %d regular %d %s, want %d regular %d", name, o.Price, o.RegularPrice, o.Currency, price, regular)
	}
}

// A whole number grouped by a no-break space before raised cents, as Allegro draws its price
// ("1 299," then "00" then "zł"), is one price; other spaces inside a part still are not.
func TestGluedPriceSpaceGrouped(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<div class="price"><span>1&nbsp;299,</span><span>00</span>&nbsp;<span>zł</span></div>`, "1299,00 zł"},
		{`<div><span>12&nbsp;345&nbsp;678,</span><sup>90</sup><span>Kč</span></div>`, "12345678,90 Kč"},
		{`<div class="price"><span>$</span><span>24 97</span></div>`, ""},  // not grouped in thousands
		{`<div class="price"><span>1 29,</span><span>00</span></div>`, ""}, // a group of two
	} {
		got, ok := gluedPrice(firstElement(t, c.html))
		if got != c.want || ok != (c.want != "") {
			t.Errorf("gluedPrice(%s) = %q, %v, want %q", c.html, got, ok, c.want)
		}
	}
	page := pdp(`{"@type":"Offer","price":"1299.00","priceCurrency":"PLN"}`,
		`<div class="offer"><div aria-label="cena 1 299,00 zł"><span>1&nbsp;299,</span><span>00</span>&nbsp;<span>zł</span></div>
		<div><span>1&nbsp;318,99 zł z dostawą</span></div></div>`)
	wantShown(t, "allegro", page, 129900, 0)
}

// A price for paying with the shop's card or wallet, or with delivery added, is not the price
// beside another; alone it is.
func TestConditionalPricesHeld(t *testing.T) {
	ozon := pdp(`{"@type":"Offer","price":"2590","priceCurrency":"RUB"}`,
		`<div class="w"><div><button><span class="a1">2 331 ₽</span><span class="b2">с Ozon Картой</span></button></div>
		<div><span class="c3">2 590 ₽</span><span class="d4">без Ozon Карты</span></div></div>`)
	wantShown(t, "card price first", ozon, 259000, 0)
	clubcard := pdp("", `<div class="prices"><p>£2.50 Clubcard Price</p><p class="price">£3.00</p></div>`)
	wantShown(t, "clubcard", clubcard, 300, 0)
	delivery := pdp("", `<div class="prices"><p>54,90 € mit Versand</p><p class="price">49,90 €</p></div>`)
	wantShown(t, "with delivery", delivery, 4990, 0)
	only := pdp("", `<div class="prices"><span class="price">$44.00</span> <span>with Club Card</span></div>`)
	wantShown(t, "card price alone", only, 4400, 0)

	for _, c := range []struct {
		after string
		want  bool
	}{
		{"с Ozon Картой", true}, {"c WB Кошельком", true}, {"with Target Circle Card", true}, {"Clubcard Price", true},
		{"z dostawą", true}, {"s dopravou", true}, {"with free delivery", false}, {"без Ozon Карты", false},
		{"incl. shipping", false}, {"with code SAVE10", false}, {"cards accepted", false},
	} {
		if got := conditionalAfter(nil, c.after); got != c.want {
			t.Errorf("conditionalAfter(%q) = %v, want %v", c.after, got, c.want)
		}
	}
}

// A regular price in the block right after the price block counts when it is marked regular
// and near; an unmarked amount there, or one far away, does not.
func TestRegularInNextBlock(t *testing.T) {
	marked := pdp("", `<div class="info"><div class="price">Rp199.000</div><div class="x1"><span>20%</span>
		<span class="originalPrice">Rp249.000</span></div><p>`+longText+`</p></div>`)
	wantShown(t, "tokopedia", marked, 19900000, 24900000)
	unmarked := pdp("", `<div class="info"><div class="price">Rp199.000</div><div class="x1"><span>Rp249.000</span></div><p>`+longText+`</p></div>`)
	wantShown(t, "unmarked", unmarked, 19900000, 0)
	lower := pdp("", `<div class="info"><div class="price">Rp199.000</div><div class="x1"><span class="originalPrice">Rp99.000</span></div><p>`+longText+`</p></div>`)
	wantShown(t, "lower", lower, 19900000, 0)
}

// longText makes a block too long to be one price block.
const longText = `This kettle boils a full litre in under three minutes, switches itself off when the water
	boils or when it is lifted from its base, and has a limescale filter that comes out for cleaning.
	Its window shows the water level from both sides and the handle stays cool while it boils; the
	cord winds into the base so that it takes little room on the counter when it is not in use.`

// An unmarked higher amount in the price block is the regular price when a discount badge
// there gives the percentage the two make.
func TestRegularByPercentBadge(t *testing.T) {
	flipkart := pdp("", `<div class="a"><div class="b">₹1,299</div><div class="c">₹<!-- -->3,990</div><div class="d"><span>67% off</span></div></div>`)
	wantShown(t, "flipkart", flipkart, 129900, 399000)
	shopee := pdp("", `<div class="a"><div class="b">₫259.000</div><div class="c">₫399.000</div><div class="d">-35%</div></div>`)
	wantShown(t, "shopee", shopee, 259000, 399000)
	wrong := pdp("", `<div class="a"><div class="b">₹1,299</div><div class="c">₹3,990</div><div class="d"><span>10% off</span></div></div>`)
	wantShown(t, "percent does not match", wrong, 129900, 0)
	none := pdp("", `<div class="a"><div class="b">₹1,299</div><div class="c">₹3,990</div></div>`)
	wantShown(t, "no badge", none, 129900, 0)
}

// The rand's "R" marks a price on a page in rand only.
func TestRandSign(t *testing.T) {
	za := pdp(`{"@type":"Offer","price":"549.00","priceCurrency":"ZAR"}`,
		`<div class="buybox"><div class="bp"><span class="currency">R 549</span></div>
		<div class="lp"><span>List price</span> <span class="currency strike">R 899</span></div><p>`+longText+`</p></div>`)
	wantShown(t, "takealot", za, 54900, 89900)
	if ps := findPrices("R 549", "ZAR"); len(ps) != 1 || ps[0].amount != "549" || !ps[0].marked || ps[0].start != 0 {
		t.Errorf(`findPrices("R 549", ZAR) = %+v`, ps)
	}
	for _, s := range []string{"R 20", "CAR 20", "R20"} {
		for _, p := range findPrices(s, "USD") {
			if p.marked {
				t.Errorf("findPrices(%q, USD) = %+v, want no marked price", s, p)
			}
		}
	}
	if ps := findPrices("BAR 20", "ZAR"); len(ps) == 1 && ps[0].marked {
		t.Errorf(`findPrices("BAR 20", ZAR) = %+v: "R" ends a word`, ps)
	}
}

// Lazada's "pdp-price_type_deleted" is struck; India's "MRP" is the regular price beside a lower
// one and the price when alone; marketplace offers of other conditions ("Neuf (9) dès") are
// not the product's price.
func TestRegionalPriceWords(t *testing.T) {
	lazada := pdp("", `<div class="pp"><span class="pdp-price pdp-price_type_normal">₱1,499.00</span>
		<div class="origin-block"><span class="pdp-price pdp-price_type_deleted">₱2,999.00</span><span>-50%</span></div></div>`)
	wantShown(t, "lazada", lazada, 149900, 299900)
	mrp := pdp("", `<div class="ph"><h3 class="p">₹2,879</h3><div class="cp">MRP: ₹3,599</div></div>`)
	wantShown(t, "mrp beside", mrp, 287900, 359900)
	mrpAlone := pdp("", `<div class="ph"><div class="cp">MRP: ₹999</div><p>Inclusive of all taxes</p></div>`)
	wantShown(t, "mrp alone", mrpAlone, 99900, 0)
	rakuten := pdp(`{"@type":"AggregateOffer","lowPrice":"389.00","highPrice":"549.00","priceCurrency":"EUR"}`,
		`<div class="box"><div class="tabs"><span class="tab">Neuf (9) dès 429,00 €</span><span class="tab">Occasion (5) dès 389,00 €</span></div>
		<div class="best"><p><span>Prix de référence</span> <del>599,00 €</del></p><p class="price"><span class="amt">429</span><span>,00&nbsp;€</span></p></div><p>`+longText+`</p></div>`)
	wantShown(t, "rakuten", rakuten, 42900, 59900)
}
