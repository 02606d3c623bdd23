package ingest_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// BenchmarkImport imports a generated 5,000-item feed into SQLite: "new" into an empty
// database (every row written), "unchanged" a second time (nothing but last-seen times).
func BenchmarkImport(b *testing.B) {
	feed := genFeed(catalogue(5000))
	b.Run("new", func(b *testing.B) {
		b.SetBytes(int64(len(feed)))
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			im := ingest.New(storetest.SQLite(b), nil)
			b.StartTimer()
			rep, err := im.Import(context.Background(), bytes.NewReader(feed), "bench", ingest.Options{Retailer: "Bench", ObservedAt: day(0), Full: true})
			if err != nil || rep.New != 5000 {
				b.Fatalf("report %+v, err %v", rep, err)
			}
		}
		b.ReportMetric(float64(5000*b.N)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("unchanged", func(b *testing.B) {
		im := ingest.New(storetest.SQLite(b), nil)
		mustImport(b, im, feed, ingest.Options{Retailer: "Bench", ObservedAt: day(0), Full: true})
		b.SetBytes(int64(len(feed)))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			rep, err := im.Import(context.Background(), bytes.NewReader(feed), "bench", ingest.Options{Retailer: "Bench", ObservedAt: day(1 + i), Full: true})
			if err != nil || rep.Unchanged != 5000 {
				b.Fatalf("report %+v, err %v", rep, err)
			}
		}
		b.ReportMetric(float64(5000*b.N)/b.Elapsed().Seconds(), "items/s")
	})
}

// BenchmarkDemoSnapshots is the demo's shape: 2,500 offers seen in 30 daily complete snapshots,
// a few percent of them changing price or stock each day. One op is all 30 imports.
func BenchmarkDemoSnapshots(b *testing.B) {
	base := catalogue(2500)
	snapshots := make([][]byte, 30)
	for d := range snapshots {
		items := append([]genItem(nil), base...)
		for i := range items {
			switch (i * 7919 / 13) % 97 { // a stable few percent of items move each day
			case d % 97:
				items[i].sale = items[i].price * int64(60+d%30) / 100
			case (d + 1) % 97:
				items[i].availability = "out of stock"
			}
		}
		snapshots[d] = genFeed(items)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		im := ingest.New(storetest.SQLite(b), nil)
		b.StartTimer()
		for d, feed := range snapshots {
			if _, err := im.Import(context.Background(), bytes.NewReader(feed), "snapshot", ingest.Options{Retailer: "Demo", ObservedAt: day(d), Full: true}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
