package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Under a delivery heading, options named "Buy once" and "Autoship" or "Auto-delivery every 2
// weeks" are ways of buying the product, like "One-time purchase" and "Subscribe": the checked
// one's price is the shopper's.
func TestBuyOnceAndAutoshipUnderDeliveryHeading(t *testing.T) {
	for _, tc := range []struct{ name, once, repeat, price string }{
		{"autoship", "Buy once", "Autoship &amp; save 5%", "64.99"},
		{"auto-delivery", "Single bag", "Auto-delivery every 2 weeks (save 10%)", "64.99"},
		{"delivered every", "Single order", "Delivered every 30 days", "64.99"},
	} {
		page := `<html><body><h1>Salmon Dog Food 24lb</h1><fieldset class="purchase-options"><legend>Choose your delivery</legend>
			<div class="option"><input type="radio" name="po" id="a" checked><label for="a">` + tc.once + `</label><span class="price">$64.99</span></div>
			<div class="option"><input type="radio" name="po" id="b"><label for="b">` + tc.repeat + `</label><span class="price">$61.74</span></div></fieldset>
			<p class="stock">In stock</p><button class="add-to-cart">Add to cart</button></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, tc.name, tc.price)
	}
}

// A heading that promises free delivery over a pack chooser ("Bundle & save + free shipping")
// names a perk of the packs, not delivery fees: the chosen pack's price is the shopper's.
func TestFreeShippingHeadingOverPacks(t *testing.T) {
	page := `<html><body><h1>Seamless Briefs</h1><div class="kaching-bundles"><h3 class="kaching-bundles__title">Bundle &amp; save + free shipping</h3>
		<div class="kaching-bundles__bars">
		<label class="kaching-bundles__bar kaching-bundles__bar--selected"><input type="radio" name="b" checked><span>1 pack</span><span class="kaching-bundles__bar-price">$24.00</span></label>
		<label class="kaching-bundles__bar"><input type="radio" name="b"><span>3 packs</span><span class="kaching-bundles__bar-price">$60.00</span></label>
		<label class="kaching-bundles__bar"><input type="radio" name="b"><span>5 packs</span><span class="kaching-bundles__bar-price">$90.00</span></label></div></div>
		<button type="submit" name="add" class="product-form__submit button">Add to cart</button></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "free shipping heading", "24.00")
}

// A stock line that says "In stock" is in stock, though its classes name a back-order or a
// pre-order (an app's "preorder-enabled"), and WooCommerce's "In stock (can be backordered)" is
// in stock now.
func TestInStockBesideBackorderWords(t *testing.T) {
	for _, tc := range []struct{ name, stock string }{
		{"preorder class", `<p class="product-stock preorder-enabled">In stock &ndash; ready to ship</p>`},
		{"can be backordered", `<p class="stock in-stock">In stock (can be backordered)</p>`},
		{"count, can be backordered", `<p class="stock in-stock">Only 2 left in stock (can be backordered)</p>`},
	} {
		page := `<html><body><h1>Felt Cloche Hat</h1><p class="price">£65.00</p>` + tc.stock +
			`<form class="cart"><button type="submit" class="single_add_to_cart_button button alt">Add to basket</button></form></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := mainAvailability(r); got != catalog.InStock {
			t.Errorf("%s: availability %q, want in_stock", tc.name, got)
		}
	}
	// A back-order's own line stays one.
	page := `<html><body><h1>Rattan Bag</h1><p class="price">€65,00</p><p class="stock available-on-backorder">Available on backorder</p>
		<form class="cart"><button type="submit" class="single_add_to_cart_button button alt">Add to cart</button></form></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := mainAvailability(r); got != catalog.Preorder {
		t.Errorf("on backorder: availability %q, want preorder", got)
	}
}

// mainAvailability is the availability of a result's first product's first offer.
func mainAvailability(r Result) catalog.Availability {
	if len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
		return ""
	}
	return r.Products[0].Offers[0].Availability
}

// An amount followed by "OFF" in its text ("$10 OFF, expires 12/1/26") is a discount, not the
// price, on a warehouse club's page whose buy box is classed "member-only-item".
func TestAmountOffIsNoPrice(t *testing.T) {
	for _, tc := range []struct{ name, box string }{
		{"member-only box", "member-only-item product-info"},
		{"plain box", "product-info"},
	} {
		page := `<html><body><h1>Down Throw Blanket</h1><div class="` + tc.box + `"><div class="your-price"><span class="label">Your Price</span> <span class="value">$39.99</span></div>
			<p class="promo">$10 OFF, expires 12/1/26</p><button class="btn add-to-cart">Add to Cart</button></div></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, tc.name, "39.99")
	}
}

// "Choose a size – free delivery" over size options with prices is no delivery chooser: the
// checked size's price is the shopper's.
func TestFreeDeliveryHeadingOverSizes(t *testing.T) {
	page := `<html><body><h1>Merino Wool Blanket</h1><h3 class="option-heading">Choose a size &ndash; free delivery</h3>
		<ul class="size-options"><li class="size-option"><input type="radio" name="sz" id="s1" checked><label for="s1">Throw 130x170</label><span class="price">$160.00</span></li>
		<li class="size-option"><input type="radio" name="sz" id="s2"><label for="s2">Queen 230x230</label><span class="price">$290.00</span></li></ul>
		<p class="stock">In stock</p><button class="add-to-cart">Add to cart</button></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "free delivery heading over sizes", "160.00")
}

// French "sur commande de 60 €" is "on orders of 60 €", no made-to-order notice: a stock block
// that says "En stock" and promises free delivery on such orders is in stock. "Disponible sur
// commande" is still one.
func TestSurCommandeThreshold(t *testing.T) {
	for _, tc := range []struct {
		name, stock string
		want        catalog.Availability
	}{
		{"free delivery on orders", `<div class="product-availability">En stock<br>Livraison offerte sur commande de plus de 60 €</div>`, catalog.InStock},
		{"made to order", `<p class="stock">Disponible sur commande, expédié sous 3 semaines</p>`, catalog.Preorder},
	} {
		page := `<html><body><h1>Pull en cachemire</h1><div class="price"><span>189,00 €</span></div>` + tc.stock +
			`<button class="add-to-cart">Ajouter au panier</button></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := mainAvailability(r); got != tc.want {
			t.Errorf("%s: availability %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Shopify's variant pills put a gift card's amounts in the labels of radio buttons: the
// unchecked ones' amounts are options not chosen, not the price or a regular price.
func TestUncheckedRadioLabelsAreNoPrices(t *testing.T) {
	page := `<html><body><h1>Gift Card</h1><div class="price"><span class="price-item price-item--regular">$50.00</span></div>
		<fieldset class="product-form__input"><legend class="form__label">Amount</legend>
		<input type="radio" name="Amount" id="g1"><label for="g1">$25.00</label><input type="radio" name="Amount" id="g2" checked><label for="g2">$50.00</label>
		<input type="radio" name="Amount" id="g3"><label for="g3">$100.00</label></fieldset>
		<button type="submit" name="add" class="product-form__submit button">Add to cart</button></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "gift card amounts", "50.00")
	if o := r.Products[0].Offers[0]; o.RegularPrice != 0 {
		t.Errorf("gift card amounts: regular price %v, want none", o.RegularPrice)
	}
}
