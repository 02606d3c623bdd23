package ingest

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// normaliser normalises and encodes a run's items on every core while the feed reader goes on
// scanning: the reading goroutine hands items over in chunks, workers normalise and encode each
// chunk (normalise is pure, the memo is locked), and one collector adds the chunks to the
// spool in the order they were read. The spool therefore holds exactly what a serial read
// would have put there, in the same order; only the wall-clock time differs.
type normaliser struct {
	r     *run
	cur   *normChunk
	work  chan *normChunk // to the workers
	order chan *normChunk // to the collector, in feed order
	free  chan *normChunk
	wg    sync.WaitGroup
	done  chan struct{} // closed when the collector has finished
	err   atomic.Pointer[error]
	ended bool
}

// normChunk is a run of items and, once a worker has done, their spool records.
type normChunk struct {
	items  []feed.Item
	hashes []uint64
	recs   []byte
	ready  chan struct{}
}

// normChunkSize is how many items a worker takes at once: enough to make the hand-over cheap,
// few enough that the spool's memory budget still means something.
const normChunkSize = 256

func (r *run) startNormaliser() *normaliser {
	workers := max(1, runtime.GOMAXPROCS(0))
	n := &normaliser{r: r, work: make(chan *normChunk, 2*workers), order: make(chan *normChunk, 4*workers),
		free: make(chan *normChunk, 8*workers), done: make(chan struct{})}
	n.wg.Add(workers)
	for range workers {
		go n.worker()
	}
	go n.collect()
	return n
}

func (n *normaliser) worker() {
	defer n.wg.Done()
	r := n.r
	var cm categoryMemo
	for c := range n.work {
		c.recs = c.recs[:0]
		for i := range c.items {
			l := r.tables.normalise(c.items[i], r.retailer.Slug, r.at, r.im.memo, &cm)
			l.hash = c.hashes[i]
			c.recs = appendListing(c.recs, &l)
		}
		close(c.ready)
	}
}

func (n *normaliser) collect() {
	defer close(n.done)
	for c := range n.order {
		<-c.ready
		if n.err.Load() == nil {
			if err := n.r.spool.addEncoded(c.recs, c.items); err != nil {
				n.err.Store(&err)
			}
		}
		clear(c.items) // let the feed's strings go
		c.items, c.hashes = c.items[:0], c.hashes[:0]
		select {
		case n.free <- c:
		default:
		}
	}
}

// add queues one item (with its record's hash) to be normalised and spooled. It returns the
// error that stopped the collector, if any.
func (n *normaliser) add(it feed.Item, hash uint64) error {
	if p := n.err.Load(); p != nil {
		return *p
	}
	if n.cur == nil {
		select {
		case n.cur = <-n.free:
		default:
			n.cur = &normChunk{items: make([]feed.Item, 0, normChunkSize), hashes: make([]uint64, 0, normChunkSize)}
		}
		n.cur.ready = make(chan struct{})
	}
	n.cur.items = append(n.cur.items, it)
	n.cur.hashes = append(n.cur.hashes, hash)
	if len(n.cur.items) == normChunkSize {
		n.flush()
	}
	return nil
}

func (n *normaliser) flush() {
	if n.cur == nil || len(n.cur.items) == 0 {
		return
	}
	n.order <- n.cur
	n.work <- n.cur
	n.cur = nil
}

// finish spools what is still queued and waits for it: after it the spool holds every item
// added. It returns the first error spooling met.
func (n *normaliser) finish() error {
	n.flush()
	n.stop()
	if p := n.err.Load(); p != nil {
		return *p
	}
	return nil
}

// stop ends the workers and the collector and waits for them (safe to call again).
func (n *normaliser) stop() {
	if n.ended {
		return
	}
	n.ended = true
	close(n.work)
	close(n.order)
	n.wg.Wait()
	<-n.done
}
