package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Love is a shopper's watch on one product in a chosen size and colour, with the baseline its
// alerts were last decided on (Seen).
type Love struct {
	ID        int64
	UserID    int64
	ProductID int64
	alerts.Love
	Seen      alerts.LoveState
	CreatedAt time.Time
}

// LoveListing is a love with what the loves page shows of its product: the product's live
// offers (best first) to find the price now and the sizes in stock.
type LoveListing struct {
	Love
	Title    string
	Brand    string
	ImageURL string
	Offers   []catalog.Offer
}

const loveColumns = `id, user_id, product_id, size, color, target_price, alert_any_drop, alert_back_in_stock, bought_at,
	bought_price, protect_days, created_at, seen_price, seen_currency, seen_in_stock, seen_at, offer_id`

func scanLove(row interface{ Scan(...any) error }, extra ...any) (Love, error) {
	var l Love
	var target, boughtAt, boughtPrice, seenPrice, seenIn, seenAt, offer sql.NullInt64
	var anyDrop, backIn, created int64
	dest := append([]any{&l.ID, &l.UserID, &l.ProductID, &l.Size, &l.Color, &target, &anyDrop, &backIn, &boughtAt,
		&boughtPrice, &l.ProtectDays, &created, &seenPrice, &l.Seen.Currency, &seenIn, &seenAt, &offer}, extra...)
	if err := row.Scan(dest...); err != nil {
		return Love{}, err
	}
	l.TargetPrice, l.AlertAnyDrop, l.AlertBackInStock = target.Int64, anyDrop != 0, backIn != 0
	if boughtAt.Valid {
		l.BoughtAt = fromMS(boughtAt.Int64)
	}
	l.BoughtPrice = boughtPrice.Int64
	l.CreatedAt = fromMS(created)
	if seenPrice.Valid {
		l.Seen.Known, l.Seen.Price, l.Seen.InStock, l.Seen.OfferID = true, seenPrice.Int64, seenIn.Int64 != 0, offer.Int64
		if seenAt.Valid {
			l.Seen.At = fromMS(seenAt.Int64)
		}
	}
	return l, nil
}

// boolInt is a flag as the 0 or 1 both databases store.
func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func nullPositive(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: v > 0} }

func nullTime(t time.Time) sql.NullInt64 {
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: !t.IsZero()}
}

// seenArgs are the baseline's columns: seen_price, seen_currency, seen_in_stock, seen_at.
func seenArgs(s alerts.LoveState) []any {
	if !s.Known {
		return []any{sql.NullInt64{}, "", sql.NullInt64{}, sql.NullInt64{}}
	}
	return []any{s.Price, s.Currency, boolInt(s.InStock), nullTime(s.At)}
}

// SaveLove creates a love, or, when the shopper already loves the product in that size and
// colour, updates its target and alert choices (the baseline and purchase stay). It returns the
// stored love. A new love past MaxLoves is ErrLimit and saves nothing.
func (db *DB) SaveLove(ctx context.Context, l Love) (Love, error) {
	var saved Love
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if err := db.lockUser(ctx, tx, l.UserID); err != nil {
			return err
		}
		var err error
		saved, err = db.saveLove(ctx, tx, l)
		return err
	})
	return saved, err
}

// saveLove saves l inside tx, which must have locked the user (lockUser) for the cap's count.
func (db *DB) saveLove(ctx context.Context, q queryer, l Love) (Love, error) {
	if err := underCap(ctx, q, "loves", MaxLoves, `SELECT COUNT(*) FROM loves WHERE user_id = $1`,
		`SELECT 1 FROM loves WHERE user_id = $1 AND product_id = $2 AND size = $3 AND color = $4`,
		l.UserID, l.ProductID, l.Size, l.Color); err != nil {
		return Love{}, err
	}
	args := append([]any{l.UserID, l.ProductID, nullID(l.Seen.OfferID), l.Size, l.Color, nullPositive(l.TargetPrice),
		boolInt(l.AlertAnyDrop), boolInt(l.AlertBackInStock), db.nowMS()}, seenArgs(l.Seen)...)
	saved, err := scanLove(q.QueryRowContext(ctx, `INSERT INTO loves (user_id, product_id, offer_id, size, color, target_price,
		alert_any_drop, alert_back_in_stock, created_at, seen_price, seen_currency, seen_in_stock, seen_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (user_id, product_id, size, color) DO UPDATE SET target_price = excluded.target_price,
			alert_any_drop = excluded.alert_any_drop, alert_back_in_stock = excluded.alert_back_in_stock
		RETURNING `+loveColumns, args...))
	if err != nil {
		return Love{}, fmt.Errorf("save love of user %d for product %d: %w", l.UserID, l.ProductID, err)
	}
	return saved, nil
}

