//go:build unix

package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// BenchmarkImportFile imports the feed file named by TAGDROP_BENCH_FEED (for example one that
// `tagdrop bench ingest --keep DIR` wrote) into a fresh SQLite database, then again one day
// later: the shape of `tagdrop bench ingest` in one process, for CPU profiles
// (go test -run '^$' -bench ImportFile -benchtime 1x -cpuprofile cpu.out ./internal/ingest/).
// Besides the wall-clock time it reports cpu-s/op, the process's user and system CPU time per
// import: on a shared, overloaded machine the steadier of the two.
func BenchmarkImportFile(b *testing.B) {
	path := os.Getenv("TAGDROP_BENCH_FEED")
	if path == "" {
		b.Skip("TAGDROP_BENCH_FEED names no feed file")
	}
	for _, phase := range []string{"first", "again"} {
		b.Run(phase, func(b *testing.B) {
			var cpu time.Duration
			defer func() { b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op") }()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				ctx := context.Background()
				db, err := store.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				im := ingest.New(db, nil)
				opts := ingest.Options{Retailer: "Bench", ObservedAt: day(0), Full: true}
				if phase == "again" {
					if _, err := im.ImportFile(ctx, path, opts); err != nil {
						b.Fatal(err)
					}
					opts.ObservedAt = day(1)
				}
				cpu0 := cpuTime(b)
				b.StartTimer()
				rep, err := im.ImportFile(ctx, path, opts)
				b.StopTimer()
				cpu += cpuTime(b) - cpu0
				if err != nil || rep.Rejected > 0 {
					b.Fatalf("report %+v, err %v", rep, err)
				}
				db.Close()
				b.StartTimer()
			}
		})
	}
}

// cpuTime is the CPU time this process has used so far, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
