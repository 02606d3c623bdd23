package catalog

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// materialRule maps folded words (a phrase of one or more) to a material family. Rules are
// tried longest first, so "vegan leather" is never also read as "leather".
type materialRule struct {
	words  string
	family string
}

// materialRules cover English and basic French, German, Italian, Spanish, Dutch, Polish and
// Swedish.
var materialRules = []materialRule{
	// Imitations first: their words contain the real material's.
	{"vegan leather", "vegan leather"}, {"faux leather", "vegan leather"}, {"imitation leather", "vegan leather"},
	{"synthetic leather", "vegan leather"}, {"artificial leather", "vegan leather"}, {"pu leather", "vegan leather"},
	{"leatherette", "vegan leather"}, {"pleather", "vegan leather"}, {"polyurethane", "vegan leather"},
	{"pu", "vegan leather"}, {"vegan suede", "vegan leather"}, {"faux suede", "vegan leather"},
	{"simili cuir", "vegan leather"}, {"cuir vegan", "vegan leather"}, {"kunstleder", "vegan leather"},
	{"veganes leder", "vegan leather"}, {"ecopelle", "vegan leather"}, {"similpelle", "vegan leather"},
	{"polipiel", "vegan leather"}, {"piel sintetica", "vegan leather"}, {"apple leather", "vegan leather"},
	{"cactus leather", "vegan leather"}, {"grape leather", "vegan leather"},
	{"cuir synthetique", "vegan leather"}, {"similicuir", "vegan leather"}, {"simili", "vegan leather"},
	{"effet cuir", "vegan leather"}, {"effet daim", "vegan leather"}, {"pelle sintetica", "vegan leather"},
	{"pelle vegana", "vegan leather"}, {"pelle ecologica", "vegan leather"}, {"finta pelle", "vegan leather"},
	{"effetto pelle", "vegan leather"}, {"effetto camoscio", "vegan leather"}, {"piel vegana", "vegan leather"},
	{"piel ecologica", "vegan leather"}, {"simil piel", "vegan leather"}, {"similpiel", "vegan leather"},
	{"cuero sintetico", "vegan leather"}, {"cuero vegano", "vegan leather"}, {"efecto piel", "vegan leather"},
	{"suedette", "vegan leather"}, {"microsuede", "vegan leather"}, {"micro suede", "vegan leather"},
	{"alcantara", "vegan leather"}, {"pu suede", "vegan leather"}, {"imitation suede", "vegan leather"},
	{"synthetic suede", "vegan leather"}, {"polyurethan", "vegan leather"}, {"poliuretano", "vegan leather"},
	{"poliuretan", "vegan leather"}, {"kunstleer", "vegan leather"}, {"eko skora", "vegan leather"},
	{"skora ekologiczna", "vegan leather"}, {"sztuczna skora", "vegan leather"},
	{"faux fur", "faux fur"}, {"fake fur", "faux fur"}, {"vegan fur", "faux fur"}, {"fausse fourrure", "faux fur"},
	{"kunstpelz", "faux fur"}, {"kunstfell", "faux fur"}, {"pelliccia sintetica", "faux fur"}, {"ecopelliccia", "faux fur"},
	{"pelo sintetico", "faux fur"}, {"faux shearling", "faux fur"}, {"teddy", "faux fur"},
	{"sztuczne futro", "faux fur"},
	{"croc embossed", "croc-embossed"}, {"croc effect", "croc-embossed"}, {"crocodile embossed", "croc-embossed"},
	{"crocodile effect", "croc-embossed"}, {"mock croc", "croc-embossed"}, {"croc print", "croc-embossed"},
	{"croco", "croc-embossed"}, {"effet croco", "croc-embossed"}, {"kroko", "croc-embossed"}, {"cocco", "croc-embossed"},
	{"snake effect", "snake-embossed"}, {"snake embossed", "snake-embossed"}, {"python effect", "snake-embossed"},
	{"snakeskin effect", "snake-embossed"}, {"python print", "snake-embossed"}, {"python embossed", "snake-embossed"},
	{"snake print", "snake-embossed"}, {"snakeskin print", "snake-embossed"},
	// Leathers.
	{"suede", "suede"}, {"nubuck", "suede"}, {"daim", "suede"}, {"velours de cuir", "suede"},
	{"wildleder", "suede"}, {"veloursleder", "suede"}, {"scamosciato", "suede"}, {"camoscio", "suede"},
	{"ante", "suede"}, {"serraje", "suede"}, {"pelle scamosciata", "suede"}, {"scamosciata", "suede"},
	{"nabuk", "suede"}, {"nubuk", "suede"}, {"nobuk", "suede"}, {"zamsz", "suede"}, {"mocka", "suede"},
	{"shearling", "shearling"}, {"sheepskin", "shearling"}, {"lammfell", "shearling"}, {"montone", "shearling"},
	{"peau lainee", "shearling"}, {"borrego", "shearling"},
	{"leather", "leather"}, {"calfskin", "leather"}, {"lambskin", "leather"}, {"nappa", "leather"},
	{"cowhide", "leather"}, {"goatskin", "leather"}, {"patent", "leather"}, {"patent leather", "leather"}, {"cuir", "leather"},
	{"leder", "leather"}, {"pelle", "leather"}, {"piel", "leather"}, {"vitello", "leather"}, {"cuero", "leather"},
	{"vernice", "leather"}, {"verni", "leather"}, {"vernis", "leather"}, {"charol", "leather"},
	{"python", "leather"}, {"pitone", "leather"}, {"lizard", "leather"}, {"ostrich", "leather"},
	{"calf hair", "leather"}, {"calfhair", "leather"}, {"haircalf", "leather"}, {"pony hair", "leather"},
	{"ponyhair", "leather"}, {"cavallino", "leather"}, {"poulain", "leather"},
	{"leer", "leather"}, {"lader", "leather"}, {"skinn", "leather"}, {"skora", "leather"}, {"skory", "leather"},
	{"skorzany", "leather"}, {"skorzana", "leather"}, {"skorzane", "leather"},
	{"fur", "fur"}, {"mink", "fur"}, {"fox fur", "fur"}, {"fourrure", "fur"}, {"pelz", "fur"}, {"pelliccia", "fur"},
	{"pals", "fur"}, {"futro", "fur"}, {"bont", "fur"},
	// Fibres and fabrics.
	{"denim", "denim"}, {"jean", "denim"}, {"chambray", "denim"},
	{"canvas", "canvas"}, {"toile", "canvas"}, {"segeltuch", "canvas"}, {"lona", "canvas"},
	{"cashmere", "cashmere"}, {"cachemire", "cashmere"}, {"kaschmir", "cashmere"}, {"cashmir", "cashmere"},
	{"merino", "wool"}, {"wool", "wool"}, {"lambswool", "wool"}, {"laine", "wool"}, {"wolle", "wool"},
	{"lana", "wool"}, {"alpaca", "wool"}, {"mohair", "wool"}, {"tweed", "wool"}, {"boucle", "wool"},
	{"wol", "wool"}, {"ull", "wool"}, {"merinoull", "wool"}, {"lammull", "wool"}, {"wełna", "wool"}, {"welna", "wool"},
	{"cotton", "cotton"}, {"coton", "cotton"}, {"baumwolle", "cotton"}, {"cotone", "cotton"}, {"algodon", "cotton"},
	{"katoen", "cotton"}, {"bomull", "cotton"}, {"bawełna", "cotton"}, {"bawelna", "cotton"},
	{"poplin", "cotton"}, {"seersucker", "cotton"}, {"terry", "cotton"}, {"corduroy", "cotton"},
	{"linen", "linen"}, {"lin", "linen"}, {"leinen", "linen"}, {"lino", "linen"}, {"linnen", "linen"}, {"len", "linen"},
	{"silk", "silk"}, {"soie", "silk"}, {"seide", "silk"}, {"seta", "silk"}, {"seda", "silk"}, {"satin", "satin"},
	{"zijde", "silk"}, {"siden", "silk"}, {"jedwab", "silk"},
	{"charmeuse", "silk"}, {"crepe de chine", "silk"}, {"habotai", "silk"},
	{"viscose", "viscose"}, {"rayon", "viscose"}, {"modal", "viscose"}, {"lyocell", "viscose"}, {"tencel", "viscose"},
	{"cupro", "viscose"}, {"acetate", "acetate"}, {"triacetate", "acetate"},
	{"viskose", "viscose"}, {"viscosa", "viscose"}, {"viskos", "viscose"}, {"wiskoza", "viscose"}, {"rayonne", "viscose"},
	{"nylon", "nylon"}, {"polyamide", "nylon"}, {"econyl", "nylon"}, {"poliammide", "nylon"}, {"polyamid", "nylon"},
	{"poliamida", "nylon"}, {"poliamid", "nylon"},
	{"polyester", "polyester"}, {"poliestere", "polyester"}, {"poliester", "polyester"}, {"recycled polyester", "polyester"},
	{"elastane", "elastane"}, {"spandex", "elastane"}, {"lycra", "elastane"}, {"elasthan", "elastane"}, {"elastan", "elastane"},
	{"elasthanne", "elastane"}, {"elastano", "elastane"}, {"elastaan", "elastane"},
	{"acrylic", "acrylic"}, {"acrylique", "acrylic"}, {"acryl", "acrylic"}, {"acrilico", "acrylic"}, {"akryl", "acrylic"},
	{"velvet", "velvet"}, {"velours", "velvet"}, {"samt", "velvet"}, {"velluto", "velvet"}, {"terciopelo", "velvet"},
	{"lace", "lace"}, {"dentelle", "lace"}, {"spitze", "lace"}, {"pizzo", "lace"}, {"encaje", "lace"},
	{"tulle", "tulle"}, {"organza", "tulle"}, {"mesh", "mesh"}, {"fleece", "fleece"},
	{"sequin", "sequins"}, {"sequins", "sequins"}, {"paillettes", "sequins"},
	{"down", "down"}, {"duvet", "down"}, {"daune", "down"}, {"piumino", "down"},
	{"raffia", "raffia"}, {"rafia", "raffia"}, {"straw", "raffia"}, {"paille", "raffia"}, {"stroh", "raffia"},
	{"paglia", "raffia"}, {"jute", "raffia"}, {"wicker", "raffia"}, {"rattan", "raffia"},
	{"rubber", "rubber"}, {"caoutchouc", "rubber"}, {"gummi", "rubber"}, {"gomma", "rubber"}, {"goma", "rubber"},
	{"guma", "rubber"},
	{"pvc", "plastic"}, {"vinyl", "plastic"}, {"plastic", "plastic"}, {"resin", "plastic"}, {"acrylic glass", "plastic"},
	{"perspex", "plastic"}, {"tpu", "plastic"},
	{"cork", "cork"}, {"wood", "wood"}, {"bamboo", "wood"},
	// Metals and stones, for jewellery and hardware.
	{"sterling silver", "silver"}, {"silver", "silver"}, {"argent", "silver"}, {"silber", "silver"}, {"argento", "silver"},
	{"solid gold", "gold"}, {"gold", "gold"}, {"gold plated", "gold-plated"}, {"gold vermeil", "gold-plated"},
	{"vermeil", "gold-plated"}, {"gold tone", "metal"}, {"silver tone", "metal"}, {"plaque or", "gold-plated"},
	{"brass", "metal"}, {"stainless steel", "metal"}, {"steel", "metal"}, {"metal", "metal"}, {"titanium", "metal"},
	{"aluminium", "metal"}, {"aluminum", "metal"}, {"copper", "metal"}, {"bronze", "metal"}, {"metallo", "metal"},
	{"pearl", "pearl"}, {"pearls", "pearl"}, {"perle", "pearl"}, {"perla", "pearl"},
	{"crystal", "crystal"}, {"crystals", "crystal"}, {"swarovski", "crystal"}, {"cristal", "crystal"},
	{"glass", "glass"}, {"diamond", "diamond"}, {"diamonds", "diamond"},
}

