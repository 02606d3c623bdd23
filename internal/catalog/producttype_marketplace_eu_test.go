package catalog

import "testing"

// TestMapProductTypeMarketplaceTitlesEU maps keyword-stuffed marketplace titles of German,
// French, Italian, Spanish, Dutch and Polish shops, and breadcrumbs, with the same things as the
// English ones: phone cases with a wallet ("Etui do iPhone … portfel", "Funda para iPhone …
// cartera"), cases and winders "für" watches, waterproof boots ("Botas impermeables"), a high
// waist ("Pantalón de cintura alta"), surf suits, bowls ("Obstschale") and garden gloves
// ("Tuinhandschoenen"). Paths are spelt out; "" is no category. knownMiss marks what the rules
// still get wrong.
func TestMapProductTypeMarketplaceTitlesEU(t *testing.T) {
	const (
		none       = ""
		active     = "Clothing > Activewear"
		kback      = "Handbags, Wallets & Cases > Handbags > Backpacks"
		bags       = "Handbags, Wallets & Cases > Handbags"
		kband      = "Jewelry > Watch Accessories > Watch Bands|Jewelry > Watch Accessories"
		belt       = "Clothing Accessories > Belts"
		boots      = "Shoes > Boots"
		brace      = "Jewelry > Bracelets"
		bras       = "Clothing > Underwear & Socks > Bras"
		cardcase   = "Handbags, Wallets & Cases > Business Card Cases"
		coats      = "Clothing > Outerwear > Coats & Jackets"
		kcostume   = "Costumes & Accessories > Costumes"
		coverall   = "Clothing > Uniforms > Contractor Pants & Coveralls"
		kcross     = "Handbags, Wallets & Cases > Handbags > Cross-Body Bags|Handbags, Wallets & Cases > Handbags"
		dirndl     = "Clothing > Traditional & Ceremonial Clothing > Dirndls"
		dress      = "Clothing > Dresses"
		ear        = "Jewelry > Earrings"
		flats      = "Shoes > Flats"
		gloves     = "Clothing Accessories > Gloves & Mittens"
		hats       = "Clothing Accessories > Hats"
		heels      = "Shoes > Heels"
		hosiery    = "Clothing > Underwear & Socks > Hosiery"
		jeans      = "Clothing > Pants > Jeans"
		keych      = "Handbag & Wallet Accessories > Keychains"
		knit       = "Clothing > Shirts & Tops > Knitwear"
		lederhosen = "Clothing > Traditional & Ceremonial Clothing > Traditional Leather Pants"
		leggings   = "Clothing > Pants|Clothing > Activewear|Clothing > Underwear & Socks > Hosiery"
		neck       = "Jewelry > Necklaces"
		pants      = "Clothing > Pants"
		pend       = "Jewelry > Charms & Pendants"
		pj         = "Clothing > Sleepwear & Loungewear > Pajamas|Clothing > Sleepwear & Loungewear"
		kring      = "Jewelry > Rings"
		robe       = "Clothing > Sleepwear & Loungewear > Robes"
		sand       = "Shoes > Sandals"
		scarves    = "Clothing Accessories > Scarves & Shawls > Scarves|Clothing Accessories > Scarves & Shawls"
		shawl      = "Clothing Accessories > Scarves & Shawls > Shawls|Clothing Accessories > Scarves & Shawls"
		shoes      = "Shoes"
		shorts     = "Clothing > Shorts"
		shoulder   = "Handbags, Wallets & Cases > Handbags > Shoulder Bags|Handbags, Wallets & Cases > Handbags"
		skirt      = "Clothing > Skirts|Clothing > Skirts > Mini Skirts|Clothing > Skirts > Knee-Length Skirts|Clothing > Skirts > Long Skirts"
		slip       = "Shoes > Slippers"
		sneak      = "Shoes > Sneakers"
		soccer     = "Clothing > Uniforms > Sports Uniforms > Soccer Uniforms|Clothing > Shirts & Tops|Clothing > Activewear"
		socks      = "Clothing > Underwear & Socks > Socks"
		sung       = "Clothing Accessories > Sunglasses"
		swim       = "Clothing > Swimwear"
		ktie       = "Clothing Accessories > Neckties"
		tops       = "Clothing > Shirts & Tops"
		kunder     = "Clothing > Underwear & Socks > Underwear"
		vests      = "Clothing > Outerwear > Vests"
		wallet     = "Handbags, Wallets & Cases > Wallets & Money Clips"
		watch      = "Jewelry > Watches"
		winder     = "Jewelry > Watch Accessories > Watch Winders|"
	)
	checkProductTypes(t, []productTypeCase{
		{"Damen Sommerkleid Lang Boho Maxikleid Strandkleid Blumen V-Ausschnitt", dress, false},
		{"Herren Laufschuhe Sportschuhe Atmungsaktiv Turnschuhe Sneaker Leicht", sneak + "|" + shoes, false},
		{"Damen Ohrringe Silber 925 Creolen Hypoallergen", ear, false},
		{"Kinder Rucksack Schulranzen Set mit Brotdose", kback, false},
		{"Handyhülle für iPhone 15 Leder Klapphülle mit Kartenfach", none, false},
		{"Hundegeschirr Anti Zug Verstellbar Brustgeschirr", none, false},
		{"Schmuckkästchen Organizer Schmuckbox für Damen", none, false},
		{"Hutablage Wandgarderobe Holz", none, false},
		{"Schuhlöffel Lang Edelstahl", none, false},
		{"Kleiderständer Metall Rollen Garderobenständer", none, false},
		{"Uhrenbeweger für Automatikuhren 4 Uhren", winder, false},
		{"Ringmaß Ringgrößen Messgerät", none, false},
		{"Herren Armbanduhr Chronograph Edelstahl Wasserdicht", watch, false},
		{"Uhrenarmband 22mm Leder Schnellwechsel", kband, false},
		{"Damen Winterjacke Lang Warm Gefüttert Parka mit Kapuze", coats, false},
		{"Herren Softshelljacke Wasserdicht Outdoor Übergangsjacke", coats, false},
		{"Schwimmweste Erwachsene Rettungsweste 100N", none, false},
		{"Warnweste Gelb 10 Stück EN ISO 20471", none, false},
		{"Damen Steppweste Leicht Daunenweste Ärmellos", vests, false},
		{"Herren Jeans Slim Fit Stretch Denim Hose", jeans, false},
		{"Damen Stoffhose Weites Bein Leinenhose Sommer Hohe Taille", pants, false},
		{"Herren Cargohose Arbeitshose mit Kniepolster", pants + "|" + coverall, false},
		{"Thermo Strumpfhose Damen Blickdicht Gefüttert", hosiery, false},
		{"Herren Socken 10 Paar Baumwolle Business Socken", socks, false},
		{"Sockenwolle 4-fach 100g Strickgarn", none, false},
		{"Damen Hausschuhe Plüsch Pantoffeln Warm rutschfest", slip, false},
		{"Damen Stiefeletten Blockabsatz Chelsea Boots Leder", boots, false},
		{"Gummistiefel Kinder Regenstiefel Gefüttert", boots, false},
		{"Stiefelknecht Holz Stiefelauszieher", none, false},
		{"Schuhregal 10 Ebenen Schuhschrank", none, false},
		{"Schuhcreme Schwarz Lederpflege", none, false},
		{"Damen Pumps High Heels Spitz Stiletto", heels, false},
		{"Damen Ballerinas Bequem Flach Faltbar", flats, false},
		{"Herren Sandalen Leder Trekkingsandalen Outdoor", sand, false},
		{"Damen Badeanzug Bauchweg Einteiler Push Up", swim, false},
		{"Herren Badehose Boardshorts Schnelltrocknend", swim + "|" + shorts, false},
		{"Neoprenanzug Herren 3mm Surfanzug", none, false},
		{"Damen Handtasche Umhängetasche Leder Klein Schultertasche", shoulder + "|" + kcross + "|" + bags, false},
		{"Kulturtasche Herren zum Aufhängen Reise", none + "|" + bags, false},
		{"Sporttasche Reisetasche mit Schuhfach 40L", bags + "|" + none, false},
		{"Kühltasche Faltbar Picknick 30L", none, false},
		{"Laptoptasche 15,6 Zoll Notebook Tasche", none + "|" + bags, false},
		{"Herren Geldbörse Leder RFID Schutz Portemonnaie Querformat", wallet, false},
		{"Kartenetui Slim Wallet Kreditkartenetui", wallet + "|" + cardcase, false},
		{"Schlüsselanhänger Leder Karabiner", keych, false},
		{"Herren Gürtel Leder 35mm Automatik Schnalle", belt, false},
		{"Werkzeuggürtel Leder Werkzeugtasche", none, false},
		{"Damen Mütze Strickmütze Winter Beanie Bommel", hats, false},
		{"Sonnenhut Damen Faltbar UV Schutz Strohhut", hats, false},
		{"Fahrradhelm Erwachsene Leicht", none, false},
		{"Damen Handschuhe Winter Touchscreen Lederhandschuhe", gloves, false},
		{"Gartenhandschuhe Damen Dornenfest", none, false},
		{"Einweghandschuhe Nitril 100 Stück", none, false},
		{"Damen Schal Kaschmir Winter Groß Stola", scarves + "|" + shawl, false},
		{"Herren Krawatte Seide Schmal Business", ktie, false},
		{"Damen Halskette Gold Edelstahl Kette mit Anhänger", neck + "|" + pend, false},
		{"Damen Armband Silber 925 Tennisarmband", brace, false},
		{"Herren Ring Edelstahl Siegelring", kring, false},
		{"Damen Sonnenbrille Polarisiert Groß Retro", sung, false},
		{"Brillenetui Hartschale", none, false},
		{"Damen BH ohne Bügel Bralette Spitze", bras, false},
		{"Sport BH Damen Starker Halt", bras + "|" + active, false},
		{"Herren Boxershorts 6er Pack Baumwolle Unterhosen", kunder, false},
		{"Damen Schlafanzug Lang Baumwolle Pyjama Set", pj, false},
		{"Bademantel Damen Flauschig Kapuze", robe, false},
		{"Herren Kapuzenpullover Hoodie Sweatshirt", tops, false},
		{"Damen Strickjacke Lang Cardigan Grobstrick", knit, false},
		{"Herren T-Shirt 5er Pack Rundhals Basic", tops, false},
		{"Hundepullover Strick Kleine Hunde", none, false},
		{"Puppenkleidung für 43 cm Puppen Kleider Set", none, false},
		{"Faschingskostüm Damen Hexe Kostüm Halloween", kcostume, false},
		{"Damen Dirndl Midi Trachtenkleid Oktoberfest", dirndl, false},
		{"Herren Lederhose Kurz Trachtenlederhose", lederhosen, true},
		{"Robe d'été femme longue bohème fleurie col V manches courtes", dress, false},
		{"Chaussures de running homme légères respirantes baskets de sport", sneak + "|" + shoes, false},
		{"Boucles d'oreilles créoles argent 925 femme hypoallergéniques", ear, false},
		{"Sac à dos enfant cartable école avec boîte à goûter", kback, false},
		{"Coque pour iPhone 15 étui portefeuille cuir porte-cartes", none, false},
		{"Harnais pour chien anti-traction réglable", none, false},
		{"Boîte à bijoux organisateur de rangement", none, false},
		{"Chausse-pied long métal", none, false},
		{"Montre homme chronographe acier inoxydable étanche", watch, false},
		{"Bracelet de montre 20mm cuir véritable", kband, false},
		{"Doudoune femme longue à capuche manteau d'hiver chaud", coats, false},
		{"Gilet de sauvetage adulte 100N", none, false},
		{"Gilet jaune haute visibilité sécurité", none, false},
		{"Jean slim homme stretch délavé", jeans, false},
		{"Pantalon large femme lin taille haute été", pants, false},
		{"Chaussettes homme lot de 10 paires coton", socks, false},
		{"Chaussons femme pantoufles peluche chaudes antidérapantes", slip, false},
		{"Bottines femme talon bloc cuir zip", boots, false},
		{"Bottes de pluie enfant caoutchouc", boots, false},
		{"Escarpins femme talon aiguille bout pointu", heels, false},
		{"Maillot de bain femme une pièce gainant", swim, false},
		{"Maillot de foot homme domicile 2024", soccer, false},
		{"Sac à main femme cuir bandoulière petit", bags + "|" + kcross + "|" + shoulder, false},
		{"Trousse de toilette homme voyage", none + "|" + bags, false},
		{"Sac de couchage adulte camping", none, false},
		{"Portefeuille homme cuir RFID porte-monnaie", wallet, false},
		{"Ceinture homme cuir boucle automatique", belt, false},
		{"Ceinture de sécurité rallonge voiture", none, false},
		{"Bonnet femme hiver tricot pompon", hats, false},
		{"Gants de jardinage femme", none, false},
		{"Gants hiver femme tactile cuir", gloves, false},
		{"Écharpe femme cachemire grande étole", scarves + "|" + shawl, false},
		{"Collier femme or acier pendentif cœur", neck + "|" + pend, false},
		{"Lunettes de soleil femme polarisées", sung, false},
		{"Soutien-gorge sans armatures dentelle", bras, false},
		{"Pyjama femme coton manches longues ensemble", pj, false},
		{"Pull pour chien tricot petit chien", none, false},
		{"Vêtements de poupée 36 cm robe tenue", none, true},
		{"Vestito donna estivo lungo boho floreale scollo a V", dress, false},
		{"Scarpe da corsa uomo leggere traspiranti sneakers", sneak + "|" + shoes, false},
		{"Orecchini a cerchio argento 925 donna", ear, false},
		{"Zaino scuola bambini con astuccio", kback, false},
		{"Custodia per iPhone 15 in pelle a portafoglio", none, false},
		{"Pettorina per cane antitiro regolabile", none, false},
		{"Portagioie organizer scatola gioielli", none, false},
		{"Orologio uomo cronografo acciaio impermeabile", watch, false},
		{"Cinturino orologio 22mm pelle", kband, false},
		{"Piumino donna lungo con cappuccio giacca invernale", coats, false},
		{"Giubbotto salvataggio adulto", none, false},
		{"Jeans uomo slim fit elasticizzati", jeans, false},
		{"Pantaloni donna palazzo lino vita alta", pants, false},
		{"Calzini uomo cotone 12 paia", socks, false},
		{"Pantofole donna peluche calde", slip, false},
		{"Stivali donna tacco largo pelle", boots, false},
		{"Costume da bagno donna intero contenitivo", swim, false},
		{"Borsa donna a tracolla pelle piccola", kcross + "|" + shoulder + "|" + bags, false},
		{"Borsa frigo termica pieghevole", none, false},
		{"Portafoglio uomo pelle RFID", wallet, false},
		{"Cintura uomo pelle fibbia automatica", belt, false},
		{"Cappello donna invernale berretto lana", hats, false},
		{"Guanti da giardinaggio donna", none, false},
		{"Sciarpa donna cashmere stola", scarves + "|" + shawl, false},
		{"Collana donna oro acciaio ciondolo", neck + "|" + pend, false},
		{"Occhiali da sole donna polarizzati", sung, false},
		{"Vestido largo mujer verano boho floral cuello en V", dress, false},
		{"Zapatillas de running hombre ligeras transpirables deportivas", sneak + "|" + shoes, false},
		{"Pendientes de aro plata 925 mujer hipoalergénicos", ear, false},
		{"Mochila escolar infantil con estuche", kback, false},
		{"Funda para iPhone 15 tipo cartera de cuero con tarjetero", none, false},
		{"Arnés para perro antitirones ajustable", none, false},
		{"Joyero organizador caja de joyas", none, false},
		{"Reloj hombre cronógrafo acero inoxidable resistente al agua", watch, false},
		{"Correa de reloj 20mm cuero", kband, false},
		{"Plumífero mujer largo con capucha abrigo invierno", coats, false},
		{"Chaleco salvavidas adulto", none, false},
		{"Vaqueros hombre slim fit elásticos", jeans, false},
		{"Pantalón ancho mujer lino cintura alta", pants, false},
		{"Calcetines hombre algodón pack 12 pares", socks, false},
		{"Zapatillas de casa mujer pantuflas peluche", slip, false},
		{"Botines mujer tacón ancho piel", boots, false},
		{"Bañador mujer una pieza reductor", swim, false},
		{"Bolso bandolera mujer piel pequeño", kcross + "|" + shoulder + "|" + bags, false},
		{"Neceser hombre viaje", none + "|" + bags, false},
		{"Cartera hombre piel RFID billetera", wallet, false},
		{"Cinturón hombre piel hebilla automática", belt, false},
		{"Gorro mujer invierno punto pompón", hats, false},
		{"Guantes de jardinería mujer", none, false},
		{"Bufanda mujer cachemir estola", scarves + "|" + shawl, false},
		{"Collar mujer oro acero colgante corazón", neck + "|" + pend, false},
		{"Gafas de sol mujer polarizadas", sung, false},
		{"Ropa para muñecas 45 cm vestidos", none, false},
		{"Dames zomerjurk lang boho bloemen V-hals", dress, false},
		{"Heren hardloopschoenen lichtgewicht ademend sneakers", sneak + "|" + shoes, false},
		{"Oorbellen zilver 925 dames creolen", ear, false},
		{"Kinderrugzak schooltas met broodtrommel", kback, false},
		{"Telefoonhoesje voor iPhone 15 leer bookcase pasjeshouder", none, false},
		{"Hondentuig anti trek verstelbaar", none, false},
		{"Sieradendoos organizer", none, false},
		{"Heren horloge chronograaf roestvrij staal waterdicht", watch, false},
		{"Horlogeband 22mm leer", kband, false},
		{"Dames winterjas lang met capuchon warm", coats, false},
		{"Zwemvest volwassenen", none, false},
		{"Heren jeans slim fit stretch", jeans, false},
		{"Dames broek wijde pijpen linnen hoge taille", pants, false},
		{"Heren sokken 10 paar katoen", socks, false},
		{"Dames pantoffels pluche warm antislip", slip, false},
		{"Dames enkellaarzen blokhak leer", boots, false},
		{"Dames badpak corrigerend", swim, false},
		{"Dames schoudertas leer klein crossbody", kcross + "|" + shoulder + "|" + bags, false},
		{"Toilettas heren reis", none + "|" + bags, false},
		{"Heren portemonnee leer RFID", wallet, false},
		{"Heren riem leer automatische gesp", belt, false},
		{"Dames muts winter gebreid pompon", hats, false},
		{"Tuinhandschoenen dames", none, false},
		{"Dames sjaal kasjmier omslagdoek", scarves + "|" + shawl, false},
		{"Dames ketting goud staal hanger", neck + "|" + pend, true},
		{"Zonnebril dames gepolariseerd", sung, false},
		{"Sukienka damska letnia długa boho w kwiaty dekolt V", dress, false},
		{"Buty do biegania męskie lekkie oddychające sneakersy", sneak + "|" + shoes, false},
		{"Kolczyki koła srebro 925 damskie", ear, false},
		{"Plecak szkolny dla dzieci z piórnikiem", kback, false},
		{"Etui do iPhone 15 skórzane z klapką portfel na karty", none, false},
		{"Szelki dla psa regulowane antyciągowe", none, false},
		{"Szkatułka na biżuterię organizer", none, false},
		{"Zegarek męski chronograf stal nierdzewna wodoodporny", watch, false},
		{"Pasek do zegarka 20mm skórzany", kband, false},
		{"Kurtka zimowa damska długa z kapturem puchowa", coats, false},
		{"Kamizelka ratunkowa dla dorosłych", none, false},
		{"Jeansy męskie slim fit stretch", jeans, false},
		{"Spodnie damskie szerokie lniane wysoki stan", pants, false},
		{"Skarpety męskie bawełniane 10 par", socks, false},
		{"Kapcie damskie pluszowe ciepłe", slip, false},
		{"Botki damskie na słupku skórzane", boots, false},
		{"Strój kąpielowy damski jednoczęściowy wyszczuplający", swim, false},
		{"Torebka damska listonoszka skórzana mała", kcross + "|" + bags + "|" + shoulder, false},
		{"Kosmetyczka męska podróżna", none + "|" + bags, false},
		{"Portfel męski skórzany RFID", wallet, false},
		{"Pasek męski skórzany automatyczna klamra", belt, false},
		{"Czapka damska zimowa z pomponem", hats, false},
		{"Rękawice ogrodowe damskie", none, false},
		{"Szalik damski kaszmirowy duży", scarves + "|" + shawl, false},
		{"Naszyjnik damski złoty stal z zawieszką", neck + "|" + pend, false},
		{"Okulary przeciwsłoneczne damskie polaryzacyjne", sung, false},
		{"Ubranka dla lalek 40 cm sukienki", none, false},
		{"Home > Kitchen > Oven Mitts", none, false},
		{"Women > Clothing > Dresses > Maxi Dresses", dress, false},
		{"Men > Shoes > Running Shoes", sneak + "|" + shoes, false},
		{"Pet Supplies > Dogs > Apparel > Sweaters", none, true},
		{"Toys > Dolls > Doll Clothes", none, false},
		{"Sports > Water Sports > Life Jackets", none, false},
		{"Jewelry > Earrings > Hoop Earrings", ear, false},
		{"Home > Storage > Shoe Racks", none, false},
		{"Home > Storage > Jewelry Boxes", none, false},
		{"Tools > Power Tools > Belt Sanders", none, false},
		{"Accessories > Watches > Watch Winders", winder, false},
		{"Damen > Bekleidung > Kleider", dress, false},
		{"Haustier > Hund > Hundebekleidung", none, false},
		{"Spielzeug > Puppen > Puppenkleidung", none, false},
		{"Femme > Chaussures > Baskets", sneak, false},
		{"Animalerie > Chien > Manteaux pour chien", none, false},
		{"Donna > Abbigliamento > Vestiti", dress, false},
		{"Mujer > Bolsos > Bandoleras", kcross, false},
		{"Dames > Schoenen > Laarzen", boots, false},
		{"Kobiety > Odzież > Sukienki", dress, false},
		{"Dom > Kuchnia > Rękawice kuchenne", none, false},
		{"Zapatillas de trekking impermeables hombre", shoes + "|" + sneak, false},
		{"Scarpe da trekking impermeabili uomo", shoes + "|" + sneak, false},
		{"Chaussures de randonnée imperméables femme", shoes + "|" + sneak, false},
		{"Mochila impermeable 30L senderismo", kback, false},
		{"Zaino impermeabile da viaggio", kback, false},
		{"Sac à dos imperméable randonnée", kback, false},
		{"Botas impermeables mujer invierno", boots, false},
		{"Stivali impermeabili donna", boots, false},
		{"Guanti impermeabili moto uomo", gloves + "|" + "Clothing > Activewear > Motorcycle Protective Clothing", false},
		{"Giacca impermeabile uomo con cappuccio", coats, false},
		{"Impermeabile donna lungo con cappuccio", coats, false},
		{"Chubasquero impermeable mujer", coats, false},
		{"Orologio donna acciaio impermeabile 30m", watch, false},
		{"Reloj mujer acero impermeable", watch, false},
		{"Montre femme acier imperméable", watch, false},
		{"Funda impermeable para móvil", none, false},
		{"Pantalón de cintura alta mujer", pants, false},
		{"Vaqueros mujer cintura alta", jeans, false},
		{"Falda midi cintura alta plisada", skirt, false},
		{"Jeans donna vita alta", jeans, false},
		{"Sandalias de tacón mujer", sand + "|" + heels, false},
		{"Sandali con tacco donna", sand + "|" + heels, false},
		{"Stivaletti donna tacco alto", boots, false},
		{"Zapatos de tacón mujer fiesta", heels, false},
		{"Dog Harness Vest No Pull Reflective", none, true},
		{"Women's Pull On Jeggings Stretch", jeans + "|" + pants + "|" + leggings, false},
		{"Pull On Boots Men Western", boots, false},
		{"Etui na okulary twarde", none, false},
		{"Pokrowiec na buty podróżny", none, false},
		{"Szczotka do butów", none, false},
		{"Pudełko na biżuterię", none, false},
		{"Buty do biegania damskie", sneak + "|" + shoes, false},
		{"Spodnie do biegania męskie", pants + "|" + active, false},
		{"Koszulka do biegania damska", tops + "|" + active, false},
		{"Stojak na buty metalowy", none, false},
		{"Surfanzug Damen Neopren", none, false},
		{"Obstschale Keramik", none, false},
		{"Schmuckschale Gold Deko", none, false},
		{"Schale Seide Damen", scarves, false},
		{"Uhrenbox für 10 Uhren Leder", none, false},
		{"Uhrenbeweger Doppel", winder, false},
		{"Hundemantel wasserdicht", none, false},
		{"Hundejacke Winter", none, false},
		{"Life Jackets for Adults 2 Pack", none, false},
		{"Life Vest Kids Swim", none, false},
	})
}

