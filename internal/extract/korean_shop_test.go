package extract

import "testing"

// Imweb shows the product's name in a <div class="view_tit"> and Naver SmartStore in an <h3> of
// generated classes, with the name only in og:title ("name : shop"): the price after them is the
// product's. On a sale, Imweb's "real_price" is the regular price beside its "sale_price", and
// SmartStore strikes the regular price with a hidden "정가" label inside its <del>.
func TestKoreanShopPages(t *testing.T) {
	imweb := func(prices string) string {
		return `<html lang="ko"><head><title>울 블렌드 코트 : 모노웨어</title><meta property="og:title" content="울 블렌드 코트"></head><body>
<header><span class="text-brand">모노웨어</span></header><div class="goods_summary"><div class="view_tit title">울 블렌드 코트</div>
<div class="goods_price"><div class="pay_detail">` + prices + `</div></div>
<div class="table-item"><span class="tit">배송비</span><span>3,000원 (50,000원 이상 무료배송)</span></div>
<div class="buy_btns"><a href="javascript:;" class="btn buy">구매하기</a></div></div></body></html>`
	}
	naver := func(prices string) string {
		return `<html lang="ko"><head><title>린넨 셔츠 원피스 : 모아룩</title><meta property="og:title" content="린넨 셔츠 원피스 : 모아룩"></head><body>
<div id="content"><h3 class="_22kNQuEXmb _copyable">린넨 셔츠 원피스</h3><div class="_1vVKEk_wsi"><div class="WrkQhIlUY0">` + prices + `</div></div>
<div class="bd_3eZFl"><span class="blind">배송비</span>3,000원 (30,000원 이상 구매 시 무료)</div>
<div><a href="#" class="OgETmrvExN" role="button">구매하기</a></div></div></body></html>`
	}
	for _, c := range []struct {
		what           string
		page           string
		price, regular int64
	}{
		{"imweb", imweb(`<p class="real_price sale_price">69,000원</p>`), 69000, 0},
		{"imweb sale", imweb(`<p class="real_price">259,000원</p><p class="sale_price">181,300원</p><span class="sale_percent">30%</span>`), 181300, 259000},
		{"smartstore", naver(`<strong class="aICRqgP9zw"><span class="blind">판매가</span><span class="_1LY7DqCnwR">32,000</span><span class="won">원</span></strong>`), 32000, 0},
		{"smartstore sale", naver(`<del class="VaZJPclpdJ"><span class="blind">정가</span><span class="_1LY7DqCnwR">49,000</span><span>원</span></del><strong class="aICRqgP9zw"><span>20</span>%<span class="blind">할인</span><span class="blind">판매가</span><span class="_1LY7DqCnwR">39,200</span><span class="won">원</span></strong>`), 39200, 49000},
	} {
		o := shownOf(t, c.page)
		if o.Price != c.price || o.RegularPrice != c.regular || o.Currency != "KRW" {
			t.Errorf("%s: price %d %s (regular %d), want %d KRW (regular %d)", c.what, o.Price, o.Currency, o.RegularPrice, c.price, c.regular)
		}
	}
}

// With JSON-LD naming the product and pricing the sale, Imweb's struck "real_price" and
// SmartStore's "정가" still give the regular price, and SmartStore's delivery fee is not the price.
func TestKoreanShopRegularWithMarkup(t *testing.T) {
	ld := func(name, price string) string {
		return `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"` + name + `","offers":{"@type":"Offer","price":"` + price + `","priceCurrency":"KRW","availability":"https://schema.org/InStock"}}</script>`
	}
	for _, c := range []struct {
		what, page     string
		price, regular int64
	}{
		{"imweb", `<html lang="ko"><head>` + ld("스웨이드 부츠", "119200") + `</head><body><div class="goods_summary"><div class="view_tit title">스웨이드 부츠</div><div class="goods_price"><div class="pay_detail"><p class="real_price">149,000원</p><p class="sale_price">119,200원</p><span class="sale_percent">20%</span></div></div><div class="buy_btns"><a href="#" class="btn buy">구매하기</a></div></div></body></html>`, 119200, 149000},
		{"smartstore", `<html lang="ko"><head>` + ld("기모 조거팬츠", "23920") + `</head><body><h3 class="_22kNQuEXmb">기모 조거팬츠</h3><div class="WrkQhIlUY0"><del class="VaZJPclpdJ"><span class="blind">정가</span><span class="_1LY7DqCnwR">29,900</span><span>원</span></del><strong class="aICRqgP9zw"><span>20</span>%<span class="blind">할인</span><span class="blind">판매가</span><span class="_1LY7DqCnwR">23,920</span><span class="won">원</span></strong></div><div class="bd_3eZFl"><span class="blind">배송비</span>3,000원 (30,000원 이상 구매 시 무료)</div><a href="#" class="OgETmrvExN" role="button">구매하기</a></body></html>`, 23920, 29900},
	} {
		o := shownOf(t, c.page)
		if o.Price != c.price || o.RegularPrice != c.regular {
			t.Errorf("%s: price %d (regular %d), want %d (regular %d)", c.what, o.Price, o.RegularPrice, c.price, c.regular)
		}
	}
}