// cjkMaterials are Japanese material words. Japanese labels write them without spaces
// ("綿100%", "牛革", "合成皮革"), so a word is read by its longest known parts.
var cjkMaterials = map[string]string{
	"綿": "cotton", "コットン": "cotton", "毛": "wool", "羊毛": "wool", "ウール": "wool", "モヘア": "wool",
	"アルパカ": "wool", "カシミヤ": "cashmere", "カシミア": "cashmere", "麻": "linen", "亜麻": "linen",
	"リネン": "linen", "絹": "silk", "シルク": "silk", "ポリエステル": "polyester", "ナイロン": "nylon",
	"ポリアミド": "nylon", "ポリウレタン": "vegan leather", "レーヨン": "viscose", "キュプラ": "viscose",
	"アクリル": "acrylic", "革": "leather", "皮革": "leather", "本革": "leather", "レザー": "leather",
	"合成皮革": "vegan leather", "人工皮革": "vegan leather", "合皮": "vegan leather",
	"フェイクレザー": "vegan leather", "ビーガンレザー": "vegan leather", "ヴィーガンレザー": "vegan leather",
	"スエード": "suede", "スウェード": "suede", "ヌバック": "suede", "ムートン": "shearling", "毛皮": "fur",
	"ファー": "fur", "フェイクファー": "faux fur", "エコファー": "faux fur", "ゴム": "rubber", "ラバー": "rubber",
	"デニム": "denim", "ダウン": "down", "羽毛": "down",
}

