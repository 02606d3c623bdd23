package catalog

import (
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		name, raw, system, hint string
		want                    Size
	}{
		{"letter", "M", "", "tops", Size{Kind: "tops", System: "letter", Value: "M"}},
		{"letter word", "Small", "", "", Size{System: "letter", Value: "S"}},
		{"x-large", "X-Large", "", "tops", Size{Kind: "tops", System: "letter", Value: "XL"}},
		{"2xl", "2XL", "", "tops", Size{Kind: "tops", System: "letter", Value: "XXL"}},
		{"xxxs", "XXXS", "", "", Size{System: "letter", Value: "XXXS"}},
		{"4xl", "4xl", "", "", Size{System: "letter", Value: "4XL"}},
		{"french tg", "XL/TG", "", "tops", Size{Kind: "tops", System: "letter", Value: "XL"}},
		{"letter range", "S/M", "", "tops", Size{Kind: "tops", System: "letter", Value: "S/M"}},
		{"one size", "one size", "", "", Size{OneSize: true}},
		{"OS", "OS", "", "", Size{OneSize: true}},
		{"O/S", "O/S", "", "", Size{OneSize: true}},
		{"TU", "TU", "", "", Size{OneSize: true}},
		{"taille unique", "Taille Unique", "", "", Size{OneSize: true}},
		{"einheitsgrösse", "Einheitsgröße", "", "", Size{OneSize: true}},
		{"unica", "Unica", "", "", Size{OneSize: true}},
		{"one size keeps kind", "One Size", "", "shoes", Size{Kind: "shoes", OneSize: true}},
		{"us dress", "8", "US", "dresses", Size{Kind: "dresses", System: "US", Value: "8"}},
		{"us 00", "00", "", "dresses", Size{Kind: "dresses", System: "US", Value: "00"}},
		{"unlabelled small number is US", "6", "", "dresses", Size{Kind: "dresses", System: "US", Value: "6"}},
		{"uk in text", "UK 10", "", "dresses", Size{Kind: "dresses", System: "UK", Value: "10"}},
		{"eu in text", "EU 38", "", "tops", Size{Kind: "tops", System: "EU", Value: "38"}},
		{"system after", "38 FR", "", "dresses", Size{Kind: "dresses", System: "FR", Value: "38"}},
		{"italian", "IT 42", "", "dresses", Size{Kind: "dresses", System: "IT", Value: "42"}},
		{"japanese", "JP 9", "", "tops", Size{Kind: "tops", System: "JP", Value: "9"}},
		{"feed system", "40", "it", "dresses", Size{Kind: "dresses", System: "IT", Value: "40"}},
		{"unlabelled large number is EU", "36", "", "tops", Size{Kind: "tops", System: "EU", Value: "36"}},
		{"size word", "Size 12", "US", "tops", Size{Kind: "tops", System: "US", Value: "12"}},
		{"waist length", "W28 L32", "", "", Size{Kind: "bottoms", System: "waist", Value: "28", Length: "32"}},
		{"waist slash", "28/32", "", "bottoms", Size{Kind: "bottoms", System: "waist", Value: "28", Length: "32"}},
		{"waist x", "28x32", "", "", Size{Kind: "bottoms", System: "waist", Value: "28", Length: "32"}},
		{"waist suffix", "30W 34L", "", "", Size{Kind: "bottoms", System: "waist", Value: "30", Length: "34"}},
		{"waist only", "W27", "", "", Size{Kind: "bottoms", System: "waist", Value: "27"}},
		{"unlabelled jeans", "27", "", "bottoms", Size{Kind: "bottoms", System: "waist", Value: "27"}},
		{"jeans by system", "32", "waist", "bottoms", Size{Kind: "bottoms", System: "waist", Value: "32"}},
		{"eu trousers", "38", "", "bottoms", Size{Kind: "bottoms", System: "EU", Value: "38"}},
		{"eu shoe", "38", "EU", "shoes", Size{Kind: "shoes", System: "EU", Value: "38"}},
		{"eu half", "38.5", "", "shoes", Size{Kind: "shoes", System: "EU", Value: "38.5"}},
		{"eu comma half", "38,5", "", "shoes", Size{Kind: "shoes", System: "EU", Value: "38.5"}},
		{"eu vulgar half", "38½", "", "shoes", Size{Kind: "shoes", System: "EU", Value: "38.5"}},
		{"eu fraction", "38 1/2", "", "shoes", Size{Kind: "shoes", System: "EU", Value: "38.5"}},
		{"uk shoe", "UK 5", "", "shoes", Size{Kind: "shoes", System: "UK", Value: "5"}},
		{"us women shoe", "US 8.5 W", "", "shoes", Size{Kind: "shoes", System: "US", Value: "8.5"}},
		{"us men shoe", "M 10 US", "", "shoes", Size{Kind: "shoes", System: "US", Value: "10"}},
		{"unlabelled small shoe is US", "7", "", "shoes", Size{Kind: "shoes", System: "US", Value: "7"}},
		{"italian shoe is EU", "IT 37", "", "shoes", Size{Kind: "shoes", System: "EU", Value: "37"}},
		{"dual shoe prefers feed", "EU 38 / UK 5", "UK", "shoes", Size{Kind: "shoes", System: "UK", Value: "5"}},
		{"dual shoe first", "EU 38 / UK 5", "", "shoes", Size{Kind: "shoes", System: "EU", Value: "38"}},
		{"ring us", "7", "", "rings", Size{Kind: "rings", System: "US", Value: "7"}},
		{"ring us half", "6.5", "US", "rings", Size{Kind: "rings", System: "US", Value: "6.5"}},
		{"ring uk letter", "K", "", "rings", Size{Kind: "rings", System: "UK", Value: "K"}},
		{"ring L is Large without a system", "L", "", "rings", Size{Kind: "rings", System: "letter", Value: "L"}},
		{"ring uk half", "N 1/2", "", "rings", Size{Kind: "rings", System: "UK", Value: "N½"}},
		{"ring uk system", "M", "UK", "rings", Size{Kind: "rings", System: "UK", Value: "M"}},
		{"ring fashion letter", "S", "", "rings", Size{Kind: "rings", System: "letter", Value: "S"}},
		{"ring eu", "54", "", "rings", Size{Kind: "rings", System: "EU", Value: "54"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSize(tt.raw, tt.system, tt.hint)
			if err != nil || got != tt.want {
				t.Errorf("ParseSize(%q, %q, %q) = %+v, %v; want %+v", tt.raw, tt.system, tt.hint, got, err, tt.want)
			}
		})
	}
}

