package feed

import (
	"strings"
	"testing"
)

// TestUnitPriceIsNoTaxIncludedPrice: a German per-unit price ("base_price_incl_vat", the
// Grundpreis per kilo) is no tax-included form of a regular price: the item's price stays
// its own and no sale is made up from it.
func TestUnitPriceIsNoTaxIncludedPrice(t *testing.T) {
	items, rows := readFixture(t, "unit_price_incl_vat.csv", Options{})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if it := items[0]; it.RegularPrice != 12900 || it.SaleAmount != 0 {
		t.Errorf("D1: regular %d sale %d, want 12900 and no sale", it.RegularPrice, it.SaleAmount)
	}
	if it := items[1]; it.RegularPrice != 8900 || it.SaleAmount != 7120 {
		t.Errorf("D2: regular %d sale %d, want 8900 and 7120", it.RegularPrice, it.SaleAmount)
	}
	taxIncl := map[string][]int{"price": {1}, "baseprice": {2}, "unitprice": {3}}
	for _, c := range []struct {
		field, name string
		want        int
	}{{"price", "price", 1}, {FieldRegularPrice, "baseprice", 0}, {"price", "unitprice", 0}, {"title", "price", 0}} {
		if got := taxIncludedColumns(c.field, c.name, taxIncl); len(got) != c.want {
			t.Errorf("taxIncludedColumns(%q, %q) = %v", c.field, c.name, got)
		}
	}
}

// TestBasePriceWithAUnitIsNoRegularPrice: Awin's base_price is the price before a discount,
// but a base price beside its unit ("1 kg") is a price per unit and never the regular price.
func TestBasePriceWithAUnitIsNoRegularPrice(t *testing.T) {
	for _, c := range []struct {
		header, row string
		regular     int64
	}{
		{"id,title,price,base_price", "A1,Wrap Dress,99.99 GBP,129.99 GBP", 12999},
		{"id,title,price,base_price,base_price_unit", "G1,Wrap Dress,129.00 EUR,516.00 EUR,1 kg", 12900},
	} {
		items, rows, _, err := readAllWith(t, strings.NewReader(c.header+"\n"+c.row+"\n"), Options{})
		if err != nil || len(rows) != 0 || len(items) != 1 {
			t.Fatalf("%s: items %+v rows %+v err %v", c.header, items, rows, err)
		}
		if it := items[0]; it.RegularPrice != c.regular {
			t.Errorf("%s: regular %d, want %d", c.header, it.RegularPrice, c.regular)
		}
	}
}

// TestTaxIncludedPriceFallsBackToPlainPrice: with "price" and "price_incl_vat", a row whose
// tax-included cell is empty takes its plain price instead of being refused.
func TestTaxIncludedPriceFallsBackToPlainPrice(t *testing.T) {
	items, rows := readFixture(t, "net_and_incl_prices.csv", Options{})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if items[0].RegularPrice != 28900 || items[1].RegularPrice != 24286 {
		t.Errorf("prices %d, %d; want 28900 (incl. VAT) and 24286 (the plain price)", items[0].RegularPrice, items[1].RegularPrice)
	}
	// Only the twin falls back: a price column of another name is not mixed in.
	items, rows = readWith(t, "id,title,price_incl_vat,search_price,currency\nP1,Tee,,9.00,EUR\n", Options{})
	if len(items) != 0 || len(rows) != 1 {
		t.Errorf("items %+v rows %+v, want the row refused", items, rows)
	}
}

// TestParentIsAGroupOnlyInVariantExports: a category tree's "parent" is a category, and
// products under one are unrelated; WooCommerce's Parent of a variation, or a parent beside
// variation ids, is the variant's product. A parent of "0" is none.
func TestParentIsAGroupOnlyInVariantExports(t *testing.T) {
	items, rows := readFixture(t, "parent_category.csv", Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].ItemGroupID != "" || items[1].ItemGroupID != "" {
		t.Fatalf("items %+v rows %+v, want no item groups", items, rows)
	}
	items, rows = readFixture(t, "parent_variations.csv", Options{})
	if len(rows) != 0 || len(items) != 3 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	for i, want := range []struct{ id, group string }{{"9001", "100"}, {"9002", "100"}, {"103", ""}} {
		if items[i].ID != want.id || items[i].ItemGroupID != want.group {
			t.Errorf("item %d: id %q group %q, want %+v", i, items[i].ID, items[i].ItemGroupID, want)
		}
	}
	// A Type column: only its variations' parents are groups.
	items, _ = readWith(t, "id,type,title,price,currency,parent\n7,variation,Tee S,9.00,EUR,6\n8,simple,Cap,9.00,EUR,Hats\n", Options{})
	if len(items) != 2 || items[0].ItemGroupID != "6" || items[1].ItemGroupID != "" {
		t.Errorf("items %+v", items)
	}
}

