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
	{words: "sac a dos", path: ptLuggage + " > Backpacks"},
	{words: "sac a dos", path: ptBackpacks},
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
	{words: "rucksack", path: ptLuggage + " > Backpacks"},
	{words: "rucksack", path: ptBackpacks},
	{words: "pullover", path: ptTops + " > Knitwear", compound: true}, // "Strickpullover"
	{words: "jeanshose", path: ptPants + " > Jeans"},
	{words: "schuh", path: ptShoes, compound: true},
	{words: "turnschuh", path: ptShoes + " > Sneakers"},
	{words: "stiefel", path: ptShoes + " > Boots", compound: true},
	{words: "stiefelette", path: ptShoes + " > Boots"},
	{words: "sandalette", path: ptShoes + " > Sandals"},
	{words: "gurtel", path: ptAccessories + " > Belts", compound: true},
	{words: "schal", path: ptAccessories + " > Scarves & Shawls > Scarves", compound: true},
	{words: "mutze", path: ptAccessories + " > Hats", compound: true},
	{words: "hut", path: ptAccessories + " > Hats", compound: true},
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
	{words: "tacco", path: ptShoes + " > Heels", postpositive: true},
	{words: "sandali", path: ptShoes + " > Sandals"},
	{words: "decollete", path: ptShoes + " > Heels"},
	{words: "cintura", path: ptAccessories + " > Belts", postpositive: true},
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
	{words: "jersey", path: ptTops + " > Knitwear", postpositive: true, // "Schlafanzug aus Jersey"
		notBefore: "t tshirt tshirts tee tees top tops shirt shirts blouse blouses bodysuit cami camisole tank polo"}, // "Jersey T-Shirt": the fabric
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
	{words: "tacon", path: ptShoes + " > Heels", postpositive: true},
	{words: "tacones", path: ptShoes + " > Heels", postpositive: true},
	{words: "zapato de tacon", path: ptShoes + " > Heels"},
	{words: "zapatos de tacon", path: ptShoes + " > Heels"},
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
	{words: "jacka", path: ptCoats, compound: true},
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
