package feed

import (
	"strings"
	"testing"
)

// TestColumnsProductCodes: a shop's export that names its id column Code, Product Code or, in
// Czech, Kód is read by it where no better id column exists; a sku beside it stays the id.
// PrestaShop's Quantity is the stock.
func TestColumnsProductCodes(t *testing.T) {
	tests := []struct {
		name, feed, id, avail string
	}{
		{"code", "code,name,price\nA-1,Scarf,20.00\n", "A-1", ""},
		{"Product Code", "Product Code,Product Name,Price\nPC-7,Scarf,20.00\n", "PC-7", ""},
		{"Kód", "Kód;Název;Cena\nK-3;Šála;450\n", "K-3", ""},
		{"sku beside code", "code,sku,name,price\nC-1,S-1,Scarf,20.00\n", "S-1", ""},
		{"PrestaShop Quantity", "ID;Name;Price (tax excl.);Price (tax incl.);Quantity\n41;Pull;41,58;49,90;0\n", "41", "out of stock"},
		{"PrestaShop Quantity 3", "ID;Name;Price (tax excl.);Price (tax incl.);Quantity\n42;Jupe;33,25;39,90;3\n", "42", "3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows, _, err := readAllWith(t, strings.NewReader(tt.feed), Options{Currency: "EUR"})
			if err != nil || len(rows) != 0 || len(items) != 1 {
				t.Fatalf("err %v rows %+v items %+v", err, rows, items)
			}
			if items[0].ID != tt.id || items[0].Availability != tt.avail {
				t.Fatalf("id %q avail %q, want %q %q", items[0].ID, items[0].Availability, tt.id, tt.avail)
			}
		})
	}
}
