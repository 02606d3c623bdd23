package feed

import (
	"testing"
)

// TestWooCommerceTranslatedHeaders reads WooCommerce exports whose column names are in the
// shop's language, German and French (semicolons, a typographic apostrophe in the attribute
// columns), as the English export reads: the regular and sale price, the sale's dates (its
// last day included), stock, the variation's product and its size; the variable product
// itself has no price and is its row's error, as in English.
func TestWooCommerceTranslatedHeaders(t *testing.T) {
	tests := []struct {
		path, parent string
		ids          [2]string
		regular      int64
		sale         int64
		line         int
	}{
		{"testdata/woocommerce_de.csv", "501", [2]string{"502", "503"}, 5900, 3900, 2},
		{"testdata/woocommerce_fr.csv", "701", [2]string{"702", "703"}, 7900, 4900, 2},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			items, rows, _, err := readFileWith(t, tt.path, Options{Currency: "EUR"})
			if err != nil {
				t.Fatal(err)
			}
			checkRows(t, rows, []rowWant{{line: tt.line, item: tt.parent, reason: "missing price"}})
			if len(items) != 2 {
				t.Fatalf("items %+v", items)
			}
			s, m := items[0], items[1]
			if s.ID != tt.ids[0] || s.Size != "S" || s.Availability != "in stock" || s.RegularPrice != tt.regular || s.ItemGroupID != "id:"+tt.parent {
				t.Errorf("first variation %+v", s)
			}
			if s.PriceAt(day(2026, 11, 30)) != tt.sale || s.PriceAt(day(2026, 12, 1)) != tt.regular || s.PriceAt(day(2026, 11, 19)) != tt.regular {
				t.Errorf("sale %d window %+v", s.SaleAmount, s.SaleWindow)
			}
			if m.ID != tt.ids[1] || m.Size != "M" || m.Availability != "out of stock" || m.RegularPrice != tt.regular {
				t.Errorf("second variation %+v", m)
			}
		})
	}
}

// TestWooCommerceSpanishHeaders: the Spanish export's "¿Existencias?", "Precio rebajado" and
// "Nombre del atributo 1" / "Valor(es) del atributo 1".
func TestWooCommerceSpanishHeaders(t *testing.T) {
	doc := "ID,Tipo,Nombre,¿Existencias?,Precio rebajado,Precio normal,Nombre del atributo 1,Valor(es) del atributo 1\n" +
		"801,simple,Falda,0,30,45,Talla,M\n"
	items, rows := readWith(t, doc, Options{Currency: "EUR"})
	if len(rows) != 0 || len(items) != 1 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if it := items[0]; it.Title != "Falda" || it.RegularPrice != 4500 || it.SaleAmount != 3000 || it.Availability != "out of stock" || it.Size != "M" {
		t.Errorf("item %+v", it)
	}
}
