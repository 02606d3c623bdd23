package catalog

import "testing"

// TestColourFamilyTexturesAndLanguages covers texture and wash words, white gold, and colour
// names in more languages and compounds.
func TestColourFamilyTexturesAndLanguages(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// A colour beside a texture or wash word decides; alone they keep their family.
		{"Oatmeal Melange", Beige}, {"Navy Melange", Blue}, {"Ecru Melange", White}, {"Beige Melange", Beige},
		{"Navy Heather", Blue}, {"Heather Navy", Blue}, {"Heather Grey", Grey}, {"Grey Melange", Grey},
		{"Light Grey Melange", Grey}, {"Melange", Grey}, {"Heather Purple", Purple}, {"Oatmeal Marl", Beige},
		{"Grey Marl", Grey}, {"Bleu chiné", Blue}, {"Gris chiné", Grey}, {"Blau meliert", Blue},
		{"Black Denim", Black}, {"White Denim", White}, {"Ecru Denim", White}, {"Blue Denim", Blue},
		{"Denim", Blue}, {"Denim Blue", Blue}, {"Light Wash", Blue}, {"Mid Wash", Blue}, {"Dark Wash", Blue},
		{"Stonewash", Blue}, {"Light Stone Wash", Blue}, {"Black Acid Wash", Black}, {"Dark Rinse", Blue},
		{"Washed Black", Black}, {"Navy Melange/White", Multi},
		// White gold is silver-coloured.
		{"White Gold", Silver}, {"18k White Gold Plated", Silver}, {"Weißgold", Silver}, {"Or blanc", Silver},
		{"Oro bianco", Silver}, {"18k Yellow Gold", Gold}, {"Rose Gold", Gold},
		{"Oyster", Beige}, {"Neutral", Beige},
		// German compounds and words.
		{"Dunkelblau", Blue}, {"Hellblau", Blue}, {"Dunkelgrau", Grey}, {"Hellgrau", Grey}, {"Dunkelgrün", Green},
		{"Dunkelbraun", Brown}, {"Hellbeige", Beige}, {"Weinrot", Red}, {"Altrosa", Pink}, {"Marineblau", Blue},
		{"Tannengrün", Green}, {"Türkis", Green}, {"Oliv", Green}, {"Anthrazit", Grey},
		// French, Italian, Spanish.
		{"Argenté", Silver}, {"Imprimé", Multi}, {"Cammello", Brown}, {"Tortora", Beige}, {"Fantasia", Multi},
		{"Caqui", Green}, {"Burdeos", Red}, {"Estampado", Multi},
		// Dutch, Polish, Swedish.
		{"Zwart", Black}, {"Donkerblauw", Blue}, {"Wit", White}, {"Lichtgrijs", Grey}, {"Oudroze", Pink},
		{"Zwart/Wit", Multi}, {"Czarny", Black}, {"Czarna", Black}, {"Granatowy", Blue}, {"Biały", White},
		{"Białe", White}, {"Niebieska", Blue}, {"Żółta", Yellow}, {"Ciemnoszary", Grey}, {"Svart", Black},
		{"Marinblå", Blue}, {"Vit", White}, {"Ljusgrå", Grey}, {"Mörkblå", Blue}, {"Vinröd", Red},
		// Japanese.
		{"黒", Black}, {"黒色", Black}, {"水色", Blue}, {"ブラック", Black}, {"ネイビー", Blue}, {"ホワイト", White},
		{"ベージュ", Beige}, {"グレー", Grey}, {"ライトグレー", Grey}, {"ダークネイビー", Blue}, {"オフホワイト", White},
		{"ブラックデニム", Black}, {"デニム", Blue}, {"ホワイトゴールド", Silver}, {"ブラック/ホワイト", Multi},
		// Still nothing.
		{"Sandstone", ""}, {"Goldenrod", ""}, {"Vintage", ""}, {"Clear", ""}, {"Style 42", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ColourFamily(tt.in); got != tt.want {
				t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMoreColourWordsFold checks that the Dutch, Polish, Swedish and Japanese words reach their
// family once folded, so none is shadowed by a colourWords entry of another family.
func TestMoreColourWordsFold(t *testing.T) {
	for _, m := range []map[string]string{moreColourWords, polishColourWords} {
		for w, fam := range m {
			if got := ColourFamily(w); got != fam {
				t.Errorf("ColourFamily(%q) = %q, want %q", w, got, fam)
			}
		}
	}
}
