package store

import (
	"context"
	"database/sql"
	"fmt"
)

// mergeLoves prepares the loves of product from for its merge into product into. A love of
// from whose shopper already loves into in the same size and colour is not moved (the unique
// key forbids two) and goes with from; before it does, into's love takes what it would lose:
// its alerts (the sent history that keeps a shopper from being told the same change twice, and
// alerts not yet delivered), the tracked pages that point at it, and the target price and
// purchase (price protection) into's love lacks. The other loves move with mergeProduct.
func mergeLoves(ctx context.Context, tx *sql.Tx, from, into int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, k.id FROM loves d JOIN loves k ON k.user_id = d.user_id
		AND k.product_id = $1 AND k.size = d.size AND k.color = d.color WHERE d.product_id = $2 ORDER BY d.id`, into, from)
	if err != nil {
		return fmt.Errorf("loves loved twice: %w", err)
	}
	type pair struct{ dup, kept int64 }
	var pairs []pair
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.dup, &p.kept); err != nil {
			rows.Close()
			return fmt.Errorf("loves loved twice: %w", err)
		}
		pairs = append(pairs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("loves loved twice: %w", err)
	}
	steps := []struct{ what, query string }{
		{"fields", `UPDATE loves SET
			target_price = COALESCE(loves.target_price, d.target_price),
			offer_id = COALESCE(loves.offer_id, d.offer_id),
			bought_price = CASE WHEN loves.bought_at IS NULL THEN d.bought_price ELSE loves.bought_price END,
			protect_days = CASE WHEN loves.bought_at IS NULL THEN d.protect_days ELSE loves.protect_days END,
			bought_at = COALESCE(loves.bought_at, d.bought_at)
			FROM loves d WHERE loves.id = $1 AND d.id = $2`},
		{"alerts", `UPDATE love_alerts SET love_id = $1 WHERE love_id = $2 AND NOT EXISTS (
			SELECT 1 FROM love_alerts a WHERE a.love_id = $1 AND a.kind = love_alerts.kind AND a.basis_at = love_alerts.basis_at)`},
		{"tracked pages", `UPDATE tracked_pages SET love_id = $1 WHERE love_id = $2`},
	}
	for _, p := range pairs {
		for _, s := range steps {
			if _, err := tx.ExecContext(ctx, s.query, p.kept, p.dup); err != nil {
				return fmt.Errorf("love %d into love %d: %s: %w", p.dup, p.kept, s.what, err)
			}
		}
	}
	return nil
}

// fillProductFields gives product into's empty descriptive fields (brand, category, description,
// colour, material, gender, image, GTIN, MPN) the values of product from, which is about to be
// merged into it: imports skip unchanged records, so nothing else would fill them. Only a
// product whose source is a listed retailer (or that has no source) gives: a shopper's pasted
// page writes no field of a catalogue product (internal/ingest/productfields.go).
func fillProductFields(ctx context.Context, tx *sql.Tx, from, into int64) error {
	fill := func(col string) string {
		return col + ` = CASE WHEN products.` + col + ` = '' THEN f.` + col + ` ELSE products.` + col + ` END`
	}
	q := `UPDATE products SET brand_id = COALESCE(products.brand_id, f.brand_id),
		category_id = COALESCE(products.category_id, f.category_id), ` +
		fill("description") + `, ` + fill("color") + `, ` + fill("color_family") + `, ` + fill("material") + `, ` +
		fill("gender") + `, ` + fill("image_url") + `, ` + fill("gtin") + `, ` + fill("mpn") + `
		FROM products f LEFT JOIN retailers r ON r.id = f.source_retailer_id
		WHERE products.id = $1 AND f.id = $2 AND (f.source_retailer_id IS NULL OR r.listed = 1)`
	if _, err := tx.ExecContext(ctx, q, into, from); err != nil {
		return fmt.Errorf("fill empty fields: %w", err)
	}
	return nil
}
