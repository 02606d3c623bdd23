package pricing

import "strings"

// Which currency a "¥" stands for: the yen, or the yuan by its cents or by the Chinese around it.

// centsMeaning returns the currency a guessed "¥" stands for given the amount it is written
// with: the yuan when the amount has two decimals ("¥89.90" and "￥199.00", as no shop writes
// sen) and nothing in the string is Japanese ("¥1,100.00 税込", "価格 ¥3,300.00"), or whatever
// the amount when the string writes simplified Chinese, no Japanese and no Chinese name of the
// yen ("现价 ¥199", not "参考价 ¥3,980 日元"), else code. The rule is the yen's alone: the won's
// "₩12,900.00" stays KRW.
func centsMeaning(sy symbol, code string, num rawNumber, decimal, s string) string {
	if code != "JPY" || !sy.candidate("CNY") {
		return code
	}
	jp := japanese(s)
	if simplifiedChinese(s) && !jp && !chineseYen(s) {
		return "CNY" // "原价 ¥299 现价 ¥199"
	}
	if len(num.groups) < 2 || len(num.groups[len(num.groups)-1]) != 2 {
		return code
	}
	if a, ok := num.interpret(decimal, ""); !ok || len(a.frac) != 2 || jp {
		return code
	}
	return "CNY"
}

// japanese reports whether s holds kana, a character that Japanese writes and Chinese does not
// ("円", "価" for 价 or 價, the "込" of 税込 "tax included", the "抜" of 税抜 "before tax", 拔 in
// Chinese), or words that Chinese writes otherwise: 税別 (before tax), 送料 (delivery fee) and
// 無料 (free).
func japanese(s string) bool {
	for _, r := range s {
		if r >= '\u3040' && r <= '\u30ff' || r == '円' || r == '価' || r == '込' || r == '抜' {
			return true
		}
	}
	for _, w := range japaneseWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// simplifiedChinese reports whether s holds a character of price strings that only simplified
// Chinese writes so: 价 (価 in Japanese), 现 (現), 优 (優), 费 (費), 运 (運), 邮 (郵), 减 (減),
// 积 (積), 买 (買), 卖 (売), 时 (時, "限时"), 货 (貨, "现货"), 发 (発, "发货"), 满 (満, "满减"),
// 领 (領, "领券"), 单 (単, "单价"), 团 (団, "团购"), 抢 (搶, "抢购"), 杀 (殺, "秒杀"), 补 (補,
// "补贴"), 专 (専, "专柜").
func simplifiedChinese(s string) bool {
	return strings.ContainsAny(s, "价现优费运邮减积买卖时货发满领单团抢杀补专")
}

// chineseYen reports whether s names the yen in Chinese: 日元 or 日币 ("Japanese yuan"), or
// the price in Japan (日本价, "日本价格 ¥3,980"), as a shop selling Japanese goods in China
// writes beside a price in yen.
func chineseYen(s string) bool {
	return strings.Contains(s, "日元") || strings.Contains(s, "日币") || strings.Contains(s, "日本价")
}

// japaneseWords are words of price strings that Japanese writes with characters Chinese also
// uses but spells these words otherwise (税别 or 未税, 运费, 免费).
var japaneseWords = []string{"税別", "送料", "無料"}
