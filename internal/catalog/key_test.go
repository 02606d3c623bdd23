package catalog

import (
	"slices"
	"testing"
)

func TestProductKeys(t *testing.T) {
	tests := []struct {
		name  string
		parts KeyParts
		keys  []string
		key   string // ProductKey
	}{
		{name: "every kind, most trusted first",
			parts: KeyParts{Brand: "By Far", MPN: "BF-123", GroupID: "G1", Retailer: "Shop A", GTIN: "4006381333931", Title: "Rachel Bag", Color: "Lime"},
			keys:  []string{"gtin:04006381333931", "mpn:by-far:bf-123:lime", "group:shop-a:g1:lime", "title:by-far:rachel-bag:lime"},
			key:   "mpn:by-far:bf-123:lime"},
		{name: "several GTINs, an invalid one dropped",
			parts: KeyParts{Brand: "By Far", GTIN: "036000291452, 4006381333932, 4006381333931", Title: "Rachel Bag", Retailer: "a"},
			keys:  []string{"gtin:00036000291452", "gtin:04006381333931", "title:by-far:rachel-bag:"},
			key:   "gtin:00036000291452"},
		{name: "group names the product without an MPN",
			parts: KeyParts{Brand: "Ganni", GroupID: "D-1", Retailer: "shop", GTIN: "96385074", Title: "Dress", Color: "Black"},
			keys:  []string{"gtin:00000096385074", "group:shop:d-1:black", "title:ganni:dress:black"},
			key:   "group:shop:d-1:black"},
		{name: "MPN needs a brand",
			parts: KeyParts{MPN: "BF-123", Retailer: "shop", Title: "Bag", Color: "Black"},
			keys:  []string{"title:@shop:bag:black"}, key: "title:@shop:bag:black"},
		{name: "placeholder MPN and group make no key",
			parts: KeyParts{Brand: "Ganni", MPN: "N/A", GroupID: "0", Retailer: "shop", Title: "Dress", Color: "Black"},
			keys:  []string{"title:ganni:dress:black"}, key: "title:ganni:dress:black"},
		{name: "accents and case fold",
			parts: KeyParts{Brand: "Chloé", MPN: "c 12", Title: "Sac", Color: "NOIR", Retailer: "x"},
			keys:  []string{"mpn:chloe:c-12:noir", "title:chloe:sac:noir"}, key: "mpn:chloe:c-12:noir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ProductKeys(tt.parts); !slices.Equal(got, tt.keys) {
				t.Errorf("ProductKeys = %q, want %q", got, tt.keys)
			}
			if got := ProductKey(tt.parts); got != tt.key {
				t.Errorf("ProductKey = %q, want %q", got, tt.key)
			}
			if !slices.Contains(ProductKeys(tt.parts), ProductKey(tt.parts)) {
				t.Errorf("ProductKey is not one of ProductKeys")
			}
		})
	}
}
