package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// The admin dashboard's catalogue chart reads one row a day from catalogue_snapshots rather
// than recounting the catalogue's history per request. A day's row is the catalogue at the end
// of that UTC day; today's is the catalogue when the row was taken, and the snapshot job
// (internal/jobs/snapshot.go) replaces it through the day and once more after midnight.

// dayMS is one day in the stored Unix milliseconds.
const dayMS = int64(24 * time.Hour / time.Millisecond)

// dayMSText is dayMS written into statements that group by day (at / 86400000): a literal, so
// the SELECT and GROUP BY expressions are the same text on PostgreSQL.
const dayMSText = "86400000"

// CatalogueSnapshot is the catalogue of listed shops at the end of one UTC day.
type CatalogueSnapshot struct {
	// Day is the UTC midnight the row is for.
	Day time.Time
	// Products counts products with at least one live offer; Offers the live offers; OnSale
	// those in stock at a price below their regular price (catalog.Offer.OnSale).
	Products, Offers, OnSale int64
	// TakenAt is when the row was computed; a row taken before its day ended is provisional.
	TakenAt time.Time
}

// SaleShare is the share of live offers on sale, 0 to 1.
func (s CatalogueSnapshot) SaleShare() float64 {
	if s.Offers == 0 {
		return 0
	}
	return float64(s.OnSale) / float64(s.Offers)
}

// DayOf is the UTC midnight starting t's day.
func DayOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// TakeSnapshot counts the catalogue as it stood at the end of day (or now, for today) and
// stores it as that day's row, replacing an earlier one. Past days are counted from the price
// history (each live offer's last price change by then), today from the offers' current state,
// which is the same thing read faster. A day in the future is refused.
func (db *DB) TakeSnapshot(ctx context.Context, day time.Time) (CatalogueSnapshot, error) {
	day = DayOf(day)
	now := db.now()
	end := day.Add(24*time.Hour - time.Millisecond)
	if day.After(now) {
		return CatalogueSnapshot{}, fmt.Errorf("catalogue snapshot of %s: the day has not begun", day.Format(time.DateOnly))
	}
	s := CatalogueSnapshot{Day: day, TakenAt: now}
	var err error
	if !end.Before(now) {
		err = db.sql.QueryRowContext(ctx, `SELECT COUNT(DISTINCT o.product_id), COUNT(*),
			COALESCE(SUM(CASE WHEN o.price > 0 AND o.regular_price > o.price AND o.availability <> $1 THEN 1 ELSE 0 END), 0)
			FROM offers o JOIN retailers r ON r.id = o.retailer_id
			WHERE o.gone_at IS NULL AND r.listed = 1`, string(catalog.OutOfStock)).Scan(&s.Products, &s.Offers, &s.OnSale)
	} else {
		// The price change in force at the end of the day: the newest at or before it.
		err = db.sql.QueryRowContext(ctx, `SELECT COUNT(DISTINCT o.product_id), COUNT(*),
			COALESCE(SUM(CASE WHEN pc.price > 0 AND pc.regular_price > pc.price AND pc.availability <> $1 THEN 1 ELSE 0 END), 0)
			FROM offers o JOIN retailers r ON r.id = o.retailer_id
			LEFT JOIN price_changes pc ON pc.id = (SELECT p2.id FROM price_changes p2
				WHERE p2.offer_id = o.id AND p2.changed_at <= $2 ORDER BY p2.changed_at DESC, p2.id DESC LIMIT 1)
			WHERE r.listed = 1 AND o.first_seen_at <= $2 AND (o.gone_at IS NULL OR o.gone_at > $2)`,
			string(catalog.OutOfStock), unixMS(end)).Scan(&s.Products, &s.Offers, &s.OnSale)
	}
	if err != nil {
		return CatalogueSnapshot{}, fmt.Errorf("catalogue snapshot of %s: %w", day.Format(time.DateOnly), err)
	}
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO catalogue_snapshots (day, products, offers, offers_on_sale, taken_at)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (day) DO UPDATE SET products = excluded.products, offers = excluded.offers,
		offers_on_sale = excluded.offers_on_sale, taken_at = excluded.taken_at`,
		unixMS(day), s.Products, s.Offers, s.OnSale, unixMS(now)); err != nil {
		return CatalogueSnapshot{}, fmt.Errorf("store catalogue snapshot of %s: %w", day.Format(time.DateOnly), err)
	}
	return s, nil
}

// CatalogueSnapshots returns the stored days in [from, to), oldest first.
func (db *DB) CatalogueSnapshots(ctx context.Context, from, to time.Time) ([]CatalogueSnapshot, error) {
	var out []CatalogueSnapshot
	err := eachRow(ctx, db.sql, `SELECT day, products, offers, offers_on_sale, taken_at FROM catalogue_snapshots
		WHERE day >= $1 AND day < $2 ORDER BY day`, []any{unixMS(from), unixMS(to)}, func(rows *sql.Rows) error {
		var s CatalogueSnapshot
		var day, taken int64
		if err := rows.Scan(&day, &s.Products, &s.Offers, &s.OnSale, &taken); err != nil {
			return err
		}
		s.Day, s.TakenAt = fromMS(day), fromMS(taken)
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("catalogue snapshots: %w", err)
	}
	return out, nil
}

// FirstOfferSeen is when the oldest offer was first seen: where a backfill of snapshots can
// begin. ok is false for an empty catalogue.
func (db *DB) FirstOfferSeen(ctx context.Context) (t time.Time, ok bool, err error) {
	var ms sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MIN(first_seen_at) FROM offers`).Scan(&ms); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, fmt.Errorf("first offer seen: %w", err)
	}
	if !ms.Valid {
		return time.Time{}, false, nil
	}
	return fromMS(ms.Int64), true, nil
}
