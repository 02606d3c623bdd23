package extract

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// futureshop labels a sale's regular price "通常価格" (regular price) in a label span before
// it, the sale price "セール価格" before that: the first is the regular price.
func TestJapaneseRegularPriceLabel(t *testing.T) {
	page := `<html lang="ja"><body><h1 class="fs-c-productNameHeading"><span class="fs-c-productNameHeading__name">フリースジャケット</span></h1><div class="fs-c-productPrices"><div class="fs-c-productPrice fs-c-productPrice--listed"><span class="fs-c-productPrice__main"><span class="fs-c-productPrice__main__label">通常価格</span><span class="fs-c-productPrice__main__price fs-c-price"><span class="fs-c-price__currencyMark">¥</span><span class="fs-c-price__value">15,400</span></span></span><span class="fs-c-productPrice__addon"><span class="fs-c-productPrice__addon__label">(税込)</span></span></div><div class="fs-c-productPrice fs-c-productPrice--selling fs-c-productPrice--sale"><span class="fs-c-productPrice__main"><span class="fs-c-productPrice__main__label">セール価格</span><span class="fs-c-productPrice__main__price fs-c-price"><span class="fs-c-price__currencyMark">¥</span><span class="fs-c-price__value">10,780</span></span></span><span class="fs-c-productPrice__addon"><span class="fs-c-productPrice__addon__label">(税込)</span></span></div></div><div class="fs-c-productPointDisplay">獲得ポイント <span class="fs-c-productPointDisplay__quantity">107</span>pt</div>
<button type="submit" class="fs-c-button--addToCart--detail"><span>カートに入れる</span></button></body></html>`
	if o := shownOf(t, page); o.Price != 10780 || o.RegularPrice != 15400 {
		t.Errorf("price %d (regular %d), want 10780 (regular 15400)", o.Price, o.RegularPrice)
	}
}

// Taiwanese shops say sold out "售完"; Cafe24 skins draw "SOLD OUT" in a span classed as a
// button ("btnNormal") where the buy links were.
func TestSoldOutWordsInButtons(t *testing.T) {
	for _, b := range []string{
		`<button class="btn btn-default btn-custom" disabled>售完</button>`,
		`<a href="#none" class="btnSubmit sizeL displaynone"><span>구매하기</span></a><span class="btnNormal sizeL">SOLD OUT</span>`,
	} {
		page := `<html><body><h1 class="product-title">法式碎花洋裝</h1><div class="price">NT$1,490</div><div class="actions">` + b + `</div></body></html>`
		if got := availabilityOf(t, page); got != catalog.OutOfStock {
			t.Errorf("%s: availability %s, want out_of_stock", b, got)
		}
	}
}
