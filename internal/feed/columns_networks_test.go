package feed

import (
	"strings"
	"testing"
)

// Column names of more networks and price-comparison feeds, read without a column map:
// Daisycon's price_old, Pepperjam's price_sale/price_retail, idealo's formerPrice, eans and
// imageUrls, FlexOffers' priceCurrency and upcOrEan, Admitad's currencyId, TikTok's sku_id,
// ShareASale's BigImage. A delivery time is read as availability only where the feed has no
// stock column: idealo's deliveryTime alone says "1-3 Werktage"; Awin's delivery_time stands
// beside its in_stock flag, which must decide.
func TestMoreNetworkColumns(t *testing.T) {
	for _, c := range []struct {
		name, feed         string
		regular, sale      int64
		currency, image    string
		availability, gtin string
		more               int // additional images
	}{
		{name: "daisycon", feed: "product_id,title,price,price_old,currency,image_default,color_primary\n" +
			"D1,Mini bag,79.00,99.00,EUR,https://img.example/d1.jpg,Black\n",
			regular: 9900, sale: 7900, currency: "EUR", image: "https://img.example/d1.jpg"},
		{name: "pepperjam", feed: "sku,name,price,price_sale,price_retail,currency\n" +
			"P1,Mini bag,120.00,90.00,150.00,USD\n",
			regular: 12000, sale: 9000, currency: "USD"},
		{name: "idealo", feed: "sku;title;price;formerPrice;eans;imageUrls;deliveryTime\n" +
			"I1;Mini bag;79,00 €;99,00 €;4006381333931;\"https://img.example/1.jpg;https://img.example/2.jpg|https://img.example/3.jpg\";1-3 Werktage\n",
			regular: 9900, sale: 7900, currency: "EUR", image: "https://img.example/1.jpg", more: 2, gtin: "4006381333931",
			availability: "1-3 Werktage"},
		{name: "awin delivery time beside in_stock", feed: "aw_product_id,product_name,search_price,currency,in_stock,delivery_time\n" +
			"W1,Mini bag,45.00,GBP,0,1-3 days\n",
			regular: 4500, currency: "GBP", availability: "out of stock"},
		{name: "flexoffers", feed: "sku,name,price,priceCurrency,upcOrEan\nF1,Mini bag,45.00,GBP,0012345678905\n",
			regular: 4500, currency: "GBP", gtin: "0012345678905"},
		{name: "admitad", feed: "id;name;price;currencyId\nA1;Mini bag;4990;RUB\n", regular: 499000, currency: "RUB"},
		{name: "tiktok", feed: "sku_id,title,price\nT1,Mini bag,29.99 USD\n", regular: 2999, currency: "USD"},
		{name: "shareasale", feed: "ProductID|Name|Price|RetailPrice|BigImage\nS1|Mini bag|59.00 USD|79.00 USD|https://img.example/s1.jpg\n",
			regular: 7900, sale: 5900, currency: "USD", image: "https://img.example/s1.jpg"},
	} {
		items, rows, _, err := readAllWith(t, strings.NewReader(c.feed), Options{})
		if err != nil || len(rows) > 0 || len(items) != 1 {
			t.Errorf("%s: err %v, rows %+v, %d items", c.name, err, rows, len(items))
			continue
		}
		it := items[0]
		if it.RegularPrice != c.regular || it.SaleAmount != c.sale || it.Currency != c.currency {
			t.Errorf("%s: regular %d, sale %d %s; want %d, sale %d %s", c.name, it.RegularPrice, it.SaleAmount, it.Currency, c.regular, c.sale, c.currency)
		}
		if it.ImageLink != c.image || len(it.AdditionalImageLinks) != c.more {
			t.Errorf("%s: image %q and %d more, want %q and %d", c.name, it.ImageLink, len(it.AdditionalImageLinks), c.image, c.more)
		}
		if it.Availability != c.availability || it.GTIN != c.gtin {
			t.Errorf("%s: availability %q, gtin %q; want %q, %q", c.name, it.Availability, it.GTIN, c.availability, c.gtin)
		}
	}
}

// Several g:size elements of one item are one list of its sizes.
func TestRepeatedSizeElements(t *testing.T) {
	feed := `<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>
<item><g:id>C1</g:id><g:title>Mini dress</g:title><g:price>89.00 EUR</g:price>
<g:size><![CDATA[S]]></g:size><g:size><![CDATA[M]]></g:size><g:size><![CDATA[L]]></g:size></item>
</channel></rss>`
	items, _, _, err := readAll(t, strings.NewReader(feed))
	if err != nil || len(items) != 1 || items[0].Size != "S, M, L" {
		t.Fatalf("items %+v, err %v; want one item with sizes \"S, M, L\"", items, err)
	}
	// A repeated value once; decimal commas kept apart from the list's separators.
	for _, c := range []struct {
		sizes []string
		want  string
	}{
		{[]string{"M", "M"}, "M"},
		{[]string{"42", "42,5"}, "42 | 42,5"},
		{[]string{"38,5", "38,5"}, "38,5"},
		{[]string{"S", "M", "38,5"}, "S | M | 38,5"},
	} {
		got := ""
		for _, s := range c.sizes {
			got = addSize(got, s)
		}
		if got != c.want {
			t.Errorf("sizes %q read as %q, want %q", c.sizes, got, c.want)
		}
	}
}

// A file without a header row (ShareASale's downloads) is refused with a message that says
// so, not with a list of "columns" that are its first product.
func TestHeaderlessFeed(t *testing.T) {
	feed := "1849302931|Women's Ribbed Knit Midi Dress - Black|47112|Maison Ligne|https://www.shareasale.com/m-pr.cfm?merchantID=47112&productID=1849302931|https://img.example/t.jpg|https://img.example/b.jpg|58.00|78.00\n" +
		"1849302932|Mini bag|47112|Maison Ligne|https://www.shareasale.com/m-pr.cfm?merchantID=47112&productID=1849302932|https://img.example/t2.jpg|https://img.example/b2.jpg|99.00|129.00\n"
	_, _, _, err := readAllWith(t, strings.NewReader(feed), Options{})
	if err == nil || !strings.Contains(err.Error(), "no header row") {
		t.Fatalf("err %v, want one saying the file has no header row", err)
	}
	// A real header is never taken for data.
	if dataLike([]string{"id", "title", "price", "link", "image_link"}) {
		t.Error("a header reads as data")
	}
}

// A currency column's cell is read as an ISO code in any case, Yandex's "RUR", or a sign; any
// other text rejects its row, naming the column.
func TestCurrencyColumnCells(t *testing.T) {
	feed := "id;name;price;currencyId\nA1;Mini bag;4990;RUR\nA2;Mini bag;49.90;eur\nA3;Mini bag;49.90;€\nA4;Mini bag;49.90;tbd\n"
	items, rows, _, err := readAllWith(t, strings.NewReader(feed), Options{})
	if err != nil || len(items) != 3 || len(rows) != 1 {
		t.Fatalf("err %v, %d items, rows %+v; want 3 items and one rejected row", err, len(items), rows)
	}
	for i, want := range []string{"RUB", "EUR", "EUR"} {
		if items[i].Currency != want {
			t.Errorf("%s: currency %q, want %s", items[i].ID, items[i].Currency, want)
		}
	}
	if rows[0].Item != "A4" || !strings.Contains(rows[0].Reason, `"currencyId"`) {
		t.Errorf("rejected row %+v, want A4 naming the currencyId column", rows[0])
	}
}
