package catalog

import "strings"

// cyrillicColourWords are Russian and Ukrainian colour adjectives in their masculine form, as
// shops' feeds and option values write them ("Черный", "Білий"); init adds the feminine,
// neuter and plural forms ("черная", "черное", "черные"; "біла", "біле", "білі"). Folding
// makes "чёрный" "черный".
var cyrillicColourWords = map[string]string{
	// Russian
	"черный": Black, "белый": White, "молочный": White, "кремовый": White, "серый": Grey,
	"графитовый": Grey, "бежевый": Beige, "песочный": Beige, "коричневый": Brown, "шоколадный": Brown,
	"красный": Red, "бордовый": Red, "розовый": Pink, "оранжевый": Orange, "желтый": Yellow,
	"горчичный": Yellow, "зеленый": Green, "оливковый": Green, "мятный": Green, "синий": Blue,
	"голубой": Blue, "темно-синий": Blue, "бирюзовый": Green, "фиолетовый": Purple, "сиреневый": Purple,
	"лиловый": Purple, "золотой": Gold, "золотистый": Gold, "серебряный": Silver, "серебристый": Silver,
	"разноцветный": Multi, "многоцветный": Multi,
	// Ukrainian
	"чорний": Black, "білий": White, "молочний": White, "сірий": Grey, "бежевий": Beige,
	"коричневий": Brown, "червоний": Red, "бордовий": Red, "рожевий": Pink, "помаранчевий": Orange,
	"жовтий": Yellow, "зелений": Green, "оливковий": Green, "синій": Blue, "блакитний": Blue,
	"фіолетовий": Purple, "бузковий": Purple, "золотий": Gold, "срібний": Silver, "сріблястий": Silver,
	"різнокольоровий": Multi, "багатоколірний": Multi,
}

// cyrillicForms are the forms of a Russian or Ukrainian adjective: Russian "-ый" (черный:
// черная, черное, черные), "-ой" (голубой: голубая, голубое, голубые) and soft "-ий" (синий:
// синяя, синее, синие); Ukrainian "-ий" (чорний: чорна, чорне, чорні) and soft "-ій" (синій:
// синя, синє, сині). Which language an "-ий" is, is told by its other letters: Ukrainian has
// і, ї and є, Russian ы and э; a word with neither takes both sets.
func cyrillicForms(w string) []string {
	forms := []string{w}
	switch {
	case strings.HasSuffix(w, "ый"), strings.HasSuffix(w, "ой"):
		stem := strings.TrimSuffix(strings.TrimSuffix(w, "ый"), "ой")
		forms = append(forms, stem+"ая", stem+"ое", stem+"ые")
	case strings.HasSuffix(w, "ій"):
		stem := strings.TrimSuffix(w, "ій")
		forms = append(forms, stem+"я", stem+"є", stem+"і")
	case strings.HasSuffix(w, "ий"):
		stem := strings.TrimSuffix(w, "ий")
		if !strings.ContainsAny(stem, "ыэ") {
			forms = append(forms, stem+"а", stem+"е", stem+"і") // Ukrainian
		}
		if !strings.ContainsAny(stem, "іїє") {
			forms = append(forms, stem+"яя", stem+"ее", stem+"ие") // Russian soft
		}
	}
	return forms
}

func init() {
	for w, fam := range cyrillicColourWords {
		for _, form := range cyrillicForms(w) {
			if f := Fold(form); colourWords[f] == "" {
				colourWords[f] = fam
			}
		}
	}
}
