package index

import (
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
)

// Field groups of the text index, by weight. A product is scored by the heaviest group a query
// word hits, so a brand or title hit outranks a description hit.
const (
	fieldBrand = iota
	fieldTitle
	fieldAttrs // colour, material and category path
	fieldDesc
	numFields
)

// fieldWeights are the weights of the field groups.
var fieldWeights = [numFields]float64{8, 5, 2, 1}

// minTypoRunes is the shortest query word typo tolerance applies to (one edit).
const minTypoRunes = 5

// term is one index term (a stemmed, synonym-mapped word) with its posting lists.
type term struct {
	text   string
	fields [numFields]*roaring.Bitmap // product ids per field group; nil while empty
	df     int                        // live products with the term in any field
}

// dictionary holds the terms and the surface words (folded, unstemmed) that map to them: the
// sorted surface list answers prefix look-ups, the deletion neighbourhood typo look-ups.
// Surface words are counted by live products; a word whose count falls to zero stays in the
// structures but is skipped, so the vocabulary never has to be rebuilt.
type dictionary struct {
	terms   []term
	termIDs map[string]uint32

	surface   []string          // by surface id
	surfTerm  []uint32          // surface id → term id
	surfRefs  []int32           // live products using the word
	surfaceID map[string]uint32 // word → surface id
	sorted    []uint32          // surface ids in word order
	unsorted  []uint32          // surface ids added since sorted was last merged
	seed      maphash.Seed
	deletions map[uint64][]uint32 // hash of a word or of a one-rune deletion → surface ids
}

func newDictionary() *dictionary {
	return &dictionary{
		termIDs:   map[string]uint32{},
		surfaceID: map[string]uint32{},
		seed:      maphash.MakeSeed(),
		deletions: map[uint64][]uint32{},
	}
}

// termID returns the id of text, adding it when new.
func (d *dictionary) termID(text string) uint32 {
	if id, ok := d.termIDs[text]; ok {
		return id
	}
	id := uint32(len(d.terms))
	d.terms = append(d.terms, term{text: text})
	d.termIDs[text] = id
	return id
}

// addSurface records one more live use of word (mapping to termID), adding it when new.
func (d *dictionary) addSurface(word string, termID uint32) {
	if id, ok := d.surfaceID[word]; ok {
		d.surfRefs[id]++
		return
	}
	id := uint32(len(d.surface))
	d.surface = append(d.surface, word)
	d.surfTerm = append(d.surfTerm, termID)
	d.surfRefs = append(d.surfRefs, 1)
	d.surfaceID[word] = id
	d.unsorted = append(d.unsorted, id)
	if utf8.RuneCountInString(word) >= minTypoRunes-1 {
		d.forDeletions(word, func(h uint64) { d.deletions[h] = append(d.deletions[h], id) })
	}
}

// settle merges newly added surface words into the sorted list. Writers call it before
// releasing the lock, so readers never mutate.
func (d *dictionary) settle() {
	if len(d.unsorted) == 0 {
		return
	}
	byWord := func(a, b uint32) int { return strings.Compare(d.surface[a], d.surface[b]) }
	slices.SortFunc(d.unsorted, byWord)
	merged := make([]uint32, 0, len(d.sorted)+len(d.unsorted))
	i, j := 0, 0
	for i < len(d.sorted) && j < len(d.unsorted) {
		if byWord(d.sorted[i], d.unsorted[j]) <= 0 {
			merged = append(merged, d.sorted[i])
			i++
		} else {
			merged = append(merged, d.unsorted[j])
			j++
		}
	}
	merged = append(merged, d.sorted[i:]...)
	merged = append(merged, d.unsorted[j:]...)
	d.sorted, d.unsorted = merged, nil
}

// forDeletions calls fn with the hash of word and of each word made by deleting one rune.
func (d *dictionary) forDeletions(word string, fn func(uint64)) {
	fn(maphash.String(d.seed, word))
	var buf []byte
	for i, r := range word {
		buf = append(buf[:0], word[:i]...)
		buf = append(buf, word[i+utf8.RuneLen(r):]...)
		fn(maphash.Bytes(d.seed, buf))
	}
}

// withPrefix calls fn with the term id of every live surface word starting with prefix.
func (d *dictionary) withPrefix(prefix string, fn func(termID uint32)) {
	i := sort.Search(len(d.sorted), func(i int) bool { return d.surface[d.sorted[i]] >= prefix })
	for ; i < len(d.sorted); i++ {
		id := d.sorted[i]
		if !strings.HasPrefix(d.surface[id], prefix) {
			return
		}
		if d.surfRefs[id] > 0 {
			fn(d.surfTerm[id])
		}
	}
}

// withinOneEdit calls fn with the term id of every live surface word at most one edit (insert,
// delete, substitute or swap of neighbours) from word. Candidates come from the deletion
// neighbourhood and are checked exactly, so hash collisions cannot leak through.
func (d *dictionary) withinOneEdit(word string, fn func(termID uint32)) {
	seen := map[uint32]bool{}
	d.forDeletions(word, func(h uint64) {
		for _, id := range d.deletions[h] {
			if seen[id] || d.surfRefs[id] == 0 {
				continue
			}
			seen[id] = true
			if withinOneEdit(word, d.surface[id]) {
				fn(d.surfTerm[id])
			}
		}
	})
}

// withinOneEdit reports whether the optimal-string-alignment distance of a and b is at most 1.
func withinOneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		diff := -1
		for i := range ra {
			if ra[i] == rb[i] {
				continue
			}
			if diff >= 0 {
				// a second difference is fine only as the swap of the first pair
				return diff == i-1 && ra[diff] == rb[i] && ra[i] == rb[diff] && string(ra[i+1:]) == string(rb[i+1:])
			}
			diff = i
		}
		return true
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i+1:]) == string(rb[i:])
	}
	return false
}
