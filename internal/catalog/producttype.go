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
}

// productTypeRules are in English first, then basic French, German, Italian and Spanish.
// The longest match wins; among equally long ones, the rightmost (the head noun of an English
// phrase: "shirt dress" is a dress, "dress shirt" a shirt); then the earlier rule. "Robe" alone
// is a bathrobe, as in English; French phrases ("robe longue", "robe de soirée") are dresses.
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
	{words: "keyring", path: ptBagAcc + " > Keychains"},
	{words: "key ring", path: ptBagAcc + " > Keychains"},
	{words: "keychain", path: ptBagAcc + " > Keychains"},
	{words: "wallet", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "purse", path: ptHandbags},
	{words: "cardholder", path: ptApparel + " > Handbags, Wallets & Cases > Business Card Cases"},
	{words: "card holder", path: ptApparel + " > Handbags, Wallets & Cases > Business Card Cases"},
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
	{words: "swimwear", path: ptClothing + " > Swimwear"},
	{words: "swimsuit", path: ptClothing + " > Swimwear"},
	{words: "bikini", path: ptClothing + " > Swimwear"},
	{words: "swim", path: ptClothing + " > Swimwear"},
	{words: "beachwear", path: ptClothing + " > Swimwear"},
	{words: "pajama", path: ptSleep + " > Pajamas"},
	{words: "pyjama", path: ptSleep + " > Pajamas"},
	{words: "nightgown", path: ptSleep + " > Nightgowns"},
	{words: "nightdress", path: ptSleep + " > Nightgowns"},
	{words: "robe", path: ptSleep + " > Robes"},
	{words: "bathrobe", path: ptSleep + " > Robes"},
	{words: "dressing gown", path: ptSleep + " > Robes"},
	{words: "loungewear", path: ptSleep + " > Loungewear"},
	{words: "sleepwear", path: ptSleep},
	{words: "nightwear", path: ptSleep},
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
	{words: "abito", path: ptDresses},
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
	{words: "scarpe", path: ptShoes},
	{words: "stivali", path: ptShoes + " > Boots"},
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
}

// resolvedRule is a rule whose path was found in one taxonomy: the rule's node, or its
// nearest ancestor the taxonomy has.
type resolvedRule struct {
	words    []string
	compound bool
	node     int // index into Taxonomy.nodes
	order    int
}

func (t *Taxonomy) resolveRules() {
	var out []resolvedRule
	for i, r := range productTypeRules {
		segs := splitTaxonomyPath(r.path)
		for len(segs) > 0 {
			if ni, ok := t.byPath[pathKey(strings.Join(segs, " > "))]; ok {
				out = append(out, resolvedRule{words: strings.Fields(r.words), compound: r.compound, node: ni, order: i})
				break
			}
			segs = segs[:len(segs)-1]
		}
	}
	t.rules = out
	t.ruleIndex = map[string][]int{}
	for i, r := range out {
		t.ruleIndex[r.words[0]] = append(t.ruleIndex[r.words[0]], i)
		if r.compound {
			t.compoundRules = append(t.compoundRules, i)
		}
	}
}

// pluralEndings are the endings wordForm accepts after a rule's word.
var pluralEndings = [...]string{"s", "es", "e", "n", "en", "er"}

// stems appends to out w and w without each plural ending: the rule words w may be a form of.
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
// a keyword rule wins, searching from the last segment back. False when nothing matches.
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
		if idx, ok := t.byName[nameKey(seg)]; ok && len(idx) == 1 {
			return t.nodes[idx[0]], true
		}
		if ni, ok := t.matchRules(productWords(seg)); ok {
			return t.nodes[ni], true
		}
	}
	return Node{}, false
}

// ruleMatch is one rule matching the words of a segment.
type ruleMatch struct {
	node, end, length, order int
	exact                    bool
}

// matchRules finds the best rule for the words of one segment. A match whose category is an
// ancestor of another match's is dropped ("Top-Handle Bags" is a top-handle bag, not just a
// bag); of the rest, the rightmost wins, then the longest, then a whole-word one, then the
// earlier rule.
func (t *Taxonomy) matchRules(words []string) (int, bool) {
	var matches []ruleMatch
	add := func(ri, start int) {
		r := t.rules[ri]
		if start+len(r.words) > len(words) {
			return
		}
		if exact, ok := ruleMatchesAt(r, words, start); ok {
			matches = append(matches, ruleMatch{node: r.node, end: start + len(r.words), length: len(r.words), order: r.order, exact: exact})
		}
	}
	var stemBuf [1 + len(pluralEndings)]string
	for start, w := range words {
		for _, stem := range stems(w, stemBuf[:0]) {
			for _, ri := range t.ruleIndex[stem] {
				add(ri, start)
			}
		}
		for _, ri := range t.compoundRules {
			if compoundEnd(w, t.rules[ri].words[0]) {
				add(ri, start)
			}
		}
	}
	best := -1
	for i, m := range matches {
		if t.coveredByDescendant(m, matches) {
			continue
		}
		if best < 0 || better(m, matches[best]) {
			best = i
		}
	}
	if best < 0 {
		return 0, false
	}
	m := matches[best]
	// "Micro" alone says micro bag only when the text is about bags at all.
	if m.length == 1 && t.nodes[m.node].Name == "Micro Bags" && !hasBagWord(words) {
		return 0, false
	}
	return m.node, true
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

// wordForm reports whether got is want or one of its plural forms.
func wordForm(got, want string) bool {
	if !strings.HasPrefix(got, want) {
		return false
	}
	rest := got[len(want):]
	if rest == "" {
		return true
	}
	for _, e := range pluralEndings {
		if rest == e {
			return true
		}
	}
	return false
}

// compoundEnd reports whether got is a longer word ending in want or one of its plurals.
func compoundEnd(got, want string) bool {
	if len(got) > len(want)+1 && strings.HasSuffix(got, want) {
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
