package feed

import "testing"

// TestColumnsMarketplaceExports: Prisjakt's template (Art.nr., "Pris inkl.moms", Lagerstatus),
// a partner export's merchant_sku and discounted_price, and Etsy's listings export, whose
// QUANTITY is the stock.
func TestColumnsMarketplaceExports(t *testing.T) {
	tests := []struct {
		name, feed, id, avail string
		price, sale           int64
	}{
		{"Prisjakt", "Produktnamn;Art.nr.;Pris inkl.moms;Frakt;Lagerstatus;Produkt-URL;Valuta\nUllkappa;PJ-1;2 499,00;0;I lager;https://pj.example/1;SEK\n",
			"PJ-1", "I lager", 249900, 0},
		{"merchant_sku", "ean;merchant_sku;name;regular_price;discounted_price;currency\n4061234567890;ZA-36;Trenchcoat;179.95;125.95;EUR\n",
			"ZA-36", "", 17995, 12595},
		{"Etsy", "TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS,MATERIALS,IMAGE1,SKU\nLinen Apron,Apron,42.00,USD,0,apron,linen,https://i.example/2.jpg,AP-2\n",
			"AP-2", "out of stock", 4200, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, rows := readWith(t, tt.feed, Options{})
			if len(rows) != 0 || len(items) != 1 {
				t.Fatalf("items %+v rows %+v", items, rows)
			}
			if it := items[0]; it.ID != tt.id || it.Availability != tt.avail || it.RegularPrice != tt.price || it.SaleAmount != tt.sale {
				t.Fatalf("got %+v", it)
			}
		})
	}
}
