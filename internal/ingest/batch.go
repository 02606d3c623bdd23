package ingest

import (
	"context"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
)

// batchWriter writes one batch inside its transaction.
type batchWriter struct {
	run           *run
	tx            *store.CatalogTx
	newBrands     map[string]catalog.Brand
	newCategories map[string]int64
}

func (w *batchWriter) write(ctx context.Context, batch []listing) (batchCounts, error) {
	var counts batchCounts
	// Products first: offers point at them.
	products, err := w.products(ctx, batch, &counts)
	if err != nil {
		return counts, err
	}
	touched := products.touched

	// Offers: compare each with its stored state and write only what moved.
	itemIDs := make([]string, len(batch))
	for i, l := range batch {
		itemIDs[i] = l.offer.ItemID
	}
	current, err := w.tx.Offers(ctx, w.run.retailer.ID, itemIDs)
	if err != nil {
		return counts, err
	}
	type move struct {
		prev *pricing.State // nil for a new offer
		next pricing.State
	}
	var upsertOffers []catalog.Offer
	moves := map[string]move{} // by item id: offers whose price state moved
	var seenIDs []int64
	for i := range batch {
		o := batch[i].offer
		o.ProductID = products.ids[i]
		next := pricing.State{Price: o.Price, RegularPrice: o.RegularPrice, Availability: o.Availability}
		prev, exists := current[o.ItemID]
		switch {
		case !exists:
			counts.new++
			upsertOffers = append(upsertOffers, o)
			moves[o.ItemID] = move{next: next}
			touched[o.ProductID] = true
		case prev.Gone || !sameOffer(prev.Offer, o):
			counts.changed++
			upsertOffers = append(upsertOffers, o)
			was := pricing.State{Price: prev.Price, RegularPrice: prev.RegularPrice, Availability: prev.Availability}
			if was != next {
				moves[o.ItemID] = move{prev: &was, next: next}
			}
			touched[o.ProductID] = true
			touched[prev.ProductID] = true
		case products.changed[o.ProductID]:
			counts.changed++
			seenIDs = append(seenIDs, prev.ID)
			touched[o.ProductID] = true
		default:
			counts.unchanged++
			seenIDs = append(seenIDs, prev.ID)
		}
	}
	offerIDs, err := w.tx.UpsertOffers(ctx, w.run.retailer.ID, upsertOffers, w.run.at)
	if err != nil {
		return counts, err
	}
	if err := w.tx.MarkSeen(ctx, seenIDs, w.run.at); err != nil {
		return counts, err
	}

	// History first, then the figures derived from it (the new rows included), then the events,
	// which carry the figures' verdict on the discount: all in this transaction.
	var history []store.PriceChangeRow
	var movedIDs []int64
	for _, o := range upsertOffers { // in feed order, so ids and times read naturally
		m, ok := moves[o.ItemID]
		if !ok {
			continue
		}
		id := offerIDs[o.ItemID]
		movedIDs = append(movedIDs, id)
		history = append(history, store.PriceChangeRow{OfferID: id, At: w.run.at, Price: m.next.Price,
			RegularPrice: m.next.RegularPrice, Availability: m.next.Availability, FeedRunID: w.run.runID})
	}
	if err := w.tx.AppendPriceChanges(ctx, history); err != nil {
		return counts, err
	}
	figures, err := w.tx.RefreshFigures(ctx, movedIDs, w.run.at)
	if err != nil {
		return counts, err
	}
	var events []store.SaleEvent
	for _, o := range upsertOffers {
		m, ok := moves[o.ItemID]
		if !ok {
			continue
		}
		id := offerIDs[o.ItemID]
		for _, kind := range w.run.rules.Events(m.prev, m.next) {
			e := saleEvent(id, kind, m.next, w.run.at)
			e.Questionable = figures[id].Questionable
			events = append(events, e)
		}
	}
	if err := w.tx.AppendSaleEvents(ctx, events); err != nil {
		return counts, err
	}
	delete(touched, 0)
	changed := make([]int64, 0, len(touched))
	for id := range touched {
		changed = append(changed, id)
	}
	return counts, w.tx.AppendChanges(ctx, "product", changed)
}

func saleEvent(offerID int64, kind pricing.EventKind, s pricing.State, at time.Time) store.SaleEvent {
	pct := 0
	if kind != pricing.Ended {
		pct = s.DiscountPct()
	}
	return store.SaleEvent{OfferID: offerID, Kind: string(kind), At: at, Price: s.Price, RegularPrice: s.RegularPrice, DiscountPct: pct}
}

// sameOffer compares the fields a feed sets.
func sameOffer(a, b catalog.Offer) bool {
	return a.ProductID == b.ProductID && a.URL == b.URL && a.Size == b.Size && a.SizeSystem == b.SizeSystem &&
		a.Color == b.Color && a.Currency == b.Currency && a.Price == b.Price && a.RegularPrice == b.RegularPrice &&
		a.Availability == b.Availability
}
