package jobs

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/trends"
)

// trendItem is one offer of a generated Merchant Center feed.
type trendItem struct {
	id, title, brand, colour, material string
	price, sale                        int // whole euros; sale 0: not on sale
}

func trendFeed(items []trendItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>t</title>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><g:id>%s</g:id><g:title>%s</g:title><g:link>https://shop.example/p/%s</g:link>
<g:image_link>https://shop.example/i/%s.jpg</g:image_link><g:brand>%s</g:brand><g:price>%d.00 EUR</g:price>`,
			it.id, it.title, it.id, it.id, it.brand, it.price)
		if it.sale > 0 {
			fmt.Fprintf(&b, `<g:sale_price>%d.00 EUR</g:sale_price>`, it.sale)
		}
		fmt.Fprintf(&b, `<g:availability>in stock</g:availability><g:color>%s</g:color><g:material>%s</g:material>
<g:google_product_category>Apparel &amp; Accessories &gt; Handbags, Wallets &amp; Cases &gt; Handbags</g:google_product_category></item>`,
			it.colour, it.material)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// trendCounts reads every non-zero count as "list week term" → count.
func trendCounts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT list, week, term, count FROM trend_counts WHERE count <> 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var list, term string
		var week int64
		var n int
		if err := rows.Scan(&list, &week, &term, &n); err != nil {
			t.Fatal(err)
		}
		if n < 0 {
			t.Errorf("negative count %d for %s %d %s", n, list, week, term)
		}
		out[fmt.Sprintf("%s %s %s", list, time.UnixMilli(week).UTC().Format("2006-01-02"), term)] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTrendsIncrementalEqualsRecompute imports a shop's feed week by week (new micro bags
// arriving, items going on sale, a product renamed, one leaving), lets the updater follow the
// change log after some of the imports only, and checks the counts it kept equal a full
// recompute from the catalogue, and hold the numbers the story implies.
func TestTrendsIncrementalEqualsRecompute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		u := NewTrendsUpdater(db, TrendsConfig{Settle: -1}, nil)
		monday := time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC)

		items := []trendItem{
			{"tote-1", "Canvas Tote Bag", "Toteme", "Black", "cotton canvas", 200, 0},
			{"coat-1", "Wool Coat", "Ganni", "Camel", "wool", 400, 0},
			{"coat-2", "Teddy Coat", "Ganni", "Lime Green", "faux fur", 300, 0},
		}
		for week := range 6 {
			switch week {
			case 1:
				items = append(items, trendItem{"micro-1", "Micro Bag", "Staud", "Lime Green", "leather", 150, 0})
			case 2:
				items = append(items, trendItem{"micro-2", "Micro Bags with Chain", "Staud", "Cream", "leather", 160, 0},
					trendItem{"micro-3", "Micro Bag", "Manu Atelier", "Lime Green", "leather", 170, 0})
				items[1].sale = 300 // the wool coat goes on sale
			case 3:
				items = append(items, trendItem{"micro-4", "Micro Top-Handle Bag", "Staud", "Black", "suede", 180, 0})
				items[0].title = "Canvas Shopper Bag" // renamed by its own retailer
				items[2].sale = 200
				items[3].sale = 100
			case 4:
				items[1].sale = 0 // the sale ends
				items = append(items[:2], items[3:]...)
			case 5:
				items[1].sale = 250 // and starts again
			}
			at := monday.AddDate(0, 0, 7*week)
			if _, err := im.Import(ctx, strings.NewReader(trendFeed(items)), "week.xml",
				ingest.Options{Retailer: "Atelier Row", ObservedAt: at, Full: true, MinShare: -1}); err != nil {
				t.Fatalf("week %d: %v", week, err)
			}
			if week == 0 || week == 3 || week == 5 { // the first step computes from scratch
				if _, err := u.Step(ctx); err != nil {
					t.Fatalf("step after week %d: %v", week, err)
				}
			}
		}
		incremental := trendCounts(t, db)
		if n, err := u.Step(ctx); err != nil || n != 0 {
			t.Fatalf("a step with nothing new reconciled %d products (err %v)", n, err)
		}

		if _, err := db.RecomputeTrends(ctx); err != nil {
			t.Fatal(err)
		}
		full := trendCounts(t, db)
		if !maps.Equal(incremental, full) {
			for k, v := range full {
				if incremental[k] != v {
					t.Errorf("%s: incremental %d, recompute %d", k, incremental[k], v)
				}
			}
			for k, v := range incremental {
				if _, ok := full[k]; !ok {
					t.Errorf("%s: incremental %d, recompute none", k, v)
				}
			}
		}

		week := func(n int) string { return trends.Week(monday.AddDate(0, 0, 7*n)).Format("2006-01-02") }
		const bags = "apparel-accessories-handbags-wallets-cases-handbags"
		want := map[string]int{
			"new " + week(1) + " phrase:micro bag":                      1,
			"new " + week(2) + " phrase:micro bag":                      2,
			"new " + week(2) + " colour:lime green":                     1,
			"new " + week(0) + " material:faux fur":                     1,
			"new " + week(0) + " phrase:shopper":                        1, // the tote, counted under its title now
			"new " + week(0) + " phrase:tote":                           0,
			"sale " + week(2) + " phrase:wool coat":                     1,
			"sale " + week(5) + " phrase:wool coat":                     1,
			"sale " + week(3) + " phrase:micro bag":                     1,
			"sale " + week(3) + " colour:lime green":                    2, // the teddy coat and the first micro bag
			"sale " + week(3) + " brand:staud":                          1,
			"new " + week(3) + " phrase:micro top":                      1,
			"new " + week(3) + " category:" + bags + "-top-handle-bags": 1, // the leaf the title placed it in
			"new " + week(2) + " category:" + bags + "-micro-bags":      2,
			"new " + week(0) + " brand:ganni":                           2,
			"new " + week(1) + " brand:ganni":                           0,
			"sale " + week(4) + " phrase:coat":                          0,
			"new " + week(2) + " phrase:micro bag chain":                0, // "with" stood between: no phrase
		}
		for k, n := range want {
			if full[k] != n {
				t.Errorf("%s = %d, want %d", k, full[k], n)
			}
		}
	})
}

