package catalog

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/sampledata"
)

func TestBrandKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"shouted", "SEE BY CHLOE", "seebychloe"},
		{"accented", "See By Chloé", "seebychloe"},
		{"slug", "see-by-chloe", "seebychloe"},
		{"ampersand", "Dolce & Gabbana", "dolcegabbana"},
		{"and", "Dolce and Gabbana", "dolcegabbana"},
		{"plus", "Alice + Olivia", "aliceolivia"},
		{"dotted initials", "A.P.C.", "apc"},
		{"apostrophe", "Tod's", "tods"},
		{"curly apostrophe", "Tod’s", "tods"},
		{"hyphen vs space", "Off White", "offwhite"},
		{"legal suffix", "Prada S.p.A.", "prada"},
		{"gmbh", "Hugo Boss GmbH", "hugoboss"},
		{"inc", "Gap Inc.", "gap"},
		{"co", "Tiffany & Co.", "tiffany"},
		{"two suffixes", "Acme Ltd Official Store", "acme"},
		{"city tag", "Ami Paris", "ami"},
		{"new york", "Kate Spade New York", "katespade"},
		{"studios is a name", "Acne Studios", "acnestudios"},
		{"city as the name", "Paris", "paris"},
		{"city first", "Paris Texas", "paristexas"},
		{"nordic letters", "Samsøe Samsøe", "samsoesamsoe"},
		{"only punctuation", "---", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BrandKey(tt.in); got != tt.want {
				t.Errorf("BrandKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLookupBrand(t *testing.T) {
	b := DefaultBrands()
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"shouted", "SEE BY CHLOE", "See by Chloé", true},
		{"title case", "See By Chloé", "See by Chloé", true},
		{"slug", "see-by-chloe", "See by Chloé", true},
		{"parent house stays apart", "Chloe", "Chloé", true},
		{"and", "Dolce and Gabbana", "Dolce & Gabbana", true},
		{"abbreviation", "D&G", "Dolce & Gabbana", true},
		{"alias", "YSL", "Saint Laurent", true},
		{"old name", "Yves Saint Laurent", "Saint Laurent", true},
		{"short name", "ACNE", "Acne Studios", true},
		{"accent missing", "Toteme", "Toteme", true},
		{"accent added", "Totême", "Toteme", true},
		{"misspelling", "Addidas", "Adidas", true},
		{"retail suffix", "Zara Official Store", "Zara", true},
		{"high street", "h&m", "H&M", true},
		{"sportswear", "the north face", "The North Face", true},
		{"jewellery", "Tiffany and Co", "Tiffany & Co.", true},
		{"shoes", "Dr Martens", "Dr. Martens", true},
		{"unknown", "Maison Nobody 1874", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := b.LookupBrand(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("LookupBrand(%q) = %q, %t; want %q, %t", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestDefaultBrands checks the shipped directory: large enough, every canonical name its own
// canonical, and no two canonical names folding to one key.
func TestDefaultBrands(t *testing.T) {
	b := DefaultBrands()
	if b.Len() < 1000 {
		t.Errorf("brand directory has %d brands, want at least 1,000", b.Len())
	}
	keys := map[string]string{}
	for _, name := range b.Names() {
		k := BrandKey(name)
		if other, dup := keys[k]; dup {
			t.Errorf("%q and %q both fold to %q", other, name, k)
		}
		keys[k] = name
		if got, ok := b.LookupBrand(name); !ok || got != name {
			t.Errorf("LookupBrand(%q) = %q, %t; a canonical name must find itself", name, got, ok)
		}
	}
}

func TestLoadBrandsErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"duplicate brand", "Ganni\n# comment\nGANNI\n", "brands line 3: \"GANNI\" is already \"Ganni\" (line 1)"},
		{"alias of another brand", "Chloé\nSee by Chloé | Chloe\n", "brands line 2: \"Chloe\" is already \"Chloé\" (line 1)"},
		{"no name", "Ganni\n | alias\n", "brands line 2:"},
		{"empty alias", "Ganni | ...\n", "brands line 1: alias \"...\" has no letters or digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBrands(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadBrands error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	b, err := LoadBrands(strings.NewReader("Ganni\n\nSee by Chloé | SBC | See by Chloe\n"))
	if err != nil || b.Len() != 2 {
		t.Fatalf("LoadBrands = %v, %v; want 2 brands", b, err)
	}
	if got, ok := b.LookupBrand("sbc"); !ok || got != "See by Chloé" {
		t.Errorf("alias lookup = %q, %t", got, ok)
	}
}

// TestMyntraBrandCoverage reports how many brands of a real Indian fashion catalogue the
// directory recognises. The list is not tuned to it; the number is for the record, and the
// floor only catches a directory that stopped matching at all.
func TestMyntraBrandCoverage(t *testing.T) {
	path := sampledata.Path(t, "datasets/myntra_products_catalog.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), "Product_Brand") {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s has no Product_Brand column: %v", path, header)
	}
	brands := map[string]bool{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if col < len(rec) && strings.TrimSpace(rec[col]) != "" {
			brands[strings.TrimSpace(rec[col])] = true
		}
	}
	dir := DefaultBrands()
	known := 0
	for name := range brands {
		if _, ok := dir.LookupBrand(name); ok {
			known++
		}
	}
	t.Logf("brand directory recognises %d of the %d brands in %s (%.0f%%)", known, len(brands), path,
		100*float64(known)/float64(len(brands)))
	if known == 0 {
		t.Errorf("the directory recognises none of %d real brand names", len(brands))
	}
}

func BenchmarkBrandKey(b *testing.B) {
	names := []string{"SEE BY CHLOE", "Dolce & Gabbana S.p.A.", "Totême", "Acne Studios", "Kate Spade New York"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		BrandKey(names[i%len(names)])
	}
}

func BenchmarkLookupBrand(b *testing.B) {
	dir := DefaultBrands()
	names := []string{"SEE BY CHLOE", "Dolce & Gabbana S.p.A.", "Totême", "Acne Studios", "Maison Nobody"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir.LookupBrand(names[i%len(names)])
	}
}

// Fillers in a brand column name no brand; real names that merely contain such a word do.
func TestPlaceholderBrand(t *testing.T) {
	for name, want := range map[string]bool{"N/A": true, "n.a.": true, "Unbranded": true, "Default Vendor": true, "No Brand": true, "GENERIC": true,
		"none": true, "Does not apply": true, "Sin marca": true, "Chloé": false, "No Ka'Oi": false, "Brandon Maxwell": false,
		"Generic Surplus": false, "": false} {
		if got := PlaceholderBrand(name); got != want {
			t.Errorf("PlaceholderBrand(%q) = %v, want %v", name, got, want)
		}
	}
}
