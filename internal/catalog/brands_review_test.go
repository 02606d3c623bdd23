package catalog

import "testing"

// TestMoschinoCoutureIsMoschino: Moschino's main line is labelled "Moschino Couture" in feeds;
// it is the house itself, not one of its diffusion lines (Love Moschino, Boutique Moschino).
func TestMoschinoCoutureIsMoschino(t *testing.T) {
	b := DefaultBrands()
	for _, in := range []string{"Moschino Couture", "MOSCHINO COUTURE", "Moschino Couture!"} {
		if got, ok := b.LookupBrand(in); !ok || got != "Moschino" {
			t.Errorf("LookupBrand(%q) = %q, %t; want Moschino", in, got, ok)
		}
	}
	if got, _ := b.LookupBrand("Love Moschino"); got != "Love Moschino" {
		t.Errorf("LookupBrand(Love Moschino) = %q", got)
	}
}
