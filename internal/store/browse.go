package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/editorial"
)

// This file holds the read queries behind the shopper-facing pages: current sales, collections,
// and one product with its offers and price history (the outbox is in messages.go). They read what ingest, the
// editors and the mailer write; none of them writes.

// Listing is a product as a shopper sees it on a card: who made it, what it is, and its best
// current offer. The best offer is the cheapest one in stock; when nothing is in stock it is the
// cheapest offer still listed, and InStock is false. Prices are minor units of Currency.
type Listing struct {
	ProductID    int64
	Brand        string
	Title        string
	ImageURL     string
	Retailer     string
	URL          string // the best offer's page at the retailer
	Currency     string
	Price        int64
	RegularPrice int64
	// Lowest30d is the lowest price a shopper could pay for any live offer of the product (in
	// Currency) during the last 30 days, counting the price in force when the window opened
	// (pricing.Lowest, stored per offer by the importer as offers.lowest_30d); 0 when no history
	// is known.
	Lowest30d int64
	// Questionable is set when the best offer's discount is off a regular price it was seldom
	// charged at (pricing.Questionable).
	Questionable bool
	// Sizes are the distinct sizes in stock, smallest first.
	Sizes []string
	// SizeKind is the size kind of the product's category ("tops", "shoes"…; see
	// catalog.Node.SizeKind): "" for one-size things and products without a category. A sized
	// product in stock with no Sizes is one whose shops give no size, not a one-size item.
	SizeKind string
	InStock  bool
	// HasOffer is false for a product no retailer lists any more.
	HasOffer bool
}

// OnSale reports whether the best offer is in stock below its regular price.
func (l Listing) OnSale() bool {
	return l.InStock && l.Price > 0 && l.RegularPrice > l.Price
}

// DiscountPct is the best offer's whole-percent discount, 0 when it is not on sale.
func (l Listing) DiscountPct() int {
	if !l.OnSale() {
		return 0
	}
	return catalog.DiscountPct(l.Price, l.RegularPrice)
}

// IsLowest30d reports whether today's price is the lowest of the last 30 days, the figure the
// EU's Omnibus rule asks shops to compare a reduction against.
func (l Listing) IsLowest30d() bool {
	return l.OnSale() && l.Lowest30d > 0 && l.Price <= l.Lowest30d
}

// bestOffers ranks each product's live offers of listed retailers: in stock first, then
// cheapest. Row 1 per product is its best offer. The %s is a condition that limits which
// products are ranked.
const bestOffers = bestOffersOf + `(SELECT listed FROM retailers vr WHERE vr.id = o.retailer_id) = 1 AND %s
)`

// bestOffersOf is bestOffers without its visibility rule: the caller's condition follows.
const bestOffersOf = `best AS (
	SELECT o.product_id, o.retailer_id, o.url, o.currency, o.price, o.regular_price, o.availability, o.questionable,
		ROW_NUMBER() OVER (PARTITION BY o.product_id
			ORDER BY CASE WHEN o.availability = 'in_stock' THEN 0 ELSE 1 END, o.price, o.id) AS rn
	FROM offers o WHERE o.gone_at IS NULL AND `

// offerVisibleTo is the product page's rule for offer o: a listed retailer's, or the viewer's
// ($2, 0 for nobody) whose loves include the product (an unlisted retailer's tracked page).
const offerVisibleTo = `((SELECT listed FROM retailers vr WHERE vr.id = o.retailer_id) = 1
	OR EXISTS (SELECT 1 FROM loves vl WHERE vl.product_id = o.product_id AND vl.user_id = $2))`

