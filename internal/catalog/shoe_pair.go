package catalog

import (
	"regexp"
	"strconv"
	"strings"
)

// shoeTokenRE: the runs of letters and of numbers in folded shoe size text ("m9 w10.5" → m, 9,
// w, 10.5).
var shoeTokenRE = regexp.MustCompile(`[a-z]+|\d{1,2}(?:[.,]5|½)?`)

// shoeGenderWords are the words marking a shoe size men's (false) or women's (true); a lone "m"
// or "w" counts only before the number ("M9", "W 10.5"), for after it it is a width ("7 M").
var shoeGenderWords = map[string]bool{"m": false, "men": false, "mens": false, "man": false,
	"w": true, "women": true, "womens": true, "woman": true, "wmns": true, "ladies": true}

// ShoeMenWomen reads a unisex shoe size stated for men and for women at once ("M9 W10.5",
// "Men's 8 / Women's 9.5", "W8.5 / M7", "8 Men's / 9.5 Women's"): the men's and the women's
// US size (such sizes are in US numbering; a "US" beside a number is allowed). ok is false
// unless raw states exactly one men's and one women's size, each a US shoe size, and nothing
// else but separators and "US".
func ShoeMenWomen(raw string) (men, women Size, ok bool) {
	var toks []string
	for _, t := range shoeTokenRE.FindAllString(foldSize(raw), -1) {
		if t != "us" && t != "usa" && t != "size" {
			toks = append(toks, t)
		}
	}
	if len(toks) != 4 {
		return Size{}, Size{}, false
	}
	var found [2]string // men's, women's
	for i := 0; i+1 < len(toks); i += 2 {
		mark, num := toks[i], toks[i+1]
		if hasDigit(mark) {
			mark, num = num, mark // "8 Men's"
			if len(mark) == 1 {
				return Size{}, Size{}, false // "7 M": a width
			}
		}
		isWomen, isMark := shoeGenderWords[mark]
		if !isMark || !hasDigit(num) {
			return Size{}, Size{}, false
		}
		g := 0
		if isWomen {
			g = 1
		}
		if found[g] != "" {
			return Size{}, Size{}, false
		}
		found[g] = num
	}
	var out [2]Size
	for i, num := range found {
		n, err := strconv.ParseFloat(strings.NewReplacer(",", ".", "½", ".5").Replace(num), 64)
		if lo, hi := shoeRange(SystemUS); err != nil || n < lo || n > hi {
			return Size{}, Size{}, false
		}
		out[i] = Size{Kind: KindShoes, System: SystemUS, Value: formatSizeNumber(n)}
	}
	return out[0], out[1], true
}
