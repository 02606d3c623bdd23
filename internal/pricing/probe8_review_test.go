package pricing

import "testing"

// TestProbe8ReviewMisses holds the misses a review of the seventh probe's change left, each read
// as Parse reads it and as a feed cell (ParseOptions.SalePair): want is the amount in minor units
// and its currency, -1 for no amount.
func TestProbe8ReviewMisses(t *testing.T) {
	cases := []struct {
		in        string
		want, alt int64 // alt: with SalePair
		cur       string
	}{
		// 1. A model's generation number written apart groups no digits after a space.
		{"AirPods Pro 2 279 €", 27900, 27900, "EUR"},
		{"Nike Air Force 1 119,99 €", 11999, 11999, "EUR"},
		{"1 299 €", 129900, 129900, "EUR"},
		{"R1 299", 129900, 129900, "ZAR"},
		{"12 500 Ft", 1250000, 1250000, "HUF"},
		{"Cena 2 599 Kč", 259900, 259900, "CZK"},
		{"Jakke 1 299 kr", 129900, 129900, ""},
		{"Stone Island 12 500 kr", 1250000, 1250000, ""}, // tens of thousands of crowns are ordinary
		{"iPad Pro 1 199 €", 119900, 119900, "EUR"},      // a first version has no number
		// 2. Opening hours are no amount.
		{"10:00–18:00", -1, -1, ""},
		{"Mon–Fri 9:00–17:30", -1, -1, ""},
		{"Mon-Sat 10:00-18:00", -1, -1, ""},
		{"09:00-17:00 €15", 1500, 1500, "EUR"},
		{"29:90 kr", 2990, 2990, ""},
		// 3. A word in title case is no currency code ("Top" is not the paʻanga).
		{"Top 10 $50", 5000, 5000, "USD"},
		{"TOP 50.00", 5000, 5000, "TOP"},
		// 4. A "from … to" going down is a price change in a price cell; a range going up stays one.
		{"Da 89,00 € a 59,00 €", 8900, 5900, "EUR"},
		{"From $89 to $59", 8900, 5900, "USD"},
		{"Da 59,00 € a 89,00 €", 5900, 5900, "EUR"},
		// 5. A percentage with "off" after it confirms the pair as "Save 23%" does.
		{"$59.99 $44.99 (25% off)", 4499, 4499, "USD"},
		{"£60 £45 25% off", 4500, 4500, "GBP"},
		{"$59.99 $44.99 (50% off)", 5999, 5999, "USD"},
		// 6. A code after a size is the price's.
		{"Size 8 GBP 45", 4500, 4500, "GBP"},
		{"US 9 USD 120", 12000, 12000, "USD"},
		{"EU 38 EUR 89,95", 8995, 8995, "EUR"},
		{"120 USD", 12000, 12000, "USD"},
		{"Size 8 45 GBP", 4500, 4500, "GBP"}, // no cents written apart after a size
		// 7. The currency is the chosen amount's own.
		{"£60 €45", 6000, 6000, "GBP"},
		{"$59.99 €44.99", 5999, 5999, "USD"},
		{"60 £ 45 €", 6000, 6000, "GBP"},
		// 8. Status, shipping and payment words after a pair name no amount.
		{"$59.99 $49.99 Sold out", 5999, 4999, "USD"},
		{"$59.99 $49.99 In stock", 5999, 4999, "USD"},
		{"59,99 € 44,99 € zzgl. Versand", 5999, 4499, "EUR"},
		{"R$ 199,90 R$ 179,91 à vista", 19990, 17991, "BRL"},
		{"$49.99 $4.99 shipping", 4999, 4999, "USD"},
		{"$59.99 $49.99 In stock 3 left", 5999, 4999, "USD"}, // a count of items left is no amount (stockCountAt)
	}
	for _, c := range cases {
		for _, pair := range []bool{false, true} {
			want := c.want
			if pair {
				want = c.alt
			}
			p, err := Parse(c.in, ParseOptions{SalePair: pair})
			if want < 0 {
				if err == nil {
					t.Errorf("Parse(%q, SalePair=%v) = %v, want no amount", c.in, pair, p)
				}
				continue
			}
			if err != nil || p.Amount != want || p.Currency != c.cur {
				t.Errorf("Parse(%q, SalePair=%v) = %v (%d) %v, want %d %s", c.in, pair, p, p.Amount, err, want, c.cur)
			}
		}
	}
}
