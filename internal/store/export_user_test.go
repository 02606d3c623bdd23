package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// seedPersonal gives a user one row in every personal table, each carrying marker so the test
// can tell whose row an export shows.
func seedPersonal(t *testing.T, db *store.DB, userID int64, marker string, offerID, productID, brandID, categoryID int64) {
	t.Helper()
	ctx := context.Background()
	now := time.Now().UnixMilli()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO preference_brands (user_id, brand_id) VALUES ($1, $2)`, []any{userID, brandID}},
		{`INSERT INTO preference_sizes (user_id, kind, system, value) VALUES ($1, 'shoes', 'EU', $2)`, []any{userID, marker + "-size"}},
		{`INSERT INTO preference_categories (user_id, category_id) VALUES ($1, $2)`, []any{userID, categoryID}},
		{`INSERT INTO loves (user_id, product_id, size, color, created_at) VALUES ($1, $2, $3, 'red', $4)`, []any{userID, productID, marker + "-love", now}},
		{`INSERT INTO saved_searches (user_id, name, query, created_at) VALUES ($1, $2, 'q=bag', $3)`, []any{userID, marker + "-search", now}},
		{`INSERT INTO sent_items (user_id, offer_id, price, sent_at) VALUES ($1, $2, 1234, $3)`, []any{userID, offerID, now}},
		{`INSERT INTO messages (user_id, kind, message_id, to_addr, subject, text_body, created_at) VALUES ($1, 'digest', $2, $3, $4, 'body', $5)`,
			[]any{userID, "<" + marker + "@test>", marker + "@example.com", marker + "-subject", now}},
		{`INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) VALUES ($1, $2, 'k', 'a', $3)`,
			[]any{userID, "https://push.example.com/" + marker, now}},
		{`INSERT INTO clickouts (offer_id, user_id, source, at) VALUES ($1, $2, $3, $4)`, []any{offerID, userID, marker + "-click", now}},
		{`INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, []any{marker + "-session", userID, now, now + 3600_000}},
	} {
		if _, err := db.SQL().ExecContext(ctx, q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	var loveID int64
	if err := db.SQL().QueryRowContext(ctx, `SELECT id FROM loves WHERE user_id = $1`, userID).Scan(&loveID); err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO love_alerts (love_id, user_id, kind, currency, price, basis_at, created_at) VALUES ($1, $2, $3, 'EUR', 900, $4, $4)`,
			[]any{loveID, userID, marker + "-alert", now}},
		{`INSERT INTO tracked_pages (user_id, url, product_id, created_at, checked_at, next_check_at) VALUES ($1, $2, $3, $4, $4, $4)`,
			[]any{userID, "https://shop.example.com/" + marker + "-page", productID, now}},
	} {
		if _, err := db.SQL().ExecContext(ctx, q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	var digestID int64
	if err := db.SQL().QueryRowContext(ctx, `INSERT INTO digests (user_id, period_key, created_at) VALUES ($1, $2, $3) RETURNING id`,
		userID, marker+"-period", now).Scan(&digestID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO digest_items (digest_id, position, offer_id, price, regular_price, currency, reason) VALUES ($1, 1, $2, 1000, 2000, 'EUR', $3)`,
		digestID, offerID, marker+"-reason"); err != nil {
		t.Fatal(err)
	}
}

