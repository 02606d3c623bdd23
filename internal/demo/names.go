package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
)

// modelNames are invented style names, as designers give their bags and shoes.
var modelNames = []string{
	"Ines", "Margaux", "Lou", "Romy", "Celeste", "Alba", "Noor", "Juno", "Vera", "Ottilie",
	"Mila", "Sable", "Iris", "Colette", "Paloma", "Esme", "Rue", "Linnea", "Maren", "Solene",
	"Cleo", "Talia", "Wren", "Ada", "Greta", "Livia", "Nell", "Odile", "Pia", "Zelie",
}

// titleCase capitalises each word ("croc-embossed leather" → "Croc-Embossed Leather").
func titleCase(s string) string {
	b := []rune(s)
	up := true
	for i, r := range b {
		if up && unicode.IsLetter(r) {
			b[i] = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-'
	}
	return string(b)
}

// describe writes a product's two-sentence feed description.
func describe(rng *rand.Rand, b brand, cat category, p Product) string {
	openers := []string{
		"The %[2]s from %[1]s, made in %[3]s and finished here in %[4]s.",
		"%[1]s cuts the %[2]s from %[3]s; this one is %[4]s.",
		"A %[4]s take on the %[2]s by %[1]s, in %[3]s.",
	}
	details := map[department][]string{
		bags: {
			"It has an adjustable strap, a magnetic closure and a suede-lined interior.",
			"Sized for a phone, a card case and keys, it carries by hand or over the shoulder.",
			"Gold-tone hardware, a detachable strap and an inside slip pocket.",
		},
		shoes: {
			"A cushioned leather insole and a rubber-grip sole make it an all-day pair.",
			"It runs true to size; take the larger size if between two.",
			"Made in Italy with a leather sole and a padded footbed.",
		},
		clothing: {
			"It has a relaxed fit that is true to size; the model wears a size S.",
			"Dry clean, or hand wash cold and dry flat.",
			"Cut for an easy fit through the body, with side pockets.",
		},
	}
	first := fmt.Sprintf(openers[rng.IntN(len(openers))], b.Name, p.Title, strings.ToLower(p.Material), strings.ToLower(p.Colour))
	ds := details[cat.Dept]
	return first + " " + ds[rng.IntN(len(ds))]
}
