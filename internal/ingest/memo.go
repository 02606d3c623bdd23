package ingest

import (
	"sync"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// memo remembers product keys and availability spellings across imports. catalog.ProductKey
// and catalog.ParseAvailability allocate heavily per call (Unicode folding, a replacer), and a
// retailer's daily snapshots repeat the same values, so looking them up is several times
// cheaper than recomputing. Bounded: it starts afresh past maxMemo entries.
type memo struct {
	mu    sync.Mutex
	keys  map[catalog.KeyParts]string
	avail map[string]catalog.Availability
}

const maxMemo = 200_000

func newMemo() *memo {
	return &memo{keys: map[catalog.KeyParts]string{}, avail: map[string]catalog.Availability{}}
}

func (m *memo) productKey(p catalog.KeyParts) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if k, ok := m.keys[p]; ok {
		return k
	}
	if len(m.keys) >= maxMemo {
		clear(m.keys)
	}
	k := catalog.ProductKey(p)
	m.keys[p] = k
	return k
}

func (m *memo) availability(s string) catalog.Availability {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.avail[s]; ok {
		return a
	}
	if len(m.avail) >= 1000 {
		clear(m.avail)
	}
	a := catalog.ParseAvailability(s)
	m.avail[s] = a
	return a
}
