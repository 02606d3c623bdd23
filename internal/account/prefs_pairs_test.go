package account

import "testing"

// TestParseSizesContinentalPairsAndSuits: a continental pair a shopper types ("38/39" shoes,
// "36/38" dresses) is saved as both sizes, as "8/10" is; a waist and leg stays one waist; a
// suit's chest ("40R", UK 38 to 42 for coats) is a size of coats and jackets.
func TestParseSizesContinentalPairsAndSuits(t *testing.T) {
	checkParseSizes(t, []parseSizesCase{
		{"shoes", "EU", "38/39", "[{shoes EU 38} {shoes EU 39}]"},
		{"dresses", "EU", "36/38", "[{dresses EU 36} {dresses EU 38}]"},
		{"tops", "IT", "40/42", "[{tops IT 40} {tops IT 42}]"},
		{"bottoms", "waist", "30/30", "[{bottoms waist 30/30}]"},
		{"outerwear", "UK", "40R", "[{outerwear UK 40}]"},
		{"outerwear", "UK", "38", "[{outerwear UK 38}]"},
		{"outerwear", "US", "42", "[{outerwear US 42}]"},
		{"outerwear", "US", "38S, 42L", "[{outerwear US 38} {outerwear US 42}]"},
	})
}

// parseSizesCase is what a shopper types for a kind in a system, and the sizes it must save.
type parseSizesCase struct {
	kind, system, text, want string
}

// checkParseSizes runs ParseSizes on each case and compares what it saves (fmtPrefs).
func checkParseSizes(t *testing.T, tests []parseSizesCase) {
	t.Helper()
	for _, tt := range tests {
		got, err := ParseSizes(tt.kind, tt.system, tt.text)
		if err != nil {
			t.Errorf("ParseSizes(%q, %q, %q): %v", tt.kind, tt.system, tt.text, err)
			continue
		}
		if s := fmtPrefs(got); s != tt.want {
			t.Errorf("ParseSizes(%q, %q, %q) = %s, want %s", tt.kind, tt.system, tt.text, s, tt.want)
		}
	}
}
