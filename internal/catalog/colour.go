package catalog

import (
	"strings"
	"unicode"
)

// The colour families a product's colour is filed under, for filters and facets. The
// retailer's own colour name is kept beside the family.
const (
	Black  = "black"
	White  = "white"
	Grey   = "grey"
	Beige  = "beige"
	Brown  = "brown"
	Red    = "red"
	Pink   = "pink"
	Orange = "orange"
	Yellow = "yellow"
	Green  = "green"
	Blue   = "blue"
	Purple = "purple"
	Gold   = "gold"
	Silver = "silver"
	Multi  = "multi"
)

// ColourFamilies lists the families in display order.
var ColourFamilies = []string{Black, White, Grey, Beige, Brown, Red, Pink, Orange, Yellow, Green, Blue, Purple, Gold, Silver, Multi}

// colourPhrases are multi-word colour names whose family differs from their last word's.
var colourPhrases = map[string]string{
	"off white": White, "rose gold": Gold, "champagne gold": Gold, "gun metal": Silver,
	"dusty rose": Pink, "old rose": Pink, "rose pink": Pink, "hot pink": Pink, "blush pink": Pink,
	"army green": Green, "bottle green": Green, "british racing green": Green,
	"sky blue": Blue, "navy blue": Blue, "royal blue": Blue, "bleu marine": Blue, "blu navy": Blue,
	"light brown": Brown, "dark brown": Brown, "tan brown": Brown, "coffee brown": Brown,
	"tortoise shell": Brown, "animal print": Multi, "leopard print": Multi, "multi colour": Multi,
	"multi color": Multi, "multi coloured": Multi, "multi colored": Multi, "tie dye": Multi,
	"bois de rose": Pink, "vieux rose": Pink, "blanc casse": White, "gris chine": Grey,
	"nero opaco": Black, "sand beige": Beige, "oat milk": Beige, "natural white": White,
	"salt and pepper": Grey, "pepper and salt": Grey,
	"almond milk": Beige,
	// One colour, also when hyphenated (see hyphenPair): blue-black is a black.
	"blue black": Black, "navy black": Black,
	// White gold is a silver-coloured metal, whatever its words say.
	"white gold": Silver, "or blanc": Silver, "oro bianco": Silver, "oro blanco": Silver,
	// Rose gold in French, Italian and Spanish: a gold, not a pink.
	"or rose": Gold, "oro rosa": Gold,
	// Denim washes name a blue.
	"stone wash": Blue, "acid wash": Blue,
	// Polish ivory.
	"kosc słoniowa": White,
}

