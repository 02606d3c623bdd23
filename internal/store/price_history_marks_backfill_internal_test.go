package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"testing"
	"time"
)

// TestHistoryMarksBackfill: after 00021 the offers that existed before it have no mark; the
// maintenance job's first AdvanceHistoryMarks marks every one, on both databases, at the month
// start HistoryMark gives for now, with its last price change before that month start and that
// change's state (the last written at its instant): an offer whose changes all came after gets
// none, as does an offer without changes.
func TestHistoryMarksBackfill(t *testing.T) {
	for _, dialect := range []Dialect{SQLite, Postgres} {
		t.Run(string(dialect), func(t *testing.T) {
			ctx := context.Background()
			var db *DB
			if dialect == SQLite {
				loc, err := ParseLocation("sqlite:" + filepath.Join(t.TempDir(), "m.db"))
				if err != nil {
					t.Fatal(err)
				}
				if db, err = openSQLite(ctx, loc); err != nil { // not migrated: the test stops at 00020
					t.Fatal(err)
				}
			} else {
				loc, err := ParseLocation(postgresTestURL(t))
				if err != nil {
					t.Fatal(err)
				}
				if db, err = openPostgres(ctx, loc); err != nil {
					t.Fatal(err)
				}
			}
			defer db.Close()
			sub, err := fs.Sub(migrations, "migrations/"+string(dialect))
			if err != nil {
				t.Fatal(err)
			}
			p, err := db.providerFor(sub)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.UpTo(ctx, 20); err != nil {
				t.Fatal(err)
			}
			mark := HistoryMark(time.Now())
			for _, q := range []string{
				`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
				`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`,
				`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
					VALUES (1, 1, 1, 'a', 'EUR', 5000, 10000, 'in_stock', 0, 0, 0), (2, 1, 1, 'b', 'EUR', 5000, 10000, 'in_stock', 0, 0, 0),
					(3, 1, 1, 'c', 'EUR', 5000, 10000, 'in_stock', 0, 0, 0)`,
			} {
				if _, err := db.sql.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			for i, r := range []struct {
				offer int64
				at    time.Time
			}{
				{1, mark.AddDate(-1, 0, 0)}, {1, mark.Add(-time.Millisecond)}, {1, mark.Add(-time.Millisecond)}, {1, mark},
				{1, mark.AddDate(0, 2, 0)}, {2, mark}, {2, mark.AddDate(0, 1, 0)},
			} {
				if _, err := db.sql.ExecContext(ctx, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
					VALUES ($1, $2, $3, 10000, 'in_stock')`, r.offer, unixMS(r.at), 1000+i); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := p.Up(ctx); err != nil {
				t.Fatal(err)
			}
			var unmarked int
			if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM offers WHERE history_mark IS NULL`).Scan(&unmarked); err != nil || unmarked != 3 {
				t.Fatalf("%d offers unmarked after the migration (%v); want all 3", unmarked, err)
			}
			moved, err := db.AdvanceHistoryMarks(ctx, time.Now())
			if err != nil || moved != 3 {
				t.Fatalf("the first AdvanceHistoryMarks marked %d offers (%v); want 3", moved, err)
			}
			// Offer 1's change in force at the mark: the second of two at one instant, price 1002.
			type state struct{ at, price, regular sql.NullInt64 }
			want := map[int64]state{1: {sql.NullInt64{Int64: unixMS(mark) - 1, Valid: true}, sql.NullInt64{Int64: 1002, Valid: true},
				sql.NullInt64{Int64: 10000, Valid: true}}, 2: {}, 3: {}}
			for id, w := range want {
				var got sql.NullInt64
				var s state
				var avail sql.NullString
				if err := db.sql.QueryRowContext(ctx, `SELECT history_mark, history_mark_at, history_mark_price, history_mark_regular_price,
					history_mark_availability FROM offers WHERE id = $1`, id).Scan(&got, &s.at, &s.price, &s.regular, &avail); err != nil {
					t.Fatal(err)
				}
				if got.Int64 != unixMS(mark) || s != w || avail.Valid != w.at.Valid {
					t.Errorf("offer %d marked at %v with %+v %v; want %d with %+v", id, got, s, avail, unixMS(mark), w)
				}
			}
		})
	}
}
