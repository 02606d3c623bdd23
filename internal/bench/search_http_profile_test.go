package bench

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/web"
)

// BenchmarkSearchPage serves the search page benchmark's pages straight into the handler (no
// sockets, no load generator), so a CPU profile shows the page's own cost by part: the index,
// the rendering, and any store read. The catalogue is TAGDROP_BENCH_OFFERS offers (default
// 20,000) imported through the real importer, which takes a while at large sizes;
// TAGDROP_BENCH_DIR keeps the generated feed for the next run:
//
//	TAGDROP_BENCH_OFFERS=300000 TAGDROP_BENCH_DIR=/tmp/pages go test -run '^$' -bench SearchPage -benchtime 3000x -cpuprofile /tmp/page.prof ./internal/bench/
func BenchmarkSearchPage(b *testing.B) {
	size := 20_000
	if s := os.Getenv("TAGDROP_BENCH_OFFERS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		size = n
	}
	ctx := context.Background()
	dir := os.Getenv("TAGDROP_BENCH_DIR") // keeps the generated feed between runs
	if dir == "" {
		dir = b.TempDir()
	}
	cfg := SearchHTTPConfig{Size: size, Seed: 1, Dir: dir, Progress: io.Discard}
	db, docs, err := importForPages(ctx, cfg, cfg.Dir, func(string, ...any) {})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	pages, err := pageMix(ctx, db, docs, cfg.Seed)
	if err != nil {
		b.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	live, err := search.Build(ctx, db, search.Options{Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{BaseURL: "http://127.0.0.1", Version: "bench", Index: live, Catalogue: live.Index()}, db, quiet)
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	serve := func(i int) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", pages[i%len(pages)].path, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", pages[i%len(pages)].path, rec.Code)
		}
	}
	for i := range len(pages) / 5 { // warm-up, as the HTTP benchmark does
		serve(i)
	}
	b.ResetTimer()
	start, cpu0 := time.Now(), processCPU()
	for i := 0; b.Loop(); i++ {
		serve(i)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/float64(b.N), "µs/page")
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/page")
}