// TestAttributeCellsReadOnlyFieldNamesAndValues: free text in an attributes cell names no
// field unless a name is exactly a field's ("Model size", "Pack size", "Screen size",
// "size_guide", "Colours available", "color_temperature" are not), and a size or colour must
// read as one ("true to size", "see image", "S-XL", a list of sizes are not).
func TestAttributeCellsReadOnlyFieldNamesAndValues(t *testing.T) {
	items, rows := readFixture(t, "attributes_free_text.csv", Options{})
	if len(rows) != 0 || len(items) != 9 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	for _, it := range items[:8] {
		if it.Size != "" || it.Color != "" {
			t.Errorf("%s: size %q colour %q, want neither", it.ID, it.Size, it.Color)
		}
	}
	if it := items[8]; it.Color != "White" || it.Size != "M" || it.Material != "100% cotton" {
		t.Errorf("A9 = %+v", it)
	}
	items, _ = readFixture(t, "magento_attribute_lookalikes.csv", Options{Currency: "EUR"})
	if len(items) != 2 || items[0].Color != "Olive" || items[0].Size != "M" || items[0].Brand != "Filippa K" ||
		items[1].Color != "" || items[1].Size != "" {
		t.Errorf("items %+v", items)
	}
	var it Item
	fillFromAttributes(&it, "attribute_pa_colour=Navy|pa_taille=38")
	if it.Color != "Navy" || it.Size != "38" {
		t.Errorf("WooCommerce attribute names read as %+v", it)
	}
	it = Item{}
	fillFromAttributes(&it, "Colour: Black, Brown; Material: Cotton") // the colours on offer
	if it.Color != "" || it.Material != "Cotton" {
		t.Errorf("a list of colours read as %+v", it)
	}
	it = Item{}
	fillFromAttributes(&it, "Colour: Black/White; Size: M") // one two-tone colour
	if it.Color != "Black/White" || it.Size != "M" {
		t.Errorf("a two-tone colour read as %+v", it)
	}
	it = Item{}
	fillFromAttributes(&it, "size=85,color=Dark Blue Denim") // a belt's length
	if it.Color != "Dark Blue Denim" || it.Size != "85" {
		t.Errorf("WooCommerce attribute names read as %+v", it)
	}
}

// TestKelkooCodesNeedKelkooSpelling: offer_id, product_url and merchant_category spelt with
// underscores are a shop's own feed, whose availability digits are stock counts, not Kelkoo's
// codes.
func TestKelkooCodesNeedKelkooSpelling(t *testing.T) {
	items, _ := readFixture(t, "stock_counts_offer_id.tsv", Options{})
	if len(items) != 2 || items[0].Availability != "2" || items[1].Availability != "6" {
		t.Errorf("items %+v", items)
	}
}

// TestVariantIDFallsBackToProductID: a row with an empty variant id, or WooCommerce's and
// PrestaShop's "0" for a simple product's variation or combination, is known by its product id.
func TestVariantIDFallsBackToProductID(t *testing.T) {
	items, rows := readFixture(t, "variant_id_empty.csv", Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].ID != "V70001" || items[1].ID != "P8" {
		t.Errorf("items %+v rows %+v", items, rows)
	}
	items, rows = readFixture(t, "variation_id_zero.csv", Options{})
	if len(rows) != 0 || len(items) != 3 || items[0].ID != "103" || items[1].ID != "106" || items[2].ID != "9001" {
		t.Errorf("items %+v rows %+v", items, rows)
	}
	// A plain id column's "0" stays an id.
	items, _ = readWith(t, "id,title,price,currency\n0,Tee,9.00,EUR\n", Options{})
	if len(items) != 1 || items[0].ID != "0" {
		t.Errorf("items %+v", items)
	}
}
