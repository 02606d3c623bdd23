package bench

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The store phases of the match benchmark use the real schema (store.Open migrates) and plain
// SQL of their own: the fixture (catalogue rows, shoppers, their preferences and the previous
// run's sent-history) is written untimed; then two timed phases do the run's database work in
// keyset batches, as a run does: loading every shopper's preferences and sent-history (five
// queries per batch of matchLoadBatch shoppers), and writing the outbox (digests, digest items
// with their reasons, and the sent-history the digests add) in one transaction per batch.

const (
	matchLoadBatch  = 5000
	matchWriteBatch = 1000
)

func runMatchStore(ctx context.Context, cfg MatchConfig, kind string, products []index.Product, brands []string,
	m *alerts.Matcher, shoppers []matchShopper, logf func(string, ...any)) (StoreFigures, error) {
	var url string
	maxArgs := 4000
	switch kind {
	case SQLite:
		maxArgs = 200
		dir := cfg.Dir
		if dir == "" {
			d, err := os.MkdirTemp("", "tagdrop-bench-match-")
			if err != nil {
				return StoreFigures{}, err
			}
			defer os.RemoveAll(d)
			dir = d
		}
		path := filepath.Join(dir, "match.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		url = "sqlite:" + path
	case Postgres:
		srv, err := openServer(ctx, cfg.PostgresURL)
		if err != nil {
			return StoreFigures{}, err
		}
		defer srv.close(ctx)
		if url, err = srv.create(ctx, "match_store"); err != nil {
			return StoreFigures{}, err
		}
	}
	db, err := store.Open(ctx, url)
	if err != nil {
		return StoreFigures{}, err
	}
	defer db.Close()
	t0 := time.Now()
	if err := writeMatchFixture(ctx, db.SQL(), maxArgs, products, brands, m, shoppers); err != nil {
		return StoreFigures{}, fmt.Errorf("fixture: %w", err)
	}
	logf("%s: fixture of %d shoppers written in %s", kind, len(shoppers), time.Since(t0).Round(time.Millisecond))

	f := StoreFigures{Shoppers: len(shoppers)}
	t0 = time.Now()
	loaded, err := loadMatchShoppers(ctx, db.SQL())
	if err != nil {
		return f, fmt.Errorf("load: %w", err)
	}
	f.LoadSeconds = time.Since(t0).Seconds()
	if len(loaded) != len(shoppers) {
		return f, fmt.Errorf("load: %d shoppers read back, %d written", len(loaded), len(shoppers))
	}
	for i, s := range shoppers { // what the store gives back must be what was written
		got := loaded[i]
		if got.req.Prefs.UserID != s.id || len(got.req.Prefs.Brands) != len(s.req.Prefs.Brands) ||
			len(got.req.Prefs.Sizes) != len(s.req.Prefs.Sizes) || len(got.sent) != len(s.sent) || got.req.Prefs.MaxPrice != s.req.Prefs.MaxPrice {
			return f, fmt.Errorf("load: shopper %d read back differs: %+v, wrote %+v", s.id, got.req.Prefs, s.req.Prefs)
		}
	}
	f.LoadShoppersPerS = float64(len(loaded)) / f.LoadSeconds

	t0 = time.Now()
	digests, items, err := writeMatchOutbox(ctx, db.SQL(), maxArgs, m, loaded, shoppers)
	if err != nil {
		return f, fmt.Errorf("outbox: %w", err)
	}
	f.WriteSeconds = time.Since(t0).Seconds()
	f.Digests, f.Items = digests, items
	f.WriteItemsPerS = float64(items) / f.WriteSeconds
	f.WriteShoppersPerS = float64(len(shoppers)) / f.WriteSeconds
	logf("%s: loaded %d shoppers in %.2f s (%.0f/s); wrote %d digests, %d items in %.2f s (%.0f items/s)",
		kind, len(loaded), f.LoadSeconds, f.LoadShoppersPerS, digests, items, f.WriteSeconds, f.WriteItemsPerS)
	return f, nil
}

// insertRows writes rows of len(cols) values with multi-row INSERTs of at most maxArgs
// arguments: SQLite's binding looks parameters up by name one at a time, so it wants small
// statements, PostgreSQL large ones.
func insertRows(ctx context.Context, tx *sql.Tx, maxArgs int, table string, cols []string, rows [][]any, suffix string) error {
	per := max(1, maxArgs/len(cols))
	for lo := 0; lo < len(rows); lo += per {
		part := rows[lo:min(lo+per, len(rows))]
		var b strings.Builder
		fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES ", table, strings.Join(cols, ", "))
		args := make([]any, 0, len(part)*len(cols))
		for i, r := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j := range cols {
				if j > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "$%d", len(args)+1)
				args = append(args, r[j])
			}
			b.WriteByte(')')
		}
		b.WriteString(suffix)
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

// writeMatchFixture writes what the run reads and references: brands, categories, one
// retailer per shop, the products and offers the shoppers' sent-history and digests name,
// the shoppers and their preferences, and the previous run's sent items.
func writeMatchFixture(ctx context.Context, db *sql.DB, maxArgs int, products []index.Product, brands []string, m *alerts.Matcher, shoppers []matchShopper) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := matchNow.UnixMilli()
	ids, err := writeSeedReferences(ctx, tx, maxArgs, brands, now)
	if err != nil {
		return err
	}
	// The offers referenced, and their products.
	need := map[int64]bool{}
	for _, s := range shoppers {
		for _, it := range s.sent {
			need[it.OfferID] = true
		}
		for _, p := range s.picks {
			need[m.OfferID(p)] = true
		}
	}
	var prows, orows [][]any
	for _, p := range products {
		wanted := false
		for _, o := range p.Offers {
			if need[o.ID] {
				wanted = true
				orows = append(orows, []any{o.ID, ids.retailer[o.Retailer], p.ID, fmt.Sprint("item-", o.ID), o.Size, o.SizeSystem,
					o.Currency, o.Price, o.RegularPrice, string(o.Availability), now, now, now})
			}
		}
		if wanted {
			prows = append(prows, []any{p.ID, fmt.Sprint("bench-", p.ID), ids.brand[p.Brand], p.Categories[len(p.Categories)-1].ID, p.Title, now, now})
		}
	}
	if err := insertRows(ctx, tx, maxArgs, "products", []string{"id", "product_key", "brand_id", "category_id", "title", "created_at", "updated_at"}, prows, ""); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, maxArgs, "offers", []string{"id", "retailer_id", "product_id", "item_id", "size", "size_system", "currency",
		"price", "regular_price", "availability", "first_seen_at", "last_seen_at", "updated_at"}, orows, ""); err != nil {
		return err
	}
	shopperEmail := func(id int64) string { return fmt.Sprintf("shopper%07d@gen.tagdrop.test", id) }
	if err := insertTables(ctx, tx, maxArgs, shopperTables(shoppers, ids, shopperEmail, now, now-86_400_000)); err != nil {
		return err
	}
	return tx.Commit()
}

