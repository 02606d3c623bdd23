package catalog

import (
	"slices"
	"testing"
)

// TestNormaliseMaterialImitationsAndLanguages covers imitation leathers, polyurethane in and out
// of fibre compositions, exotic leathers, and material words in more languages.
func TestNormaliseMaterialImitationsAndLanguages(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Cuir synthétique", []string{"vegan leather"}},
		{"Pelle sintetica", []string{"vegan leather"}},
		{"Piel vegana", []string{"vegan leather"}},
		{"Leather-look", []string{"vegan leather"}},
		{"Leather effect", []string{"vegan leather"}},
		{"Lederimitat", []string{"vegan leather"}},
		{"Lederoptik", []string{"vegan leather"}},
		{"Leder-Optik", []string{"vegan leather"}},
		{"Wildlederoptik", []string{"vegan leather"}},
		{"Kunstwildleder", []string{"vegan leather"}},
		{"Suedette", []string{"vegan leather"}},
		{"Suede-effect", []string{"vegan leather"}},
		{"Faux patent leather", []string{"vegan leather"}},
		{"Fur-effect", []string{"faux fur"}},
		{"Kunstleer", []string{"vegan leather"}},
		{"Konstläder", []string{"vegan leather"}},
		{"Fuskpäls", []string{"faux fur"}},
		{"Ekoskóra", []string{"vegan leather"}},
		{"Leather, imitation leather", []string{"leather", "vegan leather"}},
		{"80% pu, 20% leather", []string{"vegan leather", "leather"}},
		{"Pelle scamosciata", []string{"suede"}},
		// Polyurethane: a small share of a composition is elastane.
		{"85% Polyester, 15% Polyurethane", []string{"polyester", "elastane"}},
		{"Polyester 85% Polyurethane 15%", []string{"polyester", "elastane"}},
		{"95% Cotton, 5% PU", []string{"cotton", "elastane"}},
		{"綿95% ポリウレタン5%", []string{"cotton", "elastane"}},
		{"100% polyuréthane", []string{"vegan leather"}},
		{"Upper: 100% polyurethane, Lining: 100% polyester", []string{"vegan leather", "polyester"}},
		{"Main: 55% polyurethane, 45% viscose", []string{"vegan leather", "viscose"}},
		{"PU", []string{"vegan leather"}},
		{"PU leather", []string{"vegan leather"}},
		{"Polyurethane-coated cotton", []string{"vegan leather", "cotton"}},
		// Leathers and fibres.
		{"Vernice", []string{"leather"}},
		{"Python", []string{"leather"}},
		{"Python-print cotton", []string{"snake-embossed", "cotton"}},
		{"Calf hair", []string{"leather"}},
		{"Pony hair", []string{"leather"}},
		{"Futter: 100% Viskose", []string{"viscose"}},
		{"Viscosa", []string{"viscose"}},
		{"Elasthanne", []string{"elastane"}},
		{"Elastano", []string{"elastane"}},
		{"Cotton 97,5% Elastane 2,5%", []string{"cotton", "elastane"}},
		{"Bawełna", []string{"cotton"}},
		{"Skóra naturalna", []string{"leather"}},
		{"Bomull", []string{"cotton"}},
		{"Läder", []string{"leather"}},
		{"Nötläder", []string{"leather"}},
		{"Katoen", []string{"cotton"}},
		{"Leer", []string{"leather"}},
		{"Kalfsleer", []string{"leather"}},
		{"Wol", []string{"wool"}},
		{"綿100%", []string{"cotton"}},
		{"牛革", []string{"leather"}},
		{"本体：牛革、裏地：合成皮革", []string{"leather", "vegan leather"}},
		{"表地：ポリエステル100%", []string{"polyester"}},
		{"Full grain leather", []string{"leather"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := NormaliseMaterial(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("NormaliseMaterial(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
