package extract

import (
	"testing"

	"golang.org/x/net/html"
)

// A price's number in its own element takes the sign written beside it in the parent's text:
// "<span class="num">13,860</span>円" is 13,860 yen, not an amount of unknown currency.
func TestSiblingSymbol(t *testing.T) {
	page := `<html lang="ja"><body><h1 class="item-name">テーラードジャケット</h1><div class="item-price-area">
		<p class="item-price-normal"><span class="label">通常価格</span><span class="num">19,800</span>円<span class="tax">(税込)</span></p>
		<p class="item-price-sale"><span class="off">30%OFF</span><span class="num">13,860</span>円<span class="tax">(税込)</span></p></div>
		<button class="btn-cart">カートに入れる</button></body></html>`
	o := shownOf(t, page)
	if o.Price != 13860 || o.RegularPrice != 19800 || o.Currency != "JPY" {
		t.Errorf("offer %d (regular %d) %q, want 13860 (regular 19800) JPY", o.Price, o.RegularPrice, o.Currency)
	}
	for _, c := range []struct{ html, want string }{
		{`<p><span class="num">24.00</span> EUR</p>`, "24.00EUR"},
		{`<p>$<span class="amount">24.00</span></p>`, "$24.00"},
		{`<p><span class="num">24.00</span> per pair</p>`, "24.00"},
	} {
		n := firstElement(t, c.html).FirstChild
		for n.Type != html.ElementNode {
			n = n.NextSibling
		}
		if got := withSiblingSymbol(n, "24.00", findPrices("24.00", ""), ""); got != c.want {
			t.Errorf("withSiblingSymbol(%s) = %q, want %q", c.html, got, c.want)
		}
	}
}

// The sign may stand in its own element beside the number, with white space between.
func TestSiblingSymbolElement(t *testing.T) {
	page := `<html><body><h1>Canvas Tote</h1><div class="price-box"><span class="price">59.95</span>
		<span class="currency">EUR</span> <span class="tax">incl. 19% VAT</span></div><div class="note">Free returns within 30 days of delivery</div><button>Add to cart</button></body></html>`
	if o := shownOf(t, page); o.Price != 5995 || o.Currency != "EUR" {
		t.Errorf("offer %d %q, want 5995 EUR", o.Price, o.Currency)
	}
}

// "ft" apart from its number is feet, not forints, unless the page is in forints: a length beside
// the price is not taken for it.
func TestFeetAreNotForints(t *testing.T) {
	for _, page := range []string{
		`<html lang="en-US"><body><h1>Rope</h1><p>Length <span class="value">6</span> ft</p><p class="price">$19.99</p></body></html>`,
		`<html lang="en-US"><body><h1>Rope</h1><p>Length 6 ft</p><p class="price">$19.99</p></body></html>`,
	} {
		if o := shownOf(t, page); o.Price != 1999 || o.Currency != "USD" {
			t.Errorf("offer %d %s, want 1999 USD\n%s", o.Price, o.Currency, page)
		}
	}
	for _, page := range []string{
		`<html><body><h1>Kötél</h1><p class="price">4990Ft</p></body></html>`,
		`<html lang="hu"><body><h1>Kötél</h1><p class="price">4 990 Ft</p></body></html>`,
		`<html lang="hu"><body><h1>Kötél</h1><p class="price"><span class="value">4 990</span> Ft</p></body></html>`,
		`<html lang="hu-HU"><body><h1>Kötél</h1><p class="price"><s>6 990 Ft</s> 4 990 Ft</p></body></html>`,
	} {
		if o := shownOf(t, page); o.Price != 499000 || o.Currency != "HUF" {
			t.Errorf("offer %d %s, want 499000 HUF\n%s", o.Price, o.Currency, page)
		}
	}
}
