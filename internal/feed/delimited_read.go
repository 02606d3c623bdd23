package feed

import (
	"io"
	"strings"
)

// read returns the next record and the line it starts on, setting recLast to the line it ends
// on.
func (r *delimitedReader) read() ([]string, int, error) {
	if rec := r.pending; rec != nil {
		r.pending = nil
		r.recLast = r.pendingLast
		return rec, r.pendingLine, nil
	}
	rec, err := r.csv.Read()
	r.bound.reset()
	if err == io.EOF {
		return nil, 0, err
	}
	line, _ := r.csv.FieldPos(0)
	r.recLast = line
	if len(rec) > 0 {
		// The record ends where its last field does: that field's first line plus the line
		// breaks in it.
		r.recLast, _ = r.csv.FieldPos(len(rec) - 1)
		r.recLast += strings.Count(rec[len(rec)-1], "\n")
	}
	return rec, line, err
}
