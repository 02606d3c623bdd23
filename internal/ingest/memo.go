package ingest

import (
	"strings"
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

// maxMemo bounds the product-key memo. An entry costs ~500 bytes and a feed's items mostly have
// keys of their own (a GTIN per size), so a large memo is mostly memory: at 200,000 entries the
// 1M-item benchmark peaked at 433 MB, at 50,000 at 282 MB for the same CPU time. Since complete
// feeds skip unchanged records (feedhash.go), only changed items reach the memo at all.
const maxMemo = 50_000

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
	// The parts may be slices of a larger string (a spooled record, see spool_codec.go): keep
	// copies, or every entry would hold a whole record in memory.
	p = catalog.KeyParts{Brand: strings.Clone(p.Brand), MPN: strings.Clone(p.MPN), GroupID: strings.Clone(p.GroupID),
		Retailer: strings.Clone(p.Retailer), GTIN: strings.Clone(p.GTIN), Title: strings.Clone(p.Title), Color: strings.Clone(p.Color)}
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
	m.avail[strings.Clone(s)] = a
	return a
}
