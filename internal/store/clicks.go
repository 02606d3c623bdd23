package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/clicks"
)

// clickSecretKey is the settings key of the secret that signs click-out tokens. It is not the
// mail secret: each signing purpose has its own key, so one leaking does not forge the other.
const clickSecretKey = "clickout_secret"

// ClickSecret returns the installation's secret for signing click-out links, creating it (32
// random bytes) the first time. Concurrent first calls agree: only one insert wins.
func (db *DB) ClickSecret(ctx context.Context) ([]byte, error) {
	var fresh [32]byte
	if _, err := rand.Read(fresh[:]); err != nil {
		return nil, fmt.Errorf("click-out secret: %w", err)
	}
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
		clickSecretKey, hex.EncodeToString(fresh[:])); err != nil {
		return nil, fmt.Errorf("click-out secret: %w", err)
	}
	v, err := db.Setting(ctx, clickSecretKey)
	if err != nil {
		return nil, fmt.Errorf("click-out secret: %w", err)
	}
	secret, err := hex.DecodeString(v)
	if err != nil || len(secret) < 16 {
		return nil, errors.New("click-out secret: the stored setting is not a hex secret of at least 16 bytes")
	}
	return secret, nil
}

// OfferTarget reads where an offer's click-out goes (clicks.Lookup). found is false for an
// offer that does not exist; a gone offer is found, with Gone set.
func (db *DB) OfferTarget(ctx context.Context, offerID int64) (clicks.Target, bool, error) {
	t := clicks.Target{OfferID: offerID}
	err := db.sql.QueryRowContext(ctx, `SELECT o.product_id, COALESCE(p.brand_id, 0), o.retailer_id, o.url, o.gone_at IS NOT NULL
		FROM offers o JOIN products p ON p.id = o.product_id WHERE o.id = $1`, offerID).
		Scan(&t.ProductID, &t.BrandID, &t.RetailerID, &t.URL, &t.Gone)
	if err != nil {
		if errors.Is(notFound(err), ErrNotFound) {
			return clicks.Target{}, false, nil
		}
		return clicks.Target{}, false, fmt.Errorf("offer %d target: %w", offerID, err)
	}
	return t, true, nil
}

