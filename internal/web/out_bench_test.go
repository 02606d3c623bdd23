package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// outBench is the real handler with a click service over a seeded SQLite database, and the
// click-out paths of every offer of the seeded products.
type outBench struct {
	db      *store.DB
	handler http.Handler
	svc     *clicks.Service
	rec     *clicks.Recorder
	paths   []string
}

func newOutBench(b *testing.B, cacheSize int) *outBench {
	b.Helper()
	db := storetest.SQLite(b)
	seed(b, db)
	ctx := context.Background()
	secret, err := db.ClickSecret(ctx)
	if err != nil {
		b.Fatal(err)
	}
	signer, err := clicks.NewSigner(secret)
	if err != nil {
		b.Fatal(err)
	}
	rec := clicks.NewRecorder(db, clicks.RecorderConfig{}, nil)
	b.Cleanup(func() { _ = rec.Close(context.Background()) })
	svc, err := clicks.NewService(ctx, signer, db, rec, clicks.Config{CacheSize: cacheSize}, nil)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{Version: "bench", Clicks: svc}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	ob := &outBench{db: db, handler: srv.Handler(), svc: svc, rec: rec}
	rows, err := db.SQL().Query(`SELECT id, product_id FROM offers ORDER BY id`)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var o, p int64
		if err := rows.Scan(&o, &p); err != nil {
			b.Fatal(err)
		}
		ob.paths = append(ob.paths, svc.URL("", o, p, clicks.SourceDigest, 0))
	}
	return ob
}

// BenchmarkOutHandler measures the redirect handler (the whole middleware chain, no network),
// with the target cache and without it (every click a database lookup).
func BenchmarkOutHandler(b *testing.B) {
	for _, bc := range []struct {
		name string
		size int
	}{{"cached", 0}, {"uncached", -1}} {
		b.Run(bc.name, func(b *testing.B) {
			ob := newOutBench(b, bc.size)
			var next atomic.Int64
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					path := ob.paths[int(next.Add(1))%len(ob.paths)]
					w := httptest.NewRecorder()
					ob.handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
					if w.Code != http.StatusFound {
						b.Errorf("status %d", w.Code)
						return
					}
				}
			})
			b.StopTimer()
			if err := ob.rec.Close(context.Background()); err != nil {
				b.Fatal(err)
			}
			st := ob.rec.Stats()
			b.ReportMetric(float64(ob.svc.DBLookups())/float64(b.N), "db-lookups/op")
			if st.Written != st.Sent || st.Dropped != 0 || st.Sent < int64(b.N) {
				b.Fatalf("recorder %+v after %d clicks", st, b.N)
			}
		})
	}
}

// BenchmarkOutLoopback is the load run: 8 concurrent keep-alive clients over loopback TCP
// against the real handler, b.N clicks in all. It reports requests per second and fails unless
// every click sent is in the database afterwards.
func BenchmarkOutLoopback(b *testing.B) {
	const concurrency = 8
	ob := newOutBench(b, 0)
	ts := httptest.NewServer(ob.handler)
	defer ts.Close()
	transport := &http.Transport{MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency}
	client := &http.Client{Transport: transport, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	defer transport.CloseIdleConnections()
	before, err := ob.db.ClickCount(context.Background(), time.Time{})
	if err != nil {
		b.Fatal(err)
	}
	var next, redirected atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				resp, err := client.Get(ts.URL + ob.paths[int(i)%len(ob.paths)])
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusFound {
					redirected.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if err := ob.rec.Close(context.Background()); err != nil {
		b.Fatal(err)
	}
	after, err := ob.db.ClickCount(context.Background(), time.Time{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(after-before), "recorded")
	if sent := redirected.Load(); sent != int64(b.N) || after-before != sent {
		b.Fatalf("%d requests, %d redirected, %d recorded", b.N, sent, after-before)
	}
}
