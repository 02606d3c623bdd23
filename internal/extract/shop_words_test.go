package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A members' price beside the price everyone pays is not the shopper's, nor is the fee of
// joining; by its label or its block's class.
func TestMemberPriceIsNotTheShoppers(t *testing.T) {
	for _, member := range []string{
		`<div class="pricing__member"><span class="badge">Member price</span> <span class="value">$103.96</span> <a href="/join">Join for $30 to save 20%</a></div>`,
		`<div class="pricing__extra"><span class="label">Members pay</span> <span class="value">$103.96</span></div>`,
		`<div class="pricing__extra"><span class="label">Medlemspris</span> <span class="value">$103.96</span></div>`,
	} {
		page := `<html><body><h1>Trekking Poles</h1><div class="pricing"><div class="pricing__regular"><span class="label">Price</span> <span class="value">$129.95</span></div>` +
			member + `</div><button type="submit" class="add-to-cart">Add to cart</button></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, member, "129.95")
		if o := r.Products[0].Offers[0]; o.RegularPrice != 0 {
			t.Errorf("%s: regular price %d, want none", member, o.RegularPrice)
		}
	}
}

// A marketplace's list of other sellers' offers ("More seller options", classed "more-sellers")
// is not the buy box: its lower prices, classed "seller-offer", are not the shopper's.
func TestOtherSellersListIsSkipped(t *testing.T) {
	page := `<html><body><h1>Cast Iron Skillet</h1><div class="buybox"><span class="price-characteristic">$24.99</span>
		<button class="add-to-cart-btn" type="button">Add to cart</button></div>
		<div class="more-sellers"><p>From <span class="price">$21.50</span></p><ul><li class="seller-offer"><span class="seller-offer__price">$21.50</span></li></ul></div></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "other sellers", "24.99")
}

// A Next.js shell with no heading and no og:title: the document title names the product in
// its __NEXT_DATA__, whose stock is an object of its own.
func TestStateNamedByDocumentTitle(t *testing.T) {
	page := `<html><head><title>Enamel Kettle 2L | Kettle &amp; Co</title></head><body><div id="__next"><main aria-busy="true"></main></div>
		<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"product":{"sku":"K2","title":"Enamel Kettle 2L",
		"pricing":{"currency":"GBP","current":{"value":44.0},"was":{"value":55.0}},"stock":{"status":"IN_STOCK","quantity":14}}}}}</script></body></html>`
	o := shownOf(t, page)
	if o.Price != 4400 || o.Currency != "GBP" || o.Availability != catalog.InStock {
		t.Errorf("offer %d %s %s, want 4400 GBP in stock", o.Price, o.Currency, o.Availability)
	}
	if got := titleNames("Enamel Kettle 2L – Kettle & Co"); len(got) != 2 || got[1] != catalog.Fold("Enamel Kettle 2L") {
		t.Errorf("titleNames = %q, want the whole title and its first part", got)
	}
}

// A stock line classed "backorder" is a back-order, though its words promise delivery.
func TestBackorderClassIsPreorder(t *testing.T) {
	page := `<html><body><h1>Fietstas</h1><span class="price">€ 89,00</span><p class="stock backorder">Levering binnen 3 weken</p>
		<button type="submit" class="add-to-cart">In winkelwagen</button></body></html>`
	if got := shownOf(t, page).Availability; got != catalog.Preorder {
		t.Errorf("availability %s, want preorder", got)
	}
}

// Gulf currencies written in Arabic, the dong's "đ" and the full-width yen mark their amounts.
func TestMoreCurrencySigns(t *testing.T) {
	for _, c := range []struct{ text, hint, currency string }{
		{"12.500 د.ك", "", "KWD"}, {"349.00 ر.ق", "", "QAR"}, {"QAR 349.00", "", "QAR"}, {"350.000đ", "", "VND"}, {"￥11,880", "JPY", "JPY"},
	} {
		ps := findPrices(c.text, c.hint)
		if len(ps) != 1 || !ps[0].marked || ps[0].currency != c.currency {
			t.Errorf("findPrices(%q) = %+v, want one %s price", c.text, ps, c.currency)
		}
	}
	if ps := findPrices("2 đêm", ""); len(ps) == 1 && ps[0].marked {
		t.Errorf(`findPrices("2 đêm") marked %+v`, ps)
	}
}

// Markup priced in another currency than the page shows is no regular price of the shown one.
func TestMarkupInAnotherCurrencyIsNoRegular(t *testing.T) {
	page := `<html lang="fr"><head><script type="application/ld+json">{"@type":"Product","name":"Sac cabas","offers":{"@type":"Offer","price":"205.00","priceCurrency":"USD"}}</script></head>
		<body><h1>Sac cabas</h1><span class="price">189,00 €</span><button type="submit" class="add-to-cart">Ajouter au panier</button></body></html>`
	o := shownOf(t, page)
	if o.Price != 18900 || o.Currency != "EUR" || o.RegularPrice != 0 {
		t.Errorf("offer %d %s regular %d, want 18900 EUR and no regular price", o.Price, o.Currency, o.RegularPrice)
	}
}

// A bundle option's "full price" beside its price is the regular one.
func TestFullPriceClassIsRegular(t *testing.T) {
	page := `<html><body><h1>Socks</h1><div class="offer"><span class="bar-price">£21.60</span> <span class="bar-full-price">£24.00</span></div></body></html>`
	if o := shownOf(t, page); o.Price != 2160 || o.RegularPrice != 2400 {
		t.Errorf("offer %d regular %d, want 2160 and 2400", o.Price, o.RegularPrice)
	}
}

// "100ft" in a product's name is a length: glued to its number the forint is written "Ft".
func TestGluedFeetAreNoForints(t *testing.T) {
	if ps := findPrices("Kraft Paper Roll 30in x 100ft", ""); len(ps) > 0 && ps[len(ps)-1].marked {
		t.Errorf("findPrices = %+v, want no marked price", ps)
	}
	if ps := findPrices("12990Ft", ""); len(ps) != 1 || ps[0].currency != "HUF" {
		t.Errorf(`findPrices("12990Ft") = %+v, want one forint price`, ps)
	}
}

// Salla's and Zid's Arabic add-to-cart wording is a buy button.
func TestArabicAddToCartWording(t *testing.T) {
	page := `<html lang="ar" dir="rtl"><body><h1>قهوة مختصة</h1><h4 class="total-price">89 ر.س</h4><button type="button" class="s-button-element">إضافة للسلة</button></body></html>`
	if got := shownOf(t, page).Availability; got != catalog.InStock {
		t.Errorf("availability %s, want in stock", got)
	}
}
