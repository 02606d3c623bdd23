package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// OfferByItem finds a retailer's offer by the feed's item id.
func (db *DB) OfferByItem(ctx context.Context, retailerSlug, itemID string) (StoredOffer, error) {
	o, err := scanOffer(db.sql.QueryRowContext(ctx, `SELECT `+offerColumns("o")+` FROM offers o
		JOIN retailers r ON r.id = o.retailer_id WHERE r.slug = $1 AND o.item_id = $2`, retailerSlug, itemID))
	if err != nil {
		return StoredOffer{}, fmt.Errorf("offer %s/%s: %w", retailerSlug, itemID, notFound(err))
	}
	o.Retailer = retailerSlug
	return o, nil
}

// PriceHistory returns an offer's price changes, oldest first.
func (db *DB) PriceHistory(ctx context.Context, offerID int64) ([]PriceChangeRow, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT offer_id, changed_at, price, regular_price, availability, feed_run_id
		FROM price_changes WHERE offer_id = $1 ORDER BY changed_at, id`, offerID)
	if err != nil {
		return nil, fmt.Errorf("price history of offer %d: %w", offerID, err)
	}
	defer rows.Close()
	var out []PriceChangeRow
	for rows.Next() {
		var p PriceChangeRow
		var at int64
		var avail string
		var run sql.NullInt64
		if err := rows.Scan(&p.OfferID, &at, &p.Price, &p.RegularPrice, &avail, &run); err != nil {
			return nil, err
		}
		p.At, p.Availability, p.FeedRunID = fromMS(at), catalog.Availability(avail), run.Int64
		out = append(out, p)
	}
	return out, rows.Err()
}

// SaleEvents returns an offer's sale events, oldest first.
func (db *DB) SaleEvents(ctx context.Context, offerID int64) ([]SaleEvent, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT offer_id, kind, at, price, regular_price, discount_pct, questionable
		FROM sale_events WHERE offer_id = $1 ORDER BY at, id`, offerID)
	if err != nil {
		return nil, fmt.Errorf("sale events of offer %d: %w", offerID, err)
	}
	defer rows.Close()
	var out []SaleEvent
	for rows.Next() {
		var e SaleEvent
		var at, q int64
		if err := rows.Scan(&e.OfferID, &e.Kind, &at, &e.Price, &e.RegularPrice, &e.DiscountPct, &q); err != nil {
			return nil, err
		}
		e.At, e.Questionable = fromMS(at), q != 0
		out = append(out, e)
	}
	return out, rows.Err()
}

// ProductRecord reads a product row with its brand's name and its category's path.
func (db *DB) ProductRecord(ctx context.Context, id int64) (catalog.Product, error) {
	var p catalog.Product
	var brandID, categoryID sql.NullInt64
	var brand, category sql.NullString
	var created int64
	err := db.sql.QueryRowContext(ctx, `SELECT p.id, p.product_key, p.brand_id, b.name, p.category_id, c.path, p.title, p.description,
		p.color, p.color_family, p.material, p.gender, p.image_url, p.gtin, p.mpn, p.created_at
		FROM products p LEFT JOIN brands b ON b.id = p.brand_id LEFT JOIN categories c ON c.id = p.category_id
		WHERE p.id = $1`, id).Scan(&p.ID, &p.Key, &brandID, &brand, &categoryID, &category, &p.Title, &p.Description,
		&p.Color, &p.ColorFamily, &p.Material, &p.Gender, &p.ImageURL, &p.GTIN, &p.MPN, &created)
	if err != nil {
		return catalog.Product{}, fmt.Errorf("product %d: %w", id, notFound(err))
	}
	p.BrandID, p.Brand, p.CategoryID, p.Category = brandID.Int64, brand.String, categoryID.Int64, category.String
	p.CreatedAt = fromMS(created)
	return p, nil
}

// countable lists the tables CountRows may name (the name is spliced into SQL).
var countable = map[string]bool{
	"retailers": true, "feed_runs": true, "brands": true, "categories": true, "products": true,
	"product_keys": true, "offers": true, "price_changes": true, "sale_events": true, "changes": true,
	"users": true, "sessions": true, "messages": true, "collections": true,
}

// CountRows counts a catalogue table's rows (tests and diagnostics).
func (db *DB) CountRows(ctx context.Context, table string) (int, error) {
	if !countable[table] {
		return 0, fmt.Errorf("count rows: table %q is not countable", table)
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		return 0, fmt.Errorf("count %s: %w", table, err)
	}
	return n, nil
}

// prefixed qualifies a comma-separated column list with a table alias.
func prefixed(alias, cols string) string {
	var out []byte
	start := true
	for i := 0; i < len(cols); i++ {
		ch := cols[i]
		if start && ch != ' ' && ch != '\n' && ch != '\t' {
			out = append(out, alias...)
			start = false
		}
		if ch == ',' {
			start = true
		}
		out = append(out, ch)
	}
	return string(out)
}
