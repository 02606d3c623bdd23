package catalog

import (
	"strings"
	"unicode"
)

// Paths the product-type rules point at, spelled once.
const (
	ptApparel     = "Apparel & Accessories"
	ptClothing    = ptApparel + " > Clothing"
	ptAccessories = ptApparel + " > Clothing Accessories"
	ptHandbags    = ptApparel + " > Handbags, Wallets & Cases > Handbags"
	ptBagAcc      = ptApparel + " > Handbag & Wallet Accessories"
	ptShoes       = ptApparel + " > Shoes"
	ptJewelry     = ptApparel + " > Jewelry"
	ptTops        = ptClothing + " > Shirts & Tops"
	ptCoats       = ptClothing + " > Outerwear > Coats & Jackets"
	ptPants       = ptClothing + " > Pants"
	ptSkirts      = ptClothing + " > Skirts"
	ptDresses     = ptClothing + " > Dresses"
	ptSleep       = ptClothing + " > Sleepwear & Loungewear"
	ptUnderwear   = ptClothing + " > Underwear & Socks"
)

// productTypeRule maps the words of a product type to a category path. Words are folded
// (lower case, no accents) and match a word of the text, or its plural (+s, +es, German +e,
// +n, +en, +er). A rule marked compound also matches the end of a longer word, for German
// compounds ("Handtasche", "Lederjacke", "Sommerkleid").
type productTypeRule struct {
	words    string
	path     string
	compound bool
	// modifier: the word names the category even before another garment's word ("Bikini
	// top", "Swim shorts", "Pyjama bottoms" are swimwear and sleepwear, not tops and shorts).
	modifier bool
	// fr is the path when the text reads French, for a word French and English both use for
	// different things ("Robes" are dresses in "Femme > Vêtements > Robes", bathrobes in
	// "Sleepwear > Robes"). frPlural: the plural alone, with nothing to tell the language,
	// takes the French reading, being how French shops name the category.
	fr       string
	frPlural bool
	// men is the path when the text is for men, for a word that names one thing for women
	// and another for men (Italian "Abiti": dresses, but suits in "Uomo > Abiti").
	men string
}

