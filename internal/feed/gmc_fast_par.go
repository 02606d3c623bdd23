package feed

import "bytes"

// Scanning items on other goroutines. Splitting the input into items (finding an item's extent,
// counting lines, everything outside items) stays on the caller's goroutine, in Next; runs of
// whole items, copied out of the buffer, go to one short-lived goroutine per chunk that only
// scans bytes already in memory and then closes the chunk's done channel, so no goroutine ever
// waits on anyone and none outlives its chunk even when the caller stops calling Next. At most
// maxChunks chunks are in flight, so memory stays flat. An item a worker cannot scan (not plain,
// or its extent was guessed wrong) is left to the serial step: rewind rebuilds the input from
// that item on out of the chunks' copies, so the serial reader, and encoding/xml after it, see
// exactly what they would have seen without the workers.

const (
	// chunkItems is how many items one goroutine scans: ~128 µs of work for ~128 KB of input,
	// so the cost of starting a goroutine does not show.
	chunkItems = 128
	// chunkBytes closes a chunk early when its items are large, bounding memory per chunk.
	chunkBytes = 1 << 20
	// serialItems are read on the caller's goroutine before any chunk starts: small feeds
	// need no goroutines.
	serialItems = 128
	// rewindBackoff is how many items are read serially after a rewind, doubling on each, so
	// that a feed whose items all need the serial step does not copy its buffer per item.
	rewindBackoff = 1024
)

// parallel is gmcFastReader's state for scanning chunks of items on other goroutines. A zero
// parallel (maxChunks 0) means the reader scans everything itself.
type parallel struct {
	maxChunks   int         // chunks in flight at most; 0: serial only
	sizes       []int       // items per chunk, used in turn (tests vary them)
	seq         int         // chunks started, to pick the next size
	serialUntil int         // no chunk starts before this many items have been returned
	backoff     int         // serial items after the next rewind
	count       int         // items returned so far
	queue       []*gmcChunk // chunks started, in feed order; queue[0] is being returned
	next        int         // next result of queue[0]
	building    *gmcChunk   // the chunk being split: consume copies the input into it
	stopped     bool        // splitting met something for the serial step: drain queue, then one step
	free        []*gmcChunk // returned chunks, their buffers kept for reuse
}

// setParallel turns parallel scanning on, with chunks of sizes[i%len(sizes)] items, at most
// maxChunks in flight, after serial items and for backoff serial items after a rewind.
func (p *parallel) setParallel(maxChunks int, sizes []int, serial, backoff int) {
	p.maxChunks, p.sizes, p.serialUntil, p.backoff = maxChunks, sizes, serial, backoff
}

// gmcChunk is a run of items handed to one goroutine, with every byte the splitter consumed for
// it (white space and tags between items included), so that rewind can rebuild the input.
type gmcChunk struct {
	raw   []byte        // the consumed input, in order
	items []chunkItem   // the items in raw
	res   []chunkResult // res[i] is items[i]'s result; valid for i < n once done is closed
	n     int           // items scanned: items[n], if any, is not plain and was not scanned
	sc    itemScanner   // the worker's scratch
	done  chan struct{} // closed when the worker has finished
}

// chunkItem is where one item lies in its chunk's raw bytes and the reader's state at its start,
// which the serial step needs if the item is not plain.
type chunkItem struct {
	at, body, end int      // offsets in raw of the start tag, the body and just after the end tag
	line          int      // the file's line at raw[at]
	itemLine      int      // Item.Line: the line at the end of the start tag
	name          string   // "item" or "entry"
	stack         []string // the open elements outside the item (a snapshot; never changed)
}

// chunkResult is what Next returns for one scanned item.
type chunkResult struct {
	it  Item
	err error
}

// scan is the worker: it scans the chunk's items in order, stopping at the first one that is not
// plain (the serial step redoes that one and everything after it).
func (c *gmcChunk) scan() {
	defer close(c.done)
	c.n = 0
	for _, ci := range c.items {
		it, used, ok := c.sc.scanItem(c.raw[ci.body:ci.end], ci.name)
		if !ok || used != ci.end-ci.body {
			return
		}
		it.Line = ci.itemLine
		var err error
		if reason := parseItem(&it, c.sc.currency); reason != "" {
			err = &RowError{Line: ci.itemLine, Item: it.ID, Reason: reason}
		}
		c.res[c.n] = chunkResult{it, err}
		c.n++
	}
}

// parallelNow reports whether the next items may be split into chunks.
func (r *gmcFastReader) parallelNow() bool {
	return r.maxChunks > 0 && r.started && !r.stopped && !r.done && r.count >= r.serialUntil
}

