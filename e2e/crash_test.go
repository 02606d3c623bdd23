package e2e_test

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// crashFeedItems is the size of the feeds the crash tests import: enough batches that the kill
// points below fall in different ones (killImportAt freezes the import while it looks, so no
// point is missed however fast the batches are).
const crashFeedItems = 20000

// killPoint is a moment of an import to kill it at, told by what the database holds (never by
// a timer): the import is killed once the catalogue count named count reaches at.
type killPoint struct {
	name  string
	count string // a store.CatalogueCounts name
	at    int
}

// freshKillPoints are moments of an import into an empty database.
var freshKillPoints = []killPoint{
	// The feed is spooled whole before anything is written: the run is recorded, no offer yet.
	{"while reading", "feed_runs_unfinished", 1},
	{"after the first batch", "offers", 1},
	{"half-way", "offers", crashFeedItems / 2},
	{"near the end", "offers", crashFeedItems * 9 / 10},
}

// changeKillPoints are moments of a second complete feed, almost all new offers, into a
// database holding the first: writing the new offers, then marking the old ones gone in batches.
var changeKillPoints = []killPoint{
	{"half-way through the new offers", "offers", crashFeedItems * 3 / 2},
	{"while marking gone", "offers_gone", 1},
	{"near the end of marking gone", "offers_gone", crashFeedItems * 9 / 10},
}

// convergedCounts are the counts an interrupted import plus its rerun must share with one
// uninterrupted import of the same feed into an empty database.
var convergedCounts = []string{"retailers", "brands", "products", "product_keys", "offers", "offers_gone",
	"offers_on_sale", "price_changes", "sale_events"}

// TestImportSurvivesKill kills `tagdrop import` with SIGKILL at several points of a large
// import, on SQLite and PostgreSQL. After each kill `tagdrop check` passes (SQLite's own checks
// and tagdrop's invariants: no duplicate price rows, every offer's price equal to its newest
// history row, no orphans); rerunning the same import converges to the counts of an
// uninterrupted import into a fresh database; and a second rerun writes no price row.
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 import test skipped in -short mode: it imports a 20,000-item feed about 20 times")
	}
	feed := writeBigFeed(t, 11, crashFeedItems)
	eachDatabase(t, func(t *testing.T, fresh func() database) {
		ref := fresh()
		rep := importFeed(t, ref, feed)
		if rep.New != crashFeedItems {
			t.Fatalf("uninterrupted import: %+v, want %d new", rep, crashFeedItems)
		}
		want := checkDB(t, ref, "after an uninterrupted import").Counts

		for _, kp := range freshKillPoints {
			t.Run(kp.name, func(t *testing.T) {
				db := fresh()
				tagdrop(t, false, "migrate", "--db", db.url)
				killImportAt(t, db, feed, kp)
				rerunConverges(t, db, feed, kp, want)
			})
		}
	})
}

// TestFeedChangeSurvivesKill does the same for a retailer's next complete feed (another seed:
// almost every offer new, the old ones to be marked gone), killed while it writes the new
// offers and while it marks the old ones gone, batch by batch. The reference is the two feeds
// imported one after the other without a kill.
func TestFeedChangeSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 feed-change test skipped in -short mode: it imports two 20,000-item feeds about 15 times")
	}
	first := writeBigFeed(t, 11, crashFeedItems)
	second := writeBigFeed(t, 12, crashFeedItems)
	eachDatabase(t, func(t *testing.T, fresh func() database) {
		ref := fresh()
		importFeed(t, ref, first)
		if rep := importFeed(t, ref, second); rep.Gone == 0 || rep.New == 0 {
			t.Fatalf("second feed: %+v, want new offers and gone ones", rep)
		}
		want := checkDB(t, ref, "after two uninterrupted imports").Counts

		for _, kp := range changeKillPoints {
			t.Run(kp.name, func(t *testing.T) {
				db := fresh()
				importFeed(t, db, first)
				killImportAt(t, db, second, kp)
				rerunConverges(t, db, second, kp, want)
			})
		}
	})
}

