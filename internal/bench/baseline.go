package bench

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// The baseline peer is the importer one writes first: encoding/xml decodes each item into a
// struct (DecodeElement), and each item is one INSERT … ON CONFLICT into a flat offers table,
// all in one transaction through a prepared statement. Its SQL is the peer's own, not tagdrop's,
// so it lives here rather than in the store. The psql-copy peer loads the same columns into the
// same table.

// offersTable is the peers' table, the same text on SQLite and PostgreSQL.
const offersTable = `CREATE TABLE bench_offers (
    item_id TEXT PRIMARY KEY,
    item_group_id TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    link TEXT NOT NULL,
    image_link TEXT NOT NULL,
    brand TEXT NOT NULL,
    mpn TEXT NOT NULL,
    price BIGINT NOT NULL,
    sale_price BIGINT NOT NULL,
    currency TEXT NOT NULL,
    availability TEXT NOT NULL,
    google_product_category TEXT NOT NULL,
    product_type TEXT NOT NULL,
    color TEXT NOT NULL,
    size TEXT NOT NULL,
    size_system TEXT NOT NULL,
    gender TEXT NOT NULL,
    material TEXT NOT NULL,
    updated_at BIGINT NOT NULL
)`

// offerColumns are bench_offers' columns in order.
var offerColumns = []string{"item_id", "item_group_id", "title", "description", "link", "image_link", "brand", "mpn",
	"price", "sale_price", "currency", "availability", "google_product_category", "product_type", "color", "size",
	"size_system", "gender", "material", "updated_at"}

// numericColumn marks bench_offers' BIGINT columns.
var numericColumn = map[string]bool{"price": true, "sale_price": true, "updated_at": true}

// upsertSQL is the baseline's statement: ? placeholders on SQLite, $N on PostgreSQL.
func upsertSQL(dialect store.Dialect) string {
	ph := make([]string, len(offerColumns))
	set := make([]string, 0, len(offerColumns)-1)
	for i, c := range offerColumns {
		ph[i] = "?"
		if dialect == store.Postgres {
			ph[i] = "$" + strconv.Itoa(i+1)
		}
		if i > 0 {
			set = append(set, c+" = excluded."+c)
		}
	}
	return "INSERT INTO bench_offers (" + strings.Join(offerColumns, ", ") + ") VALUES (" + strings.Join(ph, ", ") +
		") ON CONFLICT (item_id) DO UPDATE SET " + strings.Join(set, ", ")
}

// baselineItem is one feed item as the baseline decodes it (the g: elements of Merchant Center's
// namespace).
type baselineItem struct {
	ID           string `xml:"http://base.google.com/ns/1.0 id"`
	GroupID      string `xml:"http://base.google.com/ns/1.0 item_group_id"`
	Title        string `xml:"http://base.google.com/ns/1.0 title"`
	Description  string `xml:"http://base.google.com/ns/1.0 description"`
	Link         string `xml:"http://base.google.com/ns/1.0 link"`
	ImageLink    string `xml:"http://base.google.com/ns/1.0 image_link"`
	Brand        string `xml:"http://base.google.com/ns/1.0 brand"`
	MPN          string `xml:"http://base.google.com/ns/1.0 mpn"`
	Price        string `xml:"http://base.google.com/ns/1.0 price"`
	SalePrice    string `xml:"http://base.google.com/ns/1.0 sale_price"`
	Availability string `xml:"http://base.google.com/ns/1.0 availability"`
	Category     string `xml:"http://base.google.com/ns/1.0 google_product_category"`
	ProductType  string `xml:"http://base.google.com/ns/1.0 product_type"`
	Color        string `xml:"http://base.google.com/ns/1.0 color"`
	Size         string `xml:"http://base.google.com/ns/1.0 size"`
	SizeSystem   string `xml:"http://base.google.com/ns/1.0 size_system"`
	Gender       string `xml:"http://base.google.com/ns/1.0 gender"`
	Material     string `xml:"http://base.google.com/ns/1.0 material"`
}

// openPeerDB opens the database at loc (a --db value) with the driver tagdrop's store uses
// and, on SQLite, the same settings (WAL, synchronous=NORMAL), and creates the peers' table.
func openPeerDB(ctx context.Context, loc string) (*sql.DB, store.Dialect, error) {
	l, err := store.ParseLocation(loc)
	if err != nil {
		return nil, "", err
	}
	driver := "sqlite"
	if l.Dialect == store.Postgres {
		driver = "pgx"
	}
	db, err := sql.Open(driver, l.DSN)
	if err != nil {
		return nil, "", err
	}
	if _, err := db.ExecContext(ctx, offersTable); err != nil {
		db.Close()
		return nil, "", fmt.Errorf("create the peers' table in %s: %w", l.Redacted, err)
	}
	return db, l.Dialect, nil
}

func runBaseline(ctx context.Context, a phaseArgs, prog *progress) (phaseResult, error) {
	var res phaseResult
	db, dialect, err := openPeerDB(ctx, a.db)
	if err != nil {
		return res, err
	}
	defer db.Close()
	f, err := os.Open(a.feed)
	if err != nil {
		return res, err
	}
	defer f.Close()
	start := time.Now()
	n, err := baselineImport(ctx, db, dialect, f, a.observed, prog)
	res.Seconds = time.Since(start).Seconds()
	if err != nil {
		return res, err
	}
	res.Read = n
	res.Rows, err = countRows(ctx, db)
	return res, err
}

// baselineImport is the baseline peer's whole import; it returns the items it wrote.
func baselineImport(ctx context.Context, db *sql.DB, dialect store.Dialect, r io.Reader, observed time.Time, prog *progress) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, upsertSQL(dialect))
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	n := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return n, fmt.Errorf("line %d: %w", line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "item" {
			continue
		}
		var it baselineItem
		if err := dec.DecodeElement(&it, &se); err != nil {
			return n, fmt.Errorf("item %d: %w", n+1, err)
		}
		price, currency, err := parseGMCPrice(it.Price)
		if err != nil {
			return n, fmt.Errorf("item %s: price: %w", it.ID, err)
		}
		var sale int64
		if it.SalePrice != "" {
			if sale, _, err = parseGMCPrice(it.SalePrice); err != nil {
				return n, fmt.Errorf("item %s: sale price: %w", it.ID, err)
			}
		}
		if _, err := stmt.ExecContext(ctx, it.ID, it.GroupID, it.Title, it.Description, it.Link, it.ImageLink, it.Brand, it.MPN,
			price, sale, currency, it.Availability, it.Category, it.ProductType, it.Color, it.Size, it.SizeSystem,
			it.Gender, it.Material, observed.UnixMilli()); err != nil {
			return n, fmt.Errorf("item %s: %w", it.ID, err)
		}
		n++
		prog.items(n)
	}
	return n, tx.Commit()
}

// parseGMCPrice reads "1299.00 EUR" the straightforward way: a float amount and a code.
func parseGMCPrice(s string) (int64, string, error) {
	amount, currency, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return 0, "", fmt.Errorf("%q is not AMOUNT CURRENCY", s)
	}
	v, err := strconv.ParseFloat(amount, 64)
	if err != nil {
		return 0, "", fmt.Errorf("%q: %w", s, err)
	}
	return int64(math.Round(v * 100)), currency, nil
}
