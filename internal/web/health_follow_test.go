package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// outageSource is the store as the index follower reads it, whose change-log reads fail while
// down is set: the follower's side of a database outage (or of a network path to it that
// breaks) while the node's own ping still answers.
type outageSource struct {
	*store.DB
	down atomic.Bool
}

func (s *outageSource) MaxChangeSeq(ctx context.Context) (int64, error) {
	if s.down.Load() {
		return 0, errors.New("connection refused")
	}
	return s.DB.MaxChangeSeq(ctx)
}

// TestReadyzWhileFollowerBacksOff: with the real follower (search.Live running over the store,
// both databases), /readyz is 200 while it follows; once its polls fail it answers 503 "index
// not following" with the failures and the backoff, although the lag is still far below 30 s
// and the database answers the ping; after the next good poll it is 200 again.
func TestReadyzWhileFollowerBacksOff(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		src := &outageSource{DB: db}
		live, err := search.Build(ctx, src, search.Options{Interval: 20 * time.Millisecond, MaxBackoff: 2 * time.Second,
			Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- live.Run(ctx) }()
		defer func() { cancel(); <-done }()
		ts := newSite(t, db, web.Config{Index: live})
		readyz := func() (int, map[string]any) {
			res, err := ts.Client().Get(ts.URL + "/readyz")
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var body map[string]any
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			return res.StatusCode, body
		}
		waitFor := func(what string, ok func(int, map[string]any) bool) map[string]any {
			t.Helper()
			deadline := time.Now().Add(20 * time.Second)
			for {
				code, body := readyz()
				if ok(code, body) {
					return body
				}
				if time.Now().After(deadline) {
					t.Fatalf("waiting for %s: /readyz is %d %v", what, code, body)
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
		waitFor("ready", func(code int, body map[string]any) bool {
			return code == http.StatusOK && body["index_following"] == true
		})

		src.down.Store(true)
		body := waitFor("not following", func(code int, body map[string]any) bool {
			return code == http.StatusServiceUnavailable && body["status"] == "index not following"
		})
		if body["database"] != string(db.Dialect()) || body["index_following"] != false {
			t.Errorf("while the follower fails /readyz says %v; want the database reachable and the index not following", body)
		}
		if lag, _ := body["index_lag_seconds"].(float64); lag >= 30 {
			t.Errorf("index lag %v s: the test means to show a failing follower within the 30 s allowed", lag)
		}
		if n, _ := body["index_poll_failures"].(float64); n < 1 {
			t.Errorf("index_poll_failures = %v; want at least 1", body["index_poll_failures"])
		}
		if _, ok := body["index_retry_in_seconds"].(float64); !ok {
			t.Errorf("index_retry_in_seconds missing from %v", body)
		}

		src.down.Store(false)
		body = waitFor("ready again", func(code int, body map[string]any) bool { return code == http.StatusOK })
		if _, ok := body["index_poll_failures"]; ok || body["index_following"] != true {
			t.Errorf("after a good poll /readyz says %v; want following, no failures", body)
		}
	})
}