// rerunConverges checks a database whose import of feed was killed at kp: `tagdrop check`
// passes; a rerun reads the whole feed and leaves the counts of an uninterrupted run (want); a
// second rerun finds every item unchanged and writes no price row or sale event.
func rerunConverges(t *testing.T, db database, feed string, kp killPoint, want map[string]int) {
	t.Helper()
	checkDB(t, db, "after kill -9 "+kp.name)
	rep := importFeed(t, db, feed)
	if rep.Read != crashFeedItems || rep.Rejected != 0 {
		t.Errorf("rerun: %+v, want all %d read", rep, crashFeedItems)
	}
	got := checkDB(t, db, "after the rerun").Counts
	for _, k := range convergedCounts {
		if got[k] != want[k] {
			t.Errorf("after kill %s and a rerun: %s = %d, an uninterrupted run has %d", kp.name, k, got[k], want[k])
		}
	}
	again := importFeed(t, db, feed)
	if again.New != 0 || again.Changed != 0 || again.Gone != 0 || again.Unchanged != crashFeedItems {
		t.Errorf("second rerun: %+v, want all %d unchanged", again, crashFeedItems)
	}
	last := checkDB(t, db, "after the second rerun").Counts
	if last["price_changes"] != got["price_changes"] || last["sale_events"] != got["sale_events"] {
		t.Errorf("second rerun wrote history: price_changes %d → %d, sale_events %d → %d",
			got["price_changes"], last["price_changes"], got["sale_events"], last["sale_events"])
	}
}

// killImportAt starts an import of feed into db and kills it with SIGKILL at kp. The import is
// watched through a connection of the test's own, and frozen (SIGSTOP) while each count is
// read, so it is killed in exactly the state that was seen, however fast its batches are (no
// batch commits between the look and the kill). An import that ends first fails the test.
func killImportAt(t *testing.T, db database, feed string, kp killPoint) {
	t.Helper()
	ctx := context.Background()
	watch, err := store.Open(ctx, db.url)
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close()

	cmd := exec.Command(tagdropBinary(t), importArgs(db, feed)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	fail := func(format string, args ...any) {
		t.Helper()
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf(format+"\n%s%s", append(args, stdout.String(), stderr.String())...)
	}

	var n, protocolRetries int
	deadline := time.Now().Add(5 * time.Minute) // a hung import, not a timing assertion
	for {
		select {
		case err := <-done:
			t.Fatalf("import ended (%v) before %s (%s %d): make crashFeedItems bigger\n%s%s",
				err, kp.name, kp.count, n, stdout.String(), stderr.String())
		default:
		}
		if err := cmd.Process.Signal(syscall.SIGSTOP); err != nil {
			time.Sleep(time.Millisecond) // it has just ended: the select above reports it
			continue
		}
		counts, err := watch.CatalogueCounts(ctx, kp.count)
		if err != nil && strings.Contains(err.Error(), "locking protocol") && protocolRetries < 100 {
			// SQLite's SQLITE_PROTOCOL: the import was stopped while it held the WAL index in a
			// state a reader cannot wait out (it mid-checkpoint, say). Let it run on and count
			// again: the stop is the test's doing, not the importer's.
			protocolRetries++
			if err := cmd.Process.Signal(syscall.SIGCONT); err != nil {
				fail("resume the import: %v", err)
			}
			time.Sleep(2 * time.Millisecond)
			continue
		}
		if err != nil {
			fail("count %s: %v", kp.count, err)
		}
		if n = counts[kp.count]; n >= kp.at {
			break
		}
		if time.Now().After(deadline) {
			fail("import did not reach %s within 5 minutes (%s %d)", kp.name, kp.count, n)
		}
		if err := cmd.Process.Signal(syscall.SIGCONT); err != nil {
			fail("resume the import: %v", err)
		}
		time.Sleep(2 * time.Millisecond)
	}
	// SIGKILL (a stopped process dies too): no deferred function runs, nothing is rolled back
	// by the process itself.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	err = <-done
	if err == nil {
		t.Fatalf("import finished before it was killed %s", kp.name)
	}
	t.Logf("killed %s: %s = %d (%v)", kp.name, kp.count, n, err)
}
