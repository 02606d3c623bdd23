package jobs

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestRefreshConditionalGET: the first refresh imports and keeps the ETag; the next sends it,
// gets a 304 and imports nothing; a changed feed is imported whole, marking what left it gone.
func TestRefreshConditionalGET(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		site := newFeedSite(t, readFixture(t, "shop.xml"), `"v1"`)
		f := addFeed(t, db, store.NewFeed{Retailer: "Maison Ligne", Source: site.URL + "/feed.xml", Every: 6 * time.Hour})
		r := newRefresher(db)
		clock := time.Now().UTC().Truncate(time.Millisecond)
		r.now = func() time.Time { return clock }

		res, err := r.RefreshFeed(ctx, f)
		if err != nil || res.NotModified || res.Report.Read != 3 || res.Report.New != 3 || res.Report.Format != "gmc-xml" {
			t.Fatalf("first refresh: %+v, %v", res, err)
		}
		f = reload(t, db, f.ID)
		if f.ETag != `"v1"` || f.Failures != 0 || !f.LastSuccessAt.Equal(clock) || !f.NextRunAt.Equal(clock.Add(6*time.Hour)) ||
			f.LastRun.Status != store.RunOK || f.LastRun.Read != 3 || f.LastRun.New != 3 {
			t.Fatalf("after first refresh: %+v", f)
		}

		res, err = r.RefreshFeed(ctx, f)
		if err != nil || !res.NotModified || res.Report.Read != 0 {
			t.Fatalf("second refresh: %+v, %v", res, err)
		}
		if got := site.seen(); len(got) != 2 || got[0] != "" || got[1] != `"v1"` {
			t.Fatalf("If-None-Match sent: %q", got)
		}
		f2 := reload(t, db, f.ID)
		if f2.LastRun.Status != store.RunNotModified || f2.LastRun.ID == f.LastRun.ID || f2.ETag != `"v1"` || f2.Failures != 0 {
			t.Fatalf("after a 304: %+v", f2)
		}

		// The bag left the feed and the cardigan got cheaper: a full import sees both.
		site.set(readFixture(t, "shop-day2.xml"), `"v2"`, 0)
		res, err = r.RefreshFeed(ctx, f2)
		if err != nil || res.Report.Read != 2 || res.Report.Changed != 1 || res.Report.Unchanged != 1 || res.Report.Gone != 1 {
			t.Fatalf("changed feed: %+v, %v", res.Report, err)
		}
		if f3 := reload(t, db, f.ID); f3.ETag != `"v2"` || f3.LastRun.Gone != 1 {
			t.Fatalf("after the changed feed: %+v", f3)
		}
	})
}

// TestRefreshBackoff: failures count up and push the next run out by Backoff, keeping the
// reason and a failed run each time; a success resets the count.
func TestRefreshBackoff(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		site := newFeedSite(t, readFixture(t, "shop.xml"), "")
		site.set(nil, "", http.StatusServiceUnavailable)
		// An affiliate key in the query must never reach the stored error or the run record.
		f := addFeed(t, db, store.NewFeed{Retailer: "Maison Ligne", Source: site.URL + "/feed.xml?token=SECRETKEY", Every: time.Hour})
		r := newRefresher(db)
		clock := time.Now().UTC().Truncate(time.Millisecond)
		r.now = func() time.Time { return clock }

		for i, want := range []time.Duration{2 * time.Hour, 4 * time.Hour, 8 * time.Hour} {
			res, err := r.RefreshFeed(ctx, f)
			if err == nil || !strings.Contains(err.Error(), "503") {
				t.Fatalf("refresh %d of a failing feed: err = %v", i+1, err)
			}
			prevRun := f.LastRun.ID
			f = reload(t, db, f.ID)
			if f.Failures != i+1 || !strings.Contains(f.LastError, "503") || !f.LastErrorAt.Equal(clock) ||
				!f.NextRunAt.Equal(clock.Add(want)) || !res.Next.Equal(f.NextRunAt) {
				t.Fatalf("after failure %d: failures %d, error %q, next in %s (want %s)", i+1, f.Failures, f.LastError,
					f.NextRunAt.Sub(clock), want)
			}
			if strings.Contains(f.LastError, "SECRETKEY") || strings.Contains(f.LastRun.ErrorsJSON, "SECRETKEY") {
				t.Fatalf("the feed's query key leaked: error %q, run errors %s", f.LastError, f.LastRun.ErrorsJSON)
			}
			if f.LastRun.ID == prevRun || f.LastRun.Status != store.RunFailed || !strings.Contains(f.LastRun.ErrorsJSON, "503") {
				t.Fatalf("failure %d left no failed run: %+v", i+1, f.LastRun)
			}
		}

		site.set(readFixture(t, "shop.xml"), "", 0)
		if _, err := r.RefreshFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
		f = reload(t, db, f.ID)
		if f.Failures != 0 || !f.LastSuccessAt.Equal(clock) || !f.NextRunAt.Equal(clock.Add(time.Hour)) || f.LastRun.Status != store.RunOK {
			t.Fatalf("after recovering: %+v", f)
		}
	})
}

