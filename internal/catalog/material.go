package catalog

import (
	"strings"
	"unicode"
)

// materialRule maps folded words (a phrase of one or more) to a material family. Rules are
// tried longest first, so "vegan leather" is never also read as "leather".
type materialRule struct {
	words  string
	family string
}

// materialRules cover English and basic French, German, Italian and Spanish.
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
	{"faux fur", "faux fur"}, {"fake fur", "faux fur"}, {"vegan fur", "faux fur"}, {"fausse fourrure", "faux fur"},
	{"kunstpelz", "faux fur"}, {"kunstfell", "faux fur"}, {"pelliccia sintetica", "faux fur"}, {"ecopelliccia", "faux fur"},
	{"pelo sintetico", "faux fur"}, {"faux shearling", "faux fur"}, {"teddy", "faux fur"},
	{"croc embossed", "croc-embossed"}, {"croc effect", "croc-embossed"}, {"crocodile embossed", "croc-embossed"},
	{"crocodile effect", "croc-embossed"}, {"mock croc", "croc-embossed"}, {"croc print", "croc-embossed"},
	{"croco", "croc-embossed"}, {"effet croco", "croc-embossed"}, {"kroko", "croc-embossed"}, {"cocco", "croc-embossed"},
	{"snake effect", "snake-embossed"}, {"snake embossed", "snake-embossed"}, {"python effect", "snake-embossed"},
	{"snakeskin effect", "snake-embossed"},
	// Leathers.
	{"suede", "suede"}, {"nubuck", "suede"}, {"daim", "suede"}, {"velours de cuir", "suede"},
	{"wildleder", "suede"}, {"veloursleder", "suede"}, {"scamosciato", "suede"}, {"camoscio", "suede"},
	{"ante", "suede"}, {"serraje", "suede"},
	{"shearling", "shearling"}, {"sheepskin", "shearling"}, {"lammfell", "shearling"}, {"montone", "shearling"},
	{"peau lainee", "shearling"}, {"borrego", "shearling"},
	{"leather", "leather"}, {"calfskin", "leather"}, {"lambskin", "leather"}, {"nappa", "leather"},
	{"cowhide", "leather"}, {"goatskin", "leather"}, {"patent", "leather"}, {"cuir", "leather"},
	{"leder", "leather"}, {"pelle", "leather"}, {"piel", "leather"}, {"vitello", "leather"},
	{"fur", "fur"}, {"mink", "fur"}, {"fox fur", "fur"}, {"fourrure", "fur"}, {"pelz", "fur"}, {"pelliccia", "fur"},
	// Fibres and fabrics.
	{"denim", "denim"}, {"jean", "denim"}, {"chambray", "denim"},
	{"canvas", "canvas"}, {"toile", "canvas"}, {"segeltuch", "canvas"}, {"lona", "canvas"},
	{"cashmere", "cashmere"}, {"cachemire", "cashmere"}, {"kaschmir", "cashmere"}, {"cashmir", "cashmere"},
	{"merino", "wool"}, {"wool", "wool"}, {"lambswool", "wool"}, {"laine", "wool"}, {"wolle", "wool"},
	{"lana", "wool"}, {"alpaca", "wool"}, {"mohair", "wool"}, {"tweed", "wool"}, {"boucle", "wool"},
	{"cotton", "cotton"}, {"coton", "cotton"}, {"baumwolle", "cotton"}, {"cotone", "cotton"}, {"algodon", "cotton"},
	{"poplin", "cotton"}, {"seersucker", "cotton"}, {"terry", "cotton"}, {"corduroy", "cotton"},
	{"linen", "linen"}, {"lin", "linen"}, {"leinen", "linen"}, {"lino", "linen"},
	{"silk", "silk"}, {"soie", "silk"}, {"seide", "silk"}, {"seta", "silk"}, {"seda", "silk"}, {"satin", "satin"},
	{"charmeuse", "silk"}, {"crepe de chine", "silk"}, {"habotai", "silk"},
	{"viscose", "viscose"}, {"rayon", "viscose"}, {"modal", "viscose"}, {"lyocell", "viscose"}, {"tencel", "viscose"},
	{"cupro", "viscose"}, {"acetate", "acetate"}, {"triacetate", "acetate"},
	{"nylon", "nylon"}, {"polyamide", "nylon"}, {"econyl", "nylon"}, {"poliammide", "nylon"}, {"polyamid", "nylon"},
	{"polyester", "polyester"}, {"poliestere", "polyester"}, {"poliester", "polyester"}, {"recycled polyester", "polyester"},
	{"elastane", "elastane"}, {"spandex", "elastane"}, {"lycra", "elastane"}, {"elasthan", "elastane"}, {"elastan", "elastane"},
	{"acrylic", "acrylic"}, {"acrylique", "acrylic"}, {"acryl", "acrylic"}, {"acrilico", "acrylic"},
	{"velvet", "velvet"}, {"velours", "velvet"}, {"samt", "velvet"}, {"velluto", "velvet"}, {"terciopelo", "velvet"},
	{"lace", "lace"}, {"dentelle", "lace"}, {"spitze", "lace"}, {"pizzo", "lace"}, {"encaje", "lace"},
	{"tulle", "tulle"}, {"organza", "tulle"}, {"mesh", "mesh"}, {"fleece", "fleece"},
	{"sequin", "sequins"}, {"sequins", "sequins"}, {"paillettes", "sequins"},
	{"down", "down"}, {"duvet", "down"}, {"daune", "down"}, {"piumino", "down"},
	{"raffia", "raffia"}, {"rafia", "raffia"}, {"straw", "raffia"}, {"paille", "raffia"}, {"stroh", "raffia"},
	{"paglia", "raffia"}, {"jute", "raffia"}, {"wicker", "raffia"}, {"rattan", "raffia"},
	{"rubber", "rubber"}, {"caoutchouc", "rubber"}, {"gummi", "rubber"}, {"gomma", "rubber"}, {"goma", "rubber"},
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

