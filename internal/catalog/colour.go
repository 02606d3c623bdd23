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
	"melange": Grey, "steel": Grey,
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
}

// colourSeparators split names of several colours ("Black/White", "Navy & Cream").
var colourSeparators = map[string]bool{"and": true, "et": true, "und": true, "e": true, "y": true, "with": true}

// ColourFamily files a retailer's colour name ("Lime Green", "Cream", "Burgundy", "Bleu
// marine", "Black/White") under a family; "" when it names no colour tagdrop knows. In one
// colour name the last colour word decides ("blue green" is a green); two colours joined by
// "/", "&", "and" or "," of different families are multi.
func ColourFamily(name string) string {
	f := strings.ReplaceAll(Fold(name), "ß", "ss")
	if f == "" {
		return ""
	}
	if fam, ok := colourWords[f]; ok { // the common case: one word
		return fam
	}
	var families []string
	for _, part := range strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune("/&,+|;", r) }) {
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

// colourOfWords is the family of one colour name: a known phrase or word at its end, else its
// last colour word ("light blue", "blue green", "bleu marine").
func colourOfWords(words []string) string {
	for n := min(len(words), 4); n >= 2; n-- {
		suffix := strings.Join(words[len(words)-n:], " ")
		if fam, ok := colourPhrases[suffix]; ok {
			return fam
		}
		if fam, ok := colourWords[suffix]; ok {
			return fam
		}
	}
	for i := len(words) - 1; i >= 0; i-- {
		if fam, ok := colourWords[words[i]]; ok {
			return fam
		}
	}
	return ""
}
