package catalog

import "strings"

// accessoryNouns are head nouns of a thing's accessories and care ("Shoe care", "Jewellery
// box", "Watch winder", "Sunglasses case", "Boot Shaper Inserts", "Heel Grips", "Bra Extender",
// "Suit Carrier", "Collar Stays", "Sock Monkey Toy"): such a phrase is not the thing.
var accessoryNouns = wordSet("care box case pouch stand holder organiser organizer rack tray hanger cleaner " +
	"cleaning polish brush spray protector insole tree horn stretcher kit strap winder storage display insert " +
	"cover shaper grip extender carrier stay toy remover cabinet shelf press board")

// featureNouns are accessory nouns that, after words other than accessory nouns, name a part
// of the thing rather than an accessory for it: "Watch Leather Strap", "Sandals Ankle Strap".
var featureNouns = wordSet("strap")

// packagingWords before an accessory noun make it the thing's packaging: "Earrings Gift Box".
var packagingWords = wordSet("gift presentation")

// giftWords name a gift: a handmade shop's title ends in whom its item is a gift for ("…,
// Personalized Gift for Mom", "…, Geschenk für Mama", "…, cadeau pour maman"), which names no
// thing for them.
var giftWords = wordSet("gift gifts present presents geschenk geschenke cadeau cadeaux regalo regalos regali prezent prezenty")

// endsInGift reports whether words end in a word of giftWords.
func endsInGift(words []string) bool { return len(words) > 0 && giftWords[words[len(words)-1]] }

// forWords introduce what an accessory is for: "Shaper Insert for Tote", "Étui pour lunettes",
// "Szafka na buty", "Etui do iPhone". German "für" folds to the English "fur" of "Faux Fur
// Hat", so it is read unfolded (see germanFor).
var forWords = wordSet("for pour para per voor na dla do")

// accessoryPhrase reports whether the last of seg's coordinated parts ("Bags & Cases" has two)
// names an accessory of a thing rather than the thing: its last noun, but for colours,
// materials, sizes, counts and what it is for or comes with, is an accessory noun after words that name a
// thing, and no rule names the whole phrase ("Watch strap" has one). So "Shoe care", "Shoe
// Care Kit", "Jewellery boxes", "Sunglasses Hard Case Black", "Watch Travel Case 3 Slots",
// "Sneaker Crease Protectors", "Bag Base Shaper Insert for Tote", "Case for Sunglasses",
// "Jewellery Box with Mirror"; but
// not "Bags & Cases", nor a feature ("Watch Leather Strap", "Earrings Gift Box Silver"), nor
// a gift for someone ("…, Personalized Gift for Mom": giftWords).
func (t *Taxonomy) accessoryPhrase(seg string, words []string) bool {
	part := seg
	if i := strings.LastIndexAny(part, "&,+;"); i >= 0 {
		part = part[i+1:]
	}
	if i := strings.Index(part, " à "); i > 0 && !t.matches(productWords(part[:i])) {
		return true // "Étagère à chaussures": French "à" (not the "A" of "A-Line") says what it is for
	}
	if before, ok := germanFor(part); ok && !t.namesFashion(before, words) && !endsInGift(before) {
		return true // "Uhrenbox für 10 Uhren": a thing for watches
	}
	pw := productWords(part)
	forTail := false
	for i, w := range pw {
		if i > 0 && (forWords[w] || complementWords[w]) {
			if forWords[w] && !t.namesFashion(pw[:i], words) && !endsInGift(pw[:i]) {
				return true // "Cirage pour chaussures", "Szafka na buty", "Funda para iPhone": a thing for shoes
			}
			pw, forTail = pw[:i], true
			break
		}
	}
	pw = withoutTrailingDescriptors(pw)
	for i := len(pw) - 2; i >= 0; i-- {
		if pw[i] == "and" || pw[i] == "und" || pw[i] == "et" || pw[i] == "or" {
			pw = pw[i+1:]
			break
		}
	}
	if len(pw) == 0 || len(pw) < 2 && !forTail {
		return false
	}
	last := pw[len(pw)-1]
	if !isAccessoryNoun(last) || len(pw) >= 2 && packagingWords[pw[len(pw)-2]] {
		return false
	}
	m, ok := t.matchRules(pw)
	switch {
	case !ok:
		return forTail // "Case for Sunglasses"
	case m.end == len(pw):
		return false // "Watch Strap", "Shoe Covers"
	case endsPhrase(pw, m.end, m.node >= 0):
		return false // "Card Holder Wallet Slim Front Pocket Credit Card Case": a list after the item
	case !isFeatureNoun(last):
		return true
	}
	for _, w := range pw[m.end:] {
		if !isAccessoryNoun(w) {
			return false
		}
	}
	return true
}

// namesFashion reports whether words' best rule names a category: not "Funda" (a case),
// which names a thing outside fashion. all are the words of the text words are part of, the
// context some rules read ("Cordones para zapatillas" are shoelaces).
func (t *Taxonomy) namesFashion(words, all []string) bool {
	m, ok := t.matchRulesIn(words, all)
	return ok && m.node >= 0
}

// germanFor is the words of part before a German "für" after its first word, and whether it
// has one.
func germanFor(part string) ([]string, bool) {
	fields := strings.Fields(part)
	for i := 1; i < len(fields); i++ {
		if strings.EqualFold(fields[i], "für") {
			return productWords(strings.Join(fields[:i], " ")), true
		}
	}
	return nil, false
}

// trailingSizeWords are words of size, shape and finish a title may end in after its noun ("Hat Box
// Large", "Shoe Storage Box Clear", "Boot Trees Cedar").
var trailingSizeWords = wordSet("small medium large big xs xl xxl round square oval clear transparent wooden cedar")

// countWords name how many of a thing a title sells: "Set of 10", "Pack of 3".
var countWords = wordSet("set pack lot pair box kit")

// packWords name a count before its number: "Meias kit 3", "Socks Pack 5" (not "Set 2": a set's
// last piece is no count, see firstPieceOfSet).
var packWords = wordSet("pack kit lot")

// withoutTrailingDescriptors is words without the colours, materials, sizes and counts a title
// may end in ("Sunglasses Case Leather", "Jewellery Box Velvet", "Watch Band 45mm", "Watch
// Case 3 Slots").
func withoutTrailingDescriptors(words []string) []string {
	for len(words) > 0 {
		w := words[len(words)-1]
		if n := len(words); n >= 3 && hasDigit(w) && words[n-2] == "of" && countWords[words[n-3]] {
			words = words[:n-3] // "Set of 10", "Pack of 3"
			continue
		}
		if n := len(words); n >= 2 && hasDigit(w) && packWords[words[n-2]] {
			words = words[:n-2] // "Kit 3", "Pack 5"
			continue
		}
		fam, _ := colourWord(w)
		counted := len(words) >= 2 && hasDigit(words[len(words)-2]) // "3 Slots", "25 Pack"
		if fam == "" && materialWordFamily(w) == "" && !trailingSizeWords[w] && !hasDigit(w) && !counted {
			break
		}
		words = words[:len(words)-1]
	}
	return words
}

func isAccessoryNoun(w string) bool {
	return inStems(w, accessoryNouns)
}

func isFeatureNoun(w string) bool {
	return inStems(w, featureNouns)
}

// inStems reports whether w or one of its stems (see stems) is in set.
func inStems(w string, set map[string]bool) bool {
	var buf [1 + len(pluralEndings)]string
	for _, s := range stems(w, buf[:0]) {
		if set[s] {
			return true
		}
	}
	return false
}