// cjkNotMaterials are Japanese words that hold a material's character but name no material:
// 起毛 (brushed, raised nap) and 裏毛 (French terry) hold 毛 (wool), 毛足 (pile length) too,
// 中綿 (padding, filling) holds 綿 (cotton). They are read as words of their own so their
// characters give no family; the filling's material is written beside 中綿.
var cjkNotMaterials = map[string]bool{"起毛": true, "裏毛": true, "毛足": true, "中綿": true}

func init() {
	folded := make(map[string]string, len(cjkMaterials))
	for w, family := range cjkMaterials {
		folded[Fold(w)] = family // as the text is folded: katakana lose their voicing marks
	}
	cjkMaterials = folded
	for w := range cjkNotMaterials {
		cjkNotMaterials[Fold(w)] = true
	}
}

// polyurethaneWords name polyurethane. Alone, or as a garment's whole material ("100%
// polyurethane"), it is a coated vegan leather; as a small share of a fibre composition ("85%
// polyester, 15% polyurethane", "綿95% ポリウレタン5%") it is the stretch fibre, elastane.
var polyurethaneWords = map[string]bool{
	"polyurethane": true, "polyurethan": true, "poliuretano": true, "poliuretan": true, "pu": true,
	Fold("ポリウレタン"): true,
}

