package store_test

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestSentItems(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := browseFixture{db: db, now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), tb: t}
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		brand := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
		product := f.id(`INSERT INTO products (product_key, brand_id, title, color, gender, image_url, created_at, updated_at)
			VALUES ('boot', $1, 'Boots', 'Black', 'female', '/img.jpg', 1, 1)`, brand)
		o38 := f.offer(shop, product, "boot-38", "38", 200, 300, "in_stock")
		o39 := f.offer(shop, product, "boot-39", "39", 250, 300, "in_stock")
		ada, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		bob, err := db.CreateUser(ctx, "bob@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		f.exec(`INSERT INTO sent_items (user_id, offer_id, price, sent_at) VALUES ($1, $2, 21000, 1), ($1, $3, 25000, 2), ($4, $2, 19900, 3)`,
			ada.ID, o38, o39, bob.ID)
		tests := []struct {
			name string
			user int64
			want map[int64]int64
		}{
			{"two offers", ada.ID, map[int64]int64{o38: 21000, o39: 25000}},
			{"own history only", bob.ID, map[int64]int64{o38: 19900}},
			{"nothing sent", bob.ID + 1000, map[int64]int64{}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := db.SentItems(ctx, tt.user)
				if err != nil {
					t.Fatal(err)
				}
				if !maps.Equal(got, tt.want) {
					t.Errorf("SentItems = %v, want %v", got, tt.want)
				}
			})
		}
	})
}
