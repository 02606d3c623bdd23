package ingest

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// spool holds a run's normalised items between reading the feed and applying it, so that
// nothing is written before the feed has been read whole and passed the size check. Items are
// kept encoded (spool_codec.go), in memory up to a byte budget; past it the spool moves to an
// unnamed temporary file (created and unlinked at once where the system allows, so a crash
// leaves nothing behind) and memory stays flat however big the feed.
type spool struct {
	budget int // bytes of records kept in memory before spilling
	dir    string

	mem  [][]byte // blocks of whole records
	size int      // bytes in mem
	n    int

	f *os.File
	w *bufio.Writer
}

// defaultSpoolBudget keeps a typical shop's feed (tens of thousands of items) in memory.
const defaultSpoolBudget = 64 << 20

// spoolBlock is the size of the spool's blocks in memory.
const spoolBlock = 1 << 20

func newSpool(budget int) *spool { return &spool{budget: budget} }

// addEncoded appends n items already encoded by appendListing, in order.
func (s *spool) addEncoded(recs []byte, n int) error {
	s.n += n
	if s.f != nil {
		return s.write(recs)
	}
	if last := len(s.mem) - 1; last >= 0 && len(s.mem[last])+len(recs) <= cap(s.mem[last]) {
		s.mem[last] = append(s.mem[last], recs...)
	} else {
		s.mem = append(s.mem, append(make([]byte, 0, max(spoolBlock, len(recs))), recs...))
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
	s.mem, s.size = nil, 0
	return nil
}

func (s *spool) write(b []byte) error {
	if _, err := s.w.Write(b); err != nil {
		return fmt.Errorf("spool feed items: %w", err)
	}
	return nil
}

// batches hands the items to fn in feed order, size() at a time (asked before each batch). The
// slice is reused between calls.
func (s *spool) batches(size func() int, fn func([]listing) error) error {
	var src io.ByteReader
	var r io.Reader
	if s.f == nil {
		mr := &blockReader{blocks: s.mem}
		src, r = mr, mr
	} else {
		if err := s.w.Flush(); err != nil {
			return fmt.Errorf("spool feed items: %w", err)
		}
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("spool feed items: %w", err)
		}
		br := bufio.NewReaderSize(s.f, 1<<20)
		src, r = br, br
	}
	want := size()
	batch := make([]listing, 0, want)
	var rec []byte
	for {
		n, err := binary.ReadUvarint(src)
		if errors.Is(err, io.EOF) {
			break
		}
		if err == nil && n > 1<<30 {
			err = errBadRecord
		}
		if err == nil {
			rec = append(rec[:0], make([]byte, n)...)
			_, err = io.ReadFull(r, rec)
		}
		if err != nil {
			return fmt.Errorf("read spooled feed items: %w", err)
		}
		l, err := decodeListing(string(rec))
		if err != nil {
			return fmt.Errorf("read spooled feed items: %w", err)
		}
		batch = append(batch, l)
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

// blockReader reads the spool's blocks in memory as one stream.
type blockReader struct {
	blocks [][]byte
	i, off int
}

func (b *blockReader) ReadByte() (byte, error) {
	for b.i < len(b.blocks) && b.off == len(b.blocks[b.i]) {
		b.i, b.off = b.i+1, 0
	}
	if b.i == len(b.blocks) {
		return 0, io.EOF
	}
	c := b.blocks[b.i][b.off]
	b.off++
	return c, nil
}

func (b *blockReader) Read(p []byte) (int, error) {
	for b.i < len(b.blocks) && b.off == len(b.blocks[b.i]) {
		b.i, b.off = b.i+1, 0
	}
	if b.i == len(b.blocks) {
		return 0, io.EOF
	}
	n := copy(p, b.blocks[b.i][b.off:])
	b.off += n
	return n, nil
}

// close releases the spool's file, if any.
func (s *spool) close() {
	if s.f != nil {
		s.f.Close()
		_ = os.Remove(s.f.Name()) // where the early unlink failed
		s.f = nil
	}
	s.mem = nil
}
