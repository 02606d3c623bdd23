package bench

import (
	"context"
	"database/sql"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// The rows both seeders (the match benchmark's store fixture and the worker benchmark's
// fixture) write the same way: brands, categories and retailers, and the shoppers with their
// preferences and sent-history.

// tableRows is one table's rows for insertRows: the table, its columns and the values.
type tableRows struct {
	table string
	cols  []string
	rows  [][]any
}

// insertTables writes each table's rows, in order, with insertRows.
func insertTables(ctx context.Context, tx *sql.Tx, maxArgs int, tables []tableRows) error {
	for _, t := range tables {
		if err := insertRows(ctx, tx, maxArgs, t.table, t.cols, t.rows, ""); err != nil {
			return err
		}
	}
	return nil
}

// seedIDs are the ids the seeded brands, retailers and categories were written with.
type seedIDs struct {
	brand    map[string]int   // brand name → id
	retailer map[string]int   // shop name → id
	category map[string]int64 // category path ("Women > Shoes") → id
}

// writeSeedReferences writes the brands (ids from 1 in the order given), every category of
// matchCategories and one retailer per entry of matchRetailers, created at now (Unix ms), and
// returns their ids; the category ids are read back by path.
func writeSeedReferences(ctx context.Context, tx *sql.Tx, maxArgs int, brands []string, now int64) (seedIDs, error) {
	ids := seedIDs{brand: map[string]int{}, retailer: map[string]int{}, category: map[string]int64{}}
	var brandRows, catRows, retailerRows [][]any
	for i, b := range brands {
		ids.brand[b] = i + 1
		brandRows = append(brandRows, []any{i + 1, catalog.Slug(b), b, now})
	}
	seenCat := map[int64]bool{}
	for _, c := range matchCategories() {
		path := ""
		var parent any
		for _, n := range c.path {
			if path != "" {
				path += " > "
			}
			path += n.Name
			if !seenCat[n.ID] {
				seenCat[n.ID] = true
				catRows = append(catRows, []any{n.ID, parent, catalog.Slug(path), n.Name, path, c.kind})
			}
			parent = n.ID
		}
	}
	for i, r := range matchRetailers {
		ids.retailer[r.name] = i + 1
		retailerRows = append(retailerRows, []any{i + 1, catalog.Slug(r.name), r.name, r.currency, now})
	}
	err := insertTables(ctx, tx, maxArgs, []tableRows{
		{"brands", []string{"id", "slug", "name", "created_at"}, brandRows},
		{"categories", []string{"id", "parent_id", "slug", "name", "path", "size_kind"}, catRows},
		{"retailers", []string{"id", "slug", "name", "currency", "created_at"}, retailerRows},
	})
	if err != nil {
		return seedIDs{}, err
	}
	for id := range seenCat {
		var path string
		if err := tx.QueryRowContext(ctx, `SELECT path FROM categories WHERE id = $1`, id).Scan(&path); err != nil {
			return seedIDs{}, err
		}
		ids.category[path] = id
	}
	return ids, nil
}

// shopperTables builds the rows of shoppers: their users (address email(id), created at now),
// preferences, preferred brands, sizes and categories (by the ids in ids), and sent items
// (sent at sentAt). Times are Unix milliseconds.
func shopperTables(shoppers []matchShopper, ids seedIDs, email func(id int64) string, now, sentAt int64) []tableRows {
	var users, prefs, pbrands, psizes, pcats, sent [][]any
	for _, s := range shoppers {
		p := s.req.Prefs
		users = append(users, []any{s.id, email(s.id), now, now})
		var maxPrice any
		if p.MaxPrice > 0 {
			maxPrice = p.MaxPrice
		}
		hide := 0
		if p.HideQuestionable {
			hide = 1
		}
		prefs = append(prefs, []any{s.id, p.Currency, maxPrice, p.MinDiscountPct, hide, string(p.Frequency), p.DigestHour, p.TimeZone, now})
		for _, b := range p.Brands {
			pbrands = append(pbrands, []any{s.id, ids.brand[b]})
		}
		for _, z := range p.Sizes {
			psizes = append(psizes, []any{s.id, z.Kind, z.System, z.Value})
		}
		for _, c := range p.Categories {
			pcats = append(pcats, []any{s.id, ids.category[c]})
		}
		for _, it := range s.sent {
			sent = append(sent, []any{s.id, it.OfferID, it.Price, sentAt})
		}
	}
	return []tableRows{
		{"users", []string{"id", "email", "created_at", "updated_at"}, users},
		{"preferences", []string{"user_id", "currency", "max_price", "min_discount_pct", "hide_questionable", "frequency", "digest_hour", "time_zone", "updated_at"}, prefs},
		{"preference_brands", []string{"user_id", "brand_id"}, pbrands},
		{"preference_sizes", []string{"user_id", "kind", "system", "value"}, psizes},
		{"preference_categories", []string{"user_id", "category_id"}, pcats},
		{"sent_items", []string{"user_id", "offer_id", "price", "sent_at"}, sent},
	}
}