// topUp splits chunks and starts their workers until maxChunks are in flight or splitting stops.
func (r *gmcFastReader) topUp() {
	for len(r.queue) < r.maxChunks && !r.stopped {
		c := r.newChunk()
		size := r.sizes[r.seq%len(r.sizes)]
		r.seq++
		r.building = c
		for len(c.items) < size && len(c.raw) < chunkBytes {
			if !r.splitItem(c) {
				r.stopped = true
				break
			}
		}
		r.building = nil
		if len(c.raw) == 0 {
			r.free = append(r.free, c)
			continue
		}
		if cap(c.res) < len(c.items) {
			c.res = make([]chunkResult, len(c.items))
		}
		c.res = c.res[:len(c.items)]
		c.done = make(chan struct{})
		if len(c.items) > 0 {
			go c.scan()
		} else {
			close(c.done) // only bytes between items, kept for rewind
		}
		r.queue = append(r.queue, c)
	}
}

// newChunk returns an empty chunk, reusing a returned one's buffers.
func (r *gmcFastReader) newChunk() *gmcChunk {
	var c *gmcChunk
	if n := len(r.free); n > 0 {
		c, r.free = r.free[n-1], r.free[:n-1]
	} else {
		c = &gmcChunk{}
	}
	c.raw, c.items, c.n = c.raw[:0], c.items[:0], 0
	c.sc.ns, c.sc.currency = r.ns, r.currency
	return c
}

// splitItem advances to the next item and, if its end tag is in reach, records it in c and
// consumes it. false means the serial step must go on from r.pos, where nothing of the item (or
// of whatever else stopped the split) has been consumed.
func (r *gmcFastReader) splitItem(c *gmcChunk) bool {
	name, n, ok := r.advance()
	if !ok {
		return false
	}
	size := r.extent(name, n)
	if size < 0 {
		return false
	}
	at := len(c.raw)
	c.items = append(c.items, chunkItem{
		at: at, body: at + n, end: at + size,
		line: r.line, itemLine: r.line + bytes.Count(r.buf[r.pos:r.pos+n], []byte{'\n'}),
		name: name, stack: r.stack,
	})
	r.consume(size)
	return true
}

// extent returns the length of the item whose start tag of n bytes is at r.pos, through the '>'
// of the first "</name" that is not a longer name; -1 when there is none within fastMaxToken of
// the item's start (each find is bounded from where it starts, so the bound is checked here
// too: hop by hop past "</items>"-like tags, an item could otherwise be buffered whole). A plain
// item ends there; for any other the worker's scan fails and the serial step decides.
func (r *gmcFastReader) extent(name string, n int) int {
	from := n // relative to r.pos, which find may move
	for {
		if from > fastMaxToken {
			return -1
		}
		i := r.find(r.pos+from, "</"+name)
		if i < 0 {
			return -1
		}
		rel := i - r.pos
		gt := r.find(i, ">") // beyond the name, so the byte after the name is in the buffer
		if gt < 0 {
			return -1
		}
		after := r.pos + rel + 2 + len(name)
		if c := r.buf[after]; !(isLetter(c) || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.' || c == ':') {
			return gt + 1 - r.pos
		}
		from = after - r.pos
	}
}

// fromQueue returns the next result of the oldest chunk, waiting for its worker. ok is false
// when the chunk had nothing more (it is dropped) or its next item is not plain: then the input
// has been rewound to that item for the serial step.
func (r *gmcFastReader) fromQueue() (Item, error, bool) {
	c := r.queue[0]
	<-c.done
	if r.next < c.n {
		res := c.res[r.next]
		c.res[r.next] = chunkResult{}
		r.next++
		if r.next == len(c.items) {
			r.pop()
		}
		return res.it, res.err, true
	}
	if r.next < len(c.items) {
		r.rewind()
		return Item{}, nil, false
	}
	r.pop()
	return Item{}, nil, false
}

// pop drops the oldest chunk, all of whose results have been returned, and splits another.
func (r *gmcFastReader) pop() {
	r.free = append(r.free, r.queue[0])
	r.queue = r.queue[:copy(r.queue, r.queue[1:])]
	r.next = 0
	if r.parallelNow() {
		r.topUp()
	}
}

// rewind makes the input start again at queue[0]'s item r.next, which is not plain: the buffer
// becomes the bytes consumed from that item on (its chunk's and all later chunks') followed by
// the unconsumed ones, and the line and open elements are those at the item, so the serial step
// goes on exactly as if it had met the item itself. The later chunks' results are dropped (after
// their workers finish, so that their buffers can be reused).
func (r *gmcFastReader) rewind() {
	c := r.queue[0]
	ci := c.items[r.next]
	size := len(c.raw) - ci.at + len(r.buf) - r.pos
	for _, q := range r.queue[1:] {
		size += len(q.raw)
	}
	rest := append(make([]byte, 0, size), c.raw[ci.at:]...)
	for _, q := range r.queue[1:] {
		<-q.done
		rest = append(rest, q.raw...)
	}
	rest = append(rest, r.buf[r.pos:]...)
	r.buf, r.pos, r.line, r.stack, r.done = rest, 0, ci.line, ci.stack, false
	for i, q := range r.queue {
		for j := range q.res {
			q.res[j] = chunkResult{}
		}
		r.free = append(r.free, q)
		r.queue[i] = nil
	}
	r.queue, r.next, r.stopped = r.queue[:0], 0, true
	r.serialUntil = r.count + 1 + r.backoff
	r.backoff *= 2
}
