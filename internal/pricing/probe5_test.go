package pricing

import "testing"

// TestParseProbe5 reads the fifth probe's strings: everyday prices of more than twenty countries
// (signs before and after, codes, no-break and narrow no-break spaces, each locale's grouping,
// Indian lakhs, Swiss apostrophes, Arabic and Persian digits, "ab", "dès", "od", "från", "от",
// "起", ranges, was/now, tax words), then harder ones: tyre sizes and points before a price,
// instalments before the total, prices before tax beside those with it, the EU's "lowest price
// of the last 30 days" before the current one, regular/sale labels of many languages, savings
// after two prices, magnitude words of Korean and Japanese, model names with a letter that is
// also a currency sign. Each row's "group" ("plain", "hard") is for reading the file only.
func TestParseProbe5(t *testing.T) { runProbeFile(t, "testdata/probe5_cases.jsonl") }

// TestParseProbe5Review reads the strings a review of the fifth probe's rules wrote against them:
// ordinary prices of many countries, then rand, quetzal, sol, ringgit and rupiah prices beside
// model names and tyre sizes, the rand beside its value in another currency ("R99 (approx.
// $5.40)"), numbers with "/" that are sizes or fractions, months and "last … days" beside a price
// ("£9.99 last day of sale"), ranges after "was" ("Was $20 to $30, now $15 to $25"), savings
// beside counts ("Pack of 12 $24.99 Save $12.99"), points and ratings, Chinese text that names the
// yen ("参考价 ¥3,980 日元"), and 万, 千, 만 and 천 inside words. Rows the parser still reads
// otherwise are logged as ambiguous.
func TestParseProbe5Review(t *testing.T) { runProbeFile(t, "testdata/probe5_review_cases.jsonl") }
