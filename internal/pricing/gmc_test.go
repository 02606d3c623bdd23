package pricing

import "testing"

func TestParseGMCPrice(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		minor    int64
		currency string
		wantErr  bool
	}{
		{name: "amount then code", in: "1299.00 EUR", minor: 129900, currency: "EUR"},
		{name: "code then amount", in: "EUR 1299.00", minor: 129900, currency: "EUR"},
		{name: "thousands comma", in: "1,299.00 EUR", minor: 129900, currency: "EUR"},
		{name: "european separators", in: "1.299,00 EUR", minor: 129900, currency: "EUR"},
		{name: "decimal comma", in: "12,50 EUR", minor: 1250, currency: "EUR"},
		{name: "thousands comma without decimals", in: "1,299 USD", minor: 129900, currency: "USD"},
		{name: "whole amount", in: "799 INR", minor: 79900, currency: "INR"},
		{name: "lower-case code", in: "75.00 usd", minor: 7500, currency: "USD"},
		{name: "no space", in: "45.5GBP", minor: 4550, currency: "GBP"},
		{name: "zero-decimal currency", in: "12000 JPY", minor: 12000, currency: "JPY"},
		{name: "surrounding space", in: "  9.99 GBP\n", minor: 999, currency: "GBP"},
		{name: "rounds extra digits", in: "9.995 EUR", minor: 1000, currency: "EUR"},
		{name: "empty", in: "", wantErr: true},
		{name: "no currency", in: "1299.00", wantErr: true},
		{name: "symbol not code", in: "€1299.00", wantErr: true},
		{name: "not a number", in: "abc EUR", wantErr: true},
		{name: "zero", in: "0.00 EUR", wantErr: true},
		{name: "negative", in: "-5.00 EUR", wantErr: true},
		{name: "three parts", in: "12 00 EUR", wantErr: true},
		{name: "space-grouped decimal comma", in: "1 990,00 EUR", minor: 199000, currency: "EUR"},
		{name: "nbsp-grouped", in: "1\u00a0990.00 EUR", minor: 199000, currency: "EUR"},
		{name: "narrow nbsp-grouped", in: "1\u202f990.00 EUR", minor: 199000, currency: "EUR"},
		{name: "space-grouped millions, code first", in: "SEK 1 234 567", minor: 123456700, currency: "SEK"},
		{name: "space-grouped, bad group", in: "1 99,00 EUR", wantErr: true},
		{name: "two numbers", in: "19.99 24.99 EUR", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			minor, cur, err := ParseGMCPrice(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseGMCPrice(%q) = %d %s, want an error", tt.in, minor, cur)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseGMCPrice(%q): %v", tt.in, err)
			}
			if minor != tt.minor || cur != tt.currency {
				t.Fatalf("ParseGMCPrice(%q) = %d %s, want %d %s", tt.in, minor, cur, tt.minor, tt.currency)
			}
		})
	}
}
