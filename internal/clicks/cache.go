package clicks

import (
	"container/list"
	"sync"
	"time"
)

// targetCache is a least-recently-used map of offer id to Target with an expiry, so the redirect
// does not query the database for offers clicked recently; entries expire so a changed URL or a
// gone offer shows within the TTL. Offers that were not found are cached too (found false), so
// a burst of clicks on a deleted offer does not reach the database either.
type targetCache struct {
	mu    sync.Mutex
	size  int
	ttl   time.Duration
	items map[int64]*list.Element
	order *list.List // front: most recently used
}

type cacheEntry struct {
	id      int64
	target  Target
	found   bool
	expires time.Time
}

func newTargetCache(size int, ttl time.Duration) *targetCache {
	return &targetCache{size: size, ttl: ttl, items: make(map[int64]*list.Element, min(size, 1<<16)), order: list.New()}
}

func (c *targetCache) get(id int64, now time.Time) (Target, bool, bool) {
	if c.size <= 0 {
		return Target{}, false, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[id]
	if !ok {
		return Target{}, false, false
	}
	e := el.Value.(*cacheEntry)
	if now.After(e.expires) {
		c.order.Remove(el)
		delete(c.items, id)
		return Target{}, false, false
	}
	c.order.MoveToFront(el)
	return e.target, e.found, true
}

func (c *targetCache) put(id int64, t Target, found bool, now time.Time) {
	if c.size <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[id]; ok {
		e := el.Value.(*cacheEntry)
		e.target, e.found, e.expires = t, found, now.Add(c.ttl)
		c.order.MoveToFront(el)
		return
	}
	c.items[id] = c.order.PushFront(&cacheEntry{id: id, target: t, found: found, expires: now.Add(c.ttl)})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*cacheEntry).id)
	}
}
