package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// availabilityOf is the availability the first offer read from page says.
func availabilityOf(t *testing.T, page string) catalog.Availability {
	t.Helper()
	r, err := Page(strings.NewReader(page), "")
	if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
		t.Fatalf("Page = %+v, %v", r, err)
	}
	return r.Products[0].Offers[0].Availability
}

// SmartStore draws its buy buttons as links with role="button" and generated classes ("구매하기",
// "품절"); Rakuten's item pages say "かごに追加" (add to basket) or the older "買い物かごに入れる".
// They say the product's stock like any buy button; other links drawn as buttons do not.
func TestRoleButtonsAndBasketWords(t *testing.T) {
	for _, c := range []struct {
		buttons string
		want    catalog.Availability
	}{
		{`<a href="#" class="OgETmrvExN" role="button">구매하기</a><a href="#" class="_3NV9K0nbKJ" role="button">장바구니</a>`, catalog.InStock},
		{`<a href="#" class="OgETmrvExN _1Z7vGAd1JZ" role="button" aria-disabled="true">품절</a>`, catalog.OutOfStock},
		{`<button class="cart-button" type="submit"><span>かごに追加</span></button>`, catalog.InStock},
		{`<input type="submit" class="cart-btn" value="買い物かごに入れる">`, catalog.InStock},
		// A link drawn as a button that offers an alert says nothing of stock; a size's "Sold out"
		// in a picker says nothing of the product's.
		{`<a role="button" href="#" class="b">Notify me</a>`, catalog.Unknown},
		{`<div class="sizes"><span class="btn size-btn">S</span><span class="btn size-btn">Sold out</span></div><button class="add-to-cart">Add to cart</button>`, catalog.InStock},
	} {
		page := `<html><head><title>린넨 셔츠</title></head><body><h1>린넨 셔츠</h1><div class="price"><strong>32,000원</strong></div><div class="actions">` + c.buttons + `</div></body></html>`
		if got := availabilityOf(t, page); got != c.want {
			t.Errorf("%s: availability %s, want %s", c.buttons, got, c.want)
		}
	}
}
