package catalog

import (
	"strings"
	"unicode"
)

// colourParts splits a folded colour name into the names of the colours it joins: at "/", "&",
// ",", "+", "|", ";", "×" and "・", and at a hyphen that joins a pair (see hyphenPair).
func colourParts(f string) []string {
	var parts []string
	for _, part := range strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune("/&,+|;×・", r) }) {
		parts = append(parts, hyphenPair(part)...)
	}
	return parts
}

// hyphenPair splits a name at its hyphens when they join a pair of colours: every piece a basic
// colour term (see basicColourOf), one of them black or white, not all of one family, and no
// colour phrase across a hyphen ("Black-White", "Schwarz-Weiß", "Navy-White"). Other hyphenated
// names are one colour: a hue between two ("Blue-Green", "Grey-Blue"), a shade named by a noun
// ("Midnight-Black", "Ice-White"), a phrase ("White-Gold", "Off-White") or a lighter or darker
// one ("Light-Grey").
func hyphenPair(part string) []string {
	if !strings.Contains(part, "-") {
		return []string{part}
	}
	pieces := strings.Split(part, "-")
	blackOrWhite, differ := false, false
	var first string
	for i, p := range pieces {
		words := colourNameWords(p)
		if len(words) == 0 || colourTextures[strings.Join(words, " ")] {
			return []string{part}
		}
		fam := basicColourOf(words)
		if fam == "" {
			return []string{part}
		}
		if i > 0 {
			before := colourNameWords(pieces[i-1])
			across := before[len(before)-1] + " " + words[0]
			if colourPhrases[across] != "" || colourWords[across] != "" {
				return []string{part}
			}
		}
		if i == 0 {
			first = fam
		} else if fam != first {
			differ = true
		}
		blackOrWhite = blackOrWhite || fam == Black || fam == White
	}
	if !blackOrWhite || !differ {
		return []string{part}
	}
	return pieces
}

// colourNameWords are the words of a folded colour name, as ColourFamily reads them.
func colourNameWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// basicColourOf is the family of a piece of a hyphenated name that is a basic colour term, with
// at most words that are no colours before it ("Black", "Dark Navy", "Dunkelblau", "Weiß"), or a
// colour phrase ("Navy Blue"); "" for a shade noun ("Midnight", "Ice") or a piece holding two
// colour words.
func basicColourOf(words []string) string {
	if fam := colourPhrases[strings.Join(words, " ")]; fam != "" {
		return fam // a colour phrase: "Navy Blue-White", "Sky Blue-White"
	}
	for _, w := range words[:len(words)-1] {
		if fam, _ := colourWord(w); fam != "" {
			return ""
		}
	}
	last := words[len(words)-1]
	if !basicColourTerms[last] {
		for _, p := range colourPrefixes {
			if rest, ok := strings.CutPrefix(last, p); ok && basicColourTerms[rest] {
				last = rest
				break
			}
		}
	}
	if !basicColourTerms[last] {
		return ""
	}
	return colourWords[last]
}

// basicColourTerms are the folded basic colour words of each language tagdrop reads (black,
// white, grey, navy, red... and their translations and inflected forms), as opposed to shade
// nouns ("midnight", "ice", "bone"). Built by init from compoundHeads, the word lists of other
// languages and basicColourWords.
var basicColourTerms = map[string]bool{}

// basicColourWords are basic colour terms of English, French, Italian and Spanish that
// compoundHeads lacks.
const basicColourWords = `navy beige gold silver khaki olive noir noire blanc blanche gris rouge bleu vert
	marron nero nera bianco bianca grigio rosso blu verde negro negra blanco blanca rojo azul marino
	marine silber argent argento oro plata`

func init() {
	for _, w := range strings.Fields(basicColourWords) {
		basicColourTerms[w] = true
	}
	for w := range compoundHeads {
		basicColourTerms[w] = true
	}
	for _, m := range []map[string]string{moreColourWords, europeColourWords, colourCodes} {
		for w := range m {
			basicColourTerms[Fold(w)] = true
		}
	}
	for _, m := range []map[string]string{polishColourWords, czechColourWords} {
		for w, fam := range m {
			for _, form := range slavicForms(w) {
				basicColourTerms[Fold(form)] = true
			}
			addCombiningForms(w, fam)
		}
	}
	for w, fam := range cyrillicColourWords {
		for _, form := range cyrillicForms(w) {
			basicColourTerms[Fold(form)] = true
		}
		addCombiningForms(w, fam)
	}
}

// addCombiningForms files the combining forms of a Slavic colour adjective (see
// combiningForms) under its family, as colour words and as basic colour terms, so that
// "Czarno-biały" is a pair and "Szaro-niebieski" one blue. Gold and silver have none: theirs
// are the metals' nouns ("złoto", "zlato", "золото"), which material options hold.
func addCombiningForms(adjective, fam string) {
	if fam == Gold || fam == Silver {
		return // "złoto", "zlato", "золото" are the metal, a material
	}
	for _, form := range combiningForms(adjective) {
		f := Fold(form)
		basicColourTerms[f] = true
		if colourWords[f] == "" {
			colourWords[f] = fam
		}
	}
}

// combiningForms are the forms a Polish, Czech, Slovak, Russian or Ukrainian colour adjective
// takes as the first half of a hyphenated colour name: "czarny" → "czarno" (Czarno-biały),
// "niebieski" → "niebiesko", "černý" → "černo" (Černo-bílá), "черный" → "черно" (Чёрно-белый),
// "синий" → "сине" (Сине-белый), "синій" → "синьо" (Синьо-жовтий).
func combiningForms(adjective string) []string {
	if strings.Contains(adjective, "-") {
		return nil // "темно-синий" is a compound already
	}
	for _, suffix := range []string{"ый", "ой"} {
		if stem, ok := strings.CutSuffix(adjective, suffix); ok {
			return []string{stem + "о"}
		}
	}
	if stem, ok := strings.CutSuffix(adjective, "ій"); ok {
		return []string{stem + "ьо"}
	}
	if stem, ok := strings.CutSuffix(adjective, "ий"); ok {
		return []string{stem + "о", stem + "е"} // Ukrainian "чорно", Russian soft "сине"
	}
	for _, suffix := range []string{"y", "ý", "i"} {
		if stem, ok := strings.CutSuffix(adjective, suffix); ok {
			return []string{stem + "o"}
		}
	}
	return nil
}
