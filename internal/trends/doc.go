// Package trends says what is trending in the catalogue: the terms a product can be found
// under (title phrases such as "micro bag", named colours such as "lime green" and their
// families, material families such as "faux fur", the category leaf and the brand), the ISO
// week a time falls in, and a score for a term's weekly counts that rewards week-over-week
// growth without letting a term with a handful of items win.
//
// It is pure Go: the store keeps the weekly counts (internal/store/trends.go), the trends job
// keeps them current from the change log (internal/jobs/trends.go) and the web page ranks them
// with Rank. See docs/trends.md.
package trends
