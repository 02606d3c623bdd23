package search_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

var day0 = time.Date(2025, 11, 1, 8, 0, 0, 0, time.UTC)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func importFile(t *testing.T, db *store.DB, name string, observed time.Time) {
	t.Helper()
	im := ingest.New(db, quiet())
	if _, err := im.ImportFile(context.Background(), filepath.Join("testdata", name),
		ingest.Options{Retailer: "Atelier Row", ObservedAt: observed, Full: true}); err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
}

// titles are the titles of q's hits.
func titles(l *search.Live, q index.Query) []string {
	var out []string
	for _, h := range l.Search(q).Hits {
		out = append(out, h.Title)
	}
	slices.Sort(out)
	return out
}

// TestLiveFollowsImports imports a feed, builds the index, starts following, imports the next
// day's feed and waits for the index to show it: a sale started, a product gone, a new one.
func TestLiveFollowsImports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		importFile(t, db, "atelier-day1.xml", day0)
		l, err := search.Build(context.Background(), db, search.Options{Interval: 10 * time.Millisecond, Logger: quiet()})
		if err != nil {
			t.Fatal(err)
		}
		if n := l.Index().Len(); n != 3 {
			t.Fatalf("built with %d products, want 3", n)
		}
		if got := titles(l, index.Query{OnSale: true}); !slices.Equal(got, []string{"Ganni Leather Ankle Boots", "Staud Silk Slip Dress"}) {
			t.Fatalf("on sale after day 1: %q", got)
		}
		hits := l.Search(index.Query{Text: "ganni", Sizes: []string{"EU 38"}}).Hits
		if len(hits) != 1 || hits[0].Best.Price != 21000 || hits[0].Best.RegularPrice != 30000 || hits[0].Best.Size != "EU 38" {
			t.Fatalf("ganni in EU 38: %+v", hits)
		}

		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- l.Run(ctx) }()
		importFile(t, db, "atelier-day2.xml", day0.AddDate(0, 0, 1))

		want := []string{"Ganni Leather Ankle Boots", "Jacquemus Le Chiquito Mini Bag"}
		deadline := time.Now().Add(20 * time.Second) // a bound on a hung follower, not a speed test
		var got []string
		for time.Now().Before(deadline) {
			if got = titles(l, index.Query{OnSale: true}); slices.Equal(got, want) && l.Index().Len() == 3 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run returned %v after cancel, want nil", err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("on sale after day 2: %q, want %q", got, want)
		}
		if got := titles(l, index.Query{Text: "coat"}); !slices.Equal(got, []string{"Toteme Wool Wrap Coat"}) {
			t.Errorf("the new coat: %q", got)
		}
		if got := titles(l, index.Query{Text: "staud"}); got != nil {
			t.Errorf("the gone dress is still found: %q", got)
		}
		if lag := l.Lag(); lag.Seqs != 0 || lag.Err != nil {
			t.Errorf("lag after catching up = %+v", lag)
		}
	})
}

// fakeSource is a change log whose entries become visible out of order, and which can fail.
type fakeSource struct {
	mu       sync.Mutex
	visible  []store.Change
	products map[int64]index.Product
	fail     error
}

