package feed

import (
	"testing"
)

// TestShopifyAdminExport reads Shopify's admin product CSV: a variant row takes its product's
// title, vendor, type, tags and option names from the product's first row; a variant without a
// SKU is known by its handle and option values; stock follows the inventory columns (an
// untracked variant or one sold on when none is left is in stock); image rows, drafts and gift
// cards are no items; a variant without a price is a row error naming its line.
func TestShopifyAdminExport(t *testing.T) {
	items, rows, format, err := readFileWith(t, "testdata/shopify_admin.csv", Options{Currency: "EUR"})
	if err != nil || format != CSV {
		t.Fatalf("format %q, err %v", format, err)
	}
	checkRows(t, rows, []rowWant{{line: 5, item: "WS-L-MOSS", reason: "missing price"}})
	type want struct {
		id, size, colour, avail, image, gender string
		line                                   int
		regular, sale                          int64
	}
	wants := []want{
		{"WS-XS-RUST", "XS", "Rust", "in stock", "https://cdn.shopify.example/wrap-rust.jpg", "female", 2, 6400, 4800},
		{"WS-S-RUST", "S", "Rust", "out of stock", "https://cdn.shopify.example/wrap-back.jpg", "female", 3, 6400, 4800},
		{"wrap-skirt/M/Moss", "M", "Moss", "in stock", "https://cdn.shopify.example/wrap-moss.jpg", "female", 4, 4800, 0},
		{"herren-cap", "", "", "in stock", "https://cdn.shopify.example/cap.jpg", "male", 7, 2500, 0},
	}
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(wants), items)
	}
	for i, w := range wants {
		it := items[i]
		if it.ID != w.id || it.Line != w.line || it.Size != w.size || it.Color != w.colour || it.Availability != w.avail ||
			it.ImageLink != w.image || it.Gender != w.gender || it.RegularPrice != w.regular || it.SaleAmount != w.sale {
			t.Errorf("item %d = %+v, want %+v", i, it, w)
		}
	}
	for _, it := range items[:3] {
		if it.Title != "Wrap Skirt" || it.Brand != "Atelier Fenn" || it.ProductType != "Skirts" || it.ItemGroupID != "wrap-skirt" ||
			it.GoogleProductCategory != "Apparel & Accessories > Clothing > Skirts" || it.MPN != "WS-01" || it.Currency != "EUR" {
			t.Errorf("%s: product fields not carried to the variant: %+v", it.ID, it)
		}
	}
	if items[0].GTIN != "5012345678900" || items[0].Description != "<p>Viscose wrap skirt, midi length.</p>" {
		t.Errorf("first row: %+v", items[0])
	}
}

// TestShopifyExportNeedsItsHeader: a CSV with a Handle column but without Shopify's variant
// columns is an ordinary CSV: its rows do not take each other's cells, and its handle (here a
// seller's social media name, shared by different products) does not group them as variants.
func TestShopifyExportNeedsItsHeader(t *testing.T) {
	doc := "handle,id,title,price,brand\n@anna.styles,1,Shirt,10.00 EUR,Acme\n@anna.styles,2,Skirt,12.00 EUR,\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[1].Brand != "" || items[0].ItemGroupID != "" || items[1].ItemGroupID != "" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}

// TestShopifyExportResaved reads an export as a German spreadsheet re-saves it: a byte order
// mark, semicolons, CRLF, decimal commas, a newline inside the description, empty trailing
// columns, TRUE and FALSE written WAHR and FALSCH, and the rows re-sorted so that the product
// opens with an image row. The variants still take the product's cells (from the row that
// gives them), and the unpublished product and the gift card are still no items.
func TestShopifyExportResaved(t *testing.T) {
	items, rows, format, err := readFileWith(t, "testdata/shopify_resaved.csv", Options{Currency: "EUR"})
	if err != nil || format != CSV {
		t.Fatalf("format %q, err %v", format, err)
	}
	checkRows(t, rows, nil)
	wants := []struct{ id, size, avail string }{{"RP-S", "S", "in stock"}, {"RP-M", "M", "out of stock"}}
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(wants), items)
	}
	for i, w := range wants {
		it := items[i]
		if it.ID != w.id || it.Size != w.size || it.Availability != w.avail || it.Title != "Plisseerock" || it.Brand != "Atelier Rot" ||
			it.RegularPrice != 6900 || it.ImageLink != "https://cdn.shopify.example/rp.jpg" || it.ItemGroupID != "rock-plissee" {
			t.Errorf("item %d = %+v, want %+v", i, it, w)
		}
	}
}

// TestShopifyExportVariantID: an app's re-export (Matrixify's) writes the product's id in an
// ID column beside each variant's Variant ID; the variant's is the item's, so that the
// variants of one product stay apart.
func TestShopifyExportVariantID(t *testing.T) {
	items, rows, _, err := readFileWith(t, "testdata/shopify_matrixify.csv", Options{Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, nil)
	wants := []struct{ id, group, avail string }{
		{"42100000000011", "wool-coat", "in stock"}, {"42100000000012", "wool-coat", "out of stock"}, {"42100000000021", "beanie", "in stock"},
	}
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(wants), items)
	}
	for i, w := range wants {
		if it := items[i]; it.ID != w.id || it.ItemGroupID != w.group || it.Availability != w.avail {
			t.Errorf("item %d = %+v, want %+v", i, it, w)
		}
	}
}

// TestShopifyBoolWords: Shopify's TRUE and FALSE as spreadsheets re-save them; anything else
// is neither.
func TestShopifyBoolWords(t *testing.T) {
	tests := []struct {
		in          string
		true, false bool
	}{
		{"TRUE", true, false}, {"false", false, true}, {"WAHR", true, false}, {"FALSCH", false, true}, {"FAUX", false, true},
		{"ONWAAR", false, true}, {"Epätosi", false, true}, {"", false, false}, {"active", false, false}, {"0", false, false},
	}
	for _, tt := range tests {
		if isTrue(tt.in) != tt.true || isFalse(tt.in) != tt.false {
			t.Errorf("%q: isTrue %v isFalse %v, want %v %v", tt.in, isTrue(tt.in), isFalse(tt.in), tt.true, tt.false)
		}
	}
}
