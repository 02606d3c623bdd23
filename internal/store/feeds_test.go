package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestFeedRegistry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		created := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		db.SetClock(func() time.Time { return created })
		f, err := db.AddFeed(ctx, store.NewFeed{Retailer: "Maison Ligne", Source: "https://WWW.Maison-Ligne.example/feed.xml",
			Format: "csv", ColumnMap: map[string]string{"id": "sku"}, Currency: "eur", Every: 6 * time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		want := store.Feed{ID: f.ID, RetailerID: f.RetailerID, RetailerSlug: "maison-ligne", Retailer: "Maison Ligne",
			Source: "https://WWW.Maison-Ligne.example/feed.xml", Host: "www.maison-ligne.example", Format: "csv",
			Currency: "EUR", Every: 6 * time.Hour, Enabled: true, NextRunAt: created, CreatedAt: created}
		if f.ColumnMap["id"] != "sku" || len(f.ColumnMap) != 1 {
			t.Errorf("column map = %v", f.ColumnMap)
		}
		f.ColumnMap = nil
		if !reflect.DeepEqual(f, want) {
			t.Errorf("AddFeed =\n%+v\nwant\n%+v", f, want)
		}
		if _, err := db.AddFeed(ctx, store.NewFeed{Retailer: "maison ligne", Source: f.Source, Every: time.Hour}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("same source twice: err = %v, want ErrConflict", err)
		}
		file, err := db.AddFeed(ctx, store.NewFeed{Retailer: "Atelier", Source: "/srv/feeds/atelier.xml", Every: time.Hour})
		if err != nil || file.Host != "" || file.Format != "auto" {
			t.Fatalf("file feed = %+v, %v", file, err)
		}
		if _, err := db.AddFeed(ctx, store.NewFeed{Retailer: "Atelier", Source: "x.xml", Every: time.Second}); err == nil {
			t.Error("a refresh interval under a minute was accepted")
		}
		list, err := db.Feeds(ctx)
		if err != nil || len(list) != 2 || list[0].Retailer != "Atelier" || list[1].ID != f.ID {
			t.Fatalf("Feeds = %+v, %v", list, err)
		}
		if err := db.DeleteFeed(ctx, file.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteFeed(ctx, file.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second delete: err = %v", err)
		}
		if _, err := db.FeedByID(ctx, file.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleted feed: err = %v", err)
		}
	})
}

func TestDueFeeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		add := func(retailer, source string, due time.Time) store.Feed {
			t.Helper()
			f, err := db.AddFeed(ctx, store.NewFeed{Retailer: retailer, Source: source, Every: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SetFeedNextRun(ctx, f.ID, due); err != nil {
				t.Fatal(err)
			}
			f.NextRunAt = due
			return f
		}
		a1 := add("A", "https://a.example/1.xml", t0.Add(-3*time.Hour))
		a2 := add("A", "https://a.example/2.xml", t0.Add(-2*time.Hour))
		b := add("B", "https://b.example/feed.xml", t0.Add(-time.Hour))
		f1 := add("C", "/feeds/c1.xml", t0.Add(-30*time.Minute))
		f2 := add("C", "/feeds/c2.xml", t0.Add(-20*time.Minute))
		add("D", "https://d.example/feed.xml", t0.Add(time.Minute)) // not yet due

		ids := func(fs []store.Feed) []int64 {
			var out []int64
			for _, f := range fs {
				out = append(out, f.ID)
			}
			return out
		}
		tests := []struct {
			name           string
			limit, perHost int
			want           []int64
		}{
			{"one per host, files uncapped", 10, 1, []int64{a1.ID, b.ID, f1.ID, f2.ID}},
			{"no cap", 10, 0, []int64{a1.ID, a2.ID, b.ID, f1.ID, f2.ID}},
			{"limit keeps the most overdue", 2, 1, []int64{a1.ID, b.ID}},
		}
		for _, tt := range tests {
			got, err := db.DueFeeds(ctx, t0, tt.limit, tt.perHost)
			if err != nil {
				t.Fatal(err)
			}
			if g := ids(got); !equalIDs(g, tt.want) {
				t.Errorf("%s: DueFeeds = %v, want %v", tt.name, g, tt.want)
			}
		}

		// A claim succeeds once; the loser sees the feed already moved.
		lease := t0.Add(time.Hour)
		if ok, err := db.ClaimFeed(ctx, a1, lease); !ok || err != nil {
			t.Fatalf("first claim = %t, %v", ok, err)
		}
		if ok, err := db.ClaimFeed(ctx, a1, lease); ok || err != nil {
			t.Fatalf("second claim = %t, %v; want false", ok, err)
		}
		got, err := db.DueFeeds(ctx, t0, 10, 1)
		if err != nil {
			t.Fatal(err)
		}
		if g := ids(got); !equalIDs(g, []int64{a2.ID, b.ID, f1.ID, f2.ID}) {
			t.Errorf("after claiming a1: DueFeeds = %v", g)
		}
	})
}

