package clicks

import (
	"math"
	"strings"
	"time"
)

// AffinityWindow is how far back a shopper's clicks count toward brand affinity.
const AffinityWindow = 90 * 24 * time.Hour

// Affinity weights; see NewAffinity.
const (
	// AffinityWeight is the most affinity adds to an offer's score: the shopper's favourite
	// brand's offers gain this many points (alerts.Score is roughly discount% plus up to 35).
	AffinityWeight = 12.0
	// LoveClicks is how many clicks one love counts as: a love is a deliberate signal.
	LoveClicks = 3
)

// BrandAffinity is one shopper's activity for one brand: click-outs within AffinityWindow and
// current loves (store.DB.BrandAffinity).
type BrandAffinity struct {
	BrandID int64
	Brand   string
	Clicks  int
	Loves   int
}

// Affinity is a shopper's score boost per brand, by brand id and by brand name.
type Affinity struct {
	byID   map[int64]float64
	byName map[string]float64
}

// NewAffinity turns a shopper's brand activity into boosts. A brand's weight is
// w = clicks + LoveClicks·loves, and its boost is
//
//	AffinityWeight · log(1 + w) / log(1 + wmax)
//
// where wmax is the shopper's largest weight: the favourite brand gets the full AffinityWeight,
// others less, and the logarithm keeps one brand clicked a hundred times from drowning out the
// rest. A shopper with no activity has no boosts.
func NewAffinity(rows []BrandAffinity) Affinity {
	a := Affinity{byID: map[int64]float64{}, byName: map[string]float64{}}
	wmax := 0
	for _, r := range rows {
		wmax = max(wmax, weight(r))
	}
	if wmax == 0 {
		return a
	}
	den := math.Log1p(float64(wmax))
	for _, r := range rows {
		w := weight(r)
		if w == 0 {
			continue
		}
		b := AffinityWeight * math.Log1p(float64(w)) / den
		a.byID[r.BrandID] = b
		if r.Brand != "" {
			a.byName[strings.ToLower(r.Brand)] = b
		}
	}
	return a
}

func weight(r BrandAffinity) int { return max(r.Clicks, 0) + LoveClicks*max(r.Loves, 0) }

// Boost is the points an offer of brand id adds to its score (0 for a brand the shopper never
// clicked or loved).
func (a Affinity) Boost(brandID int64) float64 { return a.byID[brandID] }

// BoostName is Boost by brand name, case-insensitive: index.OfferDetail carries the name.
func (a Affinity) BoostName(brand string) float64 { return a.byName[strings.ToLower(brand)] }

// Len is how many brands have a boost.
func (a Affinity) Len() int { return len(a.byID) }
