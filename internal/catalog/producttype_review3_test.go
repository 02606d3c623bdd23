package catalog

import "testing"

// TestProductTypeReview3 holds what a third review of titles and breadcrumbs found: an
// accessory for a garment is not the garment, a breadcrumb's last level naming a broader
// category than the level before it keeps the finer one, and a style word under a category it
// does not belong to describes that category's item.
func TestProductTypeReview3(t *testing.T) {
	const a = "Apparel & Accessories" // paths spelt out: the rule file's constants are not the oracle
	tx := DefaultTaxonomy()
	for _, tt := range []struct{ text, want string }{
		{"Heel Grips 3 Pairs", ""},
		{"Bra Extender", ""},
		{"Suit Carrier", ""},
		{"Shirt Collar Stays", ""},
		{"Sock Monkey Toy", ""},
		{"Grip Socks", a + " > Clothing > Underwear & Socks > Socks"},
		{"Toy Story Tee", a + " > Clothing > Shirts & Tops"},
		{"Women > Shoes > Trainers > Slip Ons", a + " > Shoes" + " > Sneakers"},
		{"Women > Shoes > Flats > Slip Ons", a + " > Shoes" + " > Flats"},
		{"Women > Shoes > Sandals > Flatforms", a + " > Shoes" + " > Sandals"},
		{"Women > Jeans > Jeggings", a + " > Clothing > Pants > Jeans"},
		{"Women > Shoes > Thongs", a + " > Shoes"},
		{"Women > Shoes > Wedges", a + " > Shoes" + " > Heels"},
		{"Women > Clothing > Cargo", a + " > Clothing > Pants"},
		{"Men > Shorts > Cargo", a + " > Clothing > Shorts"},
		{"Women > Clothing > Dresses", a + " > Clothing > Dresses"},
	} {
		n, ok := tx.MapProductType(tt.text)
		got := ""
		if ok {
			got = n.Path
		}
		if got != tt.want {
			t.Errorf("MapProductType(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
