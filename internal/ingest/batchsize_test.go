package ingest_test

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestBatchesGrowWithTheRun: a run's first batches have the importer's batch size, later ones
// grow with the items applied up to the maximum (batchsize.go), and the catalogue comes out
// the same as with batches of one fixed size.
func TestBatchesGrowWithTheRun(t *testing.T) {
	feed := genFeed(catalogue(400))
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		ingest.SetBatchSizes(im, 5, 40)
		// Each batch's hook sees the offers the batches before it committed.
		var committed []int
		ingest.SetBeforeCommit(im, func(int) error {
			committed = append(committed, count(t, db, "offers"))
			return nil
		})
		rep := mustImport(t, im, feed, ingest.Options{Retailer: "Grow", ObservedAt: day(0), Full: true})
		if rep.New != 400 {
			t.Fatalf("report %+v, want 400 new", rep)
		}
		committed = append(committed, count(t, db, "offers"))
		var sizes []int
		for i := 1; i < len(committed); i++ {
			sizes = append(sizes, committed[i]-committed[i-1])
		}
		// The run's last transaction, the complete feed's mark, adds no offer.
		if len(sizes) > 0 && sizes[len(sizes)-1] == 0 {
			sizes = sizes[:len(sizes)-1]
		}
		total := 0
		for i, n := range sizes {
			total += n
			if i < 8 && n != 5 {
				t.Errorf("batch %d has %d items, want the first batches at 5: %v", i+1, n, sizes)
			}
			if n > 40 || (i > 0 && i < len(sizes)-1 && n < sizes[i-1]) {
				t.Errorf("batch %d has %d items: batches must grow up to 40: %v", i+1, n, sizes)
			}
		}
		if total != 400 || sizes[len(sizes)-2] != 40 {
			t.Fatalf("batches %v: want 400 items, the last full ones of 40", sizes)
		}

		fixed := storetest.SQLite(t)
		if db.Dialect() == store.Postgres {
			fixed = storetest.Postgres(t)
		}
		im2 := ingest.New(fixed, nil)
		ingest.SetBatchSize(im2, 5)
		mustImport(t, im2, feed, ingest.Options{Retailer: "Grow", ObservedAt: day(0), Full: true})
		// (Not the change log: a product whose offers fall in two batches is logged by each.)
		for _, table := range []string{"offers", "products", "product_keys", "price_changes", "sale_events"} {
			if a, b := count(t, db, table), count(t, fixed, table); a != b {
				t.Errorf("%s: %d rows with growing batches, %d with batches of 5", table, a, b)
			}
		}
	})
}
