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

// TestChildItemDepartmentsShopsWrite: children's departments as shops write them where the
// feed gives no age group (an age modifier before the word, a French, Spanish or Italian word
// after the noun it qualifies, a compound, a span of ages, a singular in Polish or Swedish),
// and adult items whose product type or title only looks like one: kidskin, a brand filed
// under its own name or a list of brands, an evening out with the girls.
func TestChildItemDepartmentsShopsWrite(t *testing.T) {
	tests := []struct {
		productType, title, brand string
		child                     bool
	}{
		{"Little Kids > Sneakers", "Velcro Sneakers", "", true},
		{"Big Kids' Shoes", "Running Shoes", "", true},
		{"Baby Girl > Rompers", "Ruffle Romper", "", true},
		{"Teen Boys > Hoodies", "Logo Hoodie", "", true},
		{"Infant & Toddler > Sleepwear", "Footed Sleeper", "", true},
		{"Newborn > Bodysuits", "Bodysuit", "", true},
		{"Youth > Football Shirts", "Home Shirt", "", true},
		{"Grade School > Basketball Shoes", "High-Top Sneakers", "", true},
		{"Junior > Jacken", "Regenjacke", "", true},
		{"Kindermode > Hosen", "Jeans", "", true},
		{"Kinderschuhe > Stiefel", "Winterstiefel", "", true},
		{"Babymode > Strampler", "Strampler", "", true},
		{"Jungs > Pullover", "Strickpullover", "", true},
		{"Kinderkleding > Jassen", "Winterjas", "", true},
		{"Vêtements enfant > Pulls", "Pull rayé", "", true},
		{"Chaussures enfant > Sandales", "Sandales", "", true},
		{"Garçon 3-14 ans > Shorts", "Short en jean", "", true},
		{"Bébé > Pyjamas", "Pyjama velours", "", true},
		{"Ropa de niña > Faldas", "Falda", "", true},
		{"Moda infantil > Chaquetas", "Chaqueta", "", true},
		{"Bebé > Bodies", "Body", "", true},
		{"Neonata > Tutine", "Tutina", "", true},
		{"Bambina 3-14 anni > Gonne", "Gonna", "", true},
		{"Niño (2-14 años) > Pantalones", "Vaqueros", "", true},
		{"Dziewczynka > Spodnie", "Legginsy", "", true},
		{"Dziecko > Kurtki", "Kurtka zimowa", "", true},
		{"Flickor > Tröjor", "Stickad tröja", "", true},
		{"Barnkläder > Byxor", "Mjukisbyxor", "", true},
		{"Clothing - Kids - Girls - Skirts", "Denim Skirt", "", true},
		{"Clothing > Shorts", "Boys' Cargo Shorts", "", true},
		{"Shoes", "Girls’ Ballet Flats", "", true},
		{"Kid's Clothing > Tops", "Striped Top", "", true},
		// Adult items that only look like children's.
		{"Women > Gloves > Kid Leather Gloves", "Leather Gloves", "", false},
		{"Women > Shoes > Kid Suede", "Slingback Pumps", "", false},
		{"Femme > Blouses col bébé", "Blouse en coton", "", false},
		{"Femme > Chemises > Col bébé", "Chemise", "", false},
		{"Men > Tailoring > Kid Mohair", "Dinner Jacket", "", false},
		{"Brands > Kids Love Gaite > Loafers", "Penny Loafers", "", false},
		{"Designer / Children of the Discordance / Shirts", "Patchwork Shirt", "", false},
		{"Women > Girls of Paris > Dresses", "Slip Dress", "Girls of Paris", false},
		{"Marken > Kids Love Gaite", "Loafer", "", false},
		{"Women > Occasion > Girls Night Out", "Sequin Dress", "", false},
		{"Men > Sneakers > Youth of Paris", "Court Sneakers", "", false},
		{"Women > Dresses", "Girls' Night Out Mini Dress", "", false},
		{"Designers > Enfants Riches Déprimés > T-Shirts", "Logo Tee", "", false},
		{"Femme > Robes > Robe babydoll", "Robe babydoll", "", false},
		{"Men > Jackets > Barn Jackets", "Barn Jacket", "", false},
	}
	for _, tt := range tests {
		it := feed.Item{ProductType: tt.productType, Title: tt.title, Brand: tt.brand}
		if got := childItem(it); got != tt.child {
			t.Errorf("%q / %q (brand %q): child %v, want %v", tt.productType, tt.title, tt.brand, got, tt.child)
		}
	}
}
