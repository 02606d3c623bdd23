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
	n           int
	offset      int64 // bytes of records added so far: where the next one starts

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
	s.n += len(items)
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
func (s *spool) len() int { return s.n }

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

// batches hands the items to fn in item id order (spool_order.go), size() at a time (asked
// before each batch). The slice is reused between calls.
func (s *spool) batches(size func() int, fn func([]listing) error) error {
	if s.f != nil {
		if err := s.w.Flush(); err != nil {
			return fmt.Errorf("spool feed items: %w", err)
		}
	}
	refs := s.order.sorted()
	want := size()
	batch := make([]listing, 0, want)
	var buf []byte
	for i := range refs {
		rec, err := s.record(&refs[i], &buf)
		if err == nil {
			batch = append(batch, listing{})
			batch[len(batch)-1], err = decodeListing(string(rec))
		}
		if err != nil {
			return fmt.Errorf("read spooled feed items: %w", err)
		}
		if len(batch) == want {
			if err := fn(batch); err != nil {
				return err
			}
			clear(batch) // let the batch's strings go
			batch, want = batch[:0], size()
		}
	}
	if len(batch) > 0 {
		return fn(batch)
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
