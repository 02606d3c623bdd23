package catalog

import "strings"

// mapSegment maps one segment of a product type: ok with the node's index, -1 for a segment
// naming no category; style when the segment's word also names a style of other categories
// (see productTypeRule.style); defers for a segment naming no category that, as a last level,
// may name the colour or style of what the level above places (see deferKind). Not ok when
// nothing in it matches. all are the words of the whole text the segment is part of
// (productWords), the context some rules read.
func (t *Taxonomy) mapSegment(seg string, all []string) (node int, style bool, defers deferKind, ok bool) {
	if seg == "" {
		return 0, false, deferNone, false
	}
	words := productWords(seg)
	idx, named := t.byName[nameKey(seg)]
	named = named && len(idx) == 1
	if named && !t.hasFalseFriend(words) {
		return idx[0], false, deferNone, true
	}
	if head := headPhrase(seg); head != seg {
		if hw := productWords(head); t.namesThing(hw, romanceComplement(seg, head)) && !t.phraseAcross(words, len(hw)) {
			seg, words = head, hw // "Backpack with Pouch" is a backpack
		}
	}
	m, matched := t.matchRulesIn(words, all)
	switch {
	case matched && m.node < 0:
		r := t.rules[m.rule]
		return -1, r.style, outsideDefers(r, words), true // "Cabin Trolley Bag", "… Serum 30ml"
	case matched && (t.rules[m.rule].frNode >= 0 || t.rules[m.rule].menNode >= 0):
		return t.readInContext(m, words, all), t.rules[m.rule].style, deferNone, true
	case named:
		return idx[0], false, deferNone, true
	case matched && t.accessoryPhrase(seg, words):
		return -1, false, deferNone, true
	case matched:
		return m.node, t.rules[m.rule].style, deferNone, true
	}
	return 0, false, deferNone, false
}

// keepsRefinement reports whether a breadcrumb level placing an item at node (an index) lets
// a later level's style word (at refined) stand: when refined is a kind of it ("Women > Shoes >
// Wedges", "Men > Trousers > Cargo"), or node is only a department: the root, or clothing as a
// whole for a garment ("Women > Clothing > Cargo"). Otherwise the style word describes the item
// the earlier level names ("Men > Shorts > Cargo" are shorts, Australia's "Women > Shoes >
// Thongs" are shoes).
func (t *Taxonomy) keepsRefinement(node, refined int) bool {
	n := t.nodes[node]
	return n.Depth <= 1 || node == refined || t.IsDescendant(t.nodes[refined].ID, n.ID) ||
		node == t.clothing && t.isClothing(refined)
}

// phraseAcross reports whether the best rule match in words is a phrase that starts before
// words[at], a complement word, and goes on past it: "Cintura di sicurezza" is a seat belt,
// "Gant en nitrile" a disposable glove, not a belt and a glove with something.
func (t *Taxonomy) phraseAcross(words []string, at int) bool {
	m, ok := t.matchRules(words)
	return ok && m.end-m.length < at && m.end > at
}

// complementWords join a thing's name to what comes with it or on it ("Kurta with Palazzos",
// "Kleid mit Gürtel", "Robe avec ceinture", "Abito con cintura", "Jurk met riem"), and Swedish,
// Danish and Polish ones ("Klänning med fickor", "Kjol i denim", "Sweter z golfem"), and the
// German and Dutch words of what a thing is made of ("Kleid aus Baumwolle", "Riem van leer").
var complementWords = wordSet("with mit aus avec con met van en di med i z")

// romanceComplements are the complementWords of languages whose adjectives and material
// phrases follow the noun ("Veste en jean", "Giacca di jeans").
var romanceComplements = wordSet("avec con en di")

// romanceComplement reports whether head, seg's headPhrase, ends before a complement word of a
// language whose adjectives follow the noun.
func romanceComplement(seg, head string) bool {
	fields, n := strings.Fields(seg), len(strings.Fields(head))
	return n < len(fields) && romanceComplements[Fold(fields[n])]
}

// headPhrase is seg up to its first complement word: the thing a title names, without what
// comes with it. seg itself when it has none, or starts with one.
func headPhrase(seg string) string {
	fields := strings.Fields(seg)
	for i := 1; i < len(fields); i++ {
		if complementWords[Fold(fields[i])] {
			return strings.Join(fields[:i], " ")
		}
	}
	return seg
}

// namesThing reports whether words, a title's part before "with", name the thing: they end,
// but for colours, materials and "set", in a rule's word ("Anarkali Kurta Set with Dupatta").
// "Denim with Lace Trim Shorts", "Tie Front with Puff Sleeve Blouse" and "Boot Cut with Raw
// Hem Jeans" describe the thing named after "with". Before a French, Italian or Spanish
// complement word (romance), where adjectives follow the noun, any rule's word names the thing
// ("Abito lungo con cintura", "Vestido largo con cinturón").
func (t *Taxonomy) namesThing(words []string, romance bool) bool {
	if romance && t.matches(words) {
		return true
	}
	words = withoutTrailingDescriptors(words)
	for len(words) > 1 && setWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	if m, ok := t.matchRules(words); !ok || m.end == len(words) {
		return ok
	}
	return t.matches(words[len(words)-1:]) // "Open Knit Top": the top is knitwear
}

// setWords end a title that names an outfit by its pieces.
var setWords = wordSet("set sets")

// firstPieceOfSet is the match naming the first garment of a set that a title names by its
// pieces ("Kurta Palazzo Set", "Kurta Sharara Dupatta Set" are kurtas), else best: the last
// piece before "set" is an addition to the first. A modifier still names the whole ("Shirt and
// Shorts Pyjama Set").
func (t *Taxonomy) firstPieceOfSet(words []string, best ruleMatch, matches []ruleMatch) ruleMatch {
	words = withoutTrailingDescriptors(words)
	if len(words) == 0 || best.end != len(words)-1 || !setWords[words[len(words)-1]] || t.rules[best.rule].modifier {
		return best
	}
	first := best
	for _, m := range matches {
		if m.node >= 0 && m.end-m.length < first.end-first.length && t.isClothing(m.node) &&
			!t.coveredByDescendant(m, matches) {
			first = m
		}
	}
	return first
}
