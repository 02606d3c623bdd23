package bench

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
)

// matchPeer is a peer of the match benchmark: it matches the sampled shoppers one query each.
type matchPeer interface {
	run(ctx context.Context, view *index.MatchView, m *alerts.Matcher, sample []matchShopper, limit int, logf func(string, ...any)) (MatchFigures, error)
}

// peerQuery is a shopper's request as the peers take it: the same ids tagdrop resolves names
// to (the application does this once per shopper whatever the engine), and the price limit
// converted into each currency of the catalogue.
type peerQuery struct {
	brands   []int64
	sizes    []int64 // sizeCode(kind, size) of the shopper's sizes
	cats     []int64 // nil: any category
	minDisc  int
	hideQ    bool
	currency []string // with maxes: the limit per currency; nil when there is none
	maxes    []int64
	ok       bool // false: nothing can match
}

// sizeCode is a (size kind, size id) pair as one number.
func sizeCode(kind, size uint32) int64 { return int64(kind)<<24 | int64(size) }

// offerSizeCodes are an offer's sizes as sizeCodes of its product's kind.
func offerSizeCodes(o *index.MatchOffer) []int64 {
	out := make([]int64, len(o.Sizes))
	for i, s := range o.Sizes {
		out[i] = sizeCode(o.KindID, s)
	}
	return out
}

func newPeerQuery(v *index.MatchView, p alerts.Request) peerQuery {
	pr := p.Prefs
	q := peerQuery{minDisc: pr.MinDiscountPct, hideQ: pr.HideQuestionable, ok: true}
	for _, b := range pr.Brands {
		if id, ok := v.Brand(b); ok {
			q.brands = append(q.brands, int64(id))
		}
	}
	for _, s := range pr.Sizes {
		id, ok := v.Size(s.Value, s.System, s.Kind)
		k, ok2 := v.Kind(s.Kind)
		if ok && ok2 {
			q.sizes = append(q.sizes, sizeCode(k, id))
		}
	}
	if len(pr.Categories) > 0 {
		for _, c := range pr.Categories {
			if id, ok := v.Category(c); ok {
				q.cats = append(q.cats, int64(id))
			}
		}
		q.ok = len(q.cats) > 0
	}
	if pr.MaxPrice > 0 {
		from := pr.Currency
		if from == "" {
			from = v.Rates.Base
		}
		for _, c := range v.Currencies {
			limit, ok := v.Rates.Convert(pr.MaxPrice, from, c)
			if !ok {
				limit = -1
			}
			q.currency, q.maxes = append(q.currency, c), append(q.maxes, limit)
		}
	}
	q.ok = q.ok && len(q.brands) > 0
	return q
}

// postgresPerShopperQuery is the straightforward approach: one indexed query per shopper over
// a table of the offers on sale (smaller than the whole catalogue: the peer is spared the
// on-sale filter), best offer per product, ranked, capped, sent-history applied in SQL.
const postgresPerShopperQuery = `
SELECT offer_id FROM (
  SELECT DISTINCT ON (o.product_id) o.offer_id, o.questionable, o.score
  FROM m_offers o
  WHERE o.brand_id = ANY($1::bigint[])
    AND (o.one_size OR o.sizes && $2::bigint[])
    AND ($3::bigint[] IS NULL OR o.cats && $3::bigint[])
    AND o.disc >= $4
    AND NOT ($5 AND o.questionable)
    AND ($6::text[] IS NULL OR o.price <= (SELECT t.m FROM unnest($6::text[], $7::bigint[]) AS t(c, m) WHERE t.c = o.currency))
    AND NOT EXISTS (SELECT 1 FROM m_sent s WHERE s.user_id = $8 AND s.offer_id = o.offer_id AND o.price >= s.price)
  ORDER BY o.product_id, o.questionable, o.score DESC, o.offer_id
) best
ORDER BY questionable, score DESC, offer_id
LIMIT $9`

