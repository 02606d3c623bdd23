package feed

import "strings"

// swallowedRows finds the cell of a tab- or pipe-separated record that swallowed whole rows: a
// field that starts with a quote it never closes as a field (`"Best" sneaker`) is read, quotes
// being lenient, up to some later quote, taking the line breaks and separators of the rows in
// between with it. A real cell may hold separators and line breaks ("Sizes: S | M | L" on one
// line, "Machine wash" on the next), but hardly a line that is a row: one holding, after a line
// break, a line with at least columns-1 separators (columns being the header's) is the sign,
// with a quote left in the cell's value, which lenient quoting leaves there (`Best" sneaker…`)
// and a properly quoted cell without inner quotes has not ("Sizes:\nS | M | L | XL" is a
// cell). It returns that cell's index, or -1. Comma and semicolon feeds are not checked: their
// multi-line descriptions hold commas and semicolons.
func swallowedRows(rec []string, comma rune, columns int) int {
	if comma != '\t' && comma != '|' || columns < 2 {
		return -1
	}
	sep := string(comma)
	for i, v := range rec {
		nl := strings.IndexByte(v, '\n')
		if nl < 0 || !strings.Contains(v, `"`) {
			continue
		}
		for _, line := range strings.Split(v[nl+1:], "\n") {
			if strings.Count(line, sep) >= columns-1 {
				return i
			}
		}
	}
	return -1
}