// LoveByID returns one of a shopper's loves; ErrNotFound when it is not theirs or does not exist.
func (db *DB) LoveByID(ctx context.Context, userID, id int64) (Love, error) {
	l, err := scanLove(db.sql.QueryRowContext(ctx, `SELECT `+loveColumns+` FROM loves WHERE id = $1 AND user_id = $2`, id, userID))
	if err != nil {
		return Love{}, fmt.Errorf("love %d: %w", id, notFound(err))
	}
	return l, nil
}

// UpdateLove saves what the shopper edits on a love: target, alert choices and purchase. The
// love must be theirs (ErrNotFound otherwise).
func (db *DB) UpdateLove(ctx context.Context, l Love) error {
	err := expectOne(db.sql.ExecContext(ctx, `UPDATE loves SET target_price = $1, alert_any_drop = $2, alert_back_in_stock = $3,
		bought_at = $4, bought_price = $5, protect_days = $6 WHERE id = $7 AND user_id = $8`,
		nullPositive(l.TargetPrice), boolInt(l.AlertAnyDrop), boolInt(l.AlertBackInStock), nullTime(l.BoughtAt),
		nullPositive(l.BoughtPrice), l.ProtectDays, l.ID, l.UserID))
	if err != nil {
		return fmt.Errorf("update love %d: %w", l.ID, err)
	}
	return nil
}

// DeleteLove removes one of a shopper's loves (its alerts go with it).
func (db *DB) DeleteLove(ctx context.Context, userID, id int64) error {
	if err := expectOne(db.sql.ExecContext(ctx, `DELETE FROM loves WHERE id = $1 AND user_id = $2`, id, userID)); err != nil {
		return fmt.Errorf("delete love %d: %w", id, err)
	}
	return nil
}

