package catalog

import (
	"slices"
	"testing"
)

// TestNormaliseMaterialMoreLanguages covers material words of Czech, Hungarian, Romanian,
// Turkish, Finnish, Danish, Norwegian and Portuguese shops, and suede named with its leather.
func TestNormaliseMaterialMoreLanguages(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"100% bavlna", []string{"cotton"}},
		{"Přírodní kůže", []string{"leather"}},
		{"Syntetická kůže", []string{"vegan leather"}},
		{"Umělá kůže", []string{"vegan leather"}},
		{"Semiš", []string{"suede"}},
		{"Svršek: kůže, podešev: guma", []string{"leather", "rubber"}},
		{"70% vlna, 30% hedvábí", []string{"wool", "silk"}},
		{"Valódi bőr", []string{"leather"}},
		{"Műbőr", []string{"vegan leather"}},
		{"100% pamut", []string{"cotton"}},
		{"60% pamut, 40% poliészter", []string{"cotton", "polyester"}},
		{"Deri görünümlü", []string{"vegan leather"}},
		{"Villa Romana print", nil},
		{"Piele naturală", []string{"leather"}},
		{"Piele ecologică", []string{"vegan leather"}},
		{"100% bumbac", []string{"cotton"}},
		{"Hakiki deri", []string{"leather"}},
		{"Suni deri", []string{"vegan leather"}},
		{"Süet", []string{"suede"}},
		{"%100 pamuk", []string{"cotton"}},
		{"Nahka", []string{"leather"}},
		{"Tekonahka", []string{"vegan leather"}},
		{"100% puuvilla", []string{"cotton"}},
		{"80% villa, 20% polyamidi", []string{"wool", "nylon"}},
		{"Læder", []string{"leather"}},
		{"Kunstlæder", []string{"vegan leather"}},
		{"Skinn", []string{"leather"}},
		{"100% bomuld", []string{"cotton"}},
		{"Ruskind", []string{"suede"}},
		{"80% uld, 20% nylon", []string{"wool", "nylon"}},
		{"Couro", []string{"leather"}},
		{"Couro sintético", []string{"vegan leather"}},
		{"Camurça", []string{"suede"}},
		{"100% algodão", []string{"cotton"}},
		// Suede named with its leather is suede.
		{"Suede leather", []string{"suede"}},
		{"Cuir velours", []string{"suede"}},
		{"Suede, leather", []string{"suede", "leather"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := NormaliseMaterial(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("NormaliseMaterial(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
