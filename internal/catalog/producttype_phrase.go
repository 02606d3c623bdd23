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
	return audienceWords[w] || sellingWords[w] ||
		(w == "long" || w == "short") && at+1 < len(words) && strings.HasPrefix(words[at+1], "sleeve") // "Pajama Set Long Sleeve …"
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
// Men Casual Pullover" is a hoodie, "Top Women Knit Sweater" knitwear) unless that top is a
// cover-up ("Shrug Women Cropped Cardigan" is knitwear: coverUpTops). A phrase naming only
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
	if r := t.rules[h.rule]; r.colour || r.postpos || brandHeads[r.words[len(r.words)-1]] || t.featureOfLater(h, words, first, later) {
		return matches
	}
	refinable := h.node >= 0 && (h.node != t.tops || t.namesOwnNode(h) || coverUpTops[t.rules[h.rule].words[0]])
	for _, m := range later {
		if refinable && m.node >= 0 && !t.rules[m.rule].postpos && t.refines(m, h) {
			first = append(first, m)
		}
	}
	return first
}

// coverUpTops are tops worn over another that a knit word after them describes: "Shrug Women
// Cropped Cardigan" is knitwear (but "Hoodie Men Casual Pullover" a hoodie).
var coverUpTops = wordSet("shrug bolero")

// refines reports whether m, a match after a title's first phrase, names a kind of what h,
// the phrase's match, names: a descendant of its category, or swimwear after shorts ("Board
// Shorts Women High Waisted Swim Shorts" are swim shorts).
func (t *Taxonomy) refines(m, h ruleMatch) bool {
	return t.IsDescendant(t.nodes[m.node].ID, t.nodes[h.node].ID) ||
		t.nodes[h.node].Path == ptClothing+" > Shorts" && t.nodes[m.node].Path == ptClothing+" > Swimwear"
}

// attributiveHeads are rule words that also describe another garment named after them: a
// "Dress Casual" shoe or pair of trousers ("Mens Dress Casual Oxford Shoes").
var attributiveHeads = wordSet("dress")

// attributiveOf are the categories an attributive head describes when the first garment named
// after it is one of them ("Dress Casual Loafers"; but "Beach Dress Women Summer Sundress
// Cover Up Shirt" is a dress).
var attributiveOf = []string{ptShoes, ptPants, ptUnderwear + " > Socks"}

// featureOfLater reports whether h, the match of a title's first phrase (first) in words,
// describes a garment of later rather than naming the item: a built-in bra ("Shelf Bra
// Padded Tank Top", "Built in Bra Padded Camisole") or an attributive "Dress" that starts
// the phrase before a shoe ("Mens Dress Casual Oxford Shoes"; but "Shirt Dress
// Women Casual Button Down" is a dress).
func (t *Taxonomy) featureOfLater(h ruleMatch, words []string, first, later []ruleMatch) bool {
	start := h.end - h.length
	if start > 0 && (words[start-1] == "shelf" || words[start-1] == "builtin" ||
		start > 1 && words[start-2] == "built" && words[start-1] == "in") {
		return true
	}
	if !attributiveHeads[words[h.end-1]] || h.end < len(words) && audienceWords[words[h.end]] {
		return false // "Dress Women Casual Summer Shoes Not Included" is a dress
	}
	for _, m := range first {
		if m.end <= start {
			return false // "Shirt Dress", "Sweater Dress"
		}
	}
	next := -1 // the first garment named after the phrase
	for i, m := range later {
		if m.node >= 0 && (next < 0 || m.end-m.length < later[next].end-later[next].length) {
			next = i
		}
	}
	if next < 0 {
		return false
	}
	for _, p := range attributiveOf {
		if n, ok := t.byPath[pathKey(p)]; ok && (later[next].node == n || t.IsDescendant(t.nodes[later[next].node].ID, t.nodes[n].ID)) {
			return true
		}
	}
	return false
}
