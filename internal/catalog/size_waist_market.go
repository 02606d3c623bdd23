package catalog

import (
	"regexp"
	"strconv"
	"strings"
)

// JeansWaistNumbers says whether raw is bare numbers of the waists' span, with at most label
// and fit words ("27", "30", "29 Petite", "26, 27"), on jeans of gender: women's jeans are
// numbered 23 to 34 by the waist in inches, men's and unisex ones 23 to 40, and a feed that
// calls such a "27" a US size means the waist (US dress sizes that jeans are also sold in run
// below 23). A dress size ("8", "10") is not.
func JeansWaistNumbers(raw, gender string) bool {
	nums, letters, ok := bareSizeWords(raw, KindBottoms)
	if !ok || letters > 0 || len(nums) == 0 {
		return false
	}
	most := 40
	if g := strings.ToLower(strings.TrimSpace(gender)); g == "female" || g == "women" || g == "womens" || g == "woman" || g == "f" {
		most = 34
	}
	for _, p := range nums {
		n, err := strconv.Atoi(p)
		if err != nil || n < 23 || n > most {
			return false
		}
	}
	return true
}

// statedWaistRE: a waist beside its French (continental) trouser size, "32 (EU 42)", "Size 32
// / FR 42", in folded text.
var statedWaistRE = regexp.MustCompile(`^(?:size\s*:?\s*)?(\d{2})\s*[(\[/|]\s*(?:eu|fr)\s*(\d{2})\s*[)\]]?$`)

// statedWaist says whether raw on men's trousers (kind bottoms, IsMale) is a waist of 28 to 40
// beside the continental size it is ("32 (EU 42)": French and EU men's trouser sizes are the
// waist in inches and 10).
func statedWaist(raw, kind, gender string) bool {
	if kind != KindBottoms || !IsMale(gender) {
		return false
	}
	m := statedWaistRE.FindStringSubmatch(foldSize(raw))
	if m == nil {
		return false
	}
	w, _ := strconv.Atoi(m[1])
	eu, _ := strconv.Atoi(m[2])
	return w >= 28 && w <= 40 && eu == w+10
}