// maxElastaneShare is the largest share, in percent, at which polyurethane in a composition is
// read as elastane: stretch blends rarely hold more, PU-coated fabrics hold more.
const maxElastaneShare = 20

// imitationMarkers follow a leather or fur word to make it an imitation ("Leather-look",
// "Suede-effect"), as a word or, in German, the end of a compound ("Lederoptik",
// "Lederimitat").
var imitationMarkers = []string{"look", "effect", "effekt", "optik", "imitat"}

// imitationWords before a leather or fur phrase that has no rule of its own make it an
// imitation ("Faux patent leather", "Synthetic nubuck").
var imitationWords = []string{"faux", "fake", "imitation", "synthetic", "artificial", "vegan", "mock"}

// imitationPrefixes start Dutch, Swedish, Polish and German compounds of an imitation leather
// or fur ("Kunstleer", "Konstläder", "Fuskpäls", "Ekoskóra", "Kunstwildleder").
var imitationPrefixes = []string{"kunst", "konst", "fusk", "nep", "imitatie", "eko"}

// printWords after an animal leather or fur word make it a print on fabric ("Lizard print",
// "Pony hair print"), no leather; before a leather word that leather is read ("Lizard print
// leather").
var printWords = []string{"print", "printed", "prints"}

// shareOnlyWords are fibre words that are common words too (Polish "len", linen, beside the
// "Len: 70 cm" of a length; Finnish "villa", wool, beside a "Villa" print): they are read only
// with a percentage or as the whole text.
var shareOnlyWords = map[string]bool{"len": true, "villa": true}

// imitationOf is the imitation family of a leather or fur family; "" for other materials.
func imitationOf(family string) string {
	switch family {
	case "leather", "suede", "vegan leather":
		return "vegan leather"
	case "fur", "shearling", "faux fur":
		return "faux fur"
	}
	return ""
}

