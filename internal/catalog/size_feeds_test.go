package catalog

import (
	"strings"
	"testing"
)

// TestParseSizeFeedSpellings reads sizes as retailers' feeds write them: label words in many
// languages, fit and width words, systems glued on or standing apart, ranges, thirds.
func TestParseSizeFeedSpellings(t *testing.T) {
	shoe := func(system, value string) Size { return Size{Kind: KindShoes, System: system, Value: value} }
	letter := func(kind, value string) Size { return Size{Kind: kind, System: SystemLetter, Value: value} }
	waist := func(w, l string) Size { return Size{Kind: KindBottoms, System: SystemWaist, Value: w, Length: l} }
	ring := func(system, value string) Size { return Size{Kind: KindRings, System: system, Value: value} }
	tests := []struct {
		name, raw, system, hint string
		want                    Size
	}{
		// Continental shoe sizes in thirds (adidas) keep the third.
		{"third", "38 1/3", "", "shoes", shoe("EU", "38⅓")},
		{"two thirds", "42 2/3", "", "shoes", shoe("EU", "42⅔")},
		{"labelled thirds", "EU 38 2/3", "", "shoes", shoe("EU", "38⅔")},
		{"vulgar third", "38⅓", "", "shoes", shoe("EU", "38⅓")},
		{"french third", "FR 40 2/3", "", "shoes", shoe("EU", "40⅔")},
		{"thirds are shoes", "36 2/3", "", "", shoe("EU", "36⅔")},
		// US widths and gender marks on shoes.
		{"width B(M)", "8.5 B(M) US", "", "shoes", shoe("US", "8.5")},
		{"width D(M)", "9.5 D(M) US", "", "shoes", shoe("US", "9.5")},
		{"width letter", "US 8.5 B", "", "shoes", shoe("US", "8.5")},
		{"width 2E", "10 2E US", "", "shoes", shoe("US", "10")},
		{"width EE", "10.5 EE", "", "shoes", shoe("US", "10.5")},
		{"wide fit", "UK 8 Wide Fit", "", "shoes", shoe("UK", "8")},
		{"hyphen wide", "EU 40 - Wide", "", "shoes", shoe("EU", "40")},
		{"extra wide", "US 9 Extra Wide", "", "shoes", shoe("US", "9")},
		{"narrow", "8 Narrow", "", "shoes", shoe("US", "8")},
		{"men's glued", "US M9/W11", "", "shoes", shoe("US", "9")},
		{"M glued after", "10M", "", "shoes", shoe("US", "10")},
		{"m after a number on shoes", "12 M", "", "shoes", shoe("US", "12")},
		// Systems glued to the number, or standing apart.
		{"EU39", "EU39", "", "shoes", shoe("EU", "39")},
		{"UK5", "UK5", "", "shoes", shoe("UK", "5")},
		{"UK5.5", "UK5.5", "", "shoes", shoe("UK", "5.5")},
		{"US8", "US8", "", "shoes", shoe("US", "8")},
		{"38EU", "38EU", "", "shoes", shoe("EU", "38")},
		{"IT40", "IT40", "", "dresses", Size{Kind: KindDresses, System: SystemIT, Value: "40"}},
		{"UK10", "UK10", "", "dresses", Size{Kind: KindDresses, System: SystemUK, Value: "10"}},
		{"system apart", "44 (IT)", "", "dresses", Size{Kind: KindDresses, System: SystemIT, Value: "44"}},
		{"system apart coat", "48 (IT)", "", "outerwear", Size{Kind: KindOuterwear, System: SystemIT, Value: "48"}},
		{"system apart beats feed", "44 (IT)", "UK", "dresses", Size{Kind: KindDresses, System: SystemIT, Value: "44"}},
		// Japanese shoe sizes in centimetres; dress sizes in 号.
		{"cm", "24.5cm", "", "shoes", shoe("JP", "24.5")},
		{"spaced cm", "23.5 cm", "", "shoes", shoe("JP", "23.5")},
		{"JP and cm", "JP 25cm", "", "shoes", shoe("JP", "25")},
		{"gou", "9号", "", "dresses", Size{Kind: KindDresses, System: SystemJP, Value: "9"}},
		// Label words.
		{"pointure", "Pointure 39", "", "shoes", shoe("EU", "39")},
		{"maat", "Maat 40", "", "shoes", shoe("EU", "40")},
		{"storlek", "Storlek 38", "", "shoes", shoe("EU", "38")},
		{"rozmiar", "Rozmiar 38", "", "shoes", shoe("EU", "38")},
		{"maat letter", "Maat M", "", "tops", letter("tops", "M")},
		{"storlek letter", "Storlek M", "", "tops", letter("tops", "M")},
		{"rozmiar letter", "Rozmiar M", "", "tops", letter("tops", "M")},
		{"stl.", "Stl. M", "", "tops", letter("tops", "M")},
		{"str.", "Str. L", "", "tops", letter("tops", "L")},
		{"saizu", "Mサイズ", "", "tops", letter("tops", "M")},
		// Letter ranges with a hyphen read as with a slash; two labelled systems take the first.
		{"S-M", "S-M", "", "tops", letter("tops", "S/M")},
		{"L-XL", "L-XL", "", "tops", letter("tops", "L/XL")},
		{"XS-S", "XS-S", "", "tops", letter("tops", "XS/S")},
		{"spaced range", "S - M", "", "tops", letter("tops", "S/M")},
		{"two systems", "UK 7 - EU 41", "", "shoes", shoe("UK", "7")},
		{"two systems feed", "UK 7 - EU 41", "EU", "shoes", shoe("EU", "41")},
		// Fit words.
		{"petite number", "Petite 8", "", "dresses", Size{Kind: KindDresses, System: SystemUS, Value: "8"}},
		{"tall number", "Tall 10", "", "dresses", Size{Kind: KindDresses, System: SystemUS, Value: "10"}},
		{"petite after", "UK 12 Petite", "", "dresses", Size{Kind: KindDresses, System: SystemUK, Value: "12"}},
		{"XL Tall", "XL Tall", "", "tops", letter("tops", "XL")},
		{"L Long", "L Long", "", "tops", letter("tops", "L")},
		{"Petite S", "Petite S", "", "tops", letter("tops", "S")},
		{"XS Petite", "XS Petite", "", "tops", letter("tops", "XS")},
		{"plus 1X", "Plus 1X", "", "tops", letter("tops", "XL")},
		{"UK long trousers", "UK 12 Long", "", "bottoms", Size{Kind: KindBottoms, System: SystemUK, Value: "12"}},
		{"regular leg", "32 Regular", "", "bottoms", waist("32", "")},
		{"R leg", "32R", "", "bottoms", waist("32", "")},
		{"short leg", "30 Short", "", "bottoms", waist("30", "")},
		{"waist length regular", "W32 L30 (Regular)", "", "bottoms", waist("32", "30")},
		{"waist word", "Waist 32", "", "bottoms", waist("32", "")},
		{"waist and leg words", "Waist 30 Leg 32", "", "bottoms", waist("30", "32")},
		// Rings.
		{"ring word", "ring 52", "", "rings", ring("EU", "52")},
		{"ring word after", "US 7 ring", "", "rings", ring("US", "7")},
		{"ring word gives the kind", "ring 52", "", "", ring("EU", "52")},
		{"ring half letter M", "M 1/2", "", "rings", ring("UK", "M½")},
		{"ring half letter W", "W 1/2", "", "rings", ring("UK", "W½")},
		{"ring gender mark", "US 7 W", "", "rings", ring("US", "7")},
		{"french ring", "FR 52", "", "rings", ring("EU", "52")},
		// One size.
		{"OSFM", "OSFM", "", "", Size{OneSize: true}},
		{"unique", "Unique", "", "", Size{OneSize: true}},
		{"taille unique TU", "Taille Unique (TU)", "", "", Size{OneSize: true}},
		{"one size OS", "One Size (OS)", "", "", Size{OneSize: true}},
		{"een maat", "Eén maat", "", "", Size{OneSize: true}},
		{"en storlek", "En storlek", "", "", Size{OneSize: true}},
		{"rozmiar uniwersalny", "Rozmiar uniwersalny", "", "", Size{OneSize: true}},
		{"furii", "フリー", "", "", Size{OneSize: true}},
		{"furii saizu", "フリーサイズ", "", "tops", Size{Kind: KindTops, OneSize: true}},
		{"F in Japan", "F", "JP", "", Size{OneSize: true}},
		// Unchanged readings next to the new rules.
		{"m before a number", "M 38", "", "tops", Size{Kind: KindTops, System: SystemEU, Value: "38"}},
		{"m beside a system", "M 10 US", "", "", Size{System: SystemUS, Value: "10"}},
		{"letter with system beside", "M (10-12)", "", "tops", letter("tops", "M")},
		{"X-Large", "X-Large", "", "tops", letter("tops", "XL")},
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

// TestParseSizeFeedSpellingsUnread: text that looks like a size but is none tagdrop should
// guess at stays unread.
func TestParseSizeFeedSpellingsUnread(t *testing.T) {
	tests := []struct {
		name, raw, system, hint, want string
	}{
		{"baby months", "12 M", "", "", "not a size"},
		{"baby months tops", "6 M", "", "tops", "not a size"},
		{"months range", "12-18 M", "", "", "not a size"},
		{"number range", "39-42", "", "", "not a size"},
		{"months words", "0-3 months", "", "", "not a size"},
		{"half-labelled range", "EU 38 - 39", "", "shoes", "not a size"},
		{"UK has no thirds", "UK 6 2/3", "", "shoes", "only continental sizes come in thirds"},
		{"clothes have no thirds", "38 2/3", "", "tops", "in thirds"},
		{"third too big", "51 1/3", "", "shoes", "outside"},
		{"F alone", "F", "", "", "not a size"},
		{"cm off shoes", "90 cm", "", "", "not a size"},
		{"fit words only", "Petite fit", "", "tops", "not a size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSize(tt.raw, tt.system, tt.hint)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseSize(%q, %q, %q) = %+v, %v; want an error containing %q", tt.raw, tt.system, tt.hint, s, err, tt.want)
			}
		})
	}
}

