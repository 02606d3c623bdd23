package extract

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A "Sold out" label inside one size's button is that size's: the product, whose buy button is
// enabled, stays in stock.
func TestSoldOutSizeLabelIsNotTheProducts(t *testing.T) {
	page := `<html><body><h1>Oversized Shirt</h1><span class="price">$17.99</span>
		<ul class="sizes-list"><li><button class="item">S</button></li><li><button class="item" disabled>M<span class="oos-label">Sold out</span></button></li></ul>
		<button class="cta" data-testid="add-to-cart">Add to bag</button></body></html>`
	if got := shownOf(t, page).Availability; got != catalog.InStock {
		t.Errorf("availability %s, want in stock", got)
	}
}

// A delivery line is read for stock, though its prices are not the product's: Shopware's
// "delivery-information delivery-soldout" says the product is sold out.
func TestDeliveryLineSaysStock(t *testing.T) {
	page := `<html><body><h1 class="product-detail-name">Strickmütze</h1><p class="product-detail-price">24,95 €*</p>
		<div class="product-delivery-information"><p class="delivery-information delivery-soldout">Nicht mehr verfügbar</p></div>
		<p class="shipping-note">Free shipping over 50,00 €</p></body></html>`
	o := shownOf(t, page)
	if o.Availability != catalog.OutOfStock || o.Price != 2495 {
		t.Errorf("offer %d %s, want 2495 out of stock", o.Price, o.Availability)
	}
}

// A short delivery line ("Not available for PO boxes") says nothing about stock.
func TestShippingNoteIsNoStockMessage(t *testing.T) {
	page := `<html><body><h1>Wool Scarf</h1><span class="price">$40.00</span>
		<div class="shipping-info"><p>Not available for PO boxes</p></div></body></html>`
	if got := shownOf(t, page).Availability; got != catalog.Unknown {
		t.Errorf("availability %s, want unknown", got)
	}
}

// A label that belongs to no input is the product's stock message, not an option's; a size's
// label (for= or holding its radio button) still speaks for that size alone.
func TestStockStatusLabelIsTheProducts(t *testing.T) {
	page := `<html><body><h1>Oversized Shirt</h1><span class="price">$17.99</span><label class="stock-status">Out of stock</label></body></html>`
	if got := shownOf(t, page).Availability; got != catalog.OutOfStock {
		t.Errorf("availability %s, want out of stock", got)
	}
	for _, label := range []string{
		`<label class="stock-status" for="size-m">M - Out of stock</label>`,
		`<label class="stock-status"><input type="radio" name="size" value="m">M - Out of stock</label>`,
	} {
		page := `<html><body><h1>Oversized Shirt</h1><span class="price">$17.99</span>` + label + `<button type="submit">Add to bag</button></body></html>`
		if got := shownOf(t, page).Availability; got != catalog.InStock {
			t.Errorf("%s: availability %s, want in stock", label, got)
		}
	}
}
