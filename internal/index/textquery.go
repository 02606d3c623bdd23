package index

import (
	"math"
	"slices"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
)

// Score factors of words found by typo tolerance and by prefix, against an exact match.
const (
	typoFactor   = 0.6
	prefixFactor = 0.8
	// minPrefixRunes is the shortest last word type-ahead expands.
	minPrefixRunes = 2
)

// variant is one term a query word may match, with the factor its hits are scored by.
type variant struct {
	term   uint32
	factor float64
}

// qword is one query word: the union of its variants.
type qword struct {
	variants []variant
	match    *roaring.Bitmap
}

// clause is one query compound: it matches when every word of one of its alternatives does
// ("cross-body": "crossbody", or both "cross" and "body").
type clause struct {
	alts  [][]*qword
	match *roaring.Bitmap
}

// textQuery is a parsed Text: every clause must match.
type textQuery struct {
	clauses []clause
	match   *roaring.Bitmap // nil: no text
	n       float64         // live products, for idf
}

// parseText resolves text against the dictionary.
func (ix *Index) parseText(text string, typeAhead bool) *textQuery {
	comps := compounds(text)
	tq := &textQuery{n: float64(ix.live.GetCardinality())}
	for i, c := range comps {
		last := typeAhead && i == len(comps)-1
		var cl clause
		if c.joined != "" {
			cl.alts = append(cl.alts, []*qword{ix.word(c.joined, last)})
		}
		if len(c.parts) > 0 && (c.joined == "" || !c.lossy) {
			var alt []*qword
			for j, p := range c.parts {
				alt = append(alt, ix.word(p, last && j == len(c.parts)-1))
			}
			cl.alts = append(cl.alts, alt)
		}
		if len(cl.alts) == 0 {
			continue
		}
		alts := make([]*roaring.Bitmap, 0, len(cl.alts))
		for _, alt := range cl.alts {
			bms := make([]*roaring.Bitmap, len(alt))
			for j, w := range alt {
				bms[j] = w.match
			}
			alts = append(alts, roaring.FastAnd(bms...))
		}
		cl.match = roaring.FastOr(alts...)
		tq.clauses = append(tq.clauses, cl)
	}
	if len(tq.clauses) == 0 {
		return tq
	}
	bms := make([]*roaring.Bitmap, len(tq.clauses))
	for i, cl := range tq.clauses {
		bms[i] = cl.match
	}
	if len(bms) == 1 {
		tq.match = bms[0]
	} else {
		tq.match = roaring.FastAnd(bms...)
	}
	return tq
}

// word resolves one folded query word to its variants: its own term, terms of dictionary
// words one edit away (words of minTypoRunes or more), and with prefix the terms of words it
// begins.
func (ix *Index) word(w string, prefix bool) *qword {
	best := map[uint32]float64{}
	offer := func(t uint32, f float64) {
		if best[t] < f {
			best[t] = f
		}
	}
	if t, ok := ix.dict.termIDs[ix.an.term(w)]; ok {
		offer(t, 1)
	}
	runes := utf8.RuneCountInString(w)
	if runes >= minTypoRunes {
		ix.dict.withinOneEdit(w, func(t uint32) { offer(t, typoFactor) })
	}
	if prefix && runes >= minPrefixRunes {
		ix.dict.withPrefix(w, func(t uint32) { offer(t, prefixFactor) })
	}
	qw := &qword{}
	var bms []*roaring.Bitmap
	for t, f := range best {
		qw.variants = append(qw.variants, variant{t, f})
		for _, b := range ix.dict.terms[t].fields {
			if b != nil {
				bms = append(bms, b)
			}
		}
	}
	slices.SortFunc(qw.variants, func(a, b variant) int { return int(a.term) - int(b.term) })
	qw.match = roaring.FastOr(bms...)
	return qw
}

// score is pid's text relevance: the sum over clauses (in query order) of the clause's best
// alternative, an alternative scoring the mean of its words, a word the best of its variants'
// weight(field) × idf × factor over the fields that hold it. idf is ln(1 + N/df).
func (ix *Index) score(tq *textQuery, pid uint32) float64 {
	total := 0.0
	for _, cl := range tq.clauses {
		best := 0.0
		for _, alt := range cl.alts {
			sum := 0.0
			ok := true
			for _, w := range alt {
				s := ix.wordScore(tq, w, pid)
				if s == 0 {
					ok = false
					break
				}
				sum += s
			}
			if ok {
				best = max(best, sum/float64(len(alt)))
			}
		}
		total += best
	}
	return total
}

func (ix *Index) wordScore(tq *textQuery, w *qword, pid uint32) float64 {
	best := 0.0
	for _, v := range w.variants {
		tm := &ix.dict.terms[v.term]
		if tm.df <= 0 {
			continue
		}
		for f, b := range tm.fields {
			if b != nil && b.Contains(pid) {
				best = max(best, fieldWeights[f]*math.Log(1+tq.n/float64(tm.df))*v.factor)
				break // fields run heaviest first
			}
		}
	}
	return best
}
