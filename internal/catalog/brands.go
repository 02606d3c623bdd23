package catalog

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// brandRunes folds the accented letters of Latin scripts for BrandKey: decomposed, marks
// dropped, lower-cased, plus the letters decomposition leaves alone ("ø" → "o", "ß" → "ss").
// Built once; a table lookup per rune is far cheaper than a Unicode transformer per call.
var brandRunes = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss",
		'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
		'º': "o", 'ª': "a"} // the ordinal indicators are a raised o and a: "Nº21" is "No21"
	for r := rune(0xC0); r <= 0x24F; r++ {
		if _, ok := m[r]; ok || !unicode.IsLetter(r) {
			continue
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(unicode.ToLower(d))
			}
		}
		m[r] = b.String()
	}
	return m
})

// brandSuffixes are trailing words that are not part of a brand's name: legal forms, shop
// words and the home-city tags labels add to their marks ("Ami Paris", "Kate Spade New York",
// "Tiffany & Co."). Words that are part of names ("Studios" in "Acne Studios", "Collection",
// "Atelier") are not here. A name is never stripped to nothing: "Paris" alone stays "paris".
var brandSuffixes = [][]string{
	{"official", "store"}, {"official", "shop"}, {"online", "store"}, {"online", "shop"}, {"official"},
	{"inc"}, {"incorporated"}, {"ltd"}, {"limited"}, {"llc"}, {"llp"}, {"plc"}, {"gmbh"}, {"ag"},
	{"kg"}, {"spa"}, {"srl"}, {"sa"}, {"sas"}, {"sarl"}, {"sl"}, {"slu"}, {"bv"}, {"nv"}, {"ab"},
	{"as"}, {"a", "s"}, {"aps"}, {"k", "s"}, {"i", "s"}, {"oy"}, {"oyj"}, {"pty"}, {"co"}, {"corp"},
	{"corporation"}, {"company"},
	{"new", "york"}, {"nyc"}, {"paris"}, {"london"}, {"milano"}, {"milan"}, {"copenhagen"},
}

// placeholderBrands are the BrandKeys of the fillers feeds write into a required brand column
// ("N/A", "Unbranded", "No brand", "Generic"): they name no brand.
var placeholderBrands = map[string]bool{
	"na": true, "none": true, "null": true, "unknown": true, "unbranded": true, "nobrand": true,
	"generic": true, "notapplicable": true, "doesnotapply": true, "brand": true, "nobrandname": true,
	"sinmarca": true, "ohnemarke": true, "sansmarque": true, "senzamarca": true,
	"defaultvendor": true, "vendor": true, // Shopify's filler for a product without a vendor
}

// PlaceholderBrand says whether name is a filler rather than a brand ("N/A", "Unbranded").
func PlaceholderBrand(name string) bool { return placeholderBrands[BrandKey(name)] }

// BrandKey is the form under which brand names are compared: accents and case folded, dots and
// apostrophes dropped ("A.P.C." → "apc", "Tod's" → "tods"), "&", "+" and the word "and"
// dropped, legal and marketing suffixes stripped (see brandSuffixes), and the remaining words
// joined without spaces, so "SEE BY CHLOE", "See By Chloé" and "see-by-chloe" are all
// "seebychloe", and "Off White" is "Off-White". A number after "No" is written as after "N°"
// ("No21", "Nº 21" and "N°21" are all "n21").
func BrandKey(name string) string {
	// One pass: fold each rune into buf, noting where words end.
	buf := make([]byte, 0, len(name)+8)
	var endsArr [16]int
	ends := endsArr[:0]
	inWord := false
	closeWord := func() {
		if inWord {
			ends = append(ends, len(buf))
			inWord = false
		}
	}
	table := brandRunes()
	for _, r := range name {
		switch {
		case r == '.' || r == '\'' || r == '’' || r == '`':
			// joins: "A.P.C." → "apc", "Tod's" → "tods"
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			buf = append(buf, byte(r))
			inWord = true
		case r >= 'A' && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
			inWord = true
		case r < utf8.RuneSelf:
			closeWord()
		case unicode.Is(unicode.Mn, r):
			// a combining accent of decomposed text
		default:
			if f, ok := table[r]; ok {
				buf = append(buf, f...)
				inWord = true
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				inWord = true
			} else {
				closeWord()
			}
		}
	}
	closeWord()
	folded := string(buf)
	var wordsArr [16]string
	words := wordsArr[:0]
	start := 0
	changed := false
	for i, end := range ends {
		w := folded[start:end]
		switch {
		case w == "and":
			changed = true
		case w == "no" && i+1 < len(ends) && isDigitByte(folded[end]):
			words = append(words, "n") // "No 21"
			changed = true
		case len(w) > 2 && w[:2] == "no" && allDigits(w[2:]):
			words = append(words, "n"+w[2:]) // "No21"
			changed = true
		default:
			words = append(words, w)
		}
		start = end
	}
	for stripped := true; stripped; {
		stripped = false
		for _, suf := range brandSuffixes {
			if len(words) > len(suf) && wordsEndWith(words, suf) {
				words = words[:len(words)-len(suf)]
				stripped = true
				break
			}
		}
	}
	if len(words) == 0 {
		return ""
	}
	if len(words) == len(ends) && !changed {
		return folded // nothing dropped: the words are folded already, back to back
	}
	return strings.Join(words, "")
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func wordsEndWith(words, suffix []string) bool {
	off := len(words) - len(suffix)
	for i, s := range suffix {
		if words[off+i] != s {
			return false
		}
	}
	return true
}

// Brands is a directory of known brands: each canonical name with its aliases, looked up by
// BrandKey. It is read-only once loaded and safe for concurrent use.
type Brands struct {
	byKey map[string]string // key of a name or alias → canonical name
	names []string          // canonical names, sorted
}

//go:embed brands.txt
var brandsText string

var defaultBrands = sync.OnceValue(func() *Brands {
	b, err := LoadBrands(strings.NewReader(brandsText))
	if err != nil {
		panic(fmt.Sprintf("embedded brands.txt: %v", err)) // TestDefaultBrands keeps it loadable
	}
	return b
})

// DefaultBrands returns the brand directory tagdrop ships (brands.txt): designer, contemporary,
// high-street, sportswear, shoe, bag and jewellery labels with their common aliases.
func DefaultBrands() *Brands { return defaultBrands() }

// LoadBrands reads a brand directory: one brand per line, "Canonical Name | alias | alias",
// '#' starting a comment line. Two brands (or a brand and another's alias) with the same
// BrandKey are an error naming both lines, as is a line without a name.
func LoadBrands(r io.Reader) (*Brands, error) {
	b := &Brands{byKey: map[string]string{}}
	lineOf := map[string]int{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "|")
		canonical := strings.TrimSpace(fields[0])
		if BrandKey(canonical) == "" {
			return nil, fmt.Errorf("brands line %d: %q has no brand name", line, clipText(text))
		}
		for i, f := range fields {
			name := strings.TrimSpace(f)
			key := BrandKey(name)
			if key == "" {
				if i == 0 || name != "" {
					return nil, fmt.Errorf("brands line %d: alias %q has no letters or digits", line, name)
				}
				continue
			}
			if other, dup := b.byKey[key]; dup {
				if other == canonical && i > 0 {
					continue // an alias that folds to the name itself: harmless
				}
				return nil, fmt.Errorf("brands line %d: %q is already %q (line %d)", line, name, other, lineOf[key])
			}
			b.byKey[key] = canonical
			lineOf[key] = line
		}
		b.names = append(b.names, canonical)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("brands line %d: %w", line+1, err)
	}
	sort.Strings(b.names)
	return b, nil
}

