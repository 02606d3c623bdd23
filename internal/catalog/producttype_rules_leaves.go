package catalog

// Paths of the leaves below, which shops name by words the other rules lack.
const (
	ptCostumes      = ptApparel + " > Costumes & Accessories > Costumes"
	ptHairAcc       = ptAccessories + " > Hair Accessories"
	ptBodyJewelry   = ptJewelry + " > Body Jewelry"
	ptMotorcycle    = ptClothing + " > Activewear > Motorcycle Protective Clothing"
	ptTraditional   = ptClothing + " > Traditional & Ceremonial Clothing"
	ptMaternityBelt = ptAccessories + " > Maternity Belts & Support Bands"
)

// costumeContext are the words of an English costume's title: "Halloween Costume Adult Witch".
const costumeContext = "halloween cosplay carnival fancy party adult adults kids child children toddler boys girls " +
	"women womens men mens unisex inflatable"

// leafRules name leaves of the taxonomy that marketplace titles name by words of their own
// ("Money Clip", "Neck Gaiter", "Long Johns", "Halloween Costume", "Belly Button Ring"), which
// without a rule fall to the nearest garment word or to none.
var leafRules = []productTypeRule{
	{words: "money clip", path: ptWallets},
	{words: "coin purse", path: ptWallets},
	{words: "change purse", path: ptWallets},
	{words: "badge holder", path: ptApparel + " > Handbags, Wallets & Cases > Badge & Pass Holders"},
	{words: "badge reel", path: ptApparel + " > Handbags, Wallets & Cases > Badge & Pass Holders"},
	{words: "lanyard", path: ptBagAcc + " > Lanyards"},
	{words: "waist bag", path: ptHandbags + " > Belt Bags"},
	{words: "fedora", path: ptHats},
	{words: "tie bar", path: ptAccessories + " > Tie Clips"},
	{words: "high top", path: ptShoes + " > Sneakers"}, // "Chuck Taylor All Star High Top"
	{words: "hi top", path: ptShoes + " > Sneakers"},
	{words: "sleepsuit", path: ptClothing + " > Baby & Toddler Clothing > Baby One-Pieces"},
	// British shops' words: court shoes are pumps, ballet pumps flats, wellies boots.
	{words: "court shoe", path: ptShoes + " > Heels", // not "Tennis Court Shoes"
		notAfter:  "tennis basketball volleyball badminton squash netball padel pickleball handball indoor men mens",
		notBefore: "men mens volleyball tennis basketball badminton squash netball padel pickleball handball indoor"},
	{words: "ballet pump", path: ptShoes + " > Flats"},
	{words: "wellies", path: ptShoes + " > Boots"},
	{words: "welly", path: ptShoes + " > Boots"},
	{words: "snowboot", path: ptShoes + " > Boots"},
	{words: "night dress", path: ptSleep + " > Nightgowns"},
	{words: "swimming costume", path: ptClothing + " > Swimwear"},
	{words: "swimming trunk", path: ptClothing + " > Swimwear"},
	{words: "across body", path: ptHandbags + " > Cross-Body Bags"},
	{words: "shopping bag", path: ptHandbags + " > Tote Bags"},
	// An Italian "costume" is mostly a swimsuit, a French one a man's suit: the English word
	// needs an English costume's context.
	{words: "costume", path: ptCostumes, context: costumeContext},
	{words: "dress up", path: ptCostumes},
	{words: "faschingskostüm", path: ptCostumes, compound: true},
	{words: "karnevalskostüm", path: ptCostumes, compound: true},
	{words: "halloweenkostüm", path: ptCostumes, compound: true},
	{words: "halloween mask", path: ptApparel + " > Costumes & Accessories > Masks"},
	{words: "masquerade mask", path: ptApparel + " > Costumes & Accessories > Masks"},
	{words: "wig", path: ptHairAcc + " > Wigs"},
	{words: "wig cap", path: ptHairAcc + " > Wig Accessories > Wig Caps"},
	{words: "tiara", path: ptHairAcc + " > Tiaras"},
	{words: "fascinator", path: ptAccessories + " > Headwear > Fascinators"},
	{words: "bathing suit", path: ptClothing + " > Swimwear"},
	{words: "hair tie", path: ptHairAcc + " > Ponytail Holders"},
	{words: "ponytail holder", path: ptHairAcc + " > Ponytail Holders"},
	{words: "earmuff", path: ptAccessories + " > Earmuffs"},
	{words: "neck gaiter", path: ptAccessories + " > Neck Gaiters"},
	{words: "balaclava", path: ptAccessories + " > Balaclavas"},
	{words: "ski mask", path: ptAccessories + " > Balaclavas"},
	{words: "leg warmer", path: ptAccessories + " > Leg Warmers"},
	{words: "arm warmer", path: ptAccessories + " > Arm Warmers & Sleeves"},
	{words: "arm sleeve", path: ptAccessories + " > Arm Warmers & Sleeves"},
	{words: "handkerchief", path: ptAccessories + " > Handkerchiefs"},
	{words: "folding fan", path: ptAccessories + " > Decorative Fans"},
	{words: "suspenders", path: ptAccessories + " > Suspenders"},
	{words: "suspender belt", path: ptUnderwear + " > Lingerie Accessories > Garter Belts"},
	{words: "wedding veil", path: ptAccessories + " > Bridal Accessories > Bridal Veils"},
	{words: "bridal veil", path: ptAccessories + " > Bridal Accessories > Bridal Veils"},
	{words: "maternity belt", path: ptMaternityBelt},
	{words: "belly band", path: ptMaternityBelt},
	{words: "belly button ring", path: ptBodyJewelry},
	{words: "belly ring", path: ptBodyJewelry},
	{words: "navel ring", path: ptBodyJewelry},
	{words: "septum", path: ptBodyJewelry},
	{words: "septum ring", path: ptBodyJewelry},
	{words: "shapewear", path: ptUnderwear + " > Shapewear"},
	{words: "body shaper", path: ptUnderwear + " > Shapewear"},
	{words: "long johns", path: ptUnderwear + " > Long Johns"},
	{words: "thermal underwear", path: ptUnderwear + " > Long Johns"},
	{words: "motorcycle jacket", path: ptMotorcycle + " > Motorcycle Jackets"},
	{words: "motorbike jacket", path: ptMotorcycle + " > Motorcycle Jackets"},
	{words: "motorcycle pants", path: ptMotorcycle + " > Motorcycle Pants"},
	{words: "motorcycle trousers", path: ptMotorcycle + " > Motorcycle Pants"},
	{words: "chef jacket", path: ptClothing + " > Uniforms > Food Service Uniforms > Chef's Jackets"},
	{words: "chef coat", path: ptClothing + " > Uniforms > Food Service Uniforms > Chef's Jackets"},
	{words: "lab coat", path: ptClothing + " > Uniforms > White Coats"},
	{words: "pant suit", path: ptClothing + " > Suits > Pant Suits"},
	{words: "pantsuit", path: ptClothing + " > Suits > Pant Suits"},
	{words: "dirndl", path: ptTraditional + " > Dirndls", compound: true},
	{words: "trachtenkleid", path: ptTraditional + " > Dirndls", compound: true},
	// The same leaves in German, Dutch, French, Italian and Spanish. A French "bretelle" or
	// Spanish "tirante" is also a dress's strap ("Robe à bretelles", "Vestido de tirantes").
	{words: "hosentrager", path: ptAccessories + " > Suspenders"},
	{words: "bretelles", path: ptAccessories + " > Suspenders", postpositive: true},
	{words: "tirantes", path: ptAccessories + " > Suspenders", postpositive: true},
	{words: "bouton de manchette", path: ptAccessories + " > Cufflinks"},
	{words: "boutons de manchette", path: ptAccessories + " > Cufflinks"},
	{words: "gemelli", path: ptAccessories + " > Cufflinks"},
	{words: "gemelos", path: ptAccessories + " > Cufflinks"},
	{words: "noeud papillon", path: ptAccessories + " > Neckties"},
	{words: "pajarita", path: ptAccessories + " > Neckties"},
	{words: "fußkettchen", path: ptJewelry + " > Anklets"},
	{words: "bracelet de cheville", path: ptJewelry + " > Anklets"},
	{words: "porte cles", path: ptBagAcc + " > Keychains"},
	{words: "porte cle", path: ptBagAcc + " > Keychains"},
	{words: "portachiavi", path: ptBagAcc + " > Keychains"},
	{words: "llavero", path: ptBagAcc + " > Keychains"},
	{words: "schnursenkel", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "lacet", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "lacet de chaussure", path: ptApparel + " > Shoe Accessories > Shoelaces"},
	{words: "brautkleid", path: ptClothing + " > Wedding & Bridal Party Dresses > Wedding Dresses", compound: true},
	{words: "abito da sposa", path: ptClothing + " > Wedding & Bridal Party Dresses > Wedding Dresses"},
	{words: "vestido de novia", path: ptClothing + " > Wedding & Bridal Party Dresses > Wedding Dresses"},
	{words: "sturmhaube", path: ptAccessories + " > Balaclavas"},
	{words: "ohrenwarmer", path: ptAccessories + " > Earmuffs"},
	{words: "beinstulpen", path: ptAccessories + " > Leg Warmers"},
	{words: "diadema", path: ptHairAcc + " > Headbands"},
	{words: "broekpak", path: ptClothing + " > Suits > Pant Suits"},
	{words: "costume intero", path: ptClothing + " > Swimwear"},
	{words: "jogging bottoms", path: ptClothing + " > Pants"},
	{words: "porte manteau", path: notFashion}, // a coat stand
}