// materialIndex groups materialRules and europeMaterialRules by first word, longest phrase first within a word.
var materialIndex = func() map[string][][]string {
	idx := map[string][][]string{}
	for _, r := range slices.Concat(materialRules, europeMaterialRules) {
		w := strings.Fields(Fold(r.words))
		idx[w[0]] = append(idx[w[0]], append(w, r.family)) // family rides as the last element
	}
	for _, list := range idx {
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j]) > len(list[j-1]); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
	}
	return idx
}()

// NormaliseMaterial names the material families in a retailer's material text ("Croc-embossed
// vegan leather", "70% wool, 30% cashmere", "Cuir de veau", "Lederoptik", "綿100%"), in the
// order they appear, each once; nil when it names none tagdrop knows. Polyurethane is vegan
// leather unless it is a small share of a composition ("85% polyester, 15% polyurethane"),
// where it is elastane. The text itself is kept by callers as the retailer wrote it.
func NormaliseMaterial(text string) []string {
	words, shares, apart := materialWords(Fold(text))
	var out []string
	seen := map[string]bool{}
	add := func(family string) {
		if family != "" && !seen[family] {
			seen[family] = true
			out = append(out, family)
		}
	}
	for i := 0; i < len(words); {
		if isCJK(words[i]) {
			for _, m := range cjkMaterialWords(words[i]) {
				if polyurethaneWords[m] && shares[i] > 0 && shares[i] <= maxElastaneShare {
					add("elastane")
				} else {
					add(cjkMaterials[m])
				}
			}
			i++
			continue
		}
		family, n := materialAt(words, apart, i)
		switch {
		case family == "" && i+1 < len(words) && !apart[i+1] && slices.Contains(imitationWords, words[i]):
			if next, m := materialAt(words, apart, i+1); imitationOf(next) != "" {
				family, n = imitationOf(next), m+1
			} else {
				n = 1
			}
		case family == "":
			n = 1
		case n == 1 && shareOnlyWords[words[i]] && shares[i] == 0 && len(words) > 1:
			family = "" // "Len: 70 cm"
		case n == 1 && polyurethaneWords[words[i]] && shares[i] > 0 && shares[i] <= maxElastaneShare:
			family = "elastane"
		case i+n < len(words) && !apart[i+n] && slices.Contains(imitationMarkers, words[i+n]) && imitationOf(family) != "":
			// "Leather-look" is an imitation; "Ostrich-effect leather" is a leather embossed or
			// printed to look like another, read from the leather word that follows.
			if j := i + n + 1; j < len(words) && !apart[j] && isRealSkin(materialAt(words, apart, j)) {
				family = ""
			} else {
				family = imitationOf(family)
			}
			n++
		case i+n < len(words) && !apart[i+n] && slices.Contains(printWords, words[i+n]) && isRealSkin(family, n):
			family = "" // "Lizard print": a pattern on fabric
			n++
		}
		add(family)
		i += n
	}
	return out
}

// isRealSkin says whether a family found by materialAt is a real leather or fur.
func isRealSkin(family string, n int) bool {
	switch family {
	case "leather", "suede", "fur", "shearling":
		return n > 0
	}
	return false
}

// materialAt is the family of the material rule that starts at words[i] and its length in
// words, or of the one word there read as a compound; "", 0 when none.
func materialAt(words []string, apart []bool, i int) (string, int) {
	for _, cand := range materialIndex[words[i]] {
		phrase, family := cand[:len(cand)-1], cand[len(cand)-1]
		if phraseAt(words, apart, i, phrase) {
			return family, len(phrase)
		}
	}
	if fam := materialCompound(words[i]); fam != "" {
		return fam, 1
	}
	return "", 0
}

// materialCompound reads one word as a compound or plural: an imitation marker or prefix with
// a leather or fur ("lederoptik", "kunstleer", "fuskpals"), or a word ending in a material
// ("Rindleder", "Ziegenleder", "Lamswol").
func materialCompound(w string) string {
	for _, m := range imitationMarkers {
		if stem, ok := strings.CutSuffix(w, m); ok && stem != "" {
			if fam := imitationOf(materialWordFamily(stem)); fam != "" {
				return fam
			}
		}
	}
	for _, p := range imitationPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			if (p == "kunst" || p == "konst") && materialWordFamily(rest) == "silk" {
				return "viscose" // "Kunstseide", "Kunstzijde": artificial silk, the old name of viscose
			}
			if fam := imitationOf(materialWordFamily(rest)); fam != "" {
				return fam
			}
		}
	}
	return materialSuffix(w)
}

