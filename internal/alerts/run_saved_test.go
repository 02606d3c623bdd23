package alerts_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// parseSaved is how tagdrop parses saved searches (cmd/tagdrop wires the same calls).
func parseSaved(db *store.DB) alerts.QueryParser {
	return func(ctx context.Context, q string) (index.Query, error) {
		v, err := url.ParseQuery(q)
		if err != nil {
			return index.Query{}, err
		}
		req, err := search.Parse(v, index.DefaultRates())
		if err != nil {
			return index.Query{}, err
		}
		return req.Query(ctx, db)
	}
}

// runSaved runs the digests due at f.now with saved searches on.
func (f *runFixture) runSaved(opts alerts.RunOptions) alerts.RunCounts {
	f.t.Helper()
	ix, err := index.Build(context.Background(), f.db, index.Options{})
	if err != nil {
		f.t.Fatal(err)
	}
	r := &alerts.DigestRun{Store: f.db, Index: func() *index.Index { return ix }, BaseURL: "https://tagdrop.example",
		Batch: 2, Now: func() time.Time { return f.now }, ParseSearch: parseSaved(f.db)}
	c, err := r.Run(context.Background(), opts)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// reasons reads a stored digest's items: offer id → reason.
func (f *runFixture) reasons(user int64, period string) map[int64]string {
	f.t.Helper()
	rows, err := f.db.SQL().QueryContext(context.Background(), `SELECT i.offer_id, i.reason FROM digest_items i JOIN digests d ON d.id = i.digest_id
		WHERE d.user_id = $1 AND d.period_key = $2`, user, period)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var reason string
		if err := rows.Scan(&id, &reason); err != nil {
			f.t.Fatal(err)
		}
		out[id] = reason
	}
	return out
}

// savedCoats adds Khaite coats nobody follows, found by ada's saved search "Coats" (q=coat):
// dropped (two offers of one coat, both dropped: one item), dropped2, fresh (first seen an
// hour ago), stale (on sale, unchanged for weeks); and gives the Ganni bag ada's brand match
// ranks first a drop too, so her "Ganni" saved search finds only what brand matching has.
func savedCoats(f *runFixture) (dropped, dropped2, fresh, stale int64) {
	f.t.Helper()
	old := f.now.Add(-60 * 24 * time.Hour).UnixMilli()
	shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('b', 'Shop B', 1)`)
	khaite := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('khaite', 'Khaite', 1)`)
	coat := func(key string, prices []int64, first int64) []int64 {
		p := f.id(`INSERT INTO products (product_key, brand_id, title, image_url, created_at, updated_at) VALUES ($1, $2, $3, '', 1, 1)`,
			key, khaite, "Wool coat "+key)
		var ids []int64
		for i, price := range prices {
			ids = append(ids, f.id(`INSERT INTO offers (retailer_id, product_id, item_id, url, size, size_system, currency, price, regular_price,
				availability, first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, '', '', 'EUR', $5, 40000, 'in_stock', $6, $6, $6)`,
				shop, p, fmt.Sprintf("%s-%d", key, i), "https://b.example/"+key, price, first))
		}
		return ids
	}
	a := coat("a", []int64{20000, 21000}, old)
	b := coat("b", []int64{25000}, old)
	c := coat("c", []int64{30000}, f.now.Add(-time.Hour).UnixMilli())
	d := coat("d", []int64{22000}, old)
	for _, o := range append(a, b...) {
		f.priceDrop(o, 40000, f.now.Add(-2*time.Hour))
	}
	f.priceDrop(f.bags[34], 10000, f.now.Add(-3*time.Hour))
	f.exec(`INSERT INTO saved_searches (user_id, name, query, created_at) VALUES ($1, 'Coats', 'q=coat', 1), ($1, 'Ganni', 'brand=Ganni', 1)`, f.ada)
	return a[0], b[0], c[0], d[0]
}

// priceDrop records that the offer cost from before at and its current price since at.
func (f *runFixture) priceDrop(offer, from int64, at time.Time) {
	f.t.Helper()
	var price int64
	if err := f.db.SQL().QueryRow(`SELECT price FROM offers WHERE id = $1`, offer).Scan(&price); err != nil {
		f.t.Fatal(err)
	}
	f.exec(`INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES ($1, $2, $3, 40000, 'in_stock'), ($1, $4, $5, 40000, 'in_stock')`,
		offer, at.Add(-time.Hour).UnixMilli(), from, at.UnixMilli(), price)
}

