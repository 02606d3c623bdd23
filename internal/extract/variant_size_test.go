package extract

import "testing"

// Offers whose markup names no size: Shopify's variant names.
func TestSizeInName(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Tiered Midi Dress - Sage / 8", "8"},
		{"Tiered Midi Dress - 10 / Sage", "10"},
		{"Boot - Black / EU 38", "EU 38"},
		{"Shirt - Blue / M", "M"},
		{"T-Shirt - Relaxed Fit", ""},
		{"Fig & Cassis Candle - Large", ""}, // one option: nothing says it is a size
		{"Heavyweight Tee - 3 / Black", ""}, // a 3-pack
		{"Scarf - Camel / One Size", ""},
	} {
		if got := sizeInName(c.name); got != c.want {
			t.Errorf("sizeInName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// A run of SKUs ending in different letter sizes gives the offers their sizes; a side or a
// single letter does not.
func TestSizesFromSKUs(t *testing.T) {
	run := []rawOffer{{sku: "KNC-CRM-XS"}, {sku: "KNC-CRM-S"}, {sku: "KNC-CRM-M"}}
	sizesFromSKUs(run)
	if run[0].size != "XS" || run[1].size != "S" || run[2].size != "M" {
		t.Errorf("run: %+v", run)
	}
	sides := []rawOffer{{sku: "ML-WAVE-CUFF-L"}, {sku: "ML-WAVE-CUFF-R"}, {sku: "ML-WAVE-CUFF-PAIR"}}
	sizesFromSKUs(sides)
	if sides[0].size != "" || sides[1].size != "" {
		t.Errorf("sides: %+v", sides)
	}
	two := []rawOffer{{sku: "WW-FIG-L"}, {sku: "WW-FIG-M"}}
	sizesFromSKUs(two)
	if two[0].size != "" || two[1].size != "" {
		t.Errorf("two offers: %+v", two)
	}
}