// UserLoves lists a shopper's loves, newest first, with their products and live offers.
func (db *DB) UserLoves(ctx context.Context, userID int64) ([]LoveListing, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+prefixed("l.", loveColumns)+`, p.title, COALESCE(b.name, ''), p.image_url
		FROM loves l JOIN products p ON p.id = l.product_id LEFT JOIN brands b ON b.id = p.brand_id
		WHERE l.user_id = $1 ORDER BY l.created_at DESC, l.id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("loves of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []LoveListing
	var products []int64
	for rows.Next() {
		var v LoveListing
		if v.Love, err = scanLove(rows, &v.Title, &v.Brand, &v.ImageURL); err != nil {
			return nil, fmt.Errorf("loves of user %d: %w", userID, err)
		}
		out = append(out, v)
		products = append(products, v.ProductID)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loves of user %d: %w", userID, err)
	}
	rows.Close()
	offers, err := db.LiveOffersOf(ctx, products)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Offers = offers[out[i].ProductID]
	}
	return out, nil
}

// LiveOffersOf returns the live (not gone) offers of the given products, by product, each
// product's in stock first, then by price.
func (db *DB) LiveOffersOf(ctx context.Context, productIDs []int64) (map[int64][]catalog.Offer, error) {
	out := map[int64][]catalog.Offer{}
	ph := db.placeholders()
	for start := 0; start < len(productIDs); start += maxRowsPerStatement {
		ids := productIDs[start:min(start+maxRowsPerStatement, len(productIDs))]
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT o.id, o.product_id, o.retailer_id, r.name, o.item_id, o.url, o.size, o.size_system,
			o.color, o.currency, o.price, o.regular_price, o.availability
			FROM offers o JOIN retailers r ON r.id = o.retailer_id
			WHERE o.product_id IN (`+ph.inList(len(ids), 1)+`) AND o.gone_at IS NULL
			ORDER BY o.product_id, CASE WHEN o.availability = 'in_stock' THEN 0 ELSE 1 END, o.price, o.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("offers of %d products: %w", len(ids), err)
		}
		for rows.Next() {
			var o catalog.Offer
			var avail string
			if err := rows.Scan(&o.ID, &o.ProductID, &o.RetailerID, &o.Retailer, &o.ItemID, &o.URL, &o.Size, &o.SizeSystem,
				&o.Color, &o.Currency, &o.Price, &o.RegularPrice, &avail); err != nil {
				rows.Close()
				return nil, fmt.Errorf("offers of %d products: %w", len(ids), err)
			}
			o.Availability = catalog.Availability(avail)
			out[o.ProductID] = append(out[o.ProductID], o)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("offers of %d products: %w", len(ids), err)
		}
	}
	return out, nil
}

// LovesAfter returns up to limit loves of every shopper with ids above afterID, in id order:
// the evaluation job's keyset batches.
func (db *DB) LovesAfter(ctx context.Context, afterID int64, limit int) ([]Love, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+loveColumns+` FROM loves WHERE id > $1 ORDER BY id LIMIT $2`, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("loves after %d: %w", afterID, err)
	}
	defer rows.Close()
	var out []Love
	for rows.Next() {
		l, err := scanLove(rows)
		if err != nil {
			return nil, fmt.Errorf("loves after %d: %w", afterID, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// LoveDecision is what evaluating one love decided: the alerts (decided on the baseline Basis,
// the stored Seen.At) and the next baseline.
type LoveDecision struct {
	LoveID int64
	UserID int64
	Basis  time.Time
	Alerts []alerts.LoveAlert
	Next   alerts.LoveState
}

// RecordLoveDecisions stores a batch of decisions in one transaction: each alert once per love,
// kind and baseline (a rerun adds nothing), and each love's next baseline. It returns how many
// alerts were new.
func (db *DB) RecordLoveDecisions(ctx context.Context, ds []LoveDecision) (int, error) {
	added := 0
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		now := db.nowMS()
		for _, d := range ds {
			for _, a := range d.Alerts {
				res, err := tx.ExecContext(ctx, `INSERT INTO love_alerts (love_id, user_id, kind, offer_id, currency, price, previous_price,
					basis_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
					ON CONFLICT (love_id, kind, basis_at) DO NOTHING`,
					d.LoveID, d.UserID, string(a.Kind), nullID(a.OfferID), a.Currency, a.Price, a.PreviousPrice, d.Basis.UnixMilli(), now)
				if err != nil {
					return fmt.Errorf("record %s alert of love %d: %w", a.Kind, d.LoveID, err)
				}
				n, _ := res.RowsAffected()
				added += int(n)
			}
			args := append(seenArgs(d.Next), nullID(d.Next.OfferID), d.LoveID)
			if _, err := tx.ExecContext(ctx, `UPDATE loves SET seen_price = $1, seen_currency = $2, seen_in_stock = $3, seen_at = $4,
				offer_id = $5 WHERE id = $6`, args...); err != nil {
				return fmt.Errorf("record baseline of love %d: %w", d.LoveID, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// LoveAlertRow is a stored love alert.
type LoveAlertRow struct {
	ID        int64
	LoveID    int64
	UserID    int64
	ProductID int64
	Title     string
	alerts.LoveAlert
	CreatedAt   time.Time
	DeliveredAt time.Time // zero until delivery marks it
}

// LoveAlerts returns a shopper's newest love alerts, at most limit.
func (db *DB) LoveAlerts(ctx context.Context, userID int64, limit int) ([]LoveAlertRow, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT a.id, a.love_id, a.user_id, l.product_id, p.title, a.kind, COALESCE(a.offer_id, 0),
		a.currency, a.price, a.previous_price, a.created_at, a.delivered_at
		FROM love_alerts a JOIN loves l ON l.id = a.love_id JOIN products p ON p.id = l.product_id
		WHERE a.user_id = $1 ORDER BY a.id DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("love alerts of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []LoveAlertRow
	for rows.Next() {
		var a LoveAlertRow
		var kind string
		var created int64
		var delivered sql.NullInt64
		if err := rows.Scan(&a.ID, &a.LoveID, &a.UserID, &a.ProductID, &a.Title, &kind, &a.OfferID, &a.Currency, &a.Price,
			&a.PreviousPrice, &created, &delivered); err != nil {
			return nil, fmt.Errorf("love alerts of user %d: %w", userID, err)
		}
		a.Kind, a.CreatedAt = alerts.LoveAlertKind(kind), fromMS(created)
		if delivered.Valid {
			a.DeliveredAt = fromMS(delivered.Int64)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// MarkLoveAlertDelivered records that an alert reached the shopper (the delivery issue's hook).
func (db *DB) MarkLoveAlertDelivered(ctx context.Context, id int64, at time.Time) error {
	err := expectOne(db.sql.ExecContext(ctx, `UPDATE love_alerts SET delivered_at = $1 WHERE id = $2 AND delivered_at IS NULL`, at.UnixMilli(), id))
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("love alert %d: not found or already delivered: %w", id, ErrNotFound)
	}
	return err
}
