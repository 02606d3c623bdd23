package extract

import (
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// sizeInName finds the size of an Offer whose markup gives none in Shopify's variant name,
// "Title - Option / Option" ("Tiered Midi Dress - Sage / 8"): the option that reads as a
// letter size, a size with its system ("EU 38") or a number from 4 up. "" when there is none:
// a single option ("Candle - Large") or a small number ("Tee - 3 / Black", a pack) says nothing.
func sizeInName(name string) string {
	i := strings.LastIndex(name, " - ")
	if i < 0 || !strings.Contains(name[i+3:], " / ") {
		return ""
	}
	for _, part := range strings.Split(name[i+3:], " / ") {
		part = strings.TrimSpace(part)
		if len(part) == 0 || len(part) > 12 {
			continue
		}
		s, err := catalog.ParseSize(part, "", "")
		if err != nil || s.OneSize {
			continue
		}
		if part[0] >= '0' && part[0] <= '9' && !numberFrom(part, 4) {
			continue
		}
		return part
	}
	return ""
}

// sizesFromSKUs gives the offers of one product their sizes from the letter sizes their SKUs
// end with ("KNC-CRM-XS", "KNC-CRM-S", …), when no offer has a size and each of at least three
// SKUs ends with a different one: a run of sizes, not a side ("-L", "-R"), a candle's "-L" and
// "-M" or a finish ("-S" silver).
func sizesFromSKUs(offers []rawOffer) {
	if len(offers) < 3 {
		return
	}
	tails := make([]string, len(offers))
	seen := map[string]bool{}
	for i, o := range offers {
		if o.size != "" {
			return
		}
		j := strings.LastIndexAny(o.sku, "-_/")
		if j <= 0 {
			return
		}
		tail := strings.ToUpper(o.sku[j+1:])
		if !skuLetterSizes[tail] || seen[tail] {
			return
		}
		seen[tail], tails[i] = true, tail
	}
	for i := range offers {
		offers[i].size = tails[i]
	}
}

// skuLetterSizes are the letter sizes a SKU may end with.
var skuLetterSizes = map[string]bool{"XXS": true, "XS": true, "S": true, "M": true, "L": true, "XL": true, "XXL": true,
	"XXXL": true, "2XL": true, "3XL": true, "4XL": true}

// numberFrom reports a plain number text of at least min.
func numberFrom(s string, min int) bool {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return true // "38,5", "8.5": not a small whole number
		}
		n = n*10 + int(r-'0')
	}
	return n >= min
}
