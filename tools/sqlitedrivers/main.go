// Command sqlitedrivers compares the two pure-Go SQLite drivers DESIGN.md names,
// modernc.org/sqlite (tagdrop's) and github.com/ncruces/go-sqlite3, on the work tagdrop gives
// SQLite: an import's batched inserts into an offers-like table with two secondary indexes and a
// price-change table, then the web's point look-ups by key and short range scans. Each round runs
// both drivers on fresh files, alternating, so a noisy machine hits both alike; it prints each
// round's times and the ratio modernc/ncruces (above 1: ncruces is faster).
//
// It is a module of its own so that tagdrop's go.mod does not carry the second driver:
//
//	cd tools/sqlitedrivers && go run . -rows 300000 -rounds 3
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	_ "github.com/ncruces/go-sqlite3/driver"
	_ "modernc.org/sqlite"
)

// schema is an import's hot tables, cut down: an offer per retailer item, its product and a
// change log of prices.
var schema = []string{
	`PRAGMA journal_mode = WAL`,
	`PRAGMA synchronous = NORMAL`,
	`PRAGMA cache_size = -131072`,
	`CREATE TABLE offers (id INTEGER PRIMARY KEY, retailer_id INTEGER NOT NULL, item_id TEXT NOT NULL,
		product_id INTEGER NOT NULL, url TEXT NOT NULL, size TEXT NOT NULL, color TEXT NOT NULL, currency TEXT NOT NULL,
		price INTEGER NOT NULL, regular_price INTEGER NOT NULL, availability TEXT NOT NULL, first_seen_at INTEGER NOT NULL,
		last_seen_at INTEGER NOT NULL, feed_hash INTEGER, UNIQUE (retailer_id, item_id))`,
	`CREATE INDEX offers_product_retailer ON offers(product_id, retailer_id)`,
	`CREATE TABLE price_changes (id INTEGER PRIMARY KEY, offer_id INTEGER NOT NULL, changed_at INTEGER NOT NULL,
		price INTEGER NOT NULL, regular_price INTEGER NOT NULL, availability TEXT NOT NULL)`,
	`CREATE INDEX price_changes_offer ON price_changes(offer_id, changed_at)`,
}

const batch = 2000

// itemID spreads keys over the index as a real feed's ids do (not in key order).
func itemID(i, n int) string { return fmt.Sprintf("SKU-%09d", (i*7919)%n) }

// load inserts n offers and their first price rows in transactions of batch items.
func load(ctx context.Context, conn *sql.Conn, n int) error {
	for i := 0; i < n; i += batch {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO offers (retailer_id, item_id, product_id, url, size, color, currency,
			price, regular_price, availability, first_seen_at, last_seen_at, feed_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		pc, err := tx.PrepareContext(ctx, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES (?,?,?,?,?)`)
		if err != nil {
			return err
		}
		for j := i; j < min(i+batch, n); j++ {
			res, err := ins.ExecContext(ctx, 1+j%7, itemID(j, n), 1+j/3, "https://shop.example/p/"+itemID(j, n), "M", "black", "EUR",
				99900+j%1000, 129900, "in_stock", 1767225600000, 1767225600000, int64(j)*2654435761)
			if err != nil {
				return err
			}
			id, err := res.LastInsertId()
			if err != nil {
				return err
			}
			if _, err := pc.ExecContext(ctx, id, 1767225600000, 99900+j%1000, 129900, "in_stock"); err != nil {
				return err
			}
		}
		ins.Close()
		pc.Close()
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// read does what product and search pages do: look offers up by retailer item and list a
// product's offers with their latest price.
func read(ctx context.Context, db *sql.DB, n, lookups int) error {
	byKey, err := db.PrepareContext(ctx, `SELECT id, price, availability FROM offers WHERE retailer_id = ? AND item_id = ?`)
	if err != nil {
		return err
	}
	defer byKey.Close()
	byProduct, err := db.PrepareContext(ctx, `SELECT o.id, o.price, p.changed_at FROM offers o
		JOIN price_changes p ON p.offer_id = o.id WHERE o.product_id = ? ORDER BY o.price`)
	if err != nil {
		return err
	}
	defer byProduct.Close()
	for i := 0; i < lookups; i++ {
		j := (i * 104729) % n
		var id, price int64
		var avail string
		if err := byKey.QueryRowContext(ctx, 1+j%7, itemID(j, n)).Scan(&id, &price, &avail); err != nil {
			return fmt.Errorf("look-up %d: %w", j, err)
		}
		rows, err := byProduct.QueryContext(ctx, 1+j/3)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a, b, c int64
			if err := rows.Scan(&a, &b, &c); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}

// run times one driver on a fresh file: the load, then the reads.
func run(ctx context.Context, driver, path string, n, lookups int) (loadTime, readTime time.Duration, err error) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	db, err := sql.Open(driver, "file:"+path)
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, q := range schema {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.Close()
			return 0, 0, fmt.Errorf("%s: %w", q, err)
		}
	}
	start := time.Now()
	if err := load(ctx, conn, n); err != nil {
		conn.Close()
		return 0, 0, err
	}
	loadTime = time.Since(start)
	conn.Close()
	start = time.Now()
	if err := read(ctx, db, n, lookups); err != nil {
		return 0, 0, err
	}
	return loadTime, time.Since(start), nil
}

func main() {
	rows := flag.Int("rows", 300000, "offers to insert")
	lookups := flag.Int("lookups", 100000, "look-ups (each a key look-up and a product's offers) after the load")
	rounds := flag.Int("rounds", 3, "rounds, each running both drivers")
	dir := flag.String("dir", os.TempDir(), "directory for the database files")
	flag.Parse()
	ctx := context.Background()
	for r := 1; r <= *rounds; r++ {
		ml, mr, err := run(ctx, "sqlite", filepath.Join(*dir, "drivers-modernc.db"), *rows, *lookups)
		if err != nil {
			log.Fatalf("modernc: %v", err)
		}
		nl, nr, err := run(ctx, "sqlite3", filepath.Join(*dir, "drivers-ncruces.db"), *rows, *lookups)
		if err != nil {
			log.Fatalf("ncruces: %v", err)
		}
		fmt.Printf("round %d: load modernc %.2fs ncruces %.2fs ratio %.2f; reads modernc %.2fs ncruces %.2fs ratio %.2f\n",
			r, ml.Seconds(), nl.Seconds(), ml.Seconds()/nl.Seconds(), mr.Seconds(), nr.Seconds(), mr.Seconds()/nr.Seconds())
	}
}