// loadMatchShoppers reads every shopper's preferences and sent-history in keyset batches of
// user ids.
func loadMatchShoppers(ctx context.Context, db *sql.DB) ([]matchShopper, error) {
	var out []matchShopper
	after := int64(0)
	for {
		rows, err := db.QueryContext(ctx, `SELECT user_id, currency, max_price, min_discount_pct, hide_questionable, frequency, digest_hour, time_zone
			FROM preferences WHERE user_id > $1 ORDER BY user_id LIMIT $2`, after, matchLoadBatch)
		if err != nil {
			return nil, err
		}
		var batch []matchShopper
		at := map[int64]int{}
		for rows.Next() {
			var p account.Preferences
			var maxPrice sql.NullInt64
			var hide int64
			var freq string
			if err := rows.Scan(&p.UserID, &p.Currency, &maxPrice, &p.MinDiscountPct, &hide, &freq, &p.DigestHour, &p.TimeZone); err != nil {
				rows.Close()
				return nil, err
			}
			p.MaxPrice, p.HideQuestionable, p.Frequency = maxPrice.Int64, hide != 0, account.Frequency(freq)
			at[p.UserID] = len(batch)
			batch = append(batch, matchShopper{id: p.UserID, req: alerts.Request{Prefs: p}})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(batch) == 0 {
			return out, nil
		}
		lo, hi := batch[0].id, batch[len(batch)-1].id
		each := func(query string, scan func(user int64, rows *sql.Rows) error) error {
			rows, err := db.QueryContext(ctx, query, lo, hi)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var user int64
				if err := scan(user, rows); err != nil {
					return err
				}
			}
			return rows.Err()
		}
		err = each(`SELECT pb.user_id, b.name FROM preference_brands pb JOIN brands b ON b.id = pb.brand_id WHERE pb.user_id BETWEEN $1 AND $2`,
			func(user int64, rows *sql.Rows) error {
				var name string
				if err := rows.Scan(&user, &name); err != nil {
					return err
				}
				s := &batch[at[user]]
				s.req.Prefs.Brands = append(s.req.Prefs.Brands, name)
				return nil
			})
		if err == nil {
			err = each(`SELECT user_id, kind, system, value FROM preference_sizes WHERE user_id BETWEEN $1 AND $2`,
				func(user int64, rows *sql.Rows) error {
					var z account.SizePref
					if err := rows.Scan(&user, &z.Kind, &z.System, &z.Value); err != nil {
						return err
					}
					s := &batch[at[user]]
					s.req.Prefs.Sizes = append(s.req.Prefs.Sizes, z)
					return nil
				})
		}
		if err == nil {
			err = each(`SELECT pc.user_id, c.path FROM preference_categories pc JOIN categories c ON c.id = pc.category_id WHERE pc.user_id BETWEEN $1 AND $2`,
				func(user int64, rows *sql.Rows) error {
					var path string
					if err := rows.Scan(&user, &path); err != nil {
						return err
					}
					s := &batch[at[user]]
					s.req.Prefs.Categories = append(s.req.Prefs.Categories, path)
					return nil
				})
		}
		if err == nil {
			err = each(`SELECT user_id, offer_id, price FROM sent_items WHERE user_id BETWEEN $1 AND $2`,
				func(user int64, rows *sql.Rows) error {
					var it alerts.SentItem
					if err := rows.Scan(&user, &it.OfferID, &it.Price); err != nil {
						return err
					}
					s := &batch[at[user]]
					s.sent = append(s.sent, it)
					return nil
				})
		}
		if err != nil {
			return nil, err
		}
		for i := range batch {
			slices.SortFunc(batch[i].sent, func(a, b alerts.SentItem) int { return int(a.OfferID - b.OfferID) })
			batch[i].req.Sent = batch[i].sent
		}
		out = append(out, batch...)
		after = hi
	}
}

