package store

import (
	"context"
	"path/filepath"
	"testing"
)

// fakeResult is what an INSERT would report.
type fakeResult struct{ last, rows int64 }

func (r fakeResult) LastInsertId() (int64, error) { return r.last, nil }
func (r fakeResult) RowsAffected() (int64, error) { return r.rows, nil }

// TestRowidInsertChecks: the ids an INSERT's rows got are taken from their places only when
// the statement inserted every row, ending at the largest id plus the rows' count, and the
// first and last keys have the ids their places give them.
func TestRowidInsertChecks(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "tagdrop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// b, a, c hold 1, 2, 3: a statement that inserted a, b, c in that order would have given
	// them 1, 2, 3.
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO retailers (id, slug, name, listed, created_at) VALUES (1, 'r', 'R', 1, 0);
		INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (10, 'k10', 'Coat', 0, 0);
		INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
		VALUES (1, 1, 10, 'b', 'EUR', 1, 1, 0, 0, 0), (2, 1, 10, 'a', 'EUR', 1, 1, 0, 0, 0), (3, 1, 10, 'c', 'EUR', 1, 1, 0, 0, 0)`); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		items []string
		res   fakeResult
		want  bool
	}{
		{[]string{"b", "a", "c"}, fakeResult{last: 3, rows: 3}, true},
		{[]string{"a", "b", "c"}, fakeResult{last: 3, rows: 3}, false}, // a is not first
		{[]string{"b", "c", "a"}, fakeResult{last: 3, rows: 3}, false}, // a is not last
		{[]string{"b", "a", "c"}, fakeResult{last: 3, rows: 2}, false}, // a row not inserted
		{[]string{"b", "a", "c"}, fakeResult{last: 4, rows: 3}, false}, // not from the largest id
	} {
		err := db.InCatalogTx(ctx, func(tx *CatalogTx) error {
			part := make([]NewOffer, len(c.items))
			for i, item := range c.items {
				part[i].ItemID = item
			}
			ok, err := tx.offerRowids(1, part).consecutive(ctx, tx, c.res, 0)
			if err == nil && ok != c.want {
				t.Errorf("%v, %+v: consecutive = %v, want %v", c.items, c.res, ok, c.want)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestSharedRows: the shared values are numbered once, the rows' own ones follow them.
func TestSharedRows(t *testing.T) {
	for _, c := range []struct {
		p    placeholders
		want string
	}{
		{placeholders{positional: true}, "(?1,?2,?2,?,?),(?1,?2,?2,?,?)"},
		{placeholders{}, "($1,$2,$2,$3,$4),($1,$2,$2,$5,$6)"},
	} {
		if got := c.p.sharedRows(2, []int{1, 2, 2}, 2); got != c.want {
			t.Errorf("sharedRows = %s, want %s", got, c.want)
		}
	}
}
