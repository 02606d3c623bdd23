package feed

import (
	"bufio"
	"errors"
	"io"
)

// errRecordTooLong is what boundedReader returns once a record has run past its limit.
var errRecordTooLong = errors.New("record too long")

// boundedReader sits under encoding/csv and keeps one record from growing without bound:
// encoding/csv buffers a whole record (a line with no end, or a quote that never closes) before
// it returns anything. The consumer calls reset after each record; once more than limit bytes
// pass without a reset, Read fails once with errRecordTooLong (encoding/csv then returns the
// partial record with that error) and the rest of the current line, up to and including its
// newline, is dropped, so reading resumes at the next line. Bytes read ahead by the consumer
// count towards the next record, so the bound is approximate by a buffer's worth.
type boundedReader struct {
	r        *bufio.Reader
	limit    int
	n        int  // bytes passed since the last reset
	skipping bool // dropping the rest of the line that overflowed
}

func newBoundedReader(r io.Reader, limit int) *boundedReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	return &boundedReader{r: br, limit: limit}
}

// reset starts counting a new record.
func (b *boundedReader) reset() { b.n = 0 }

// Read passes bytes through until the limit; see boundedReader.
func (b *boundedReader) Read(p []byte) (int, error) {
	if b.skipping {
		for {
			_, err := b.r.ReadSlice('\n')
			if err == bufio.ErrBufferFull {
				continue
			}
			b.skipping = false
			b.n = 0
			if err != nil {
				return 0, err
			}
			break
		}
	}
	if b.n >= b.limit {
		b.skipping = true
		return 0, errRecordTooLong
	}
	if room := b.limit - b.n; len(p) > room {
		p = p[:room]
	}
	n, err := b.r.Read(p)
	b.n += n
	return n, err
}
