package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
)

// TestTrackedRetailersMigration: 00012 unlists the retailers that only ever received tracked
// pages, naming them by host, and leaves feed retailers (and operator page imports) listed.
func TestTrackedRetailersMigration(t *testing.T) {
	ctx := context.Background()
	loc, err := ParseLocation("sqlite:" + filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := openSQLite(ctx, loc) // not migrated: the test stops at 00011 itself
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sub, err := fs.Sub(migrations, "migrations/sqlite")
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.providerFor(sub)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 11); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO users (id, email, role, password_hash, created_at, updated_at) VALUES (1, 'ada@example.com', 'shopper', '', 1, 1)`,
		`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'p1', 'Coat', 1, 1)`,
		`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'shop-example', 'shop.example', 1), (2, 'feedshop', 'Feedshop', 1),
			(3, 'mixed-example', 'mixed.example', 1), (4, 'operator-example', 'operator.example', 1)`,
		`INSERT INTO tracked_pages (user_id, url, product_id, created_at, checked_at, next_check_at) VALUES
			(1, 'https://shop.example/coat', 1, 1, 1, 1), (1, 'https://mixed.example/coat', 1, 1, 1, 1)`,
		`INSERT INTO feed_runs (retailer_id, source, format, observed_at, started_at) VALUES
			(1, 'https://shop.example/coat', 'html', 1, 1), (2, 'https://feedshop.example/feed.xml', 'gmc-xml', 1, 1),
			(3, 'https://mixed.example/coat', 'html', 1, 1), (3, 'https://mixed.example/feed.csv', 'csv', 1, 1),
			(4, 'https://operator.example/page', 'html', 1, 1)`,
	} {
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	want := map[int64]struct {
		listed int
		host   string
	}{1: {0, "shop.example"}, 2: {1, ""}, 3: {1, ""}, 4: {1, ""}}
	for id, w := range want {
		var listed int
		var host string
		if err := db.sql.QueryRowContext(ctx, `SELECT listed, tracked_host FROM retailers WHERE id = $1`, id).Scan(&listed, &host); err != nil {
			t.Fatal(err)
		}
		if listed != w.listed || host != w.host {
			t.Errorf("retailer %d: listed %d, host %q; want %d, %q", id, listed, host, w.listed, w.host)
		}
	}
}