func TestFeedRefreshOutcomes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f, err := db.AddFeed(ctx, store.NewFeed{Retailer: "Shop", Source: "https://shop.example/feed.xml", Every: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
		// Two failed refreshes in a row, then a 304.
		for i := range 2 {
			at := t1.Add(time.Duration(i) * time.Minute)
			if _, err := db.AddFeedRun(ctx, f, store.FeedRun{Status: store.RunFailed, Format: "auto", StartedAt: at, FinishedAt: at,
				ErrorsJSON: `[{"line":0,"item":"","reason":"HTTP 503"}]`}); err != nil {
				t.Fatal(err)
			}
			if err := db.FinishFeedRefresh(ctx, f.ID, store.FeedResult{At: at, Next: at.Add(2 * time.Hour), Err: "HTTP 503"}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.FeedByID(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Failures != 2 || got.LastError != "HTTP 503" || !got.LastErrorAt.Equal(t1.Add(time.Minute)) ||
			!got.LastSuccessAt.IsZero() || got.LastRun.Status != store.RunFailed {
			t.Fatalf("after two failures: %+v", got)
		}
		t2 := t1.Add(time.Hour)
		runID, err := db.AddFeedRun(ctx, f, store.FeedRun{Status: store.RunNotModified, Format: "auto", StartedAt: t2, FinishedAt: t2.Add(150 * time.Millisecond)})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.FinishFeedRefresh(ctx, f.ID, store.FeedResult{At: t2, Next: t2.Add(time.Hour), ETag: `W/"v2"`, LastModified: "Sun, 01 Mar 2026 09:00:00 GMT"}); err != nil {
			t.Fatal(err)
		}
		got, err = db.FeedByID(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Failures != 0 || !got.LastSuccessAt.Equal(t2) || got.ETag != `W/"v2"` || got.LastModified == "" ||
			got.LastRun.ID != runID || got.LastRun.Status != store.RunNotModified || got.LastRun.Duration() != 150*time.Millisecond ||
			!got.NextRunAt.Equal(t2.Add(time.Hour)) || got.LastError != "HTTP 503" {
			t.Fatalf("after a 304: %+v", got)
		}
		// An import run linked to the feed becomes its last run.
		r, err := db.EnsureRetailer(ctx, "Shop")
		if err != nil {
			t.Fatal(err)
		}
		imp, err := db.StartFeedRun(ctx, r.ID, f.Source, "gmc-xml", t2)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.LinkFeedRun(ctx, imp, f.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.FinishFeedRun(ctx, store.FeedRun{ID: imp, Status: store.RunOK, Format: "gmc-xml", Read: 7, New: 5, Rejected: 2}); err != nil {
			t.Fatal(err)
		}
		if err := db.FinishFeedRefresh(ctx, f.ID, store.FeedResult{At: t2, Next: t2.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		got, err = db.FeedByID(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.LastRun.ID != imp || got.LastRun.Read != 7 || got.LastRun.New != 5 || got.LastRun.Rejected != 2 {
			t.Fatalf("linked import run: %+v", got.LastRun)
		}
		if err := db.FinishFeedRefresh(ctx, f.ID+1000, store.FeedResult{At: t2, Next: t2}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown feed: err = %v", err)
		}
	})
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
