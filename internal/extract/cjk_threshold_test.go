package extract

import "testing"

// Taiwanese shops (SHOPLINE, 91APP) write their free-delivery threshold as "滿 NT$1,500 免運"
// ("spend NT$1,500, shipping free") near the price: the amount is no price.
func TestChineseFreeDeliveryThreshold(t *testing.T) {
	for _, promo := range []string{
		`<p class="promotions">滿 NT$1,500 免運</p>`,
		`<ul class="salepage-promotion"><li>全館滿 NT$999 免運</li><li>信用卡分 3 期 0 利率</li></ul>`,
		`<p>满 ¥199 包邮</p>`,
	} {
		page := `<html lang="zh-TW"><body><h1 class="product-title">棉麻寬褲</h1><div class="price-container"><div class="price">NT$1,280</div></div>` + promo + `<button class="btn js-btn-add-to-cart">加入購物車</button></body></html>`
		if o := shownOf(t, page); o.Price != 128000 {
			t.Errorf("%s: price %d, want 128000", promo, o.Price)
		}
	}
}

// Ajio shows a coupon's price after the product's ("Get it for ₹1,349" then "Use Code
// EXTRA150"): only shoppers with the code pay it.
func TestCouponPriceAfterPrice(t *testing.T) {
	page := `<html><body><h1 class="prod-name">Washed Slim Fit Jeans</h1><div class="prod-price-section"><div class="prod-sp">₹1,119</div><div class="prod-price-sec"><span class="prod-cp">₹2,799</span><span class="prod-discnt">60% off</span></div><div class="prod-tax-para">Price inclusive of all taxes</div></div>
<div class="promo-box"><div class="promo-title">Get it for <span class="promo-price">₹969</span></div><div>Use Code EXTRA150</div></div><div class="btn-cart"><div class="pdp-addtocart-button">ADD TO BAG</div></div></body></html>`
	if o := shownOf(t, page); o.Price != 111900 || o.RegularPrice != 279900 {
		t.Errorf("price %d (regular %d), want 111900 (regular 279900)", o.Price, o.RegularPrice)
	}
}
