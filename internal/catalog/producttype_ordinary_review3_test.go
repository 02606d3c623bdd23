package catalog

import "testing"

// TestMapProductTypeOrdinaryTitlesThirdReview maps ordinary shop titles from a third review of
// the first-phrase rule that both it and the rules before it got wrong: jersey is the fabric
// of a top named after it ("Jersey T-Shirt", not knitwear), a French "robe portefeuille" is a
// wrap dress, not a wallet, a Turkish "kot pantolon" is jeans and an "eşarp" a scarf, and a
// waist bag, fedora, tie bar, high top and sleepsuit name their own leaves, as do British
// shops' court shoes, ballet pumps, wellies, night dresses, swimming trunks and costumes and
// Zalando's "Across body bag" and "Shopping bag"; beside them the titles that must keep their
// category.
func TestMapProductTypeOrdinaryTitlesThirdReview(t *testing.T) {
	const (
		knit     = "Clothing > Shirts & Tops > Knitwear"
		tops     = "Clothing > Shirts & Tops"
		sneakers = "Shoes > Sneakers"
		hats     = "Clothing Accessories > Hats"
		tieClips = "Clothing Accessories > Tie Clips"
		beltBags = "Handbags, Wallets & Cases > Handbags > Belt Bags"
	)
	checkProductTypes(t, []productTypeCase{
		// Jersey before a top's word is its fabric.
		{"Jersey T-Shirt 7634512", tops, false},
		{"Fine Jersey T-Shirt", tops, false},
		{"Jersey Top Short Sleeve", tops, false},
		{"Slub Jersey Tee", tops, false},
		{"Jersey Blouse", tops, false},
		{"Jersey Bodysuit", tops, false},
		{"Jersey Cardigan", knit, false},
		{"Jersey", knit, false},
		{"Jersey Dress Black", "Clothing > Dresses", false},
		{"Soccer Jersey Home 2024", "Clothing > Uniforms > Sports Uniforms > Soccer Uniforms", false},
		{"Cycling Jersey Short Sleeve", "Clothing > Activewear > Bicycle Activewear > Bicycle Jerseys", false},
		// A French wrap dress; a wallet alone stays one.
		{"Robe portefeuille imprimée fleurie", "Clothing > Dresses", false},
		{"Portefeuille en cuir", "Handbags, Wallets & Cases > Wallets & Money Clips", false},
		// Turkish jeans and scarves.
		{"ERKEK KOT PANTOLON", "Clothing > Pants > Jeans", false},
		{"Kumaş Pantolon", "Clothing > Pants", false},
		{"İpek Eşarp", "Clothing Accessories > Scarves & Shawls > Scarves", false},
		// Leaves named by words of their own.
		{"Waist Bag", beltBags, false},
		{"Belt Bag Nylon Black", beltBags, false},
		{"Wool Fedora", hats, false},
		{"Tie Bar Gold", tieClips, false},
		{"Silk Tie Navy", "Clothing Accessories > Neckties", false},
		{"Chuck Taylor All Star High Top", sneakers, false},
		{"High-Top Sneakers", sneakers, false},
		{"Hi Top Trainers", sneakers, false},
		{"Cropped Tank Top Black S", tops, false},
		{"Baby Boys' Sleepsuit 3 Pack 0-3 Months", "Clothing > Baby & Toddler Clothing > Baby One-Pieces", false},
		// British and Zalando words.
		{"Court shoes - nude", "Shoes > Heels", false},
		{"Next Black Leather Forever Comfort Point Court Shoes", "Shoes > Heels", false},
		{"Tennis Court Shoes", "Shoes", false},
		{"Court Shoes Men Volleyball", "Shoes", false},
		{"Men's Indoor Court Shoes", "Shoes", false},
		{"Women's Court Shoes Black Patent", "Shoes > Heels", false},
		{"White Court Trainers", sneakers, false},
		{"Ballet pumps - black", "Shoes > Flats", false},
		{"Pumps - black", "Shoes > Heels", false},
		{"Wellies - olive", "Shoes > Boots", false},
		{"Snowboots - black", "Shoes > Boots", false},
		{"Night dress - rose", "Clothing > Sleepwear & Loungewear > Nightgowns", false},
		{"Little Black Dress Night Out", "Clothing > Dresses", false},
		{"Swimming trunks - navy", "Clothing > Swimwear", false},
		{"One-Piece Swimming Costume", "Clothing > Swimwear", false},
		{"Swimming Goggles", "", false},
		{"Across body bag - black", "Handbags, Wallets & Cases > Handbags > Cross-Body Bags", false},
		{"Shopping bag - black", "Handbags, Wallets & Cases > Handbags > Tote Bags", false},
	})
}
