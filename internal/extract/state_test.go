package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
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
