package trends

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Kind says what a term is, and so where its link goes.
type Kind string

// The kinds of term.
const (
	Phrase   Kind = "phrase"   // one or two words of titles: "micro bag"
	Colour   Kind = "colour"   // a named colour ("lime green") or a colour family ("green")
	Material Kind = "material" // a material family: "faux fur"
	Category Kind = "category" // the category leaf: "Mini & Micro Bags"
	Brand    Kind = "brand"    // the brand: "Ganni"
)

// Term is one thing products can trend under.
type Term struct {
	// Key names the term whatever its spelling: the kind, then the folded and stemmed words
	// ("phrase:micro bag" for "Micro Bags"), or the slug of a brand or category.
	Key   string
	Kind  Kind
	Label string // as shown: folded words ("micro bags"), or the brand's or category's name
	// Value is the facet value a link filters on: a brand or category slug, or a colour
	// family. Empty for terms a text search finds (phrases, named colours, materials).
	Value string
}

// Product is what terms are read from.
type Product struct {
	Title                  string
	Brand, BrandSlug       string
	Category, CategorySlug string // the category leaf
	Colour, ColourFamily   string // the retailer's colour name and its family
	Material               string // the retailer's material text
}

// noise are title words that say nothing about a trend: who it is for, and shop talk.
var noise = map[string]bool{
	"women": true, "womens": true, "woman": true, "men": true, "mens": true, "man": true, "unisex": true,
	"new": true, "sale": true, "blend": true, "size": true, "one": true, "pack": true, "set": true, "pair": true,
	"kids": true, "girls": true, "boys": true,
}

// Terms lists the terms of a product, each once, in key order. Title phrases are single words
// and pairs of adjacent words after stop words, one-letter words, numbers and the brand's own
// words are dropped; words are folded (catalog.Fold) and keyed by their English snowball stem,
// as the search index does, so "Micro Bags" and "micro bag" are one term.
func Terms(p Product) []Term {
	seen := map[string]bool{}
	var out []Term
	add := func(t Term) {
		if t.Label == "" || seen[t.Key] {
			return
		}
		seen[t.Key] = true
		out = append(out, t)
	}

	brandWords := map[string]bool{}
	for _, w := range words(p.Brand) {
		brandWords[w] = true
	}
	var prev string // the previous kept word, "" after a dropped one
	for _, w := range words(p.Title) {
		if !keep(w) || brandWords[w] {
			prev = ""
			continue
		}
		add(Term{Key: string(Phrase) + ":" + stem(w), Kind: Phrase, Label: w})
		if prev != "" {
			add(Term{Key: string(Phrase) + ":" + stem(prev) + " " + stem(w), Kind: Phrase, Label: prev + " " + w})
		}
		prev = w
	}

	if fam := strings.TrimSpace(catalog.Fold(p.ColourFamily)); fam != "" {
		add(Term{Key: string(Colour) + ":" + fam, Kind: Colour, Label: fam, Value: fam})
	}
	if named := strings.Join(words(p.Colour), " "); named != "" && catalog.ColourFamily(named) != "" &&
		len(strings.Fields(named)) <= 3 {
		add(Term{Key: string(Colour) + ":" + named, Kind: Colour, Label: named})
	}
	for _, m := range catalog.NormaliseMaterial(p.Material) {
		add(Term{Key: string(Material) + ":" + m, Kind: Material, Label: m})
	}
	if p.CategorySlug != "" && p.Category != "" {
		add(Term{Key: string(Category) + ":" + p.CategorySlug, Kind: Category, Label: p.Category, Value: p.CategorySlug})
	}
	if p.BrandSlug != "" && p.Brand != "" {
		add(Term{Key: string(Brand) + ":" + p.BrandSlug, Kind: Brand, Label: p.Brand, Value: p.BrandSlug})
	}
	slices.SortFunc(out, func(a, b Term) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// words splits text into folded words of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(catalog.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// keep drops stop words, one-letter words, words with digits (sizes, years, codes) and noise.
func keep(w string) bool {
	if len([]rune(w)) < 2 || noise[w] || english.IsStopWord(w) {
		return false
	}
	return !strings.ContainsFunc(w, unicode.IsDigit)
}

// stem is the English snowball stem the search index keys words by.
func stem(w string) string { return english.Stem(w, true) }
