package catalog

import (
	"strings"
	"unicode"
)

// resolvedRule is a rule whose path was found in one taxonomy: the rule's node, or its
// nearest ancestor the taxonomy has.
type resolvedRule struct {
	words    []string
	compound bool
	modifier bool
	frPlural bool
	style    bool
	colour   bool
	postpos  bool
	node     int // index into Taxonomy.nodes; -1 for a text that names no category (notFashion)
	frNode   int // the French reading's node; -1 for none
	menNode  int // the men's reading's node; -1 for none
	order    int
	chars    int // bytes in the words
	// context is productTypeRule.context's words; nil for none.
	context map[string]bool
	// notAfter and notBefore are productTypeRule.notAfter's and notBefore's words; nil for none.
	notAfter, notBefore map[string]bool
}

// resolveRules resolves productTypeRules, languageWordRules, productTypeTitleRules, the word rules of other
// languages, contextWordRules, lookalikeRules, garmentHeadRules, everydayPhraseRules and
// leafRules, in that order, against the tree. A rule whose path the tree lacks entirely
// (Google's luggage in the shipped branch) is kept as one naming no category, unless another
// rule for the same words and context resolves ("Schale" stays a bowl beside the scarf that
// "Schale Seide Damen" is).
func (t *Taxonomy) resolveRules() {
	var all []productTypeRule
	for _, rules := range [][]productTypeRule{productTypeRules, languageWordRules, productTypeTitleRules, romanceWordRules, germanicWordRules,
		easternWordRules, contextWordRules, lookalikeRules, garmentHeadRules, everydayPhraseRules, leafRules} {
		all = append(all, rules...)
	}
	resolves := map[string]bool{}
	for _, r := range all {
		if _, ok := t.nearestNode(r.path); ok && r.path != notFashion {
			resolves[r.words+"|"+r.context] = true
		}
	}
	var out []resolvedRule
	for i, r := range all {
		ni, ok := t.nearestNode(r.path)
		if !ok || r.path == notFashion {
			if resolves[r.words+"|"+r.context] {
				continue
			}
			ni = -1
		}
		fr, men := -1, -1
		if n, ok := t.nearestNode(r.fr); r.fr != "" && ok {
			fr = n
		}
		if n, ok := t.nearestNode(r.men); r.men != "" && ok {
			men = n
		}
		words := strings.Fields(foldWords(r.words))
		out = append(out, resolvedRule{words: words, compound: r.compound, modifier: r.modifier, frPlural: r.frPlural, style: r.style,
			colour: r.colour, postpos: r.postpositive, context: foldedWordSet(r.context), notAfter: foldedWordSet(r.notAfter),
			notBefore: foldedWordSet(r.notBefore), node: ni, frNode: fr, menNode: men, order: i, chars: len(strings.Join(words, ""))})
	}
	t.rules = out
	t.ruleIndex = map[string][]int{}
	t.compoundIndex = map[string][]int{}
	for i, r := range out {
		t.ruleIndex[r.words[0]] = append(t.ruleIndex[r.words[0]], i)
		if w := r.words[0]; r.compound && len(r.words) == 1 && len(w) >= compoundTail {
			t.compoundIndex[w[len(w)-compoundTail:]] = append(t.compoundIndex[w[len(w)-compoundTail:]], i)
		}
	}
	t.clothing, t.tops = -1, -1
	if ci, ok := t.byPath[pathKey(ptClothing)]; ok {
		t.clothing = ci
	}
	if ti, ok := t.byPath[pathKey(ptTops)]; ok {
		t.tops = ti
	}
}

// nearestNode is the index of path's node, or of its nearest ancestor the taxonomy has.
func (t *Taxonomy) nearestNode(path string) (int, bool) {
	for segs := splitTaxonomyPath(path); len(segs) > 0; segs = segs[:len(segs)-1] {
		if ni, ok := t.byPath[pathKey(strings.Join(segs, " > "))]; ok {
			return ni, true
		}
	}
	return 0, false
}

// compoundTail is how many of a compound rule's last bytes index it (every compound rule word
// is at least this long).
const compoundTail = 3

