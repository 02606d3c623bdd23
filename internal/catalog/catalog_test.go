package catalog

import "testing"

func TestMoney(t *testing.T) {
	tests := []struct {
		in, cur string
		minor   int64
		ok      bool
	}{
		{"1299.00", "EUR", 129900, true},
		{"1299", "EUR", 129900, true},
		{"1299.5", "EUR", 129950, true},
		{"19.999", "USD", 2000, true},
		{".5", "GBP", 50, true},
		{"1500", "JPY", 1500, true},
		{"1.234", "KWD", 1234, true},
		{"1,299.00", "EUR", 0, false},
		{"-5", "EUR", 0, false},
		{"", "EUR", 0, false},
		{"12a", "EUR", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in+" "+tt.cur, func(t *testing.T) {
			got, err := ParseDecimal(tt.in, tt.cur)
			if (err == nil) != tt.ok || got != tt.minor {
				t.Fatalf("ParseDecimal = %d, %v; want %d ok=%v", got, err, tt.minor, tt.ok)
			}
		})
	}
	if s := FormatDecimal(129900, "EUR"); s != "1299.00" {
		t.Errorf("FormatDecimal = %q", s)
	}
	if s := FormatDecimal(5, "EUR"); s != "0.05" {
		t.Errorf("FormatDecimal small = %q", s)
	}
	if s := FormatMoney(129900, "EUR"); s != "€1,299.00" {
		t.Errorf("FormatMoney = %q", s)
	}
	if s := FormatMoney(4500, "CHF"); s != "45.00 CHF" {
		t.Errorf("FormatMoney CHF = %q", s)
	}
}

func TestSlugAndKey(t *testing.T) {
	if s := Slug("See by Chloé"); s != "see-by-chloe" {
		t.Errorf("Slug = %q", s)
	}
	if s := Slug("  MANU  ATELIER!! "); s != "manu-atelier" {
		t.Errorf("Slug = %q", s)
	}
	a := ProductKey(KeyParts{Brand: "By Far", MPN: "BF-123", Color: "Lime", Retailer: "a", GroupID: "g1"})
	b := ProductKey(KeyParts{Brand: "BY FAR", MPN: "bf 123", Color: "lime", Retailer: "b", GroupID: "zz"})
	if a != b {
		t.Errorf("same style and colour at two retailers: %q != %q", a, b)
	}
	if c := ProductKey(KeyParts{Brand: "By Far", MPN: "BF-123", Color: "Black"}); c == a {
		t.Error("two colours share a key")
	}
}

func TestAvailabilityAndDiscount(t *testing.T) {
	for in, want := range map[string]Availability{
		"in stock": InStock, "https://schema.org/InStock": InStock, "out_of_stock": OutOfStock,
		"SoldOut": OutOfStock, "preorder": Preorder, "backorder": Preorder, "maybe": Unknown,
		// Affiliate CSVs' flags and stock counts.
		"1": InStock, "0": OutOfStock, "Y": InStock, "N": OutOfStock, "12": InStock, "000": OutOfStock,
		"-1": Unknown, "1.5": Unknown, "": Unknown,
		// Meta's and WooCommerce's values, and a German shop's own words.
		"available for order": InStock, "onbackorder": Preorder, "on backorder": Preorder, "MadeToOrder": Preorder,
		"auf Lager": InStock, "Lieferbar": InStock, "nicht verfügbar": OutOfStock, "Ausverkauft": OutOfStock,
	} {
		if got := ParseAvailability(in); got != want {
			t.Errorf("ParseAvailability(%q) = %q, want %q", in, got, want)
		}
	}
	if d := DiscountPct(7000, 10000); d != 30 {
		t.Errorf("DiscountPct = %d", d)
	}
	if d := DiscountPct(10000, 10000); d != 0 {
		t.Errorf("no discount = %d", d)
	}
}
