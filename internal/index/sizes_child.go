package index

import "strings"

// childKeys are the keys of a child's size text: its own text after childLabel ("Kids 8-10"),
// or, for a list of sizes ("S,M,L", "4|5|6", "S; M"), each of them ("Kids S", "Kids M").
func childKeys(raw string) []sizeKey {
	sep := ","
	switch {
	case strings.Contains(raw, "|"):
		sep = "|"
	case strings.Contains(raw, ";") && !strings.Contains(raw, ","):
		sep = ";"
	}
	var keys []sizeKey
	seen := map[string]bool{}
	for _, p := range strings.Split(raw, sep) {
		label := childLabel + strings.Join(strings.Fields(p), " ")
		if label != childLabel && !seen[label] {
			seen[label] = true
			keys = append(keys, sizeKey{label, sysOther})
		}
	}
	if len(keys) == 0 {
		return []sizeKey{{childLabel + strings.Join(strings.Fields(raw), " "), sysOther}}
	}
	return keys
}
