package feed

import (
	"testing"
)

// readFixture reads a file of testdata with opts, failing on anything but a clean end.
func readFixture(t *testing.T, name string, opts Options) ([]Item, []RowError) {
	t.Helper()
	items, rows, _, err := readFileWith(t, "testdata/"+name, opts)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return items, rows
}

// TestTaxIncludedPriceColumns: PrestaShop's export names its prices "Price tax excl.", "Price
// tax incl." and "Specific price (tax incl.)": the tax-included ones are the price and the sale
// price, the tax-excluded one is never read. A variant's Combination ID is its id, not the
// Product ID its sizes share.
func TestTaxIncludedPriceColumns(t *testing.T) {
	items, rows := readFixture(t, "prestashop.csv", Options{})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	for i, want := range []struct {
		id             string
		regular, sale  int64
		size, currency string
	}{{"1001", 8990, 6290, "34", "EUR"}, {"1002", 8990, 0, "36", "EUR"}} {
		it := items[i]
		if it.ID != want.id || it.RegularPrice != want.regular || it.SaleAmount != want.sale || it.Size != want.size || it.Currency != want.currency {
			t.Errorf("item %d: id %q regular %d sale %d size %q %s; want %+v", i, it.ID, it.RegularPrice, it.SaleAmount, it.Size, it.Currency, want)
		}
	}
	for _, c := range []struct {
		key, base string
		ok        bool
	}{
		{"pricetaxincl", "price", true}, {"priceinclvat", "price", true}, {"grossprice", "price", true},
		{"specificpricetaxincl", "specificprice", true}, {"prixttc", "prix", true},
		{"pricetaxexcl", "", false}, {"price", "", false}, {"ttc", "", false},
	} {
		if base, ok := taxIncludedBase(c.key); base != c.base || ok != c.ok {
			t.Errorf("taxIncludedBase(%q) = %q, %v; want %q, %v", c.key, base, ok, c.base, c.ok)
		}
	}
}

// TestAttributesColumn: a cell of name:value pairs (Tradedoubler's fields) or name=value pairs
// (Magento's additional_attributes) fills colour, size, brand, gender and material when the
// row's own columns leave them empty; a column's value wins over the cell's, the first value
// of a field wins, and a value with a comma in it ("W32, L34") stays whole.
func TestAttributesColumn(t *testing.T) {
	items, rows := readFixture(t, "tradedoubler.csv", Options{})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if it := items[0]; it.Color != "Olive Green" || it.Gender != "female" || it.Material != "Linen" || it.Size != "M" ||
		it.ProductType != "Skjortor" || it.SaleAmount != 55900 || it.RegularPrice != 79900 {
		t.Errorf("LS-1-M = %+v", it)
	}
	if it := items[1]; it.Size != "L" || it.Color != "Olive Green" {
		t.Errorf("LS-1-L: size %q colour %q, want the fields cell's L and its first colour", it.Size, it.Color)
	}

	items, rows = readFixture(t, "magento.csv", Options{Currency: "EUR"})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if it := items[0]; it.Brand != "Armedangels" || it.Color != "Light Grey Melange" || it.Size != "S" || it.RegularPrice != 14900 {
		t.Errorf("MJ-S = %+v", it)
	}
	if it := items[1]; it.Size != "W32, L34" || it.Brand != "Closed" || it.Color != "Blue" {
		t.Errorf("MJ-W: size %q brand %q colour %q", it.Size, it.Brand, it.Color)
	}

	var it Item
	fillFromAttributes(&it, "Colour = Navy | Pattern: striped; weight: 0.4 kg; :broken;size=")
	if it.Color != "Navy" || it.Pattern != "striped" || it.Size != "" {
		t.Errorf("attributes read as %+v", it)
	}
	it = Item{}
	fillFromAttributes(&it, "pa_size=M|Farbe=Blau|Material=Wolle")
	if it.Size != "M" || it.Color != "Blau" || it.Material != "Wolle" {
		t.Errorf("attributes in a shop's words read as %+v", it)
	}
}