// TestTrendsStepSettles: change log entries younger than the settle time are reconciled but the
// cursor stays below them (a PostgreSQL transaction with an earlier number may still commit),
// so the next round reads them again; once settled, the cursor passes them.
func TestTrendsStepSettles(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := db.RecomputeTrends(ctx); err != nil { // an empty catalogue: cursor 0
		t.Fatal(err)
	}
	items := []trendItem{{"micro-1", "Micro Bag", "Staud", "Black", "leather", 150, 0}}
	if _, err := ingest.New(db, nil).Import(ctx, strings.NewReader(trendFeed(items)), "f.xml",
		ingest.Options{Retailer: "Atelier Row"}); err != nil {
		t.Fatal(err)
	}
	head, err := db.MaxChangeSeq(ctx)
	if err != nil || head == 0 {
		t.Fatalf("head = %d, %v", head, err)
	}
	now := time.Now()
	for _, step := range []struct {
		at         time.Time
		wantCursor int64
	}{{now, 0}, {now, 0}, {now.Add(6 * time.Minute), head}} {
		u := NewTrendsUpdater(db, TrendsConfig{Settle: 5 * time.Minute, Now: func() time.Time { return step.at }}, nil)
		n, err := u.Step(ctx)
		if err != nil || n != 1 {
			t.Fatalf("step at %v reconciled %d products (%v), want 1", step.at, n, err)
		}
		if seq, _, _ := db.TrendCursor(ctx); seq != step.wantCursor {
			t.Errorf("cursor after a step at %v = %d, want %d", step.at, seq, step.wantCursor)
		}
		if c := trendCounts(t, db); len(c) == 0 {
			t.Error("the young entries should be counted already")
		}
	}
}

// TestTrendsStepRanks: a step that reconciled products stores the ranked lists of the judged
// week, equal to ranking the counts afresh; when the judged week moves on, the next step ranks
// that week although nothing changed.
func TestTrendsStepRanks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		now := time.Now()
		judged := trends.JudgedWeek(now)
		var items []trendItem
		for week := -4; week <= 0; week++ {
			bags := map[bool]int{true: 6, false: 1}[week == 0]
			for i := range bags {
				items = append(items, trendItem{fmt.Sprintf("bag-%d-%d", week+4, i), "Micro Bag", fmt.Sprintf("House %d %d", week+4, i),
					"Black", "leather", 150, map[bool]int{true: 100, false: 0}[week == 0 && i < 3]})
			}
			if _, err := im.Import(ctx, strings.NewReader(trendFeed(items)), "f.xml", ingest.Options{Retailer: "Atelier Row",
				ObservedAt: judged.AddDate(0, 0, 7*week+2), MinShare: -1}); err != nil {
				t.Fatal(err)
			}
		}
		u := NewTrendsUpdater(db, TrendsConfig{Settle: -1}, nil)
		if _, err := u.Step(ctx); err != nil {
			t.Fatal(err)
		}
		for _, list := range []string{store.TrendNew, store.TrendSale} {
			stored, ok, err := db.TrendRankings(ctx, list, judged)
			if err != nil || !ok {
				t.Fatalf("%s: stored rankings for %s: ok %v, %v", list, trends.WeekName(judged), ok, err)
			}
			series, err := db.TrendSeries(ctx, list, judged)
			if err != nil {
				t.Fatal(err)
			}
			fresh := trends.Rank(series, trends.Options{})
			if len(stored) == 0 || fmt.Sprint(stored) != fmt.Sprint(fresh) {
				t.Errorf("%s: stored %v, ranked afresh %v", list, stored, fresh)
			}
			if len(stored) > 0 && stored[0].Term.Key != "phrase:micro bag" {
				t.Errorf("%s: first %s, want phrase:micro bag", list, stored[0].Term.Key)
			}
		}
		next := NewTrendsUpdater(db, TrendsConfig{Settle: -1, Now: func() time.Time { return now.AddDate(0, 0, 7) }}, nil)
		if n, err := next.Step(ctx); err != nil || n != 0 {
			t.Fatalf("next week's step reconciled %d (%v), want 0", n, err)
		}
		if _, ok, err := db.TrendRankings(ctx, store.TrendNew, judged.AddDate(0, 0, 7)); err != nil || !ok {
			t.Errorf("next week's rankings not stored: ok %v, %v", ok, err)
		}
		if _, ok, _ := db.TrendRankings(ctx, store.TrendNew, judged); ok {
			t.Error("the rankings of the week before should be replaced")
		}
	})
}