// TestDigestRunSavedSearches: saved-search matches join the digest once, as their own group
// with a reason that names the search, within the cap, never twice with brand matches, only
// when new or changed since the previous digest, and not again at a price already sent.
func TestDigestRunSavedSearches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newRunFixture(t, db)
		dropped, dropped2, fresh, stale := savedCoats(f)
		c := f.runSaved(alerts.RunOptions{})
		// Ada: 35 brand matches and 3 coats; the cap of 30 keeps 27 bags and the 3 coats.
		if c.Stored != 2 || c.Saved != 3 || c.Items != 31 || c.More != 8 {
			t.Fatalf("run %+v: want ada and bob stored, 3 saved items, 31 items, 8 more", c)
		}
		offers, _, msgID := f.digestItems(f.ada, "2026-11-26")
		if len(offers) != 30 {
			t.Fatalf("ada's digest has %d items, want 30", len(offers))
		}
		if got := offers[27:]; !sameSet(got, []int64{dropped, dropped2, fresh}) {
			t.Errorf("ada's last three items %v, want the coats %v", got, []int64{dropped, dropped2, fresh})
		}
		if slices.Contains(offers, stale) {
			t.Error("a coat unchanged for weeks came from the saved search")
		}
		reasons := f.reasons(f.ada, "2026-11-26")
		for _, o := range offers[27:] {
			if !strings.HasPrefix(reasons[o], "from your saved search ‘Coats’ · one size · ") {
				t.Errorf("coat %d's reason %q", o, reasons[o])
			}
		}
		if r := reasons[fresh]; !strings.Contains(r, "new today") {
			t.Errorf("the fresh coat's reason %q does not say it is new", r)
		}
		for _, o := range offers[:27] {
			if strings.Contains(reasons[o], "saved search") {
				t.Errorf("bag %d is in the digest as a saved-search match (%q): brand matches come first", o, reasons[o])
			}
		}
		if n := f.count(`SELECT COUNT(*) FROM digest_items i JOIN digests d ON d.id = i.digest_id WHERE d.user_id = $1 AND i.offer_id = $2`, f.ada, f.bags[34]); n != 1 {
			t.Errorf("the dropped bag is in ada's digest %d times", n)
		}
		m, err := db.Message(context.Background(), msgID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.TextBody, "== From your saved search ‘Coats’ ==") || strings.Contains(m.TextBody, "‘Ganni’") {
			t.Errorf("ada's mail lacks the Coats section or shows an empty Ganni one:\n%s", m.TextBody)
		}
		if sent, _ := db.SentItems(context.Background(), f.ada); sent[dropped] != 20000 {
			t.Errorf("the coat's sent price %d, want 20000", sent[dropped])
		}

		// The same period again stores nothing new.
		before := f.count(`SELECT COUNT(*) FROM digest_items`)
		if c := f.runSaved(alerts.RunOptions{}); c.Stored+c.Empty+c.Items+c.Saved != 0 {
			t.Errorf("rerun %+v", c)
		}
		if n := f.count(`SELECT COUNT(*) FROM digest_items`); n != before {
			t.Errorf("rerun added %d items", n-before)
		}

		// Next day: the first coat drops again (back), the second rises and falls back to the
		// price ada was sent (a drop, but not below what she was sent), the fresh one is
		// unchanged since her digest.
		next := f.now.Add(24 * time.Hour)
		f.exec(`UPDATE offers SET price = 18000 WHERE id = $1`, dropped)
		f.exec(`INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES ($1, $2, 18000, 40000, 'in_stock')`,
			dropped, next.Add(-time.Hour).UnixMilli())
		f.exec(`INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES ($1, $2, 30000, 40000, 'in_stock'), ($1, $3, 25000, 40000, 'in_stock')`,
			dropped2, next.Add(-3*time.Hour).UnixMilli(), next.Add(-2*time.Hour).UnixMilli())
		f.now = next
		f.runSaved(alerts.RunOptions{})
		reasons = f.reasons(f.ada, "2026-11-27")
		var saved []int64
		for o, r := range reasons {
			if strings.Contains(r, "saved search") {
				saved = append(saved, o)
			}
		}
		if !slices.Equal(saved, []int64{dropped}) {
			t.Errorf("next day's saved-search items %v, want only the coat that got cheaper %d", saved, dropped)
		}
	})
}

// TestDigestRunSavedSearchCap: saved-search matches take at most half the cap when brand
// matches would fill it, and the rest when they do not.
func TestDigestRunSavedSearchCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newRunFixture(t, db)
		savedCoats(f)
		ix, err := index.Build(context.Background(), db, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := &alerts.DigestRun{Store: db, Index: func() *index.Index { return ix }, BaseURL: "https://tagdrop.example",
			Now: func() time.Time { return f.now }, ParseSearch: parseSaved(db), Cap: 4}
		c, err := r.Run(context.Background(), alerts.RunOptions{UserID: f.ada})
		if err != nil {
			t.Fatal(err)
		}
		// 35 bags and 3 coats, a cap of 4: 2 bags, 2 coats, 34 more.
		if c.Items != 4 || c.Saved != 2 || c.More != 34 {
			t.Errorf("capped run %+v, want 4 items, 2 saved, 34 more", c)
		}
		// A cap the brand matches do not fill: the coats take what is left.
		f.exec(`DELETE FROM sent_items`)
		f.exec(`UPDATE offers SET availability = 'out_of_stock' WHERE id IN (SELECT id FROM offers WHERE product_id IN (
			SELECT id FROM products WHERE product_key LIKE 'bag-%') AND id NOT IN ($1))`, f.bags[34])
		if ix, err = index.Build(context.Background(), db, index.Options{}); err != nil {
			t.Fatal(err)
		}
		c, err = r.Run(context.Background(), alerts.RunOptions{UserID: f.ada, Period: "2026-11-25"})
		if err != nil {
			t.Fatal(err)
		}
		if c.Items != 4 || c.Saved != 3 || c.More != 0 {
			t.Errorf("run with one bag %+v, want 4 items, 3 saved, 0 more", c)
		}
	})
}
