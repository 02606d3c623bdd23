package feed

import "testing"

// TestDefaultParsePriceSalePair: a price cell with the regular and the sale price copied together
// gives the sale price; a range, a higher second price or a charge after it does not.
func TestDefaultParsePriceSalePair(t *testing.T) {
	for _, tt := range []struct {
		in       string
		minor    int64
		currency string
		err      bool
	}{
		{in: "$59.99 $44.99", minor: 4499, currency: "USD"},
		{in: "79,99 € 59,99 €", minor: 5999, currency: "EUR"},
		{in: "$44.99 $59.99", minor: 4499, currency: "USD"},
		{in: "$49.99 $4.99 shipping", minor: 4999, currency: "USD"},
		{in: "$20 - $40", err: true},
	} {
		minor, cur, err := DefaultParsePrice(tt.in, "")
		if tt.err {
			if err == nil {
				t.Errorf("DefaultParsePrice(%q) = %d %s, want an error", tt.in, minor, cur)
			}
			continue
		}
		if err != nil || minor != tt.minor || cur != tt.currency {
			t.Errorf("DefaultParsePrice(%q) = %d %q %v, want %d %q", tt.in, minor, cur, err, tt.minor, tt.currency)
		}
	}
}
