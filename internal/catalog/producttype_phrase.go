package catalog

import "strings"

// A keyword-stuffed marketplace title names its item first and then lists what else it is
// or goes with: "Women's Sports Bra High Impact Padded Workout Top" is a bra, "Insulated
// Lunch Bag Leakproof Cooler Tote" a lunch bag, "Men's Hooded Sweatshirt Casual Pullover" a
// sweatshirt. Within a noun phrase the last noun is the head ("Shirt Dress", "Tie Front
// Blouse", "Mug Print Sweatshirt"), so the rightmost match wins there; but once a word that
// starts a title's list follows a match (who it is for, what it is for or a selling point),
// the phrase has ended and the thing it names is the item.

// audienceWords name who an item is for, in the languages the rules cover, and introduce
// what it is for: after an item's word they start the title's list ("Sports Bra Women
// Racerback Tank Top", "Belt for Dress Jeans", "Cordones para zapatillas"). Singular English
// ones are left out: "Bag Lady Hoodie", "Iron Man Tee".
var audienceWords = wordSet("women womens ladies men mens girls boys kids children toddler toddlers infant unisex " +
	"teens adults damen herren kinder madchen jungen femme femmes homme hommes filles garcons enfant enfants mujer " +
	"mujeres hombre hombres nina ninas nino ninos donna uomo bambina bambino dames heren kadin erkek " +
	"for pour para per voor")

// sellingWords are the selling points and fits a marketplace title lists after its item's word:
// "Hooded Sweatshirt Casual Pullover", "Lunch Bag Leakproof Cooler Tote".
var sellingWords = wordSet("high impact padded casual insulated leakproof waterproof lightweight breathable warm soft " +
	"stretch stretchy loose oversized slim elegant vintage classic fashion cute sexy comfortable comfy plus quick dry " +
	"sleeveless seamless wireless wirefree everyday racerback quilted fleece thermal heavy adjustable small medium large")

// endsPhrase reports whether words[at], the word right after a match, ends the title's first
// noun phrase: a word of who the item is for or a selling point, after perhaps a "Set" or
// "Pack" and, after a fashion match (fashion), colours and materials ("Nightgown Cotton
// Sleeveless", "Pajama Set Women"). A colour or material alone does not end it: it may stand
// between a style and its item ("Slip-On Canvas Sneakers", "Mid-Top Leather Sneakers").
func endsPhrase(words []string, at int, fashion bool) bool {
	if at+1 < len(words) && (setWords[words[at]] || packWords[words[at]]) {
		at++ // "Pajama Set Women …"
	}
	for ; fashion && at+1 < len(words); at++ {
		if fam, _ := colourWord(words[at]); fam == "" && materialWordFamily(words[at]) == "" {
			break
		}
	}
	w := words[at]
	return audienceWords[w] || sellingWords[w]
}

// namesOwnNode reports whether m's rule word names its category ("Top", "Shirt" name shirts
// and tops; "Sweatshirt" does not).
func (t *Taxonomy) namesOwnNode(m ruleMatch) bool {
	words := t.rules[m.rule].words
	return strings.Contains(Fold(t.nodes[m.node].Name), words[len(words)-1])
}

// brandHeads are rule words that shops' and brands' names end in ("Pepe Jeans", "Tommy
// Jeans"): as a title's first phrase they may be the brand, not the item.
var brandHeads = wordSet("jean")

// firstPhrase is matches, the rule matches of words, without those after the title's first
// noun phrase when that phrase names a thing: the phrase ends after a match followed by a
// word that ends it (endsPhrase) with more matches to come. The phrase's thing is its best
// match but for style words ("Swim Trunks Quick Dry Board Shorts" are swim trunks). A later
// match naming a kind of that thing stays ("Bag Women Leather Tote" is a tote, "Pantalón
// mujer vaquero" jeans), but knitwear does not refine a top named by its own word ("Hoodie
// Men Casual Pullover" is a hoodie, "Top Women Knit Sweater" knitwear). A phrase naming only
// a style ("Denim"), a colour ("Lipstick"), a word that describes what comes before it or a
// brand's word ("Jeans") does not end the title's item, nor does "for" before a thing
// outside fashion ("Bracelet pour Apple Watch").
func (t *Taxonomy) firstPhrase(words []string, matches []ruleMatch) []ruleMatch {
	end := -1
	for _, m := range matches {
		if m.end >= len(words) || end >= 0 && m.end >= end || !endsPhrase(words, m.end, m.node >= 0) {
			continue
		}
		for _, o := range matches {
			if o.end-o.length >= m.end {
				end = m.end
				break
			}
		}
	}
	if end < 0 {
		return matches
	}
	var first, later []ruleMatch
	for _, m := range matches {
		if m.end-m.length < end {
			first = append(first, m)
		} else {
			later = append(later, m)
			if m.node < 0 && forWords[words[end]] {
				return matches // "Bracelet pour Apple Watch": a thing for something outside fashion
			}
		}
	}
	head := -1
	for i, m := range first {
		if t.mayWin(m, first, words) && !t.rules[m.rule].style && (head < 0 || better(m, first[head])) {
			head = i
		}
	}
	if head < 0 {
		return matches
	}
	h := first[head]
	if r := t.rules[h.rule]; r.colour || r.postpos || brandHeads[r.words[len(r.words)-1]] {
		return matches
	}
	refinable := h.node >= 0 && (h.node != t.tops || t.namesOwnNode(h))
	for _, m := range later {
		if refinable && m.node >= 0 && !t.rules[m.rule].postpos && t.IsDescendant(t.nodes[m.node].ID, t.nodes[h.node].ID) {
			first = append(first, m)
		}
	}
	return first
}
