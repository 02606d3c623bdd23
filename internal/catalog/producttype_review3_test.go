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
		// A third review's titles: French and Italian material phrases after the noun, a
		// feminine adjective that is no garment, garments a broader word misread, things
		// outside fashion.
		{"Veste en jean oversize", a + " > Clothing > Outerwear > Coats & Jackets"},
		{"Robe en jean à boutons", a + " > Clothing > Dresses"},
		{"Giacca di jeans oversize", a + " > Clothing > Outerwear > Coats & Jackets"},
		{"Gonna di jeans a vita alta", a + " > Clothing > Skirts"},
		{"Jupe taille haute plissée", a + " > Clothing > Skirts"},
		{"Pantalon taille haute en lin", a + " > Clothing > Pants"},
		{"Haut en dentelle", a + " > Clothing > Shirts & Tops"},
		{"Bademantel Waffelpiqué Grau", a + " > Clothing > Sleepwear & Loungewear > Robes"},
		{"Boiler Suit - Navy", a + " > Clothing > One-Pieces > Jumpsuits & Rompers"},
		{"Robe de chambre en coton", a + " > Clothing > Sleepwear & Loungewear > Robes"},
		{"Essie Nail Polish", ""},
		{"Levi's Jeans Gift Card", ""},
		{"Essential Logo Water Bottle 500ml", ""},
		{"Lint Remover for Knitwear", ""},
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
