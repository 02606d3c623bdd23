package extract

import "testing"

// Wix writes a price's screen-reader label after it ("€120,00" then "Regular Price", "€89,00"
// then "Sale Price"): the label between the two prices is the first one's, not the second's.
// Labels written before their prices are read as before.
func TestTrailingScreenReaderLabels(t *testing.T) {
	for _, c := range []struct {
		block          string
		price, regular int64
	}{
		{`<div data-hook="product-price"><span data-hook="formatted-secondary-price">€120,00</span><span class="sr-only">Regular Price</span> <span data-hook="formatted-primary-price">€89,00</span><span class="sr-only">Sale Price</span></div>`, 8900, 12000},
		{`<div><span>$60.00</span><span class="sr-only">Regular Price</span> <span>$42.00</span><span>Sale Price</span></div>`, 4200, 6000},
		{`<div><span class="sr-only">Regular Price</span><span>$60.00</span><span class="sr-only">Sale Price</span><span>$42.00</span></div>`, 4200, 6000},
	} {
		page := `<html><body><h1>Linen Dress</h1>` + c.block + `<button>Add to Cart</button></body></html>`
		if o := shownOf(t, page); o.Price != c.price || o.RegularPrice != c.regular {
			t.Errorf("%s: price %d (regular %d), want %d (regular %d)", c.block, o.Price, o.RegularPrice, c.price, c.regular)
		}
	}
}
