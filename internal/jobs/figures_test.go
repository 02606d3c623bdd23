package jobs

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

var figuresDay0 = time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)

func figuresDay(n int) time.Time { return figuresDay0.AddDate(0, 0, n) }

// fakeClock is a settable clock, safe to read from Run's goroutine.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// saleThenFullPrice imports, for two retailers, an offer on sale at half price on day 0 and back at
// its full price on day 5, and nothing after: the 30-day low stays at the sale price until day 35,
// when the sale leaves the window, with no import to say so.
func saleThenFullPrice(t *testing.T, db *store.DB) (offers []int64) {
	t.Helper()
	ctx := context.Background()
	im := ingest.New(db, nil)
	feed := func(id string, sale bool) string {
		s := ""
		if sale {
			s = "<g:sale_price>100.00 EUR</g:sale_price>"
		}
		return fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item>
<g:id>%s</g:id><g:title>Wool Coat</g:title><g:brand>Totême</g:brand><g:mpn>%s</g:mpn><g:price>200.00 EUR</g:price>%s
<g:availability>in stock</g:availability><g:color>Camel</g:color></item></channel></rss>`, id, id, s)
	}
	for _, shop := range []string{"Shop A", "Shop B"} {
		id := "coat-" + strings.ToLower(shop[len(shop)-1:])
		for _, step := range []struct {
			day  int
			sale bool
		}{{0, true}, {5, false}} {
			if _, err := im.Import(ctx, strings.NewReader(feed(id, step.sale)), "test", ingest.Options{Retailer: shop, ObservedAt: figuresDay(step.day)}); err != nil {
				t.Fatal(err)
			}
		}
		o, err := db.OfferByItem(ctx, strings.ReplaceAll(strings.ToLower(shop), " ", "-"), id)
		if err != nil {
			t.Fatal(err)
		}
		offers = append(offers, o.ID)
	}
	return offers
}

func figuresOf(t *testing.T, db *store.DB, ids []int64) []pricing.Figures {
	t.Helper()
	var out []pricing.Figures
	for _, id := range ids {
		f, err := db.OfferFigures(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

func TestFiguresRefresherRefreshOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		offers := saleThenFullPrice(t, db)
		clock := &fakeClock{}
		r := NewFiguresRefresher(db, nil)
		r.now, r.batch = clock.Now, 1 // one offer per batch: the walk goes batch by batch
		sale := pricing.Figures{Lowest30d: 10000, AllTimeLow: 10000, Until: figuresDay(30)}
		full := pricing.Figures{Lowest30d: 20000, AllTimeLow: 10000} // no change left in the window: no Until
		tests := []struct {
			name  string
			now   time.Time
			n     int
			wants pricing.Figures
		}{
			{name: "nothing due while the window holds the sale's start", now: figuresDay(20), n: 0, wants: sale},
			// The window starts after day 0, but the sale was still in force at its start.
			{name: "due: the next change to leave the window is day 5's", now: figuresDay(31), n: 2,
				wants: pricing.Figures{Lowest30d: 10000, AllTimeLow: 10000, Until: figuresDay(35)}},
			{name: "refreshed figures are not due again", now: figuresDay(32), n: 0,
				wants: pricing.Figures{Lowest30d: 10000, AllTimeLow: 10000, Until: figuresDay(35)}},
			{name: "the sale has left the window", now: figuresDay(36), n: 2, wants: full},
			{name: "figures with no change in the window are never due", now: figuresDay(90), n: 0, wants: full},
		}
		for _, tt := range tests {
			clock.Set(tt.now)
			n, err := r.RefreshOnce(context.Background())
			if err != nil || n != tt.n {
				t.Fatalf("%s: refreshed %d, %v; want %d", tt.name, n, err, tt.n)
			}
			for i, f := range figuresOf(t, db, offers) {
				if !f.Until.Equal(tt.wants.Until) || f.Lowest30d != tt.wants.Lowest30d || f.AllTimeLow != tt.wants.AllTimeLow || f.Questionable {
					t.Errorf("%s: offer %d figures = %+v, want %+v", tt.name, i, f, tt.wants)
				}
			}
		}
	})
}

func TestFiguresRefresherRoundsFollowTheClock(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		offers := saleThenFullPrice(t, db)
		clock := &fakeClock{now: figuresDay(31)}
		r := NewFiguresRefresher(db, nil)
		r.now = clock.Now
		round := func() int {
			t.Helper()
			n, err := r.Round(ctx)
			if err != nil {
				t.Fatalf("round failed: %v", err)
			}
			return n
		}
		if n := round(); n != 2 {
			t.Fatalf("the first round refreshed %d offers, want 2", n)
		}
		if f := figuresOf(t, db, offers[:1])[0]; !f.Until.Equal(figuresDay(35)) {
			t.Fatalf("after the first round: %+v, want figures until day 35", f)
		}
		clock.Set(figuresDay(33))
		if n := round(); n != 0 {
			t.Fatalf("a round with nothing due refreshed %d offers", n)
		}
		clock.Set(figuresDay(36))
		if n := round(); n != 2 {
			t.Fatalf("a round after the next due time refreshed %d offers, want 2", n)
		}
		if f := figuresOf(t, db, offers[1:])[0]; f.Lowest30d != 20000 {
			t.Fatalf("after the sale left the window: %+v, want a 30-day low of 200.00", f)
		}
	})
}
