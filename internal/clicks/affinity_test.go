package clicks

import (
	"math"
	"testing"
)

func TestAffinity(t *testing.T) {
	a := NewAffinity([]BrandAffinity{
		{BrandID: 1, Brand: "Ganni", Clicks: 9},
		{BrandID: 2, Brand: "Toteme", Clicks: 1, Loves: 1}, // weight 4
		{BrandID: 3, Brand: "Khaite", Clicks: 1},
		{BrandID: 4, Brand: "Staud"}, // nothing: no boost
	})
	if got := a.Boost(1); got != AffinityWeight {
		t.Errorf("favourite brand boost = %v, want %v", got, AffinityWeight)
	}
	wantToteme := AffinityWeight * math.Log(5) / math.Log(10)
	if got := a.Boost(2); math.Abs(got-wantToteme) > 1e-9 {
		t.Errorf("Toteme boost = %v, want %v", got, wantToteme)
	}
	if !(a.Boost(1) > a.Boost(2) && a.Boost(2) > a.Boost(3) && a.Boost(3) > 0) {
		t.Errorf("boosts not ordered by activity: %v %v %v", a.Boost(1), a.Boost(2), a.Boost(3))
	}
	if a.Boost(4) != 0 || a.Boost(99) != 0 || a.Len() != 3 {
		t.Errorf("inactive/unknown brands boosted: %v %v, len %d", a.Boost(4), a.Boost(99), a.Len())
	}
	if a.BoostName("gANNI") != a.Boost(1) {
		t.Errorf("BoostName is not case-insensitive")
	}
	if e := NewAffinity(nil); e.Boost(1) != 0 || e.Len() != 0 {
		t.Error("no activity gave a boost")
	}
}
