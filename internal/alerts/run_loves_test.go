package alerts_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// loveAlert stores a love of the boot by user (once per user) and an alert of it created at
// created; pushed marks it delivered by web push.
func (f *runFixture) loveAlert(user int64, kind alerts.LoveAlertKind, price, previous int64, created time.Time, pushed bool) int64 {
	f.t.Helper()
	var love int64
	err := f.db.SQL().QueryRow(`SELECT id FROM loves WHERE user_id = $1`, user).Scan(&love)
	if err != nil {
		love = f.id(`INSERT INTO loves (user_id, product_id, size, created_at) SELECT $1, product_id, '38', 1 FROM offers WHERE id = $2`, user, f.boot38)
	}
	var delivered any
	if pushed {
		delivered = created.Add(time.Minute).UnixMilli()
	}
	return f.id(`INSERT INTO love_alerts (love_id, user_id, kind, offer_id, currency, price, previous_price, basis_at, created_at, delivered_at)
		VALUES ($1, $2, $3, $4, 'EUR', $5, $6, $7, $7, $8)`, love, user, string(kind), f.boot38, price, previous, created.UnixMilli(), delivered)
}

// mailOf reads the text of the message stored for a user's period; "" when there is none.
func (f *runFixture) mailOf(user int64, period string) string {
	f.t.Helper()
	var text string
	err := f.db.SQL().QueryRow(`SELECT m.text_body FROM digests d JOIN messages m ON m.id = d.message_id WHERE d.user_id = $1 AND d.period_key = $2`,
		user, period).Scan(&text)
	if err != nil {
		return ""
	}
	return text
}

func (f *runFixture) emailed(alert int64) bool {
	return f.count(`SELECT COUNT(*) FROM love_alert_deliveries WHERE alert_id = $1 AND channel = 'email'`, alert) == 1
}

