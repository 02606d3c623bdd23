package catalog

import (
	"slices"
	"testing"
)

// TestNormaliseMaterialEffectsPrintsAndWordsInWords covers leathers made to look like others,
// animal prints, Japanese words holding a material's character, Polish "len", polyurethane
// shares and Dutch fur.
func TestNormaliseMaterialEffectsPrintsAndWordsInWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// An effect or look before a real leather is that leather, embossed or printed.
		{"Ostrich-effect leather", []string{"leather"}},
		{"Lizard-effect leather", []string{"leather"}},
		{"Haircalf-effect leather", []string{"leather"}},
		{"Patent-effect leather", []string{"leather"}},
		{"Suede-effect leather", []string{"leather"}},
		{"Nubuck-look leather", []string{"leather"}},
		{"Fur-effect shearling", []string{"shearling"}},
		{"Leather-look", []string{"vegan leather"}},
		{"Leather-effect, 100% polyurethane", []string{"vegan leather"}},
		{"Leather look, leather trims", []string{"vegan leather", "leather"}},
		{"Fur effect wool blend", []string{"faux fur", "wool"}},
		// An animal print is a pattern.
		{"Lizard print", nil},
		{"Lizard print fabric", nil},
		{"Ostrich printed cotton", []string{"cotton"}},
		{"Pony hair print", nil},
		{"Lizard print leather", []string{"leather"}},
		{"Lizard-embossed leather", []string{"leather"}},
		{"Leopard-print calf hair", []string{"leather"}},
		// 起毛 (brushed), 裏毛 (French terry), 中綿 (padding) name no material.
		{"裏起毛", nil},
		{"ポリエステル100% 裏起毛", []string{"polyester"}},
		{"綿100% 裏毛", []string{"cotton"}},
		{"表地：ナイロン100% 中綿：ポリエステル100%", []string{"nylon", "polyester"}},
		{"中綿：ダウン90% フェザー10%", []string{"down"}},
		{"毛100%", []string{"wool"}},
		{"綿100%", []string{"cotton"}},
		// Polish len only with a share or alone.
		{"Len: 70 cm", nil},
		{"Len 100%", []string{"linen"}},
		{"55% len, 45% bawełna", []string{"linen", "cotton"}},
		{"Len", []string{"linen"}},
		// Polyurethane above a fifth is a coating.
		{"PU 30%, Polyester 70%", []string{"vegan leather", "polyester"}},
		{"70% Polyester / 30% PU", []string{"polyester", "vegan leather"}},
		{"80% Polyester, 20% Polyurethane", []string{"polyester", "elastane"}},
		// Dutch fur and artificial silk.
		{"Bont", []string{"fur"}},
		{"Nepbont", []string{"faux fur"}},
		{"Imitatiebont", []string{"faux fur"}},
		{"Kunstbont", []string{"faux fur"}},
		{"Kunstseide", []string{"viscose"}},
		{"Kunstzijde", []string{"viscose"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := NormaliseMaterial(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("NormaliseMaterial(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
