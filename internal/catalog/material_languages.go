package catalog

// europeMaterialRules cover material words of Czech, Hungarian, Romanian, Turkish, Finnish,
// Danish, Norwegian and Portuguese shops, and leathers named twice ("Suede leather", "Cuir
// velours": suede). They join materialRules in materialIndex, tried longest first as those are.
var europeMaterialRules = []materialRule{
	// Leathers named with the word for leather are that leather.
	{"suede leather", "suede"}, {"cuir velours", "suede"}, {"nubuck leather", "suede"},
	// Czech
	{"kůže", "leather"}, {"syntetická kůže", "vegan leather"}, {"umělá kůže", "vegan leather"},
	{"koženka", "vegan leather"}, {"semiš", "suede"}, {"bavlna", "cotton"}, {"bavlny", "cotton"},
	{"vlna", "wool"}, {"vlny", "wool"}, {"hedvábí", "silk"}, {"viskóza", "viscose"}, {"kožešina", "fur"},
	{"umělá kožešina", "faux fur"},
	// Hungarian
	{"bőr", "leather"}, {"valódi bőr", "leather"}, {"műbőr", "vegan leather"}, {"pamut", "cotton"},
	{"gyapjú", "wool"}, {"selyem", "silk"}, {"szőrme", "fur"}, {"műszőrme", "faux fur"},
	{"poliészter", "polyester"}, {"viszkóz", "viscose"}, {"elasztán", "elastane"},
	// Romanian
	{"piele", "leather"}, {"piele ecologică", "vegan leather"}, {"piele sintetică", "vegan leather"},
	{"piele întoarsă", "suede"}, {"bumbac", "cotton"}, {"mătase", "silk"}, {"blană", "fur"},
	{"blană artificială", "faux fur"},
	// Turkish
	{"deri", "leather"}, {"suni deri", "vegan leather"}, {"deri görünümlü", "vegan leather"}, {"süet", "suede"}, {"pamuk", "cotton"},
	{"yün", "wool"}, {"ipek", "silk"}, {"keten", "linen"}, {"kürk", "fur"}, {"suni kürk", "faux fur"},
	// Finnish
	{"nahka", "leather"}, {"tekonahka", "vegan leather"}, {"keinonahka", "vegan leather"},
	{"puuvilla", "cotton"}, {"villa", "wool"}, {"silkki", "silk"}, {"pellava", "linen"}, {"mokka", "suede"},
	{"polyamidi", "nylon"}, {"polyesteri", "polyester"}, {"viskoosi", "viscose"}, {"elastaani", "elastane"},
	{"tekoturkis", "faux fur"},
	// Danish and Norwegian
	{"læder", "leather"}, {"lær", "leather"}, {"skind", "leather"}, {"ruskind", "suede"},
	{"semsket skinn", "suede"}, {"bomuld", "cotton"}, {"uld", "wool"}, {"silke", "silk"}, {"hør", "linen"},
	{"pels", "fur"},
	// Portuguese
	{"couro", "leather"}, {"couro sintético", "vegan leather"}, {"couro ecológico", "vegan leather"},
	{"pele sintética", "vegan leather"}, {"camurça", "suede"}, {"algodão", "cotton"}, {"linho", "linen"},
	{"borracha", "rubber"},
}
