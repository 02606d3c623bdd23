package extract

import "testing"

// A definition list's term labels its description as a table's row header does its cells:
// Godomall lists 판매가 (price) and 배송비 (delivery) as <dt>/<dd> rows, the product's name in an
// <h3>. The delivery row's fee and its free-delivery threshold ("50,000원 이상 무료", "free over
// $50.00") are no price of the product, wherever the title is.
func TestDefinitionListDeliveryRow(t *testing.T) {
	for _, c := range []struct {
		name, title, priceRow, deliveryRow, button string
		want                                       int64
	}{
		{"코튼 볼캡", `<h3>코튼 볼캡</h3>`, `<dt>판매가</dt><dd><strong>45,000원</strong></dd>`,
			`<dt>배송비</dt><dd><strong>3,000원</strong> (50,000원 이상 무료)</dd>`, "장바구니", 45000},
		{"코튼 볼캡", `<h3>코튼 볼캡</h3>`, `<dt>판매가</dt><dd><strong>45,000원</strong></dd>`,
			`<dt>배송비</dt><dd><strong>3,000원</strong> (50,000원 이상 구매 시 무료)</dd>`, "장바구니", 45000},
		{"Cotton Cap", `<h1>Cotton Cap</h1>`, `<dt>Price</dt><dd><strong>$45.00</strong></dd>`,
			`<dt>Shipping</dt><dd><strong>$3.00</strong> (free over $50.00)</dd>`, "Add to cart", 4500},
	} {
		page := `<html><head><title>Shop</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"` + c.name + `",
"offers":{"@type":"Offer","availability":"https://schema.org/InStock"}}</script></head><body>
<div class="item_info_box"><div class="item_detail_tit">` + c.title + `</div>
<div class="item_detail_list"><dl class="item_price">` + c.priceRow + `</dl><dl>` + c.deliveryRow + `</dl></div>
<button type="button" class="btn_add_cart">` + c.button + `</button></div></body></html>`
		if o := shownOf(t, page); o.Price != c.want || o.RegularPrice != 0 {
			t.Errorf("%s: price %d (regular %d), want %d (regular 0)", c.deliveryRow, o.Price, o.RegularPrice, c.want)
		}
	}
}
