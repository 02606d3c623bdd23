package feed

import "io"

// NewGMCXMLReaders returns the encoding/xml reader and the fast reader, scanning every item on
// the caller's goroutine, over the same bytes, and a function that reports whether the fast
// reader handed (part of) its input to encoding/xml.
func NewGMCXMLReaders(slow, fast io.Reader) (Reader, Reader, func() bool) {
	f := newGMCFastReader(fast)
	f.parallel = parallel{}
	return newGMCReader(slow), f, func() bool { return f.slow != nil }
}

// NewGMCFastParallelReader returns a fast reader that scans items on other goroutines whatever
// GOMAXPROCS is, and a function that reports whether it handed (part of) its input to
// encoding/xml. tiny makes it start with the first item, in chunks of 1, 2 and 3 items, at most 3
// in flight and no serial backoff after a rewind, so that items needing the serial step land at
// every place in a chunk and in later chunks; otherwise it is the reader newGMCFastReader makes.
func NewGMCFastParallelReader(src io.Reader, tiny bool) (Reader, func() bool) {
	f := newGMCFastReader(src)
	if tiny {
		f.setParallel(3, []int{1, 2, 3}, 0, 0)
	} else if f.maxChunks == 0 { // GOMAXPROCS is 1: the settings newGMCFastReader uses on 2 cores
		f.setParallel(4, []int{chunkItems}, serialItems, rewindBackoff)
	}
	return f, func() bool { return f.slow != nil }
}