// TestConvertShoeThirds takes sizes in thirds to the nearest half size.
func TestConvertShoeThirds(t *testing.T) {
	tests := []struct {
		value, to, gender, want string
	}{
		{"38⅓", "EU", "female", "38.5"},
		{"38⅔", "EU", "female", "38.5"},
		{"42⅔", "UK", "male", "8.5"},
		{"40⅔", "US", "male", "7.5"},
		{"37⅓", "US", "female", "7.5"},
	}
	for _, tt := range tests {
		from := Size{Kind: KindShoes, System: SystemEU, Value: tt.value}
		got, ok := ConvertShoe(from, tt.to, tt.gender)
		if !ok || got.Value != tt.want || got.System != tt.to {
			t.Errorf("ConvertShoe(EU %s, %s, %s) = %+v, %t; want %s %s", tt.value, tt.to, tt.gender, got, ok, tt.to, tt.want)
		}
	}
	// A size read in thirds reads back from its own spelling.
	s, err := ParseSize("38 2/3", "", "shoes")
	if err != nil {
		t.Fatal(err)
	}
	if back, err := ParseSize(s.Value, s.System, s.Kind); err != nil || back != s {
		t.Errorf("ParseSize(%q, %q) = %+v, %v; want %+v", s.Value, s.System, back, err, s)
	}
}
