package extract

import "testing"

// Godomall's skins name the product's title block "item_detail_tit" (an <h3> inside it), and
// give the page's <title> the shop's name only: the "tit" block after the "item" word is the
// product's title, and the price after it is read.
func TestAbbreviatedTitleClass(t *testing.T) {
	page := `<html lang="ko"><head><title>니트하우스</title></head><body><div id="header_warp"><h1><a href="/"><img src="/logo.png" alt="니트하우스"></a></h1></div>
<div class="item_info_box"><div class="item_tit_detail_cont"><div class="item_detail_tit"><h3>램스울 라운드 니트</h3></div>
<div class="item_detail_list"><dl class="item_price"><dt>판매가</dt><dd><strong><strong>59,000</strong>원</strong></dd></dl><dl><dt>배송비</dt><dd><strong>2,500원</strong> (30,000원 이상 무료)</dd></dl></div>
<div class="btn_choice_box"><button type="button" class="btn_add_cart">장바구니</button></div></div></div></body></html>`
	if o := shownOf(t, page); o.Price != 59000 || o.Currency != "KRW" {
		t.Errorf("price %d %s, want 59000 KRW", o.Price, o.Currency)
	}
}
