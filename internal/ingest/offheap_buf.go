package ingest

// offHeapBuf is a growable byte buffer outside Go's heap (offheap_*.go), for large pointer-free
// data an import keeps while it runs: the garbage collector neither scans it nor lets the heap
// grow by its size again before collecting. It doubles when full; the caller frees it.
type offHeapBuf struct {
	b []byte // the mapped region; len(b) is its capacity
	n int    // bytes in use
}

// offHeapBufMin is the smallest region a buffer maps.
const offHeapBufMin = 1 << 20

// grow makes room for more bytes.
func (o *offHeapBuf) grow(more int) error {
	if o.n+more <= len(o.b) {
		return nil
	}
	region, err := allocOffHeap(max(offHeapBufMin, 2*len(o.b), o.n+more))
	if err != nil {
		return err
	}
	copy(region, o.b[:o.n])
	freeOffHeap(o.b)
	o.b = region
	return nil
}

// appendString adds s's bytes and returns where they start.
func (o *offHeapBuf) appendString(s string) (int, error) {
	if err := o.grow(len(s)); err != nil {
		return 0, err
	}
	at := o.n
	o.n += copy(o.b[at:], s)
	return at, nil
}

// bytes is the buffer's content; it stays valid until the buffer grows or is freed.
func (o *offHeapBuf) bytes() []byte { return o.b[:o.n] }

// free unmaps the buffer; it is empty afterwards.
func (o *offHeapBuf) free() {
	freeOffHeap(o.b)
	*o = offHeapBuf{}
}
