package ingest

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestChildItemWithoutAgeGroup: where a feed gives no age group, a children's department in
// the product type or a possessive in the title makes an item a child's; adult departments,
// brands and words that only look like them do not, and a feed's own age group is believed.
func TestChildItemWithoutAgeGroup(t *testing.T) {
	tests := []struct {
		productType, title, ageGroup string
		child                        bool
	}{
		{"Kids > Girls > Dresses", "Floral Dress", "", true},
		{"Kinder / Mädchen / Kleider", "Sommerkleid", "", true},
		{"Enfant > Fille > Robes", "Robe fleurie", "", true},
		{"Girls' Dresses", "Floral Dress", "", true},
		{"Boys Shoes", "Trainers", "", true},
		{"Clothing", "Kids' Rain Jacket", "", true},
		{"Clothing", "Children's Wellies", "", true},
		{"Kids > Girls > Dresses", "Floral Dress", "adult", false}, // the feed's word is believed
		{"Women > Dresses", "Floral Dress", "kids", true},
		{"Women > Dresses > Baby Doll Dresses", "Babydoll Dress", "", false},
		{"Women > Jeans > Boyfriend Jeans", "Boyfriend Jeans", "", false},
		{"Women > Shoes", "Kids Love Gaite Loafers", "", false},
		{"Men > T-Shirts", "Spice Girls Band Tee", "", false},
		{"Women > Tops", "Girls Night Out Top", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		it := feed.Item{ProductType: tt.productType, Title: tt.title, AgeGroup: tt.ageGroup}
		if got := childItem(it); got != tt.child {
			t.Errorf("%q / %q (age group %q): child %v, want %v", tt.productType, tt.title, tt.ageGroup, got, tt.child)
		}
	}
}
