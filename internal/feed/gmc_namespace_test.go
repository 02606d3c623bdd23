package feed

import (
	"strings"
	"testing"
)

// TestGMCDefaultNamespace reads a feed that binds the Google namespace as the default one, so
// that items and their fields carry no prefix: every item must be read, none silently skipped.
func TestGMCDefaultNamespace(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns="http://base.google.com/ns/1.0"><channel><title>Shop</title>
<item><id>DN-1</id><title>Linen Shirt</title><link>https://dn.example/shirt</link><price>59.00 USD</price><size>L</size></item>
<item><id>DN-2</id><title>Chinos</title><price>79.00 USD</price><sale_price>49.00 USD</sale_price></item>
</channel></rss>
`
	items, rows, _, err := readAll(t, strings.NewReader(doc))
	if err != nil || len(rows) != 0 {
		t.Fatalf("err %v, rows %v", err, rows)
	}
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	if it := items[0]; it.ID != "DN-1" || it.Size != "L" || it.Link != "https://dn.example/shirt" || it.RegularPrice != 5900 {
		t.Errorf("item 1 = %+v", it)
	}
	if it := items[1]; it.SaleAmount != 4900 || it.Currency != "USD" {
		t.Errorf("item 2 = %+v", it)
	}
}
