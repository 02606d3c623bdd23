package catalog

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
	ptBackpacks   = ptHandbags + " > Backpacks"
	// ptLuggage is Google's luggage branch, which the shipped taxonomy lacks: a rule onto it
	// files a text there in a taxonomy that has it, and leaves it unmapped in one that does not
	// (a "Cabin Trolley Bag" is no handbag).
	ptLuggage = "Luggage & Bags"
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
	// style: the word also names a style or feature of other categories ("Oxford" shirts,
	// "Cargo" shorts, "Thong" sandals, "Denim" jackets, a "Cushion" cut or sole). As a
	// breadcrumb level under a category it refines that category rather than moving the item
	// ("Men > Shorts > Cargo" are shorts); one naming no category does not override a fashion
	// word before it ("Hiking Socks Cushion Sole").
	style bool
	// colour: the word is also a colour name ("Lipstick Red", "Candle"): after a fashion word
	// it names that item's colour ("Bodycon Dress Lipstick"), and as a breadcrumb's last level
	// under a category it leaves the item there ("Women > Dresses > Lipstick").
	colour bool
	// postpositive: the word also describes a thing named before it, as an adjective or a
	// feature following its noun (Spanish and French "impermeable" is a raincoat and
	// waterproof, Italian "cintura" a belt and the waist of "cintura alta", a "tacco" or "wedge"
	// a heeled shoe and a heel): after a match naming something else it names nothing.
	postpositive bool
	// context: when set, the rule counts only in a text that has one of these words, or whose
	// words besides colours and materials are only the rule's plural: "wedge" is a shoe in
	// "Wedges", "Suede Wedges", "Cork Wedge Shoes" and "Women > Wedges", not in "Sand Wedge
	// 56 Degree", "Wedge Pillow" or "Golf > Clubs > Wedges".
	context string
	// notAfter and notBefore: the rule does not count right after or before one of these
	// words, which make its word another thing's ("Disfraz de mono", "Camiseta con mono" are
	// a monkey's, not a jumpsuit; "Mont Blanc" a mountain and a brand, not a coat).
	notAfter, notBefore string
}

// shoeContext are words that put a shoe style word in a shoe's context: shoe words and
// women's departments, in the languages the rules cover (matched with plural endings).
const shoeContext = "shoe footwear heel heeled sandal espadrille platform cork boot bootie sneaker pump " +
	"women woman ladies lady damen femme femmes mujer donna schuh chaussure zapato scarpe"

