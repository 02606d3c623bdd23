package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

// This file feeds the in-memory search index (internal/index): every product with its live
// offers at start (LoadProducts), the products a change touched afterwards (ProductsByIDs), the
// change log a web node follows (ChangesSince, MaxChangeSeq), and the one display field the
// index does not keep, offers' retailer pages for JSON answers (OfferURLs).

// loadPage is how many products one keyset page of LoadProducts reads; with their offers and
// price changes it is three statements per page, each inside both databases' parameter limits.
const loadPage = maxRowsPerStatement

// LoadProducts streams every product that has at least one live (not gone) offer to fn, in
// product id order, a keyset page at a time: it implements index.Loader. Products whose offers
// are all gone are left out: nothing can match them. Offers of unlisted retailers (hosts first
// seen through /track, docs/loves.md) never reach the index.
func (db *DB) LoadProducts(ctx context.Context, fn func(index.Product) error) error {
	cats, err := db.categoryIndex(ctx)
	if err != nil {
		return err
	}
	after := int64(0)
	for {
		ps, err := db.productPage(ctx, `p.id > $1 AND EXISTS (SELECT 1 FROM offers lo JOIN retailers lr ON lr.id = lo.retailer_id
				WHERE lo.product_id = p.id AND lo.gone_at IS NULL AND lr.listed = 1)
			ORDER BY p.id LIMIT $2`, []any{after, loadPage}, cats)
		if err != nil {
			return fmt.Errorf("load products after %d: %w", after, err)
		}
		for _, p := range ps {
			if len(p.Offers) == 0 { // its last offer went between the two reads
				continue
			}
			if err := fn(p); err != nil {
				return err
			}
		}
		if len(ps) < loadPage {
			return nil
		}
		after = ps[len(ps)-1].ID
	}
}