// listingColumns reads a Listing from products p, brands br, best b and retailers r. The sizes
// come back joined by '|' (string_agg exists in PostgreSQL and, since 3.44, in SQLite) and are
// sorted in Go. The 30-day low is the smallest of the live offers' stored figures.
const listingColumns = `p.id, COALESCE(br.name, ''), p.title, p.image_url, COALESCE(r.name, ''), COALESCE(b.url, ''),
	COALESCE(b.currency, ''), COALESCE(b.price, 0), COALESCE(b.regular_price, 0), COALESCE(b.availability, ''),
	(SELECT string_agg(so.size, '|') FROM offers so
		WHERE so.product_id = p.id AND so.gone_at IS NULL AND so.availability = 'in_stock' AND so.size <> ''
			AND (SELECT listed FROM retailers vr WHERE vr.id = so.retailer_id) = 1),
	(SELECT MIN(lo.lowest_30d) FROM offers lo
		WHERE lo.product_id = p.id AND lo.currency = b.currency AND lo.gone_at IS NULL AND lo.lowest_30d > 0
			AND (SELECT listed FROM retailers vr WHERE vr.id = lo.retailer_id) = 1),
	COALESCE(b.questionable, 0), COALESCE(p.category_id, 0)`

// listingJoins are the joins listingColumns needs, after FROM products p.
const listingJoins = `LEFT JOIN brands br ON br.id = p.brand_id
	LEFT JOIN best b ON b.product_id = p.id AND b.rn = 1
	LEFT JOIN retailers r ON r.id = b.retailer_id`

// scanListing reads a row of listingColumns (then extra); kinds are the categories' size
// kinds (categorySizeKinds).
func scanListing(kinds map[int64]string, row interface{ Scan(...any) error }, extra ...any) (Listing, error) {
	var l Listing
	var avail string
	var sizes sql.NullString
	var low sql.NullInt64
	var questionable, category int64
	dest := append([]any{&l.ProductID, &l.Brand, &l.Title, &l.ImageURL, &l.Retailer, &l.URL,
		&l.Currency, &l.Price, &l.RegularPrice, &avail, &sizes, &low, &questionable, &category}, extra...)
	if err := row.Scan(dest...); err != nil {
		return Listing{}, err
	}
	l.SizeKind = kinds[category]
	l.HasOffer = avail != ""
	l.InStock = catalog.Availability(avail) == catalog.InStock
	l.Lowest30d = low.Int64
	l.Questionable = questionable != 0
	if sizes.Valid {
		l.Sizes = SortSizes(strings.Split(sizes.String, "|"))
	}
	return l, nil
}