// productTypeRules are in English; languageWordRules (producttype_rules_languages.go) follow
// them with basic French, German, Italian, Spanish, Dutch, Swedish, Polish and Japanese. Words
// may be written with accents or in kana: they are folded as the text is. The rightmost match wins (the head noun of an English phrase: "shirt dress"
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
	// A backpack is Google's "Luggage & Bags > Backpacks" when the loaded taxonomy has it, else
	// tagdrop's bag leaf (the earlier of two rules with the same words wins).
	{words: "backpack", path: ptLuggage + " > Backpacks"},
	{words: "backpack", path: ptBackpacks},

	// Shoes.
	{words: "sneaker", path: ptShoes + " > Sneakers"},
	{words: "trainer", path: ptShoes + " > Sneakers"},
	{words: "running shoe", path: ptShoes + " > Sneakers"},
	{words: "boot", path: ptShoes + " > Boots"},
	{words: "bootie", path: ptShoes + " > Boots"},
	{words: "sandal", path: ptShoes + " > Sandals"},
	{words: "slide", path: ptShoes + " > Sandals"},
	{words: "slider", path: ptShoes + " > Sandals"},
	{words: "flip flop", path: ptShoes + " > Sandals"},
	{words: "heel", path: ptShoes + " > Heels"},
	{words: "pump", path: ptShoes + " > Heels"},
	{words: "stiletto", path: ptShoes + " > Heels"},
	{words: "slingback", path: ptShoes + " > Heels"},
	{words: "peep toe", path: ptShoes + " > Heels"},
	{words: "wedge", path: ptShoes + " > Heels", style: true, context: shoeContext, postpositive: true},
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
	{words: "oxford", path: ptShoes, style: true}, // "Oxford shirt" is a shirt, the rightmost word
	{words: "monk", path: ptShoes},
	{words: "monk strap", path: ptShoes},
	{words: "slip on", path: ptShoes},
	{words: "flatform", path: ptShoes},
	{words: "derby", path: ptShoes},
	{words: "shoelace", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "shoe laces", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "sneaker laces", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "boot laces", path: ptApparel + " > Shoe Accessories > Shoelaces"},
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
	{words: "denim", path: ptPants + " > Jeans", style: true, postpositive: true}, // "Jacke - blue denim"
	{words: "trouser", path: ptPants},
	{words: "pant", path: ptPants},
	{words: "chino", path: ptPants},
	{words: "legging", path: ptPants},
	{words: "jogger", path: ptPants},
	{words: "sweatpant", path: ptPants},
	{words: "trackpant", path: ptPants},
	{words: "palazzo", path: ptPants},
	{words: "culotte", path: ptPants, fr: ptUnderwear + " > Underwear", style: true}, // French knickers
	{words: "jegging", path: ptPants},
	{words: "tregging", path: ptPants},
	{words: "cargo", path: ptPants, style: true}, // "Cargos"; "Cargo shorts" are shorts, the rightmost word
	{words: "capri", path: ptPants},
	{words: "slacks", path: ptPants},
	{words: "short", path: ptClothing + " > Shorts"},
	{words: "bermuda", path: ptClothing + " > Shorts"},
	{words: "top", path: ptTops},
	{words: "shirt", path: ptTops, compound: true},
	{words: "t shirt", path: ptTops},
	{words: "tshirt", path: ptTops},
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
	{words: "henley", path: ptTops},
	{words: "button down", path: ptTops}, // "Oxford Button-Down" is a shirt
	{words: "shrug", path: ptTops},
	{words: "knitwear", path: ptTops + " > Knitwear"},
	{words: "knit", path: ptTops + " > Knitwear", postpositive: true}, // "Boot Socks Thick Knit"
	{words: "sweater", path: ptTops + " > Knitwear"},
	{words: "jumper", path: ptTops + " > Knitwear"},
	{words: "pullover", path: ptTops + " > Knitwear"},
	{words: "cardigan", path: ptTops + " > Knitwear"},
	{words: "turtleneck", path: ptTops + " > Knitwear"},
	{words: "sweater vest", path: ptTops + " > Knitwear"},
	{words: "knit vest", path: ptTops + " > Knitwear"},
	{words: "slipover", path: ptTops + " > Knitwear"},
	{words: "coat", path: ptCoats},
	{words: "jacket", path: ptCoats},
	{words: "blazer", path: ptCoats},
	{words: "parka", path: ptCoats},
	{words: "puffer", path: ptCoats},
	{words: "trench", path: ptCoats},
	{words: "anorak", path: ptCoats},
	{words: "bomber", path: ptCoats},
	{words: "overcoat", path: ptCoats},
	{words: "raincoat", path: ptCoats},
	{words: "windbreaker", path: ptCoats},
	{words: "gilet", path: ptClothing + " > Outerwear > Vests"},
	{words: "vest", path: ptClothing + " > Outerwear > Vests"},
	{words: "waistcoat", path: ptClothing + " > Outerwear > Vests"},
	{words: "outerwear", path: ptClothing + " > Outerwear"},
	{words: "suit", path: ptClothing + " > Suits"},
	{words: "tuxedo", path: ptClothing + " > Suits > Tuxedos", postpositive: true}, // "Bow Tie Formal Tuxedo"
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
	{words: "tracksuit", path: ptClothing + " > Activewear"},
	{words: "bra", path: ptUnderwear + " > Bras"},
	{words: "bralette", path: ptUnderwear + " > Bras"},
	{words: "lingerie", path: ptUnderwear + " > Lingerie"},
	{words: "underwear", path: ptUnderwear + " > Underwear"},
	{words: "brief", path: ptUnderwear + " > Underwear"},
	{words: "knicker", path: ptUnderwear + " > Underwear"},
	{words: "boxer", path: ptUnderwear + " > Underwear"},
	{words: "trunk", path: ptUnderwear + " > Underwear", style: true}, // "Swim trunks" are swimwear (a modifier)
	{words: "board trunks", path: ptClothing + " > Swimwear"},
	{words: "hipster", path: ptUnderwear + " > Underwear"},
	{words: "boyshort", path: ptUnderwear + " > Underwear"},
	{words: "thong", path: ptUnderwear + " > Underwear", style: true},
	{words: "sock", path: ptUnderwear + " > Socks"},
	{words: "tights", path: ptUnderwear + " > Hosiery"},
	{words: "stocking", path: ptUnderwear + " > Hosiery"},
	{words: "pantyhose", path: ptUnderwear + " > Hosiery"},
	{words: "hosiery", path: ptUnderwear + " > Hosiery"},
	{words: "sari", path: ptClothing + " > Traditional & Ceremonial Clothing > Saris & Lehengas"},
	{words: "saree", path: ptClothing + " > Traditional & Ceremonial Clothing > Saris & Lehengas"},
	{words: "lehenga", path: ptClothing + " > Traditional & Ceremonial Clothing > Saris & Lehengas"},
	{words: "kurta", path: ptTops},
	{words: "kurti", path: ptTops},
	{words: "churidar", path: ptPants},
	{words: "salwar", path: ptPants},
	{words: "salwar kameez", path: ptClothing + " > Traditional & Ceremonial Clothing"},
	{words: "salwar suit", path: ptClothing + " > Traditional & Ceremonial Clothing"},
	{words: "sharara", path: ptPants},
	{words: "dupatta", path: ptAccessories + " > Scarves & Shawls > Shawls"},
	{words: "mojari", path: ptShoes + " > Flats"},
	{words: "jutti", path: ptShoes + " > Flats"},
	{words: "maang tikka", path: ptJewelry},
	{words: "maang tika", path: ptJewelry},
	{words: "mangalsutra", path: ptJewelry + " > Necklaces"},
	{words: "sleep shirt", path: ptSleep},
	{words: "nightshirt", path: ptSleep},
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
	{words: "pendant", path: ptJewelry + " > Charms & Pendants", notAfter: "oreilles"}, // "Boucles d'oreilles pendantes" dangle
	{words: "charm", path: ptJewelry + " > Charms & Pendants"},
	{words: "earring", path: ptJewelry + " > Earrings"},
	{words: "ear cuff", path: ptJewelry + " > Earrings"},
	{words: "hoop", path: ptJewelry + " > Earrings"},
	{words: "stud", path: ptJewelry + " > Earrings"},
	{words: "jhumka", path: ptJewelry + " > Earrings"},
	{words: "chandbali", path: ptJewelry + " > Earrings"},
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
	{words: "jewelry set", path: ptJewelry + " > Jewelry Sets"},
	{words: "jewellery set", path: ptJewelry + " > Jewelry Sets"},
	{words: "nose pin", path: ptJewelry + " > Body Jewelry"},
	{words: "nosepin", path: ptJewelry + " > Body Jewelry"},
	{words: "nose ring", path: ptJewelry + " > Body Jewelry"},
	{words: "keyring charm", path: ptBagAcc + " > Keychains"},
	{words: "key charm", path: ptBagAcc + " > Keychains"},
	{words: "pocket square", path: ptAccessories + " > Handkerchiefs"},
	{words: "jewellery", path: ptJewelry},
}
