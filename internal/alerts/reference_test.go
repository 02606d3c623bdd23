package alerts

import (
	"sort"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

// reference is the brute-force matcher: it reads the products the index was built from, one
// offer at a time, straight from the spec in Match's doc comment. Only Score is shared: the
// ranking formula is the spec.
func reference(products []index.Product, p account.Preferences, sent map[int64]int64, now time.Time, limit int) []int64 {
	return referenceAffinity(products, p, sent, nil, now, limit)
}

// referenceAffinity is the brute-force MatchWithAffinity, from its doc comment: every match
// ranked by Score, the first limit·2 + 10 of them (all when limit ≤ 0) ranked again with each
// one's brand boost from aff (brand names compared case-insensitively) added, cut to limit.
func referenceAffinity(products []index.Product, p account.Preferences, sent map[int64]int64, aff map[string]float64, now time.Time, limit int) []int64 {
	type cand struct {
		offer, product int64
		questionable   bool
		score          float64
		brand          string
	}
	best := map[int64]cand{}
	less := func(a, b cand) bool {
		if a.questionable != b.questionable {
			return !a.questionable
		}
		if a.score != b.score {
			return a.score > b.score
		}
		return a.offer < b.offer
	}
	for _, pr := range products {
		if !refFollows(pr, p.Brands) || !refInCategories(pr, p.Categories) {
			continue
		}
		for _, o := range pr.Offers {
			switch {
			case o.Availability == catalog.OutOfStock, o.Price <= 0 || o.RegularPrice <= o.Price,
				p.HideQuestionable && o.Questionable, refOverPrice(o, p),
				catalog.DiscountPct(o.Price, o.RegularPrice) < p.MinDiscountPct, !refInSize(pr, o, p.Sizes):
				continue
			}
			if was, ok := sent[o.ID]; ok && o.Price >= was {
				continue
			}
			c := cand{o.ID, pr.ID, o.Questionable, Score(o.DiscountPct(), o.LastDropAt, o.FirstSeen, now), pr.Brand}
			if have, ok := best[pr.ID]; !ok || less(c, have) {
				best[pr.ID] = c
			}
		}
	}
	var all []cand
	for _, c := range best {
		all = append(all, c)
	}
	sort.Slice(all, func(i, j int) bool { return less(all[i], all[j]) })
	if len(aff) > 0 {
		if window := limit*2 + 10; limit > 0 && len(all) > window {
			all = all[:window]
		}
		for i := range all {
			for b, pts := range aff {
				if strings.EqualFold(b, all[i].brand) {
					all[i].score += pts
				}
			}
		}
		sort.Slice(all, func(i, j int) bool { return less(all[i], all[j]) })
	}
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	ids := make([]int64, len(all))
	for i, c := range all {
		ids[i] = c.offer
	}
	return ids
}

// refOverPrice: the shopper's limit, in their currency (EUR, the default rates' base, when
// empty), converted into the offer's; an offer whose currency does not convert is over it.
func refOverPrice(o index.Offer, p account.Preferences) bool {
	if p.MaxPrice <= 0 {
		return false
	}
	from := p.Currency
	if from == "" {
		from = "EUR"
	}
	limit, ok := index.DefaultRates().Convert(p.MaxPrice, from, o.Currency)
	return !ok || o.Price > limit
}

func refFollows(pr index.Product, brands []string) bool {
	for _, b := range brands {
		if strings.EqualFold(b, pr.Brand) {
			return true
		}
	}
	return false
}

func refInCategories(pr index.Product, paths []string) bool {
	if len(paths) == 0 {
		return true
	}
	var names []string
	for _, c := range pr.Categories {
		names = append(names, c.Name)
		for _, path := range paths {
			if strings.EqualFold(path, strings.Join(names, " > ")) {
				return true
			}
		}
	}
	return false
}

// refInSize: one size always (no size on a product without a size kind); no size on a sized
// product never; otherwise a shopper's size for the product's kind that equals the offer's
// size, directly or (shoes) converted into the shopper's system; a waist's leg counts where
// both give one.
func refInSize(pr index.Product, o index.Offer, sizes []account.SizePref) bool {
	if o.Size == "" {
		return pr.SizeKind == ""
	}
	got, err := catalog.ParseSize(o.Size, o.SizeSystem, pr.SizeKind)
	if err != nil {
		return false
	}
	for _, s := range sizes {
		if s.Kind != pr.SizeKind {
			continue
		}
		want, err := catalog.ParseSize(s.Value, s.System, s.Kind)
		if err != nil {
			continue
		}
		if got.System == want.System && got.Value == want.Value && (got.Length == "" || want.Length == "" || got.Length == want.Length) {
			return true
		}
		if c, ok := catalog.ConvertShoe(got, want.System, pr.Gender); ok && c.Value == want.Value {
			return true
		}
	}
	return false
}
