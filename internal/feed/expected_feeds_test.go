package feed

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// expectedFeed is one feed of testdata/fresh or testdata/known with the items it must read as,
// written by hand from the format's specification.
type expectedFeed struct {
	Opts     Options          `json:"opts"`
	Items    []map[string]any `json:"items"`
	Rejected int              `json:"rejected"`
}

// itemFields are the fields an expected item may name, as the reader gives them.
var itemFields = map[string]func(Item) any{
	"id": func(it Item) any { return it.ID }, "title": func(it Item) any { return it.Title },
	"brand": func(it Item) any { return it.Brand }, "price": func(it Item) any { return float64(it.RegularPrice) },
	"sale": func(it Item) any { return float64(it.SaleAmount) }, "currency": func(it Item) any { return it.Currency },
	"availability": func(it Item) any { return it.Availability }, "size": func(it Item) any { return it.Size },
	"color": func(it Item) any { return it.Color }, "link": func(it Item) any { return it.Link },
	"image": func(it Item) any { return it.ImageLink }, "group": func(it Item) any { return it.ItemGroupID },
	"gtin": func(it Item) any { return it.GTIN }, "mpn": func(it Item) any { return it.MPN },
	"gender": func(it Item) any { return it.Gender }, "material": func(it Item) any { return it.Material },
	"product_type": func(it Item) any { return it.ProductType },
}

// TestExpectedFeeds reads every feed under testdata/fresh and testdata/known and compares each
// expected item's named fields with what the reader gives, by id; an item missing counts all
// its fields wrong, as does an unexpected row error.
func TestExpectedFeeds(t *testing.T) {
	for _, dir := range []string{"testdata/fresh", "testdata/known"} {
		raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
		if err != nil {
			t.Fatal(err)
		}
		var feeds map[string]expectedFeed
		if err := json.Unmarshal(raw, &feeds); err != nil {
			t.Fatal(err)
		}
		names := make([]string, 0, len(feeds))
		for n := range feeds {
			names = append(names, n)
		}
		sort.Strings(names)
		right, total := 0, 0
		for _, name := range names {
			r, n := checkExpectedFeed(t, filepath.Join(dir, name), feeds[name])
			right, total = right+r, total+n
		}
		t.Logf("%s: %d of %d fields right", dir, right, total)
	}
}

// checkExpectedFeed reads one feed and reports its wrong fields, returning the fields right
// and the fields expected.
func checkExpectedFeed(t *testing.T, path string, want expectedFeed) (right, total int) {
	t.Helper()
	got := map[string]Item{}
	var problems []string
	items, rows, _, err := readFileWith(t, path, want.Opts)
	if err != nil {
		problems = append(problems, "open: "+err.Error())
	}
	for _, it := range items {
		got[it.ID] = it
	}
	if len(rows) != want.Rejected {
		problems = append(problems, fmt.Sprintf("%d row errors, want %d: %+v", len(rows), want.Rejected, rows))
	}
	if len(items) != len(want.Items) {
		problems = append(problems, fmt.Sprintf("%d items, want %d", len(items), len(want.Items)))
	}
	for _, w := range want.Items {
		id, _ := w["id"].(string)
		it, ok := got[id]
		for f, v := range w {
			total++
			get := itemFields[f]
			if get == nil {
				t.Fatalf("%s: unknown field %q", path, f)
			}
			if ok && get(it) == v {
				right++
			} else if ok {
				problems = append(problems, fmt.Sprintf("%s %s = %v, want %v", id, f, get(it), v))
			}
		}
		if !ok {
			problems = append(problems, fmt.Sprintf("item %s missing", id))
		}
	}
	for _, p := range problems {
		t.Errorf("%s: %s", filepath.Base(path), p)
	}
	return right, total
}
