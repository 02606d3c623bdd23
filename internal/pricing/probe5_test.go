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

// TestParseProbe5Review2 reads the strings of a second review of the fifth probe's rules:
// ordinary prices of more than thirty countries, then rand, quetzal, sol, ringgit and rupiah
// signs after sizes, counts, years and model names ("Size 10 R 299", "Modelo 2024 S/ 2,499",
// "Suit 40R R 2 499", "Audi Q5 key cover R 299"), a letter written onto a size beside another
// currency ("Jeans 32R $59.99"), a model-like letter price beside its value in another currency
// or a fee ("Only R99 (approx. $5.40)", "Bundle R499 + $10 shipping"), "Hemat" and "Jimat" in
// the names of value packs ("Paket Hemat Rp 49.000"), sizes before a dash ("Taille 40 – 39,99
// €"), savings in percent after two prices ("$129.99 $99.99 Save 23%"), "reduced to",
// 本体価格 and 税込 before the number, delivery fees in Chinese, Japanese and Korean, simplified
// Chinese beside "¥" (限时, 秒杀; 日本价格 names the yen), and 万, 千, 만 and 천 in words.
// Rows the parser still reads otherwise are logged as ambiguous.
func TestParseProbe5Review2(t *testing.T) { runProbeFile(t, "testdata/probe5_review2_cases.jsonl") }

// TestParseProbe5Review3 reads the strings of a third review of the fifth probe's rules: ordinary
// prices of more than thirty countries as product pages, carts, marketplaces and affiliate CSV
// columns write them (sizes, quantities, units, dates, ranges, was/now, tax words), then signs
// written before their amount after a count, a size, a year, a reference or a model's name ("Isi
// 12 Rp 48.000", "Pack of 2 ₹ 499", "Set of 3 ₦ 4,500"), a model's letter written onto its number
// right before the price's own sign ("Canon EOS R8 R 32 999", "LG Q6 Q 999", "Model R2 $149"),
// tyre sizes, fees and conversions after a rand, quetzal, sol, ringgit or rupiah price, and
// savings after two prices, "省" and "節省" among them ("NT$ 1,280 NT$ 990 省 NT$ 290"). Rows the
// parser still reads otherwise are logged as ambiguous.
func TestParseProbe5Review3(t *testing.T) { runProbeFile(t, "testdata/probe5_review3_cases.jsonl") }
