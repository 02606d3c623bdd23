package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestMergingImportsDoNotDeadlock runs two catalogue transactions on PostgreSQL the way two
// imports can meet: B has updated product p3; A merges p2 into p1 and then wants p3 (waiting
// for B); B then merges p4 into p3. When a merge took the trends lock at once, A held it while
// waiting for B's row and B waited for it inside its merge: PostgreSQL found the deadlock and
// aborted one import's batch. The trend counts are now reconciled as each transaction ends,
// after all its row locks, so both commit. (SQLite runs one writer at a time: nothing to
// interleave there.)
func TestMergingImportsDoNotDeadlock(t *testing.T) {
	db := storetest.Postgres(t)
	ctx := context.Background()
	f := browseFixture{db: db, now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC), tb: t}
	shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
	var p [5]int64
	for i := 1; i <= 4; i++ {
		p[i] = f.id(`INSERT INTO products (product_key, title, created_at, updated_at) VALUES ($1, 'Micro Bag', 1, 1)`, fmt.Sprintf("mpn:x:m%d", i))
		f.offer(shop, p[i], fmt.Sprintf("item-%d", i), "", 100, 100, "in_stock", [2]int64{3, 100})
	}
	if _, err := db.RecomputeTrends(ctx); err != nil {
		t.Fatal(err)
	}
	// touch updates product id in the transaction, holding its row until the transaction ends.
	touch := func(tx *store.CatalogTx, id int64) error {
		stored, err := tx.ProductsByID(ctx, []int64{id})
		if err != nil {
			return err
		}
		return tx.UpdateProducts(ctx, []store.StoredProduct{stored[id]}, f.now)
	}
	// wait bounds a wait on the other transaction, so that a failure there ends the test
	// instead of hanging it (not a timing threshold: the steps take milliseconds).
	wait := func(ch <-chan struct{}, what string) error {
		select {
		case <-ch:
			return nil
		case <-time.After(time.Minute):
			return errors.New("gave up waiting for " + what)
		}
	}
	bTouched, aMerged := make(chan struct{}), make(chan struct{})
	var closeB, closeA sync.Once
	errs := make(chan error, 2)
	go func() {
		defer closeB.Do(func() { close(bTouched) })
		errs <- db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			if err := touch(tx, p[3]); err != nil {
				return err
			}
			closeB.Do(func() { close(bTouched) })
			if err := wait(aMerged, "A's merge"); err != nil {
				return err
			}
			return tx.MergeProducts(ctx, []store.ProductMerge{{From: p[4], Into: p[3]}})
		})
	}()
	go func() {
		defer closeA.Do(func() { close(aMerged) })
		errs <- db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			if err := wait(bTouched, "B's update"); err != nil {
				return err
			}
			if err := tx.MergeProducts(ctx, []store.ProductMerge{{From: p[2], Into: p[1]}}); err != nil {
				return err
			}
			closeA.Do(func() { close(aMerged) })
			return touch(tx, p[3]) // waits until B commits
		})
	}()
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("a merging transaction failed: %v", err)
		}
	}
	after := trendRows(t, db)
	if _, err := db.RecomputeTrends(ctx); err != nil {
		t.Fatal(err)
	}
	if want := trendRows(t, db); after != want {
		t.Errorf("trends after both merges:\n%s\nwant (a recompute):\n%s", after, want)
	}
}
