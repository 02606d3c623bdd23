package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"net/url"
	"os"
	"testing"
	"time"
)

// TestPriceChangesPartitionMigration: 00019 on PostgreSQL moves existing price rows, ids and
// all, into monthly partitions (a very old row into the default partition), keeps the offer
// foreign key, and new rows take ids after the old ones.
func TestPriceChangesPartitionMigration(t *testing.T) {
	ctx := context.Background()
	loc, err := ParseLocation(postgresTestURL(t))
	if err != nil {
		t.Fatal(err)
	}
	db, err := openPostgres(ctx, loc) // not migrated: the test stops at 00017 itself
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sub, err := fs.Sub(migrations, "migrations/postgres")
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.providerFor(sub)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 17); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	lastMonth := monthStart(now).AddDate(0, -1, 3)
	ancient := time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC)
	for _, q := range []string{
		`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
		`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`,
		`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
			VALUES (1, 1, 1, 'c', 'EUR', 5000, 10000, 'in_stock', 0, 0, 0)`,
	} {
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for id, at := range map[int64]time.Time{10: ancient, 20: lastMonth, 30: now} {
		if _, err := db.sql.ExecContext(ctx, `INSERT INTO price_changes (id, offer_id, changed_at, price, regular_price, availability)
			VALUES ($1, 1, $2, 5000, 10000, 'in_stock')`, id, unixMS(at)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	where := func(id int64) string {
		var table string
		if err := db.sql.QueryRowContext(ctx, `SELECT tableoid::regclass::text FROM price_changes WHERE id = $1`, id).Scan(&table); err != nil {
			t.Fatalf("price change %d after the migration: %v", id, err)
		}
		return table
	}
	for id, want := range map[int64]string{10: "price_changes_default", 20: pricePartitionName(monthStart(lastMonth)), 30: pricePartitionName(monthStart(now))} {
		if got := where(id); got != want {
			t.Errorf("price change %d is in %s; want %s", id, got, want)
		}
	}
	parts, err := db.PricePartitions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) == 0 || !parts[len(parts)-1].From.Equal(monthStart(now).AddDate(0, PricePartitionsAhead, 0)) {
		t.Errorf("partitions %v; want the last to start %d months after this one", parts, PricePartitionsAhead)
	}
	var id int64
	if err := db.sql.QueryRowContext(ctx, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
		VALUES (1, $1, 4000, 10000, 'in_stock') RETURNING id`, unixMS(now.Add(time.Minute))).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if id <= 30 {
		t.Errorf("a new price change got id %d; want one after the migrated 30", id)
	}
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
		VALUES (99, $1, 4000, 10000, 'in_stock')`, unixMS(now)); err == nil {
		t.Error("a price change of a missing offer was accepted: the foreign key is gone")
	}
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM offers WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM price_changes`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d price changes (%v) outlived their offer; want them deleted with it", left, err)
	}
}

// postgresTestURL creates a database of the test's own on TAGDROP_TEST_POSTGRES (as
// storetest.PostgresURL does; that package imports this one, so tests inside it cannot use it)
// and drops it at the end; without the variable the test is skipped.
func postgresTestURL(t *testing.T) string {
	t.Helper()
	server := os.Getenv("TAGDROP_TEST_POSTGRES")
	if server == "" {
		t.Skip("PostgreSQL tests skipped: set TAGDROP_TEST_POSTGRES to a server URL")
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var buf [6]byte
	_, _ = rand.Read(buf[:])
	name := "tagdrop_test_" + hex.EncodeToString(buf[:])
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", server)
		if err != nil {
			return
		}
		defer a.Close()
		_, _ = a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
