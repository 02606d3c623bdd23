package catalog

import (
	"strings"
	"unicode"
)

// czechColourWords are Czech and Slovak colour adjectives in their masculine form ("černý",
// "čierny"); init adds the feminine and neuter ("černá", "černé").
var czechColourWords = map[string]string{
	// Czech
	"černý": Black, "bílý": White, "krémový": White, "šedý": Grey, "šedivý": Grey, "béžový": Beige,
	"hnědý": Brown, "červený": Red, "vínový": Red, "bordó": Red, "růžový": Pink, "oranžový": Orange,
	"žlutý": Yellow, "zelený": Green, "olivový": Green, "tyrkysový": Green, "modrý": Blue, "tmavomodrý": Blue,
	"fialový": Purple, "zlatý": Gold, "stříbrný": Silver, "vícebarevný": Multi, "barevný": Multi,
	// Slovak
	"čierny": Black, "biely": White, "sivý": Grey, "hnedý": Brown, "ružový": Pink, "žltý": Yellow,
	"strieborný": Silver, "viacfarebný": Multi,
}

// europeColourWords are colour words of Hungarian, Romanian, Greek, Turkish, Finnish, Danish,
// Norwegian, Portuguese and Korean shops, and more Polish ones, with the inflected forms those
// shops write; they join colourWords folded (init). A word already there keeps its family.
var europeColourWords = map[string]string{
	// Polish
	"wielobarwny": Multi, "wielobarwna": Multi, "wielobarwne": Multi, "kolorowy": Multi, "kolorowa": Multi,
	"kolorowe": Multi,
	// Polish colour nouns, named after an adjective ("Butelkowa zieleń", "Złamana biel")
	"czerń": Black, "biel": White, "szarość": Grey, "brąz": Brown, "czerwień": Red,
	"zieleń": Green, "błękit": Blue, "granat": Blue, "fiolet": Purple,
	// Hungarian
	"fekete": Black, "fehér": White, "törtfehér": White, "krém": White, "szürke": Grey, "bézs": Beige,
	"barna": Brown, "piros": Red, "vörös": Red, "bordó": Red, "rózsaszín": Pink, "narancs": Orange,
	"narancssárga": Orange, "sárga": Yellow, "zöld": Green, "kék": Blue, "lila": Purple, "arany": Gold,
	"ezüst": Silver, "tarka": Multi, "többszínű": Multi, "mintás": Multi,
	// Romanian
	"negru": Black, "neagră": Black, "negre": Black, "alb": White, "albă": White, "albe": White,
	"crem": White, "gri": Grey, "bej": Beige, "maro": Brown, "roșu": Red, "roșie": Red, "roşu": Red,
	"roşie": Red, "visiniu": Red, "vișiniu": Red, "roz": Pink, "portocaliu": Orange, "galben": Yellow,
	"galbenă": Yellow, "albastru": Blue, "albastră": Blue, "bleumarin": Blue, "mov": Purple,
	"auriu": Gold, "argintiu": Silver,
	// Greek
	"μαύρο": Black, "μαύρος": Black, "μαύρη": Black, "λευκό": White, "λευκός": White, "λευκή": White,
	"άσπρο": White, "άσπρος": White, "άσπρη": White, "εκρού": White, "γκρι": Grey, "μπεζ": Beige,
	"καφέ": Brown, "κόκκινο": Red, "κόκκινος": Red, "κόκκινη": Red, "μπορντό": Red, "ροζ": Pink,
	"πορτοκαλί": Orange, "κίτρινο": Yellow, "κίτρινος": Yellow, "κίτρινη": Yellow, "πράσινο": Green,
	"πράσινος": Green, "πράσινη": Green, "χακί": Green, "μπλε": Blue, "γαλάζιο": Blue, "γαλάζια": Blue,
	"μωβ": Purple, "λιλά": Purple, "χρυσό": Gold, "χρυσός": Gold, "χρυσή": Gold, "ασημί": Silver,
	"πολύχρωμο": Multi,
	// Turkish; init adds each with a dotted i for the dotless one, as upper-case text folds
	"siyah": Black, "beyaz": White, "krem": White, "ekru": White, "füme": Grey, // gri, bej: as Romanian
	"kahverengi": Brown, "taba": Brown, "kırmızı": Red, "bordo": Red, "pembe": Pink, "turuncu": Orange,
	"sarı": Yellow, "hardal": Yellow, "yeşil": Green, "haki": Green, "mavi": Blue, "lacivert": Blue,
	"mor": Purple, "altın": Gold, "gümüş": Silver, "çok renkli": Multi, "renkli": Multi,
	// Finnish: light red (vaaleanpunainen) is pink
	"musta": Black, "valkoinen": White, "harmaa": Grey, "ruskea": Brown, "punainen": Red,
	"viininpunainen": Red, "vaaleanpunainen": Pink, "oranssi": Orange, "keltainen": Yellow,
	"vihreä": Green, "sininen": Blue, "violetti": Purple, "liila": Purple, "kulta": Gold, "hopea": Silver,
	"monivärinen": Multi,
	// Danish and Norwegian: light red (lyserød) is pink
	"sort": Black, "hvid": White, "hvit": White, "grå": Grey, "brun": Brown, "rød": Red, "vinrød": Red,
	"lyserød": Pink, "lyserosa": Pink, "gul": Yellow, "grøn": Green, "grønn": Green, "blå": Blue,
	"lilla": Purple, "gull": Gold, "sølv": Silver, "flerfarvet": Multi, "flerfarget": Multi,
	// Portuguese
	"preto": Black, "preta": Black, "branco": White, "branca": White, "cinza": Grey, "cinzento": Grey,
	"cinzenta": Grey, "bege": Beige, "castanho": Brown, "castanha": Brown, "marrom": Brown,
	"vermelho": Red, "vermelha": Red, "laranja": Orange, "amarelo": Yellow, "amarela": Yellow,
	"marinho": Blue, "roxo": Purple, "roxa": Purple, "lilás": Purple, "dourado": Gold, "dourada": Gold,
	"prateado": Silver, "multicor": Multi,
	// Korean: loanwords and native words, alone or before 색 ("colour")
	"블랙": Black, "검정": Black, "검정색": Black, "검은색": Black, "화이트": White, "흰색": White,
	"하얀색": White, "아이보리": White, "크림": White, "그레이": Grey, "회색": Grey, "차콜": Grey,
	"베이지": Beige, "브라운": Brown, "갈색": Brown, "카멜": Brown, "레드": Red, "빨강": Red,
	"빨간색": Red, "와인": Red, "버건디": Red, "핑크": Pink, "분홍": Pink, "분홍색": Pink, "오렌지": Orange,
	"옐로우": Yellow, "노랑": Yellow, "노란색": Yellow, "그린": Green, "초록": Green, "초록색": Green,
	"카키": Green, "민트": Green, "블루": Blue, "파랑": Blue, "파란색": Blue, "네이비": Blue, "남색": Blue,
	"소라": Blue, "데님": Blue, "퍼플": Purple, "보라": Purple, "보라색": Purple, "라벤더": Purple,
	"골드": Gold, "금색": Gold, "실버": Silver, "은색": Silver, "멀티": Multi,
}

