package queue

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// startWorking builds and starts a working queue of db for the test and stops it at cleanup
// (after cleanups the caller registered later, before those registered earlier).
func startWorking(t *testing.T, db *store.DB, cfg Config, work *Work) *Queue {
	t.Helper()
	q, err := New(db, cfg, work)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := q.Stop(sctx); err != nil {
			t.Error(err)
		}
	})
	return q
}
