package extract

import (
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// sizeInName finds the size of an Offer whose markup gives none where shops put it instead:
// Shopify's variant name after the title ("Tiered Midi Dress - Sage / 8": the option that reads
// as a size), or a letter size ending the SKU ("KNC-CRM-XS"). "" when neither holds one.
func sizeInName(name, sku string) string {
	if i := strings.LastIndex(name, " - "); i >= 0 {
		for _, part := range strings.Split(name[i+3:], " / ") {
			part = strings.TrimSpace(part)
			if len(part) > 0 && len(part) <= 12 {
				if s, err := catalog.ParseSize(part, "", ""); err == nil && !s.OneSize {
					return part
				}
			}
		}
	}
	if i := strings.LastIndexAny(sku, "-_/"); i > 0 {
		if tail := strings.ToUpper(sku[i+1:]); skuLetterSizes[tail] {
			return tail
		}
	}
	return ""
}

// skuLetterSizes are the letter sizes a SKU may end with.
var skuLetterSizes = map[string]bool{"XXS": true, "XS": true, "S": true, "M": true, "L": true, "XL": true, "XXL": true,
	"XXXL": true, "2XL": true, "3XL": true, "4XL": true}