// SaleListings returns up to limit products whose best in-stock offer is below its regular
// price, biggest discount first.
func (db *DB) SaleListings(ctx context.Context, limit int) ([]Listing, error) {
	q := `WITH ` + fmt.Sprintf(bestOffers, `o.availability = 'in_stock'`) + `,
	sale AS (
		SELECT b.product_id FROM best b
		WHERE b.rn = 1 AND b.price > 0 AND b.regular_price > b.price
		ORDER BY (b.regular_price - b.price) * 100 / b.regular_price DESC, b.product_id
		LIMIT $1
	)
	SELECT ` + listingColumns + `
	FROM sale s JOIN products p ON p.id = s.product_id ` + listingJoins + `
	ORDER BY (b.regular_price - b.price) * 100 / b.regular_price DESC, p.id`
	kinds, err := db.categorySizeKinds(ctx)
	if err != nil {
		return nil, fmt.Errorf("sale listings: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, q, limit)
	if err != nil {
		return nil, fmt.Errorf("sale listings: %w", err)
	}
	defer rows.Close()
	var out []Listing
	for rows.Next() {
		l, err := scanListing(kinds, rows)
		if err != nil {
			return nil, fmt.Errorf("sale listings: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// SearchListings finds up to limit products whose title or brand contains every word of query
// (case-insensitive), on-sale items first. It is a stopgap until the index package serves search.
func (db *DB) SearchListings(ctx context.Context, query string, limit int) ([]Listing, error) {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return nil, nil
	}
	if len(words) > 8 {
		words = words[:8]
	}
	args := []any{limit}
	var conds []string
	for _, w := range words {
		args = append(args, "%"+escapeLike(w)+"%")
		n := len(args)
		conds = append(conds, fmt.Sprintf(`(lower(p.title) LIKE $%d ESCAPE '\' OR lower(COALESCE(br.name, '')) LIKE $%d ESCAPE '\')`, n, n))
	}
	q := `WITH ` + fmt.Sprintf(bestOffers, `TRUE`) + `
	SELECT ` + listingColumns + `
	FROM products p ` + listingJoins + `
	WHERE ` + strings.Join(conds, " AND ") + `
	ORDER BY CASE WHEN b.availability = 'in_stock' AND b.regular_price > b.price THEN 0 ELSE 1 END, p.title, p.id
	LIMIT $1`
	kinds, err := db.categorySizeKinds(ctx)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var out []Listing
	for rows.Next() {
		l, err := scanListing(kinds, rows)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// escapeLike makes s match literally inside a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CollectionView is a collection as readers see it: the editor's text and each product live.
type CollectionView struct {
	editorial.Collection
	Entries []CollectionEntry
}

// CollectionEntry is one product of a collection with the editor's blurb and its best offer now.
type CollectionEntry struct {
	Position int
	Blurb    string
	Listing
}

// SoldOut reports whether no retailer has the product in stock any more.
func (e CollectionEntry) SoldOut() bool { return !e.InStock }

const collectionColumns = `id, slug, title, cover_image, intro_md, status, publish_at, created_at, updated_at`

// visibleCollection is the condition under which readers see a collection at time $1.
const visibleCollection = `(status = 'published' OR (status = 'scheduled' AND publish_at IS NOT NULL AND publish_at <= $1))`

func scanCollection(row interface{ Scan(...any) error }) (editorial.Collection, error) {
	var c editorial.Collection
	var status string
	var publish sql.NullInt64
	var created, updated int64
	if err := row.Scan(&c.ID, &c.Slug, &c.Title, &c.CoverImage, &c.IntroMD, &status, &publish, &created, &updated); err != nil {
		return editorial.Collection{}, notFound(err)
	}
	c.Status = editorial.Status(status)
	if publish.Valid {
		c.PublishAt = fromMS(publish.Int64)
	}
	c.CreatedAt, c.UpdatedAt = fromMS(created), fromMS(updated)
	return c, nil
}

// PublishedCollections returns up to limit collections readers may see now, newest first, each
// with its products live.
func (db *DB) PublishedCollections(ctx context.Context, limit int) ([]CollectionView, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+collectionColumns+` FROM collections
		WHERE `+visibleCollection+` ORDER BY COALESCE(publish_at, created_at) DESC, id DESC LIMIT $2`, db.nowMS(), limit)
	if err != nil {
		return nil, fmt.Errorf("published collections: %w", err)
	}
	var cols []editorial.Collection
	for rows.Next() {
		c, err := scanCollection(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("published collections: %w", err)
		}
		cols = append(cols, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("published collections: %w", err)
	}
	out := make([]CollectionView, 0, len(cols))
	for _, c := range cols {
		v, err := db.collectionEntries(ctx, c)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// CollectionBySlug returns the collection readers know by slug, with its products live. A draft,
// or one scheduled for later, is ErrNotFound.
func (db *DB) CollectionBySlug(ctx context.Context, slug string) (CollectionView, error) {
	c, err := scanCollection(db.sql.QueryRowContext(ctx, `SELECT `+collectionColumns+` FROM collections
		WHERE slug = $2 AND `+visibleCollection, db.nowMS(), slug))
	if err != nil {
		return CollectionView{}, fmt.Errorf("collection %q: %w", slug, err)
	}
	return db.collectionEntries(ctx, c)
}

func (db *DB) collectionEntries(ctx context.Context, c editorial.Collection) (CollectionView, error) {
	q := `WITH ` + fmt.Sprintf(bestOffers, `o.product_id IN (SELECT product_id FROM collection_items WHERE collection_id = $1)`) + `
	SELECT ` + listingColumns + `, ci.position, ci.blurb
	FROM collection_items ci JOIN products p ON p.id = ci.product_id ` + listingJoins + `
	WHERE ci.collection_id = $1
	ORDER BY ci.position`
	kinds, err := db.categorySizeKinds(ctx)
	if err != nil {
		return CollectionView{}, fmt.Errorf("collection %q items: %w", c.Slug, err)
	}
	rows, err := db.sql.QueryContext(ctx, q, c.ID)
	if err != nil {
		return CollectionView{}, fmt.Errorf("collection %q items: %w", c.Slug, err)
	}
	defer rows.Close()
	v := CollectionView{Collection: c}
	for rows.Next() {
		var e CollectionEntry
		l, err := scanListing(kinds, rows, &e.Position, &e.Blurb)
		if err != nil {
			return CollectionView{}, fmt.Errorf("collection %q items: %w", c.Slug, err)
		}
		e.Listing = l
		v.Entries = append(v.Entries, e)
		v.Items = append(v.Items, editorial.Item{ProductID: l.ProductID, Blurb: e.Blurb})
	}
	return v, rows.Err()
}

// ProductDetail is one product with every live offer (best first) and its price history.
type ProductDetail struct {
	catalog.Product
	// Best sums up the best offer now, the sizes in stock and the 30-day low.
	Best   Listing
	Offers []catalog.Offer
	// History is the recorded changes of the product's offers, oldest first: those of the
	// range read (ProductSince) and each offer's change in force at its start.
	History []PriceChange
	// LowestEver is the lowest price ever recorded by currency (the offers' all-time lows).
	LowestEver map[string]int64
}

// PriceChange is one row of the price change log: an offer's price, regular price or stock
// changed at At.
type PriceChange struct {
	OfferID      int64
	At           time.Time
	Currency     string
	Price        int64
	RegularPrice int64
	Availability catalog.Availability
}

// ProductByID returns a product with its listed retailers' offers and history, as anyone sees
// it; ErrNotFound if there is none.
func (db *DB) ProductByID(ctx context.Context, id int64) (ProductDetail, error) {
	return db.ProductFor(ctx, id, 0)
}

// ProductFor returns a product as the shopper viewerID (0: anyone) sees it: listed retailers'
// offers, and unlisted ones' (tracked pages) only when the viewer loves the product. A product
// whose offers are all unlisted is ErrNotFound to everyone else. Its price history is the last
// ProductHistoryWindow (see ProductSince).
func (db *DB) ProductFor(ctx context.Context, id, viewerID int64) (ProductDetail, error) {
	return db.ProductSince(ctx, id, viewerID, db.now().Add(-ProductHistoryWindow))
}

// productOffers is ProductFor without the price history.
func (db *DB) productOffers(ctx context.Context, id, viewerID int64) (ProductDetail, error) {
	var hidden bool
	if err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM offers o WHERE o.product_id = $1)
		AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.product_id = $1 AND `+offerVisibleTo+`)`, id, viewerID).Scan(&hidden); err != nil {
		return ProductDetail{}, fmt.Errorf("product %d: %w", id, err)
	}
	if hidden {
		return ProductDetail{}, fmt.Errorf("product %d: %w", id, ErrNotFound)
	}
	q := `WITH ` + bestOffersOf + `o.product_id = $1 AND ` + offerVisibleTo + `
)` + `
	SELECT ` + listingColumns + `, p.product_key, COALESCE(p.brand_id, 0), COALESCE(p.category_id, 0), COALESCE(c.path, ''),
		p.description, p.color, p.material, p.gender, p.gtin, p.mpn, p.created_at
	FROM products p ` + listingJoins + ` LEFT JOIN categories c ON c.id = p.category_id
	WHERE p.id = $1`
	kinds, err := db.categorySizeKinds(ctx)
	if err != nil {
		return ProductDetail{}, fmt.Errorf("product %d: %w", id, err)
	}
	var d ProductDetail
	var created int64
	l, err := scanListing(kinds, db.sql.QueryRowContext(ctx, q, id, viewerID), &d.Key, &d.BrandID, &d.CategoryID, &d.Category,
		&d.Description, &d.Color, &d.Material, &d.Gender, &d.GTIN, &d.MPN, &created)
	if err != nil {
		return ProductDetail{}, fmt.Errorf("product %d: %w", id, notFound(err))
	}
	d.Best = l
	d.ID, d.Brand, d.Title, d.ImageURL = l.ProductID, l.Brand, l.Title, l.ImageURL
	d.CreatedAt = fromMS(created)

	rows, err := db.sql.QueryContext(ctx, `SELECT o.id, o.retailer_id, r.name, o.item_id, o.url, o.size, o.size_system, o.color,
		o.currency, o.price, o.regular_price, o.availability, o.first_seen_at, `+lastSeenAt("o")+`, o.updated_at
		FROM offers o JOIN retailers r ON r.id = o.retailer_id
		WHERE o.product_id = $1 AND o.gone_at IS NULL AND `+offerVisibleTo+`
		ORDER BY CASE WHEN o.availability = 'in_stock' THEN 0 ELSE 1 END, o.price, r.name, o.id`, id, viewerID)
	if err != nil {
		return ProductDetail{}, fmt.Errorf("product %d offers: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var o catalog.Offer
		var avail string
		var first, last, updated int64
		if err := rows.Scan(&o.ID, &o.RetailerID, &o.Retailer, &o.ItemID, &o.URL, &o.Size, &o.SizeSystem, &o.Color,
			&o.Currency, &o.Price, &o.RegularPrice, &avail, &first, &last, &updated); err != nil {
			return ProductDetail{}, fmt.Errorf("product %d offers: %w", id, err)
		}
		o.ProductID = id
		o.Availability = catalog.Availability(avail)
		o.FirstSeenAt, o.LastSeenAt, o.UpdatedAt = fromMS(first), fromMS(last), fromMS(updated)
		d.Offers = append(d.Offers, o)
	}
	if err := rows.Err(); err != nil {
		return ProductDetail{}, fmt.Errorf("product %d offers: %w", id, err)
	}
	rows.Close()

	return d, nil
}

// letterSizes orders the letter sizes shoppers know.
var letterSizes = map[string]int{
	"XXXS": 1, "3XS": 1, "XXS": 2, "2XS": 2, "XS": 3, "S": 4, "M": 5, "L": 6, "XL": 7,
	"XXL": 8, "2XL": 8, "XXXL": 9, "3XL": 9, "4XL": 10, "ONE SIZE": 11, "OS": 11,
}

// SortSizes removes duplicates and orders sizes the way a size picker does: letter sizes from
// XXS up, then numbers (36, 36.5, 37), then anything else alphabetically.
func SortSizes(sizes []string) []string {
	seen := map[string]bool{}
	out := sizes[:0:0]
	for _, s := range sizes {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	rank := func(s string) (int, float64) {
		if r, ok := letterSizes[strings.ToUpper(s)]; ok {
			return 0, float64(r)
		}
		if f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
			return 1, f
		}
		return 2, 0
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, vi := rank(out[i])
		cj, vj := rank(out[j])
		if ci != cj {
			return ci < cj
		}
		if vi != vj {
			return vi < vj
		}
		return out[i] < out[j]
	})
	return out
}

// SaleSummary counts the products whose best in-stock offer is on sale, and their brands.
func (db *DB) SaleSummary(ctx context.Context) (products, brands int, err error) {
	q := `WITH ` + fmt.Sprintf(bestOffers, `o.availability = 'in_stock'`) + `
	SELECT COUNT(*), COUNT(DISTINCT p.brand_id) FROM best b JOIN products p ON p.id = b.product_id
	WHERE b.rn = 1 AND b.price > 0 AND b.regular_price > b.price`
	if err := db.sql.QueryRowContext(ctx, q).Scan(&products, &brands); err != nil {
		return 0, 0, fmt.Errorf("sale summary: %w", err)
	}
	return products, brands, nil
}