func TestExportUserHoldsEverythingAndOnlyTheirs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UnixMilli()
		id := func(q string, args ...any) int64 {
			t.Helper()
			var v int64
			if err := db.SQL().QueryRowContext(ctx, q+" RETURNING id", args...).Scan(&v); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return v
		}
		ret := id(`INSERT INTO retailers (slug, name, created_at) VALUES ('r', 'Retailer', $1)`, now)
		brand := id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', $1)`, now)
		brand2 := id(`INSERT INTO brands (slug, name, created_at) VALUES ('toteme', 'Toteme', $1)`, now)
		cat := id(`INSERT INTO categories (slug, name, path) VALUES ('bags', 'Bags', 'Apparel > Bags')`)
		cat2 := id(`INSERT INTO categories (slug, name, path) VALUES ('shoes', 'Shoes', 'Apparel > Shoes')`)
		prod := id(`INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('k1', $1, 'Cardigan', $2, $2)`, brand, now)
		prod2 := id(`INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('k2', $1, 'Tote', $2, $2)`, brand2, now)
		offer := id(`INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
			VALUES ($1, $2, 'i1', 'EUR', 100, 200, $3, $3, $3)`, ret, prod, now)
		offer2 := id(`INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
			VALUES ($1, $2, 'i2', 'EUR', 100, 200, $3, $3, $3)`, ret, prod2, now)

		ada, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "secret-hash-ada", true)
		if err != nil {
			t.Fatal(err)
		}
		bo, err := db.CreateUser(ctx, "bo@example.com", account.Shopper, "", false)
		if err != nil {
			t.Fatal(err)
		}
		seedPersonal(t, db, ada.ID, "ada", offer, prod, brand, cat)
		seedPersonal(t, db, bo.ID, "bo", offer2, prod2, brand2, cat2)

		exp, err := db.ExportUser(ctx, ada.ID)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := json.Marshal(exp)
		if err != nil {
			t.Fatal(err)
		}
		js := string(raw)
		for _, want := range []string{`"ada@example.com"`, "ada-size", "ada-love", "ada-search", "ada-subject", "push.example.com/ada",
			"ada-click", "ada-period", "ada-alert", "ada-page", "ada-reason", `"Ganni"`, `"Apparel \u003e Bags"`, `"Cardigan"`, `"` + store.ExportFormat + `"`} {
			if !strings.Contains(js, want) {
				t.Errorf("export lacks %s", want)
			}
		}
		for _, leak := range []string{"bo@example.com", "bo-", "Toteme", "Apparel \\u003e Shoes", "secret-hash", "ada-session", "password_hash", "token_hash"} {
			if strings.Contains(js, leak) {
				t.Errorf("export contains %q, which is not the shopper's data or is a secret", leak)
			}
		}

		// The shape scripts read: sections with their rows.
		var doc struct {
			User struct {
				Email       string `json:"email"`
				HasPassword bool   `json:"has_password"`
				CreatedAt   string `json:"created_at"`
			} `json:"user"`
			Preferences struct {
				Frequency string           `json:"frequency"`
				Sizes     []map[string]any `json:"sizes"`
			} `json:"preferences"`
			Digests []struct {
				Items []map[string]any `json:"items"`
			} `json:"digests"`
			SentItems []map[string]any `json:"sent_items"`
			Sessions  struct {
				Active int `json:"active"`
			} `json:"sessions"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.User.Email != "ada@example.com" || !doc.User.HasPassword || doc.Preferences.Frequency != "daily" {
			t.Errorf("user section = %+v, preferences = %+v", doc.User, doc.Preferences)
		}
		if _, err := time.Parse(time.RFC3339Nano, doc.User.CreatedAt); err != nil {
			t.Errorf("created_at %q is not RFC 3339: %v", doc.User.CreatedAt, err)
		}
		if len(doc.Digests) != 1 || len(doc.Digests[0].Items) != 1 || len(doc.SentItems) != 1 || len(doc.Preferences.Sizes) != 1 {
			t.Errorf("digests %+v, sent items %d, sizes %d", doc.Digests, len(doc.SentItems), len(doc.Preferences.Sizes))
		}
		if doc.Sessions.Active != 1 {
			t.Errorf("sessions.active = %d, want 1", doc.Sessions.Active)
		}
		if _, err := db.ExportUser(ctx, bo.ID+ada.ID+100); err == nil {
			t.Error("exporting an unknown user succeeded")
		}

		// Deleting a user removes every personal row; anonymous click counts stay.
		if err := db.DeleteUser(ctx, ada.ID); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"sessions", "preferences", "preference_brands", "preference_sizes", "preference_categories", "loves",
			"saved_searches", "sent_items", "digests", "messages", "push_subscriptions", "account_tokens", "love_alerts", "tracked_pages"} {
			var n int
			if err := db.SQL().QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE user_id = $1`, table), ada.ID).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d rows of the deleted user left in %s", n, table)
			}
		}
		var clicks, anon int
		_ = db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM clickouts WHERE user_id = $1`, ada.ID).Scan(&clicks)
		_ = db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM clickouts WHERE user_id IS NULL AND source = 'ada-click'`).Scan(&anon)
		if clicks != 0 || anon != 1 {
			t.Errorf("click-outs after deletion: %d still linked, %d anonymous (want 0, 1)", clicks, anon)
		}
	})
}
