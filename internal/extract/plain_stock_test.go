package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// A stock message with no class or label of its own ("Out of stock" in a plain <p>) answers
// when nothing marked does; words that only say "available", size pickers, links and an
// enabled add-to-cart button keep it from answering wrongly.
func TestPlainStockMessage(t *testing.T) {
	page := func(after string) string {
		return `<html><head><title>Mini bag</title></head><body><h1>Mini bag</h1><p class="price">€99,00</p>` +
			after + `</body></html>`
	}
	for _, c := range []struct {
		after string
		want  catalog.Availability
	}{
		{`<p>Out of stock</p>`, catalog.OutOfStock},
		{`<div>This item is sold out</div>`, catalog.OutOfStock},
		{`<p>Ausverkauft</p>`, catalog.OutOfStock},
		{`<p>Only 3 left</p>`, catalog.InStock},
		{`<p>In stock</p>`, catalog.InStock},
		{`<p>Auf Lager</p>`, catalog.InStock},
		{`<p>Coming soon</p>`, catalog.Preorder},
		{`<p>Available in 3 colours</p>`, catalog.Unknown},
		{`<p>Also available in black</p>`, catalog.Unknown},
		{`<p>Sold out items are restocked weekly, so check back often for new arrivals in your size</p>`, catalog.Unknown}, // too long
		{`<ul class="sizes"><li>M <span>Sold out</span></li><li>L</li></ul>`, catalog.Unknown},                             // one size
		{`<a href="/sale">Sold out</a>`, catalog.Unknown},                                                                  // a link
		{`<select><option>Sold out</option></select>`, catalog.Unknown},                                                    // an option
		{`<p>Sold out</p><button type="submit">Add to cart</button>`, catalog.InStock},                                     // the enabled cart wins
		{`<p class="stock">In stock</p><p>Sold out</p>`, catalog.InStock},                                                  // the marked message wins
	} {
		r, err := Page(strings.NewReader(page(c.after)), "https://shop.example/p/1")
		if err != nil || len(r.Products) != 1 || len(r.Products[0].Offers) != 1 {
			t.Fatalf("%s: Page = %+v, %v", c.after, r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.after, got, c.want)
		}
	}
}

// A stock message, unmarked or marked, fills a gap in the markup but never overrides it: markup
// saying in stock stays so beside "Sold out" and a disabled button whose words say nothing of
// stock; only a sold-out buy button overrides it.
func TestPlainStockMessageDoesNotOverrideMarkup(t *testing.T) {
	page := func(msg string) string {
		return `<html><head><title>Mini bag</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
"name":"Mini bag","offers":{"@type":"Offer","price":"99.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script></head>
<body><h1>Mini bag</h1><p class="price">€99,00</p>` + msg + `<button type="submit" name="add" disabled>Add to cart</button></body></html>`
	}
	for _, c := range []struct {
		msg  string
		want catalog.Availability
	}{
		{`<p>Sold out</p>`, catalog.InStock},
		{`<p class="stock">Sold out</p>`, catalog.InStock},
	} {
		r, err := Page(strings.NewReader(page(c.msg)), "https://shop.example/p/1")
		if err != nil || len(r.Products) != 1 || len(r.Products[0].Offers) != 1 {
			t.Fatalf("%s: Page = %+v, %v", c.msg, r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.msg, got, c.want)
		}
	}
}

// A delivery line's "Not available" is about a delivery option, not the product's stock; an
// element of a delivery block whose own classes name stock ("delivery-soldout", "stock
// out-of-stock", "stock-status") is the product's stock message and is read.
func TestDeliveryLineIsNotStock(t *testing.T) {
	for _, c := range []struct {
		tail string
		want catalog.Availability
	}{
		{`<div class="delivery-options"><p class="delivery-option">Click &amp; Collect: Not available</p></div>`, catalog.Unknown},
		{`<div class="shipping-info"><div class="delivery-message">Not available</div></div>`, catalog.Unknown},
		{`<div class="delivery-options"><p class="availability">Click &amp; Collect: Not available</p></div>`, catalog.Unknown},
		{`<p class="delivery-availability">Click &amp; Collect: Not available</p>`, catalog.Unknown},
		{`<div class="delivery-options"><p>Click &amp; Collect: Not available</p></div>`, catalog.Unknown},
		{`<div class="shipping"><span class="stock-status">Out of stock</span></div>`, catalog.OutOfStock},
		{`<div class="product-delivery"><p class="stock out-of-stock">Out of stock</p></div>`, catalog.OutOfStock},
		{`<div class="delivery-information delivery-soldout">Nicht verfügbar</div>`, catalog.OutOfStock},
	} {
		page := `<html><body><h1>Linen Dress</h1><span class="price">$49.00</span>` + c.tail + `</body></html>`
		if got := shownOf(t, page).Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.tail, got, c.want)
		}
	}
}

// A text that starts with an out-of-stock status and a colon, then a sentence that says out of
// stock too, is a stock message whatever its classes: Nike's "Sold Out: This product is no
// longer available." A label that is not a status ("Available: in 3 colours", "Note: ..."), a
// list of sizes after it of any length, a sentence about a size or one that does not say out of
// stock, or one inside a size picker is not.
func TestStatusLabelledStockMessage(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Sold Out: This product is no longer available.", true},
		{"Ausverkauft: Dieser Artikel ist nicht mehr verfügbar", true},
		{"Out of stock: we are restocking soon", false},
		{"Sold out: XS, S, M", false},
		{"Sold out: XS, S, M, L, XL", false},
		{"Sold out: this size is no longer available", false},
		{"Available: in 3 colours", false},
		{"Note: sold out items are not refunded", false},
		{"Sold out", false},
		{"Sold out: S, M", false},
		{"Sold out: other colours in stock", false},
	} {
		if got := statusLabelled(c.text); got != c.want {
			t.Errorf("statusLabelled(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		tail string
		want catalog.Availability
	}{
		{`<div data-testid="product-status-message"><p>Sold Out: This product is no longer available.</p></div>`, catalog.OutOfStock},
		{`<div class="size-list"><span>Sold out: 10.5, 11</span></div><button class="btn">Add to bag</button>`, catalog.InStock},
	} {
		page := `<html><body><h1>Air Force 1</h1><span class="price">$110.00</span>` + c.tail + `</body></html>`
		if got := shownOf(t, page).Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.tail, got, c.want)
		}
	}
}