// TestDigestRunLoveAlerts: love alerts lead the digest under "Your loves" and are marked
// delivered by e-mail with it, never repeated; shoppers without a digest that day get one
// love-alert mail with what push did not deliver, except those with digests off; a rerun
// stores nothing new.
func TestDigestRunLoveAlerts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newRunFixture(t, db)
		// Ada (daily digest due): a drop, then the target reached on the same love, and an
		// alert push delivered already; and one too old to mail.
		adaDrop := f.loveAlert(f.ada, alerts.PriceDropped, 5500, 6000, f.now.Add(-5*time.Hour), false)
		adaTarget := f.loveAlert(f.ada, alerts.TargetReached, 5000, 5500, f.now.Add(-4*time.Hour), true)
		adaOld := f.loveAlert(f.ada, alerts.BackInStock, 6000, 0, f.now.Add(-alerts.LoveWindow-time.Hour), false)
		// Hal (weekly, Monday's digest done: no digest on Thursday): one alert to mail, one push
		// delivered, one too recent for mail. Fay (digests off, as unsubscribing sets): none.
		hu, err := db.CreateUser(ctx, "hal@example.com", "shopper", "", true)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SavePreferences(ctx, account.Preferences{UserID: hu.ID, Brands: []string{"Ganni"}, Frequency: account.Weekly, TimeZone: "UTC"}); err != nil {
			t.Fatal(err)
		}
		f.exec(`INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, '2026-11-23', 'empty', 1)`, hu.ID)
		halDrop := f.loveAlert(hu.ID, alerts.PriceProtection, 5000, 6000, f.now.Add(-2*time.Hour), false)
		halPushed := f.loveAlert(hu.ID, alerts.BackInStock, 6000, 0, f.now.Add(-3*time.Hour), true)
		halRecent := f.loveAlert(hu.ID, alerts.PriceDropped, 4500, 5000, f.now.Add(-10*time.Minute), false)
		fay := f.loveAlert(f.fay, alerts.BackInStock, 6000, 0, f.now.Add(-time.Hour), false)
		// Gus: no preferences at all, a love alert. Dan: bounced, a love alert.
		gu, err := db.CreateUser(ctx, "gus@example.com", "shopper", "", true)
		if err != nil {
			t.Fatal(err)
		}
		gus := f.loveAlert(gu.ID, alerts.BackInStock, 6000, 0, f.now.Add(-time.Hour), false)
		dan := f.loveAlert(f.dan, alerts.BackInStock, 6000, 0, f.now.Add(-time.Hour), false)

		c, _, err := f.run(alerts.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Stored != 2 || c.Empty != 1 || c.LoveMails != 2 || c.Loves != 4 || c.Failed != 0 {
			t.Fatalf("run %+v: want ada and bob stored, cat empty, mails for hal and gus, 4 alerts e-mailed", c)
		}
		ada := f.mailOf(f.ada, "2026-11-26")
		if !strings.HasPrefix(ada, "Boot: reached your target price; ") || !strings.Contains(ada, "== Your loves ==\n\n") ||
			!strings.Contains(ada, "€50.00, was €55.00\nSize 38 · at Shop A\nReached your target price\nhttps://tagdrop.example/products/") {
			t.Errorf("ada's digest does not lead with her love:\n%s", ada)
		}
		if strings.Index(ada, "Your loves") > strings.Index(ada, "On sale in your size") {
			t.Errorf("loves are not on top:\n%s", ada)
		}
		if strings.Count(ada, "Size 38 · at Shop A") != 1 {
			t.Errorf("ada's love is shown more than once:\n%s", ada)
		}
		for _, tt := range []struct {
			name  string
			alert int64
			want  bool
		}{
			{"ada's drop (shown under the newer target alert)", adaDrop, true}, {"ada's target", adaTarget, true},
			{"ada's old alert", adaOld, false}, {"hal's alert", halDrop, true}, {"hal's pushed alert", halPushed, false},
			{"hal's recent alert", halRecent, false}, {"gus's alert", gus, true}, {"dan's alert (bounced)", dan, false},
			{"fay's alert (digests off)", fay, false},
		} {
			if got := f.emailed(tt.alert); got != tt.want {
				t.Errorf("%s e-mailed: %v, want %v", tt.name, got, tt.want)
			}
		}
		hal := f.mailOf(hu.ID, "loves-2026-11-26")
		if !strings.Contains(hal, "claim the difference of €10.00") || strings.Contains(hal, "Back in stock") || strings.Contains(hal, "On sale") {
			t.Errorf("hal's love-alert mail:\n%s", hal)
		}
		if f.mailOf(gu.ID, "loves-2026-11-26") == "" {
			t.Error("gus, without preferences, got no love-alert mail")
		}
		if n := f.count(`SELECT COUNT(*) FROM digests WHERE user_id = $1`, f.fay); n != 0 {
			t.Error("fay, with digests off, got a digest or a love-alert mail")
		}

		// Property: the same period again stores nothing new.
		counts := func() [3]int {
			return [3]int{f.count(`SELECT COUNT(*) FROM messages`), f.count(`SELECT COUNT(*) FROM love_alert_deliveries`), f.count(`SELECT COUNT(*) FROM digests`)}
		}
		before := counts()
		if c, _, err := f.run(alerts.RunOptions{}); err != nil || c.Stored+c.Empty+c.LoveMails+c.Loves != 0 {
			t.Errorf("rerun %+v, %v", c, err)
		}
		if after := counts(); after != before {
			t.Errorf("rerun changed messages, deliveries, digests from %v to %v", before, after)
		}

		// An hour later hal's recent alert is past the push grace, but he had his mail today.
		f.now = f.now.Add(time.Hour)
		if c, _, err := f.run(alerts.RunOptions{}); err != nil || c.LoveMails != 0 {
			t.Errorf("second love-alert mail the same day: %+v, %v", c, err)
		}
		// Next day: fay gets it; ada's digest does not repeat her loves.
		f.now = f.now.Add(23 * time.Hour)
		c, _, err = f.run(alerts.RunOptions{})
		if err != nil || c.LoveMails != 1 || c.Loves != 1 {
			t.Errorf("next day %+v, %v: want hal's one alert", c, err)
		}
		if !f.emailed(halRecent) {
			t.Error("hal's recent alert was not mailed the next day")
		}
		if next := f.mailOf(f.ada, "2026-11-27"); strings.Contains(next, "Your loves") || strings.Contains(next, "Boot") {
			t.Errorf("ada's next digest repeats her loves:\n%s", next)
		}
	})
}
