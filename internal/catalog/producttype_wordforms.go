package catalog

import "strings"

// The forms a rule's word takes in a retailer's text: plurals that add an ending, plurals that
// change one (Italian, Polish, French -x, English -ies), and German and Dutch compounds that end
// in the word.

// pluralEndings are the endings wordForm accepts after a rule's word.
var pluralEndings = [...]string{"s", "es", "e", "n", "en", "er"}

// unstemmed are words whose endings are no plural: French feminine adjectives that would
// otherwise read as a garment ("taille haute" is a high waist, not a "haut", a top).
var unstemmed = wordSet("haute hautes basse basses")

// pluralChanges are plurals that change the end of a word rather than add to it, each as
// {plural ending, singular ending}: Italian (giacca → giacche, abito → abiti, maglione →
// maglioni, gonna → gonne, camicia → camicie), Polish (sukienka → sukienki) and French in -x
// (manteau → manteaux).
var pluralChanges = [...][2]string{{"che", "ca"}, {"ghe", "ga"}, {"chi", "co"}, {"ghi", "go"}, {"ki", "ka"},
	{"i", "o"}, {"i", "e"}, {"e", "a"}, {"ux", "u"}, {"ies", "y"}}

// minChangedStem is the fewest bytes a word keeps before a pluralChanges ending: "ski" is no
// plural of Danish "sko", nor "bi" of anything.
const minChangedStem = 3

// stems appends to out w and w without each plural ending: the rule words w may be a form of,
// besides those pluralChanges give.
func stems(w string, out []string) []string {
	out = append(out, w)
	for _, e := range pluralEndings {
		if len(w) > len(e) && strings.HasSuffix(w, e) {
			out = append(out, w[:len(w)-len(e)])
		}
	}
	return out
}

// wordForm reports whether got is want or one of its plural forms (see stems).
func wordForm(got, want string) bool {
	if strings.HasPrefix(got, want) {
		rest := got[len(want):]
		if rest == "" {
			return true
		}
		for _, e := range pluralEndings {
			if rest == e {
				return true
			}
		}
	}
	for _, c := range pluralChanges {
		if len(got) >= len(c[0])+minChangedStem && strings.HasSuffix(got, c[0]) && strings.HasSuffix(want, c[1]) &&
			got[:len(got)-len(c[0])] == want[:len(want)-len(c[1])] {
			return true
		}
	}
	return false
}

// compoundEnd reports whether got is a longer word ending in want or one of its plurals.
func compoundEnd(got, want string) bool {
	if len(got) <= len(want)+1 {
		return false
	}
	if strings.HasSuffix(got, want) {
		return true
	}
	for _, e := range pluralEndings {
		if len(got) > len(want)+len(e)+1 && strings.HasSuffix(got, e) && strings.HasSuffix(got[:len(got)-len(e)], want) {
			return true
		}
	}
	return false
}
