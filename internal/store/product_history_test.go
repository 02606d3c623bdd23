package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestProductSinceBoundsHistory: a product page reads its offers' changes since the start of
// its range plus each offer's state in force then, not older changes; the whole range reads all; the lowest price ever comes from the stored all-time lows,
// so it is right whatever the range.
func TestProductSinceBoundsHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
		day := func(n int) time.Time { return now.Add(-time.Duration(n) * 24 * time.Hour) }
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, created_at, listed) VALUES (1, 'a', 'A', 0, 1)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES (1, 1, 1, 'a', 'EUR', 900, 1000, 'in_stock', 0, 0, 0), (2, 1, 1, 'b', 'EUR', 800, 1000, 'in_stock', 0, 0, 0),
				(3, 1, 1, 'c', 'EUR', 950, 1000, 'in_stock', 0, 0, 0)`)
		rows := []store.PriceChangeRow{
			{OfferID: 1, At: day(300), Price: 400, RegularPrice: 1000, Availability: catalog.InStock}, // the lowest ever
			{OfferID: 1, At: day(150), Price: 1000, RegularPrice: 1000, Availability: catalog.InStock},
			{OfferID: 1, At: day(10), Price: 900, RegularPrice: 1000, Availability: catalog.InStock},
			{OfferID: 2, At: day(250), Price: 700, RegularPrice: 1000, Availability: catalog.InStock},
			{OfferID: 2, At: day(200), Price: 800, RegularPrice: 1000, Availability: catalog.InStock}, // in force for 200 days
			{OfferID: 3, At: day(220), Price: 600, RegularPrice: 1000, Availability: catalog.InStock}, // in force 90 days ago
			{OfferID: 3, At: day(30), Price: 950, RegularPrice: 1000, Availability: catalog.InStock},
		}
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error { return tx.AppendPriceChanges(ctx, rows) }); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RefreshOfferFigures(ctx, 0, now); err != nil {
			t.Fatal(err)
		}
		p, err := db.ProductSince(ctx, 1, 0, day(90))
		if err != nil {
			t.Fatal(err)
		}
		var got []time.Time
		for _, c := range p.History {
			got = append(got, c.At)
		}
		// Offer 1's change in force is found in the 62 days before the 90; offers 2 and 3's
		// further back.
		if want := []time.Time{day(220), day(200), day(150), day(30), day(10)}; !equalTimes(got, want) {
			t.Errorf("history of the last 90 days read changes at %v; want %v", got, want)
		}
		if p.LowestEver["EUR"] != 400 {
			t.Errorf("lowest ever %v; want EUR 400 from the stored all-time lows", p.LowestEver)
		}
		all, err := db.ProductSince(ctx, 1, 0, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all.History) != len(rows) || !all.History[0].At.Equal(day(300)) {
			t.Errorf("the whole history read %d changes from %v; want %d from %v", len(all.History), all.History[0].At, len(rows), day(300))
		}
	})
}

func equalTimes(a, b []time.Time) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}