// writeMatchOutbox stores each shopper's digest (one row, then its items with their reasons)
// and adds the items to the sent-history, one transaction per batch of shoppers. picks come
// from computed (the run's digests), by the same order as loaded.
func writeMatchOutbox(ctx context.Context, db *sql.DB, maxArgs int, m *alerts.Matcher, loaded, computed []matchShopper) (digests, items int, err error) {
	now := matchNow.UnixMilli()
	for lo := 0; lo < len(loaded); lo += matchWriteBatch {
		part := loaded[lo:min(lo+matchWriteBatch, len(loaded))]
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return digests, items, err
		}
		var drows [][]any
		for i, s := range part {
			if len(computed[lo+i].picks) > 0 {
				drows = append(drows, []any{s.id, "2026-03-02", "pending", now})
			}
		}
		ids := map[int64]int64{}
		for c := 0; c < len(drows); c += maxArgs / 4 {
			chunk := drows[c:min(c+maxArgs/4, len(drows))]
			var b strings.Builder
			b.WriteString("INSERT INTO digests (user_id, period_key, status, created_at) VALUES ")
			var args []any
			for i, r := range chunk {
				if i > 0 {
					b.WriteString(", ")
				}
				n := len(args)
				fmt.Fprintf(&b, "($%d, $%d, $%d, $%d)", n+1, n+2, n+3, n+4)
				args = append(args, r...)
			}
			b.WriteString(" RETURNING id, user_id")
			rows, err := tx.QueryContext(ctx, b.String(), args...)
			if err != nil {
				tx.Rollback()
				return digests, items, err
			}
			for rows.Next() {
				var id, user int64
				if err := rows.Scan(&id, &user); err != nil {
					rows.Close()
					tx.Rollback()
					return digests, items, err
				}
				ids[user] = id
			}
			rows.Close()
		}
		var irows, srows [][]any
		for i, s := range part {
			for pos, p := range computed[lo+i].picks {
				it := m.Item(s.req.Prefs, p)
				irows = append(irows, []any{ids[s.id], pos + 1, it.OfferID, it.Price, it.RegularPrice, it.Currency, it.Reason})
				srows = append(srows, []any{s.id, it.OfferID, it.Price, now})
			}
		}
		if err := insertRows(ctx, tx, maxArgs, "digest_items", []string{"digest_id", "position", "offer_id", "price", "regular_price", "currency", "reason"}, irows, ""); err != nil {
			tx.Rollback()
			return digests, items, err
		}
		if err := insertRows(ctx, tx, maxArgs, "sent_items", []string{"user_id", "offer_id", "price", "sent_at"}, srows,
			" ON CONFLICT (user_id, offer_id) DO UPDATE SET price = excluded.price, sent_at = excluded.sent_at"); err != nil {
			tx.Rollback()
			return digests, items, err
		}
		if err := tx.Commit(); err != nil {
			return digests, items, err
		}
		digests += len(drows)
		items += len(irows)
	}
	return digests, items, nil
}