// MapProductType maps a retailer's free-text product type or breadcrumb ("Women > Bags > Mini
// Bags", "Sneakers", "Robe longue", "Damen/Schuhe/Stiefel") onto the taxonomy. A full taxonomy
// path is taken as it is; otherwise the most specific segment that names a category or matches
// a keyword rule wins, searching from the last segment back. A word that means different things
// in French and English ("Robes"), or for women and men ("Abiti"), is read in the context of
// the rest of the text. A segment naming a thing's accessory ("Shoe care", "Jewellery box",
// "Sunglasses case") that no rule knows leaves the text unmapped rather than filed as the
// thing. A last level that is only a style word of another category ("Men > Shorts > Cargo")
// refines the level above it instead of moving the item (see productTypeRule.style); one that
// names nothing in fashion but may be a colour or style name ("Women > Dresses > Lipstick")
// leaves the item where the level above puts it (see deferKind). False when nothing matches.
func (t *Taxonomy) MapProductType(text string) (Node, bool) {
	if strings.Contains(text, ">") {
		if n, ok := t.ByPath(text); ok {
			return n, true
		}
	}
	segs := strings.FieldsFunc(text, func(r rune) bool { return r == '>' || r == '/' || r == '|' || r == '\\' })
	all := productWords(text)
	refined := -1 // a style word's node from a later segment, waiting for the level above it
	deferred := deferNone
	for i := len(segs) - 1; i >= 0; i-- {
		ni, style, defers, ok := t.mapSegment(strings.TrimSpace(segs[i]), all)
		switch {
		case !ok:
			continue
		case refined >= 0:
			if ni < 0 || t.keepsRefinement(ni, refined) {
				return t.nodes[refined], true
			}
			return t.nodes[ni], true // "Men > Shirts > Oxford" is a shirt
		case deferred != deferNone:
			if ni >= 0 && t.takesDeferred(ni, deferred) {
				return t.nodes[ni], true // "Women > Dresses > Lipstick", "Men > Jackets > Duffel"
			}
			return Node{}, false
		case ni < 0 && style:
			continue // "Men > Socks > Cushion"
		case ni < 0 && defers != deferNone:
			deferred = defers
			continue
		case ni < 0:
			return Node{}, false
		case style:
			refined = ni
			continue
		}
		return t.nodes[t.finerBefore(segs[:i], ni, all)], true
	}
	if refined >= 0 {
		return t.nodes[refined], true
	}
	return Node{}, false
}

// finerBefore is the node an item goes to when a breadcrumb's last placing level names node
// (an index) and segs are the levels before it: the level right before, when it names a kind
// of node ("Women > Shoes > Trainers > Slip Ons" are sneakers, "Women > Jeans > Jeggings"
// jeans); node otherwise. all are the text's words (productWords).
func (t *Taxonomy) finerBefore(segs []string, node int, all []string) int {
	for j := len(segs) - 1; j >= 0; j-- {
		nj, _, _, ok := t.mapSegment(strings.TrimSpace(segs[j]), all)
		if !ok {
			continue
		}
		if nj >= 0 && t.IsDescendant(t.nodes[nj].ID, t.nodes[node].ID) {
			return nj
		}
		break
	}
	return node
}

// NamesSomething reports whether some rule matches text: a category, or a thing outside
// fashion that maps to none ("Nail Polish", "Gift Card"). A title whose first part names
// something is about that thing, whatever its later parts say ("Nail Polish in Ballet
// Slippers").
func (t *Taxonomy) NamesSomething(text string) bool {
	return t.matches(productWords(text))
}

// matches reports whether some rule matches words.
func (t *Taxonomy) matches(words []string) bool {
	_, ok := t.matchRules(words)
	return ok
}

