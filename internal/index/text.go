package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// analyzer turns text into index terms: folded words, stemmed (English snowball), then mapped
// onto their synonym group. It is read-only after newAnalyzer and safe for concurrent use.
type analyzer struct {
	synonyms map[string]string // stemmed word → group term
}

func newAnalyzer(groups [][]string) *analyzer {
	a := &analyzer{synonyms: map[string]string{}}
	for _, g := range groups {
		canon := stem(g[0])
		for _, w := range g {
			a.synonyms[stem(w)] = canon
		}
	}
	return a
}

// stem is the English snowball stem of a folded word; numbers stay as they are.
func stem(w string) string {
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	return english.Stem(w, true)
}

// term maps a folded surface word to its index term.
func (a *analyzer) term(word string) string {
	t := stem(word)
	if c, ok := a.synonyms[t]; ok {
		return c
	}
	return t
}

// compound is one whitespace-or-punctuation-delimited unit of text: its parts, split on hyphens
// and apostrophes ("cross-body" → cross, body), and, when there are several, their joined form
// ("crossbody").
type compound struct {
	parts  []string
	joined string
	lossy  bool // a one-letter part was dropped: the parts alone do not say the same
}

// compounds splits text into compounds of folded words. Letters and digits make words; a
// hyphen, apostrophe or slash between two of them joins parts of one compound; anything else
// separates. Stop words and one-letter words are dropped as parts but kept in joined forms.
func compounds(text string) []compound {
	text = catalog.Fold(text)
	var out []compound
	var parts []string
	start := -1
	flush := func() {
		if len(parts) == 0 {
			return
		}
		c := compound{}
		for _, p := range parts {
			if keepWord(p) {
				c.parts = append(c.parts, p)
			} else if utf8.RuneCountInString(p) == 1 {
				c.lossy = true
			}
		}
		if len(parts) > 1 {
			c.joined = strings.Join(parts, "")
		}
		if len(c.parts) > 0 || c.joined != "" {
			out = append(out, c)
		}
		parts = nil
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			parts = append(parts, text[start:i])
			start = -1
			if isJoiner(r) && i+utf8.RuneLen(r) < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
				if isWordRune(next) {
					continue
				}
			}
		}
		flush()
	}
	if start >= 0 {
		parts = append(parts, text[start:])
	}
	flush()
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '‐' || r == '–' || r == '/'
}

// keepWord drops English stop words and one-letter words (the "t" of "t-shirt"); digits stay.
func keepWord(w string) bool {
	if len(w) == 1 {
		return w[0] >= '0' && w[0] <= '9'
	}
	return !english.IsStopWord(w)
}

// surfaceWords lists every word text indexes under: each kept part and each joined form.
func surfaceWords(text string) []string {
	var out []string
	for _, c := range compounds(text) {
		out = append(out, c.parts...)
		if c.joined != "" {
			out = append(out, c.joined)
		}
	}
	return out
}
