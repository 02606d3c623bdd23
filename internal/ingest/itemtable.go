package ingest

import (
	"math/bits"
	"unsafe"
)

// itemTable is the run's set of item ids (seen.go): an open-addressing hash table with linear
// probing over 24-byte slots, kept outside Go's heap (offheap_*.go). A million-item feed needs
// a million slots whatever the table is; as a Go map of 40-byte entries they took 88 MB of
// live heap at 1M items (a heap profile of the 1M first import: three quarters of all live
// memory), and the garbage collector lets the heap grow to twice its live size before it
// collects, so the map cost the import up to twice that in resident memory. Here a slot costs
// 24 bytes at a load of at most 0.8 and no collector headroom: ~36 MB at 1M items.
type itemTable struct {
	region []byte     // the slots' memory (offheap.go), nil until the first insert
	slots  []itemSlot // region as slots
	n      int        // slots in use
}

// itemSlot is one item id in the table. The empty slot has a zero key: keys are made odd.
type itemSlot struct {
	key  idHash
	line int32  // the feed line the id was met at (see itemState)
	ref  uint32 // slotMet, slotRejected, and the index + 1 of the retailer's known offer (0: none)
}

const (
	slotMet      = 1 << 31
	slotRejected = 1 << 30 // met, but only in rows that were rejected
	slotRefMask  = slotRejected - 1
)

// The table grows by half when it is 80% full: linear probing stays a few cache lines per
// lookup, and growth costs the old and new slots together only while it rehashes.
const (
	itemTableMinSlots = 1024
	itemTableLoadPct  = 80
)

// slotOf is the index of key's slot, or of the empty slot where it would go.
func (t *itemTable) slotOf(key idHash) int {
	hi, _ := bits.Mul64(key[0], uint64(len(t.slots)))
	i := int(hi)
	for {
		s := &t.slots[i]
		if s.key == key || s.key == (idHash{}) {
			return i
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// get returns key's slot and whether it is in the table.
func (t *itemTable) get(key idHash) (itemSlot, bool) {
	if t.n == 0 {
		return itemSlot{}, false
	}
	s := t.slots[t.slotOf(key)]
	return s, s.key == key
}

// put stores s under its key, replacing what was there.
func (t *itemTable) put(s itemSlot) error {
	if (t.n+1)*100 > len(t.slots)*itemTableLoadPct {
		if err := t.grow(); err != nil {
			return err
		}
	}
	i := t.slotOf(s.key)
	if t.slots[i].key != s.key {
		t.n++
	}
	t.slots[i] = s
	return nil
}

// grow moves the slots to a region half as big again.
func (t *itemTable) grow() error {
	size := max(itemTableMinSlots, len(t.slots)+len(t.slots)/2)
	region, err := allocOffHeap(size * int(unsafe.Sizeof(itemSlot{})))
	if err != nil {
		return err
	}
	old, oldRegion := t.slots, t.region
	t.region, t.slots = region, unsafe.Slice((*itemSlot)(unsafe.Pointer(unsafe.SliceData(region))), size)
	for _, s := range old {
		if s.key != (idHash{}) {
			t.slots[t.slotOf(s.key)] = s
		}
	}
	freeOffHeap(oldRegion)
	return nil
}

// each calls fn with every slot in use, in no particular order.
func (t *itemTable) each(fn func(itemSlot)) {
	for _, s := range t.slots {
		if s.key != (idHash{}) {
			fn(s)
		}
	}
}

// free gives the table's memory back; the table is empty afterwards.
func (t *itemTable) free() {
	freeOffHeap(t.region)
	*t = itemTable{}
}