// hasFalseFriend reports whether one of words may be a word read by its context ("Robes").
func (t *Taxonomy) hasFalseFriend(words []string) bool {
	var buf [1 + len(pluralEndings)]string
	for _, w := range words {
		for _, s := range stems(w, buf[:0]) {
			for _, ri := range t.ruleIndex[s] {
				if t.rules[ri].frNode >= 0 || t.rules[ri].menNode >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// frenchWords and englishWords tell the language of a product type's other words, for a word
// the two languages use for different things; mensWords say the text is for men.
var (
	frenchWords = wordSet("femme femmes homme hommes enfant enfants fille filles garcon garcons bebe vetement vetements " +
		"accessoires chaussures sacs bijoux et de des du d la le les pour avec en nouveautes nouveaute soldes ete hiver " +
		"longue longues courte courtes soiree mode maille manches pret porter fleurs a bretelles fines volants fleurie")
	englishWords = wordSet("women womens woman ladies men mens man kids girls boys baby clothing clothes apparel and " +
		"for the with of sleepwear nightwear loungewear lounge bath spa home accessories bags shoes new sale dressing gown gowns")
	mensWords = wordSet("men mens man uomo uomini homme hommes herren herr hombre hombres heren")
)

// foldedWordSet is the set of words' folded words; nil for none.
func foldedWordSet(words string) map[string]bool {
	if words == "" {
		return nil
	}
	return wordSet(foldWords(words))
}

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// readInContext is the node of m, a rule read by its context, in a text whose words are all
// (productWords): the men's reading when the text is for men; the French one when more of its
// words are French than English, or, with no other word at all, for a plural if the rule says
// French shops name the category so ("Robes"); else the rule's own node.
func (t *Taxonomy) readInContext(m ruleMatch, words, all []string) int {
	r := t.rules[m.rule]
	fr, en, men := 0, 0, false
	for _, w := range all {
		if frenchWords[w] {
			fr++
		} else if englishWords[w] {
			en++
		}
		men = men || mensWords[w]
	}
	switch {
	case r.menNode >= 0 && men:
		return r.menNode
	case r.frNode < 0:
		return m.node
	case fr > en:
		return r.frNode
	case en > fr:
		return m.node
	case len(all) == m.length && r.frPlural && words[m.end-1] != r.words[len(r.words)-1]:
		return r.frNode
	}
	return m.node
}

// ruleMatch is one rule matching the words of a segment.
type ruleMatch struct {
	rule, node, end, length, chars, order int
	exact                                 bool
}

// matchRules finds the best rule for the words of one segment. A match whose category is an
// ancestor of another match's is dropped ("Top-Handle Bags" is a top-handle bag, not just a
// bag); of the rest, the rightmost wins, then the longest, then a whole-word one, then the one
// leaving less of the word as an ending ("Vestes" is a veste, not a vest), then the earlier
// rule. A modifier right before a garment wins over it ("Swim shorts").
func (t *Taxonomy) matchRules(words []string) (best ruleMatch, ok bool) {
	return t.matchRulesIn(words, words)
}

// matchRulesIn is matchRules for the words of one segment of a text whose words are all:
// the context a rule with productTypeRule.context looks for.
func (t *Taxonomy) matchRulesIn(words, all []string) (best ruleMatch, ok bool) {
	var matches []ruleMatch
	add := func(ri, start int) {
		r := t.rules[ri]
		end := start + len(r.words)
		if end > len(words) || r.context != nil && !inContext(r, all) || start > 0 && r.notAfter[words[start-1]] ||
			end < len(words) && r.notBefore[words[end]] {
			return
		}
		if exact, ok := ruleMatchesAt(r, words, start); ok {
			matches = append(matches, ruleMatch{rule: ri, node: r.node, end: start + len(r.words), length: len(r.words),
				chars: r.chars, order: r.order, exact: exact})
		}
	}
	var stemBuf [1 + len(pluralEndings)]string
	var keyBuf [64]byte
	for start, w := range words {
		stemmed := stems(w, stemBuf[:0])
		if unstemmed[w] {
			stemmed = stemmed[:1]
		}
		for _, stem := range stemmed {
			for _, ri := range t.ruleIndex[stem] {
				add(ri, start)
			}
		}
		for _, c := range pluralChanges {
			if len(w) >= len(c[0])+minChangedStem && strings.HasSuffix(w, c[0]) {
				k := append(append(keyBuf[:0], w[:len(w)-len(c[0])]...), c[1]...)
				for _, ri := range t.ruleIndex[string(k)] {
					add(ri, start)
				}
			}
		}
		// Compounds end in a rule's word, perhaps before a plural ending: look the rules up
		// by the last bytes of each stem.
		seen := len(matches)
		for _, stem := range stemmed {
			if len(stem) < compoundTail {
				continue
			}
		rules:
			for _, ri := range t.compoundIndex[stem[len(stem)-compoundTail:]] {
				for _, m := range matches[seen:] {
					if m.rule == ri {
						continue rules
					}
				}
				if compoundEnd(w, t.rules[ri].words[0]) {
					add(ri, start)
				}
			}
		}
	}
	matches = t.firstPhrase(words, matches)
	bi, mi := -1, -1 // the best match, the best modifier
	for i, m := range matches {
		if !t.mayWin(m, matches, words) {
			continue
		}
		if bi < 0 || better(m, matches[bi]) {
			bi = i
		}
		if t.rules[m.rule].modifier && (mi < 0 || better(m, matches[mi])) {
			mi = i
		}
	}
	if bi < 0 {
		return ruleMatch{}, false
	}
	best = matches[bi]
	if best.node < 0 {
		return best, true
	}
	if mi >= 0 {
		if m := matches[mi]; m.node >= 0 && m.end == best.end-best.length && t.isClothing(best.node) &&
			!t.IsDescendant(t.nodes[best.node].ID, t.nodes[m.node].ID) {
			best = m
		}
	}
	best = t.firstPieceOfSet(words, best, matches)
	if forNonPerson(words, best) || petFirst(words, matches) {
		best.node = -1 // "Dog Coat", "Puppenkleider": a pet supply or a toy, no category
		return best, true
	}
	// "Micro" alone says micro bag only when the text is about bags at all.
	if best.length == 1 && t.nodes[best.node].Name == "Micro Bags" && !hasBagWord(words) {
		return ruleMatch{}, false
	}
	return best, true
}

// mayWin reports whether m, one of all the matches in words, may be the best: not a match
// another covers ("Bag" in "Top-Handle Bags", "Slip" in "Non-Slip"), a style or colour word
// after the item it describes, or a postpositive word describing an earlier match.
func (t *Taxonomy) mayWin(m ruleMatch, all []ruleMatch, words []string) bool {
	r := t.rules[m.rule]
	return !(m.node >= 0 && (t.coveredByDescendant(m, all) || inOutsidePhrase(m, all)) ||
		m.node < 0 && (r.style && fashionBefore(m, all) || r.colour && colourOfItem(m, all, words)) ||
		r.postpos && t.describesEarlier(m, all))
}

// isClothing reports whether node (an index) is clothing, or is when the taxonomy has no clothing.
func (t *Taxonomy) isClothing(node int) bool {
	return t.clothing < 0 || node == t.clothing || t.IsDescendant(t.nodes[node].ID, t.nodes[t.clothing].ID)
}

// coveredByDescendant reports whether another match names a kind of m's category with no
// third match between the two: "Top-Handle Bags", "Denim Jeggings", but not the brand's
// "Jeans" in "Kraus Jeans … Paper Bag Trousers".
func (t *Taxonomy) coveredByDescendant(m ruleMatch, all []ruleMatch) bool {
	for _, o := range all {
		if o.node >= 0 && o.node != m.node && t.IsDescendant(t.nodes[o.node].ID, t.nodes[m.node].ID) &&
			!matchBetween(o, m, all) {
			return true
		}
	}
	return false
}

// inOutsidePhrase reports whether m lies inside a longer match naming no category: a word of
// that phrase, not a garment ("Slip" in "Grip Socks Non-Slip", "Watch" in "Apple Watch").
func inOutsidePhrase(m ruleMatch, all []ruleMatch) bool {
	for _, o := range all {
		if o.node < 0 && o.length > m.length && o.end >= m.end && o.end-o.length <= m.end-m.length {
			return true
		}
	}
	return false
}

// describesEarlier reports whether m, a postpositive rule's match, follows another match
// naming something other than m's category or a broader one: "Botas impermeables", "Stivali
// donna tacco largo", "Flip Flops Wedge" and "Funda impermeable" describe the boots, flip-flops
// and case named first; "Shoes Wedges" are still wedges.
func (t *Taxonomy) describesEarlier(m ruleMatch, all []ruleMatch) bool {
	for _, o := range all {
		if o.end > m.end-m.length {
			continue
		}
		if o.node < 0 || o.node != m.node && !t.IsDescendant(t.nodes[m.node].ID, t.nodes[o.node].ID) {
			return true
		}
	}
	return false
}

// fashionBefore reports whether one of all names a category and ends before m starts: "Hiking
// Socks Cushion Sole" are socks.
func fashionBefore(m ruleMatch, all []ruleMatch) bool {
	for _, o := range all {
		if o.node >= 0 && o.end <= m.end-m.length {
			return true
		}
	}
	return false
}

// matchBetween reports whether one of all lies wholly between a and b.
func matchBetween(a, b ruleMatch, all []ruleMatch) bool {
	if a.end > b.end {
		a, b = b, a
	}
	for _, p := range all {
		if start := p.end - p.length; start >= a.end && p.end <= b.end-b.length {
			return true
		}
	}
	return false
}

func better(a, b ruleMatch) bool {
	switch {
	case a.end != b.end:
		return a.end > b.end
	case a.length != b.length:
		return a.length > b.length
	case a.exact != b.exact:
		return a.exact
	case a.chars != b.chars:
		return a.chars > b.chars
	}
	return a.order < b.order
}

// ruleMatchesAt reports whether r's words match words from start, and whether every word
// matched whole (not as the end of a compound).
func ruleMatchesAt(r resolvedRule, words []string, start int) (exact, ok bool) {
	exact = true
	for j, w := range r.words {
		got := words[start+j]
		if wordForm(got, w) {
			continue
		}
		if r.compound && len(r.words) == 1 && compoundEnd(got, w) {
			exact = false
			continue
		}
		return false, false
	}
	return exact, true
}

func hasBagWord(words []string) bool {
	for _, w := range words {
		if strings.Contains(w, "bag") || strings.Contains(w, "tasche") || w == "sac" || strings.HasPrefix(w, "bors") || w == "bolso" {
			return true
		}
	}
	return false
}

// productWords folds text into its words: lower case, accents stripped, split at anything
// that is not a letter or digit ("T-Shirts" → "t", "shirts").
func productWords(text string) []string {
	return strings.FieldsFunc(foldWords(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// foldWords is Fold for matching product words, with Turkish dotless ı as i: Turkish shops
// write "Kadın" but "KADIN", whose capital I lower-cases to i ("ELBİSE" already folds to
// "elbise"), so both spellings read alike.
func foldWords(s string) string {
	return strings.ReplaceAll(Fold(s), "ı", "i")
}
