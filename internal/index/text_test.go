package index

import (
	"reflect"
	"testing"
)

func TestSurfaceWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"fold case and accents", "Chloé WOODY Tote", []string{"chloe", "woody", "tote"}},
		{"hyphen keeps parts and joined form", "Cross-body bag", []string{"cross", "body", "crossbody", "bag"}},
		{"one-letter part dropped, joined kept", "T-shirt", []string{"shirt", "tshirt"}},
		{"stop words dropped", "Bag with a chain", []string{"bag", "chain"}},
		{"digits stay", "Runner 2 sneakers", []string{"runner", "2", "sneakers"}},
		{"apostrophe joins", "Women's coat", []string{"women", "womens", "coat"}},
		{"punctuation separates", "silk/cotton, navy", []string{"silk", "cotton", "silkcotton", "navy"}},
		{"trailing hyphen", "mini- bag", []string{"mini", "bag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := surfaceWords(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("surfaceWords(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	an := newAnalyzer(synonymGroups)
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"plural stems", "bags", "bag", true},
		{"synonym purse", "purse", "bag", true},
		{"synonym handbags", "handbags", "bag", true},
		{"micro mini tiny", "tiny", "micro", true},
		{"tee and t-shirt joined", "tee", "tshirt", true},
		{"trainers sneakers", "sneakers", "trainer", true},
		{"jumper sweater", "sweaters", "jumper", true},
		{"trousers pants", "pants", "trousers", true},
		{"gerund", "quilted", "quilting", true},
		{"different words", "bag", "shoe", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := an.term(tt.a) == an.term(tt.b); got != tt.same {
				t.Errorf("term(%q)=%q, term(%q)=%q; same=%v, want %v", tt.a, an.term(tt.a), tt.b, an.term(tt.b), got, tt.same)
			}
		})
	}
}

func TestWithinOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"leather", "leather", true},
		{"lether", "leather", true},   // deletion
		{"leaather", "leather", true}, // insertion
		{"leatjer", "leather", true},  // substitution
		{"laether", "leather", true},  // swap
		{"laethre", "leather", false}, // two swaps
		{"lethr", "leather", false},
		{"chloé", "chloe", true},
		{"abc", "cab", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := withinOneEdit(tt.a, tt.b); got != tt.want {
				t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := osa(tt.a, tt.b) <= 1; got != tt.want {
				t.Errorf("osa(%q, %q) <= 1 is %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestSizeKeys(t *testing.T) {
	tests := []struct {
		name, raw, system, kind, gender string
		want                            []string
	}{
		{"women's shoe converts", "38", "", "shoes", "female", []string{"EU 38", "UK 5", "US 8"}},
		{"men's shoe converts", "UK 8", "", "shoes", "male", []string{"UK 8", "EU 42", "US 9"}},
		{"women's dress converts", "IT 40", "", "dresses", "female", []string{"IT 40", "US 4", "UK 8", "AU 8", "EU 36", "FR 36", "DE 34"}},
		{"letter stays", "Medium", "", "tops", "", []string{"M"}},
		{"empty is one size", "", "", "", "", []string{OneSize}},
		{"empty on a sized thing is not given", "", "", "outerwear", "female", []string{SizeNotGiven}},
		{"empty on a shoe is not given", " ", "EU", "shoes", "", []string{SizeNotGiven}},
		{"one size said on a sized thing stays one size", "One Size", "", "dresses", "", []string{OneSize}},
		{"one size spelling", "O/S", "", "", "", []string{OneSize}},
		{"unreadable kept folded", "Größe X", "", "tops", "", []string{"große x"}},
		{"a list of letter sizes", "XS,S,M,L", "", "tops", "", []string{"XS", "S", "M", "L"}},
		{"a list of shoe sizes", "37, 38", "", "shoes", "female", []string{"EU 37", "UK 4", "US 7", "EU 38", "UK 5", "US 8"}},
		{"a decimal comma is one size", "38,5", "EU", "shoes", "female", []string{"EU 38.5", "UK 5.5", "US 8.5"}},
		// A dual letter size is one size, not a list: filed first under "S/M", then under each
		// letter, for it fits shoppers of either.
		{"a dual size is not a list", "S/M", "", "tops", "", []string{"S/M", "S", "M"}},
		{"a dual size states its equivalents", "US 8.5 / UK 6 / EU 39", "", "shoes", "female", []string{"US 8.5", "UK 6", "EU 39"}},
		{"a stated equivalent beats the chart", "EU 40 / US 9", "", "shoes", "female", []string{"EU 40", "US 9", "UK 7"}},
		{"a letter and its number", "M (38)", "", "tops", "", []string{"M", "EU 38", "US 6", "UK 10", "AU 10", "FR 38", "DE 36", "IT 42"}},
		{"a men's letter and its continental number", "L (52)", "", "tops", "male", []string{"L", "EU 52", "US 42", "UK 42", "AU 42", "FR 52", "DE 52", "IT 52"}},
		{"a men's letter and its chest", "M (38)", "", "tops", "male", []string{"M"}},
		{"a men's large letter and its chest", "XL (46)", "", "tops", "male", []string{"XL"}},
		{"a men's letter and its chest of 44", "L (44)", "", "tops", "male", []string{"L"}},
		{"a men's small letter and its continental number", "S (46)", "", "tops", "male", []string{"S", "EU 46", "US 36", "UK 36", "AU 36", "FR 46", "DE 46", "IT 46"}},
		{"a letter and a number of no known system", "S (8)", "", "dresses", "female", []string{"S"}},
		{"a letter and a number in the feed's system", "S (8)", "UK", "dresses", "female", []string{"UK 8", "S", "US 4", "AU 8", "EU 36", "FR 36", "DE 34", "IT 40"}},
		{"two neighbouring numbers are each a size, no equivalents", "8/10", "", "dresses", "", []string{"US 8", "UK 12", "AU 12", "EU 40", "FR 40", "DE 38", "IT 44",
			"US 10", "UK 14", "AU 14", "EU 42", "FR 42", "DE 40", "IT 46"}},
		{"a bare number on men's trousers is a waist", "32", "", "bottoms", "male", []string{"EU 32", "W32", "W32 any leg", "US 22", "UK 22", "AU 22", "FR 32", "DE 32", "IT 32"}},
		{"a labelled number on men's trousers is none", "32", "EU", "bottoms", "male", []string{"EU 32", "US 22", "UK 22", "AU 22", "FR 32", "DE 32", "IT 32"}},
		{"a bare 38 on men's trousers stays continental (a French 38 is about W29)", "38", "", "bottoms", "male", []string{"EU 38", "US 28", "UK 28", "AU 28", "FR 38", "DE 38", "IT 38"}},
		{"a list of bare numbers on men's trousers are waists", "32,34", "", "bottoms", "male", []string{"EU 32", "W32", "W32 any leg", "US 22", "UK 22", "AU 22", "FR 32", "DE 32", "IT 32", "EU 34", "W34", "W34 any leg", "US 24", "UK 24", "AU 24", "FR 34", "DE 34", "IT 34"}},
		{"a list with bars", "S|M|L", "", "tops", "", []string{"S", "M", "L"}},
		{"bars beside a decimal comma", "42 | 42,5", "EU", "shoes", "female", []string{"EU 42", "UK 9", "US 12", "EU 42.5", "UK 9.5", "US 12.5"}},
		{"a list with semicolons", "EU 38;EU 39", "", "shoes", "female", []string{"EU 38", "UK 5", "US 8", "EU 39", "UK 6", "US 9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, k := range sizeKeys(tt.raw, tt.system, tt.kind, tt.gender) {
				got = append(got, k.label)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sizeKeys(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestRatesConvert(t *testing.T) {
	r := Rates{Base: "EUR", PerBase: map[string]float64{"USD": 1.25, "JPY": 160}}
	tests := []struct {
		name     string
		amount   int64
		from, to string
		want     int64
		ok       bool
	}{
		{"same currency", 1234, "EUR", "EUR", 1234, true},
		{"to base", 12500, "USD", "EUR", 10000, true},
		{"zero-decimal currency", 10000, "EUR", "JPY", 16000, true},
		{"unknown", 100, "XXX", "EUR", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := r.Convert(tt.amount, tt.from, tt.to)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Convert = %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	if err := (Rates{Base: "EUR", PerBase: map[string]float64{"USD": 0}}).Validate(); err == nil {
		t.Error("a zero rate validated")
	}
}
