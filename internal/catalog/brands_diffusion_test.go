package catalog

import "testing"

// TestDiffusionLinesStayApart: a house's diffusion lines sold under their own label are brands
// of their own, in every spelling, and their parent houses keep their names.
func TestDiffusionLinesStayApart(t *testing.T) {
	b := DefaultBrands()
	tests := []struct{ in, want string }{
		{"Polo Ralph Lauren", "Polo Ralph Lauren"}, {"POLO RALPH LAUREN", "Polo Ralph Lauren"},
		{"Polo by Ralph Lauren", "Polo Ralph Lauren"}, {"Lauren Ralph Lauren", "Lauren Ralph Lauren"},
		{"LAUREN RALPH LAUREN", "Lauren Ralph Lauren"}, {"Ralph Lauren", "Ralph Lauren"},
		{"Marc by Marc Jacobs", "Marc by Marc Jacobs"}, {"MARC BY MARC JACOBS", "Marc by Marc Jacobs"},
		{"Marc Jacobs", "Marc Jacobs"}, {"MICHAEL Michael Kors", "MICHAEL Michael Kors"},
		{"Michael Kors", "Michael Kors"}, {"Love Moschino", "Love Moschino"},
		{"Boutique Moschino", "Boutique Moschino"}, {"Moschino", "Moschino"},
		{"Isabel Marant Étoile", "Isabel Marant Étoile"}, {"Isabel Marant Etoile", "Isabel Marant Étoile"},
		{"Isabel Marant", "Isabel Marant"}, {"McQ Alexander McQueen", "McQ"},
		{"Alexander McQueen", "Alexander McQueen"}, {"Maison Martin Margiela", "Maison Margiela"},
		{"MM6 Maison Margiela", "MM6 Maison Margiela"},
	}
	for _, tt := range tests {
		if got, ok := b.LookupBrand(tt.in); !ok || got != tt.want {
			t.Errorf("LookupBrand(%q) = %q, %t; want %q", tt.in, got, ok, tt.want)
		}
	}
}
