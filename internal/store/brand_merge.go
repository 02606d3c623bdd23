package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// BrandMerge is what MergeBrands did.
type BrandMerge struct {
	From, Into catalog.Brand
	// Products is how many products moved from From to Into (merged ones included).
	Products int
	// MergedProducts is how many of them turned out to be a product Into already had (same
	// style code or title and colour): their offers, loves and collection places moved to
	// that product and the duplicate was removed.
	MergedProducts int
	// Followers is how many shoppers followed From; they now follow Into.
	Followers int
	// Aliases is every name that now leads to Into because of the merge (From's name and
	// its former aliases).
	Aliases []string
}

// ErrSameBrand is returned when a brand is merged into itself.
var ErrSameBrand = errors.New("a brand cannot be merged into itself")

// MergeBrands merges the brand named from (by name, slug or alias) into the brand named into, in
// one transaction: from's products, followers and clicks move to into; from's name and aliases
// become aliases of into, so later imports that say from land on into; products of from whose
// brand-scoped keys (style code, title) match one of into's products are merged into it; and a
// change-log entry per touched product lets live search indexes follow. from is then deleted.
func (db *DB) MergeBrands(ctx context.Context, from, into string) (BrandMerge, error) {
	var m BrandMerge
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if m.From, err = findBrand(ctx, tx, from); err != nil {
			return err
		}
		if m.Into, err = findBrand(ctx, tx, into); err != nil {
			return err
		}
		if m.From.ID == m.Into.ID {
			return fmt.Errorf("merge %q into %q: %w (both name %s)", from, into, ErrSameBrand, m.Into.Name)
		}
		return db.mergeBrands(ctx, tx, &m)
	})
	if err != nil {
		return BrandMerge{}, err
	}
	return m, nil
}

func (db *DB) mergeBrands(ctx context.Context, tx *sql.Tx, m *BrandMerge) error {
	fromID, intoID, now := m.From.ID, m.Into.ID, db.nowMS()
	// Names: from's aliases and its own slug now name into.
	aliases, err := queryColumn[string](ctx, tx, `SELECT alias FROM brand_aliases WHERE brand_id = $1 ORDER BY alias`, fromID)
	if err != nil {
		return fmt.Errorf("merge brands: aliases: %w", err)
	}
	m.Aliases = append([]string{m.From.Slug}, aliases...)
	if _, err := tx.ExecContext(ctx, `UPDATE brand_aliases SET brand_id = $1 WHERE brand_id = $2`, intoID, fromID); err != nil {
		return fmt.Errorf("merge brands: move aliases: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO brand_aliases (alias, brand_id) VALUES ($1, $2)
		ON CONFLICT (alias) DO UPDATE SET brand_id = excluded.brand_id`, m.From.Slug, intoID); err != nil {
		return fmt.Errorf("merge brands: alias %q: %w", m.From.Slug, err)
	}
	// Followers: following from means following into; a shopper who followed both keeps one row.
	res, err := tx.ExecContext(ctx, `INSERT INTO preference_brands (user_id, brand_id)
		SELECT user_id, $1 FROM preference_brands WHERE brand_id = $2 ON CONFLICT DO NOTHING`, intoID, fromID)
	if err != nil {
		return fmt.Errorf("merge brands: followers: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil {
		m.Followers = int(n)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE clickouts SET brand_id = $1 WHERE brand_id = $2`, intoID, fromID); err != nil {
		return fmt.Errorf("merge brands: clicks: %w", err)
	}
	products, err := queryColumn[int64](ctx, tx, `SELECT id FROM products WHERE brand_id = $1 ORDER BY id`, fromID)
	if err != nil {
		return fmt.Errorf("merge brands: products: %w", err)
	}
	m.Products = len(products)
	if _, err := tx.ExecContext(ctx, `UPDATE products SET brand_id = $1, updated_at = $2 WHERE brand_id = $3`, intoID, now, fromID); err != nil {
		return fmt.Errorf("merge brands: move products: %w", err)
	}
	touched := append([]int64(nil), products...)
	for _, id := range products {
		target, err := rekeyProduct(ctx, tx, id, m.From.Slug, m.Into.Slug)
		if err != nil {
			return fmt.Errorf("merge brands: product %d: %w", id, err)
		}
		if target != 0 {
			if err := mergeProduct(ctx, tx, id, target, now); err != nil {
				return fmt.Errorf("merge brands: product %d into %d: %w", id, target, err)
			}
			m.MergedProducts++
			touched = append(touched, target)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM brands WHERE id = $1`, fromID); err != nil {
		return fmt.Errorf("merge brands: delete %s: %w", m.From.Name, err)
	}
	if m.MergedProducts > 0 {
		if err := db.reconcileMergedTrends(ctx, tx, touched); err != nil {
			return fmt.Errorf("merge brands: %w", err)
		}
	}
	return db.appendProductChanges(ctx, tx, touched, now)
}

// rekeyProduct gives product id, just moved from brand slug from to brand slug into, the keys an
// import of into's name would compute (the brand-scoped ones: "mpn:" and "title:"), keeping the
// old ones so a feed that still says from finds it too. Its naming key is renamed the same way.
// When one of the new keys already names another product, nothing is renamed and that product's
// id is returned: the caller merges the two.
func rekeyProduct(ctx context.Context, tx *sql.Tx, id int64, from, into string) (int64, error) {
	keys, err := queryColumn[string](ctx, tx, `SELECT key FROM product_keys WHERE product_id = $1 ORDER BY key`, id)
	if err != nil {
		return 0, err
	}
	var renamed []string
	for _, k := range keys {
		if nk, ok := rebrandKey(k, from, into); ok {
			renamed = append(renamed, nk)
		}
	}
	for _, nk := range renamed {
		var owner int64
		err := tx.QueryRowContext(ctx, `SELECT product_id FROM product_keys WHERE key = $1`, nk).Scan(&owner)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return 0, err
		case owner != id:
			return owner, nil
		}
	}
	for _, nk := range renamed {
		if _, err := tx.ExecContext(ctx, `INSERT INTO product_keys (key, product_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, nk, id); err != nil {
			return 0, err
		}
	}
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT product_key FROM products WHERE id = $1`, id).Scan(&name); err != nil {
		return 0, err
	}
	if nk, ok := rebrandKey(name, from, into); ok {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM products WHERE product_key = $1`, nk).Scan(&taken); err != nil {
			return 0, err
		}
		if taken == 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE products SET product_key = $1 WHERE id = $2`, nk, id); err != nil {
				return 0, err
			}
		}
	}
	return 0, nil
}

// rebrandKey turns a brand-scoped product key of brand slug from into the same key for brand slug
// into ("mpn:from:…" → "mpn:into:…", "title:from:…" → "title:into:…"); other keys (GTINs, a
// retailer's item group, a retailer-scoped title) name no brand and are left alone.
func rebrandKey(key, from, into string) (string, bool) {
	for _, kind := range []string{"mpn:", "title:"} {
		if rest, ok := strings.CutPrefix(key, kind+from+":"); ok {
			return kind + into + ":" + rest, true
		}
	}
	return "", false
}