// colourCodes are the three-letter colour codes feeds write for a colour ("BLK", "NVY",
// "BLK/WHT").
var colourCodes = map[string]string{
	"blk": Black, "wht": White, "nvy": Blue, "gry": Grey, "brn": Brown, "pnk": Pink, "grn": Green,
	"slv": Silver, "gld": Gold, "ylw": Yellow, "prp": Purple, "khk": Green, "olv": Green, "crm": White,
	"bge": Beige,
}

// europeColourPrefixes start Czech, Slovak, Hungarian, Finnish, Danish and Norwegian compounds of
// light or dark and a colour ("Tmavomodrá", "Sötétkék", "Tummansininen", "Mørkeblå").
var europeColourPrefixes = []string{
	"tmavo", "tmave", "svetlo", "svetle", "sotet", "vilagos", "tumman", "vaalean", "mørke", "mørk", "lyse",
}

// isHangul reports whether w holds Korean letters, which Korean shops write without spaces
// ("다크네이비", dark navy): such a word is read from its end, as a Japanese one is.
func isHangul(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

func init() {
	add := func(w, fam string) {
		if w = Fold(w); colourWords[w] == "" {
			colourWords[w] = fam
		}
	}
	for w, fam := range czechColourWords {
		for _, form := range slavicForms(w) {
			add(form, fam)
		}
	}
	for w, fam := range europeColourWords {
		add(w, fam)
		add(strings.ReplaceAll(w, "ı", "i"), fam) // Turkish "KIRMIZI" lower-cases to "kirmizi"
		if stem, ok := strings.CutSuffix(Fold(w), "ς"); ok {
			add(stem+"σ", fam) // Greek capitals lower-case to a medial sigma: "ΜΑΥΡΟΣ"
		}
	}
	for w, fam := range colourCodes {
		add(w, fam)
	}
	for _, p := range europeColourPrefixes {
		colourPrefixes = append(colourPrefixes, Fold(p))
	}
}

// accentedOnlyColours are colour words that, their accents folded away, spell a common word of
// another language that names no colour: Czech "šedá" (grey) folds to Spanish and Portuguese
// "seda" (silk), which shops write in their material options. Such a word is a colour only as
// written with its accents (the value here: "Šedá", not "Seda").
var accentedOnlyColours = map[string]string{"seda": "šed"}

// withoutLookalikes blanks out of f, the folded name, the words of accentedOnlyColours that name
// does not write with their accents.
func withoutLookalikes(name, f string) string {
	for folded, accented := range accentedOnlyColours {
		if !strings.Contains(f, folded) || strings.Contains(strings.ToLower(name), accented) {
			continue
		}
		var b strings.Builder
		start := -1
		word := func(end int) {
			if w := f[start:end]; w == folded {
				b.WriteString(strings.Repeat(" ", len(w)))
			} else {
				b.WriteString(w)
			}
			start = -1
		}
		for i, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				word(i)
			}
			b.WriteRune(r)
		}
		if start >= 0 {
			word(len(f))
		}
		f = b.String()
	}
	return f
}