// TestRefreshSourcesOfEveryKind: a file and a Shopify store read page by page, and a broken
// file that the importer itself records.
func TestRefreshSourcesOfEveryKind(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	page := readFixture(t, "shopify-page1.json")
	var pages []string
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		pages = append(pages, req.URL.Query().Get("page"))
		w.Header().Set("Content-Type", "application/json")
		if req.URL.Path != "/products.json" || req.URL.Query().Get("page") != "1" {
			w.Write([]byte(`{"products": []}`))
			return
		}
		w.Write(page)
	}))
	defer shop.Close()
	r := newRefresher(db)

	tests := []struct {
		name          string
		feed          store.NewFeed
		read, new     int
		format, error string
	}{
		{name: "file", feed: store.NewFeed{Retailer: "Maison Ligne", Source: filepath.Join("testdata", "shop.xml")},
			read: 3, new: 3, format: "gmc-xml"},
		{name: "shopify store", feed: store.NewFeed{Retailer: "Nordic Knit", Source: shop.URL, Format: "shopify", Currency: "SEK"},
			read: 3, new: 3, format: "shopify"},
		{name: "shopify without a currency", feed: store.NewFeed{Retailer: "Nordic Knit 2", Source: shop.URL + "/collections/sale", Format: "shopify"},
			format: "shopify", error: "currency"},
		{name: "missing file", feed: store.NewFeed{Retailer: "Gone Shop", Source: filepath.Join("testdata", "nope.xml")},
			error: "nope.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := addFeed(t, db, tt.feed)
			res, err := r.RefreshFeed(ctx, f)
			if tt.error != "" {
				if err == nil || !strings.Contains(err.Error(), tt.error) {
					t.Fatalf("err = %v, want one naming %q", err, tt.error)
				}
				g := reload(t, db, f.ID)
				if g.Failures != 1 || g.LastRun.ID == 0 || g.LastRun.Status != store.RunFailed {
					t.Fatalf("failure not recorded: %+v", g)
				}
				return
			}
			if err != nil || res.Report.Read != tt.read || res.Report.New != tt.new || res.Report.Format != tt.format {
				t.Fatalf("refresh: %+v, %v", res.Report, err)
			}
			if g := reload(t, db, f.ID); g.LastRun.Read != tt.read || g.LastRun.Status != store.RunOK {
				t.Fatalf("run not linked: %+v", g.LastRun)
			}
		})
	}
	if len(pages) < 2 || pages[0] != "1" || pages[1] != "2" {
		t.Errorf("shopify pages requested: %v, want 1 then 2", pages)
	}
}

// TestRefreshPostponedWhileRetailerBusy: while another import of the feed's retailer runs, a
// refresh imports nothing, counts no failure, records no run and is due again after BusyRetry;
// once that import ended, the refresh goes through.
func TestRefreshPostponedWhileRetailerBusy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		site := newFeedSite(t, readFixture(t, "shop.xml"), `"v1"`)
		f := addFeed(t, db, store.NewFeed{Retailer: "Maison Ligne", Source: site.URL + "/feed.xml", Every: 6 * time.Hour})
		r := newRefresher(db)
		clock := time.Now().UTC().Truncate(time.Millisecond)
		r.now = func() time.Time { return clock }
		retailer, err := db.EnsureRetailer(ctx, "Maison Ligne")
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.StartFeedRun(ctx, retailer.ID, "by-hand.xml", "gmc-xml", clock)
		if err != nil {
			t.Fatal(err)
		}

		res, err := r.RefreshFeed(ctx, f)
		if !errors.Is(err, ingest.ErrBusy) || res.Report.Read != 0 || !res.Next.Equal(clock.Add(BusyRetry)) {
			t.Fatalf("refresh while busy: %+v, %v", res, err)
		}
		got := reload(t, db, f.ID)
		if got.Failures != 0 || got.LastError != "" || !got.NextRunAt.Equal(clock.Add(BusyRetry)) || got.LastRun.ID != 0 {
			t.Fatalf("feed after a postponed refresh: %+v", got)
		}

		if err := db.FinishFeedRun(ctx, store.FeedRun{ID: other, Status: store.RunOK, Format: "gmc-xml"}); err != nil {
			t.Fatal(err)
		}
		if res, err := r.RefreshFeed(ctx, got); err != nil || res.Report.New != 3 {
			t.Fatalf("refresh after the other import ended: %+v, %v", res.Report, err)
		}
	})
}
