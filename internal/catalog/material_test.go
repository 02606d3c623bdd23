package catalog

import (
	"slices"
	"testing"
)

func TestNormaliseMaterial(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Vegan leather", []string{"vegan leather"}},
		{"Faux fur", []string{"faux fur"}},
		{"Croc-embossed leather", []string{"croc-embossed", "leather"}},
		{"Croc-Embossed Vegan Leather", []string{"croc-embossed", "vegan leather"}},
		{"Calf leather", []string{"leather"}},
		{"Patent leather", []string{"leather"}},
		{"Suede and mesh", []string{"suede", "mesh"}},
		{"70% wool, 30% cashmere", []string{"wool", "cashmere"}},
		{"Merino wool", []string{"wool"}},
		{"100% Baumwolle", []string{"cotton"}},
		{"Cuir de veau", []string{"leather"}},
		{"Rindleder", []string{"leather"}},
		{"Kunstleder", []string{"vegan leather"}},
		{"Shearling", []string{"shearling"}},
		{"Raffia", []string{"raffia"}},
		{"Recycled nylon", []string{"nylon"}},
		{"Organic denim", []string{"denim"}},
		{"Canvas", []string{"canvas"}},
		{"Silk", []string{"silk"}},
		{"Linen", []string{"linen"}},
		{"95% polyester 5% elastane", []string{"polyester", "elastane"}},
		{"18k gold-plated sterling silver", []string{"gold-plated", "silver"}},
		{"Brass", []string{"metal"}},
		{"", nil},
		{"Mixed", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := NormaliseMaterial(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("NormaliseMaterial(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
