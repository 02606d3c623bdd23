package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestDigestSources: the batch reads of saved searches, previous digests and love alerts, and
// the love-alert mail listing in keyset pages.
func TestDigestSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		f.exec(`INSERT INTO saved_searches (user_id, name, query, created_at) VALUES ($1, 'b', 'q=boot', 1), ($1, 'a', 'brand=Ganni', 1), ($2, 'x', 'q=x', 1)`, f.ada, f.fay)
		saved, err := db.SavedSearchesOf(ctx, []int64{f.ada, f.bob})
		if err != nil {
			t.Fatal(err)
		}
		if len(saved) != 1 || len(saved[f.ada]) != 2 || saved[f.ada][0].Name != "a" || saved[f.ada][0].Query != "brand=Ganni" || saved[f.ada][1].Name != "b" {
			t.Errorf("saved searches %+v", saved)
		}

		f.exec(`INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, '2026-11-24', 'empty', 1000), ($1, '2026-11-25', 'empty', 2000),
			($1, 'loves-2026-11-26', 'empty', 3000), ($2, 'loves-2026-11-26', 'empty', 3000)`, f.ada, f.fay)
		prev, err := db.PreviousDigestsOf(ctx, []int64{f.ada, f.fay, f.gus})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int64]time.Time{f.ada: time.UnixMilli(2000).UTC()}; len(prev) != 1 || !prev[f.ada].Equal(want[f.ada]) {
			t.Errorf("previous digests %v, want %v (love-alert mails aside)", prev, want)
		}

		var product int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT product_id FROM offers WHERE id = $1`, f.o38).Scan(&product); err != nil {
			t.Fatal(err)
		}
		alert := func(user int64, created time.Time, pushed bool) int64 {
			love := f.id(`INSERT INTO loves (user_id, product_id, size, created_at) VALUES ($1, $2, $3, 1)`, user, product, created.Format("150405.000"))
			var delivered any
			if pushed {
				delivered = created.UnixMilli()
			}
			return f.id(`INSERT INTO love_alerts (love_id, user_id, kind, offer_id, currency, price, previous_price, basis_at, created_at, delivered_at)
				VALUES ($1, $2, 'price_drop', $3, 'EUR', 20000, 25000, $4, $4, $5)`, love, user, f.o38, created.UnixMilli(), delivered)
		}
		hour := func(h int) time.Time { return f.now.Add(time.Duration(h) * time.Hour) }
		adaNew := alert(f.ada, hour(-1), false)
		adaPushed := alert(f.ada, hour(-2), true)
		alert(f.ada, hour(-100), false) // before the window
		alert(f.bob, hour(-1), false)   // digests off
		alert(f.cat, hour(-1), false)   // bounced
		alert(f.eve, hour(-1), false)
		alert(f.fay, hour(-1), true) // pushed
		gusAlert := alert(f.gus, hour(-1), false)
		f.exec(`INSERT INTO love_alert_deliveries (alert_id, channel, delivered_at) VALUES ($1, 'email', 1)`, gusAlert)

		notices, err := db.LoveNoticesOf(ctx, []int64{f.ada, f.gus}, hour(-10))
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, n := range notices[f.ada] {
			got = append(got, n.AlertID)
			if n.Title != "Boots" || n.Brand != "Ganni" || n.Retailer != "Shop A" || n.Kind != alerts.PriceDropped || n.Price != 20000 ||
				n.PreviousPrice != 25000 || n.Pushed != (n.AlertID == adaPushed) || n.UserID != f.ada {
				t.Errorf("notice %+v", n)
			}
		}
		if !reflect.DeepEqual(got, []int64{adaNew, adaPushed}) && !reflect.DeepEqual(got, []int64{adaPushed, adaNew}) || len(notices[f.gus]) != 0 {
			t.Errorf("notices %v (gus %v), want ada's two in the window, none of gus's e-mailed one", got, notices[f.gus])
		}

		var listed []int64
		after := int64(0)
		for range 10 {
			page, err := db.LoveMailRecipients(ctx, after, 1, hour(-10), hour(0))
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			listed = append(listed, page[0].UserID)
			after = page[0].UserID
			if page[0].UserID == f.eve && (page[0].HasPreferences || page[0].DigestHour != 8 || page[0].TimeZone != "UTC") {
				t.Errorf("eve without preferences listed as %+v", page[0])
			}
		}
		if want := []int64{f.ada, f.eve}; !reflect.DeepEqual(listed, want) {
			t.Errorf("love-alert mail shoppers %v, want %v (not digests off, bounced, pushed or e-mailed)", listed, want)
		}
	})
}
