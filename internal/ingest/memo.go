package ingest

import (
	"sync"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// memo remembers product keys and availability spellings across imports. catalog.ProductKeys
// and catalog.ParseAvailability allocate heavily per call (Unicode folding, GTIN checks, a
// replacer), and a retailer's daily snapshots repeat the same values, so looking them up is
// several times cheaper than recomputing. Bounded: it starts afresh past maxMemo entries.
type memo struct {
	mu    sync.Mutex
	keys  map[catalog.KeyParts]identity
	avail map[string]catalog.Availability
}

// identity is an item's product keys, most trusted first (shared: never modified), the index of
// the one that names a new product, whether it has a group key, and how many GTIN values were
// refused as keys.
type identity struct {
	keys     []string
	name     int
	grouped  bool // one of the keys is the retailer's item group
	badGTINs int
}

const maxMemo = 200_000

func newMemo() *memo {
	return &memo{keys: map[catalog.KeyParts]identity{}, avail: map[string]catalog.Availability{}}
}

func (m *memo) identity(p catalog.KeyParts) identity {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id, ok := m.keys[p]; ok {
		return id
	}
	if len(m.keys) >= maxMemo {
		clear(m.keys)
	}
	var id identity
	id.keys, id.name = catalog.ProductIdentity(p)
	id.grouped = groupKey(id.keys) != ""
	if p.GTIN != "" {
		_, id.badGTINs = catalog.GTINs(p.GTIN)
	}
	m.keys[p] = id
	return id
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
