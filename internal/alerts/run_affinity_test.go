package alerts_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestDigestRunAffinity: two shoppers follow Ganni and Toteme in EU 39, where the Toteme boot
// at 50% off outranks every Ganni bag (45% off at most). Gil clicked Ganni's bags; Hal clicked
// nothing. Gil's digest leads with the 45% bag, saying why; Hal's with the boot.
func TestDigestRunAffinity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newRunFixture(t, db)
		user := func(email string) int64 {
			u, err := db.CreateUser(ctx, email, account.Shopper, "", true)
			if err != nil {
				t.Fatal(err)
			}
			p := account.Preferences{UserID: u.ID, Brands: []string{"Ganni", "Toteme"},
				Sizes: []account.SizePref{{Kind: "shoes", System: "EU", Value: "39"}}, Frequency: account.Daily, TimeZone: "UTC"}
			if err := db.SavePreferences(ctx, p); err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		gil, hal := user("gil@example.com"), user("hal@example.com")
		ganni := f.count(`SELECT id FROM brands WHERE slug = 'ganni'`)
		var cs []clicks.Click
		for i := range 3 {
			cs = append(cs, clicks.Click{OfferID: f.bags[i], BrandID: int64(ganni), UserID: gil, Source: clicks.SourceDigest,
				At: f.now.Add(-48 * 3600e9)})
		}
		if err := db.InsertClicks(ctx, cs); err != nil {
			t.Fatal(err)
		}
		for _, u := range []int64{gil, hal} {
			if _, _, err := f.run(alerts.RunOptions{UserID: u}); err != nil {
				t.Fatal(err)
			}
		}
		reasons := func(u int64) ([]int64, []string) {
			rows, err := db.SQL().QueryContext(ctx, `SELECT i.offer_id, i.reason FROM digest_items i JOIN digests d ON d.id = i.digest_id
				WHERE d.user_id = $1 AND d.period_key = '2026-11-26' ORDER BY i.position`, u)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var ids []int64
			var rs []string
			for rows.Next() {
				var id int64
				var r string
				if err := rows.Scan(&id, &r); err != nil {
					t.Fatal(err)
				}
				ids, rs = append(ids, id), append(rs, r)
			}
			return ids, rs
		}
		halIDs, halReasons := reasons(hal)
		if len(halIDs) < 2 || halIDs[0] != f.boot39 || halIDs[1] != f.bags[34] {
			t.Fatalf("hal's digest %v, want the boot %d then the 45%% bag %d", halIDs, f.boot39, f.bags[34])
		}
		for _, r := range halReasons {
			if strings.Contains(r, "you often shop") {
				t.Errorf("hal clicked nothing, yet a reason says %q", r)
			}
		}
		gilIDs, gilReasons := reasons(gil)
		if len(gilIDs) < 2 || gilIDs[0] != f.bags[34] || gilIDs[1] == f.boot39 {
			t.Fatalf("gil's digest %v, want the 45%% bag %d first and the boot %d below more bags", gilIDs, f.bags[34], f.boot39)
		}
		if !strings.Contains(gilReasons[0], "you often shop Ganni") {
			t.Errorf("gil's first reason %q does not mention the affinity", gilReasons[0])
		}
		if len(gilIDs) != len(halIDs) {
			t.Errorf("affinity changed how many items gil gets: %d, hal %d", len(gilIDs), len(halIDs))
		}
	})
}
