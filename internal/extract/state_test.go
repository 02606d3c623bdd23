package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

// A page drawn by a script prices its product only in a state blob: the object named like the
// page's h1 gives price, regular price, currency and stock; a recommendation in the same blob,
// listed first, does not.
func TestStateBlobProduct(t *testing.T) {
	for _, c := range []struct {
		name, script   string
		price, regular int64
		currency       string
		availability   catalog.Availability
	}{
		{"next data", `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"recs":[{"name":"Satin Cami","price":{"current":{"text":"£18.00"}},"isInStock":false}],
			"product":{"name":"Satin Slip Skirt","isInStock":true,"price":{"current":{"value":22.5,"text":"£22.50"},"previous":{"value":45,"text":"£45.00"},"currency":"GBP"}}}}}</script>`,
			2250, 4500, "GBP", catalog.InStock},
		{"cdata props", `<script type="application/json" class="re-1-3"><![CDATA[{"model":{"articleInfo":{"name":"Satin Slip Skirt","available":false,
			"displayPrice":{"price":{"formatted":"44,99 €","value":4499},"originalPrice":{"formatted":"89,99 €","value":8999},"discount":{"percentage":50}}}}}]]></script>`,
			4499, 8999, "EUR", catalog.OutOfStock},
		{"assigned state", `<script>window.__INITIAL_STATE__ = {"pdp":{"product":{"title":"Satin Slip Skirt","stockStatus":"OUT_OF_STOCK",
			"prices":{"sale":{"centAmount":1999,"currencyCode":"USD"},"regular":{"centAmount":2999,"currencyCode":"USD"},"unitPrice":{"centAmount":100}}}}};window.x=1;</script>`,
			1999, 2999, "USD", catalog.OutOfStock},
		{"full price key", `<script type="application/json">{"product":{"title":"Satin Slip Skirt","available":true,"currency":"USD",
			"currentPrice":89.97,"fullPrice":129.99}}</script>`, 8997, 12999, "USD", catalog.InStock},
		{"parsed string", `<script>window.__PRELOADED_STATE__ = JSON.parse("{\"pdp\":{\"name\":\"Satin Slip Skirt\",\"inStock\":true,` +
			`\"price\":{\"sale\":{\"formatted\":\"\u20ac29,95\"},\"was\":{\"formatted\":\"\u20ac49,95\"}}}}");</script>`,
			2995, 4995, "EUR", catalog.InStock},
		{"parsed single-quoted string", `<script>var state = JSON.parse('{"pdp":{"name":"Satin Slip Skirt","inStock":false,` +
			`"price":{"current":{"text":"$29.95"}},"note":"it\'s \x41"}}');</script>`,
			2995, 0, "", catalog.OutOfStock},
	} {
		page := `<html><body><h1 class="title">Satin Slip Skirt</h1><div class="price"></div><button disabled>Add to bag</button>` + c.script + `</body></html>`
		o := shownOf(t, page)
		if o.Price != c.price || o.RegularPrice != c.regular || o.Currency != c.currency || o.Availability != c.availability {
			t.Errorf("%s: offer %d (regular %d) %s %s, want %d (regular %d) %s %s", c.name, o.Price, o.RegularPrice, o.Currency, o.Availability,
				c.price, c.regular, c.currency, c.availability)
		}
	}
}