// AffiliateTemplates returns every retailer's non-empty affiliate template by retailer id
// (clicks.Lookup).
func (db *DB) AffiliateTemplates(ctx context.Context) (map[int64]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, affiliate_template FROM retailers WHERE affiliate_template <> ''`)
	if err != nil {
		return nil, fmt.Errorf("affiliate templates: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			return nil, fmt.Errorf("affiliate templates: %w", err)
		}
		out[id] = t
	}
	return out, rows.Err()
}

// RetailerAffiliate is a retailer as the affiliate admin page lists it.
type RetailerAffiliate struct {
	ID       int64
	Slug     string
	Name     string
	Template string
	// SampleURL is one of the retailer's offer URLs ("" if none), to preview the template on.
	SampleURL string
}

// RetailerAffiliates lists every retailer with its affiliate template, by name.
func (db *DB) RetailerAffiliates(ctx context.Context) ([]RetailerAffiliate, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT r.id, r.slug, r.name, r.affiliate_template,
		COALESCE((SELECT o.url FROM offers o WHERE o.retailer_id = r.id AND o.gone_at IS NULL AND o.url <> '' ORDER BY o.id LIMIT 1), '')
		FROM retailers r ORDER BY r.name, r.id`)
	if err != nil {
		return nil, fmt.Errorf("retailer affiliates: %w", err)
	}
	defer rows.Close()
	var out []RetailerAffiliate
	for rows.Next() {
		var r RetailerAffiliate
		if err := rows.Scan(&r.ID, &r.Slug, &r.Name, &r.Template, &r.SampleURL); err != nil {
			return nil, fmt.Errorf("retailer affiliates: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetAffiliateTemplate stores a retailer's affiliate template, which the caller has validated
// (clicks.ParseTemplate); "" removes it. An unknown retailer gives ErrNotFound.
func (db *DB) SetAffiliateTemplate(ctx context.Context, retailerID int64, template string) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE retailers SET affiliate_template = $1 WHERE id = $2`, template, retailerID)
	if err != nil {
		return fmt.Errorf("retailer %d affiliate template: %w", retailerID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("retailer %d: %w", retailerID, ErrNotFound)
	}
	return nil
}

// clickCols is how many values each click binds.
const clickCols = 8

// InsertClicks stores a batch of clicks in one multi-row statement (clicks.Sink). A reference
// that no longer exists (an offer, product, brand, retailer or shopper deleted since the click)
// is stored as NULL, so one stale click never fails its batch.
func (db *DB) InsertClicks(ctx context.Context, batch []clicks.Click) error {
	for len(batch) > 0 {
		n := min(len(batch), 1000)
		if err := db.insertClicks(ctx, batch[:n]); err != nil {
			return err
		}
		batch = batch[n:]
	}
	return nil
}

func (db *DB) insertClicks(ctx context.Context, batch []clicks.Click) error {
	// The plain statement is the fast path; a click whose offer, product, brand, retailer or
	// shopper was deleted since fails its foreign key, and then the batch is written again with
	// every reference checked (rare, and slower to parse and run).
	err := db.execClicks(ctx, batch, false)
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("record %d click-outs: %w", len(batch), err)
	}
	if err2 := db.execClicks(ctx, batch, true); err2 != nil {
		return fmt.Errorf("record %d click-outs: %w (first try: %v)", len(batch), err2, err)
	}
	return nil
}

// execClicks runs one multi-row INSERT. checked turns each reference into a sub-select that
// gives NULL for a row that no longer exists.
func (db *DB) execClicks(ctx context.Context, batch []clicks.Click, checked bool) error {
	p := db.placeholders()
	var b strings.Builder
	b.Grow(len(batch) * 64)
	if checked {
		b.WriteString(`INSERT INTO clickouts (offer_id, product_id, brand_id, retailer_id, user_id, source, at, collection_id)
		SELECT (SELECT id FROM offers WHERE id = v.column1), (SELECT id FROM products WHERE id = v.column2),
		(SELECT id FROM brands WHERE id = v.column3), (SELECT id FROM retailers WHERE id = v.column4),
		(SELECT id FROM users WHERE id = v.column5), v.column6, v.column7,
		(SELECT id FROM collections WHERE id = v.column8) FROM (VALUES `)
	} else {
		b.WriteString(`INSERT INTO clickouts (offer_id, product_id, brand_id, retailer_id, user_id, source, at, collection_id) VALUES `)
	}
	args := make([]any, 0, len(batch)*clickCols)
	n := 1
	param := func() string {
		if p.positional {
			return "?"
		}
		n++
		return "$" + strconv.Itoa(n-1)
	}
	for i, c := range batch {
		if i > 0 {
			b.WriteByte(',')
		}
		if checked {
			fmt.Fprintf(&b, "(CAST(%s AS BIGINT),CAST(%s AS BIGINT),CAST(%s AS BIGINT),CAST(%s AS BIGINT),CAST(%s AS BIGINT),CAST(%s AS TEXT),CAST(%s AS BIGINT),CAST(%s AS BIGINT))",
				param(), param(), param(), param(), param(), param(), param(), param())
			args = append(args, c.OfferID, c.ProductID, c.BrandID, c.RetailerID, c.UserID, string(c.Source), unixMS(c.At), c.CollectionID)
			continue
		}
		b.WriteByte('(')
		for j := range clickCols {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(param())
		}
		b.WriteByte(')')
		args = append(args, nullID(c.OfferID), nullID(c.ProductID), nullID(c.BrandID), nullID(c.RetailerID), nullID(c.UserID),
			string(c.Source), unixMS(c.At), nullID(c.CollectionID))
	}
	if checked {
		b.WriteString(`) AS v`)
	}
	_, err := db.sql.ExecContext(ctx, b.String(), args...)
	return err
}

// ClickCount counts the click-outs recorded since (all of them for the zero time).
func (db *DB) ClickCount(ctx context.Context, since time.Time) (int64, error) {
	var n int64
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM clickouts WHERE at >= $1`, unixMS(since)).Scan(&n); err != nil {
		return 0, fmt.Errorf("count click-outs: %w", err)
	}
	return n, nil
}

// RecentClicks returns the newest click-outs, newest first; a reference that is gone reads 0.
func (db *DB) RecentClicks(ctx context.Context, limit int) ([]clicks.Click, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT COALESCE(offer_id, 0), COALESCE(product_id, 0), COALESCE(brand_id, 0),
		COALESCE(retailer_id, 0), COALESCE(user_id, 0), source, at, COALESCE(collection_id, 0) FROM clickouts ORDER BY at DESC, id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("recent click-outs: %w", err)
	}
	defer rows.Close()
	var out []clicks.Click
	for rows.Next() {
		var c clicks.Click
		var src string
		var at int64
		if err := rows.Scan(&c.OfferID, &c.ProductID, &c.BrandID, &c.RetailerID, &c.UserID, &src, &at, &c.CollectionID); err != nil {
			return nil, fmt.Errorf("recent click-outs: %w", err)
		}
		c.Source, c.At = clicks.Source(src), fromMS(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// BrandAffinity counts, for one shopper, their click-outs per brand since since (the affinity
// window, clicks.AffinityWindow) and their loves per brand (loves current now, whenever made).
// Brands with neither are left out; the order is most clicks, then most loves, then brand id.
func (db *DB) BrandAffinity(ctx context.Context, userID int64, since time.Time) ([]clicks.BrandAffinity, error) {
	rows, err := db.sql.QueryContext(ctx, `WITH c AS (
			SELECT brand_id, COUNT(*) AS n FROM clickouts
			WHERE user_id = $1 AND at >= $2 AND brand_id IS NOT NULL GROUP BY brand_id
		), l AS (
			SELECT p.brand_id, COUNT(*) AS n FROM loves lv JOIN products p ON p.id = lv.product_id
			WHERE lv.user_id = $1 AND p.brand_id IS NOT NULL GROUP BY p.brand_id
		)
		SELECT b.id, b.name, COALESCE(c.n, 0), COALESCE(l.n, 0)
		FROM brands b LEFT JOIN c ON c.brand_id = b.id LEFT JOIN l ON l.brand_id = b.id
		WHERE b.id IN (SELECT brand_id FROM c UNION SELECT brand_id FROM l)
		ORDER BY COALESCE(c.n, 0) DESC, COALESCE(l.n, 0) DESC, b.id`, userID, unixMS(since))
	if err != nil {
		return nil, fmt.Errorf("brand affinity of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []clicks.BrandAffinity
	for rows.Next() {
		var a clicks.BrandAffinity
		if err := rows.Scan(&a.BrandID, &a.Brand, &a.Clicks, &a.Loves); err != nil {
			return nil, fmt.Errorf("brand affinity of user %d: %w", userID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// BrandAffinityOf is BrandAffinity for many shoppers at once, for a digest run's batch: each
// shopper's rows in BrandAffinity's order; shoppers with no activity are absent. It costs one
// statement per 500 shoppers.
func (db *DB) BrandAffinityOf(ctx context.Context, userIDs []int64, since time.Time) (map[int64][]clicks.BrandAffinity, error) {
	out := make(map[int64][]clicks.BrandAffinity)
	ph := db.placeholders()
	const per = maxRowsPerStatement / 2 // the ids are bound twice
	for start := 0; start < len(userIDs); start += per {
		part := userIDs[start:min(len(userIDs), start+per)]
		n := len(part)
		// Arguments in textual order (SQLite binds "?" by position): ids, since, ids.
		args := make([]any, 0, 2*n+1)
		args = append(args, int64Args(part)...)
		args = append(args, unixMS(since))
		args = append(args, int64Args(part)...)
		since := "$" + strconv.Itoa(n+1)
		if ph.positional {
			since = "?"
		}
		q := `WITH c AS (
				SELECT user_id, brand_id, COUNT(*) AS n FROM clickouts
				WHERE user_id IN (` + ph.inList(n, 1) + `) AND at >= ` + since + ` AND brand_id IS NOT NULL
				GROUP BY user_id, brand_id
			), l AS (
				SELECT lv.user_id, p.brand_id, COUNT(*) AS n FROM loves lv JOIN products p ON p.id = lv.product_id
				WHERE lv.user_id IN (` + ph.inList(n, n+2) + `) AND p.brand_id IS NOT NULL
				GROUP BY lv.user_id, p.brand_id
			), u AS (
				SELECT user_id, brand_id FROM c UNION SELECT user_id, brand_id FROM l
			)
			SELECT u.user_id, b.id, b.name, COALESCE(c.n, 0), COALESCE(l.n, 0)
			FROM u JOIN brands b ON b.id = u.brand_id
			LEFT JOIN c ON c.user_id = u.user_id AND c.brand_id = u.brand_id
			LEFT JOIN l ON l.user_id = u.user_id AND l.brand_id = u.brand_id
			ORDER BY u.user_id, COALESCE(c.n, 0) DESC, COALESCE(l.n, 0) DESC, b.id`
		err := eachRow(ctx, db.sql, q, args, func(rows *sql.Rows) error {
			var user int64
			var a clicks.BrandAffinity
			if err := rows.Scan(&user, &a.BrandID, &a.Brand, &a.Clicks, &a.Loves); err != nil {
				return err
			}
			out[user] = append(out[user], a)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("brand affinity of %d shoppers: %w", n, err)
		}
	}
	return out, nil
}
