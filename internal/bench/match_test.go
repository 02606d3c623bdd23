package bench

import (
	"context"
	"os"
	"testing"
)

// TestMatchBench runs the match benchmark small: tagdrop's digests are the reference the
// peers are checked against (no sampled digest may differ), and the store phases must read
// back every shopper they wrote and write every item computed. With TAGDROP_TEST_POSTGRES set,
// the PostgreSQL phases and the postgres-per-shopper peer run too.
func TestMatchBench(t *testing.T) {
	cfg := MatchConfig{Offers: 6000, Users: 3000, Seed: 3, Sample: 60, PostgresURL: os.Getenv("TAGDROP_TEST_POSTGRES")}
	if testing.Verbose() {
		cfg.Progress = os.Stderr
	}
	rep, err := Match(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Tagdrop.Items < cfg.Users || rep.OnSale < cfg.Offers/6 || rep.ChangedOffers == 0 {
		t.Fatalf("the run hardly matched: %+v", rep)
	}
	for name, p := range rep.Peers {
		if p.Mismatches != 0 || p.Sampled != cfg.Sample || p.Items == 0 {
			t.Errorf("%s: %d of %d sampled digests differ from tagdrop's (%d items)", name, p.Mismatches, p.Sampled, p.Items)
		}
	}
	if cfg.PostgresURL != "" && len(rep.Peers) == 0 {
		t.Error("no peer ran with PostgreSQL at hand")
	}
	for kind, s := range rep.Store {
		if s.Shoppers != cfg.Users || s.Items != rep.Tagdrop.Items || s.Digests == 0 {
			t.Errorf("%s: %d shoppers, %d digests, %d items written; the run computed %d items", kind, s.Shoppers, s.Digests, s.Items, rep.Tagdrop.Items)
		}
	}
	if _, ok := rep.Store[SQLite]; !ok {
		t.Error("no SQLite store figures")
	}
}