// The state blob is read only when no markup prices the product, and never for a product the
// page does not name.
func TestStateBlobOnlyAsLastResort(t *testing.T) {
	blob := `<script type="application/json">{"product":{"name":"Wool Coat","price":{"current":{"text":"$99.00"}}}}</script>`
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Wool Coat",
		"offers":{"@type":"Offer","price":"120.00","priceCurrency":"USD"}}</script></head><body><h1>Wool Coat</h1>` + blob + `</body></html>`
	if o := shownOf(t, page); o.Price != 12000 {
		t.Errorf("price %d, want the markup's 12000", o.Price)
	}
	r, err := Page(strings.NewReader(`<html><body><h1>Linen Shirt</h1>`+blob+`</body></html>`), "")
	if err != nil || len(r.Products) != 0 {
		t.Errorf("Page = %+v, %v: want no product", r, err)
	}
}

// A whole number may be minor units (Shopify's product JSON has "price":4500 for $45.00, and
// writes the yen in minor units too): it is never taken as the price.
func TestStateBlobWholeNumbers(t *testing.T) {
	shopify := `<html><body><h1>Overshirt</h1><script type="application/json" id="ProductJson">{"title":"Overshirt","price":4500,
		"compare_at_price":6000,"available":true,"currency":"USD"}</script></body></html>`
	yen := strings.NewReplacer("4500", "8400", "6000", "12000", "USD", "JPY").Replace(shopify)
	for _, page := range []string{shopify, yen} {
		r, err := Page(strings.NewReader(page), "")
		if err != nil || len(r.Products) != 0 {
			t.Errorf("Page = %+v, %v: want no product from minor units read as major ones", r, err)
		}
	}
}

// A page of many h1s gives at most maxNameHeadings names from them, plus its og:title: the state
// fallback stays linear on a generated page of thousands of headings.
func TestPageNamesCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><meta property="og:title" content="Linen Dress"></head><body>`)
	for i := range 5000 {
		fmt.Fprintf(&b, "<h1>Heading %d</h1>", i)
	}
	b.WriteString(`</body></html>`)
	root, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	names := newDocument(root).pageNames()
	if len(names) != maxNameHeadings+1 {
		t.Errorf("%d names, want %d", len(names), maxNameHeadings+1)
	}
	if !names[catalog.Fold("Linen Dress")] || !names[catalog.Fold("Heading 0")] {
		t.Errorf("names %v lack the og:title or the first h1", names)
	}
}

// The reviewer's state blobs: a "from" price beside the price, a price with discount beside the
// price, a recommendation list ("alsoLike") before the product, and an "available" flag beside
// "inStock".
func TestStateBlobKeys(t *testing.T) {
	for _, c := range []struct {
		name, blob   string
		price        int64
		availability catalog.Availability
	}{
		{"from price", `{"product":{"name":"Satin Slip Skirt","fromPrice":29.00,"price":49.00,"currency":"USD"}}`, 4900, ""},
		{"price with discount", `{"product":{"name":"Satin Slip Skirt","price":80.00,"priceWithDiscount":64.00,"currency":"USD"}}`, 6400, ""},
		{"price after discount", `{"product":{"name":"Satin Slip Skirt","price":80.00,"priceAfterDiscount":64.00,"currency":"USD"}}`, 6400, ""},
		{"exact key first", `{"product":{"name":"Satin Slip Skirt","displayPrice":"$29.00","price":"$49.00"}}`, 4900, ""},
		{"also like", `{"alsoLike":[{"id":"7","name":"Satin Slip Skirt","price":39.00}],"product":{"id":"8","name":"Satin Slip Skirt","price":49.00}}`, 4900, ""},
		{"recently viewed", `{"recentlyViewed":[{"id":"7","name":"Satin Slip Skirt","price":39.00}],"product":{"id":"8","name":"Satin Slip Skirt","price":49.00}}`, 4900, ""},
		{"in stock over available", `{"product":{"name":"Satin Slip Skirt","available":true,"inStock":false,"price":49.00}}`, 4900, catalog.OutOfStock},
	} {
		page := `<html><body><h1 class="title">Satin Slip Skirt</h1><div class="price"></div><script type="application/json">` + c.blob + `</script></body></html>`
		o := shownOf(t, page)
		if o.Price != c.price || c.availability != "" && o.Availability != c.availability {
			t.Errorf("%s: offer %d %s, want %d %s", c.name, o.Price, o.Availability, c.price, c.availability)
		}
	}
}

