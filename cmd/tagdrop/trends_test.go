package main

import (
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// trendsUpdateJSONRun runs `trends update --json` on loc and decodes its answer.
func trendsUpdateJSONRun(t *testing.T, loc string) trendsUpdateJSON {
	t.Helper()
	code, out, errOut := runCmd(t, nil, "trends", "update", "--json", "--db", loc)
	if code != 0 {
		t.Fatalf("trends update: code %d: %s", code, errOut)
	}
	if errOut != "" {
		t.Errorf("trends update --json wrote to stderr: %q", errOut)
	}
	var got trendsUpdateJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("trends update --json printed no JSON: %v\n%s", err, out)
	}
	return got
}

// TestTrendsUpdateCommand computes a demo catalogue's trends from the command line, as the
// trends_update job would: the first run counts every product and ranks a micro bag term
// first among new listings (the demo's story), a second run has nothing to do, and after an import only the new
// products are reconciled. Both databases.
func TestTrendsUpdateCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the trends command test (loads a demo catalogue per database)")
	}
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			loc := "sqlite:" + filepath.Join(t.TempDir(), "trends.db")
			if dialect == "postgres" {
				loc = storetest.PostgresURL(t)
			}
			ctx := context.Background()
			conn, err := store.Open(ctx, loc)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			// Dated up to today, so the demo's trend stories fall in the week now judged.
			opts := demo.Options{Products: 300, Days: 42, Step: 3, Today: time.Now().UTC()}
			if _, err := demo.Load(ctx, conn, ingest.New(conn, nil), nil, io.Discard, opts); err != nil {
				t.Fatal(err)
			}
			products, err := conn.CountRows(ctx, "products")
			if err != nil {
				t.Fatal(err)
			}

			first := trendsUpdateJSONRun(t, loc)
			if !first.FirstComputation || first.CursorBefore != -1 || first.Products != products {
				t.Errorf("first run: %+v, want a first computation of all %d products from cursor -1", first, products)
			}
			head, err := conn.MaxChangeSeq(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if first.Cursor != head {
				t.Errorf("first run left the cursor at %d, the change log's head is %d", first.Cursor, head)
			}
			if len(first.Ranked["new"]) == 0 || !strings.Contains(strings.ToLower(first.Ranked["new"][0]), "micro") {
				t.Errorf("new listings ranked %q, want the demo's micro bags first", first.Ranked["new"])
			}
			if len(first.Ranked["sale"]) == 0 {
				t.Error("nothing ranked on sale, want the demo's knitwear")
			}

			again := trendsUpdateJSONRun(t, loc)
			if again.FirstComputation || again.Products != 0 || again.CursorBefore != first.Cursor || again.Cursor != first.Cursor {
				t.Errorf("second run: %+v, want nothing reconciled and the cursor left at %d", again, first.Cursor)
			}
			if strings.Join(again.Ranked["new"], "|") != strings.Join(first.Ranked["new"], "|") {
				t.Errorf("second run ranked %q, the first %q", again.Ranked["new"], first.Ranked["new"])
			}

			if code, _, errOut := runCmd(t, nil, "import", "--db", loc, "--retailer", "Atelier Row", filepath.Join("testdata", "search-atelier.xml")); code != 0 {
				t.Fatalf("import: code %d: %s", code, errOut)
			}
			after, err := conn.CountRows(ctx, "products")
			if err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runCmd(t, nil, "trends", "update", "--db", loc)
			if code != 0 {
				t.Fatalf("trends update: code %d: %s", code, errOut)
			}
			want := "reconciled " + strconv.Itoa(after-products) + " products"
			if after == products || !strings.HasPrefix(out, want) || !strings.Contains(errOut, "following the change log from sequence") {
				t.Errorf("after importing %d products: stdout %q, stderr %q; want %q and the progress line", after-products, out, errOut, want)
			}
			if !strings.Contains(out, "new listings: ") || !strings.Contains(out, "on sale: ") {
				t.Errorf("the summary names no ranked terms: %q", out)
			}
		})
	}
}

// Usage errors exit 2 and say what is wrong.
func TestTrendsCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"trends"}, {"trends", "recount"}, {"trends", "update", "extra"}} {
		code, _, errOut := runCmd(t, nil, args...)
		if code != 2 || !strings.Contains(errOut, "tagdrop trends: ") {
			t.Errorf("%q: code %d, stderr %q; want 2 and a reason", args, code, errOut)
		}
	}
	if code, out, _ := runCmd(t, nil, "trends", "update", "--help"); code != 0 || !strings.Contains(out, "Usage: tagdrop trends update") {
		t.Errorf("trends update --help: code %d, %q", code, out)
	}
}