func TestParseSizeErrors(t *testing.T) {
	tests := []struct {
		name, raw, system, hint, want string
	}{
		{"empty", " ", "", "", "empty size"},
		{"words", "Petite fit", "", "tops", `size "Petite fit" is not a size`},
		{"shoe too big", "EU 58", "", "shoes", "shoe size EU 58 is outside"},
		{"dress too big", "IT 90", "", "dresses", "clothing size IT 90 is outside"},
		{"half dress", "8.5", "US", "dresses", "half size"},
		{"ring eu half", "54.5", "EU", "rings", "ring size EU 54.5 is outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSize(tt.raw, tt.system, tt.hint)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseSize(%q) = %+v, %v; want an error containing %q", tt.raw, s, err, tt.want)
			}
		})
	}
}

func TestSizeString(t *testing.T) {
	for want, s := range map[string]Size{
		"EU 38": {System: "EU", Value: "38"}, "W28 L32": {System: "waist", Value: "28", Length: "32"},
		"M": {System: "letter", Value: "M"}, "One size": {OneSize: true}, "W30": {System: "waist", Value: "30"},
	} {
		if got := s.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", s, got, want)
		}
	}
}

func TestConvertShoe(t *testing.T) {
	shoe := func(system, value string) Size { return Size{Kind: "shoes", System: system, Value: value} }
	tests := []struct {
		name   string
		from   Size
		to     string
		gender string
		want   string // "" for no conversion
	}{
		{"women eu to uk", shoe("EU", "38"), "UK", "female", "5"},
		{"women eu to us", shoe("EU", "38"), "US", "female", "8"},
		{"women default", shoe("EU", "35"), "US", "", "5"},
		{"women half", shoe("EU", "37.5"), "UK", "female", "4.5"},
		{"women us to eu", shoe("US", "11"), "EU", "female", "41"},
		{"men eu to uk", shoe("EU", "42"), "UK", "male", "8"},
		{"men eu to us", shoe("EU", "42"), "US", "male", "9"},
		{"men uk to us", shoe("UK", "11"), "US", "male", "12"},
		{"unisex uses men's", shoe("EU", "45"), "UK", "unisex", "11"},
		{"italian is EU", shoe("IT", "39"), "EU", "female", "39"},
		{"same system", shoe("UK", "6"), "UK", "female", "6"},
		{"unknown gender", shoe("EU", "38"), "UK", "kids", ""},
		{"not a shoe", Size{Kind: "tops", System: "EU", Value: "38"}, "UK", "female", ""},
		{"no JP chart", shoe("EU", "38"), "JP", "female", ""},
		{"no such size", shoe("EU", "30"), "UK", "male", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ConvertShoe(tt.from, tt.to, tt.gender)
			if tt.want == "" {
				if ok {
					t.Errorf("ConvertShoe = %+v, want no conversion", got)
				}
				return
			}
			if !ok || got.Value != tt.want || got.Kind != "shoes" {
				t.Errorf("ConvertShoe(%+v, %s, %q) = %+v, %t; want %s", tt.from, tt.to, tt.gender, got, ok, tt.want)
			}
		})
	}
}

// TestConvertShoeRoundTrip converts every half size through every system and back.
func TestConvertShoeRoundTrip(t *testing.T) {
	for _, gender := range []string{"female", "male"} {
		for eu := 35.0; eu <= 46; eu += 0.5 {
			start := Size{Kind: "shoes", System: "EU", Value: formatSizeNumber(eu)}
			for _, via := range []string{"UK", "US"} {
				mid, ok := ConvertShoe(start, via, gender)
				if !ok {
					t.Errorf("%s EU %s → %s failed", gender, start.Value, via)
					continue
				}
				back, ok := ConvertShoe(mid, "EU", gender)
				if !ok || back != start {
					t.Errorf("%s EU %s → %s %s → %+v, %t", gender, start.Value, via, mid.Value, back, ok)
				}
				// Parsing the converted size reads it back the same.
				parsed, err := ParseSize(mid.System+" "+mid.Value, "", "shoes")
				if err != nil || parsed != mid {
					t.Errorf("ParseSize(%s %s) = %+v, %v", mid.System, mid.Value, parsed, err)
				}
			}
		}
	}
}

func BenchmarkParseSize(b *testing.B) {
	in := []struct{ raw, system, hint string }{
		{"M", "", "tops"}, {"38.5", "EU", "shoes"}, {"W28 L32", "", "bottoms"}, {"One Size", "", ""}, {"UK 10", "", "dresses"},
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := in[i%len(in)]
		if _, err := ParseSize(c.raw, c.system, c.hint); err != nil {
			b.Fatal(err)
		}
	}
}
