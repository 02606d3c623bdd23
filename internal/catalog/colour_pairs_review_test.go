package catalog

import "testing"

// TestColourFamilySlavicPairs: Polish, Czech, Slovak, Russian and Ukrainian shops join two
// colours with the first one's combining form ("Czarno-biały", "Černo-bílá", "Чёрно-белый");
// a black or white among them makes a pair, as "Black-White" is, and a hue between two stays one
// colour ("Szaro-niebieski" is a blue, "Темно-синий" a dark blue).
func TestColourFamilySlavicPairs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Czarno-biały", Multi}, {"Biało-czarna", Multi}, {"Granatowo-biały", Multi},
		{"Czerwono-czarny", Multi}, {"biało-niebieskie", Multi}, {"Szaro-niebieski", Blue},
		{"Černo-bílá", Multi}, {"Modro-bílá", Multi}, {"Bílo-černá", Multi}, {"Černo-červená", Multi},
		{"Čierno-biela", Multi},
		{"Чёрно-белый", Multi}, {"Черно-белая", Multi}, {"Бело-синий", Multi}, {"Чорно-білий", Multi},
		{"Біло-синя", Multi},
		// Lighter and darker stay one colour.
		{"Светло-серый", Grey}, {"Темно-синий", Blue}, {"Ciemno-szary", Grey},
		// Gold and silver have no combining form: "Złoto", "Zlato", "Золото" are the metal, which a
		// jewellery shop's material option holds.
		{"Złoto", ""}, {"Zlato", ""}, {"Золото", ""}, {"Srebrno", ""}, {"Złoty", Gold},
	}
	for _, tt := range tests {
		if got := ColourFamily(tt.in); got != tt.want {
			t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestColourFamilyPairPieces: a piece of a hyphenated pair may be a colour phrase ("Navy
// Blue-White") or a basic colour word of French or German the pair rule missed ("Marine-Blanc",
// "Silber-Schwarz"); rose gold is a gold in French and Italian too.
func TestColourFamilyPairPieces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Navy Blue-White", Multi}, {"Sky Blue-White", Multi}, {"Marine-Blanc", Multi},
		{"Marine-Blanc rayé", Multi}, {"Silber-Schwarz", Multi}, {"Nero-Oro", Multi},
		{"Or rose", Gold}, {"Oro rosa", Gold}, {"Oro Rosa/Nero", Multi},
		// Still one colour.
		{"Off-White", White}, {"Blue-Black", Black}, {"Navy Blue", Blue}, {"Rose-Gold", Gold},
		{"Grey-Blue", Blue}, {"Rosa", Pink}, {"Vieux rose", Pink},
	}
	for _, tt := range tests {
		if got := ColourFamily(tt.in); got != tt.want {
			t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestColourFamilySilkIsNoGrey: Czech "šedá" (grey) folds to Spanish and Portuguese "seda"
// (silk), a material shops put in their material option; it is a grey only as Czech writes
// it, with its accents.
func TestColourFamilySilkIsNoGrey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Seda", ""}, {"SEDA", ""}, {"100% Seda", ""}, {"Seda natural", Beige}, {"Azul seda", Blue},
		{"Šedá", Grey}, {"ŠEDÁ", Grey}, {"šedá", Grey}, {"Tmavě šedá", Grey}, {"Šedá/černá", Multi},
		{"Šedý", Grey}, {"Světle šedé", Grey},
	}
	for _, tt := range tests {
		if got := ColourFamily(tt.in); got != tt.want {
			t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestColourFamilyPolishNouns: Polish shops name many colours with a noun after an adjective
// ("Butelkowa zieleń", bottle green; "Złamana biel", broken white; "Granat", navy).
func TestColourFamilyPolishNouns(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Butelkowa zieleń", Green}, {"Złamana biel", White}, {"Głęboka czerń", Black},
		{"Królewski błękit", Blue}, {"Granat", Blue}, {"Ciemny granat", Blue}, {"Czerwień", Red},
		{"Jasny brąz", Brown}, {"Czarny bez wzoru", Black}, {"Szarość", Grey}, {"Pudrowy róż", Pink},
	}
	for _, tt := range tests {
		if got := ColourFamily(tt.in); got != tt.want {
			t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
