package catalog

// deferKind tells whether a breadcrumb level naming nothing in fashion may be the colour or
// style name of the item an earlier level places, and so leave it there.
type deferKind int

const (
	// deferNone: the level names what the item is ("Beauty > Makeup > Lipstick", "Bags >
	// Duffle Bags", "Kids > Accessories > Lunch Bags").
	deferNone deferKind = iota
	// deferGarment: a word for something outside fashion that also names a garment's style
	// ("Men > Coats & Jackets > Duffle", "Women > Dresses > Trolley"): it leaves a garment
	// where the level above puts it, but not a bag ("Men > Bags > Holdalls" is luggage).
	deferGarment
	// deferAny: a word that is also a colour name (productTypeRule.colour): it leaves any item
	// below a department where the level above puts it ("Women > Bags > Lipstick").
	deferAny
)

// outsideDefers is how a segment whose words, words, best match r, a rule naming no category,
// defers to the level above it. A segment naming a bag ("Lunch Bags", "Garment Bags") names
// what the item is.
func outsideDefers(r resolvedRule, words []string) deferKind {
	switch {
	case r.style:
		return deferNone // style words have their own handling (MapProductType)
	case r.colour:
		return deferAny
	case hasBagWord(words):
		return deferNone
	}
	return deferGarment
}

// takesDeferred reports whether an earlier breadcrumb level placing the item at node (an
// index) keeps it there under a later level that deferred as d: a category below a department,
// and for deferGarment one of clothing.
func (t *Taxonomy) takesDeferred(node int, d deferKind) bool {
	if t.nodes[node].Depth <= 2 {
		return false
	}
	return d == deferAny || t.isClothing(node)
}

// inContext reports whether all, the words of a text, hold one of r's context words, or, for a
// style word, are, besides colours, materials and sizes, only a plural of r's one word
// ("Wedges", "Suede Wedges", "Black Wedges Size 6"; but "Straps" alone is no watch band).
func inContext(r resolvedRule, all []string) bool {
	rest, plural := 0, false
	for _, w := range all {
		if inStems(w, r.context) {
			return true
		}
		if fam, _ := colourWord(w); fam != "" || materialWordFamily(w) != "" || hasDigit(w) || w == "size" {
			continue
		}
		rest++
		plural = len(r.words) == 1 && w != r.words[0] && wordForm(w, r.words[0])
	}
	return rest == 1 && plural && r.style
}

// colourIntroWords may stand between an item's word and its colour's name: "Dress in Lipstick".
var colourIntroWords = wordSet("in colour color shade en")

// colourOfItem reports whether m, a match of a word that is also a colour name, follows a
// match naming a category right away or after a colourIntroWords word, and so names that
// item's colour: "Bodycon Dress Lipstick", "Cami Midi Dress in Lipstick Red", but not "Botan
// Gel Lipstick" (a brand read as "botas").
func colourOfItem(m ruleMatch, all []ruleMatch, words []string) bool {
	start := m.end - m.length
	for _, o := range all {
		if o.node >= 0 && (o.end == start || o.end == start-1 && colourIntroWords[words[start-1]]) {
			return true
		}
	}
	return false
}
