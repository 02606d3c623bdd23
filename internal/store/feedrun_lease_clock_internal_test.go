package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// On PostgreSQL the holds go by the server's clock: an importer on a host whose clock runs three
// minutes ahead (more than the lease) does not take a live run's hold for a lapsed one, and a
// heartbeat is stamped with the server's time, not the process's.
func TestFeedRunHoldUsesTheServerClock(t *testing.T) {
	ctx := context.Background()
	here, ahead := hostsThreeMinutesApart(t)

	shop, err := here.EnsureRetailer(ctx, "Maison Ligne")
	if err != nil {
		t.Fatal(err)
	}
	first, err := here.StartFeedRun(ctx, shop.ID, "first.xml", "gmc-xml", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ahead.StartFeedRun(ctx, shop.ID, "second.xml", "gmc-xml", time.Now()); !errors.Is(err, ErrRetailerBusy) {
		t.Fatalf("start on a host three minutes ahead while run %d is live: %v, want busy", first, err)
	}
	if err := ahead.TouchFeedRun(ctx, first); err != nil {
		t.Fatal(err)
	}
	var beat int64
	if err := here.sql.QueryRowContext(ctx, `SELECT heartbeat_at FROM feed_runs WHERE id = $1`, first).Scan(&beat); err != nil {
		t.Fatal(err)
	}
	if skew := time.Since(time.UnixMilli(beat)); skew < -time.Minute || skew > time.Minute {
		t.Errorf("heartbeat stamped %v from this host's clock, want the server's time", skew)
	}
}

// hostsThreeMinutesApart opens one PostgreSQL test database twice: as this host, and as a host
// whose clock runs three minutes ahead (a skewed host, not a test clock: SetClock would make
// leases go by it). Both close when the test ends.
func hostsThreeMinutesApart(t *testing.T) (here, ahead *DB) {
	t.Helper()
	ctx := context.Background()
	url := postgresTestURL(t)
	here, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { here.Close() })
	ahead, err = Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ahead.Close() })
	ahead.now = func() time.Time { return time.Now().Add(3 * time.Minute) }
	return here, ahead
}
