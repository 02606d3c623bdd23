package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/trends"
)

// BenchmarkTrendWeeks reads what /trends ranks from counts the size of a large catalogue's:
// 100,000 terms over 12 weeks in both lists, a fifth of them with enough support last week.
func BenchmarkTrendWeeks(b *testing.B) {
	db := storetest.SQLite(b)
	ctx := context.Background()
	last := trends.Week(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)).AddDate(0, 0, -7)
	gen := `WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c WHERE x < 99999),
		w(w) AS (SELECT 0 UNION ALL SELECT w + 1 FROM w WHERE w < 11) `
	if _, err := db.SQL().ExecContext(ctx, gen+`INSERT INTO trend_terms (term, kind, label)
		SELECT 'phrase:t' || x, 'phrase', 't' || x FROM c`); err != nil {
		b.Fatal(err)
	}
	for _, list := range []string{store.TrendNew, store.TrendSale} {
		if _, err := db.SQL().ExecContext(ctx, gen+`INSERT INTO trend_counts (list, week, term, count)
			SELECT $1, $2 - 604800000 * (11 - w), 'phrase:t' || x, CASE WHEN x % 5 = 0 THEN 3 + w ELSE 1 + (x + w) % 2 END
			FROM c, w`, list, last.UnixMilli()); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		rows, err := db.TrendWeeks(ctx, store.TrendNew, last.AddDate(0, 0, -49), last, trends.DefaultMinSupport)
		if err != nil || len(rows) != 20_000*8 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}
