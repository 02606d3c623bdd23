package pricing

import "testing"

// TestParseProbe6 reads the sixth probe's strings, of kinds the earlier probes held few of:
// Nordic "1 299:-" and ",-" prices beside their labels, unit prices in parentheses ("£2.50
// (£3.25 / 100 ml)", "2,49 € (4,98 € / l)"), multi-buys beside a single price ("£18.00 2 for
// £30"), member prices, regular prices left in <del>, <s> or <strike> markup, codes after the
// amount as affiliate CSVs write them, no-break, narrow and thin spaces, HTML entities, cents
// written apart from the whole number ("$19 99"), "from" as a place or a material ("Ships from
// UK £25.00"), monthly payments beside the price ("$999 or $83.25/mo."), prices before tax beside
// the price with it in parentheses ("¥3,000 (税込 ¥3,300)"), model codes and references before
// a price ("Samsung QN55Q80C $1,097.99", "Ref. 2024-118 129,00 €"), fees, deposits and savings,
// and Swedish shelf labels' colon for the decimal point ("29:90 kr").
// Each row's "group" ("plain", "hard") and "topic" are for reading the file only. Rows the
// parser reads otherwise and that a shopper could read either way are logged as ambiguous.
func TestParseProbe6(t *testing.T) { runProbeFile(t, "testdata/probe6_cases.jsonl") }
