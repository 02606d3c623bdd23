// Package demo makes tagdrop's bundled demo: a realistic designer catalogue with 90 days of price
// history, written as the Google Merchant Center feeds tagdrop imports (never as SQL), plus the
// illustrations its products show, a curated collection and a demo shopper.
//
// Everything is deterministic: the same Options (seed, size and "today") give byte-identical
// feeds, so `tagdrop gen` output can be diffed and the demo looks the same on every machine.
// Product names, prices and style codes are invented; the brand names are real labels, and the
// retailers are invented shops under the reserved .example domain.
package demo