// productTypeRules are in English first, then basic French, German, Italian, Spanish, Dutch,
// Swedish, Polish and Japanese. Words may be written with accents or in kana: they are folded
// as the text is. The rightmost match wins (the head noun of an English phrase: "shirt dress"
// is a dress, "dress shirt" a shirt) unless a modifier names the category; then the longest.
// "Robe" alone is a bathrobe, as in English; "Robes" alone and "Robe" among French words are
// dresses, as are French phrases ("robe longue", "robe de soirée").
var productTypeRules = []productTypeRule{
	// Bags, smallest first.
	{words: "micro bag", path: ptHandbags + " > Micro Bags"},
	{words: "mini bag", path: ptHandbags + " > Micro Bags"},
	{words: "nano bag", path: ptHandbags + " > Micro Bags"},
	{words: "micro", path: ptHandbags + " > Micro Bags"}, // only counts inside bags (see MapProductType)
	{words: "shoulder bag", path: ptHandbags + " > Shoulder Bags"},
	{words: "hobo", path: ptHandbags + " > Shoulder Bags"},
	{words: "baguette", path: ptHandbags + " > Shoulder Bags"},
	{words: "tote", path: ptHandbags + " > Tote Bags"},
	{words: "shopper", path: ptHandbags + " > Tote Bags"},
	{words: "cross body", path: ptHandbags + " > Cross-Body Bags"},
	{words: "crossbody", path: ptHandbags + " > Cross-Body Bags"},
	{words: "camera bag", path: ptHandbags + " > Cross-Body Bags"},
	{words: "saddle bag", path: ptHandbags + " > Cross-Body Bags"},
	{words: "messenger bag", path: ptHandbags + " > Cross-Body Bags"},
	{words: "clutch", path: ptHandbags + " > Clutches & Evening Bags"},
	{words: "evening bag", path: ptHandbags + " > Clutches & Evening Bags"},
	{words: "pochette", path: ptHandbags + " > Clutches & Evening Bags"},
	{words: "minaudiere", path: ptHandbags + " > Clutches & Evening Bags"},
	{words: "top handle", path: ptHandbags + " > Top-Handle Bags"},
	{words: "bucket bag", path: ptHandbags + " > Bucket Bags"},
	{words: "belt bag", path: ptHandbags + " > Belt Bags"},
	{words: "bum bag", path: ptHandbags + " > Belt Bags"},
	{words: "fanny pack", path: ptHandbags + " > Belt Bags"},
	{words: "bag charm", path: ptBagAcc + " > Bag Charms"},
	{words: "bag strap", path: ptBagAcc + " > Bag Straps"},
	{words: "wallet chain", path: ptBagAcc + " > Wallet Chains"},
	{words: "keyring", path: ptBagAcc + " > Keychains"},
	{words: "key ring", path: ptBagAcc + " > Keychains"},
	{words: "keychain", path: ptBagAcc + " > Keychains"},
	{words: "wallet", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "purse", path: ptHandbags},
	{words: "cardholder", path: ptApparel + " > Handbags, Wallets & Cases > Business Card Cases"},
	{words: "card holder", path: ptApparel + " > Handbags, Wallets & Cases > Business Card Cases"},
	{words: "card case", path: ptApparel + " > Handbags, Wallets & Cases > Business Card Cases"},
	{words: "handbag", path: ptHandbags},
	{words: "bag", path: ptHandbags, compound: true},
	{words: "satchel", path: ptHandbags},
	{words: "backpack", path: "Luggage & Bags > Backpacks"},

	// Shoes.
	{words: "sneaker", path: ptShoes + " > Sneakers"},
	{words: "trainer", path: ptShoes + " > Sneakers"},
	{words: "running shoe", path: ptShoes + " > Sneakers"},
	{words: "boot", path: ptShoes + " > Boots"},
	{words: "bootie", path: ptShoes + " > Boots"},
	{words: "sandal", path: ptShoes + " > Sandals"},
	{words: "slide", path: ptShoes + " > Sandals"},
	{words: "flip flop", path: ptShoes + " > Sandals"},
	{words: "heel", path: ptShoes + " > Heels"},
	{words: "pump", path: ptShoes + " > Heels"},
	{words: "stiletto", path: ptShoes + " > Heels"},
	{words: "slingback", path: ptShoes + " > Heels"},
	{words: "ballet flat", path: ptShoes + " > Flats"},
	{words: "ballerina", path: ptShoes + " > Flats"},
	{words: "flat", path: ptShoes + " > Flats"},
	{words: "loafer", path: ptShoes + " > Loafers"},
	{words: "moccasin", path: ptShoes + " > Loafers"},
	{words: "mule", path: ptShoes + " > Mules & Clogs"},
	{words: "clog", path: ptShoes + " > Mules & Clogs"},
	{words: "espadrille", path: ptShoes + " > Espadrilles"},
	{words: "slipper", path: ptShoes + " > Slippers"},
	{words: "shoe", path: ptShoes, compound: true},
	{words: "footwear", path: ptShoes},
	{words: "brogue", path: ptShoes},
	{words: "oxford shoe", path: ptShoes},
	{words: "derby", path: ptShoes},
	{words: "shoelace", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "shoe lace", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "boot lace", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "shoe cover", path: ptApparel + " > Shoe Accessories > Shoe Covers"},
	{words: "boot liner", path: ptApparel + " > Shoe Accessories > Boot Liners"},

	// Clothing.
	{words: "dress", path: ptDresses},
	{words: "gown", path: ptDresses},
	{words: "frock", path: ptDresses},
	{words: "wedding dress", path: ptClothing + " > Wedding & Bridal Party Dresses > Wedding Dresses"},
	{words: "bridal gown", path: ptClothing + " > Wedding & Bridal Party Dresses > Wedding Dresses"},
	{words: "bridesmaid dress", path: ptClothing + " > Wedding & Bridal Party Dresses > Bridal Party Dresses"},
	{words: "jumpsuit", path: ptClothing + " > One-Pieces > Jumpsuits & Rompers"},
	{words: "playsuit", path: ptClothing + " > One-Pieces > Jumpsuits & Rompers"},
	{words: "romper", path: ptClothing + " > One-Pieces > Jumpsuits & Rompers"},
	{words: "overall", path: ptClothing + " > One-Pieces > Overalls"},
	{words: "dungaree", path: ptClothing + " > One-Pieces > Overalls"},
	{words: "leotard", path: ptClothing + " > One-Pieces > Leotards & Unitards"},
	{words: "skirt", path: ptSkirts},
	{words: "mini skirt", path: ptSkirts + " > Mini Skirts"},
	{words: "miniskirt", path: ptSkirts + " > Mini Skirts"},
	{words: "midi skirt", path: ptSkirts + " > Knee-Length Skirts"},
	{words: "maxi skirt", path: ptSkirts + " > Long Skirts"},
	{words: "skort", path: ptClothing + " > Skorts"},
	{words: "jean", path: ptPants + " > Jeans"},
	{words: "denim", path: ptPants + " > Jeans"},
	{words: "trouser", path: ptPants},
	{words: "pant", path: ptPants},
	{words: "chino", path: ptPants},
	{words: "legging", path: ptPants},
	{words: "jogger", path: ptPants},
	{words: "sweatpant", path: ptPants},
	{words: "short", path: ptClothing + " > Shorts"},
	{words: "bermuda", path: ptClothing + " > Shorts"},
	{words: "top", path: ptTops},
	{words: "shirt", path: ptTops, compound: true},
	{words: "t shirt", path: ptTops},
	{words: "tee", path: ptTops},
	{words: "blouse", path: ptTops},
	{words: "tank", path: ptTops},
	{words: "camisole", path: ptTops},
	{words: "cami", path: ptTops},
	{words: "bodysuit", path: ptTops},
	{words: "polo", path: ptTops},
	{words: "tunic", path: ptTops},
	{words: "hoodie", path: ptTops},
	{words: "sweatshirt", path: ptTops},
	{words: "knitwear", path: ptTops + " > Knitwear"},
	{words: "knit", path: ptTops + " > Knitwear"},
	{words: "sweater", path: ptTops + " > Knitwear"},
	{words: "jumper", path: ptTops + " > Knitwear"},
	{words: "pullover", path: ptTops + " > Knitwear"},
	{words: "cardigan", path: ptTops + " > Knitwear"},
	{words: "turtleneck", path: ptTops + " > Knitwear"},
	{words: "coat", path: ptCoats},
	{words: "jacket", path: ptCoats},
	{words: "blazer", path: ptCoats},
	{words: "parka", path: ptCoats},
	{words: "puffer", path: ptCoats},
	{words: "trench", path: ptCoats},
	{words: "anorak", path: ptCoats},
	{words: "gilet", path: ptClothing + " > Outerwear > Vests"},
	{words: "vest", path: ptClothing + " > Outerwear > Vests"},
	{words: "outerwear", path: ptClothing + " > Outerwear"},
	{words: "suit", path: ptClothing + " > Suits"},
	{words: "tuxedo", path: ptClothing + " > Suits > Tuxedos"},
	{words: "swimwear", path: ptClothing + " > Swimwear", modifier: true},
	{words: "swimsuit", path: ptClothing + " > Swimwear", modifier: true},
	{words: "bikini", path: ptClothing + " > Swimwear", modifier: true},
	{words: "bikini brief", path: ptUnderwear + " > Underwear"}, // the cut of a knicker
	{words: "bikini knicker", path: ptUnderwear + " > Underwear"},
	{words: "swim", path: ptClothing + " > Swimwear", modifier: true},
	{words: "beachwear", path: ptClothing + " > Swimwear"},
	{words: "pajama", path: ptSleep + " > Pajamas", modifier: true},
	{words: "pyjama", path: ptSleep + " > Pajamas", modifier: true},
	{words: "nightgown", path: ptSleep + " > Nightgowns"},
	{words: "nightdress", path: ptSleep + " > Nightgowns"},
	{words: "robe", path: ptSleep + " > Robes", fr: ptDresses, frPlural: true},
	{words: "bathrobe", path: ptSleep + " > Robes"},
	{words: "bath robe", path: ptSleep + " > Robes"},
	{words: "dressing gown", path: ptSleep + " > Robes"},
	{words: "loungewear", path: ptSleep + " > Loungewear"},
	{words: "sleepwear", path: ptSleep, modifier: true},
	{words: "nightwear", path: ptSleep, modifier: true},
	{words: "activewear", path: ptClothing + " > Activewear"},
	{words: "sportswear", path: ptClothing + " > Activewear"},
	{words: "bra", path: ptUnderwear + " > Bras"},
	{words: "bralette", path: ptUnderwear + " > Bras"},
	{words: "lingerie", path: ptUnderwear + " > Lingerie"},
	{words: "underwear", path: ptUnderwear + " > Underwear"},
	{words: "brief", path: ptUnderwear + " > Underwear"},
	{words: "knicker", path: ptUnderwear + " > Underwear"},
	{words: "boxer", path: ptUnderwear + " > Underwear"},
	{words: "sock", path: ptUnderwear + " > Socks"},
	{words: "tights", path: ptUnderwear + " > Hosiery"},
	{words: "stocking", path: ptUnderwear + " > Hosiery"},
	{words: "pantyhose", path: ptUnderwear + " > Hosiery"},
	{words: "hosiery", path: ptUnderwear + " > Hosiery"},
	{words: "sari", path: ptClothing + " > Traditional & Ceremonial Clothing > Saris & Lehengas"},
	{words: "saree", path: ptClothing + " > Traditional & Ceremonial Clothing > Saris & Lehengas"},
	{words: "lehenga", path: ptClothing + " > Traditional & Ceremonial Clothing > Saris & Lehengas"},
	{words: "kurta", path: ptTops},
	{words: "kimono", path: ptCoats},
	{words: "clothing", path: ptClothing},
	{words: "apparel", path: ptClothing},

	// Accessories and jewellery.
	{words: "belt", path: ptAccessories + " > Belts"},
	{words: "hat", path: ptAccessories + " > Hats"},
	{words: "cap", path: ptAccessories + " > Hats"},
	{words: "beanie", path: ptAccessories + " > Hats"},
	{words: "beret", path: ptAccessories + " > Hats"},
	{words: "bucket hat", path: ptAccessories + " > Hats"},
	{words: "scarf", path: ptAccessories + " > Scarves & Shawls > Scarves"},
	{words: "scarves", path: ptAccessories + " > Scarves & Shawls > Scarves"},
	{words: "shawl", path: ptAccessories + " > Scarves & Shawls > Shawls"},
	{words: "stole", path: ptAccessories + " > Scarves & Shawls > Shawls"},
	{words: "glove", path: ptAccessories + " > Gloves & Mittens"},
	{words: "mitten", path: ptAccessories + " > Gloves & Mittens"},
	{words: "sunglasses", path: ptAccessories + " > Sunglasses"},
	{words: "eyewear", path: ptAccessories + " > Sunglasses"},
	{words: "tie", path: ptAccessories + " > Neckties"},
	{words: "necktie", path: ptAccessories + " > Neckties"},
	{words: "bow tie", path: ptAccessories + " > Neckties"},
	{words: "cufflink", path: ptAccessories + " > Cufflinks"},
	{words: "headband", path: ptAccessories + " > Hair Accessories > Headbands"},
	{words: "hair clip", path: ptAccessories + " > Hair Accessories > Hair Pins, Claws & Clips > Hair Claws & Clips"},
	{words: "scrunchie", path: ptAccessories + " > Hair Accessories > Ponytail Holders"},
	{words: "hair accessory", path: ptAccessories + " > Hair Accessories"},
	{words: "hair accessories", path: ptAccessories + " > Hair Accessories"},
	{words: "accessory", path: ptAccessories},
	{words: "accessories", path: ptAccessories},
	{words: "ring", path: ptJewelry + " > Rings"},
	{words: "necklace", path: ptJewelry + " > Necklaces"},
	{words: "choker", path: ptJewelry + " > Necklaces"},
	{words: "pendant", path: ptJewelry + " > Charms & Pendants"},
	{words: "charm", path: ptJewelry + " > Charms & Pendants"},
	{words: "earring", path: ptJewelry + " > Earrings"},
	{words: "ear cuff", path: ptJewelry + " > Earrings"},
	{words: "hoop", path: ptJewelry + " > Earrings"},
	{words: "stud", path: ptJewelry + " > Earrings"},
	{words: "bracelet", path: ptJewelry + " > Bracelets"},
	{words: "bangle", path: ptJewelry + " > Bracelets"},
	{words: "cuff", path: ptJewelry + " > Bracelets"},
	{words: "anklet", path: ptJewelry + " > Anklets"},
	{words: "brooch", path: ptJewelry + " > Brooches & Lapel Pins"},
	{words: "watch", path: ptJewelry + " > Watches"},
	{words: "watch strap", path: ptJewelry + " > Watch Accessories > Watch Bands"},
	{words: "watch band", path: ptJewelry + " > Watch Accessories > Watch Bands"},
	{words: "watch winder", path: ptJewelry + " > Watch Accessories > Watch Winders"},
	{words: "belt buckle", path: ptAccessories + " > Belt Buckles"},
	{words: "tie clip", path: ptAccessories + " > Tie Clips"},
	{words: "jewelry", path: ptJewelry},
	{words: "jewellery", path: ptJewelry},

	// French.
	{words: "robe longue", path: ptDresses},
	{words: "robe courte", path: ptDresses},
	{words: "robe midi", path: ptDresses},
	{words: "robe mi longue", path: ptDresses},
	{words: "robe de soiree", path: ptDresses},
	{words: "robe de mariee", path: ptClothing + " > Wedding & Bridal Party Dresses > Wedding Dresses"},
	{words: "robe de chambre", path: ptSleep + " > Robes"},
	{words: "jupe", path: ptSkirts},
	{words: "pantalon", path: ptPants},
	{words: "chemise", path: ptTops},
	{words: "chemisier", path: ptTops},
	{words: "haut", path: ptTops},
	{words: "pull", path: ptTops + " > Knitwear"},
	{words: "gilet en maille", path: ptTops + " > Knitwear"},
	{words: "manteau", path: ptCoats},
	{words: "veste", path: ptCoats},
	{words: "blouson", path: ptCoats},
	{words: "sac", path: ptHandbags},
	{words: "sac a main", path: ptHandbags},
	{words: "mini sac", path: ptHandbags + " > Micro Bags"},
	{words: "micro sac", path: ptHandbags + " > Micro Bags"},
	{words: "bandouliere", path: ptHandbags + " > Cross-Body Bags"},
	{words: "cabas", path: ptHandbags + " > Tote Bags"},
	{words: "mocassin", path: ptShoes + " > Loafers"},
	{words: "accessoire", path: ptAccessories},
	{words: "sac a dos", path: "Luggage & Bags > Backpacks"},
	{words: "chaussure", path: ptShoes},
	{words: "basket", path: ptShoes + " > Sneakers"},
	{words: "botte", path: ptShoes + " > Boots"},
	{words: "bottine", path: ptShoes + " > Boots"},
	{words: "sandale", path: ptShoes + " > Sandals"},
	{words: "escarpin", path: ptShoes + " > Heels"},
	{words: "ceinture", path: ptAccessories + " > Belts"},
	{words: "echarpe", path: ptAccessories + " > Scarves & Shawls > Scarves"},
	{words: "foulard", path: ptAccessories + " > Scarves & Shawls > Scarves"},
	{words: "chapeau", path: ptAccessories + " > Hats"},
	{words: "bague", path: ptJewelry + " > Rings"},
	{words: "collier", path: ptJewelry + " > Necklaces"},
	{words: "boucles d oreilles", path: ptJewelry + " > Earrings"},
	{words: "bijoux", path: ptJewelry},
	{words: "lunettes de soleil", path: ptAccessories + " > Sunglasses"},
	{words: "maillot de bain", path: ptClothing + " > Swimwear"},

	// German.
	{words: "kleid", path: ptDresses, compound: true},
	{words: "rock", path: ptSkirts, compound: true},
	{words: "hose", path: ptPants, compound: true},
	{words: "hemd", path: ptTops, compound: true},
	{words: "bluse", path: ptTops},
	{words: "strickjacke", path: ptTops + " > Knitwear"}, // a knitted jacket: a cardigan
	{words: "jacke", path: ptCoats, compound: true},
	{words: "mantel", path: ptCoats, compound: true},
	{words: "tasche", path: ptHandbags, compound: true},
	{words: "umhangetasche", path: ptHandbags + " > Cross-Body Bags", compound: true},
	{words: "schultertasche", path: ptHandbags + " > Shoulder Bags", compound: true},
	{words: "henkeltasche", path: ptHandbags + " > Top-Handle Bags", compound: true},
	{words: "gurteltasche", path: ptHandbags + " > Belt Bags", compound: true},
	{words: "bauchtasche", path: ptHandbags + " > Belt Bags", compound: true},
	{words: "geldborse", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips", compound: true},
	{words: "portemonnaie", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "brieftasche", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "badehose", path: ptClothing + " > Swimwear"},
	{words: "badeshorts", path: ptClothing + " > Swimwear"},
	{words: "rucksack", path: "Luggage & Bags > Backpacks"},
	{words: "schuh", path: ptShoes, compound: true},
	{words: "turnschuh", path: ptShoes + " > Sneakers"},
	{words: "stiefel", path: ptShoes + " > Boots", compound: true},
	{words: "stiefelette", path: ptShoes + " > Boots"},
	{words: "sandalette", path: ptShoes + " > Sandals"},
	{words: "gurtel", path: ptAccessories + " > Belts"},
	{words: "schal", path: ptAccessories + " > Scarves & Shawls > Scarves"},
	{words: "mutze", path: ptAccessories + " > Hats"},
	{words: "hut", path: ptAccessories + " > Hats"},
	{words: "schmuck", path: ptJewelry},
	{words: "kette", path: ptJewelry + " > Necklaces", compound: true},
	{words: "ohrring", path: ptJewelry + " > Earrings"},
	{words: "armband", path: ptJewelry + " > Bracelets"},
	{words: "sonnenbrille", path: ptAccessories + " > Sunglasses"},
	{words: "badeanzug", path: ptClothing + " > Swimwear"},

	// Italian.
	{words: "abito", path: ptDresses, men: ptClothing + " > Suits"},
	{words: "vestito", path: ptDresses},
	{words: "gonna", path: ptSkirts},
	{words: "pantaloni", path: ptPants},
	{words: "camicia", path: ptTops},
	{words: "maglione", path: ptTops + " > Knitwear"},
	{words: "maglia", path: ptTops + " > Knitwear"},
	{words: "cappotto", path: ptCoats},
	{words: "giacca", path: ptCoats},
	{words: "borsa", path: ptHandbags},
	{words: "borse", path: ptHandbags},
	{words: "a tracolla", path: ptHandbags + " > Cross-Body Bags"}, // "borsa a tracolla", not "con tracolla" (a strap)
	{words: "borsa a spalla", path: ptHandbags + " > Shoulder Bags"},
	{words: "mini borsa", path: ptHandbags + " > Micro Bags"},
	{words: "portafoglio", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "scarpe", path: ptShoes},
	{words: "stivali", path: ptShoes + " > Boots"},
	{words: "stivaletto", path: ptShoes + " > Boots"},
	{words: "mocassino", path: ptShoes + " > Loafers"},
	{words: "tacco", path: ptShoes + " > Heels"},
	{words: "sandali", path: ptShoes + " > Sandals"},
	{words: "decollete", path: ptShoes + " > Heels"},
	{words: "cintura", path: ptAccessories + " > Belts"},
	{words: "sciarpa", path: ptAccessories + " > Scarves & Shawls > Scarves"},
	{words: "cappello", path: ptAccessories + " > Hats"},
	{words: "anello", path: ptJewelry + " > Rings"},
	{words: "collana", path: ptJewelry + " > Necklaces"},
	{words: "orecchini", path: ptJewelry + " > Earrings"},
	{words: "occhiali da sole", path: ptAccessories + " > Sunglasses"},

	// Spanish.
	{words: "vestido", path: ptDresses},
	{words: "falda", path: ptSkirts},
	{words: "pantalones", path: ptPants},
	{words: "camisa", path: ptTops},
	{words: "camiseta", path: ptTops},
	{words: "jersey", path: ptTops + " > Knitwear"},
	{words: "abrigo", path: ptCoats},
	{words: "chaqueta", path: ptCoats},
	{words: "bolso", path: ptHandbags},
	{words: "bandolera", path: ptHandbags + " > Cross-Body Bags"},
	{words: "bolso de hombro", path: ptHandbags + " > Shoulder Bags"},
	{words: "mini bolso", path: ptHandbags + " > Micro Bags"},
	{words: "billetera", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "monedero", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "botin", path: ptShoes + " > Boots"},
	{words: "mocasin", path: ptShoes + " > Loafers"},
	{words: "zapato", path: ptShoes},
	{words: "zapatilla", path: ptShoes + " > Sneakers"},
	{words: "bota", path: ptShoes + " > Boots"},
	{words: "sandalia", path: ptShoes + " > Sandals"},
	{words: "tacon", path: ptShoes + " > Heels"},
	{words: "tacones", path: ptShoes + " > Heels"},
	{words: "cinturon", path: ptAccessories + " > Belts"},
	{words: "bufanda", path: ptAccessories + " > Scarves & Shawls > Scarves"},
	{words: "sombrero", path: ptAccessories + " > Hats"},
	{words: "anillo", path: ptJewelry + " > Rings"},
	{words: "pendientes", path: ptJewelry + " > Earrings"},
	{words: "gafas de sol", path: ptAccessories + " > Sunglasses"},

	// Dutch (plurals in -en are found as German ones are; doubled consonants are spelled out).
	{words: "kleding", path: ptClothing},
	{words: "jurk", path: ptDresses, compound: true},
	{words: "rok", path: ptSkirts},
	{words: "rokken", path: ptSkirts},
	{words: "broek", path: ptPants, compound: true},
	{words: "trui", path: ptTops + " > Knitwear"},
	{words: "jas", path: ptCoats},
	{words: "jassen", path: ptCoats},
	{words: "schoen", path: ptShoes, compound: true},
	{words: "laars", path: ptShoes + " > Boots"},
	{words: "laarzen", path: ptShoes + " > Boots"},
	{words: "tas", path: ptHandbags},
	{words: "tassen", path: ptHandbags},
	{words: "sieraden", path: ptJewelry},

	// Swedish (with their plurals: -ar and -or are not endings tagdrop strips).
	{words: "kläder", path: ptClothing},
	{words: "klänning", path: ptDresses},
	{words: "klänningar", path: ptDresses},
	{words: "kjol", path: ptSkirts},
	{words: "kjolar", path: ptSkirts},
	{words: "byxor", path: ptPants},
	{words: "jacka", path: ptCoats},
	{words: "jackor", path: ptCoats},
	{words: "skor", path: ptShoes},
	{words: "väska", path: ptHandbags},
	{words: "väskor", path: ptHandbags},
	{words: "smycken", path: ptJewelry},

	// Polish (plurals in -ki are found from -ka, as Italian ones).
	{words: "odzież", path: ptClothing},
	{words: "sukienka", path: ptDresses},
	{words: "spódnica", path: ptSkirts},
	{words: "spodnie", path: ptPants},
	{words: "kurtka", path: ptCoats},
	{words: "buty", path: ptShoes},
	{words: "torebka", path: ptHandbags},
	{words: "biżuteria", path: ptJewelry},

	// Japanese (one word, no plurals; compounds end in the category's word).
	{words: "ワンピース", path: ptDresses},
	{words: "ドレス", path: ptDresses},
	{words: "スカート", path: ptSkirts},
	{words: "パンツ", path: ptPants},
	{words: "ジーンズ", path: ptPants + " > Jeans"},
	{words: "シャツ", path: ptTops, compound: true},
	{words: "Tシャツ", path: ptTops},
	{words: "ニット", path: ptTops + " > Knitwear"},
	{words: "ジャケット", path: ptCoats, compound: true},
	{words: "コート", path: ptCoats, compound: true},
	{words: "スニーカー", path: ptShoes + " > Sneakers"},
	{words: "ブーツ", path: ptShoes + " > Boots", compound: true},
	{words: "サンダル", path: ptShoes + " > Sandals"},
	{words: "パンプス", path: ptShoes + " > Heels"},
	{words: "靴", path: ptShoes, compound: true},
	{words: "バッグ", path: ptHandbags, compound: true},
	{words: "ショルダーバッグ", path: ptHandbags + " > Shoulder Bags"},
	{words: "トートバッグ", path: ptHandbags + " > Tote Bags"},
	{words: "財布", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "ネックレス", path: ptJewelry + " > Necklaces"},
	{words: "ピアス", path: ptJewelry + " > Earrings"},
	{words: "イヤリング", path: ptJewelry + " > Earrings"},
	{words: "指輪", path: ptJewelry + " > Rings"},
	{words: "腕時計", path: ptJewelry + " > Watches"},
	{words: "アクセサリー", path: ptAccessories},
}

// resolvedRule is a rule whose path was found in one taxonomy: the rule's node, or its
// nearest ancestor the taxonomy has.
type resolvedRule struct {
	words    []string
	compound bool
	modifier bool
	frPlural bool
	node     int // index into Taxonomy.nodes
	frNode   int // the French reading's node; -1 for none
	menNode  int // the men's reading's node; -1 for none
	order    int
	chars    int // bytes in the words
}

func (t *Taxonomy) resolveRules() {
	var out []resolvedRule
	for i, r := range productTypeRules {
		ni, ok := t.nearestNode(r.path)
		if !ok {
			continue
		}
		fr, men := -1, -1
		if n, ok := t.nearestNode(r.fr); r.fr != "" && ok {
			fr = n
		}
		if n, ok := t.nearestNode(r.men); r.men != "" && ok {
			men = n
		}
		words := strings.Fields(Fold(r.words))
		out = append(out, resolvedRule{words: words, compound: r.compound, modifier: r.modifier, frPlural: r.frPlural,
			node: ni, frNode: fr, menNode: men, order: i, chars: len(strings.Join(words, ""))})
	}
	t.rules = out
	t.ruleIndex = map[string][]int{}
	t.compoundIndex = map[string][]int{}
	for i, r := range out {
		t.ruleIndex[r.words[0]] = append(t.ruleIndex[r.words[0]], i)
		if w := r.words[0]; r.compound && len(r.words) == 1 && len(w) >= compoundTail {
			t.compoundIndex[w[len(w)-compoundTail:]] = append(t.compoundIndex[w[len(w)-compoundTail:]], i)
		}
	}
	t.clothing = -1
	if ci, ok := t.byPath[pathKey(ptClothing)]; ok {
		t.clothing = ci
	}
}

// nearestNode is the index of path's node, or of its nearest ancestor the taxonomy has.
func (t *Taxonomy) nearestNode(path string) (int, bool) {
	for segs := splitTaxonomyPath(path); len(segs) > 0; segs = segs[:len(segs)-1] {
		if ni, ok := t.byPath[pathKey(strings.Join(segs, " > "))]; ok {
			return ni, true
		}
	}
	return 0, false
}

// compoundTail is how many of a compound rule's last bytes index it (every compound rule word
// is at least this long).
const compoundTail = 3

// pluralEndings are the endings wordForm accepts after a rule's word.
var pluralEndings = [...]string{"s", "es", "e", "n", "en", "er"}

// pluralChanges are plurals that change the end of a word rather than add to it, each as
// {plural ending, singular ending}: Italian (giacca → giacche, abito → abiti, maglione →
// maglioni, gonna → gonne, camicia → camicie), Polish (sukienka → sukienki) and French in -x
// (manteau → manteaux).
var pluralChanges = [...][2]string{{"che", "ca"}, {"ghe", "ga"}, {"chi", "co"}, {"ghi", "go"}, {"ki", "ka"},
	{"i", "o"}, {"i", "e"}, {"e", "a"}, {"ux", "u"}}

// stems appends to out w and w without each plural ending: the rule words w may be a form of,
// besides those pluralChanges give.
func stems(w string, out []string) []string {
	out = append(out, w)
	for _, e := range pluralEndings {
		if len(w) > len(e) && strings.HasSuffix(w, e) {
			out = append(out, w[:len(w)-len(e)])
		}
	}
	return out
}

// MapProductType maps a retailer's free-text product type or breadcrumb ("Women > Bags > Mini
// Bags", "Sneakers", "Robe longue", "Damen/Schuhe/Stiefel") onto the taxonomy. A full taxonomy
// path is taken as it is; otherwise the most specific segment that names a category or matches
// a keyword rule wins, searching from the last segment back. A word that means different things
// in French and English ("Robes"), or for women and men ("Abiti"), is read in the context of
// the rest of the text. A segment naming a thing's accessory ("Shoe care", "Jewellery box",
// "Sunglasses case") that no rule knows leaves the text unmapped rather than filed as the
// thing. False when nothing matches.
func (t *Taxonomy) MapProductType(text string) (Node, bool) {
	if strings.Contains(text, ">") {
		if n, ok := t.ByPath(text); ok {
			return n, true
		}
	}
	segs := strings.FieldsFunc(text, func(r rune) bool { return r == '>' || r == '/' || r == '|' || r == '\\' })
	for i := len(segs) - 1; i >= 0; i-- {
		seg := strings.TrimSpace(segs[i])
		if seg == "" {
			continue
		}
		words := productWords(seg)
		idx, named := t.byName[nameKey(seg)]
		named = named && len(idx) == 1
		if named && !t.hasFalseFriend(words) {
			return t.nodes[idx[0]], true
		}
		m, matched := t.matchRules(words)
		if matched && (t.rules[m.rule].frNode >= 0 || t.rules[m.rule].menNode >= 0) {
			return t.nodes[t.readInContext(m, words, text)], true
		}
		if named {
			return t.nodes[idx[0]], true
		}
		if matched && t.accessoryPhrase(seg, words) {
			return Node{}, false
		}
		if matched {
			return t.nodes[m.node], true
		}
	}
	return Node{}, false
}

// hasFalseFriend reports whether one of words may be a word read by its context ("Robes").
func (t *Taxonomy) hasFalseFriend(words []string) bool {
	var buf [1 + len(pluralEndings)]string
	for _, w := range words {
		for _, s := range stems(w, buf[:0]) {
			for _, ri := range t.ruleIndex[s] {
				if t.rules[ri].frNode >= 0 || t.rules[ri].menNode >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// frenchWords and englishWords tell the language of a product type's other words, for a word
// the two languages use for different things; mensWords say the text is for men.
var (
	frenchWords = wordSet("femme femmes homme hommes enfant enfants fille filles garcon garcons bebe vetement vetements " +
		"accessoires chaussures sacs bijoux et de des du d la le les pour avec en nouveautes nouveaute soldes ete hiver " +
		"longue longues courte courtes soiree mode maille manches pret porter fleurs")
	englishWords = wordSet("women womens woman ladies men mens man kids girls boys baby clothing clothes apparel and " +
		"for the with of sleepwear nightwear loungewear lounge bath spa home accessories bags shoes new sale dressing gown gowns")
	mensWords = wordSet("men mens man uomo uomini homme hommes herren herr hombre hombres heren")
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// readInContext is the node of m, a rule read by its context, for text: the men's reading when
// text is for men; the French one when more of text's words are French than English, or, with
// no other word at all, for a plural if the rule says French shops name the category so
// ("Robes"); else the rule's own node.
func (t *Taxonomy) readInContext(m ruleMatch, words []string, text string) int {
	r := t.rules[m.rule]
	all := productWords(text)
	fr, en, men := 0, 0, false
	for _, w := range all {
		if frenchWords[w] {
			fr++
		} else if englishWords[w] {
			en++
		}
		men = men || mensWords[w]
	}
	switch {
	case r.menNode >= 0 && men:
		return r.menNode
	case r.frNode < 0:
		return m.node
	case fr > en:
		return r.frNode
	case en > fr:
		return m.node
	case len(all) == m.length && r.frPlural && words[m.end-1] != r.words[len(r.words)-1]:
		return r.frNode
	}
	return m.node
}

// ruleMatch is one rule matching the words of a segment.
type ruleMatch struct {
	rule, node, end, length, chars, order int
	exact                                 bool
}

// accessoryNouns are head nouns of a thing's accessories and care ("Shoe care", "Jewellery
// box", "Watch winder", "Sunglasses case"): such a phrase is not the thing.
var accessoryNouns = wordSet("care box case pouch stand holder organiser organizer rack tray hanger cleaner " +
	"cleaning polish brush spray protector insole tree horn stretcher kit strap winder storage display insert cover")

// accessoryPhrase reports whether the last of seg's coordinated parts ("Bags & Cases" has two)
// ends in an accessory noun after words that name a thing, with no rule for the whole phrase
// ("Watch strap" has one): "Shoe care", "Jewellery boxes", but not "Bags & Cases".
func (t *Taxonomy) accessoryPhrase(seg string, words []string) bool {
	if len(words) < 2 || !isAccessoryNoun(words[len(words)-1]) {
		return false
	}
	part := seg
	if i := strings.LastIndexAny(part, "&,+;"); i >= 0 {
		part = part[i+1:]
	}
	pw := productWords(part)
	for i := len(pw) - 2; i >= 0; i-- {
		if pw[i] == "and" || pw[i] == "und" || pw[i] == "et" || pw[i] == "or" {
			pw = pw[i+1:]
			break
		}
	}
	if len(pw) < 2 {
		return false
	}
	m, ok := t.matchRules(pw)
	return ok && m.end < len(pw)
}

func isAccessoryNoun(w string) bool {
	var buf [1 + len(pluralEndings)]string
	for _, s := range stems(w, buf[:0]) {
		if accessoryNouns[s] {
			return true
		}
	}
	return false
}

// matchRules finds the best rule for the words of one segment. A match whose category is an
// ancestor of another match's is dropped ("Top-Handle Bags" is a top-handle bag, not just a
// bag); of the rest, the rightmost wins, then the longest, then a whole-word one, then the one
// leaving less of the word as an ending ("Vestes" is a veste, not a vest), then the earlier
// rule. A modifier right before a garment wins over it ("Swim shorts").
func (t *Taxonomy) matchRules(words []string) (best ruleMatch, ok bool) {
	var matches []ruleMatch
	add := func(ri, start int) {
		r := t.rules[ri]
		if start+len(r.words) > len(words) {
			return
		}
		if exact, ok := ruleMatchesAt(r, words, start); ok {
			matches = append(matches, ruleMatch{rule: ri, node: r.node, end: start + len(r.words), length: len(r.words),
				chars: r.chars, order: r.order, exact: exact})
		}
	}
	var stemBuf [1 + len(pluralEndings)]string
	var keyBuf [64]byte
	for start, w := range words {
		stemmed := stems(w, stemBuf[:0])
		for _, stem := range stemmed {
			for _, ri := range t.ruleIndex[stem] {
				add(ri, start)
			}
		}
		for _, c := range pluralChanges {
			if len(w) > len(c[0])+1 && strings.HasSuffix(w, c[0]) {
				k := append(append(keyBuf[:0], w[:len(w)-len(c[0])]...), c[1]...)
				for _, ri := range t.ruleIndex[string(k)] {
					add(ri, start)
				}
			}
		}
		// Compounds end in a rule's word, perhaps before a plural ending: look the rules up
		// by the last bytes of each stem.
		seen := len(matches)
		for _, stem := range stemmed {
			if len(stem) < compoundTail {
				continue
			}
		rules:
			for _, ri := range t.compoundIndex[stem[len(stem)-compoundTail:]] {
				for _, m := range matches[seen:] {
					if m.rule == ri {
						continue rules
					}
				}
				if compoundEnd(w, t.rules[ri].words[0]) {
					add(ri, start)
				}
			}
		}
	}
	bi, mi := -1, -1 // the best match, the best modifier
	for i, m := range matches {
		if t.coveredByDescendant(m, matches) {
			continue
		}
		if bi < 0 || better(m, matches[bi]) {
			bi = i
		}
		if t.rules[m.rule].modifier && (mi < 0 || better(m, matches[mi])) {
			mi = i
		}
	}
	if bi < 0 {
		return ruleMatch{}, false
	}
	best = matches[bi]
	if mi >= 0 {
		if m := matches[mi]; m.end == best.end-best.length && t.isClothing(best.node) &&
			!t.IsDescendant(t.nodes[best.node].ID, t.nodes[m.node].ID) {
			best = m
		}
	}
	// "Micro" alone says micro bag only when the text is about bags at all.
	if best.length == 1 && t.nodes[best.node].Name == "Micro Bags" && !hasBagWord(words) {
		return ruleMatch{}, false
	}
	return best, true
}

// isClothing reports whether node (an index) is clothing, or is when the taxonomy has no clothing.
func (t *Taxonomy) isClothing(node int) bool {
	return t.clothing < 0 || node == t.clothing || t.IsDescendant(t.nodes[node].ID, t.nodes[t.clothing].ID)
}

func (t *Taxonomy) coveredByDescendant(m ruleMatch, all []ruleMatch) bool {
	for _, o := range all {
		if o.node != m.node && t.IsDescendant(t.nodes[o.node].ID, t.nodes[m.node].ID) {
			return true
		}
	}
	return false
}

func better(a, b ruleMatch) bool {
	switch {
	case a.end != b.end:
		return a.end > b.end
	case a.length != b.length:
		return a.length > b.length
	case a.exact != b.exact:
		return a.exact
	case a.chars != b.chars:
		return a.chars > b.chars
	}
	return a.order < b.order
}

// ruleMatchesAt reports whether r's words match words from start, and whether every word
// matched whole (not as the end of a compound).
func ruleMatchesAt(r resolvedRule, words []string, start int) (exact, ok bool) {
	exact = true
	for j, w := range r.words {
		got := words[start+j]
		if wordForm(got, w) {
			continue
		}
		if r.compound && len(r.words) == 1 && compoundEnd(got, w) {
			exact = false
			continue
		}
		return false, false
	}
	return exact, true
}

// wordForm reports whether got is want or one of its plural forms (see stems).
func wordForm(got, want string) bool {
	if strings.HasPrefix(got, want) {
		rest := got[len(want):]
		if rest == "" {
			return true
		}
		for _, e := range pluralEndings {
			if rest == e {
				return true
			}
		}
	}
	for _, c := range pluralChanges {
		if len(got) > len(c[0])+1 && strings.HasSuffix(got, c[0]) && strings.HasSuffix(want, c[1]) &&
			got[:len(got)-len(c[0])] == want[:len(want)-len(c[1])] {
			return true
		}
	}
	return false
}

// compoundEnd reports whether got is a longer word ending in want or one of its plurals.
func compoundEnd(got, want string) bool {
	if len(got) <= len(want)+1 {
		return false
	}
	if strings.HasSuffix(got, want) {
		return true
	}
	for _, e := range pluralEndings {
		if len(got) > len(want)+len(e)+1 && strings.HasSuffix(got, e) && strings.HasSuffix(got[:len(got)-len(e)], want) {
			return true
		}
	}
	return false
}

func hasBagWord(words []string) bool {
	for _, w := range words {
		if strings.Contains(w, "bag") || strings.Contains(w, "tasche") || w == "sac" || strings.HasPrefix(w, "bors") || w == "bolso" {
			return true
		}
	}
	return false
}

// productWords folds text into its words: lower case, accents stripped, split at anything
// that is not a letter or digit ("T-Shirts" → "t", "shirts").
func productWords(text string) []string {
	return strings.FieldsFunc(Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
