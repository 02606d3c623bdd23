package feed

import (
	"strings"
	"testing"
)

// Ordinary network and shop exports read the same after the translated and shop-specific column
// names were added: a feed with both an English column and its translation ("title" beside
// "nom", "description" beside "beschreibung") reads the English one, a handle or vendor outside
// Shopify's export is no group or brand, and a delivery time beside an in-stock flag leaves the
// flag to decide.
func TestOrdinaryFeedsBesideTranslatedNames(t *testing.T) {
	for _, c := range []struct {
		name, feed             string
		id, title, description string
		regular, sale          int64
		currency, brand        string
		availability, group    string
	}{
		{name: "webgains", feed: "program_id|product_id|product_name|description|deeplink|price|normal_price|currency|brand|in_stock\n" +
			"4411|WG-5501|Card Holder|Slim, 6 slots|https://track.example/5501|19.00|29.00|EUR|Doyle|yes\n",
			id: "WG-5501", title: "Card Holder", description: "Slim, 6 slots", regular: 2900, sale: 1900, currency: "EUR", brand: "Doyle",
			availability: "in stock"},
		{name: "tradetracker", feed: `"productID","name","currency","price","productURL","description","brand","size"` + "\n" +
			`"TT-14","Chino","EUR","49.95","https://tc.example/chino","Slim fit","Denimhuis","32/32"` + "\n",
			id: "TT-14", title: "Chino", description: "Slim fit", regular: 4995, currency: "EUR", brand: "Denimhuis"},
		{name: "daisycon", feed: "daisycon_unique_id;title;description;link;price;price_old;currency;brand;in_stock\n" +
			"dc-77310;Regenjas Lotte;Lichtgewicht regenjas;https://lt45.example/c/1;59,95;79,95;EUR;Lotte;true\n",
			id: "dc-77310", title: "Regenjas Lotte", description: "Lichtgewicht regenjas", regular: 7995, sale: 5995, currency: "EUR",
			brand: "Lotte", availability: "in stock"},
		{name: "tradetracker stock beside a delivery time", feed: `"productID","name","currency","price","productURL","brand","deliveryTime","stock"` + "\n" +
			`"TT-15","Chino","EUR","69.95","https://tc.example/chino2","Denimhuis","1-2 werkdagen","0"` + "\n",
			id: "TT-15", title: "Chino", regular: 6995, currency: "EUR", brand: "Denimhuis", availability: "out of stock"},
		{name: "french shop columns only", feed: "id;nom;description;prix;devise;marque\n" +
			"FR-9;Chemise lin;Chemise en lin lavé;65,00;EUR;Atelier Sud\n",
			id: "FR-9", title: "Chemise lin", description: "Chemise en lin lavé", regular: 6500, currency: "EUR", brand: "Atelier Sud"},
		{name: "german shop columns only", feed: "ID;Name;Beschreibung;Preis;Angebotspreis;Währung;Hersteller;Lieferzeit\n" +
			"DE-7;Daunenweste;Leichte Weste;129,90;99,90;EUR;Alpenrot;2-3 Werktage\n",
			id: "DE-7", title: "Daunenweste", description: "Leichte Weste", regular: 12990, sale: 9990, currency: "EUR", brand: "Alpenrot",
			availability: "2-3 Werktage"}, // a delivery time, which the catalogue reads
		{name: "french columns after english ones", feed: "id;nom;description;title;price;devise;currency;marque;brand\n" +
			"FR-301;Pull;Pull en laine;Pull col roulé mérinos;79,00;EUR;EUR;Ardoise;Ardoise\n",
			id: "FR-301", title: "Pull col roulé mérinos", description: "Pull en laine", regular: 7900, currency: "EUR", brand: "Ardoise"},
		{name: "german columns beside english ones", feed: "ID;Name;Beschreibung;Description;Price;Angebotspreis;Currency\n" +
			"DE-501;Daunenweste;Leichte Daunenweste;Light down vest;129,90;99,90;EUR\n",
			id: "DE-501", title: "Daunenweste", description: "Light down vest", regular: 12990, sale: 9990, currency: "EUR"},
		{name: "spanish columns beside english ones", feed: "id,title,nombre,descripción,description,price,sale_price,currency\n" +
			"ES-71,Camiseta básica,Camiseta,Algodón,Cotton tee,15.99,12.99,EUR\n",
			id: "ES-71", title: "Camiseta básica", description: "Cotton tee", regular: 1599, sale: 1299, currency: "EUR"},
		{name: "handle and vendor outside shopify", feed: "id,title,price,currency,brand,vendor,handle,availability\n" +
			"PV-1,Yoga Mat,42.00,USD,ZenFlow,Seller 12,@zenflow,in stock\n",
			id: "PV-1", title: "Yoga Mat", regular: 4200, currency: "USD", brand: "ZenFlow", availability: "in stock"},
		{name: "delivery time beside an in-stock flag", feed: "id,title,price,currency,in_stock,dlv_time\n" +
			"Q1,Scarf,20.00,EUR,0,1-3 Werktage\n",
			id: "Q1", title: "Scarf", regular: 2000, currency: "EUR", availability: "out of stock"},
		{name: "delivery time beside a stock count", feed: "id,title,price,currency,stock_quantity,dlv_time\n" +
			"Q2,Hat,15.00,EUR,4,nicht lieferbar\n",
			id: "Q2", title: "Hat", regular: 1500, currency: "EUR", availability: "4"}, // a count, which ingest reads
	} {
		items, rows, _, err := readAllWith(t, strings.NewReader(c.feed), Options{})
		if err != nil || len(rows) > 0 || len(items) != 1 {
			t.Errorf("%s: err %v, rows %+v, %d items", c.name, err, rows, len(items))
			continue
		}
		it := items[0]
		if it.ID != c.id || it.Title != c.title || it.Description != c.description {
			t.Errorf("%s: id %q, title %q, description %q; want %q, %q, %q", c.name, it.ID, it.Title, it.Description, c.id, c.title, c.description)
		}
		if it.RegularPrice != c.regular || it.SaleAmount != c.sale || it.Currency != c.currency {
			t.Errorf("%s: regular %d, sale %d %s; want %d, sale %d %s", c.name, it.RegularPrice, it.SaleAmount, it.Currency, c.regular, c.sale, c.currency)
		}
		if it.Brand != c.brand || it.Availability != c.availability || it.ItemGroupID != c.group {
			t.Errorf("%s: brand %q, availability %q, group %q; want %q, %q, %q", c.name, it.Brand, it.Availability, it.ItemGroupID,
				c.brand, c.availability, c.group)
		}
	}
}

// In an Atom catalogue Atom's own <id> comes before the entry's g:id, which is the item's id;
// a price in a namespace other than Google's (the old Google Base one) fills no price.
func TestAtomIDBeforeMerchantID(t *testing.T) {
	feed := `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0" xmlns:c="http://base.google.com/cns/1.0">
<entry><id>tag:bramble.example,2026:products/1201</id><g:id>BR-1201-10</g:id><title>Linen dress</title>
<link href="https://bramble.example/linen"/><c:price>1.00 GBP</c:price><g:price>85.00 GBP</g:price><c:sale_price>2.00 GBP</c:sale_price></entry>
</feed>`
	items, rows, format, err := readAll(t, strings.NewReader(feed))
	if err != nil || len(rows) > 0 || len(items) != 1 || format != GMCXML {
		t.Fatalf("format %s, err %v, rows %+v, items %+v", format, err, rows, items)
	}
	it := items[0]
	if it.ID != "BR-1201-10" || it.Link != "https://bramble.example/linen" || it.RegularPrice != 8500 || it.SaleAmount != 0 {
		t.Errorf("item %+v", it)
	}
}
