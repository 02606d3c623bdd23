package feed

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestParallelExtentIsBounded gives the parallel reader an item whose end is far away behind
// many elements whose names start with the item's ("<items>", 1 MiB of text each): finding the
// item's extent must give up past fastMaxToken as the serial reader does, not buffer the whole
// item, so its memory stays within a small multiple of the serial reader's.
func TestParallelExtentIsBounded(t *testing.T) {
	const hops = 40
	doc := `<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
<item><g:id>a</g:id><g:title>Plain</g:title><g:price>10.00 EUR</g:price></item>
<item><g:id>b</g:id><g:title>Far</g:title>` + strings.Repeat("<items>"+strings.Repeat("x", 1<<20)+"</items>", hops) + `</item>
<item><g:id>c</g:id><g:title>Plain</g:title><g:price>10.00 EUR</g:price></item>
</channel></rss>`
	read := func(r Reader) (ids []string) {
		for {
			it, err := r.Next()
			if err == io.EOF {
				return ids
			}
			var row *RowError
			if errors.As(err, &row) { // b has no price
				ids = append(ids, row.Item)
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, it.ID)
		}
	}
	var serialIDs, parallelIDs []string
	serial := allocated(func() {
		r := newGMCFastReader(strings.NewReader(doc))
		r.setParallel(0, nil, 0, 0)
		serialIDs = read(r)
	})
	parallel := allocated(func() {
		r := newGMCFastReader(strings.NewReader(doc))
		r.setParallel(3, []int{1, 2, 3}, 0, 0)
		parallelIDs = read(r)
	})
	if strings.Join(parallelIDs, ",") != "a,b,c" || strings.Join(serialIDs, ",") != "a,b,c" {
		t.Fatalf("items %q (parallel), %q (serial), want a, b, c", parallelIDs, serialIDs)
	}
	t.Logf("allocated: parallel %d MiB, serial %d MiB", parallel>>20, serial>>20)
	if parallel > 2*serial+16<<20 {
		t.Errorf("the parallel reader allocated %d MiB for a %d MiB item, the serial one %d MiB", parallel>>20, hops, serial>>20)
	}
}
