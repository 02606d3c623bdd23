package feed

import "io"

// NewGMCXMLReaders returns the encoding/xml reader and the fast reader over the same bytes, and
// a function that reports whether the fast reader handed (part of) its input to encoding/xml.
func NewGMCXMLReaders(slow, fast io.Reader) (Reader, Reader, func() bool) {
	f := newGMCFastReader(fast)
	return newGMCReader(slow), f, func() bool { return f.slow != nil }
}
