package web_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// laggingIndex is an index that reports a fixed lag behind the change log.
type laggingIndex struct{ lag search.Lag }

func (laggingIndex) Search(index.Query) index.Result { return index.Result{} }
func (l laggingIndex) Lag() search.Lag               { return l.lag }

func TestReadyzReportsIndexLag(t *testing.T) {
	db := storetest.SQLite(t)
	for _, tt := range []struct {
		name   string
		lag    search.Lag
		status int
	}{
		{"caught up", search.Lag{Seconds: 0.4}, http.StatusOK},
		{"far behind", search.Lag{Seconds: 95, Seqs: 1200}, http.StatusServiceUnavailable},
		{"polls failing, lag still small", search.Lag{Seconds: 3, Err: errors.New("connection refused"), Failures: 2, RetryIn: 2 * time.Second},
			http.StatusServiceUnavailable},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := newSite(t, db, web.Config{Index: laggingIndex{tt.lag}})
			res, err := ts.Client().Get(ts.URL + "/readyz")
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var body map[string]any
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != tt.status || body["index_lag_changes"] != float64(tt.lag.Seqs) {
				t.Fatalf("readyz = %d %v", res.StatusCode, body)
			}
		})
	}
}

func TestMetricsOnlyForLocalDirectRequests(t *testing.T) {
	db := storetest.SQLite(t)
	for _, tt := range []struct {
		name   string
		public bool
		header string
		status int
	}{
		{"direct from this machine", false, "", http.StatusOK},
		{"relayed by a proxy", false, "203.0.113.9", http.StatusNotFound},
		{"public by choice", true, "203.0.113.9", http.StatusOK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := newSite(t, db, web.Config{MetricsPublic: tt.public})
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/metrics", nil)
			if tt.header != "" {
				req.Header.Set("X-Forwarded-For", tt.header)
			}
			res, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.status {
				t.Fatalf("GET /metrics: %d, want %d", res.StatusCode, tt.status)
			}
		})
	}
}
