package demo

import (
	"bytes"
	"reflect"
	"testing"
)

// TestShoppers checks the synthetic shoppers against what the match benchmark promises:
// 5–25 distinct brands drawn from ShopperBrands by popularity, sizes in several systems, about
// 30% with category limits and 40% with price limits, and the same shoppers from the same seed,
// whether made whole, one at a time or read back from the file.
func TestShoppers(t *testing.T) {
	const n = 20000
	all := Shoppers(7, n)
	names := BrandNames(ShopperBrands)
	rank := map[string]int{}
	for i, b := range names {
		rank[b] = i
	}
	follows := make([]int, len(names))
	systems := map[string]bool{}
	cats, prices := 0, 0
	for _, s := range all {
		if len(s.Brands) < 5 || len(s.Brands) > 25 {
			t.Fatalf("%s follows %d brands", s.Email, len(s.Brands))
		}
		seen := map[string]bool{}
		for _, b := range s.Brands {
			r, ok := rank[b]
			if !ok || seen[b] {
				t.Fatalf("%s follows %q twice or an unknown brand", s.Email, b)
			}
			seen[b] = true
			follows[r]++
		}
		for _, z := range s.Sizes {
			systems[z.Kind+"/"+z.System] = true
		}
		if len(s.Categories) > 0 {
			cats++
		}
		if s.MaxPrice > 0 {
			prices++
			if s.Currency == "" {
				t.Fatalf("%s has a price limit without a currency", s.Email)
			}
		}
	}
	for _, want := range []string{"shoes/EU", "shoes/UK", "shoes/US", "tops/letter", "bottoms/waist"} {
		if !systems[want] {
			t.Errorf("no shopper wears a size in %s", want)
		}
	}
	if share := float64(cats) / n; share < 0.27 || share > 0.33 {
		t.Errorf("%.1f%% limit categories, want about 30%%", 100*share)
	}
	if share := float64(prices) / n; share < 0.37 || share > 0.43 {
		t.Errorf("%.1f%% limit prices, want about 40%%", 100*share)
	}
	tail := 0
	for _, f := range follows[1000:] {
		tail += f
	}
	if follows[0] < 5*follows[99] || tail == 0 {
		t.Errorf("followers of the brands ranked 1 and 100: %d, %d; of ranks 1001–2000: %d: not a popularity curve over all brands",
			follows[0], follows[99], tail)
	}
	z := NewZipf(len(names))
	if got := ShopperAt(7, 1234, names, ShopperCategories(), z); !reflect.DeepEqual(got, all[1234]) {
		t.Errorf("ShopperAt(1234) = %+v, Shoppers gave %+v", got, all[1234])
	}
	var buf bytes.Buffer
	if err := WriteShoppers(&buf, 7, 500); err != nil {
		t.Fatal(err)
	}
	var back []Shopper
	if err := ReadShoppers(&buf, func(s Shopper) error { back = append(back, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, all[:500]) {
		t.Error("shoppers read back from WriteShoppers differ from Shoppers")
	}
}
