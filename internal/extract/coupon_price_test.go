package extract

import (
	"strings"
	"testing"
)

// "Get it for $120.00 – no code needed" is the sale price itself, not a coupon's: the block
// names no code the shopper must enter, so the price stays a candidate beside the struck $150.00.
// With "use code EXTRA20" the same block is a coupon's price, and the page's own price is paid.
func TestCouponPriceNoCodeNeeded(t *testing.T) {
	page := func(promo string) string {
		return `<html lang="en"><head><title>Canvas Weekender | Harbor &amp; Pine</title></head><body>
<main><h1 class="product-title">Canvas Weekender</h1><div class="product-price"><s class="compare">£150.00</s>` + promo + `</div>
<form action="/cart/add" method="post"><button type="submit" class="btn">Add to cart</button></form></main></body></html>`
	}
	for _, c := range []struct {
		promo          string
		price, regular int64
	}{
		{`</div><div class="promo-box">Get it for <span class="promo-price">£120.00</span> – no code needed`, 12000, 15000},
		{`</div><div class="promo-box">Get it for <span class="promo-price">£120.00</span> – no voucher required`, 12000, 15000},
		{` <span class="price">£135.00</span></div><div class="promo-box">Get it for <span class="promo-price">£120.00</span> with code EXTRA10`, 13500, 15000},
	} {
		r, err := Page(strings.NewReader(page(c.promo)), "")
		if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
			t.Errorf("%s: Page = %+v, %v", c.promo, r, err)
			continue
		}
		if o := r.Products[0].Offers[0]; o.Price != c.price || o.RegularPrice != c.regular {
			t.Errorf("%s: price %d (regular %d), want %d (regular %d)", c.promo, o.Price, o.RegularPrice, c.price, c.regular)
		}
	}
}
