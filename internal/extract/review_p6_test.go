package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A price classed "club" or "member" is passed over beside another price, but it is the
// shopper's where the page shows no other: a golf shop's "club-price", a warehouse club whose
// every price is a member's.
func TestMembersPriceAloneIsTheShoppers(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"golf club classes", `<html><body><div class="club-detail"><h1 class="club-detail__title">Apex Pro Driver</h1>
			<div class="club-detail__price"><span class="club-price">$449.99</span></div>
			<button class="club-detail__add">Add to cart</button></div></body></html>`, "449.99"},
		{"members-only shop", `<html><body><h1>Down Throw Blanket</h1><div class="price-box"><span class="member-price">$34.99</span></div>
			<button class="add-to-cart">Add to Cart</button></body></html>`, "34.99"},
		{"member price beside the price", `<html><body><h1>Trekking Poles</h1><div class="pricing"><span class="price-value">$129.95</span>
			<span class="price-value price-value--member">$103.96</span></div><button class="add-to-cart">Add to Cart</button></body></html>`, "129.95"},
	} {
		r, err := Page(strings.NewReader(tc.page), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, tc.name, tc.want)
	}
}

// "Non-member price" names the price everyone pays, not a members' one.
func TestNonMemberPriceIsTheShoppers(t *testing.T) {
	for _, tc := range []struct{ name, page string }{
		{"labels", `<html><body><h1>Camp Chair</h1><div class="price-block"><div class="price-line"><span class="price-label">Member price</span> <span class="price">$89.89</span></div>
			<div class="price-line"><span class="price-label">Non-member price</span> <span class="price">$99.95</span></div></div>
			<button class="add-to-cart">Add to cart</button></body></html>`},
		{"classes", `<html><body><h1>Camp Chair</h1><div class="price-block"><span class="price price--member">$89.89</span>
			<span class="price price--non-member">$99.95</span></div><button class="add-to-cart">Add to cart</button></body></html>`},
	} {
		r, err := Page(strings.NewReader(tc.page), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, tc.name, "99.95")
	}
}

// A "delivery" heading over a one-time purchase and a subscription is a chooser of the product's
// own prices, not of delivery fees: the checked option's price is the shopper's.
func TestPurchaseOptionsUnderDeliveryHeading(t *testing.T) {
	page := `<html><body><h1>Daily Greens Powder</h1><h3 class="purchase-options__heading">Choose your delivery</h3>
		<div class="purchase-options">
		<label class="purchase-option purchase-option--selected"><input type="radio" name="p" value="once" checked><span>One-time purchase</span><span class="purchase-option__price">$59.00</span></label>
		<label class="purchase-option"><input type="radio" name="p" value="sub"><span>Subscribe &amp; save 15%</span><span class="purchase-option__price">$50.15</span></label>
		</div><button type="submit" class="add-to-cart">Add to cart</button></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "purchase options", "59.00")
}

// An amount the text of its own element makes a monthly payment ("or $91.50/mo. for 12
// months") is not the price beside the one paid at once.
func TestMonthlyAmountInTextIsNoPrice(t *testing.T) {
	page := `<html><body><h1>55" QLED TV</h1><div class="pricing-price"><div class="priceView-hero-price"><span aria-hidden="true">$1,097.99</span>
		<span class="sr-only">Your price for this item is $1,097.99</span></div></div>
		<div class="financing-offer">or $91.50/mo. for 12 months with Circuit Card*</div>
		<button class="add-to-cart-button">Add to Cart</button></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "financing", "1097.99")
}

// Bootstrap's "d-none d-md-block" shows an alert on every screen from md up: its "out of
// stock" is the shopper's.
func TestAlertShownFromBreakpointIsRead(t *testing.T) {
	page := `<html><body><div class="product-page"><h1 class="product-title">Brass Table Lamp</h1><p class="product-price lead">$185.00</p>
		<div class="alert alert-warning d-none d-md-block" role="alert">Sorry, this item is currently out of stock.</div>
		<a class="btn" href="/notify">Email me when available</a></div></body></html>`
	if got := shownOf(t, page).Availability; got != catalog.OutOfStock {
		t.Errorf("availability %s, want %s", got, catalog.OutOfStock)
	}
	hidden := strings.Replace(page, "d-none d-md-block", "d-none", 1)
	if got := shownOf(t, hidden).Availability; got == catalog.OutOfStock {
		t.Errorf("hidden alert: availability %s, want not out of stock", got)
	}
}

// Swedish shops write "2 195:-" for kronor and "Ord.pris" (no space) for the regular price.
func TestSwedishColonDashPrice(t *testing.T) {
	page := `<html lang="sv-SE"><body><h1>Moccamaster KBG Select</h1><div class="produkt-pris"><span class="pris pris--kampanj">2 195:-</span>
		<span class="pris pris--ordinarie">Ord.pris 2 695:-</span></div><div class="lagerstatus">I lager</div><button class="kop-knapp">Köp</button></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "colon dash", "2195.00")
	if len(r.Products) > 0 && len(r.Products[0].Offers) > 0 {
		o := r.Products[0].Offers[0]
		if got := catalog.FormatDecimal(o.RegularPrice, o.Currency); got != "2695.00" || o.Currency != "SEK" {
			t.Errorf("regular price %q %s, want 2695.00 SEK", got, o.Currency)
		}
	}
}

// A free-delivery threshold after a fee in the same sentence ("Standard delivery $9.95, free
// over $150") is no price, though the comma parts it from the word "delivery".
func TestFreeThresholdAfterFeeIsNoPrice(t *testing.T) {
	for _, note := range []string{"<p>Standard delivery $9.95, free over $150. Express delivery $19.95.</p>", "<p>Delivery: $9.95, free over $150</p>"} {
		page := `<html><body><h1>Ceramic Table Lamp</h1><div class="price"><span class="visually-hidden">Regular price</span><span class="price-item price-item--regular">$129.00 USD</span></div>
			<button type="submit" class="product-form__submit">Add to cart</button><details><summary>Shipping</summary><div class="rte">` + note + `</div></details></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, note, "129.00")
	}
}
