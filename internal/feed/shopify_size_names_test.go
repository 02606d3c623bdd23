package feed

import "testing"

// TestShopifySizeOptionNamesInOtherLanguages: Spanish, French, Italian, Dutch, Swedish and
// Polish names for a size option, and German compounds ending in "größe", are size options.
func TestShopifySizeOptionNamesInOtherLanguages(t *testing.T) {
	for _, name := range []string{"Tamaño", "Tamano", "Talla", "Pointure", "Taglia", "Maat", "Storlek", "Rozmiar",
		"Schuhgröße", "Kleidergröße", "Schuhgroesse", "Schuhgrösse"} {
		if !isSizeOption(name) {
			t.Errorf("%q is not read as a size option", name)
		}
	}
	for _, name := range []string{"Farbe", "Material", "Länge"} {
		if isSizeOption(name) {
			t.Errorf("%q is read as a size option", name)
		}
	}
}
