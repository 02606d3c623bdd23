package ingest

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"slices"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// spool holds a run's normalised items between reading the feed and applying it, so that
// nothing is written before the feed has been read whole and passed the size check. Items are
// kept encoded (spool_codec.go), in memory up to a byte budget; past it the spool moves to an
// unnamed temporary file (created and unlinked at once where the system allows, so a crash
// leaves nothing behind) and memory stays flat however big the feed.
type spool struct {
	budget int // bytes of records kept in memory before spilling
	dir    string

	mem         [][]byte // blocks of whole records
	blockStarts []int64  // where each block of mem starts in the stream of records
	size        int      // bytes in mem
	offset      int64    // bytes of records added so far: where the next one starts

	// order holds where each record is and its item id, to hand the items out in id order
	// (spool_order.go).
	order spoolOrder

	f *os.File
	w *bufio.Writer
}

// defaultSpoolBudget keeps a typical shop's feed (tens of thousands of items) in memory.
const defaultSpoolBudget = 64 << 20

// spoolBlock is the size of the spool's blocks in memory.
const spoolBlock = 1 << 20

func newSpool(budget int) *spool { return &spool{budget: budget} }

// addEncoded appends items already encoded by appendListing, in order: recs holds one record
// for each of items.
func (s *spool) addEncoded(recs []byte, items []feed.Item) error {
	for i, pos := 0, 0; i < len(items); i++ {
		body, w := binary.Uvarint(recs[pos:])
		if w <= 0 || uint64(len(recs)-pos-w) < body {
			return fmt.Errorf("spool feed items: item %q: %w", items[i].ID, errBadRecord)
		}
		size := w + int(body)
		if err := s.order.add(items[i].ID, s.offset+int64(pos), size); err != nil {
			return err
		}
		pos += size
	}
	at := s.offset
	s.offset += int64(len(recs))
	if s.f != nil {
		return s.write(recs)
	}
	if last := len(s.mem) - 1; last >= 0 && len(s.mem[last])+len(recs) <= cap(s.mem[last]) {
		s.mem[last] = append(s.mem[last], recs...)
	} else {
		s.mem = append(s.mem, append(make([]byte, 0, max(spoolBlock, len(recs))), recs...))
		s.blockStarts = append(s.blockStarts, at)
	}
	s.size += len(recs)
	if s.size <= s.budget {
		return nil
	}
	return s.spill()
}

// len is how many items the spool holds.
func (s *spool) len() int { return s.order.n }

// spill moves the records in memory to a temporary file; later records go straight to it.
func (s *spool) spill() error {
	f, err := os.CreateTemp(s.dir, "tagdrop-import-*.spool")
	if err != nil {
		return fmt.Errorf("spool feed items: %w", err)
	}
	_ = os.Remove(f.Name()) // unlinked: the open file lives on until closed (not on Windows, see close)
	s.f, s.w = f, bufio.NewWriterSize(f, 1<<20)
	for _, b := range s.mem {
		if err := s.write(b); err != nil {
			return err
		}
	}
	s.mem, s.blockStarts, s.size = nil, nil, 0
	return nil
}

func (s *spool) write(b []byte) error {
	if _, err := s.w.Write(b); err != nil {
		return fmt.Errorf("spool feed items: %w", err)
	}
	return nil
}

// batches hands the items to fn in item id order (spool_order.go), in batches whose sizes
// size gives from the number of items handed out before. While fn writes one batch, the next
// is read and decoded on another goroutine. A batch's slice is reused once fn has returned.
func (s *spool) batches(size func(handed int) int, fn func([]listing) error) error {
	if s.f != nil {
		if err := s.w.Flush(); err != nil {
			return fmt.Errorf("spool feed items: %w", err)
		}
	}
	type part struct {
		items []listing
		err   error
	}
	ready := make(chan part) // unbuffered: at most the batch being written and the next are decoded
	reuse := make(chan []listing, 2)
	stop, done := make(chan struct{}), make(chan struct{})
	defer func() { close(stop); <-done }() // the records' memory must outlive the reader
	refs := s.order.sorted()
	go func() {
		defer close(done)
		defer close(ready)
		var buf []byte
		for start := 0; start < len(refs); {
			n := min(max(1, size(start)), len(refs)-start)
			var b []listing
			select {
			case b = <-reuse:
			default:
			}
			b = slices.Grow(b, n) // batches grow as the run goes (batchsize.go)
			var err error
			for i := start; i < start+n && err == nil; i++ {
				var rec []byte
				if rec, err = s.record(&refs[i], &buf); err == nil {
					b = append(b, listing{})
					b[len(b)-1], err = decodeListing(string(rec))
				}
			}
			if err != nil {
				err = fmt.Errorf("read spooled feed items: %w", err)
			}
			select {
			case ready <- part{items: b, err: err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
			start += n
		}
	}()
	for p := range ready {
		if p.err != nil {
			return p.err
		}
		if err := fn(p.items); err != nil {
			return err
		}
		clear(p.items) // let the batch's strings go
		select {
		case reuse <- p.items[:0]:
		default:
		}
	}
	return nil
}

// record returns the body of the record ref names: a slice of the spool's memory, or read from
// its file into *buf.
func (s *spool) record(ref *spoolRef, buf *[]byte) ([]byte, error) {
	var rec []byte
	if s.f == nil {
		b, _ := slices.BinarySearch(s.blockStarts, int64(ref.off)+1)
		at := int64(ref.off) - s.blockStarts[b-1]
		rec = s.mem[b-1][at : at+int64(ref.size)]
	} else {
		*buf = slices.Grow((*buf)[:0], int(ref.size))[:ref.size]
		if _, err := s.f.ReadAt(*buf, int64(ref.off)); err != nil {
			return nil, err
		}
		rec = *buf
	}
	body, w := binary.Uvarint(rec)
	if w <= 0 || body != uint64(len(rec)-w) {
		return nil, errBadRecord
	}
	return rec[w:], nil
}

// close releases the spool's file, if any.
func (s *spool) close() {
	if s.f != nil {
		s.f.Close()
		_ = os.Remove(s.f.Name()) // where the early unlink failed
		s.f = nil
	}
	s.mem, s.blockStarts = nil, nil
	s.order.free()
}
