package pricing

import (
	"strings"
	"testing"
)

// TestDropTagsRunOfTags: a run of tags with no text between them ("<del><del>…", hostile feed
// cells and page text) costs dropTags the same number of allocations whatever its length. Each
// struck-out tag once grew a string by "was " and copied it, so 256 KB of "<del>" allocated
// 22 GB.
func TestDropTagsRunOfTags(t *testing.T) {
	for _, unit := range []string{"<del>", "<s>", "</del><del>", "<span class=\"old-price\">", "<br>", "<del><sup>"} {
		short := strings.Repeat(unit, 16) + "$1"
		long := strings.Repeat(unit, 4096) + "$1"
		a := testing.AllocsPerRun(5, func() { dropTags(short) })
		b := testing.AllocsPerRun(5, func() { dropTags(long) })
		if b > a+2 {
			t.Errorf("dropTags(%q × n): %.0f allocations at n=16, %.0f at n=4096; want the same", unit, a, b)
		}
	}
}
