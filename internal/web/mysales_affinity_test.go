package web_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestMySalesAffinity: after the shopper clicks the brand of their last-ranked match many
// times, My sales ranks as MatchWithAffinity with their affinity does, which differs from
// the plain order, and a lifted card says why.
func TestMySalesAffinity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		seed(t, db)
		seedKinds(t, db)
		ts, ix := newPrefsSite(t, db)
		session, uid := shopper(t, db, "ada@example.com")
		prefs := mySalesPrefs(uid)
		if err := db.SavePreferences(ctx, prefs); err != nil {
			t.Fatal(err)
		}
		plain := alerts.Match(ix, prefs, nil, time.Now(), 0)
		if len(plain) < 4 {
			t.Fatalf("the fixture gives only %d matches; the test needs more", len(plain))
		}
		last := plain[len(plain)-1]
		var brandID int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT brand_id FROM products WHERE id = $1`, last.ProductID).Scan(&brandID); err != nil {
			t.Fatal(err)
		}
		var cs []clicks.Click
		for range 5 {
			cs = append(cs, clicks.Click{OfferID: last.OfferID, ProductID: last.ProductID, BrandID: brandID, UserID: uid,
				Source: clicks.SourcePage, At: time.Now().Add(-time.Hour)})
		}
		if err := db.InsertClicks(ctx, cs); err != nil {
			t.Fatal(err)
		}
		activity, err := db.BrandAffinity(ctx, uid, time.Now().Add(-clicks.AffinityWindow))
		if err != nil {
			t.Fatal(err)
		}
		want := alerts.MatchWithAffinity(ix, prefs, nil, alerts.AffinityOf(activity), time.Now(), 0)
		if slices.Equal(itemProductIDs(want), itemProductIDs(plain)) {
			t.Fatalf("affinity for %s does not change the order; the test proves nothing", last.Brand)
		}
		doc := getAs(t, ts, "/my-sales", session, http.StatusOK)
		cards := saleCards(doc)
		var got []int64
		for _, c := range cards {
			got = append(got, cardProductID(t, c))
		}
		if want := itemProductIDs(want[:min(len(want), 60)]); !slices.Equal(got, want) {
			t.Fatalf("cards %v, want the affinity order %v", got, want)
		}
		said := false
		for _, c := range cards {
			said = said || strings.Contains(text(c), "you often shop "+last.Brand)
		}
		if !said {
			t.Errorf("no card says the shopper often shops %s", last.Brand)
		}
	})
}

func itemProductIDs(items []alerts.Item) []int64 {
	out := make([]int64, len(items))
	for i, it := range items {
		out[i] = it.ProductID
	}
	return out
}