func runPostgresPerShopper(ctx context.Context, rawURL string, v *index.MatchView, m *alerts.Matcher, sample []matchShopper, limit int, logf func(string, ...any)) (MatchFigures, error) {
	srv, err := openServer(ctx, rawURL)
	if err != nil {
		return MatchFigures{}, err
	}
	defer srv.close(ctx)
	u, err := srv.create(ctx, "match_peer")
	if err != nil {
		return MatchFigures{}, err
	}
	db, err := sql.Open("pgx", u)
	if err != nil {
		return MatchFigures{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	t0 := time.Now()
	for _, q := range []string{
		`CREATE TABLE m_offers (offer_id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL, brand_id BIGINT NOT NULL,
			one_size BOOLEAN NOT NULL, sizes BIGINT[] NOT NULL, cats BIGINT[] NOT NULL, price BIGINT NOT NULL,
			currency TEXT NOT NULL, disc INTEGER NOT NULL, questionable BOOLEAN NOT NULL, score DOUBLE PRECISION NOT NULL)`,
		`CREATE TABLE m_sent (user_id BIGINT NOT NULL, offer_id BIGINT NOT NULL, price BIGINT NOT NULL, PRIMARY KEY (user_id, offer_id))`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return MatchFigures{}, err
		}
	}
	// Offers in batches of arrays: one statement per 5,000 rows.
	const batch = 5000
	cols := make([][]string, 11)
	flush := func() error {
		if len(cols[0]) == 0 {
			return nil
		}
		args := make([]any, len(cols))
		for i, c := range cols {
			args[i] = "{" + strings.Join(c, ",") + "}"
		}
		_, err := db.ExecContext(ctx, `INSERT INTO m_offers SELECT a, b, c, d, e::bigint[], f::bigint[], g, h, i, j, k
			FROM unnest($1::text::bigint[], $2::text::bigint[], $3::text::bigint[], $4::text::boolean[], $5::text::text[], $6::text::text[], $7::text::bigint[], $8::text::text[], $9::text::int[], $10::text::boolean[], $11::text::float8[])
			AS t(a, b, c, d, e, f, g, h, i, j, k)`, args...)
		for i := range cols {
			cols[i] = cols[i][:0]
		}
		return err
	}
	arr := func(xs []int64) string {
		parts := make([]string, len(xs))
		for i, x := range xs {
			parts[i] = strconv.FormatInt(x, 10)
		}
		return `"{` + strings.Join(parts, ",") + `}"`
	}
	for i := range v.Offers {
		o := &v.Offers[i]
		disc := index.Offer{Price: o.Price, RegularPrice: o.RegularPrice}.DiscountPct()
		var lastDrop, first time.Time
		if o.LastDropAt != 0 {
			lastDrop = time.UnixMilli(o.LastDropAt).UTC()
		}
		if o.FirstSeen != 0 {
			first = time.UnixMilli(o.FirstSeen).UTC()
		}
		cats := make([]int64, len(o.Cats))
		for j, c := range o.Cats {
			cats[j] = int64(c)
		}
		row := []string{strconv.FormatInt(o.OfferID, 10), strconv.FormatInt(o.ProductID, 10), strconv.FormatInt(int64(o.BrandID), 10),
			strconv.FormatBool(len(o.Sizes) > 0 && o.Sizes[0] == v.OneSize), arr(offerSizeCodes(o)), arr(cats),
			strconv.FormatInt(o.Price, 10), strconv.Quote(o.Currency), strconv.Itoa(disc), strconv.FormatBool(o.Questionable),
			strconv.FormatFloat(alerts.Score(disc, lastDrop, first, m.Now()), 'g', -1, 64)}
		for j, c := range row {
			cols[j] = append(cols[j], c)
		}
		if len(cols[0]) == batch {
			if err := flush(); err != nil {
				return MatchFigures{}, err
			}
		}
	}
	if err := flush(); err != nil {
		return MatchFigures{}, err
	}
	var users, offers, prices []int64
	for _, s := range sample {
		for _, it := range s.sent {
			users, offers, prices = append(users, s.id), append(offers, it.OfferID), append(prices, it.Price)
		}
	}
	if len(users) > 0 {
		if _, err := db.ExecContext(ctx, `INSERT INTO m_sent SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])`, users, offers, prices); err != nil {
			return MatchFigures{}, err
		}
	}
	for _, q := range []string{`CREATE INDEX m_offers_brand ON m_offers (brand_id)`, `ANALYZE m_offers`, `ANALYZE m_sent`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return MatchFigures{}, err
		}
	}
	logf("%s: %d offers loaded in %s", PeerPostgresPerShopper, len(v.Offers), time.Since(t0).Round(time.Millisecond))
	stmt, err := db.PrepareContext(ctx, postgresPerShopperQuery)
	if err != nil {
		return MatchFigures{}, err
	}
	defer stmt.Close()
	run := func(s matchShopper) ([]int64, error) {
		q := newPeerQuery(v, s.req)
		if !q.ok {
			return nil, nil
		}
		var cats, maxes any
		var curs any
		if q.cats != nil {
			cats = q.cats
		}
		if q.currency != nil {
			curs, maxes = q.currency, q.maxes
		}
		rows, err := stmt.QueryContext(ctx, q.brands, nonNil(q.sizes), cats, q.minDisc, q.hideQ, curs, maxes, s.id, limit)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, rows.Err()
	}
	return timeSample(ctx, m, sample, run)
}

// timeSample runs one peer's query per sampled shopper (after a warm-up of the first tenth),
// timing each, and counts the digests that differ from tagdrop's.
func timeSample(ctx context.Context, m *alerts.Matcher, sample []matchShopper, run func(matchShopper) ([]int64, error)) (MatchFigures, error) {
	for _, s := range sample[:len(sample)/10] {
		if _, err := run(s); err != nil {
			return MatchFigures{}, err
		}
	}
	f := MatchFigures{Sampled: len(sample)}
	lat := make([]float32, 0, len(sample))
	var total time.Duration
	for _, s := range sample {
		if err := ctx.Err(); err != nil {
			return f, err
		}
		t := time.Now()
		ids, err := run(s)
		d := time.Since(t)
		if err != nil {
			return f, err
		}
		total += d
		lat = append(lat, float32(d.Seconds()*1000))
		f.Items += len(ids)
		want := make([]int64, len(s.picks))
		for i, p := range s.picks {
			want[i] = m.OfferID(p)
		}
		if !slices.Equal(ids, want) {
			f.Mismatches++
		}
	}
	f.Seconds = total.Seconds()
	f.P50MS, f.P99MS = msPercentiles(lat)
	return f, nil
}

func nonNil(xs []int64) []int64 {
	if xs == nil {
		return []int64{}
	}
	return xs
}
