package catalog

import "testing"

// TestMapProductTypeColourNames maps titles and breadcrumbs where a word for something outside
// fashion is the item's colour or style name: right after the item's word ("Bodycon Dress
// Lipstick", "Dress in Lipstick Red") or as a breadcrumb's last level under a garment ("Women >
// Dresses > Lipstick", "Men > Jackets > Duffel"); but not when it names the product ("Gel
// Lipstick Red", "Botan Gel Lipstick", a brand read as "botas"; "Men > Bags > Holdalls").
func TestMapProductTypeColourNames(t *testing.T) {
	checkProductTypes(t, []productTypeCase{
		{"Mango Satin Slip Midi Dress - Lipstick", "Clothing > Dresses", false},
		{"ASOS DESIGN Square Neck Cami Midi Dress in Lipstick Red", "Clothing > Dresses", false},
		{"Bodycon Dress Lipstick", "Clothing > Dresses", false},
		{"Satin Dress Colour Lipstick", "Clothing > Dresses", false},
		{"Heeled Sandals Lipstick Red", "Shoes > Sandals|Shoes > Heels", false},
		{"Satin Cami Top Candle", "Clothing > Shirts & Tops", false},
		{"Blazer Mascara Black", "Clothing > Outerwear > Coats & Jackets", false},
		{"Gel Lipstick Red", "", false},
		{"Botan Gel Lipstick", "", false},
		{"Sneaker Wipes", "", false},
		{"Women > Dresses > Lipstick", "Clothing > Dresses", false},
		{"Women > Dresses > Candle", "Clothing > Dresses", false},
		{"Women > Bags > Lipstick", "Handbags, Wallets & Cases > Handbags", false},
		{"Beauty > Makeup > Lipstick", "", false},
		{"Men > Coats & Jackets > Duffle", "Clothing > Outerwear > Coats & Jackets", false},
		{"Men > Jackets > Duffel", "Clothing > Outerwear > Coats & Jackets", false},
		{"Women > Dresses > Trolley", "Clothing > Dresses", false},
		{"Men > Bags > Holdalls", "", false},
		{"Men > Suits > Garment Bags", "", false},
	})
}

// TestMapProductTypeWedgeContext maps "wedge", a shoe only among shoe words, in a women's
// department or as a plural alone: not a golf club or a pillow.
func TestMapProductTypeWedgeContext(t *testing.T) {
	checkProductTypes(t, []productTypeCase{
		{"Callaway Jaws Raw Sand Wedge 56 Degree", "", false},
		{"Sand Wedge 56 Degree", "", false},
		{"Memory Foam Wedge Pillow", "", false},
		{"Wedge Pillow", "", false},
		{"Golf > Clubs > Wedges", "", false},
		{"Home > Bedding > Wedge Pillows", "", false},
		{"Suede Wedges", "Shoes > Heels", false},
		{"Black Wedges Size 6", "Shoes > Heels", false},
		{"Women > Wedges", "Shoes > Heels", false},
		{"Cork Wedge Shoes", "Shoes|Shoes > Heels", false},
		{"Espadrille Wedges", "Shoes > Heels|Shoes > Espadrilles", false},
	})
}

// TestMapProductTypeItemAccessories maps accessories and care of an item, named by an
// accessory noun last but for colours, materials, sizes, counts and what they are for, with any
// words between it and the item: not the item. A strap or a gift box after other words is
// the item's feature.
func TestMapProductTypeItemAccessories(t *testing.T) {
	checkProductTypes(t, []productTypeCase{
		{"Sneaker Crease Protectors", "|Shoe Accessories", false},
		{"Sneaker Shield Inserts", "|Shoe Accessories", false},
		{"Boot Shaper Inserts", "|Shoe Accessories", false},
		{"Boot Trees Cedar", "|Shoe Accessories", false},
		{"Shoe Storage Box Clear", "", false},
		{"Sunglasses Hard Case", "", false},
		{"Sunglasses Hard Case Black", "", false},
		{"Protective Case for Sunglasses", "", false},
		{"Watch Travel Case", "", false},
		{"Watch Travel Case 3 Slots", "", false},
		{"Watch Roll Travel Case", "", false},
		{"Leather Watch Box 6 Slots", "", false},
		{"Jewellery Travel Case", "", false},
		{"Jewellery Travel Case Velvet", "", false},
		{"Jewellery Box with Mirror", "", false},
		{"Handbag Rain Cover", "|Handbag & Wallet Accessories", false},
		{"Backpack Rain Cover", "|Handbag & Wallet Accessories", false},
		{"Bag Base Shaper Insert for Tote", "|Handbag & Wallet Accessories", false},
		{"Bag Base Shaper", "|Handbag & Wallet Accessories", false},
		{"Hat Travel Box", "", false},
		{"Coat Hanger Wooden", "", false},
		{"Watch Leather Strap Brown", "Jewelry > Watches|Jewelry > Watch Accessories > Watch Bands", false},
		{"Earrings Gift Box Silver", "Jewelry > Earrings", false},
		{"Phone Case Crossbody Bag", "Handbags, Wallets & Cases > Handbags > Cross-Body Bags", false},
		{"Beach Cover Up Dress", "Clothing > Dresses", false},
		{"Earrings for Sensitive Ears", "Jewelry > Earrings", false},
		{"Shirt 2 Pack", "Clothing > Shirts & Tops", false},
		{"Apple Watch Sport Band 45mm Midnight", "Jewelry > Watch Accessories > Watch Bands", false},
	})
}

// TestMapProductTypeRomanceHead maps French, Italian and Spanish titles whose noun comes
// before its adjectives and a "con"/"avec" complement: the noun names the item.
func TestMapProductTypeRomanceHead(t *testing.T) {
	checkProductTypes(t, []productTypeCase{
		{"Zara Abito lungo con cintura", "Clothing > Dresses", false},
		{"Vestido largo con cinturón", "Clothing > Dresses", false},
		{"Camicia in lino con tasche", "Clothing > Shirts & Tops", false},
		{"Pantaloni larghi con coulisse", "Clothing > Pants", false},
		{"Cintura con fibbia", "Clothing Accessories > Belts", false},
	})
}
