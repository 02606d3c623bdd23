package alerts

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/index"
)

// Affinity is a shopper's brand affinity as ranking uses it: brand name (any case) → points
// added to the Score of that brand's offers, 0 to clicks.AffinityWeight (see clicks.NewAffinity
// and AffinityOf). Nil or empty: no boost, the plain ranking.
type Affinity map[string]float64

// AffinityOf turns a shopper's brand activity (store.DB.BrandAffinity) into an Affinity by
// clicks.NewAffinity; nil without activity.
func AffinityOf(rows []clicks.BrandAffinity) Affinity {
	a := clicks.NewAffinity(rows)
	if a.Len() == 0 {
		return nil
	}
	out := make(Affinity, len(rows))
	for _, r := range rows {
		if b := a.BoostName(r.Brand); b > 0 {
			out[strings.ToLower(r.Brand)] = b
		}
	}
	return out
}

// folded is a with lower-case keys, for lookups by index brand names.
func (a Affinity) folded() map[string]float64 {
	out := make(map[string]float64, len(a))
	for k, v := range a {
		if v != 0 {
			out[strings.ToLower(k)] = v
		}
	}
	return out
}

// AffinityWindow is how many of a shopper's best items, in the plain ranking, affinity may
// reorder for a list of limit items: limit·2 + 10 (every item when limit ≤ 0). See
// MatchWithAffinity.
func AffinityWindow(limit int) int {
	if limit <= 0 {
		return 0
	}
	return limit*2 + 10
}

// MatchWithAffinity is Match with the shopper's brand affinity joining the ranking. The
// matcher ranks every offer once, for all shoppers, so affinity cannot change its order;
// instead:
//
//  1. take the shopper's first AffinityWindow(limit) items as Match ranks them (every item
//     when limit ≤ 0);
//  2. add to each item's Score its brand's boost (aff, case-insensitive; 0 for other brands);
//  3. sort them again: questionable last, then the boosted Score (highest first), then offer id;
//  4. keep the first limit (all when limit ≤ 0).
//
// It is an approximation when limit > 0: an item outside the window is never lifted into the
// list, however large its boost. Item.Score is the boosted score and Item.Boost the boost; an
// item that now ranks above one it ranked below without affinity says so in its Reason ("you
// often shop Ganni"). With no affinity it is exactly Match.
func MatchWithAffinity(idx *index.Index, p account.Preferences, sent map[int64]int64, aff Affinity, now time.Time, limit int) []Item {
	if len(aff) == 0 {
		return Match(idx, p, sent, now, limit)
	}
	items := Match(idx, p, sent, now, AffinityWindow(limit))
	return rerankItems(items, aff, limit)
}

// rerankItems applies steps 2–4 of MatchWithAffinity to items in plain rank order.
func rerankItems(items []Item, aff Affinity, limit int) []Item {
	f := aff.folded()
	keys := make([]rankKey, len(items))
	for i, it := range items {
		keys[i] = rankKey{pos: i, questionable: it.Questionable, offerID: it.OfferID, boost: f[strings.ToLower(it.Brand)]}
		keys[i].score = it.Score + keys[i].boost
	}
	order, lifted := rerank(keys)
	n := len(order)
	if limit > 0 {
		n = min(n, limit)
	}
	out := make([]Item, n)
	for i := range n {
		k := keys[order[i]]
		it := items[k.pos]
		it.Score, it.Boost = k.score, k.boost
		if lifted[k.pos] {
			it.Reason += " · you often shop " + it.Brand
		}
		out[i] = it
	}
	return out
}

// rankKey is what the affinity re-ranking sorts on: pos is the item's place in the plain
// ranking, score the boosted score.
type rankKey struct {
	pos          int
	questionable bool
	offerID      int64
	score, boost float64
}

// rerank sorts keys (given in plain rank order) by questionable last, boosted score, offer id:
// order[i] is the key at place i. lifted[pos] says that the item at pos now ranks above an item
// that ranked above it before.
func rerank(keys []rankKey) (order []int, lifted []bool) {
	order = make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ka, kb := &keys[a], &keys[b]
		if ka.questionable != kb.questionable {
			if ka.questionable {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(kb.score, ka.score); c != 0 {
			return c
		}
		return cmp.Compare(ka.offerID, kb.offerID)
	})
	newPos := make([]int, len(keys))
	for i, k := range order {
		newPos[k] = i
	}
	// An item is lifted when some item before it in the plain ranking now comes after it:
	// the largest new place among the items before it exceeds its own.
	lifted = make([]bool, len(keys))
	maxBefore := -1
	for pos := range keys {
		lifted[pos] = keys[pos].boost > 0 && maxBefore > newPos[pos]
		maxBefore = max(maxBefore, newPos[pos])
	}
	return order, lifted
}

// rerankPicks is MatchWithAffinity's re-ranking for a Matcher's picks (in rank order at the
// matcher's time), for MatchAll.
func (m *Matcher) rerankPicks(picks []Pick, aff Affinity, limit int) []Pick {
	f := aff.folded()
	keys := make([]rankKey, len(picks))
	for i, pk := range picks {
		o := &m.offers[pk.Rank]
		b := f[strings.ToLower(o.Brand)]
		keys[i] = rankKey{pos: i, questionable: o.Questionable, offerID: o.OfferID, score: o.score + b, boost: b}
	}
	order, _ := rerank(keys)
	n := len(order)
	if limit > 0 {
		n = min(n, limit)
	}
	out := make([]Pick, n)
	for i := range n {
		out[i] = picks[order[i]]
	}
	return out
}
