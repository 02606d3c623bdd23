package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

// A pack chooser classed "bundle" offers the product itself: its checked pack's price is the
// shopper's, though "bundle" elsewhere marks other products. A "Buy it with" bundle of other
// products, picked with checkboxes, stays skipped.
func TestBundleChooserGivesTheCheckedPack(t *testing.T) {
	chooser := `<html><body><h1>Bamboo Socks</h1><div class="bundle-selector"><p class="bundle-selector__title">Choose your bundle</p>
		<label class="bundle-option"><input type="radio" name="bundle" value="1"><span>1 Pair</span><span class="bundle-option__price">£12.00</span></label>
		<label class="bundle-option bundle-option--selected"><input type="radio" name="bundle" value="3" checked><span>3 Pairs</span><span class="bundle-option__price">£30.00</span></label>
		<label class="bundle-option"><input type="radio" name="bundle" value="6"><span>6 Pairs</span><span class="bundle-option__price">£54.00</span></label>
		</div><button type="submit" class="add-to-cart">Add to basket</button></body></html>`
	r, err := Page(strings.NewReader(chooser), "")
	if err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "bundle chooser", "30.00")
	together := `<html><body><h1>Bamboo Socks</h1><p class="price">£12.00</p><div class="product-bundle">
		<label class="bundle-item"><input type="checkbox" checked><a href="/p/tee">Tee</a> <span>£20.00</span></label>
		<label class="bundle-item"><input type="checkbox" checked><a href="/p/cap">Cap</a> <span>£15.00</span></label>
		<p class="bundle-total">Total £47.00</p></div><button type="submit" class="add-to-cart">Add to basket</button></body></html>`
	if r, err = Page(strings.NewReader(together), ""); err != nil {
		t.Fatal(err)
	}
	checkShownPrice(t, r, "bought-together bundle", "12.00")
}

// A fieldset of delivery options drawn like a pack chooser (a legend, radio buttons with prices,
// one checked) gives no price: the product's price after it is the shopper's.
func TestDeliveryChooserIsNoPrice(t *testing.T) {
	for _, legend := range []string{"Delivery", "Choose delivery", "Versand"} {
		page := `<html><body><h1>Oak Side Table</h1><div class="buy-box"><fieldset class="options"><legend>` + legend + `</legend>
			<label class="option"><input type="radio" name="opt" value="std" checked> Standard <span class="option-price">£4.95</span></label>
			<label class="option"><input type="radio" name="opt" value="next"> Next day <span class="option-price">£9.95</span></label>
			</fieldset><p><strong>£149.00</strong></p><button type="submit" class="add-to-cart">Add to basket</button></div></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		checkShownPrice(t, r, legend, "149.00")
	}
}

// "Sold out in size M" speaks for one size, also as an unmarked message: the product is not
// read out of stock ("Udsolgt i str. M" alike).
func TestOneSizeSoldOutIsNotTheProducts(t *testing.T) {
	for _, msg := range []string{"Sold out in size M", "Udsolgt i str. M"} {
		page := `<html><body><h1>Linen Shirt</h1><p class="price">£45.00</p><p class="stock-message">` + msg + `</p><p>Other sizes available.</p></body></html>`
		if got := shownOf(t, page).Availability; got == catalog.OutOfStock {
			t.Errorf("%s: availability %s, want not out of stock", msg, got)
		}
	}
}

// An alert or notice the page hides (by a class, the hidden attribute, a display:none style or
// aria-hidden) is kept for a script and says nothing; the stock line shown says in stock.
func TestHiddenAlertIsNoStockMessage(t *testing.T) {
	for _, box := range []string{`class="alert d-none"`, `class="alert" hidden`, `class="alert" aria-hidden="true"`,
		`class="alert" style="display:none"`, `class="alert alert-danger d-none" role="alert"`, `class="notice is-hidden"`} {
		page := `<html><body><h1>Wool Scarf</h1><p class="price">£39.00</p><div ` + box + `>Sorry, this item is sold out</div>
			<p class="availability">In stock</p></body></html>`
		if got := shownOf(t, page).Availability; got != catalog.InStock {
			t.Errorf("%s: availability %s, want in stock", box, got)
		}
	}
	shown := `<html><body><h1>Wool Scarf</h1><p class="price">£39.00</p><div class="alert alert-danger" role="alert">Sorry, this item is sold out</div></body></html>`
	if got := shownOf(t, shown).Availability; got != catalog.OutOfStock {
		t.Errorf("shown alert: availability %s, want out of stock", got)
	}
}

// WooCommerce sets the currency sign in its own span: a card with such a price is a card.
func TestOwnPriceWithSignInItsOwnSpan(t *testing.T) {
	for _, card := range []string{
		`<bdi><span class="woocommerce-Price-currencySymbol">&pound;</span>20.00</bdi>`,
		`<bdi>19,90&nbsp;<span class="woocommerce-Price-currencySymbol">&euro;</span></bdi>`,
	} {
		root, err := html.Parse(strings.NewReader(`<html><body>` + card + `</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		bdi := root.LastChild.LastChild.FirstChild
		if !ownPrice(bdi) {
			t.Errorf("%s: ownPrice false, want true", card)
		}
	}
}

// A no-break space between the amount and its sign still marks the amount.
func TestFindPricesNoBreakSpace(t *testing.T) {
	for _, s := range []string{"19,90\u00a0€", "€\u00a019,90", "19,90\u202f€"} {
		ps := findPrices(s, "")
		if len(ps) != 1 || !ps[0].marked || ps[0].currency != "EUR" {
			t.Errorf("findPrices(%q) = %+v, want one marked EUR price", s, ps)
		}
	}
}
