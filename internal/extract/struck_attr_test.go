package extract

import (
	"strings"
	"testing"
)

// A price flagged struck by an attribute (Amazon's data-a-strike="true") is the regular price,
// without any label or class saying so.
func TestStruckByAttribute(t *testing.T) {
	page := `<html lang="en-ca"><body><h1>Mini Crossbody Bag</h1>
<div><span class="a-price" data-a-strike="true"><span aria-hidden="true">CDN$ 59.99</span></span>
<span class="a-price"><span aria-hidden="true">CDN$ 41.99</span></span></div>
<button>Add to Cart</button></body></html>`
	r, err := Page(strings.NewReader(page), "https://shop.example/p/1")
	if err != nil || len(r.Products) != 1 || len(r.Products[0].Offers) != 1 {
		t.Fatalf("Page = %+v, %v", r, err)
	}
	o := r.Products[0].Offers[0]
	if o.Price != 4199 || o.RegularPrice != 5999 || o.Currency != "CAD" {
		t.Errorf("offer = %d (regular %d) %s, want 4199 (regular 5999) CAD", o.Price, o.RegularPrice, o.Currency)
	}
	for _, c := range []struct {
		html string
		want bool
	}{
		{`<span data-a-strike="true">$1</span>`, true},
		{`<span data-strikethrough>$1</span>`, true},
		{`<span data-a-strike="false">$1</span>`, false},
		{`<span strike="true">$1</span>`, false},
	} {
		if got := struckByAttr(firstElement(t, c.html)); got != c.want {
			t.Errorf("struckByAttr(%s) = %v, want %v", c.html, got, c.want)
		}
	}
}