// TestStoreProductKindIsNotACategory: Magento's product_type column holds the kind of record
// ("simple", "configurable"), not a category; the categories column behind it is read instead.
func TestStoreProductKindIsNotACategory(t *testing.T) {
	items, _ := readFixture(t, "magento.csv", Options{Currency: "EUR"})
	if len(items) != 2 || items[0].ProductType != "Default Category/Women/Knitwear" {
		t.Fatalf("items %+v, want the categories column as product type", items)
	}
	items, _ = readWith(t, "id,title,price,currency,product_type\nP1,Tee,9.00,EUR,Configurable\nP2,Tee,9.00,EUR,T-Shirts\n", Options{})
	if len(items) != 2 || items[0].ProductType != "" || items[1].ProductType != "T-Shirts" {
		t.Errorf("items %+v", items)
	}
}

// TestKelkooColumns: a Kelkoo feed (offer-id, product-url, merchant-category) gives
// availability as Kelkoo's codes and its regular price as price-no-rebate; the same digits in
// another feed's availability column stay as they are (a stock count there).
func TestKelkooColumns(t *testing.T) {
	items, rows := readFixture(t, "kelkoo.txt", Options{Currency: "EUR"})
	if len(rows) != 0 || len(items) != 6 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	for i, want := range []string{"in stock", "preorder", "", "preorder", "preorder", "out of stock"} {
		if items[i].Availability != want {
			t.Errorf("%s: availability %q, want %q", items[i].ID, items[i].Availability, want)
		}
	}
	if it := items[0]; it.SaleAmount != 5900 || it.RegularPrice != 7900 || it.Link != "https://boutique.example.fr/K1" {
		t.Errorf("K1 = %+v", it)
	}
	items, _ = readWith(t, "id,title,price,currency,availability\nP1,Tee,9.00,EUR,6\n", Options{})
	if len(items) != 1 || items[0].Availability != "6" {
		t.Errorf("items %+v", items)
	}
}

// TestEbayFeedColumns: eBay's Feed API item file: priceValue and priceCurrency, a was price in
// originalPriceValue, and the affiliate link before the plain item address.
func TestEbayFeedColumns(t *testing.T) {
	items, rows := readFixture(t, "ebay.tsv", Options{})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if it := items[0]; it.ID != "v1|296000000001|0" || it.SaleAmount != 3999 || it.RegularPrice != 8950 || it.Currency != "USD" ||
		it.Link != "https://www.ebay.com/itm/296000000001?mkcid=1&campid=533" || it.Availability != "IN_STOCK" {
		t.Errorf("first = %+v", it)
	}
	if it := items[1]; it.RegularPrice != 5900 || it.SaleAmount != 0 || it.Link != "https://www.ebay.com/itm/296000000002" {
		t.Errorf("second = %+v", it)
	}
}

// TestWooCommerceExport: WooCommerce's product export has "Regular price" and "Sale price",
// an "Images" list, "Brands", the variable product's id as "Parent", and each attribute as a
// pair of columns ("Attribute 1 name" = Farbe, "Attribute 1 value(s)" = Camel). The variable
// product's own row has no price and is refused as such.
func TestWooCommerceExport(t *testing.T) {
	items, rows := readFixture(t, "woocommerce.csv", Options{Currency: "EUR"})
	if len(items) != 2 || len(rows) != 1 || rows[0].Item != "5000" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if it := items[0]; it.ID != "6001" || it.RegularPrice != 28900 || it.SaleAmount != 19995 || it.Color != "Camel" || it.Size != "S" ||
		it.Brand != "Closed" || it.ItemGroupID != "id:5000" || it.ImageLink != "https://shop.example.de/coat.jpg" || it.Availability != "in stock" {
		t.Errorf("6001 = %+v", it)
	}
	if it := items[1]; it.RegularPrice != 28900 || it.SaleAmount != 0 || it.Color != "Navy" || it.Availability != "out of stock" {
		t.Errorf("6002 = %+v", it)
	}
	// A feed with both a price and a regular_price column reads the second as the was price.
	items, _ = readWith(t, "id,title,price,regular_price,currency\nP1,Tee,19.00,29.00,EUR\n", Options{})
	if len(items) != 1 || items[0].SaleAmount != 1900 || items[0].RegularPrice != 2900 {
		t.Errorf("items %+v", items)
	}
	// Shopify's Option1 Name / Option1 Value pair is read the same way.
	if got := attributePairs([]string{"Handle", "Option1 Name", "Option1 Value", "Option2 Name", "Option3 Value"}); len(got) != 1 || got[0] != [2]int{1, 2} {
		t.Errorf("attributePairs = %v", got)
	}
}