// materialWordFamily is the family of a one-word material rule or compound ending ("leder",
// "wildleder", "rindleder"); "" when there is none.
func materialWordFamily(w string) string {
	for _, cand := range materialIndex[w] {
		if len(cand) == 2 {
			return cand[1]
		}
	}
	return materialSuffix(w)
}

// materialWords splits folded material text into words and gives each word the percentage
// written beside it ("85% polyester", "polyester 85%"), 0 when none, and whether a percentage
// or a list separator parts it from the word before. A percentage on either
// side counts unless a list separator (",", ";", "/") parts them; with one on each side (as in
// "polyester 85% polyurethane 15%") the smaller is taken, as the share that is in doubt belongs
// to the minor fibre.
func materialWords(text string) (words []string, shares []float64, apart []bool) {
	type token struct {
		word  string
		share float64 // for a percentage
		sep   bool    // a list separator comes before it
	}
	var toks []token
	sep := false
	rs := []rune(text)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			toks = append(toks, token{word: string(rs[i:j]), sep: sep})
			sep, i = false, j
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.' || rs[j] == ',' && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
				j++
			}
			k := j
			for k < len(rs) && rs[k] == ' ' {
				k++
			}
			if k < len(rs) && (rs[k] == '%' || rs[k] == '％') {
				v, err := strconv.ParseFloat(strings.ReplaceAll(string(rs[i:j]), ",", "."), 64)
				if err == nil {
					toks = append(toks, token{share: v, sep: sep})
					sep = false
				}
				j = k + 1
			}
			i = j
		default:
			if strings.ContainsRune(",;/|()\n", r) {
				sep = true
			}
			i++
		}
	}
	for i, t := range toks {
		if t.word == "" {
			continue
		}
		share := 0.0
		if i > 0 && toks[i-1].word == "" && !t.sep {
			share = toks[i-1].share
		}
		if i+1 < len(toks) && toks[i+1].word == "" && !toks[i+1].sep && (share == 0 || toks[i+1].share < share) {
			share = toks[i+1].share
		}
		words = append(words, t.word)
		shares = append(shares, share)
		apart = append(apart, t.sep || i > 0 && toks[i-1].word == "")
	}
	return words, shares, apart
}

// cjkMaterialWords splits a Japanese word into the cjkMaterials keys it holds, longest first
// from the left ("合成皮革" is one, "牛革" is 革).
func cjkMaterialWords(w string) []string {
	var out []string
	rs := []rune(w)
	for i := 0; i < len(rs); {
		n, material := 0, false
		for l := min(len(rs)-i, 8); l > 0; l-- {
			_, material = cjkMaterials[string(rs[i:i+l])]
			if material || cjkNotMaterials[string(rs[i:i+l])] {
				n = l
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		if material {
			out = append(out, string(rs[i:i+n]))
		}
		i += n
	}
	return out
}

// phraseAt reports whether phrase is written at words[i], its words not parted by a
// percentage or a list separator ("80% pu, 20% suede" is two materials).
func phraseAt(words []string, apart []bool, i int, phrase []string) bool {
	if i+len(phrase) > len(words) {
		return false
	}
	for j, p := range phrase {
		if words[i+j] != p || j > 0 && apart[i+j] {
			return false
		}
	}
	return true
}

// materialSuffix reads German, Dutch and Swedish compounds and plurals of single-word
// materials ("Rindleder", "Kalfsleer", "Nötläder", "Lamswol").
func materialSuffix(w string) string {
	for _, s := range [...]struct{ end, family string }{{"leder", "leather"}, {"wolle", "wool"}, {"seide", "silk"},
		{"leinen", "linen"}, {"leer", "leather"}, {"lader", "leather"}, {"wol", "wool"}, {"katoen", "cotton"}, {"bomull", "cotton"}} {
		if strings.HasSuffix(w, s.end) && len(w) > len(s.end) {
			return s.family
		}
	}
	return ""
}