// colourWords map folded colour words, in English and basic French, German, Italian and
// Spanish, to a family. Adjectives ("light", "dark", "pale") are not here: they do not change
// the family.
var colourWords = map[string]string{
	// black
	"black": Black, "noir": Black, "noire": Black, "schwarz": Black, "nero": Black, "nera": Black, "negro": Black,
	"negra": Black, "jet": Black, "onyx": Black, "ebony": Black, "ink": Black, "obsidian": Black, "licorice": Black,
	// white
	"white": White, "cream": White, "ivory": White, "ecru": White, "offwhite": White, "snow": White,
	"chalk": White, "pearl": White, "vanilla": White, "eggshell": White, "milk": White, "coconut": White,
	"blanc": White, "blanche": White, "weiss": White, "creme": White, "bianco": White, "bianca": White,
	"avorio": White, "panna": White, "blanco": White, "blanca": White, "crudo": White, "optic": White, "alabaster": White,
	// grey
	"grey": Grey, "gray": Grey, "charcoal": Grey, "anthracite": Grey, "slate": Grey, "ash": Grey,
	"smoke": Grey, "graphite": Grey, "pewter": Grey, "heather": Grey, "stone": Grey, "concrete": Grey,
	"fog": Grey, "dove": Grey, "gris": Grey, "grau": Grey, "grigio": Grey, "antracite": Grey, "marengo": Grey,
	"melange": Grey, "steel": Grey, "pebble": Grey,
	// beige
	"beige": Beige, "nude": Beige, "sand": Beige, "oatmeal": Beige, "oat": Beige, "biscuit": Beige,
	"taupe": Beige, "stone beige": Beige, "khaki beige": Beige, "natural": Beige, "linen": Beige,
	"champagne": Beige, "bone": Beige, "greige": Beige, "ecorce": Beige, "putty": Beige, "mushroom": Beige,
	"camel beige": Beige, "nudo": Beige, "sabbia": Beige, "arena": Beige, "hueso": Beige, "fawn": Beige, "buff": Beige,
	"latte": Beige, "almond": Beige, "wheat": Beige, "straw": Beige, "raffia": Beige,
	// brown
	"brown": Brown, "camel": Brown, "tan": Brown, "cognac": Brown, "chocolate": Brown, "chestnut": Brown,
	"caramel": Brown, "coffee": Brown, "espresso": Brown, "mocha": Brown, "toffee": Brown, "walnut": Brown,
	"mahogany": Brown, "rust": Brown, "tobacco": Brown, "cocoa": Brown, "hazelnut": Brown, "brandy": Brown,
	"cinnamon": Brown, "umber": Brown, "sienna": Brown, "bronze": Brown, "copper": Brown, "tortoiseshell": Brown,
	"tortoise": Brown, "havana": Brown, "leopard": Brown, "marron": Brown, "chocolat": Brown, "braun": Brown,
	"marrone": Brown, "cuoio": Brown, "moro": Brown, "testa di moro": Brown, "marron glace": Brown, "cafe": Brown,
	"chocolate brown": Brown, "cuero": Brown, "nut": Brown, "acorn": Brown, "truffle": Brown,
	// red
	"red": Red, "burgundy": Red, "bordeaux": Red, "wine": Red, "oxblood": Red, "cherry": Red, "scarlet": Red,
	"crimson": Red, "ruby": Red, "maroon": Red, "merlot": Red, "claret": Red, "brick": Red, "cardinal": Red,
	"garnet": Red, "carmine": Red, "vermilion": Red, "tomato": Red, "rouge": Red, "rot": Red, "rosso": Red,
	"rossa": Red, "rojo": Red, "roja": Red, "granate": Red, "vinaccia": Red, "amaranth": Red, "sangria": Red,
	"raspberry": Red, "cranberry": Red, "berry": Red, "poppy": Red,
	// pink
	"pink": Pink, "blush": Pink, "rose": Pink, "fuchsia": Pink, "magenta": Pink, "salmon": Pink,
	"powder": Pink, "bubblegum": Pink, "flamingo": Pink, "petal": Pink, "ballet": Pink, "cerise": Pink,
	"dusty": Pink, "rosa": Pink, "rosado": Pink, "pinkish": Pink, "candy": Pink, "peony": Pink, "orchid": Pink,
	"watermelon": Pink, "shocking": Pink, "cipria": Pink,
	// orange
	"orange": Orange, "coral": Orange, "peach": Orange, "apricot": Orange, "tangerine": Orange,
	"terracotta": Orange, "pumpkin": Orange, "amber": Orange, "ochre": Orange, "ocher": Orange,
	"papaya": Orange, "mandarin": Orange, "melon": Orange, "clementine": Orange, "arancione": Orange,
	"arancio": Orange, "naranja": Orange, "corail": Orange, "peche": Orange, "persimmon": Orange, "saffron": Orange,
	// yellow
	"yellow": Yellow, "mustard": Yellow, "lemon": Yellow, "canary": Yellow, "butter": Yellow,
	"sunflower": Yellow, "daffodil": Yellow, "citrine": Yellow, "honey": Yellow, "maize": Yellow,
	"jaune": Yellow, "gelb": Yellow, "giallo": Yellow, "amarillo": Yellow, "chartreuse": Yellow,
	"buttercup": Yellow, "lime yellow": Yellow, "sun": Yellow, "senape": Yellow, "moutarde": Yellow,
	// green
	"green": Green, "lime": Green, "olive": Green, "khaki": Green, "sage": Green, "mint": Green,
	"emerald": Green, "forest": Green, "bottle": Green, "jade": Green, "pistachio": Green,
	"moss": Green, "hunter": Green, "kelly": Green, "fern": Green, "seafoam": Green, "teal": Green,
	"military": Green, "army": Green, "pine": Green, "basil": Green, "avocado": Green, "kiwi": Green,
	"apple": Green, "matcha": Green, "eucalyptus": Green, "vert": Green, "verte": Green, "grun": Green,
	"verde": Green, "kaki": Green, "oliva": Green, "salvia": Green, "menta": Green, "smeraldo": Green,
	"turquoise": Green, "aquamarine": Green, "celadon": Green, "viridian": Green, "harlequin": Green,
	"chartreuse green": Green, "fir": Green, "malachite": Green,
	// blue
	"blue": Blue, "navy": Blue, "cobalt": Blue, "denim": Blue, "indigo": Blue, "azure": Blue,
	"sapphire": Blue, "cerulean": Blue, "cornflower": Blue, "sky": Blue, "powder blue": Blue,
	"petrol": Blue, "aqua": Blue, "cyan": Blue, "ultramarine": Blue, "marine": Blue, "midnight": Blue,
	"ocean": Blue, "royal": Blue, "steel blue": Blue, "baby": Blue, "chambray": Blue, "ice": Blue,
	"bleu": Blue, "blau": Blue, "blu": Blue, "azul": Blue, "azzurro": Blue, "celeste": Blue, "marino": Blue,
	"turchese": Blue, "oltremare": Blue, "periwinkle": Blue, "lapis": Blue, "blueberry": Blue,
	// purple
	"purple": Purple, "lilac": Purple, "lavender": Purple, "violet": Purple, "plum": Purple,
	"mauve": Purple, "aubergine": Purple, "eggplant": Purple, "amethyst": Purple, "grape": Purple,
	"mulberry": Purple, "heather purple": Purple, "lila": Purple, "viola": Purple, "morado": Purple,
	"violeta": Purple, "prune": Purple, "violett": Purple, "puce": Purple, "wisteria": Purple, "iris": Purple,
	// gold
	"gold": Gold, "golden": Gold, "gilt": Gold, "brass": Gold, "dore": Gold, "oro": Gold,
	"dorado": Gold, "gilded": Gold,
	// silver
	"silver": Silver, "metallic": Silver, "chrome": Silver, "platinum": Silver, "gunmetal": Silver,
	"argent": Silver, "silber": Silver, "argento": Silver, "plata": Silver, "plateado": Silver, "mercury": Silver,
	// multi
	"multi": Multi, "multicolour": Multi, "multicolor": Multi, "multicoloured": Multi, "multicolored": Multi,
	"rainbow": Multi, "print": Multi, "printed": Multi, "floral": Multi, "patterned": Multi,
	"check": Multi, "plaid": Multi, "tartan": Multi, "striped": Multi, "stripe": Multi, "camouflage": Multi,
	"camo": Multi, "paisley": Multi, "mehrfarbig": Multi, "multicolore": Multi, "multicolori": Multi,
	"multicolores": Multi, "bunt": Multi, "assorted": Multi, "mixed": Multi, "various": Multi, "polka": Multi,
	"gingham": Multi, "houndstooth": Multi, "patchwork": Multi, "colourblock": Multi, "colorblock": Multi,
	// More of French, German, Italian and Spanish: shade names, feminine and plural forms, prints.
	"anthrazit": Grey, "oliv": Green, "turkis": Green, "senf": Yellow, "koralle": Orange, "natur": Beige,
	"weissgold": Silver, "argente": Silver, "argentee": Silver, "doree": Gold, "bleue": Blue, "grise": Grey,
	"brun": Brown, "brune": Brown, "fauve": Brown, "noisette": Brown, "sable": Beige, "brique": Red,
	"imprime": Multi, "imprimee": Multi, "imprimes": Multi, "imprimees": Multi, "gemustert": Multi,
	"bedruckt": Multi, "gestreift": Multi, "kariert": Multi, "raye": Multi, "rayee": Multi, "rayes": Multi,
	"rayees": Multi, "rayures": Multi, "rigato": Multi, "rigata": Multi, "righe": Multi, "rayas": Multi,
	"rayado": Multi, "rayada": Multi,
	"cammello": Brown, "nocciola": Brown, "tortora": Beige, "naturale": Beige, "fantasia": Multi,
	"stampato": Multi, "stampata": Multi, "argentato": Silver, "argentata": Silver, "dorato": Gold, "dorata": Gold,
	"fucsia": Pink, "corallo": Orange, "ottanio": Blue, "petrolio": Blue, "bluette": Blue,
	"caqui": Green, "burdeos": Red, "estampado": Multi, "estampada": Multi, "beis": Beige, "topo": Beige,
	"mostaza": Yellow, "turquesa": Green, "vino": Red, "tostado": Brown, "plateada": Silver,
	// Neutrals and shades English retailers use.
	"oyster": Beige, "neutral": Beige, "neutrals": Beige,
	// Texture and wash words (see colourTextures).
	"marl": Grey, "chine": Grey, "meliert": Grey, "wash": Blue, "stonewash": Blue, "stonewashed": Blue,
	"acidwash": Blue, "rinse": Blue,
}

