package ingest

import (
	"context"
	"hash/maphash"
	"math"

	"github.com/tagdrop/tagdrop/internal/store"
)

// The item ids a run has met, for finding duplicates and, under Full, what is gone, and the
// retailer's offers as the run began. A million-item feed meets a million item ids, so how
// they are kept is most of a run's memory besides the spool: one map holds both, keyed by a
// 128-bit hash of the item id instead of the id itself (two seeded maphashes: a collision,
// which would take one item for another, has a chance of about 10⁻²⁷ in a million-item feed).
// An item the retailer already has is marked met in its known offer's entry.

// itemState is what a run knows about one item id: the retailer's offer with that id as the
// run began (complete feeds only), and whether and at which line the feed has mentioned it.
// Flat and small (24 bytes): a million-item feed has a million of them.
type itemState struct {
	offerID  int64
	feedHash uint64
	line     int32 // feed lines past 2³¹ are kept as 2³¹-1 (only error messages show them)
	gone     bool  // the offer was gone
	known    bool  // the retailer had an offer with this id when the run began
	met      bool  // the feed mentioned the id, at line
}

// offer is the state's known offer.
func (st itemState) offer() store.KnownOffer {
	return store.KnownOffer{ID: st.offerID, FeedHash: st.feedHash, Gone: st.gone}
}

// idHash is an item id hashed for the run's map of items.
type idHash [2]uint64

// itemSet is a run's map of items.
type itemSet struct {
	seeds [2]maphash.Seed
	items map[idHash]itemState
	// loaded says whether the retailer's offers were loaded: without them (a partial feed)
	// any item may have an offer.
	loaded bool
}

func newItemSet() itemSet {
	return itemSet{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, items: map[idHash]itemState{}}
}

func (s *itemSet) hash(id string) idHash {
	return idHash{maphash.String(s.seeds[0], id), maphash.String(s.seeds[1], id)}
}

// loadKnown reads the retailer's offers into the run (complete feeds only).
func (r *run) loadKnown(ctx context.Context) error {
	r.items.loaded = true
	return r.im.db.EachKnownOffer(ctx, r.retailer.ID, func(item string, k store.KnownOffer) {
		r.items.items[r.items.hash(item)] = itemState{offerID: k.ID, feedHash: k.FeedHash, gone: k.Gone, known: true}
		r.knownCount++
	})
}

// see records that the feed mentions item id at line, unless it did before: then it returns
// the first line and true. It also returns the retailer's offer with that id, if the run
// loaded it.
func (r *run) see(id string, line int) (k store.KnownOffer, known bool, first int, dup bool) {
	h := r.items.hash(id)
	st := r.items.items[h]
	if st.met {
		return st.offer(), st.known, int(st.line), true
	}
	st.met, st.line = true, int32(min(line, math.MaxInt32))
	r.items.items[h] = st
	return st.offer(), st.known, 0, false
}

// mayExist says whether the retailer may have an offer with item id: it had one when the run
// began, or the run did not load them.
func (r *run) mayExist(id string) bool {
	return !r.items.loaded || r.items.items[r.items.hash(id)].known
}