// ProductsByIDs reads the given products as the index files them. A product that does not
// exist, or whose offers are all gone, is absent from the result: the index should drop it.
func (db *DB) ProductsByIDs(ctx context.Context, ids []int64) ([]index.Product, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cats, err := db.categoryIndex(ctx)
	if err != nil {
		return nil, err
	}
	ph := db.placeholders()
	var out []index.Product
	for start := 0; start < len(ids); start += loadPage {
		part := ids[start:min(len(ids), start+loadPage)]
		ps, err := db.productPage(ctx, `p.id IN (`+ph.inList(len(part), 1)+`) ORDER BY p.id`, int64Args(part), cats)
		if err != nil {
			return nil, fmt.Errorf("products by id: %w", err)
		}
		for _, p := range ps {
			if len(p.Offers) > 0 {
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// productPage reads the products matching cond (a WHERE condition with its ORDER BY and LIMIT,
// binding args from $1) with their live offers and each offer's last price drop: three
// statements whatever the page's size.
func (db *DB) productPage(ctx context.Context, cond string, args []any, cats map[int64]categoryNode) ([]index.Product, error) {
	rows, err := db.sql.QueryContext(ctx, db.placeholders().sql(`SELECT p.id, p.title, COALESCE(b.name, ''), p.description, p.color,
		p.color_family, p.material, p.gender, COALESCE(p.category_id, 0), p.created_at, p.image_url
		FROM products p LEFT JOIN brands b ON b.id = p.brand_id WHERE `+cond), args...)
	if err != nil {
		return nil, err
	}
	var ps []index.Product
	at := map[int64]int{}
	for rows.Next() {
		var p index.Product
		var cat, created int64
		if err := rows.Scan(&p.ID, &p.Title, &p.Brand, &p.Description, &p.Colour, &p.ColourFamily, &p.Material,
			&p.Gender, &cat, &created, &p.ImageURL); err != nil {
			rows.Close()
			return nil, err
		}
		p.CreatedAt = fromMS(created)
		p.Categories, p.SizeKind = cats[cat].path, cats[cat].sizeKind
		at[p.ID] = len(ps)
		ps = append(ps, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	drops, err := db.lastDrops(ctx, ids)
	if err != nil {
		return nil, err
	}
	in := db.placeholders().inList(len(ids), 1)
	rows, err = db.sql.QueryContext(ctx, `SELECT o.id, o.product_id, r.name, o.size, o.size_system, o.price, o.regular_price,
		o.currency, o.availability, o.questionable, o.first_seen_at, COALESCE(o.lowest_30d, 0)
		FROM offers o JOIN retailers r ON r.id = o.retailer_id
		WHERE o.product_id IN (`+in+`) AND o.gone_at IS NULL AND r.listed = 1 ORDER BY o.product_id, o.id`, int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var o index.Offer
		var pid, first, questionable int64
		var avail string
		if err := rows.Scan(&o.ID, &pid, &o.Retailer, &o.Size, &o.SizeSystem, &o.Price, &o.RegularPrice,
			&o.Currency, &avail, &questionable, &first, &o.Lowest30d); err != nil {
			return nil, err
		}
		o.Availability = catalog.Availability(avail)
		o.Questionable = questionable != 0
		o.FirstSeen = fromMS(first)
		if d, ok := drops[o.ID]; ok {
			o.LastDropAt, o.LastDropPct = d.at, d.pct
		}
		if i, ok := at[pid]; ok {
			ps[i].Offers = append(ps[i].Offers, o)
		}
	}
	return ps, rows.Err()
}

// drop is an offer's last price fall.
type drop struct {
	at  time.Time
	pct int
}

// lastDrops finds, for the live offers of the given products, the last time their price fell
// and by how much, from the price change log read oldest first.
func (db *DB) lastDrops(ctx context.Context, productIDs []int64) (map[int64]drop, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT pc.offer_id, pc.changed_at, pc.price FROM price_changes pc
		JOIN offers o ON o.id = pc.offer_id
		WHERE o.product_id IN (`+db.placeholders().inList(len(productIDs), 1)+`) AND o.gone_at IS NULL
		ORDER BY pc.offer_id, pc.changed_at, pc.id`, int64Args(productIDs)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]drop{}
	var cur, prev int64
	for rows.Next() {
		var id, at, price int64
		if err := rows.Scan(&id, &at, &price); err != nil {
			return nil, err
		}
		if id != cur {
			cur, prev = id, 0
		}
		if prev > 0 && price > 0 && price < prev {
			out[id] = drop{at: fromMS(at), pct: int((prev - price) * 100 / prev)}
		}
		prev = price
	}
	return out, rows.Err()
}

// categoryNode is a stored category as the index wants it: its path of nodes, root first, and
// the size kind that applies to things in it.
type categoryNode struct {
	path     []index.Category
	sizeKind string
}

// categoryIndex reads the category tree once and resolves every node's path and size kind.
// The size kind is resolveSizeKinds': the stored one, else the one the taxonomy gives the node
// or its nearest ancestor (the importer files categories by taxonomy path).
func (db *DB) categoryIndex(ctx context.Context) (map[int64]categoryNode, error) {
	cats, err := db.Categories(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]catalog.Category, len(cats))
	for _, c := range cats {
		byID[c.ID] = c
	}
	kinds := resolveSizeKinds(cats)
	out := make(map[int64]categoryNode, len(cats))
	for _, c := range cats {
		n := categoryNode{sizeKind: kinds[c.ID]}
		seen := map[int64]bool{}
		for cur, ok := c, true; ok && !seen[cur.ID]; cur, ok = byID[cur.ParentID] {
			seen[cur.ID] = true
			n.path = append(n.path, index.Category{ID: cur.ID, Name: cur.Name, Slug: cur.Slug, Path: cur.Path})
		}
		for i, j := 0, len(n.path)-1; i < j; i, j = i+1, j-1 {
			n.path[i], n.path[j] = n.path[j], n.path[i]
		}
		out[c.ID] = n
	}
	return out, nil
}

// Change is one entry of the change log: an entity ("product") that a write touched.
type Change struct {
	Seq      int64
	Entity   string
	EntityID int64
	At       time.Time
}

// ChangesSince returns up to limit change log entries with a sequence number above seq, in
// sequence order.
func (db *DB) ChangesSince(ctx context.Context, seq int64, limit int) ([]Change, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT seq, entity, entity_id, at FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2`, seq, limit)
	if err != nil {
		return nil, fmt.Errorf("changes since %d: %w", seq, err)
	}
	out, err := scanChanges(rows)
	if err != nil {
		return nil, fmt.Errorf("changes since %d: %w", seq, err)
	}
	return out, nil
}

// ChangesAt returns the change log entries with the given sequence numbers that exist, in
// sequence order: how a follower rechecks numbers it saw skipped (a transaction that took its
// number earlier may commit later).
func (db *DB) ChangesAt(ctx context.Context, seqs []int64) ([]Change, error) {
	var out []Change
	for start := 0; start < len(seqs); start += maxRowsPerStatement {
		part := seqs[start:min(len(seqs), start+maxRowsPerStatement)]
		rows, err := db.sql.QueryContext(ctx, `SELECT seq, entity, entity_id, at FROM changes WHERE seq IN (`+
			db.placeholders().inList(len(part), 1)+`) ORDER BY seq`, int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("changes at: %w", err)
		}
		got, err := scanChanges(rows)
		if err != nil {
			return nil, fmt.Errorf("changes at: %w", err)
		}
		out = append(out, got...)
	}
	return out, nil
}

func scanChanges(rows *sql.Rows) ([]Change, error) {
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var at int64
		if err := rows.Scan(&c.Seq, &c.Entity, &c.EntityID, &at); err != nil {
			return nil, err
		}
		c.At = fromMS(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// MaxChangeSeq is the highest sequence number in the change log; 0 when it is empty.
func (db *DB) MaxChangeSeq(ctx context.Context) (int64, error) {
	var seq sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(seq) FROM changes`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("newest change: %w", err)
	}
	return seq.Int64, nil
}

// OfferURLs reads the retailer pages of the given offers, by offer id, in one statement per
// few hundred ids (prepared, the IN list padded to a few lengths). An offer that has vanished
// is absent. The index keeps everything else a result shows; JSON answers add these.
func (db *DB) OfferURLs(ctx context.Context, offerIDs []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(offerIDs))
	for start := 0; start < len(offerIDs); start += maxRowsPerStatement {
		part := padIDs(offerIDs[start:min(len(offerIDs), start+maxRowsPerStatement)])
		st, err := db.prepared(ctx, `SELECT id, url FROM offers WHERE id IN (`+db.placeholders().inList(len(part), 1)+`)`)
		if err != nil {
			return nil, fmt.Errorf("offer urls: %w", err)
		}
		rows, err := st.QueryContext(ctx, int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("offer urls: %w", err)
		}
		for rows.Next() {
			var id int64
			var url string
			if err := rows.Scan(&id, &url); err != nil {
				rows.Close()
				return nil, fmt.Errorf("offer urls: %w", err)
			}
			out[id] = url
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("offer urls: %w", err)
		}
	}
	return out, nil
}

// CategoryBySlug finds a category by its slug, or failing that by its path or name (case and
// accents ignored); ErrNotFound when none matches.
func (db *DB) CategoryBySlug(ctx context.Context, key string) (catalog.Category, error) {
	key = strings.TrimSpace(key)
	var c catalog.Category
	err := db.sql.QueryRowContext(ctx, `SELECT id, COALESCE(parent_id, 0), slug, name, path, size_kind FROM categories
		WHERE slug = $1 OR slug = $2 ORDER BY CASE WHEN slug = $1 THEN 0 ELSE 1 END, length(path), id LIMIT 1`,
		key, catalog.Slug(key)).Scan(&c.ID, &c.ParentID, &c.Slug, &c.Name, &c.Path, &c.SizeKind)
	if err == nil {
		return c, nil
	}
	if notFound(err) != ErrNotFound {
		return catalog.Category{}, fmt.Errorf("category %q: %w", key, err)
	}
	// A path typed out, or a bare name ("Boots"): the shallowest category of that name.
	cats, err := db.Categories(ctx)
	if err != nil {
		return catalog.Category{}, err
	}
	want := catalog.Fold(key)
	found := false
	for _, cat := range cats {
		if (catalog.Fold(cat.Name) == want || catalog.Fold(cat.Path) == want) && (!found || len(cat.Path) < len(c.Path)) {
			c, found = cat, true
		}
	}
	if !found {
		return catalog.Category{}, fmt.Errorf("category %q: %w", key, ErrNotFound)
	}
	return c, nil
}

func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}
