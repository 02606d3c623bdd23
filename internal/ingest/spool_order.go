package ingest

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"unsafe"
)

// The spool hands its items out in item id order, not feed order. A retailer's offers are
// indexed by (retailer, item id), and a feed lists its items in its own order (by product,
// by date added), which is random against that index: every batch of a big import then
// inserted into, or updated, pages all over the index, and every commit wrote those pages to
// SQLite's log again. A 1M-item first import wrote 9.9 GB for a 0.55 GB database that way.
// In id order each batch works on one stretch of the index, and a page is written about once
// (2.1 GB). Offers of a new retailer then also get ids in item id order, so the next import,
// in the same order, walks the offers table front to back too.
//
// spoolOrder keeps, for each record, its place in the spool and its item id, outside the heap
// (offheap_buf.go): at 1M items some 24 MB of references and the ids' own bytes.
type spoolOrder struct {
	refs offHeapBuf // spoolRefs
	ids  offHeapBuf // the item ids' bytes, one after another
	n    int
}

// spoolRef is one record of the spool: where its item id and its bytes are.
type spoolRef struct {
	id    uint64 // offset of the item id in spoolOrder.ids
	off   uint64 // offset of the record in the spool's stream of records
	idLen uint32
	size  uint32 // the record's bytes, its length prefix included
}

// add notes the record of item id, size bytes at offset off of the spool.
func (o *spoolOrder) add(id string, off int64, size int) error {
	if size > math.MaxUint32 || len(id) > math.MaxUint32 {
		return fmt.Errorf("spool feed items: item %.40q: record of %d bytes is too big", id, size)
	}
	at, err := o.ids.appendString(id)
	if err != nil {
		return err
	}
	if err := o.refs.grow(int(unsafe.Sizeof(spoolRef{}))); err != nil {
		return err
	}
	o.refs.n += int(unsafe.Sizeof(spoolRef{}))
	o.view()[o.n] = spoolRef{id: uint64(at), off: uint64(off), idLen: uint32(len(id)), size: uint32(size)}
	o.n++
	return nil
}

// view is the references as a slice (valid until the next add or free).
func (o *spoolOrder) view() []spoolRef {
	if len(o.refs.b) == 0 {
		return nil
	}
	return unsafe.Slice((*spoolRef)(unsafe.Pointer(unsafe.SliceData(o.refs.b))), len(o.refs.b)/int(unsafe.Sizeof(spoolRef{})))
}

// sorted sorts the references by item id (byte order, as SQLite's and PostgreSQL's "C"
// comparisons of the index have it) and returns them. The ids' bytes are released: only the
// records' places are needed afterwards.
func (o *spoolOrder) sorted() []spoolRef {
	refs := o.view()[:o.n]
	ids := o.ids.bytes()
	idOf := func(r *spoolRef) []byte { return ids[r.id : r.id+uint64(r.idLen)] }
	slices.SortFunc(refs, func(a, b spoolRef) int { return bytes.Compare(idOf(&a), idOf(&b)) })
	o.ids.free()
	return refs
}

// free releases the references and ids.
func (o *spoolOrder) free() {
	o.refs.free()
	o.ids.free()
	o.n = 0
}