// moreColourWords are colour words in Dutch, Polish, Swedish and Japanese, written as those
// retailers write them; they join colourWords folded (init), so katakana keep their readable
// spelling here. A word already in colourWords keeps its family there.
var moreColourWords = map[string]string{
	// Dutch
	"zwart": Black, "wit": White, "grijs": Grey, "antraciet": Grey, "zand": Beige, "bruin": Brown, "rood": Red,
	"roze": Pink, "oranje": Orange, "geel": Yellow, "groen": Green, "blauw": Blue, "paars": Purple,
	"goud": Gold, "zilver": Silver, "witgoud": Silver, "veelkleurig": Multi,
	// Swedish
	"svart": Black, "vit": White, "vitt": White, "grå": Grey, "brun": Brown, "röd": Red, "rött": Red,
	"gul": Yellow, "grön": Green, "blå": Blue, "marin": Blue, "turkos": Green, "guld": Gold, "kräm": White,
	"kamel": Brown, "konjak": Brown, "flerfärgad": Multi,
	// Japanese: kanji (alone or with 色, "colour") and katakana loanwords.
	"黒": Black, "白": White, "灰": Grey, "茶": Brown, "赤": Red, "桃": Pink, "黄": Yellow, "緑": Green,
	"青": Blue, "紺": Blue, "水色": Blue, "紫": Purple, "金": Gold, "銀": Silver, "生成り": White, "生成": White,
	"ブラック": Black, "クロ": Black, "ホワイト": White, "シロ": White, "アイボリー": White, "クリーム": White,
	"エクリュ": White, "キナリ": White, "グレー": Grey, "グレイ": Grey, "チャコール": Grey, "ベージュ": Beige,
	"グレージュ": Beige, "トープ": Beige, "ブラウン": Brown, "キャメル": Brown, "モカ": Brown, "レッド": Red,
	"ワイン": Red, "ボルドー": Red, "ピンク": Pink, "オレンジ": Orange, "テラコッタ": Orange, "イエロー": Yellow,
	"マスタード": Yellow, "グリーン": Green, "カーキ": Green, "オリーブ": Green, "ミント": Green,
	"ターコイズ": Green, "ブルー": Blue, "ネイビー": Blue, "サックス": Blue, "インディゴ": Blue, "デニム": Blue,
	"パープル": Purple, "ラベンダー": Purple, "ゴールド": Gold, "シルバー": Silver, "ホワイトゴールド": Silver,
	"マルチ": Multi, "マルチカラー": Multi,
}

