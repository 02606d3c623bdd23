package search

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
)

// sortSizeLabelsReference is SortSizeLabels as first written: every system's numbers handed to
// store.SortSizes. The faster version must order every list the same way.
func sortSizeLabelsReference(labels []string) []string {
	bySystem := map[string][]string{}
	var systems, plain []string
	for _, l := range labels {
		sys, num, ok := strings.Cut(l, " ")
		if _, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64); ok && err == nil && isWord(sys, 8) {
			if _, seen := bySystem[sys]; !seen {
				systems = append(systems, sys)
			}
			bySystem[sys] = append(bySystem[sys], num)
			continue
		}
		plain = append(plain, l)
	}
	out := store.SortSizes(plain)
	slices.Sort(systems)
	for _, sys := range systems {
		for _, n := range store.SortSizes(bySystem[sys]) {
			out = append(out, sys+" "+n)
		}
	}
	return out
}

// TestSortSizeLabelsMatchesReference orders random lists of size labels (letters, numbers,
// systems, decimals with points and commas, repeats, odd text) both ways.
func TestSortSizeLabelsMatchesReference(t *testing.T) {
	pool := []string{"XXS", "xs", "S", "M", "L", "XL", "One size", "38", "38.5", "40", "EU 36", "EU 36.5", "EU 36,5", "EU 40",
		"EU 9", "UK 5", "UK 5.0", "US 8", "US 10", "FR 36", "IT 40", "W28 L32", "weird", "EU x", "EU 1e3", "EU -2", "IT 40"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		labels := make([]string, r.IntN(10))
		for i := range labels {
			labels[i] = pool[r.IntN(len(pool))]
		}
		want := sortSizeLabelsReference(slices.Clone(labels))
		if got := SortSizeLabels(slices.Clone(labels)); !slices.Equal(got, want) {
			t.Fatalf("SortSizeLabels(%q) = %q, want %q", labels, got, want)
		}
	}
}
