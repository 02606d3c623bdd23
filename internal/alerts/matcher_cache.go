package alerts

import (
	"runtime"
	"sync"
	"time"
	"weak"

	"github.com/tagdrop/tagdrop/internal/index"
)

// matchers keeps one Matcher per live index for Match, so that a shopper at a time (the "My
// sales" page, a run that calls Match per shopper) does not copy and rank the catalogue on
// every call. An entry leaves with its index (runtime.AddCleanup). It is the package's one
// shared state: Match's signature takes no matcher.
var matchers sync.Map // weak.Pointer[index.Index] → *matcherEntry

type matcherEntry struct {
	mu sync.Mutex
	m  *Matcher
}

// cachedMatcher is a Matcher of idx's current version, built at now when it must be rebuilt.
func cachedMatcher(idx *index.Index, now time.Time) *Matcher {
	key := weak.Make(idx)
	v, loaded := matchers.LoadOrStore(key, &matcherEntry{})
	e := v.(*matcherEntry)
	if !loaded {
		runtime.AddCleanup(idx, func(key weak.Pointer[index.Index]) { matchers.Delete(key) }, key)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.m == nil || e.m.Version() != idx.Version() {
		e.m = NewMatcher(idx, now)
	}
	return e.m
}