// polishColourWords are Polish colour adjectives in their masculine form; init adds the
// feminine and neuter ("czarna", "czarne"; "niebieska", "niebieskie").
var polishColourWords = map[string]string{
	"czarny": Black, "biały": White, "kremowy": White, "szary": Grey, "grafitowy": Grey, "beżowy": Beige,
	"brązowy": Brown, "czerwony": Red, "bordowy": Red, "różowy": Pink, "pomarańczowy": Orange, "żółty": Yellow,
	"zielony": Green, "oliwkowy": Green, "turkusowy": Green, "niebieski": Blue, "granatowy": Blue,
	"błękitny": Blue, "fioletowy": Purple, "złoty": Gold, "srebrny": Silver, "wielokolorowy": Multi,
}

// colourTextures are words for a fabric's texture or a denim's wash that also suggest a colour
// ("Grey Melange", "Denim", "Light Wash"); a colour word beside them decides ("Navy Melange",
// "Black Denim").
var colourTextures = map[string]bool{
	"melange": true, "heather": true, "marl": true, "chine": true, "meliert": true, "denim": true,
	"wash": true, "stonewash": true, "stonewashed": true, "acidwash": true, "stone wash": true,
	"acid wash": true, "rinse": true, Fold("デニム"): true,
}

// colourPrefixes are the first halves of compound colour names in German, Dutch, Swedish and
// Polish ("Dunkelblau", "Weinrot", "Donkerblauw", "Marinblå", "Ciemnoszary"): light, dark and
// shade nouns whose compound keeps the family of the colour word after them.
var colourPrefixes = []string{
	// German
	"dunkel", "hell", "mittel", "tief", "blass", "pastell", "neon", "zart", "alt", "wein", "kirsch", "rost",
	"marine", "himmel", "konigs", "nacht", "eis", "jeans", "petrol", "rauch", "stein", "schiefer", "silber",
	"gold", "creme", "woll", "schnee", "natur", "tannen", "oliv", "moos", "flaschen", "apfel", "gras", "mint",
	"schoko",
	// Dutch
	"donker", "licht", "midden", "helder", "zacht", "oud", "kobalt",
	// Swedish
	"ljus", "mork", "mellan", "klar", "marin", "vin", "kram", "himmels",
	// Polish
	"ciemno", "jasno",
}

