package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/sampledata"
)

func TestReadMyntraSample(t *testing.T) {
	f, err := os.Open(filepath.Join(sampledata.Path(t, "datasets"), "myntra_products_catalog.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	colMap := map[string]string{"id": "Product_ID", "title": "Product_Name", "brand": "Product_Brand", "gender": "Gender",
		"price": "Price", "description": "Description", "color": "Primary_Color"}
	items, rows, format, err := readAllWith(t, f, Options{ColumnMap: colMap, Currency: "INR"})
	if err != nil {
		t.Fatal(err)
	}
	if format != CSV || len(rows) > 0 {
		t.Fatalf("format %q, %d row errors (first %+v)", format, len(rows), rows)
	}
	if len(items) != 12491 {
		t.Fatalf("%d items, want 12491", len(items))
	}
	brands := map[string]bool{}
	ids := map[string]bool{}
	for _, it := range items {
		brands[it.Brand] = true
		ids[it.ID] = true
		if it.Currency != "INR" || it.RegularPrice < 90*100 || it.RegularPrice > 63090*100 {
			t.Fatalf("item %s (line %d): %q read as %d %s", it.ID, it.Line, it.Price, it.RegularPrice, it.Currency)
		}
		if it.Color != strings.TrimSpace(it.Color) {
			t.Fatalf("item %s: colour %q not trimmed", it.ID, it.Color)
		}
	}
	if len(brands) != 677 || len(ids) != 12491 {
		t.Fatalf("%d brands and %d ids, want 677 and 12491", len(brands), len(ids))
	}
	first := items[0]
	if first.ID != "10017413" || first.Brand != "DKNY" || first.Color != "Black" || first.RegularPrice != 1174500 ||
		first.Gender != "Unisex" || first.Line != 2 {
		t.Fatalf("first item = %+v", first)
	}
	// Lines count the line breaks inside quoted descriptions; the last item is on the file's
	// last line.
	raw, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if last, lines := items[len(items)-1].Line, strings.Count(strings.TrimRight(string(raw), "\r\n"), "\n")+1; last > lines || last < lines-20 {
		t.Fatalf("last item on line %d of %d", last, lines)
	}
}

// The Myntra export's headers are close enough to the defaults (Product_ID, Product_Name,
// Product_Brand, Price, Primary_Color) that it reads without a map too.
func TestReadMyntraSampleWithoutMap(t *testing.T) {
	f, err := os.Open(filepath.Join(sampledata.Path(t, "datasets"), "myntra_products_catalog.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, rows, _, err := readAllWith(t, f, Options{Currency: "INR"})
	if err != nil || len(rows) > 0 || len(items) != 12491 {
		t.Fatalf("err %v, %d rows, %d items", err, len(rows), len(items))
	}
	if it := items[0]; it.Brand != "DKNY" || it.Color != "Black" || it.Title != "DKNY Unisex Black & Grey Printed Medium Trolley Bag" {
		t.Fatalf("first item = %+v", it)
	}
}

// The Uniqlo search API response is one retailer's own JSON, not a feed format: it is not
// detected as one, and says so.
func TestUniqloSampleIsNotAFeed(t *testing.T) {
	f, err := os.Open(filepath.Join(sampledata.Path(t, "retailer-apis"), "uniqlo_tw_search_response.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = Open(f, "auto")
	if err == nil || !strings.Contains(err.Error(), "JSON that is not a Shopify products.json page") {
		t.Fatalf("err = %v", err)
	}
}
