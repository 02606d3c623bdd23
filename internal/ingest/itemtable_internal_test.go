package ingest

import (
	"fmt"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
)

// TestItemSetAcrossGrowth fills a run's item set past several growths of its table with known
// offers and met items, and checks each one's state afterwards and what each() yields.
func TestItemSetAcrossGrowth(t *testing.T) {
	s := newItemSet()
	defer s.free()
	const known, met = 3000, 5000 // items 0..known-1 are known offers; items known-1000.. are met
	for i := range known {
		k := store.KnownOffer{ID: int64(i + 1), FeedHash: uint64(i) * 7, Gone: i%3 == 0}
		if err := s.addKnown(s.hash(fmt.Sprint("item-", i)), k); err != nil {
			t.Fatal(err)
		}
	}
	for i := known - 1000; i < known-1000+met; i++ {
		if err := s.meet(s.hash(fmt.Sprint("item-", i)), int32(i+10), false); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := s.table.n, known+met-1000; got != want {
		t.Fatalf("table holds %d items, want %d", got, want)
	}
	if s.table.n*100 > len(s.table.slots)*itemTableLoadPct || len(s.table.slots) <= itemTableMinSlots {
		t.Fatalf("%d items in %d slots: the table did not grow as it should", s.table.n, len(s.table.slots))
	}
	for i := range known + met {
		st := s.get(s.hash(fmt.Sprint("item-", i)))
		isKnown, isMet := i < known, i >= known-1000 && i < known-1000+met
		if st.known != isKnown || st.met != isMet {
			t.Fatalf("item %d: known %v met %v, want %v %v", i, st.known, st.met, isKnown, isMet)
		}
		if isKnown && (st.offerID != int64(i+1) || st.feedHash != uint64(i)*7 || st.gone != (i%3 == 0)) {
			t.Fatalf("item %d: offer %+v", i, st.offer())
		}
		if isMet && st.line != int32(i+10) {
			t.Fatalf("item %d: line %d, want %d", i, st.line, i+10)
		}
	}
	if st := s.get(s.hash("never")); st != (itemState{}) {
		t.Fatalf("an item never added has state %+v", st)
	}
	var knownUnmet, all int
	s.table.each(func(slot itemSlot) {
		all++
		if st := s.state(slot); st.known && !st.met {
			knownUnmet++
		}
	})
	if all != s.table.n || knownUnmet != known-1000 {
		t.Fatalf("each yielded %d slots (want %d), %d known and not met (want %d)", all, s.table.n, knownUnmet, known-1000)
	}
}