func (f *fakeSource) LoadProducts(_ context.Context, fn func(index.Product) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.products {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeSource) ProductsByIDs(_ context.Context, ids []int64) ([]index.Product, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return nil, f.fail
	}
	var out []index.Product
	for _, id := range ids {
		if p, ok := f.products[id]; ok {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakeSource) ChangesSince(_ context.Context, seq int64, limit int) ([]store.Change, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return nil, f.fail
	}
	var out []store.Change
	for _, c := range f.visible {
		if c.Seq > seq && len(out) < limit {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeSource) ChangesAt(_ context.Context, seqs []int64) ([]store.Change, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return nil, f.fail
	}
	var out []store.Change
	for _, c := range f.visible {
		if slices.Contains(seqs, c.Seq) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeSource) MaxChangeSeq(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return 0, f.fail
	}
	var m int64
	for _, c := range f.visible {
		m = max(m, c.Seq)
	}
	return m, nil
}

// commit makes product id visible with change seq, as a committing transaction would.
func (f *fakeSource) commit(seq, id int64, title string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.products[id] = index.Product{ID: id, Title: title, Brand: "Khaite",
		Offers: []index.Offer{{ID: id * 10, Retailer: "Shop", Price: 100, RegularPrice: 200, Currency: "EUR", Availability: "in_stock"}}}
	f.visible = append(f.visible, store.Change{Seq: seq, Entity: "product", EntityID: id})
	slices.SortFunc(f.visible, func(a, b store.Change) int { return int(a.Seq - b.Seq) })
}

func (f *fakeSource) setFail(err error) {
	f.mu.Lock()
	f.fail = err
	f.mu.Unlock()
}

// TestLiveGapsAndFailures: a change whose number was skipped (its transaction committed late)
// is still applied; one that never commits is forgotten after GapTimeout; a failed poll is
// reported in Lag and the next good one catches up.
func TestLiveGapsAndFailures(t *testing.T) {
	ctx := context.Background()
	now := day0
	clock := func() time.Time { return now }
	src := &fakeSource{products: map[int64]index.Product{}}
	src.commit(1, 1, "first")
	l, err := search.Build(ctx, src, search.Options{Logger: quiet(), Now: clock, GapTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	found := func(title string) bool {
		return len(l.Search(index.Query{Text: title}).Hits) == 1
	}

	// 3 commits before 2: the poll sees 3 and remembers 2 as a gap.
	src.commit(3, 3, "third")
	if err := l.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if !found("third") || l.Lag().Gaps != 1 {
		t.Fatalf("after seq 3: third found %t, gaps %d; want true, 1", found("third"), l.Lag().Gaps)
	}
	src.commit(2, 2, "second")
	now = now.Add(time.Second)
	if err := l.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if !found("second") || l.Lag().Gaps != 0 {
		t.Errorf("late seq 2: second found %t, gaps %d; want true, 0", found("second"), l.Lag().Gaps)
	}

	// 5 without 4 (rolled back): the gap is given up after GapTimeout.
	src.commit(5, 5, "fifth")
	if err := l.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Minute)
	if err := l.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if g := l.Lag().Gaps; g != 0 {
		t.Errorf("an abandoned gap is still rechecked (%d gaps)", g)
	}

	// The database goes away: the poll fails, Lag says so and grows; then it comes back.
	down := errors.New("connection refused")
	src.setFail(down)
	src.mu.Lock()
	src.visible = append(src.visible, store.Change{Seq: 6, Entity: "product", EntityID: 6})
	src.products[6] = index.Product{ID: 6, Title: "sixth", Offers: []index.Offer{{ID: 60, Price: 1, Currency: "EUR"}}}
	src.mu.Unlock()
	before := l.Lag().Seconds
	now = now.Add(30 * time.Second)
	if err := l.CatchUp(ctx); !errors.Is(err, down) {
		t.Fatalf("CatchUp with the database down = %v", err)
	}
	if lag := l.Lag(); !errors.Is(lag.Err, down) || lag.Seconds < before+30 {
		t.Errorf("lag while down = %+v, want the error and at least %.0fs", lag, before+30)
	}
	src.setFail(nil)
	if err := l.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if lag := l.Lag(); lag.Err != nil || lag.Seconds != 0 || !found("sixth") {
		t.Errorf("after recovery: lag %+v, sixth found %t", lag, found("sixth"))
	}
}

// TestLiveRunStopsOnCancel: Run keeps retrying a failing source and returns nil on cancel.
func TestLiveRunStopsOnCancel(t *testing.T) {
	src := &fakeSource{products: map[int64]index.Product{}}
	l, err := search.Build(context.Background(), src, search.Options{Logger: quiet(), Interval: time.Millisecond, MaxBackoff: 2 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	src.setFail(errors.New("down"))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- l.Run(ctx) }()
	for l.Lag().Err == nil {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
}

// TestLiveLagWhileFollowing reads Lag from another goroutine while Run follows a change log
// that commits out of order (every even seq after the odd one above it, so gaps open and
// close). Under -race it catches Lag reading the cursor or the gaps while the follower writes
// them; without -race it still checks the follower ends caught up with no gap left.
func TestLiveLagWhileFollowing(t *testing.T) {
	src := &fakeSource{products: map[int64]index.Product{}}
	src.commit(1, 1, "p1")
	l, err := search.Build(context.Background(), src, search.Options{Logger: quiet(), Interval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- l.Run(ctx) }()
	const last = 200
	go func() {
		for seq := int64(3); seq <= last; seq += 2 {
			src.commit(seq, seq, "p")
			time.Sleep(200 * time.Microsecond)
			src.commit(seq-1, seq-1, "p")
		}
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		lag := l.Lag()
		if lag.Seqs == 0 && lag.Gaps == 0 && l.Index().Len() == last-1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not caught up after 30 s: lag %+v, %d products indexed, want %d", lag, l.Index().Len(), last-1)
		}
		time.Sleep(100 * time.Microsecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
}
