package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// /readyz reports the job queue: a working queue with its job counts is ready; once it has
// stopped, the node is not (503), on both databases.
func TestReadyzReportsQueue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		q, err := queue.New(db, queue.Config{}, &queue.Work{Sessions: db})
		if err != nil {
			t.Fatal(err)
		}
		// A web node's insert-only queue enqueues a kind nobody here works: it stays available.
		inserter, err := queue.New(db, queue.Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := inserter.Insert(ctx, queue.FiguresArgs{}); err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		ts := newSite(t, db, web.Config{Queue: q})
		readyz := func() (int, queue.Report) {
			res, err := ts.Client().Get(ts.URL + "/readyz")
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var body struct {
				Queue queue.Report `json:"queue"`
			}
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			return res.StatusCode, body.Queue
		}
		if status, r := readyz(); status != http.StatusOK || !r.Working || r.Available < 1 {
			t.Errorf("readyz with a working queue = %d %+v, want 200, working, a job available", status, r)
		}
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := q.Stop(sctx); err != nil {
			t.Fatal(err)
		}
		if status, r := readyz(); status != http.StatusServiceUnavailable || !r.Stopped {
			t.Errorf("readyz with a stopped queue = %d %+v, want 503, stopped", status, r)
		}
	})
}
