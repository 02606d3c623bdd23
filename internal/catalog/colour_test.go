package catalog

import (
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/tagdrop/tagdrop/internal/sampledata"
)

func TestColourFamily(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Black", Black}, {"lime green", Green}, {"Lime", Green}, {"cream", White}, {"Ivory", White},
		{"Ecru", White}, {"Off-White", White}, {"camel", Brown}, {"Tan", Brown}, {"Cognac", Brown},
		{"Caramel", Brown}, {"burgundy", Red}, {"Bordeaux", Red}, {"navy", Blue}, {"Navy Blue", Blue},
		{"khaki", Green}, {"Olive", Green}, {"nude", Beige}, {"Oatmeal", Beige}, {"Blush", Pink},
		{"Dusty Rose", Pink}, {"Emerald", Green}, {"Rose Gold", Gold}, {"Gunmetal", Silver},
		{"Light Grey Melange", Grey}, {"Charcoal", Grey}, {"Mustard", Yellow}, {"Terracotta", Orange},
		{"Lilac", Purple}, {"Black/White", Multi}, {"Navy & Cream", Multi}, {"black and white", Multi},
		{"Navy/Navy", Blue}, {"Blue Green", Green}, {"Leopard Print", Multi}, {"Multicolour", Multi},
		{"Bleu marine", Blue}, {"Noir", Black}, {"Schwarz", Black}, {"Weiß", White}, {"Rosso", Red},
		{"Verde oliva", Green}, {"Azul", Blue}, {"Beige clair", Beige}, {"Nero e bianco", Multi},
		{"", ""}, {"Style 42", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ColourFamily(tt.in); got != tt.want {
				t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	known := map[string]bool{}
	for _, f := range ColourFamilies {
		known[f] = true
	}
	for w, f := range colourWords {
		if !known[f] {
			t.Errorf("colour word %q maps to %q, not a family", w, f)
		}
	}
	for w, f := range colourPhrases {
		if !known[f] {
			t.Errorf("colour phrase %q maps to %q, not a family", w, f)
		}
	}
}

// TestColourFamilyAgainstShoptimizer compares the families with google/shoptimizer's colour
// terms. Its families differ by design in places (it files "tan" apart and "crimson" under
// pink), so this reports agreement rather than demanding it; it fails only when a term it
// knows is unknown here or agreement collapses.
func TestColourFamilyAgainstShoptimizer(t *testing.T) {
	path := sampledata.Path(t, "normalization/google-shoptimizer/color_optimizer_config_en.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Terms map[string]string `json:"color_terms"`
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	same := map[string]string{"gray": Grey, "tan": Brown} // their spelling or split of our family
	agree := 0
	var differ []string
	for term, theirs := range cfg.Terms {
		ours := ColourFamily(term)
		if ours == "" {
			t.Errorf("shoptimizer's colour %q (%s) is unknown here", term, theirs)
			continue
		}
		if f, ok := same[theirs]; ok {
			theirs = f
		}
		if ours == theirs {
			agree++
		} else {
			differ = append(differ, term+": "+theirs+"→"+ours)
		}
	}
	sort.Strings(differ)
	t.Logf("agreement with shoptimizer's %d colour terms: %d (%.0f%%); differences: %v", len(cfg.Terms), agree,
		100*float64(agree)/float64(len(cfg.Terms)), differ)
	if agree*10 < len(cfg.Terms)*7 {
		t.Errorf("only %d of %d terms agree", agree, len(cfg.Terms))
	}
}

func BenchmarkColourFamily(b *testing.B) {
	in := []string{"Black", "Lime Green", "Navy & Cream", "Dusty Rose"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ColourFamily(in[i%len(in)])
	}
}
