package demo_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// countingImporter counts the feeds imported, to prove a second load imports nothing.
type countingImporter struct {
	im    *ingest.Importer
	calls int
}

func (c *countingImporter) ImportFile(ctx context.Context, path string, opts ingest.Options) (ingest.Report, error) {
	c.calls++
	return c.im.ImportFile(ctx, path, opts)
}

// TestLoad loads a smaller demo (fewer products, weekly snapshots) into each database, then
// loads again and checks the second start reuses the data.
func TestLoad(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := &countingImporter{im: ingest.New(db, nil)}
		opts := demo.Options{Products: 120, Days: 63, Step: 7, Today: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
		var out bytes.Buffer
		creds, err := demo.Load(ctx, db, im, nil, &out, opts)
		if err != nil {
			t.Fatalf("first load: %v\n%s", err, out.String())
		}
		if creds.Reused || creds.ShopperEmail != demo.ShopperEmail || len(creds.ShopperPassword) < account.MinPasswordLength {
			t.Fatalf("first load credentials = %+v", creds)
		}
		if im.calls < 9*5 {
			t.Errorf("first load imported %d feeds, want one per shop per snapshot", im.calls)
		}
		for _, want := range []string{"demo: importing snapshot 1/9", "demo: importing snapshot 9/9", "demo: ready in"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("progress lacks %q:\n%s", want, out.String())
			}
		}
		u, err := db.UserByEmail(ctx, demo.ShopperEmail)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := account.CheckPassword(u.PasswordHash, creds.ShopperPassword); err != nil || !ok {
			t.Errorf("printed shopper password does not sign in: %v", err)
		}
		if ed, err := db.UserByEmail(ctx, demo.EditorEmail); err != nil || ed.Role != account.Editor {
			t.Errorf("editor = %+v, %v", ed, err)
		}
		prefs, err := db.Preferences(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(prefs.Brands) != 8 || len(prefs.Sizes) < 3 {
			t.Errorf("shopper preferences = %+v", prefs)
		}

		q := func(query string) int {
			t.Helper()
			var n int
			if err := db.SQL().QueryRowContext(ctx, query).Scan(&n); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			return n
		}
		if n := q(`SELECT count(*) FROM collection_items ci JOIN collections c ON c.id = ci.collection_id
			WHERE c.slug = 'the-micro-bags-of-2021' AND c.status = 'published'`); n != 6 {
			t.Errorf("collection items = %d, want 6", n)
		}
		if n := q(`SELECT count(DISTINCT product_id) FROM offers WHERE price < regular_price AND gone_at IS NULL`); n < 20 {
			t.Errorf("products on sale = %d, want at least 20", n)
		}
		if n := q(`SELECT count(*) FROM price_changes`); n <= q(`SELECT count(*) FROM offers`) {
			t.Errorf("price history has %d rows, want more than one per offer", n)
		}
		if n := q(`SELECT count(*) FROM messages WHERE kind = 'welcome' AND message_id LIKE '<%@tagdrop>' AND html_body <> ''`); n != 1 {
			t.Errorf("welcome messages = %d, want 1", n)
		}
		before := q(`SELECT count(*) FROM price_changes`)

		im.calls = 0
		out.Reset()
		again, err := demo.Load(ctx, db, im, nil, &out, opts)
		if err != nil {
			t.Fatalf("second load: %v", err)
		}
		if !again.Reused || again.ShopperPassword != creds.ShopperPassword || again.EditorPassword != creds.EditorPassword {
			t.Errorf("second load credentials = %+v, want the first load's, reused", again)
		}
		if im.calls != 0 || q(`SELECT count(*) FROM price_changes`) != before || q(`SELECT count(*) FROM collections`) != 1 {
			t.Errorf("second load was not a no-op: %d imports", im.calls)
		}
		if !strings.Contains(out.String(), "reusing") {
			t.Errorf("second load said %q", out.String())
		}
	})
}

// failingImporter stops with a crash-like error after a number of feeds.
type failingImporter struct {
	im    *ingest.Importer
	left  int
	calls int
}

var errCrash = errors.New("simulated crash")

func (f *failingImporter) ImportFile(ctx context.Context, path string, opts ingest.Options) (ingest.Report, error) {
	f.calls++
	if f.left == 0 {
		return ingest.Report{}, errCrash
	}
	f.left--
	return f.im.ImportFile(ctx, path, opts)
}

// TestLoadResumesAfterInterruption cuts a first load short, then loads again: the second load
// resumes after the snapshots already imported, and the database ends exactly as after one
// uninterrupted load (same price history), with no stale re-imports.
func TestLoadResumesAfterInterruption(t *testing.T) {
	ctx := context.Background()
	opts := demo.Options{Products: 60, Days: 42, Step: 7, Today: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}

	clean := storetest.SQLite(t)
	if _, err := demo.Load(ctx, clean, ingest.New(clean, nil), nil, io.Discard, opts); err != nil {
		t.Fatal(err)
	}
	want, _ := clean.CountRows(ctx, "price_changes")

	db := storetest.SQLite(t)
	first := &failingImporter{im: ingest.New(db, nil), left: 13}
	if _, err := demo.Load(ctx, db, first, nil, io.Discard, opts); !errors.Is(err, errCrash) {
		t.Fatalf("interrupted load: err = %v", err)
	}
	second := &countingImporter{im: ingest.New(db, nil)}
	if _, err := demo.Load(ctx, db, second, nil, io.Discard, opts); err != nil {
		t.Fatalf("resumed load: %v", err)
	}
	if got, _ := db.CountRows(ctx, "price_changes"); got != want {
		t.Fatalf("price_changes after interrupted + resumed load = %d, after one clean load = %d", got, want)
	}
}

// TestLoadRefusesARealDatabase checks the demo never mixes itself into a database with real data.
func TestLoadRefusesARealDatabase(t *testing.T) {
	ctx := context.Background()
	db := storetest.SQLite(t)
	if _, err := db.CreateUser(ctx, "alice@example.com", account.Admin, "", true); err != nil {
		t.Fatal(err)
	}
	opts := demo.Options{Products: 20, Days: 14, Step: 7, Today: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
	_, err := demo.Load(ctx, db, ingest.New(db, nil), nil, io.Discard, opts)
	if !errors.Is(err, demo.ErrNotEmpty) {
		t.Fatalf("load into a database with a real user: err = %v, want ErrNotEmpty", err)
	}
	if n, _ := db.CountRows(ctx, "products"); n != 0 {
		t.Fatalf("the refused load still wrote %d products", n)
	}
}
