package demo

import (
	"fmt"
	"math/rand/v2"
)

// ShoppersFile is the name of the synthetic shoppers file in a generated folder.
const ShoppersFile = "shoppers.json"

// Shopper is a synthetic shopper for scale tests: the brands followed and the sizes worn.
type Shopper struct {
	Email          string     `json:"email"`
	Brands         []string   `json:"brands"`
	Sizes          []ShopSize `json:"sizes"`
	MinDiscountPct int        `json:"min_discount_pct"`
	Frequency      string     `json:"frequency"`
}

// ShopSize is one size a shopper wears (the account.SizePref fields).
type ShopSize struct {
	Kind   string `json:"kind"`
	System string `json:"system"`
	Value  string `json:"value"`
}

// Shoppers makes n synthetic shoppers, deterministically from seed. Addresses are under
// .test, which can never receive mail.
func Shoppers(seed uint64, n int) []Shopper {
	rng := rand.New(rand.NewPCG(seed^0x5eed, seed+1))
	letters := []string{"XS", "S", "S", "M", "M", "L", "XL"}
	freqs := []string{"daily", "daily", "3x-week", "weekly"}
	out := make([]Shopper, 0, n)
	for i := 0; i < n; i++ {
		s := Shopper{Email: fmt.Sprintf("shopper%06d@gen.tagdrop.test", i+1), Frequency: freqs[rng.IntN(len(freqs))]}
		for _, j := range rng.Perm(len(brands))[:3+rng.IntN(10)] {
			s.Brands = append(s.Brands, brands[j].Name)
		}
		top := letters[rng.IntN(len(letters))]
		s.Sizes = []ShopSize{
			{"shoes", "EU", fmt.Sprint(35 + rng.IntN(8))},
			{"tops", "letter", top},
			{"dresses", "letter", top},
			{"outerwear", "letter", top},
			{"bottoms", "waist", fmt.Sprint(24 + rng.IntN(9))},
		}
		s.MinDiscountPct = []int{0, 0, 20, 30, 40}[rng.IntN(5)]
		out = append(out, s)
	}
	return out
}
