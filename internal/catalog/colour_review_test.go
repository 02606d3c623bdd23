package catalog

import "testing"

// TestColourFamilyJapanesePairsAndCompounds covers Japanese colour pairs joined by × or ・ and
// compounds whose first half is a colour.
func TestColourFamilyJapanesePairsAndCompounds(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"ブラック×ホワイト", Multi}, {"白×黒", Multi}, {"黒×金", Multi}, {"ホワイト・ブラック", Multi},
		{"グレー×ネイビー", Multi}, {"ネイビー×ネイビー", Blue}, {"Black×White", Multi},
		// A ・ inside one colour name joins its halves.
		{"ホワイト・ゴールド", Silver}, {"ダーク・ネイビー", Blue}, {"ライト・グレー", Grey},
		// A colour before a basic colour word is a compound; before another word it is none.
		{"Goldstone", ""}, {"Goldgelb", Yellow}, {"Silbergrau", Grey}, {"Olivgrün", Green},
		{"Cremeweiß", White}, {"Mintgrün", Green}, {"Petrolblau", Blue}, {"Marinblå", Blue},
		{"Krämvit", White}, {"Goldbraun", Brown},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ColourFamily(tt.in); got != tt.want {
				t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