// materialIndex groups materialRules by first word, longest phrase first within a word.
var materialIndex = func() map[string][][]string {
	idx := map[string][][]string{}
	for _, r := range materialRules {
		w := strings.Fields(r.words)
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
// vegan leather", "70% wool, 30% cashmere", "Cuir de veau"), in the order they appear, each
// once; nil when it names none tagdrop knows. The text itself is kept by callers as the
// retailer wrote it.
func NormaliseMaterial(text string) []string {
	words := strings.FieldsFunc(Fold(text), func(r rune) bool { return !unicode.IsLetter(r) })
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(words); {
		matched := 0
		for _, cand := range materialIndex[words[i]] {
			phrase, family := cand[:len(cand)-1], cand[len(cand)-1]
			if !phraseAt(words, i, phrase) {
				continue
			}
			if !seen[family] {
				seen[family] = true
				out = append(out, family)
			}
			matched = len(phrase)
			break
		}
		if matched == 0 {
			// A plural or a compound ending in a material ("Rindleder", "Ziegenleder").
			if fam := materialSuffix(words[i]); fam != "" && !seen[fam] {
				seen[fam] = true
				out = append(out, fam)
			}
			matched = 1
		}
		i += matched
	}
	return out
}

func phraseAt(words []string, i int, phrase []string) bool {
	if i+len(phrase) > len(words) {
		return false
	}
	for j, p := range phrase {
		if words[i+j] != p {
			return false
		}
	}
	return true
}

// materialSuffix reads German compounds and plurals of single-word materials.
func materialSuffix(w string) string {
	for _, s := range [...]struct{ end, family string }{{"leder", "leather"}, {"wolle", "wool"}, {"seide", "silk"}, {"leinen", "linen"}} {
		if strings.HasSuffix(w, s.end) && len(w) > len(s.end) {
			return s.family
		}
	}
	return ""
}