// LookupBrand returns the canonical name of a brand known by name or alias ("SEE BY CHLOE" →
// "See by Chloé"); false for a brand the directory does not know. A known brand followed by
// the names of places is that brand ("Burberry London England", "Acne Studios Stockholm"): only
// when what is left is known, so "Paris Texas" or "Tiger of Sweden" stay what they are.
func (b *Brands) LookupBrand(name string) (canonical string, ok bool) {
	if canonical, ok = b.byKey[BrandKey(name)]; ok {
		return canonical, true
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '-' || r == '/' })
	for len(words) > 1 {
		n := trailingPlace(words)
		if n == 0 || n == len(words) {
			return "", false
		}
		words = words[:len(words)-n]
		if canonical, ok = b.byKey[BrandKey(strings.Join(words, " "))]; ok {
			return canonical, true
		}
	}
	return "", false
}

// brandPlaces are the cities, regions and countries labels add after their names (folded; see
// also the cities of brandSuffixes, which BrandKey drops from any name).
var brandPlaces = map[string]bool{
	"england": true, "scotland": true, "wales": true, "ireland": true, "uk": true, "usa": true, "america": true,
	"italy": true, "italia": true, "france": true, "germany": true, "deutschland": true, "spain": true, "espana": true,
	"portugal": true, "denmark": true, "danmark": true, "sweden": true, "sverige": true, "norway": true, "norge": true,
	"finland": true, "iceland": true, "netherlands": true, "holland": true, "belgium": true, "switzerland": true,
	"austria": true, "japan": true, "korea": true, "china": true, "australia": true, "canada": true, "brazil": true,
	"stockholm": true, "oslo": true, "helsinki": true, "reykjavik": true, "amsterdam": true, "antwerp": true,
	"antwerpen": true, "brussels": true, "berlin": true, "munich": true, "munchen": true, "hamburg": true,
	"dusseldorf": true, "vienna": true, "wien": true, "zurich": true, "geneva": true, "geneve": true, "madrid": true,
	"barcelona": true, "lisbon": true, "lisboa": true, "porto": true, "roma": true, "rome": true, "firenze": true,
	"florence": true, "venezia": true, "venice": true, "napoli": true, "torino": true, "tokyo": true, "osaka": true,
	"seoul": true, "shanghai": true, "sydney": true, "melbourne": true, "toronto": true, "montreal": true,
	"vancouver": true, "california": true, "brooklyn": true, "dublin": true, "edinburgh": true, "glasgow": true,
	"manchester": true, "new york": true, "los angeles": true, "hong kong": true, "san francisco": true,
	"paris": true, "london": true, "milano": true, "milan": true, "copenhagen": true, "nyc": true,
}

// trailingPlace is how many of words' last words name a place (two for "New York"), or 0.
func trailingPlace(words []string) int {
	if n := len(words); n >= 2 && brandPlaces[Fold(words[n-2]+" "+words[n-1])] {
		return 2
	}
	if brandPlaces[Fold(strings.Trim(words[len(words)-1], ".()"))] {
		return 1
	}
	return 0
}

// Len is the number of brands (canonical names, not aliases).
func (b *Brands) Len() int { return len(b.names) }

// Names returns the canonical names, sorted.
func (b *Brands) Names() []string { return append([]string(nil), b.names...) }
