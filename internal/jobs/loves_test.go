package jobs

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func execSQL(t *testing.T, db *store.DB, q string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := db.SQL().QueryRowContext(context.Background(), q+" RETURNING id", args...).Scan(&id); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return id
}

func TestLoveEvaluator(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		shop := execSQL(t, db, `INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		product := execSQL(t, db, `INSERT INTO products (product_key, title, created_at, updated_at) VALUES ('coat', 'Coat', 1, 1)`)
		offer := func(size string, price int64, avail string) int64 {
			return execSQL(t, db, `INSERT INTO offers (retailer_id, product_id, item_id, size, currency, price, regular_price, availability,
				first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, 'EUR', $5, 30000, $6, 1, 1, 1)`,
				shop, product, "coat-"+size, size, price, avail)
		}
		oS, oM := offer("S", 20000, "in_stock"), offer("M", 20000, "out_of_stock")
		var users []int64
		for i := range 3 {
			u, err := db.CreateUser(ctx, fmt.Sprintf("u%d@example.com", i), account.Shopper, "", true)
			if err != nil {
				t.Fatal(err)
			}
			users = append(users, u.ID)
		}
		baseline := func(offer int64, in bool) alerts.LoveState {
			return alerts.LoveState{Known: true, OfferID: offer, Price: 20000, Currency: "EUR", InStock: in, At: now.Add(-time.Hour)}
		}
		// Five loves: S with drop alerts, S with a target, M waiting for stock, S of a shopper who
		// wants nothing but a target that will not be reached, and one never evaluated.
		loves := []store.Love{
			{UserID: users[0], ProductID: product, Love: alerts.Love{Size: "S", AlertAnyDrop: true}, Seen: baseline(oS, true)},
			{UserID: users[1], ProductID: product, Love: alerts.Love{Size: "S", TargetPrice: 17000}, Seen: baseline(oS, true)},
			{UserID: users[0], ProductID: product, Love: alerts.Love{Size: "M", AlertBackInStock: true}, Seen: baseline(oM, false)},
			{UserID: users[2], ProductID: product, Love: alerts.Love{Size: "S", TargetPrice: 10000}, Seen: baseline(oS, true)},
			{UserID: users[2], ProductID: product, Love: alerts.Love{Size: "M", AlertAnyDrop: true}},
		}
		for i, l := range loves {
			saved, err := db.SaveLove(ctx, l)
			if err != nil {
				t.Fatal(err)
			}
			loves[i] = saved
		}
		e := NewLoveEvaluator(db, alerts.LoveRules{MinDropShare: 0.05, MinDropAmount: 100}, nil)
		e.batch = 2 // three batches for five loves
		e.now = func() time.Time { return now }

		// Nothing changed: no alert, only the never-evaluated love gets a baseline.
		r, err := e.EvaluateOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r != (LoveRound{Loves: 5, Changed: 1, Alerts: 0}) {
			t.Errorf("first round = %+v", r)
		}

		// S drops to 165.00 and M comes back in stock.
		if _, err := db.SQL().ExecContext(ctx, `UPDATE offers SET price = 16500 WHERE id = $1`, oS); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, `UPDATE offers SET availability = 'in_stock' WHERE id = $1`, oM); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		r, err = e.EvaluateOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r.Loves != 5 || r.Alerts != 3 {
			t.Errorf("second round = %+v, want 3 alerts", r)
		}
		kinds := map[int64][]alerts.LoveAlertKind{}
		for _, u := range users {
			rows, err := db.LoveAlerts(ctx, u, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range rows {
				kinds[u] = append(kinds[u], a.Kind)
			}
		}
		want := map[int64][]alerts.LoveAlertKind{
			users[0]: {alerts.BackInStock, alerts.PriceDropped}, // newest first
			users[1]: {alerts.TargetReached},
		}
		if fmt.Sprint(kinds) != fmt.Sprint(want) {
			t.Errorf("alerts by shopper = %v, want %v", kinds, want)
		}

		// A rerun on an unchanged catalogue records nothing more.
		r, err = e.EvaluateOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r.Alerts != 0 || r.Changed != 0 {
			t.Errorf("rerun = %+v, want nothing", r)
		}
	})
}

func TestTrackedChecker(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		price := 19900
		up := true
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !up {
				http.Error(w, "down", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprintf(w, `<!doctype html><html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
				"name":"Silk scarf","sku":"SC-1","offers":{"@type":"Offer","price":"%d.%02d","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script></head><body></body></html>`,
				price/100, price%100)
		}))
		defer srv.Close()
		client := fetch.New(fetch.Config{Timeout: 10 * time.Second, MaxBytes: ingest.MaxTrackedPageBytes, Allow: loopback()})
		pages := ingest.NewPageImporter(ingest.New(db, nil), db, client)
		res, err := pages.ImportPage(ctx, srv.URL+"/scarf")
		if err != nil {
			t.Fatal(err)
		}
		u, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if _, _, err := db.TrackPage(ctx, res.URL, store.Love{UserID: u.ID, ProductID: res.ProductID}, now.Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		c := NewTrackedChecker(db, pages, time.Hour, nil)

		price = 14900
		n, failed, err := c.CheckOnce(ctx)
		if err != nil || n != 1 || failed != 0 {
			t.Fatalf("CheckOnce = %d, %d, %v; want 1 page checked", n, failed, err)
		}
		// The page's shop is unlisted (a tracked host): its shopper sees the product.
		if p, _ := db.ProductFor(ctx, res.ProductID, u.ID); p.Best.Price != 14900 {
			t.Errorf("price after the check = %d, want 14900", p.Best.Price)
		}
		if n, _, _ := c.CheckOnce(ctx); n != 0 {
			t.Errorf("checked %d pages again at once, want none before the interval", n)
		}

		// While another import of the page's shop runs, the check waits a little, then leaves
		// the page due without counting a failure.
		shop, err := db.EnsureTrackedRetailer(ctx, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		held, err := db.StartFeedRun(ctx, shop.ID, "by-hand.xml", "gmc-xml", now)
		if err != nil {
			t.Fatal(err)
		}
		c.now = func() time.Time { return now.Add(2 * time.Hour) }
		if n, failed, err := c.CheckOnce(ctx); err != nil || n != 0 || failed != 0 {
			t.Fatalf("CheckOnce while the shop is being imported = %d, %d, %v; want nothing checked, no failure", n, failed, err)
		}
		if tps, _ := db.TrackedPages(ctx, u.ID); len(tps) != 1 || tps[0].Failures != 0 {
			t.Fatalf("tracked page after a busy check = %+v", tps)
		}
		if err := db.FinishFeedRun(ctx, store.FeedRun{ID: held, Status: store.RunOK, Format: "gmc-xml"}); err != nil {
			t.Fatal(err)
		}

		up = false
		n, failed, err = c.CheckOnce(ctx)
		if err != nil || n != 1 || failed != 1 {
			t.Fatalf("CheckOnce while the shop is down = %d, %d, %v", n, failed, err)
		}
		tps, _ := db.TrackedPages(ctx, u.ID)
		if len(tps) != 1 || tps[0].Failures != 1 || tps[0].LastError == "" {
			t.Errorf("tracked page after a failed check = %+v", tps)
		}
	})
}

// loopback lets the test's client reach httptest servers; production never allows it.
func loopback() []netip.Prefix {
	return []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
}