func init() {
	add := func(w, fam string) {
		if w = Fold(w); colourWords[w] == "" {
			colourWords[w] = fam
		}
	}
	for w, fam := range moreColourWords {
		add(w, fam)
	}
	for w, fam := range polishColourWords {
		for _, form := range slavicForms(w) {
			add(form, fam)
		}
	}
}

// slavicForms are a Polish, Czech or Slovak colour adjective in its masculine form and the
// feminine and neuter: "czarny", "czarna", "czarne"; "niebieski", "niebieska", "niebieskie";
// "černý", "černá", "černé".
func slavicForms(w string) []string {
	if stem, ok := strings.CutSuffix(w, "i"); ok {
		return []string{w, stem + "a", stem + "ie"}
	}
	for _, y := range []string{"y", "ý"} {
		if stem, ok := strings.CutSuffix(w, y); ok {
			a, e := "a", "e"
			if y == "ý" {
				a, e = "á", "é"
			}
			return []string{w, stem + a, stem + e}
		}
	}
	return []string{w}
}

// colourSeparators split names of several colours ("Black/White", "Navy & Cream").
var colourSeparators = map[string]bool{"and": true, "et": true, "und": true, "e": true, "y": true, "with": true}

// ColourFamily files a retailer's colour name ("Lime Green", "Cream", "Burgundy", "Bleu
// marine", "Black/White", "Dunkelblau", "ネイビー") under a family; "" when it names no colour
// tagdrop knows. In one colour name the last colour word decides ("blue green" is a green), but
// a texture or wash word gives way to a colour beside it ("Navy Melange", "Black Denim"); two
// colours joined by "/", "&", "and" or "," of different families are multi.
func ColourFamily(name string) string {
	f := withoutLookalikes(name, strings.ReplaceAll(Fold(name), "ß", "ss"))
	if strings.TrimSpace(f) == "" {
		return ""
	}
	if fam, ok := colourWords[f]; ok { // the common case: one word
		return fam
	}
	f = joinNakaguro(f)
	var families []string
	for _, part := range colourParts(f) {
		// A part may join colours with a word: "navy and cream".
		var words []string
		flush := func() {
			if fam := colourOfWords(words); fam != "" {
				families = append(families, fam)
			}
			words = words[:0]
		}
		for _, w := range strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if colourSeparators[w] {
				flush()
				continue
			}
			words = append(words, w)
		}
		flush()
	}
	switch {
	case len(families) == 0:
		return ""
	case len(families) == 1:
		return families[0]
	}
	for _, fam := range families[1:] {
		if fam != families[0] {
			return Multi
		}
	}
	return families[0]
}

