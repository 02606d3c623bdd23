package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestImportsRacingForAGTINEndWithOneProduct: shop A's import creates the product of a dress
// (its GTIN key, in its own item group) and has not committed when shop B's import of the same
// dress (same GTIN, B's own group) begins. On PostgreSQL B cannot see A's key, creates a product
// of its own and finds the GTIN key taken when it registers it: two products of one dress, and
// since re-imports skip unchanged records, nothing would ever join them. B's run merges its new
// product into A's at its end. SQLite runs one writer at a time, so B waits for A, sees its key
// and joins its product directly: the same end.
func TestImportsRacingForAGTINEndWithOneProduct(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		var passes [][]int64
		ingest.SetOnDedupe(im, func(candidates []int64) { passes = append(passes, candidates) })
		shopA, err := db.EnsureRetailer(ctx, "A")
		if err != nil {
			t.Fatal(err)
		}
		const gtin = "7310000000010"
		gtinKey := catalog.ProductKeys(catalog.KeyParts{GTIN: gtin})[0]
		// Shop A's import, written by hand so that it can be held open.
		txA, err := db.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer txA.Rollback()
		var productA int64
		if err := txA.QueryRowContext(ctx, `INSERT INTO products (product_key, title, color, gtin, source_retailer_id, source_item_id, created_at, updated_at)
			VALUES ('group:a:ad:green', 'Wrap Dress', 'Green', $1, $2, 'a-s', 0, 0) RETURNING id`, gtin, shopA.ID).Scan(&productA); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`INSERT INTO product_keys (key, product_id) VALUES ('` + gtinKey + `', $1), ('group:a:ad:green', $1)`,
			`INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
				VALUES (` + strconv.FormatInt(shopA.ID, 10) + `, $1, 'a-s', 'EUR', 25000, 25000, 0, 0, 0)`,
		} {
			if _, err := txA.ExecContext(ctx, q, productA); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		feedB := []byte(`<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item>
<g:id>b-s</g:id><g:title>Wrap Dress</g:title><g:brand>Ganni</g:brand><g:gtin>` + gtin + `</g:gtin><g:item_group_id>BD</g:item_group_id>
<g:price>250.00 EUR</g:price><g:availability>in stock</g:availability><g:color>Green</g:color><g:size>S</g:size></item></channel></rss>`)
		if db.Dialect() == store.SQLite {
			if err := txA.Commit(); err != nil {
				t.Fatal(err)
			}
			mustImport(t, im, feedB, ingest.Options{Retailer: "B", Full: true, ObservedAt: day(0)})
		} else {
			done := make(chan error, 1)
			go func() {
				_, err := im.Import(ctx, bytes.NewReader(feedB), "b.xml", ingest.Options{Retailer: "B", Full: true, ObservedAt: day(0)})
				done <- err
			}()
			waitForALockWait(t, db)
			if err := txA.Commit(); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
		if got := productOf(t, db, "b", "b-s"); got != productA {
			t.Errorf("B's dress is product %d, want A's %d", got, productA)
		}
		if got := count(t, db, "products"); got != 1 {
			t.Errorf("products = %d, want 1", got)
		}
		// PostgreSQL: B's run found the GTIN key taken and looked at its one product (merged
		// since). SQLite: B joined A's product directly; no collision, no pass.
		if db.Dialect() == store.SQLite {
			if len(passes) != 0 {
				t.Errorf("duplicate passes = %v, want none", passes)
			}
		} else if len(passes) != 1 || len(passes[0]) != 1 || passes[0][0] == productA {
			t.Errorf("duplicate passes = %v, want one, over B's own product", passes)
		} else if n := scalar(t, db, fmt.Sprintf(`SELECT COUNT(*) FROM products WHERE id = %d`, passes[0][0])); n != 0 {
			t.Errorf("B's product %d is still there", passes[0][0])
		}
		want := "[group:a:ad:green group:b:bd:green " + gtinKey + " title:ganni:wrap-dress:green]"
		if keys, err := db.ProductKeysOf(ctx, productA); err != nil || fmt.Sprint(keys) != want {
			t.Errorf("A's product's keys = %v (%v), want %s: its own and B's", keys, err, want)
		}
	})
}

// TestImportsWithoutCollisionRunNoDuplicatePass: a first import (new products and keys, in
// several batches) and another shop's import of the same styles (joined through their brand +
// MPN keys, registering its own group keys) find no key taken, so neither runs the end-of-run
// duplicate pass: it reads no product.
func TestImportsWithoutCollisionRunNoDuplicatePass(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		ingest.SetBatchSize(im, 60)
		var passes [][]int64
		ingest.SetOnDedupe(im, func(candidates []int64) { passes = append(passes, candidates) })
		items := catalogue(300)
		mustImport(t, im, genFeed(items), ingest.Options{Retailer: "A", Full: true, ObservedAt: day(0)})
		for i := range items { // B's own item ids, the same MPNs (genFeed's mpn is the group)
			items[i].id = "b-" + items[i].id
		}
		mustImport(t, im, genFeed(items), ingest.Options{Retailer: "B", Full: true, ObservedAt: day(0)})
		if got := count(t, db, "products"); got != 60 {
			t.Errorf("products = %d, want 60 (one per style, both shops)", got)
		}
		if got := count(t, db, "offers"); got != 600 {
			t.Errorf("offers = %d, want 600", got)
		}
		if len(passes) != 0 {
			t.Errorf("duplicate passes = %v, want none: no key was taken", passes)
		}
	})
}

// waitForALockWait returns once a session of the test's own PostgreSQL database waits for a
// lock (the import blocked on the held transaction's key).
func waitForALockWait(t *testing.T, db *store.DB) {
	t.Helper()
	for range 600 {
		var waiting int
		if err := db.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the second import never waited for the first's key")
}

// TestListedShopsPageMergesWhenCheckedAgain: a pasted page (an unlisted shop) whose GTIN names
// one product and whose MPN another merges nothing; once an admin lists the shop, the next check
// of the same, unchanged page (page imports are not complete feeds, so nothing is skipped)
// merges the two.
func TestListedShopsPageMergesWhenCheckedAgain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		mustImport(t, im, loaferFeed("a", "7310000000102", ""), ingest.Options{Retailer: "A", ObservedAt: day(0)})
		mustImport(t, im, loaferFeed("b", "", "T-2"), ingest.Options{Retailer: "B", ObservedAt: day(0)})
		shop, err := db.EnsureTrackedRetailer(ctx, "pasted.example")
		if err != nil {
			t.Fatal(err)
		}
		page := loaferFeed("p", "7310000000102", "T-2")
		mustImport(t, im, page, ingest.Options{Retailer: shop.Slug, ObservedAt: day(0)})
		if got := count(t, db, "products"); got != 2 {
			t.Fatalf("products = %d before listing, want 2", got)
		}
		if err := db.SetRetailerListed(ctx, shop.ID, true); err != nil {
			t.Fatal(err)
		}
		mustImport(t, im, page, ingest.Options{Retailer: shop.Slug, ObservedAt: day(1)})
		if got := count(t, db, "products"); got != 1 {
			t.Errorf("products = %d after the listed shop's page was checked again, want 1", got)
		}
		if a, b := productOf(t, db, "a", "a"), productOf(t, db, "b", "b"); a != b {
			t.Errorf("A's loafer is product %d, B's %d: not merged", a, b)
		}
	})
}