// Keys that name a price's validity, id or type are not amounts: "priceValidUntil":"2026-12-31"
// is no 2026.00, "priceId":"p_2931" no 2931.00.
func TestStatePriceKeysThatAreNotAmounts(t *testing.T) {
	for _, blob := range []string{
		`{"product":{"name":"Linen Dress","priceValidUntil":"2026-12-31","available":true}}`,
		`{"product":{"name":"Linen Dress","priceId":"p_2931","available":true}}`,
		`{"product":{"name":"Linen Dress","priceTier":"3","priceType":"2","priceLabel":"12","priceCode":"A7","priceDate":"2026-01-01"}}`,
		`{"product":{"name":"Linen Dress","price":"2026-12-31"}}`,
	} {
		page := `<html><body><h1>Linen Dress</h1><script type="application/json">` + blob + `</script></body></html>`
		noPriceIn(t, page, blob)
	}
	page := `<html><body><h1>Linen Dress</h1><script type="application/json">{"product":{"name":"Linen Dress","priceValidUntil":"2026-12-31",
		"priceId":"p_2931","price":"$49.00"}}</script></body></html>`
	if o := shownOf(t, page); o.Price != 4900 {
		t.Errorf("price %d, want 4900", o.Price)
	}
}

// A cart line in the same blob, named like the product, is not the product: its price is the
// line's total.
func TestStateBlobSkipsCartLines(t *testing.T) {
	for _, blob := range []string{
		`{"a":{"cart":{"items":[{"name":"Linen Dress","price":"$98.00","quantity":2}]}},"b":{"product":{"name":"Linen Dress","price":"$49.00"}}}`,
		`{"a":{"lines":[{"name":"Linen Dress","price":"$98.00","lineTotal":"$98.00"}]},"b":{"product":{"name":"Linen Dress","price":"$49.00"}}}`,
		`{"a":{"wishlist":[{"name":"Linen Dress","price":"$98.00"}]},"b":{"product":{"name":"Linen Dress","price":"$49.00"}}}`,
		`{"a":{"name":"Linen Dress","price":"$98.00"},"b":{"product":{"id":"7","name":"Linen Dress","price":"$49.00"}}}`,
	} {
		page := `<html><body><h1>Linen Dress</h1><script type="application/json">` + blob + `</script></body></html>`
		if o := shownOf(t, page); o.Price != 4900 {
			t.Errorf("%s: price %d, want 4900", blob, o.Price)
		}
	}
}

// Whole numbers are never trusted as major units, written as strings or not and in any currency:
// "4500" may be cents, and Shopify's "price":8400 in yen is ¥84.00 in its minor-unit convention.
func TestStateBlobWholeNumberStrings(t *testing.T) {
	for _, blob := range []string{
		`{"product":{"name":"Linen Dress","price":{"amount":"4500","currencyCode":"USD"}}}`,
		`{"product":{"name":"Linen Dress","price":"4500","currency":"USD"}}`,
		`{"title":"Linen Dress","price":8400,"compare_at_price":12000,"available":true,"currency":"JPY"}`,
	} {
		page := `<html><body><h1>Linen Dress</h1><script type="application/json">` + blob + `</script></body></html>`
		noPriceIn(t, page, blob)
	}
	page := `<html><body><h1>Linen Dress</h1><script type="application/json">{"product":{"name":"Linen Dress","price":{"amount":"45.00","currencyCode":"USD"}}}</script></body></html>`
	if o := shownOf(t, page); o.Price != 4500 || o.Currency != "USD" {
		t.Errorf("price %d %s, want 4500 USD", o.Price, o.Currency)
	}
}

// An analytics dataLayer (prices often before VAT) is not the product's state.
func TestStateBlobIgnoresDataLayer(t *testing.T) {
	for _, script := range []string{
		`<script>window.dataLayer = {"ecommerce":{"detail":{"products":[{"name":"Linen Dress","price":"40.83"}]}}};</script>`,
		`<script>dataLayer = {"product":{"name":"Linen Dress","price":"40.83"}};</script>`,
		`<script>var dataLayer = {"product":{"name":"Linen Dress","price":"40.83"}};</script>`,
	} {
		noPriceIn(t, `<html><body><h1>Linen Dress</h1>`+script+`</body></html>`, script)
	}
}
