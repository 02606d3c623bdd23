package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// cafe24Page is a Cafe24 product page: the name in the info area's <h2> (the <title> says it
// before the shop's name, og:type is "website"), the prices in a table whose row headers say what
// each is: 판매가 (the selling price) and, on sale, 할인판매가 (the discounted price), then
// 적립금 (points) and 배송비 (delivery).
func cafe24Page(rows, action string) string {
	return `<html lang="ko"><head><title>울 블렌드 코트 - 모노하우스</title><meta property="og:type" content="website"></head><body>
<div id="header"><a href="/index.html">모노하우스</a></div>
<div class="infoArea"><div class="headingArea"><h2>울 블렌드 코트</h2></div>
<div class="xans-product-detaildesign"><table border="1"><caption>기본 정보</caption><tbody>` + rows + `
<tr><th scope="row"><span>적립금</span></th><td><span>1,512원 (1%)</span></td></tr>
<tr><th scope="row"><span>배송비</span></th><td><span class="delv_price_B"><strong>3,000원</strong> (50,000원 이상 구매 시 무료)</span></td></tr>
</tbody></table></div>
<div class="xans-product-action">` + action + `</div></div>
</body></html>`
}

// cafe24Buy is the buy links of a Cafe24 product in stock.
const cafe24Buy = `<a href="#none" class="btnSubmit" onclick="product_submit(1, '/exec/front/order/basket/', this)"><span id="btnBuy">바로 구매하기</span></a><a href="#none" class="btnNormal">장바구니 담기</a>`

func TestCafe24PriceTable(t *testing.T) {
	for _, c := range []struct {
		rows           string
		price, regular int64
	}{
		{`<tr><th scope="row"><span>판매가</span></th><td><span><span id="span_product_price_text">189,000원</span></span></td></tr>
<tr><th scope="row"><span>할인판매가</span></th><td><span><span id="span_product_price_sale">151,200원 <span>(37,800원 할인)</span></span></span></td></tr>`, 151200, 189000},
		{`<tr><th scope="row"><span>판매가</span></th><td><span><span id="span_product_price_text">52,000원</span></span></td></tr>`, 52000, 0},
		{`<tr><th scope="row"><span>소비자가</span></th><td><span>65,000원</span></td></tr>
<tr><th scope="row"><span>판매가</span></th><td><span><span id="span_product_price_text">52,000원</span></span></td></tr>`, 52000, 65000},
	} {
		r, err := Page(strings.NewReader(cafe24Page(c.rows, cafe24Buy)), "")
		if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
			t.Errorf("%s: Page = %+v, %v", c.rows, r, err)
			continue
		}
		if o := r.Products[0].Offers[0]; o.Price != c.price || o.RegularPrice != c.regular || o.Currency != "KRW" {
			t.Errorf("%s: price %d %s (regular %d), want %d KRW (regular %d)", c.rows, o.Price, o.Currency, o.RegularPrice, c.price, c.regular)
		}
	}
}

// Cafe24 keeps every buy control in the page and hides the ones that do not apply by its
// "displaynone" class: a hidden "예약주문" (reserve order) inside the buy link is no pre-order,
// and a hidden buy link beside the shown "SOLD OUT" does not make the product buyable.
func TestCafe24HiddenButtons(t *testing.T) {
	rows := `<tr><th scope="row"><span>판매가</span></th><td><span><span id="span_product_price_text">52,000원</span></span></td></tr>`
	for _, c := range []struct {
		action string
		want   catalog.Availability
	}{
		{`<a href="#none" class="first btnSubmit" onclick="product_submit(1, '/exec/front/order/basket/', this)"><span id="btnBuy">바로 구매하기</span><span id="btnReserve" class="displaynone">예약주문</span></a><span class="displaynone">SOLD OUT</span><a href="#none" class="btnNormal">장바구니 담기</a>`, catalog.InStock},
		{`<a href="#none" class="first btnSubmit displaynone" onclick="product_submit(1, '/exec/front/order/basket/', this)"><span id="btnBuy">바로 구매하기</span></a><span class="btnSubmit">SOLD OUT</span><a href="#none" class="btnNormal displaynone">장바구니 담기</a>`, catalog.OutOfStock},
	} {
		r, err := Page(strings.NewReader(cafe24Page(rows, c.action)), "")
		if err != nil || len(r.Products) == 0 || len(r.Products[0].Offers) == 0 {
			t.Fatalf("Page = %+v, %v", r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %s, want %s", c.action, got, c.want)
		}
	}
}