// joinNakaguro drops a "・" (the Japanese middle dot) that parts the halves of one colour word
// ("ホワイト・ゴールド" is ホワイトゴールド, white gold); elsewhere it joins two colours
// ("ホワイト・ブラック"), as "×" does ("ブラック×ホワイト", "白×黒").
func joinNakaguro(f string) string {
	if !strings.ContainsRune(f, '・') {
		return f
	}
	parts := strings.Split(f, "・")
	out := parts[0]
	for _, p := range parts[1:] {
		a := strings.TrimRightFunc(out, isKanaWordRune)
		b := strings.TrimLeftFunc(p, isKanaWordRune)
		if _, ok := colourWords[out[len(a):]+p[:len(p)-len(b)]]; ok {
			out += p
		} else {
			out += "・" + p
		}
	}
	return out
}

// isKanaWordRune: the letters of a Japanese colour word, the long-vowel mark ー among them.
func isKanaWordRune(r rune) bool {
	return r == 'ー' || r != '・' && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// colourOfWords is the family of one colour name: its last colour phrase or word ("light blue",
// "blue green", "bleu marine", "white gold plated"), passing over texture and wash words when
// another colour word is there ("Navy Melange", "Black Denim"; "Grey Melange" alone stays grey).
func colourOfWords(words []string) string {
	texture := ""
	for end := len(words); end > 0; end-- {
		fam, n, tex := colourEndingAt(words[:end])
		if fam == "" {
			continue
		}
		if !tex {
			return fam
		}
		if texture == "" {
			texture = fam
		}
		end -= n - 1
	}
	return texture
}

// colourEndingAt finds the colour phrase or word that words end with: its family, its length in
// words and whether it is a texture or wash word.
func colourEndingAt(words []string) (fam string, n int, texture bool) {
	for n := min(len(words), 4); n >= 2; n-- {
		suffix := strings.Join(words[len(words)-n:], " ")
		if fam, ok := colourPhrases[suffix]; ok {
			return fam, n, colourTextures[suffix]
		}
		if fam, ok := colourWords[suffix]; ok {
			return fam, n, colourTextures[suffix]
		}
	}
	fam, texture = colourWord(words[len(words)-1])
	return fam, 1, texture
}

// colourWord is the family of one folded word, read also as a compound: a German, Dutch,
// Swedish or Polish one of a colourPrefixes word and a colour ("dunkelblau", "donkerblauw"), or
// a Japanese one, whose last colour word decides ("ライトグレー", "ネイビーブルー", "黒色").
func colourWord(w string) (fam string, texture bool) {
	if fam, ok := colourWords[w]; ok {
		return fam, colourTextures[w]
	}
	if isCJK(w) || isHangul(w) {
		return cjkColour(w)
	}
	for _, p := range colourPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			if _, isColour := colourWords[p]; isColour && !compoundHeads[rest] {
				continue // "Goldstone" is no gold stone-grey; "Goldgelb", "Olivgrün" are
			}
			if fam, ok := colourWords[rest]; ok {
				return fam, colourTextures[rest]
			}
		}
	}
	return "", false
}

// compoundHeads are the basic colour words that end compounds whose first half is itself a
// colour ("Goldgelb", "Silbergrau", "Olivgrün", "Marineblau", "Marinblå", "Cremeweiß"): such a
// prefix before any other word ("Goldstone") makes no compound tagdrop reads.
var compoundHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`schwarz weiss grau braun rot rosa gelb grun blau lila orange beige turkis
		zwart wit grijs bruin rood roze geel groen blauw paars oranje
		svart vit gra brun rod gul gron bla
		black white grey gray brown red pink yellow green blue purple`) {
		m[Fold(w)] = true
	}
	for w := range polishColourWords {
		m[Fold(w)] = true
	}
	return m
}()

// cjkColour reads a Japanese colour name written without spaces from its end: a colour word
// ending it decides, unless it is a texture word ("ブラックデニム") and a colour comes before it.
func cjkColour(w string) (fam string, texture bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "系"), "色") // "-ish", "colour"
	for w != "" {
		found := false
		for i := range w { // longest suffix first
			f, ok := colourWords[w[i:]]
			if !ok {
				continue
			}
			if !colourTextures[w[i:]] {
				return f, false
			}
			if fam == "" {
				fam, texture = f, true
			}
			w, found = w[:i], true
			break
		}
		if !found {
			break
		}
	}
	return fam, texture
}

// isCJK reports whether w holds Han, Hiragana or Katakana letters.
func isCJK(w string) bool {
	for _, r := range w {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}
