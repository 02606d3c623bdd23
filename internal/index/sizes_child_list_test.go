package index

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// TestSizeKeysChildListEach: a child's list of sizes ("S,M,L") is filed under each of its
// sizes as a child's, not as one key for the whole text.
func TestSizeKeysChildListEach(t *testing.T) {
	keys := sizeKeysIn("S,M,L", catalog.SystemChild, "tops", "female", "GBP")
	var got []string
	for _, k := range keys {
		got = append(got, k.label)
	}
	want := []string{"Kids S", "Kids M", "Kids L"}
	if len(got) != len(want) {
		t.Fatalf("sizeKeysIn(%q) = %q, want %q", "S,M,L", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sizeKeysIn(%q) = %q, want %q", "S,M,L", got, want)
		}
	}
}
