package index

import (
	"slices"
	"sort"
)

// A write used to drop every presorted order, and the first search after it paid a full sort of
// the products (about 100 ms at a million): with the change log applied every second during an
// import, that was most searches' p99. Instead a write now carries the orders over, patched for
// the products it touched: those are taken out and put back at their new places, found by
// binary search. The rest of the derived cache is cheap to rebuild and is still dropped.

// maxPatchShare is the largest share of an order's products a write may touch for the order to
// be patched rather than dropped (rebuilt by the next search that needs it).
const maxPatchShare = 8

// touched collects the dense product ids a write changes.
type touched struct{ bits []uint64 }

func (t *touched) add(pid uint32) {
	w := int(pid / 64)
	if w >= len(t.bits) {
		t.bits = append(t.bits, make([]uint64, w+1-len(t.bits))...)
	}
	t.bits[w] |= 1 << (pid % 64)
}

func (t *touched) has(pid uint32) bool {
	w := int(pid / 64)
	return w < len(t.bits) && t.bits[w]&(1<<(pid%64)) != 0
}

// carryOrders moves old's presorted orders into fresh, patched for the products in pids (every
// dense id the write upserted into or deleted from, before and after); orders the write touched
// too much of are left out and rebuilt when next needed. It runs under the write lock, after
// the summaries are up to date.
func (ix *Index) carryOrders(old, fresh *derived, pids []uint32) {
	if len(pids) == 0 {
		for k, o := range old.orders {
			fresh.orders[k] = o
		}
		return
	}
	var t touched
	for _, pid := range pids {
		t.add(pid)
	}
	for k, o := range old.orders {
		if len(pids) > len(o)/maxPatchShare {
			continue
		}
		fresh.orders[k] = ix.patchOrder(o, k, &t, pids)
	}
}

// patchOrder returns a new order: o without the touched products, with those that still have
// an admitted offer inserted where order would have sorted them.
func (ix *Index) patchOrder(o []uint32, k orderKey, t *touched, pids []uint32) []uint32 {
	sum := &ix.sum[k.m]
	p := &plan{q: Query{Sort: k.s}, mode: k.m}
	entryOf := func(pid uint32) entry {
		return ix.entry(p, pid, sum.best[pid], sum.minBase[pid], sum.maxDisc[pid], sum.maxFirst[pid], -1)
	}
	kept := make([]uint32, 0, len(o))
	for _, pid := range o {
		if !t.has(pid) {
			kept = append(kept, pid)
		}
	}
	var add []entry
	for _, pid := range pids {
		if sum.has.Contains(pid) {
			add = append(add, entryOf(pid))
		}
	}
	slices.SortFunc(add, compareEntries)
	add = slices.CompactFunc(add, func(a, b entry) bool { return a.pid == b.pid })
	out := make([]uint32, 0, len(kept)+len(add))
	lo := 0
	for _, e := range add {
		i := lo + sort.Search(len(kept)-lo, func(i int) bool { return before(e, entryOf(kept[lo+i])) })
		out = append(out, kept[lo:i]...)
		out = append(out, e.pid)
		lo = i
	}
	return append(out, kept[lo:]...)
}
