package ingest

import (
	"context"
	"fmt"
	"hash/maphash"
	"math"

	"github.com/tagdrop/tagdrop/internal/store"
)

// The item ids a run has met, for finding duplicates and, under Full, what is gone, and the
// retailer's offers as the run began. A million-item feed meets a million item ids, so how
// they are kept is most of a run's memory besides the spool: one table holds both, keyed by a
// 128-bit hash of the item id instead of the id itself (two seeded maphashes: a collision,
// which would take one item for another, has a chance of about 10⁻²⁷ in a million-item feed),
// outside Go's heap (itemtable.go). An item the retailer already has is marked met in its
// known offer's slot; the known offers themselves are a dense slice beside the table.

// itemState is what a run knows about one item id: the retailer's offer with that id as the
// run began (complete feeds only), and whether and at which line the feed has mentioned it.
type itemState struct {
	offerID  int64
	feedHash uint64
	line     int32 // feed lines past 2³¹ are kept as 2³¹-1 (only error messages show them)
	gone     bool  // the offer was gone
	known    bool  // the retailer had an offer with this id when the run began
	met      bool  // the feed mentioned the id, at line
	rejected bool  // every row that mentioned it so far was rejected
}

// offer is the state's known offer.
func (st itemState) offer() store.KnownOffer {
	return store.KnownOffer{ID: st.offerID, FeedHash: st.feedHash, Gone: st.gone}
}

// idHash is an item id hashed for the run's table of items; never zero (see itemSlot).
type idHash [2]uint64

// itemSet is a run's table of items.
type itemSet struct {
	seeds [2]maphash.Seed
	table itemTable
	known []store.KnownOffer // the retailer's offers as the run began, by slot ref - 1
	// loaded says whether the retailer's offers were loaded: without them (a partial feed)
	// any item may have an offer.
	loaded bool
}

func newItemSet() itemSet {
	return itemSet{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

func (s *itemSet) hash(id string) idHash {
	return idHash{maphash.String(s.seeds[0], id), maphash.String(s.seeds[1], id) | 1}
}

// get is the state of the item whose id hashes to h (the zero state if the run has not
// met or loaded it).
func (s *itemSet) get(h idHash) itemState {
	slot, ok := s.table.get(h)
	if !ok {
		return itemState{}
	}
	return s.state(slot)
}

// state is a slot's item state.
func (s *itemSet) state(slot itemSlot) itemState {
	st := itemState{line: slot.line, met: slot.ref&slotMet != 0, rejected: slot.ref&slotRejected != 0}
	if ref := slot.ref & slotRefMask; ref != 0 {
		k := s.known[ref-1]
		st.offerID, st.feedHash, st.gone, st.known = k.ID, k.FeedHash, k.Gone, true
	}
	return st
}

// meet records that the feed mentioned the item whose id hashes to h, at line, in a row that
// was rejected or not.
func (s *itemSet) meet(h idHash, line int32, rejected bool) error {
	slot, _ := s.table.get(h)
	slot.key, slot.line, slot.ref = h, line, slot.ref&^slotRejected|slotMet
	if rejected {
		slot.ref |= slotRejected
	}
	return s.table.put(slot)
}

// addKnown records one of the retailer's offers as the run began.
func (s *itemSet) addKnown(h idHash, k store.KnownOffer) error {
	if len(s.known) >= slotRefMask {
		return fmt.Errorf("the retailer has more than %d offers", slotRefMask-1)
	}
	s.known = append(s.known, k)
	return s.table.put(itemSlot{key: h, ref: uint32(len(s.known))})
}

// free releases the table's memory at the end of the run.
func (s *itemSet) free() {
	s.table.free()
	s.known = nil
}

// loadKnown reads the retailer's offers into the run (complete feeds only).
func (r *run) loadKnown(ctx context.Context) error {
	r.items.loaded = true
	var addErr error
	err := r.im.db.EachKnownOffer(ctx, r.retailer.ID, func(item string, k store.KnownOffer) {
		if addErr == nil {
			addErr = r.items.addKnown(r.items.hash(item), k)
			r.knownCount++
		}
	})
	if err != nil {
		return err
	}
	return addErr
}

// see records that the feed mentions item id at line, in a row that was rejected or not. An id
// met before in a row that was read is a duplicate: see returns the first line and true. An id
// met before only in rejected rows is not: a good copy after a broken one (a shop that
// corrected a row further down) is the item. see also returns the retailer's offer with that
// id, if the run loaded it. It fails only when the table cannot grow (no memory to map).
func (r *run) see(id string, line int, rejected bool) (k store.KnownOffer, known bool, first int, dup bool, err error) {
	h := r.items.hash(id)
	st := r.items.get(h)
	if st.met && !st.rejected {
		return st.offer(), st.known, int(st.line), true, nil
	}
	if err := r.items.meet(h, int32(min(line, math.MaxInt32)), rejected); err != nil {
		return store.KnownOffer{}, false, 0, false, err
	}
	return st.offer(), st.known, 0, false, nil
}

// mayExist says whether the retailer may have an offer with item id: it had one when the run
// began, or the run did not load them. A retailer's first complete feed needs no lookup at all
// (a million of them were a random walk over the whole item table).
func (r *run) mayExist(id string) bool {
	if !r.items.loaded {
		return true
	}
	return r.knownCount > 0 && r.items.get(r.items.hash(id)).known
}