// TestMapProductTypeMarketplaceFeatures maps titles around the words that read as features
// after another item's word (knit, short sleeve, wedge, tacco, tacón, cintura, tuxedo,
// impermeable) and the words saying what a thing is for (Polish "do", German "für"), where they
// still name the item themselves: "Mens Knit", "Women's Wedges", "Impermeabile donna lungo",
// "Buty do biegania", "Faux Fur Hat".
func TestMapProductTypeMarketplaceFeatures(t *testing.T) {
	const (
		none      = ""
		active    = "Clothing > Activewear"
		badge     = "Handbags, Wallets & Cases > Badge & Pass Holders"
		bags      = "Handbags, Wallets & Cases > Handbags"
		balac     = "Clothing Accessories > Balaclavas"
		belt      = "Clothing Accessories > Belts"
		bodyj     = "Jewelry > Body Jewelry"
		boots     = "Shoes > Boots"
		chefj     = "Clothing > Uniforms > Food Service Uniforms > Chef's Jackets|Clothing > Uniforms > Food Service Uniforms"
		coats     = "Clothing > Outerwear > Coats & Jackets"
		kcostume  = "Costumes & Accessories > Costumes"
		dirndl    = "Clothing > Traditional & Ceremonial Clothing > Dirndls"
		dress     = "Clothing > Dresses"
		earmuff   = "Clothing Accessories > Earmuffs"
		espa      = "Shoes > Espadrilles"
		gloves    = "Clothing Accessories > Gloves & Mittens"
		hats      = "Clothing Accessories > Hats"
		heels     = "Shoes > Heels"
		knit      = "Clothing > Shirts & Tops > Knitwear"
		lanyard   = "Handbag & Wallet Accessories > Lanyards"
		legw      = "Clothing Accessories > Leg Warmers"
		longj     = "Clothing > Underwear & Socks > Long Johns"
		lounge    = "Clothing > Sleepwear & Loungewear > Loungewear|Clothing > Sleepwear & Loungewear"
		motoj     = "Clothing > Activewear > Motorcycle Protective Clothing > Motorcycle Jackets|Clothing > Activewear > Motorcycle Protective Clothing"
		neck      = "Jewelry > Necklaces"
		pj        = "Clothing > Sleepwear & Loungewear > Pajamas|Clothing > Sleepwear & Loungewear"
		sand      = "Shoes > Sandals"
		scarves   = "Clothing Accessories > Scarves & Shawls > Scarves|Clothing Accessories > Scarves & Shawls"
		scrunchie = "Clothing Accessories > Hair Accessories > Ponytail Holders|Clothing Accessories > Hair Accessories"
		shape     = "Clothing > Underwear & Socks > Shapewear"
		shoes     = "Shoes"
		shorts    = "Clothing > Shorts"
		slip      = "Shoes > Slippers"
		sneak     = "Shoes > Sneakers"
		soccer    = "Clothing > Uniforms > Sports Uniforms > Soccer Uniforms|Clothing > Shirts & Tops|Clothing > Activewear"
		socks     = "Clothing > Underwear & Socks > Socks"
		suits     = "Clothing > Suits|Clothing > Suits > Pant Suits"
		swim      = "Clothing > Swimwear"
		tops      = "Clothing > Shirts & Tops"
		tux       = "Clothing > Suits > Tuxedos|Clothing > Suits"
		wig       = "Clothing Accessories > Hair Accessories > Wigs"
	)
	checkProductTypes(t, []productTypeCase{
		{"Knit Dress Women Bodycon", dress, false},
		{"Women's Knit Top Short Sleeve", tops + "|" + knit, false},
		{"Chunky Knit Cardigan Women", knit, false},
		{"Cable Knit Sweater Men", knit, false},
		{"Knit Beanie Hat Winter", hats, false},
		{"Knit Scarf Women Chunky", scarves, false},
		{"Mens Knit", knit, false},
		{"Knit Shorts Women Lounge", shorts + "|" + lounge, false},
		{"Polo Shirt Short Sleeve Men", tops, false},
		{"Short Sleeve Shirt Men Casual", tops, false},
		{"Short Sleeve Dress Women", dress, false},
		{"Women's Short Sleeve Tops", tops, false},
		{"Short Sleeve Pajama Set", pj, false},
		{"Wedge Sandals Women Platform", sand, false},
		{"Women's Wedges", heels, false},
		{"Wedge Heel Ankle Boots", boots, false},
		{"Cork Wedge Shoes", heels + "|" + shoes, false},
		{"Espadrille Wedges Women", espa + "|" + heels, false},
		{"Scarpe con tacco donna", heels + "|" + shoes, false},
		{"Décolleté tacco 12 cm", heels, false},
		{"Sandali tacco alto donna", sand + "|" + heels, false},
		{"Tacones mujer fiesta", heels, false},
		{"Zapatos de tacón negros", heels, false},
		{"Cintura donna pelle", belt, false},
		{"Cintura uomo nera", belt, false},
		{"Abito con cintura donna", dress, false},
		{"Tuxedo Jacket Men Slim", coats + "|" + tux, false},
		{"Men's Tuxedo", tux, false},
		{"Tuxedo Shirt Men Wing Collar", tops, false},
		{"Impermeabile donna lungo", coats, false},
		{"Impermeable femme à capuche", coats, false},
		{"Chubasquero impermeable niño", coats, false},
		{"Imperméable homme léger", coats, false},
		{"Buty do biegania męskie", sneak + "|" + shoes, false},
		{"Kurtka do biegania", coats + "|" + active, false},
		{"Sukienka do kolan", dress, false},
		{"Czapka do biegania", hats, false},
		{"Torba do ręki damska", bags, false},
		{"Camisa do Brasil 2024", tops + "|" + soccer, false},
		{"Bolsa do dia feminina", bags, false},
		{"Vestido do dia", dress, false},
		{"Sneaker für Damen weiß", sneak, false},
		{"Mantel für Damen Wolle", coats, false},
		{"Socken für Herren", socks, false},
		{"Spannleisten für Stiefel", none, false},
		{"Einlegesohlen für Schuhe", none, false},
		{"Hülle für iPhone 15", none, false},
		{"Tasche für Damen Leder", bags, false},
		{"Faux Fur Hat Women", hats, false},
		{"Fur Coat Women", coats, false},
		{"Faux Fur Slippers", slip, false},
		{"Hundemantel für kleine Hunde", none, false},
		{"Costume Intero Donna", swim + "|" + none, false},
		{"Costume homme slim 3 pièces", suits + "|" + none, false},
		{"Women's Halloween Costume", kcostume, false},
		{"Costume Jewelry Necklace", neck, false},
		{"Party Dress Women", dress, false},
		{"Dress Up Clothes for Kids", kcostume, false},
		{"Wig Stand Holder", none, false},
		{"Human Hair Wig", wig, false},
		{"Hair Ties 50 Pack", scrunchie, false},
		{"Lanyard with ID Holder", lanyard + "|" + badge, false},
		{"Earmuffs Winter", earmuff, false},
		{"Ski Mask Balaclava", balac, false},
		{"Leg Warmers", legw, false},
		{"Septum Ring Gold", bodyj, false},
		{"Belly Ring", bodyj, false},
		{"Shapewear Shorts", shape + "|" + shorts, false},
		{"Body Shaper Women", shape, false},
		{"Long Johns Men", longj, false},
		{"Motorcycle Jacket", motoj, false},
		{"Chef Coat", chefj, false},
		{"Lab Coat", "Clothing > Uniforms > White Coats", false},
		{"Pant Suit Women", suits, false},
		{"Dirndl Damen", dirndl, false},
		{"Dirndlbluse Damen", tops, true},
		{"Dirndlschürze", none + "|" + dirndl, false},
		{"Life Jacket", none, false},
		{"Golf Bag", none, false},
		{"Golf Shirt Men", tops, false},
		{"Tie Dye Hoodie", tops, false},
		{"Tie Dye Kit", none, false},
		{"Zip Ties", none, false},
		{"Coat Rack", none, false},
		{"Hat Box", none, false},
		{"Hat Box Bag Vintage", bags + "|" + none, false},
		{"Wetsuit Women", none, false},
		{"Swim Vest", none, false},
		{"Obstschale", none, false},
		{"Schals Damen", scarves, false},
		{"Strickschal Damen", scarves, false},
		{"Tuinhandschoenen", none, false},
		{"Handschoenen dames leer", gloves, false},
		{"Leren handschoenen heren", gloves, false},
		{"Schoenen dames", shoes, false},
		{"Werkschoenen heren", shoes + "|" + boots, false},
		{"Funda nórdica", none, false},
		{"Funda para gafas", none, false},
		{"Sac de couchage", none, false},
		{"Sac à main", bags, false},
		{"Giubbotto salvataggio", none, false},
		{"Giubbotto uomo", coats, false},
		{"Surfanzug", none, false},
		{"Anzug Herren", suits, false},
	})
}
