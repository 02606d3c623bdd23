package feed

import "testing"

// TestColumnsDutchLevertijdAndImpactSKU: a Dutch shop's export gives its availability as a
// levertijd (delivery time) column, as German shops' Lieferzeit; Impact's catalog export
// without a Catalog Item Id names its id Unique Merchant SKU.
func TestColumnsDutchLevertijdAndImpactSKU(t *testing.T) {
	tests := []struct {
		name, feed, id, avail string
	}{
		{"levertijd", "id;titel;prijs;valuta;levertijd;link\nNL-1;Jas;149,00;EUR;1-2 werkdagen;https://nl.example/1\n",
			"NL-1", "1-2 werkdagen"},
		{"Impact", "Unique Merchant SKU,Product Name,Product URL,Current Price,Original Price,Currency,Stock Availability\n" +
			"IM-1,Puffer Vest,https://im.example/1,45.00,60.00,USD,InStock\n", "IM-1", "InStock"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows := readWith(t, tt.feed, Options{})
			if len(rows) != 0 || len(items) != 1 {
				t.Fatalf("items %+v rows %+v", items, rows)
			}
			if it := items[0]; it.ID != tt.id || it.Availability != tt.avail {
				t.Fatalf("got %+v", it)
			}
		})
	}
}
