package index

import (
	"github.com/RoaringBitmap/roaring/v2"
)

// indexText files pid's words under their terms, per field group, and counts the surface
// words as used.
func (ix *Index) indexText(d *prodDoc, pid uint32, p Product) {
	seenPosting := map[uint32]bool{}
	seenTerm := map[uint32]bool{}
	seenWord := map[string]bool{}
	add := func(text string, field int) {
		for _, w := range surfaceWords(text) {
			var t uint32
			if sid, ok := ix.dict.surfaceID[w]; ok {
				t = ix.dict.surfTerm[sid] // known word: skip stemming
			} else {
				t = ix.dict.termID(ix.an.term(w))
			}
			if !seenWord[w] {
				seenWord[w] = true
				ix.dict.addSurface(w, t)
				d.words = append(d.words, ix.dict.surfaceID[w])
			}
			key := t<<2 | uint32(field)
			if seenPosting[key] {
				continue
			}
			seenPosting[key] = true
			d.postings = append(d.postings, key)
			tm := &ix.dict.terms[t]
			if tm.fields[field] == nil {
				tm.fields[field] = roaring.New()
			}
			tm.fields[field].Add(pid)
			if !seenTerm[t] {
				seenTerm[t] = true
				tm.df++
			}
		}
	}
	add(p.Brand, fieldBrand)
	add(p.Title, fieldTitle)
	add(p.Colour, fieldAttrs)
	add(p.Material, fieldAttrs)
	for _, c := range p.Categories {
		add(c.Name, fieldAttrs)
	}
	add(p.Description, fieldDesc)
}

// unindexText undoes indexText.
func (ix *Index) unindexText(d *prodDoc, pid uint32) {
	seenTerm := map[uint32]bool{}
	for _, key := range d.postings {
		t := key >> 2
		tm := &ix.dict.terms[t]
		tm.fields[key&3].Remove(pid)
		if !seenTerm[t] {
			seenTerm[t] = true
			tm.df--
		}
	}
	for _, w := range d.words {
		ix.dict.surfRefs[w]--
	}
	d.postings, d.words = nil, nil
}
