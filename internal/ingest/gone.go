package ingest

import (
	"context"
	"fmt"
	"slices"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/store"
)

// markGone finishes a Full import: the retailer's live offers that the feed did not mention are
// marked gone and out of stock, in batches of their own, and then all the live ones left, the
// feed's, seen at the run's time, with one mark on the retailer (store.CatalogTx.
// MarkFullFeedSeen; unchanged offers are not rewritten). An offer that was already out of stock
// gets no price row (its price state did not change). A feed that yielded no usable item at all
// marks nothing: that is a broken export far more often than a shop that sold out of everything.
// A run cut short before the last mark leaves the offers' earlier sightings, and converges when
// run again. An item whose row was rejected but whose id was read counts as listed, as it does
// for marking gone: its offer keeps its stored state and reads as seen by this feed.
func (r *run) markGone(ctx context.Context, rep *Report) error {
	if rep.Read-rep.Rejected == 0 {
		r.im.logger.Warn("complete feed has no usable items: nothing marked gone", "source", fetch.Redact(rep.Source), "retailer", r.retailer.Slug)
		return nil
	}
	// The retailer's live offers as the run began that the feed did not mention; those it
	// brought back or created were not live.
	var gone []int64
	r.items.table.each(func(slot itemSlot) {
		if st := r.items.state(slot); st.known && !st.met && !st.gone {
			gone = append(gone, st.offerID)
		}
	})
	slices.Sort(gone)
	for start := 0; start < len(gone); start += r.im.batchSize {
		part := gone[start:min(len(gone), start+r.im.batchSize)]
		r.batches++
		err := r.writer.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			offers, err := tx.OffersByID(ctx, part)
			if err != nil {
				return err
			}
			if err := tx.MarkGone(ctx, part, r.at); err != nil {
				return err
			}
			var history []store.PriceChangeRow
			products := map[int64]bool{}
			for _, o := range offers {
				products[o.ProductID] = true
				if o.Availability != catalog.OutOfStock {
					history = append(history, store.PriceChangeRow{OfferID: o.ID, At: r.at, Price: o.Price,
						RegularPrice: o.RegularPrice, Availability: catalog.OutOfStock, FeedRunID: r.runID})
				}
			}
			if err := tx.AppendPriceChanges(ctx, history); err != nil {
				return err
			}
			sold := make([]int64, len(history))
			for i, h := range history {
				sold[i] = h.OfferID
			}
			if _, err := tx.RefreshFigures(ctx, sold, r.at); err != nil {
				return err
			}
			ids := make([]int64, 0, len(products))
			for id := range products {
				ids = append(ids, id)
			}
			if err := tx.AppendChanges(ctx, "product", ids); err != nil {
				return err
			}
			return r.beforeCommit()
		})
		if err != nil {
			return fmt.Errorf("mark gone offers: %w", err)
		}
		rep.Gone += len(part)
	}
	r.batches++
	if err := r.writer.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
		if err := tx.MarkFullFeedSeen(ctx, r.retailer.ID, r.at); err != nil {
			return err
		}
		return r.beforeCommit()
	}); err != nil {
		return fmt.Errorf("mark the feed's offers seen: %w", err)
	}
	return nil
}
