package catalog

import "strings"

// nonPersonWords name wearers that are no person: pets and dolls, in the languages the rules
// cover. A garment made for one is a pet supply or a toy, not fashion. nonPersonModifiers are
// those that, right before a garment's word, name its wearer rather than its motif or style:
// not "cat" ("Cat Sweater" may be a person's), "cane" ("Candy Cane Socks") or "doll" ("Baby
// Doll Dress").
var (
	nonPersonWords = wordSet("dog dogs puppy puppies pet pets cat cats hund hunde hunden chien chiens chiot chat chats " +
		"perro perros mascota mascotas gato gatos cane cani gatto gatti hond honden kat katten pies psa kot kota kopek kedi " +
		"doll dolls puppe puppen poupee poupees bambola bambole muneca munecas poppen docka lalka lalek lalki panenka barbie")
	nonPersonModifiers = wordSet("dog dogs puppy pet pets dolls hund hunde chien chiens perro perros")
)

// nonPersonPrefixes begin German, Dutch and Danish compounds for such wearers: "Hundemantel",
// "Puppenkleider", "Hondenjas".
var nonPersonPrefixes = [...]string{"hunde", "honden", "puppen", "poppen", "katzen", "dukke"}

// wearerPrepositions introduce who a thing is for: "Pet Sweater for Small Dogs", "Manteau pour
// chien", "Vestiti per bambole", "Ubranka dla lalek", "Hundepullover für kleine Hunde".
var wearerPrepositions = wordSet("for pour para per voor fur fuer til till dla do na pro")

// forNonPerson reports whether m, a match naming a garment in words, names one for a pet or a
// doll: a wearer word right before it ("Dog Coat", "Dolls Dress"), a compound of one
// ("Hundemantel"), or one after it behind a preposition ("Raincoat for Dogs"). A wearer word
// elsewhere is the garment's motif: "Dog Print T-Shirt", "Cat Eye Sunglasses".
func forNonPerson(words []string, m ruleMatch) bool {
	start := m.end - m.length
	if start > 0 && nonPersonModifiers[words[start-1]] {
		return true
	}
	if !m.exact && m.length == 1 {
		for _, p := range nonPersonPrefixes {
			if strings.HasPrefix(words[start], p) {
				return true
			}
		}
	}
	for i := m.end; i < len(words); i++ {
		if !nonPersonWords[words[i]] || i+1 < len(words) && fanWords[words[i+1]] {
			continue // "Hoodie for Dog Lovers" is a person's
		}
		for j := i - 1; j >= m.end && j >= i-3; j-- {
			if wearerPrepositions[words[j]] {
				return true // "Raincoat for Dogs", "for Small Dogs", "for 18 Inch Dolls"
			}
			if audienceWords[words[j]] || complementWords[words[j]] {
				break // "Sunglasses for Women Cat Eye", "Socks for Women Funny Cat", "for Hiking with Dog": a motif or a companion
			}
		}
	}
	return false
}

// fanWords, after a pet's word, make it a person's: "for Dog Lovers", "Gift for Cat Moms".
var fanWords = wordSet("lover lovers owner owners mom moms mum mums mama dad dads person people")

// petFirst reports whether the first garment a title names, among matches of words, follows
// a word naming a pet or a doll as its wearer: "Pet Sweater Cat Knit Pullover Puppy" and
// "Dog Hoodie Sweatshirt" are for pets whichever of their garment words wins.
func petFirst(words []string, matches []ruleMatch) bool {
	first := -1
	for i, m := range matches {
		if m.node >= 0 && (first < 0 || m.end-m.length < matches[first].end-matches[first].length) {
			first = i
		}
	}
	if first < 0 {
		return false
	}
	start := matches[first].end - matches[first].length
	return start > 0 && nonPersonModifiers[words[start-1]]
}
