package bench

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/index"
)

// The worker benchmark's fixture: the match benchmark's catalogue (after its changes) and
// shoppers, with the previous run's digests as their sent-history, written with plain SQL into
// a migrated tagdrop database. Unlike the match benchmark's store fixture it holds every
// product and offer (a worker builds its index from the store), each offer's price history
// (a regular price, then the sale price at the drop: the index reads the last drop from it),
// and its stored figures (so the figures job finds nothing to do). Timestamps are the match
// benchmark's moved to now, so the sales are as fresh as there.
//
// Shoppers are written with unconfirmed addresses: nothing is due while the processes start
// and settle; confirming them all (one UPDATE, confirmShoppers) makes every digest due at once.

// workersFixture is what the benchmark writes: the catalogue and the shoppers.
type workersFixture struct {
	products []index.Product
	brands   []string
	shoppers []matchShopper // req.Prefs with daily digests due from midnight UTC; sent filled
	onSale   int
}

// makeWorkersFixture generates the catalogue and the shoppers, and computes the previous run's
// digests in this process to make the sent-history.
func makeWorkersFixture(ctx context.Context, offers, users int, seed uint64) (workersFixture, error) {
	brands := demo.BrandNames(demo.ShopperBrands)
	before := matchCatalogue(offers, seed, brands)
	after, _ := changeCatalogue(before, seed, 0.10)
	idxBefore, err := index.Build(ctx, productSlice(before), index.Options{})
	if err != nil {
		return workersFixture{}, err
	}
	idxAfter, err := index.Build(ctx, productSlice(after), index.Options{})
	if err != nil {
		return workersFixture{}, err
	}
	f := workersFixture{products: after, brands: brands, onSale: alerts.NewMatcher(idxAfter, matchNow).Offers()}
	prev := alerts.NewMatcher(idxBefore, matchNow.Add(-24*time.Hour))
	workers := runtime.GOMAXPROCS(0)
	cats, z := matchCategoryPaths(), demo.NewZipf(len(brands))
	reqs := make([]alerts.Request, users)
	parallel(workers, users, func(i int) {
		p := prefsOf(int64(i+1), demo.ShopperAt(seed, i, brands, cats, z))
		// Every shopper daily at midnight UTC: every digest is due whenever the benchmark runs.
		p.Frequency, p.DigestHour, p.TimeZone = "daily", 0, "UTC"
		reqs[i] = alerts.Request{Prefs: p}
	})
	earlier := prev.MatchAll(reqs, alerts.DefaultCap, workers)
	f.shoppers = make([]matchShopper, users)
	parallel(workers, users, func(i int) {
		sent := make(alerts.SentList, len(earlier[i]))
		for j, p := range earlier[i] {
			sent[j] = prev.SentItem(p)
		}
		slices.SortFunc(sent, func(a, b alerts.SentItem) int { return int(a.OfferID - b.OfferID) })
		f.shoppers[i] = matchShopper{id: int64(i + 1), req: reqs[i], sent: sent}
	})
	return f, nil
}

// writeWorkersFixture writes the fixture into db (migrated, empty), one transaction.
func writeWorkersFixture(ctx context.Context, db *sql.DB, maxArgs int, f workersFixture) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	shift := time.Now().Truncate(time.Millisecond).Sub(matchNow)
	ms := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return t.Add(shift).UnixMilli()
	}
	now := matchNow.Add(shift).UnixMilli()

	ids, err := writeSeedReferences(ctx, tx, maxArgs, f.brands, now)
	if err != nil {
		return err
	}

	// Every product and offer, a batch of products at a time, with the offers' price history.
	figuresUntil := time.Now().Add(24 * time.Hour).UnixMilli()
	const productBatch = 5000
	for lo := 0; lo < len(f.products); lo += productBatch {
		var prows, orows, hrows [][]any
		for _, p := range f.products[lo:min(lo+productBatch, len(f.products))] {
			prows = append(prows, []any{p.ID, fmt.Sprint("bench-", p.ID), ids.brand[p.Brand], p.Categories[len(p.Categories)-1].ID,
				p.Title, p.Colour, p.Gender, ms(p.CreatedAt), now})
			for _, o := range p.Offers {
				questionable := 0
				if o.Questionable {
					questionable = 1
				}
				orows = append(orows, []any{o.ID, ids.retailer[o.Retailer], p.ID, fmt.Sprint("item-", o.ID), o.Size, o.SizeSystem,
					o.Currency, o.Price, o.RegularPrice, string(o.Availability), questionable, o.Price, o.Price, figuresUntil,
					ms(o.FirstSeen), now, now})
				hrows = append(hrows, []any{o.ID, ms(o.FirstSeen), o.RegularPrice, o.RegularPrice, string(o.Availability)})
				if o.Price < o.RegularPrice {
					drop := o.LastDropAt
					if drop.IsZero() || !drop.After(o.FirstSeen) {
						drop = o.FirstSeen.Add(time.Hour)
					}
					hrows = append(hrows, []any{o.ID, ms(drop), o.Price, o.RegularPrice, string(o.Availability)})
				}
			}
		}
		err := insertTables(ctx, tx, maxArgs, []tableRows{
			{"products", []string{"id", "product_key", "brand_id", "category_id", "title", "color", "gender", "created_at", "updated_at"}, prows},
			{"offers", []string{"id", "retailer_id", "product_id", "item_id", "size", "size_system", "currency", "price", "regular_price",
				"availability", "questionable", "lowest_30d", "all_time_low", "figures_until", "first_seen_at", "last_seen_at", "updated_at"}, orows},
			{"price_changes", []string{"offer_id", "changed_at", "price", "regular_price", "availability"}, hrows},
		})
		if err != nil {
			return err
		}
	}

	yesterday := time.Now().Add(-24 * time.Hour).UnixMilli()
	const shopperBatch = 5000
	for lo := 0; lo < len(f.shoppers); lo += shopperBatch {
		batch := f.shoppers[lo:min(lo+shopperBatch, len(f.shoppers))]
		if err := insertTables(ctx, tx, maxArgs, shopperTables(batch, ids, workersShopperEmail, now, yesterday)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// workersShopperEmail is a seeded shopper's address (.test never receives mail).
func workersShopperEmail(id int64) string { return fmt.Sprintf("shopper%07d@bench.tagdrop.test", id) }

// confirmShoppers confirms every seeded address: from this statement on, every shopper's
// digest is due.
func confirmShoppers(ctx context.Context, db *sql.DB) (int64, error) {
	res, err := db.ExecContext(ctx, `UPDATE users SET email_verified_at = $1 WHERE email_verified_at IS NULL`, time.Now().UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("confirm the shoppers: %w", err)
	}
	return res.RowsAffected()
}
