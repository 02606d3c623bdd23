package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/editorial"
)

// This file holds the collections editor's queries (web/editor_*.go): every collection whatever
// its state, saving one with its ordered items in one transaction, deleting it. Readers' queries
// are in browse.go.

// CollectionSummary is a collection as the editor's list shows it.
type CollectionSummary struct {
	ID        int64
	Slug      string
	Title     string
	Status    editorial.Status
	PublishAt time.Time // zero when none
	UpdatedAt time.Time
	Items     int
}

// Visible reports whether readers see the collection at now (editorial.Collection.Visible).
func (c CollectionSummary) Visible(now time.Time) bool {
	return editorial.Collection{Status: c.Status, PublishAt: c.PublishAt}.Visible(now)
}

// EditorCollections lists every collection, drafts and scheduled ones too, last edited first.
func (db *DB) EditorCollections(ctx context.Context) ([]CollectionSummary, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT c.id, c.slug, c.title, c.status, c.publish_at, c.updated_at,
		(SELECT COUNT(*) FROM collection_items ci WHERE ci.collection_id = c.id)
		FROM collections c ORDER BY c.updated_at DESC, c.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("editor collections: %w", err)
	}
	defer rows.Close()
	var out []CollectionSummary
	for rows.Next() {
		var c CollectionSummary
		var status string
		var publish sql.NullInt64
		var updated int64
		if err := rows.Scan(&c.ID, &c.Slug, &c.Title, &status, &publish, &updated, &c.Items); err != nil {
			return nil, fmt.Errorf("editor collections: %w", err)
		}
		c.Status, c.UpdatedAt = editorial.Status(status), fromMS(updated)
		if publish.Valid {
			c.PublishAt = fromMS(publish.Int64)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CollectionByID returns a collection in any state with its products live: the editor's form
// and preview. An unknown id is ErrNotFound.
func (db *DB) CollectionByID(ctx context.Context, id int64) (CollectionView, error) {
	c, err := scanCollection(db.sql.QueryRowContext(ctx, `SELECT `+collectionColumns+` FROM collections WHERE id = $1`, id))
	if err != nil {
		return CollectionView{}, fmt.Errorf("collection %d: %w", id, err)
	}
	return db.collectionEntries(ctx, c)
}

// SaveCollection stores an editor's collection and its items (in order, by ProductID) in one
// transaction: a new one when c.ID is 0 (authorID its author; its id is returned), else it
// replaces collection c.ID's fields and items. A taken slug gives ErrConflict; an item whose
// product does not exist (deleted since it was added) fails the whole save with a
// *MissingProductError (which wraps ErrNotFound); an unknown c.ID is ErrNotFound. The caller validates
// first (editorial.Collection.Validate).
func (db *DB) SaveCollection(ctx context.Context, c editorial.Collection, authorID int64) (int64, error) {
	now := db.nowMS()
	var publishAt sql.NullInt64
	if !c.PublishAt.IsZero() {
		publishAt = sql.NullInt64{Int64: c.PublishAt.UnixMilli(), Valid: true}
	}
	id := c.ID
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if id == 0 {
			err = tx.QueryRowContext(ctx, `INSERT INTO collections (slug, title, cover_image, intro_md, status, publish_at, author_id, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
				c.Slug, c.Title, c.CoverImage, c.IntroMD, string(c.Status), publishAt, nullID(authorID), now).Scan(&id)
		} else {
			var res sql.Result
			res, err = tx.ExecContext(ctx, `UPDATE collections SET slug = $1, title = $2, cover_image = $3, intro_md = $4, status = $5,
				publish_at = $6, updated_at = $7 WHERE id = $8`,
				c.Slug, c.Title, c.CoverImage, c.IntroMD, string(c.Status), publishAt, now, id)
			if err == nil {
				if n, rerr := res.RowsAffected(); rerr == nil && n == 0 {
					return fmt.Errorf("collection %d: %w", id, ErrNotFound)
				}
			}
		}
		if isUniqueViolation(err) {
			return fmt.Errorf("collection slug %q: %w", c.Slug, ErrConflict)
		}
		if err != nil {
			return fmt.Errorf("save collection %q: %w", c.Slug, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM collection_items WHERE collection_id = $1`, id); err != nil {
			return fmt.Errorf("save collection %q: %w", c.Slug, err)
		}
		for i, it := range c.Items {
			res, err := tx.ExecContext(ctx, `INSERT INTO collection_items (collection_id, position, product_id, blurb)
				SELECT $1, $2, p.id, $3 FROM products p WHERE p.id = $4`, id, i+1, it.Blurb, it.ProductID)
			if err != nil {
				return fmt.Errorf("save collection %q: item %d: %w", c.Slug, i+1, err)
			}
			if n, err := res.RowsAffected(); err == nil && n == 0 {
				return fmt.Errorf("collection %q: %w", c.Slug, &MissingProductError{Position: i + 1, ProductID: it.ProductID})
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// MissingProductError says a collection's item names a product that does not exist (deleted
// since the editor added it). It wraps ErrNotFound.
type MissingProductError struct {
	Position  int // 1-based
	ProductID int64
}

// Error implements error.
func (e *MissingProductError) Error() string {
	return fmt.Sprintf("item %d: product %d does not exist", e.Position, e.ProductID)
}

// Unwrap makes errors.Is(err, ErrNotFound) hold.
func (e *MissingProductError) Unwrap() error { return ErrNotFound }

// DeleteCollection removes a collection and its items; its click-outs stay, without the
// reference. An unknown id is ErrNotFound.
func (db *DB) DeleteCollection(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM collections WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete collection %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("collection %d: %w", id, ErrNotFound)
	}
	return nil
}

// ListingsByID returns the live listings (best offer now, sizes, sale) of the products that
// exist among ids, by product id: the cards of products embedded in a collection's text.
func (db *DB) ListingsByID(ctx context.Context, ids []int64) (map[int64]Listing, error) {
	out := make(map[int64]Listing, len(ids))
	kinds, err := db.categorySizeKinds(ctx)
	if err != nil {
		return nil, fmt.Errorf("listings of %d products: %w", len(ids), err)
	}
	ph := db.placeholders()
	for start := 0; start < len(ids); start += maxRowsPerStatement / 2 {
		part := ids[start:min(len(ids), start+maxRowsPerStatement/2)]
		n := len(part)
		// The ids are bound twice, in textual order.
		q := `WITH ` + fmt.Sprintf(bestOffers, `o.product_id IN (`+ph.inList(n, 1)+`)`) + `
		SELECT ` + listingColumns + ` FROM products p ` + listingJoins + ` WHERE p.id IN (` + ph.inList(n, n+1) + `)`
		args := append(int64Args(part), int64Args(part)...)
		err := eachRow(ctx, db.sql, q, args, func(rows *sql.Rows) error {
			l, err := scanListing(kinds, rows)
			if err != nil {
				return err
			}
			out[l.ProductID] = l
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("listings of %d products: %w", n, err)
		}
	}
	return out, nil
}

// BestOfferIDs returns each product's best offer now (the one its Listing shows: listed
// retailers, in stock first, then cheapest), by product id; products without a live offer are
// absent. Collection pages sign their click-out links with these ids.
func (db *DB) BestOfferIDs(ctx context.Context, productIDs []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(productIDs))
	ph := db.placeholders()
	for start := 0; start < len(productIDs); start += maxRowsPerStatement {
		part := productIDs[start:min(len(productIDs), start+maxRowsPerStatement)]
		q := `SELECT product_id, id FROM (
			SELECT o.product_id, o.id, ROW_NUMBER() OVER (PARTITION BY o.product_id
				ORDER BY CASE WHEN o.availability = 'in_stock' THEN 0 ELSE 1 END, o.price, o.id) AS rn
			FROM offers o WHERE o.gone_at IS NULL AND (SELECT listed FROM retailers vr WHERE vr.id = o.retailer_id) = 1
				AND o.product_id IN (` + ph.inList(len(part), 1) + `)
		) ranked WHERE rn = 1`
		err := eachRow(ctx, db.sql, q, int64Args(part), func(rows *sql.Rows) error {
			var p, o int64
			if err := rows.Scan(&p, &o); err != nil {
				return err
			}
			out[p] = o
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("best offers of %d products: %w", len(part), err)
		}
	}
	return out, nil
}

// maxDigestCollections is how many of the newest visible collections a digest run considers.
const maxDigestCollections = 50

// VisibleCollectionTeasers returns the newest visible collections (at most 50), newest first,
// each with the names of its products' brands, in one statement: a digest run reads them once
// and picks each shopper's (editorial.NewestFor) in memory.
func (db *DB) VisibleCollectionTeasers(ctx context.Context) ([]editorial.Teaser, error) {
	q := `WITH vc AS (
			SELECT id, slug, title, intro_md, COALESCE(publish_at, created_at) AS pub FROM collections
			WHERE ` + visibleCollection + ` ORDER BY COALESCE(publish_at, created_at) DESC, id DESC LIMIT $2
		)
		SELECT vc.id, vc.slug, vc.title, vc.intro_md, vc.pub, COALESCE(b.name, '')
		FROM vc
		LEFT JOIN (SELECT DISTINCT ci.collection_id, br.name FROM collection_items ci
			JOIN products p ON p.id = ci.product_id JOIN brands br ON br.id = p.brand_id) b ON b.collection_id = vc.id
		ORDER BY vc.pub DESC, vc.id DESC, b.name`
	var out []editorial.Teaser
	err := eachRow(ctx, db.sql, q, []any{db.nowMS(), maxDigestCollections}, func(rows *sql.Rows) error {
		var t editorial.Teaser
		var pub int64
		var brand string
		if err := rows.Scan(&t.ID, &t.Slug, &t.Title, &t.IntroMD, &pub, &brand); err != nil {
			return err
		}
		if n := len(out); n == 0 || out[n-1].ID != t.ID {
			t.Published = fromMS(pub)
			out = append(out, t)
		}
		if brand != "" {
			last := &out[len(out)-1]
			last.Brands = append(last.Brands, brand)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("visible collections with brands: %w", err)
	}
	return out, nil
}
