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
		"Monday":                 Unknown,
		"only online":            Unknown,
		"Only 0 left":            OutOfStock,
		"nur noch 0 Stück":       OutOfStock,
		"Lieferzeit: 10-12 Tage": InStock,
		"96h":                    Unknown,
	} {
		if got := ParseAvailability(s); got != want {
			t.Errorf("ParseAvailability(%q) = %q, want %q", s, got, want)
		}
	}
}

// A delivery time beyond two weeks (idealo's and billiger.de's "4-6 Wochen", "ships in 60
// days") is an item to be ordered from the maker: orderable, not in stock, as a backorder is.
// Up to two weeks ("1-2 Wochen") it is in stock like a delivery time in days.
func TestParseAvailabilityLongDeliveryTimes(t *testing.T) {
	for s, want := range map[string]Availability{
		"4-6 Wochen":          Preorder,
		"ca. 3 Wochen":        Preorder,
		"3 weeks":             Preorder,
		"6-8 weeks":           Preorder,
		"ships in 60 days":    Preorder,
		"Delivery 14-21 days": Preorder,
		"Lieferzeit: 30 Tage": Preorder,
		"1-2 Wochen":          InStock,
		"1 Woche":             InStock,
		"2 weeks":             InStock,
		"2-3 Werktage":        InStock,
		"ca. 10 Tage":         InStock,
		"96h":                 Unknown,
		"4-6 Monate":          Unknown,
	} {
		if got := ParseAvailability(s); got != want {
			t.Errorf("ParseAvailability(%q) = %q, want %q", s, got, want)
		}
	}
}

// Scandinavian shops' out-of-stock and order-only words, as Prisjakt's and PriceRunner's
// Lagerstatus columns hold them.
func TestParseAvailabilityScandinavianStatus(t *testing.T) {
	for s, want := range map[string]Availability{
		"Slut i lager":     OutOfStock,
		"Ej i lager":       OutOfStock,
		"Inte i lager":     OutOfStock,
		"Tillfälligt slut": OutOfStock,
		"Ikke på lager":    OutOfStock,
		"Beställningsvara": Preorder,
		"I lager":          InStock,
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

// British and American shops' dispatch promises ("Usually dispatched within 24 hours",
// "Usually ships within 2-3 days") and German shops' bare "sofort" are delivery times and
// stock words like the ones above.
func TestParseAvailabilityDispatchWithin(t *testing.T) {
	for s, want := range map[string]Availability{
		"Usually dispatched within 24 hours":  InStock,
		"Dispatched within 1-2 working days":  InStock,
		"Usually ships within 2-3 days":       InStock,
		"ships within 3 weeks":                Preorder,
		"Usually dispatched within 4-6 weeks": Preorder,
		"sofort":                              InStock,
		"Usually dispatched within 120 hours": Unknown,
		"dispatched":                          Unknown,
	} {
		if got := ParseAvailability(s); got != want {
			t.Errorf("ParseAvailability(%q) = %q, want %q", s, got, want)
		}
	}
}
