package catalog

import (
	"slices"
	"strings"
	"testing"
)

// TestMapProductTypeCategories covers the category words feeds write in many languages, words
// French and English use for different things, modifiers that name the category, and the
// accessories of a thing.
func TestMapProductTypeCategories(t *testing.T) {
	tx := DefaultTaxonomy()
	const (
		aa      = "Apparel & Accessories > "
		bags    = aa + "Handbags, Wallets & Cases > Handbags"
		wallets = aa + "Handbags, Wallets & Cases > Wallets & Money Clips"
		dresses = aa + "Clothing > Dresses"
		robes   = aa + "Clothing > Sleepwear & Loungewear > Robes"
		coats   = aa + "Clothing > Outerwear > Coats & Jackets"
		swim    = aa + "Clothing > Swimwear"
		boots   = aa + "Shoes > Boots"
		loafers = aa + "Shoes > Loafers"
	)
	tests := []struct {
		name, in, want string // want "" for no match
	}{
		// "Robe(s)": a dress in French, a bathrobe in English.
		{"french plural alone", "Robes", dresses},
		{"french path", "Femme > Vêtements > Robes", dresses},
		{"french google path", "Vêtements et accessoires > Vêtements > Robes", dresses},
		{"french singular in a french path", "Femme > Robe", dresses},
		{"french words beside it", "Robes d'été", dresses},
		{"english singular alone", "Robe", robes},
		{"english path", "Sleepwear > Robes", robes},
		{"english nightwear", "Women > Nightwear > Robes", robes},
		{"english modifier", "Silk robes", robes},
		{"bath robes", "Bath robes", robes},
		{"dressing gowns", "Dressing gowns", robes},
		{"google path", "Apparel & Accessories > Clothing > Sleepwear & Loungewear > Robes", robes},
		{"vestes", "Vestes", coats},
		{"vests", "Vests", aa + "Clothing > Outerwear > Vests"},
		{"gilets", "Gilets", aa + "Clothing > Outerwear > Vests"},

		// A modifier that names the category.
		{"bikini top", "Bikini top", swim},
		{"bikini tops", "Swimwear > Bikini Tops", swim},
		{"swim shorts", "Swim shorts", swim},
		{"swim briefs", "Men > Swim Briefs", swim},
		{"pyjama shorts", "Pyjama shorts", aa + "Clothing > Sleepwear & Loungewear > Pajamas"},
		{"bikini knickers", "Lingerie > Bikini briefs", aa + "Clothing > Underwear & Socks > Underwear"},
		{"not next to the garment", "Boys Solid Pyjamas & Nehru Jacket", coats},
		{"the thing before with", "Boys Solid Kurta with Pyjamas & Nehru Jacket", aa + "Clothing > Shirts & Tops"},
		{"head noun still wins", "Dress shirts", aa + "Clothing > Shirts & Tops"},
		{"swim bag is a bag", "Swim bag", bags},

		// A thing's accessories are not the thing.
		{"shoe care", "Shoe care", ""},
		{"shoe care path", "Shoes > Shoe care", ""},
		{"jewellery box", "Jewellery box", ""},
		{"jewellery boxes", "Accessories > Jewellery boxes", ""},
		{"sunglasses case", "Sunglasses case", ""},
		{"hat boxes", "Hat Boxes", ""},
		{"watch strap", "Watch strap", aa + "Jewelry > Watch Accessories > Watch Bands"},
		{"watch straps", "Accessories > Watch Straps", aa + "Jewelry > Watch Accessories > Watch Bands"},
		{"shoelaces", "Shoe laces", aa + "Shoe Accessories > Shoelaces"},
		{"bag strap", "Bag straps", aa + "Handbag & Wallet Accessories > Bag Straps"},
		{"coordinated, not an accessory", "Accessories > Bags & Cases", bags},
		{"card case", "Card cases", aa + "Handbags, Wallets & Cases > Business Card Cases"},

		// Bag shapes.
		{"german cross-body", "Damen > Taschen > Umhängetaschen", bags + " > Cross-Body Bags"},
		{"german shoulder", "Schultertaschen", bags + " > Shoulder Bags"},
		{"german compound still a bag", "Damen > Taschen > Ledertaschen", bags},
		{"french mini bags", "Sacs > Mini sacs", bags + " > Micro Bags"},
		{"french cross-body", "Sac bandoulière", bags + " > Cross-Body Bags"},
		{"italian cross-body", "Donna > Borse > Borse a tracolla", bags + " > Cross-Body Bags"},
		{"italian shoulder", "Borse a spalla", bags + " > Shoulder Bags"},
		{"spanish cross-body", "Bolsos > Bandoleras", bags + " > Cross-Body Bags"},

		// Plurals that change the end of the word.
		{"italian abiti", "Abbigliamento > Abiti", dresses},
		{"italian men's abiti are suits", "Uomo > Abbigliamento > Abiti", aa + "Clothing > Suits"},
		{"italian google path", "Abbigliamento e accessori > Abbigliamento > Abiti", dresses},
		{"italian gonne", "Gonne", aa + "Clothing > Skirts"},
		{"italian camicie", "Camicie", aa + "Clothing > Shirts & Tops"},
		{"italian giacche", "Giacche", coats},
		{"italian cappotti", "Cappotti", coats},
		{"italian stivaletti", "Stivaletti", boots},
		{"italian mocassini", "Mocassini", loafers},
		{"italian maglioni", "Maglioni", aa + "Clothing > Shirts & Tops > Knitwear"},
		{"french manteaux", "Manteaux", coats},
		{"french chapeaux", "Chapeaux", aa + "Clothing Accessories > Hats"},
		{"french mocassins", "Mocassins", loafers},
		{"german geldbörsen", "Geldbörsen", wallets},
		{"spanish botines", "Botines", boots},
		{"polish sukienki", "Sukienki", dresses},
		{"polish kurtki", "Damskie > Kurtki", coats},

		// Dutch, Swedish, Japanese.
		{"dutch google path", "Kleding en accessoires > Schoenen", aa + "Shoes"},
		{"dutch jurken", "Dames > Kleding > Jurken", dresses},
		{"dutch rokken", "Rokken", aa + "Clothing > Skirts"},
		{"swedish klänningar", "Klänningar", dresses},
		{"swedish kjolar", "Dam > Kläder > Kjolar", aa + "Clothing > Skirts"},
		{"japanese dress", "ワンピース", dresses},
		{"japanese sneakers", "メンズ > 靴 > スニーカー", aa + "Shoes > Sneakers"},
		{"japanese shoulder bag", "レディース > バッグ > ショルダーバッグ", bags + " > Shoulder Bags"},
		{"japanese t-shirt", "Tシャツ", aa + "Clothing > Shirts & Tops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := tx.MapProductType(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("MapProductType(%q) = %q, want no match", tt.in, n.Path)
				}
				return
			}
			if !ok || n.Path != tt.want {
				t.Errorf("MapProductType(%q) = %q, %t; want %q", tt.in, n.Path, ok, tt.want)
			}
		})
	}
}

// TestProductTypeRules keeps the rule data usable: every rule's path is in the shipped
// taxonomy or Google's luggage branch, and compound rules are long enough to be indexed by
// their end.
func TestProductTypeRules(t *testing.T) {
	tx := DefaultTaxonomy()
	for _, r := range slices.Concat(productTypeRules, languageWordRules, productTypeTitleRules) {
		for _, p := range []string{r.path, r.fr} {
			if _, ok := tx.ByPath(p); p != "" && !ok && !strings.HasPrefix(p, ptLuggage) {
				t.Errorf("rule %q: path %q is not in the shipped taxonomy", r.words, p)
			}
		}
		if r.compound && len(Fold(r.words)) < compoundTail {
			t.Errorf("compound rule %q is shorter than %d bytes", r.words, compoundTail)
		}
	}
}
