package alerts

import "time"

// Ranking weights and windows; see Score.
const (
	// DropWindow is how long a price drop counts as recent.
	DropWindow = 14 * 24 * time.Hour
	// FreshWindow is how long an offer counts as new after it was first seen.
	FreshWindow = 30 * 24 * time.Hour
	// DropWeight is the most a drop made now adds to the score.
	DropWeight = 25.0
	// FreshWeight is the most an offer first seen now adds to the score.
	FreshWeight = 10.0
)

// Score ranks an offer with discountPct, last dropped at lastDropAt, first seen at firstSeen, at time now: higher first. It is
//
//	discount% + DropWeight·(1 − dropAge/DropWindow) + FreshWeight·(1 − age/FreshWindow)
//
// where the drop term counts only a drop within DropWindow before now and the freshness term
// only an offer first seen within FreshWindow before now (each term is 0 otherwise). A 30% off
// item dropped today and first seen today scores 65; the same item a month later scores 30.
// Affinity to the brands a shopper clicks and loves joins per shopper, after this global
// ranking: see MatchWithAffinity.
func Score(discountPct int, lastDropAt, firstSeen, now time.Time) float64 {
	s := float64(discountPct)
	s += decay(lastDropAt, now, DropWindow, DropWeight)
	s += decay(firstSeen, now, FreshWindow, FreshWeight)
	return s
}

func decay(at, now time.Time, window time.Duration, weight float64) float64 {
	if at.IsZero() {
		return 0
	}
	age := now.Sub(at)
	if age < 0 || age >= window {
		return 0
	}
	return weight * (1 - float64(age)/float64(window))
}
