package demo

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"sort"
)

// ShoppersFile is the name of the synthetic shoppers file in a generated folder: JSON Lines,
// one Shopper per line, so millions stream in and out in constant memory.
const ShoppersFile = "shoppers.jsonl"

// ShopperBrands is how many brands synthetic shoppers choose from: the demo's real labels
// first, then invented ones (see BrandNames).
const ShopperBrands = 2000

// Shopper is a synthetic shopper for scale tests: their account.Preferences, as JSON.
type Shopper struct {
	Email            string     `json:"email"`
	Brands           []string   `json:"brands"`
	Sizes            []ShopSize `json:"sizes"`
	Categories       []string   `json:"categories,omitempty"`
	Currency         string     `json:"currency"`
	MaxPrice         int64      `json:"max_price,omitempty"` // minor units of Currency; 0: no limit
	MinDiscountPct   int        `json:"min_discount_pct"`
	HideQuestionable bool       `json:"hide_questionable"`
	Frequency        string     `json:"frequency"`
}

// ShopSize is one size a shopper wears (the account.SizePref fields).
type ShopSize struct {
	Kind   string `json:"kind"`
	System string `json:"system"`
	Value  string `json:"value"`
}

// BrandNames lists n brand names, most popular first: the demo catalogue's labels, then
// invented "Maison 0111"-style names up to n. Followed brands are drawn from it by Zipf's law.
func BrandNames(n int) []string {
	out := make([]string, 0, max(n, len(brands)))
	for _, b := range brands {
		out = append(out, b.Name)
	}
	for i := len(out); i < n; i++ {
		out = append(out, fmt.Sprintf("%s %04d", []string{"Maison", "Atelier", "Studio", "Casa"}[i%4], i+1))
	}
	return out[:max(n, 0)]
}

// ShopperCategories are category paths of the demo catalogue a shopper may limit a digest to.
func ShopperCategories() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range categories {
		if !seen[c.ProductType] {
			seen[c.ProductType] = true
			out = append(out, c.ProductType)
		}
	}
	return append(out, "Women > Bags", "Women > Shoes", "Women > Clothing")
}

// Shoppers makes n synthetic shoppers, deterministically from seed (ShopperAt 0 … n−1) over
// BrandNames(ShopperBrands) and ShopperCategories. Addresses are under .test, which can never
// receive mail.
func Shoppers(seed uint64, n int) []Shopper {
	names, cats := BrandNames(ShopperBrands), ShopperCategories()
	z := NewZipf(len(names))
	out := make([]Shopper, 0, n)
	for i := range n {
		out = append(out, ShopperAt(seed, i, names, cats, z))
	}
	return out
}

// Zipf draws ranks 0 … n−1 with probability proportional to 1/(rank+1): brand popularity.
type Zipf struct{ cdf []float64 }

// NewZipf prepares draws over n ranks.
func NewZipf(n int) *Zipf {
	z := &Zipf{cdf: make([]float64, n)}
	sum := 0.0
	for i := range n {
		sum += 1 / float64(i+1)
		z.cdf[i] = sum
	}
	for i := range z.cdf {
		z.cdf[i] /= sum
	}
	return z
}

// Draw is one rank.
func (z *Zipf) Draw(rng *rand.Rand) int {
	u := rng.Float64()
	return min(sort.SearchFloat64s(z.cdf, u), len(z.cdf)-1)
}

// ShopperAt makes shopper i (from 0) of seed on its own, so a run can make millions in chunks
// or in parallel: 5 to 25 followed brands drawn by z from brandNames; shoe sizes in EU, UK or US,
// letter sizes for tops, dresses and outerwear, waist sizes for jeans (each kind worn with a
// probability); 30% limit the digest to one or two of cats; 40% set a maximum price in their
// currency (EUR, GBP or USD); discounts asked for from none to 40%.
func ShopperAt(seed uint64, i int, brandNames, cats []string, z *Zipf) Shopper {
	rng := rand.New(rand.NewPCG(seed^0x5eed, uint64(i)*0x9e3779b97f4a7c15+1))
	s := Shopper{Email: fmt.Sprintf("shopper%07d@gen.tagdrop.test", i+1),
		Frequency: []string{"daily", "daily", "3x-week", "weekly"}[rng.IntN(4)]}
	n := 5 + rng.IntN(21)
	picked := map[int]bool{}
	for len(s.Brands) < n && len(picked) < len(brandNames) {
		if j := z.Draw(rng); !picked[j] {
			picked[j] = true
			s.Brands = append(s.Brands, brandNames[j])
		}
	}
	if rng.IntN(10) < 8 {
		eu := 35 + rng.IntN(8)
		switch rng.IntN(3) {
		case 0:
			s.Sizes = append(s.Sizes, ShopSize{"shoes", "EU", fmt.Sprint(eu)})
		case 1:
			s.Sizes = append(s.Sizes, ShopSize{"shoes", "UK", fmt.Sprint(eu - 33)})
		default:
			s.Sizes = append(s.Sizes, ShopSize{"shoes", "US", fmt.Sprint(eu - 31)})
		}
	}
	top := []string{"XS", "S", "S", "M", "M", "L", "XL"}[rng.IntN(7)]
	for _, kind := range []string{"tops", "dresses", "outerwear"} {
		if rng.IntN(10) < 7 {
			s.Sizes = append(s.Sizes, ShopSize{kind, "letter", top})
		}
	}
	if rng.IntN(10) < 6 {
		s.Sizes = append(s.Sizes, ShopSize{"bottoms", "waist", fmt.Sprint(24 + rng.IntN(9))})
	}
	if rng.IntN(10) < 3 && len(cats) > 0 {
		s.Categories = append(s.Categories, cats[rng.IntN(len(cats))])
		if rng.IntN(3) == 0 {
			if c := cats[rng.IntN(len(cats))]; c != s.Categories[0] {
				s.Categories = append(s.Categories, c)
			}
		}
	}
	s.Currency = []string{"EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "GBP", "GBP", "USD"}[rng.IntN(10)]
	if rng.IntN(10) < 4 {
		// 100 to 2,000 in the shopper's currency, log-uniform: most limits are modest.
		s.MaxPrice = int64(math.Round(100*math.Pow(20, rng.Float64()))) * 100
	}
	s.MinDiscountPct = []int{0, 0, 0, 20, 30, 40}[rng.IntN(6)]
	s.HideQuestionable = rng.IntN(2) == 0
	return s
}

// WriteShoppers writes n synthetic shoppers of seed (as Shoppers makes them) to w as JSON
// Lines, one at a time.
func WriteShoppers(w io.Writer, seed uint64, n int) error {
	names, cats := BrandNames(ShopperBrands), ShopperCategories()
	z := NewZipf(len(names))
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	for i := range n {
		if err := enc.Encode(ShopperAt(seed, i, names, cats, z)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteShoppersFile writes WriteShoppers to a new file at path.
func WriteShoppersFile(path string, seed uint64, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteShoppers(f, seed, n); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// ReadShoppers reads a shoppers file WriteShoppers wrote, calling fn for each shopper in order.
func ReadShoppers(r io.Reader, fn func(Shopper) error) error {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	for line := 1; ; line++ {
		var s Shopper
		if err := dec.Decode(&s); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("shopper %d: %w", line, err)
		}
		if err := fn(s); err != nil {
			return err
		}
	}
}
