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
	// A complete feed's run knows every offer the retailer has (seen.go): only those need
	// loading; the other items are new.
	itemIDs := make([]string, 0, len(batch))
	for _, l := range batch {
		if w.run.mayExist(l.offer.ItemID) {
			itemIDs = append(itemIDs, l.offer.ItemID)
		}
	}
	current, err := w.tx.Offers(ctx, w.run.retailer.ID, itemIDs)
	if err != nil {
		return counts, err
	}
	// moves are by the item's place in the batch: offers whose price state moved.
	type move struct {
		moved bool
		prev  *pricing.State // nil for a new offer
		next  pricing.State
		fig   pricing.Figures // a new offer's
	}
	// New offers go in with the figures of their one-point history, computed here, so nothing
	// is read back; offers that exist are upserted when they changed and have their history's
	// figures refreshed when their price state moved.
	// The slices are sized for the common case of each kind (a first import inserts every
	// item, a re-import sees every item): growing them item by item copied whole offers again
	// and again.
	inserts := make([]store.NewOffer, 0, len(batch)-len(current))
	var upsertOffers []catalog.Offer
	// each insert's and upsert's place in the batch
	insertAt, upsertAt := make([]int, 0, len(batch)-len(current)), []int(nil)
	moves := make([]move, len(batch))
	seen := make([]store.SeenOffer, 0, len(current)) // every existing offer of the batch, with its record's hash
	for i := range batch {
		o := batch[i].offer
		o.ProductID = products.ids[i]
		next := pricing.State{Price: o.Price, RegularPrice: o.RegularPrice, Availability: o.Availability}
		prev, exists := current[o.ItemID]
		if exists {
			seen = append(seen, store.SeenOffer{ID: prev.ID, FeedHash: batch[i].hash})
		}
		switch {
		case !exists:
			counts.new++
			fig := newOfferFigures(next, w.run.at)
			inserts = append(inserts, store.NewOffer{Offer: o, Figures: fig, FeedHash: batch[i].hash})
			insertAt = append(insertAt, i)
			moves[i] = move{moved: true, next: next, fig: fig}
			touched[o.ProductID] = true
		case prev.Gone || !sameOffer(prev.Offer, o):
			counts.changed++
			upsertOffers = append(upsertOffers, o)
			upsertAt = append(upsertAt, i)
			was := pricing.State{Price: prev.Price, RegularPrice: prev.RegularPrice, Availability: prev.Availability}
			if was != next {
				moves[i] = move{moved: true, prev: &was, next: next}
			}
			touched[o.ProductID] = true
			touched[prev.ProductID] = true
		case products.changed[o.ProductID]:
			counts.changed++
			touched[o.ProductID] = true
		default:
			counts.unchanged++
		}
	}
	offerIDs := make([]int64, len(batch)) // of the inserted and upserted offers, by place
	inserted, err := w.tx.InsertOffers(ctx, w.run.retailer.ID, inserts, w.run.at)
	if err != nil {
		return counts, err
	}
	for j, id := range inserted {
		offerIDs[insertAt[j]] = id
	}
	upserted, err := w.tx.UpsertOffers(ctx, w.run.retailer.ID, upsertOffers, w.run.at)
	if err != nil {
		return counts, err
	}
	for j, o := range upsertOffers {
		offerIDs[upsertAt[j]] = upserted[o.ItemID]
	}
	if err := w.tx.MarkSeenWithHashes(ctx, seen, w.run.at); err != nil {
		return counts, err
	}

	// History first, then the figures derived from it (the new rows included), then the events,
	// which carry the figures' verdict on the discount: all in this transaction.
	history := make([]store.PriceChangeRow, 0, len(inserts)+len(upsertOffers))
	var movedIDs []int64      // existing offers whose history grew
	for i, m := range moves { // in the batch's order (item ids'), so ids and times read naturally
		if !m.moved {
			continue
		}
		id := offerIDs[i]
		if m.prev != nil {
			movedIDs = append(movedIDs, id)
		}
		history = append(history, store.PriceChangeRow{OfferID: id, At: w.run.at, Price: m.next.Price,
			RegularPrice: m.next.RegularPrice, Availability: m.next.Availability, FeedRunID: w.run.runID})
	}
	if err := w.tx.AppendPriceChanges(ctx, history); err != nil {
		return counts, err
	}
	refreshed, err := w.tx.RefreshFigures(ctx, movedIDs, w.run.at)
	if err != nil {
		return counts, err
	}
	var events []store.SaleEvent
	for i := range moves {
		m := &moves[i]
		if !m.moved {
			continue
		}
		id := offerIDs[i]
		fig := m.fig // a new offer's; an existing one's as refreshed
		if m.prev != nil {
			fig = refreshed[id]
		}
		for _, kind := range w.run.rules.Events(m.prev, m.next) {
			e := saleEvent(id, kind, m.next, w.run.at)
			e.Questionable = fig.Questionable
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

// newOfferFigures are the figures of an offer whose history is its one first price, seen at
// time at: what store.CatalogTx.RefreshFigures would derive from the row written beside it
// (stored times are milliseconds, hence the truncation).
func newOfferFigures(s pricing.State, at time.Time) pricing.Figures {
	stored := time.UnixMilli(at.UnixMilli()).UTC()
	return pricing.FiguresAt([]pricing.Point{{At: stored, Price: s.Price, RegularPrice: s.RegularPrice, Availability: s.Availability}}, at)
}
