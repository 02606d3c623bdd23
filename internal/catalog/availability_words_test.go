package catalog

import "testing"

// Feeds that give a delivery time or a count of items left instead of a stock word: idealo's
// deliveryTime, "Low stock", "Only 2 left". Words that only look alike say nothing.
func TestParseAvailabilityDeliveryTimesAndCounts(t *testing.T) {
	for s, want := range map[string]Availability{
		"1-3 Werktage":           InStock,
		"2–4 business days":      InStock,
		"Lieferzeit: 24h":        InStock,
		"ca. 3-5 Tage":           InStock,
		"ships in 3 days":        InStock,
		"Livraison sous 48h":     InStock,
		"Low stock":              InStock,
		"limited_stock":          InStock,
		"Only 2 left":            InStock,
		"only 1 left in stock!":  InStock,
		"nur noch 3 Stück":       InStock,
		"3 weeks":                Unknown,
		"Monday":                 Unknown,
		"only online":            Unknown,
		"6-8 weeks":              Unknown,
		"Only 0 left":            OutOfStock,
		"nur noch 0 Stück":       OutOfStock,
		"ships in 60 days":       Unknown,
		"Lieferzeit: 10-12 Tage": InStock,
		"Delivery 14-21 days":    Unknown,
		"96h":                    Unknown,
	} {
		if got := ParseAvailability(s); got != want {
			t.Errorf("ParseAvailability(%q) = %q, want %q", s, got, want)
		}
	}
}

// Stock words of German, Scandinavian, Polish, Italian, Spanish and French shops, as their feeds'
// availability columns hold them.
func TestParseAvailabilityMoreLanguages(t *testing.T) {
	for s, want := range map[string]Availability{
		"lagernd":          InStock,
		"Vorrätig":         InStock,
		"sofort verfügbar": InStock,
		"I lager":          InStock,
		"På lager":         InStock,
		"Dostępny":         InStock,
		"Last few":         InStock,
		"nicht vorrätig":   OutOfStock,
		"non disponibile":  OutOfStock,
		"No disponible":    OutOfStock,
		"Slutsåld":         OutOfStock,
		"Utsolgt":          OutOfStock,
		"Udsolgt":          OutOfStock,
		"Niedostępny":      OutOfStock,
		"Sur commande":     Preorder,
		"lager":            Unknown,
	} {
		if got := ParseAvailability(s); got != want {
			t.Errorf("ParseAvailability(%q) = %q, want %q", s, got, want)
		}
	}
}
