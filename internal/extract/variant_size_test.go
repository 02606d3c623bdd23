package extract

import "testing"

// Offers whose markup names no size: Shopify's variant names and SKUs ending in a letter size.
func TestSizeInName(t *testing.T) {
	for _, c := range []struct{ name, sku, want string }{
		{"Tiered Midi Dress - Sage / 8", "TMD-SAG-8", "8"},
		{"Tiered Midi Dress - 10 / Sage", "", "10"},
		{"Knit Cardigan", "KNC-CRM-XS", "XS"},
		{"Boot - Black / EU 38", "", "EU 38"},
		{"T-Shirt - Relaxed Fit", "TS-001", ""},
		{"Tote - Natural", "TOTE-NAT", ""},
		{"Scarf - Camel / One Size", "", ""},
	} {
		if got := sizeInName(c.name, c.sku); got != c.want {
			t.Errorf("sizeInName(%q, %q) = %q, want %q", c.name, c.sku, got, c.want)
		}
	}
}
