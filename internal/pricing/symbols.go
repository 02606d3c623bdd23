package pricing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// symbol is what a currency sign or word means: the currency it stands for when nothing else
// tells (code, "" when there is no sensible default, as for "kr" or the toman) and the other
// currencies it may stand for, which a hint can pick instead.
type symbol struct {
	code  string
	alts  []string
	minor bool // the amount is in the minor unit: "99p", "99¢", "GBX"
	iso   bool // the text is an ISO 4217 code itself
}

// candidates reports whether code is one of the currencies sy may stand for.
func (sy symbol) candidate(code string) bool {
	if code == "" {
		return false
	}
	if sy.code == code {
		return true
	}
	for _, a := range sy.alts {
		if a == code {
			return true
		}
	}
	return false
}

// symbolList maps "DEFAULT ALT ALT…" (DEFAULT "-" for none) to the exact spellings, separated by
// " | ", that stand for it. Matching is case-sensitive: "Ft" is forint, "ft" is feet. Spellings
// made only of letters must stand as a word ("R" in "Rand 5" is not rand, "R 5" is).
var symbolList = map[string]string{
	"USD CAD AUD NZD SGD HKD TWD MXN ARS CLP COP UYU BRL BSD BBD BMD BND BZD FJD GYD JMD KYD " + "LRD NAD SBD SRD TTD XCD ZWL DOP CUP": "$ | ＄ | dollar | dollars | Dollar | Dollars",
	"USD":                                 "US$ | U$S | USD$ | US $ | U.S.$",
	"CAD NIO":                             "C$ | CA$ | CAD$ | CAN$ | Can$ | CA $ | C $ | CAN $",
	"CAD":                                 "CDN$ | CDN $ | Cdn$ | Cdn $",
	"AUD":                                 "A$ | AU$ | AUD$ | AU $ | TVD",
	"NZD":                                 "NZ$ | NZD$ | NZ $",
	"SGD":                                 "S$ | SG$ | SGD$",
	"HKD":                                 "HK$ | HKD$",
	"TWD":                                 "NT$ | NT | NTD",
	"MXN":                                 "MX$ | Mex$",
	"BRL":                                 "R$",
	"DOP":                                 "RD$",
	"JMD":                                 "J$",
	"TTD":                                 "TT$",
	"BZD":                                 "BZ$",
	"CUC":                                 "CUC$",
	"MOP":                                 "MOP$",
	"TOP":                                 "T$",
	"ZWL":                                 "Z$",
	"GYD":                                 "G$ | GY$",
	"UYU":                                 "$U",
	"BOB":                                 "$b",
	"NAD":                                 "N$",
	"XCD":                                 "EC$",
	"FJD":                                 "FJ$",
	"KYD":                                 "CI$",
	"BBD":                                 "Bds$",
	"LRD":                                 "L$",
	"COP":                                 "Col$ | CO$",
	"ARS":                                 "AR$ | Arg$",
	"CLP":                                 "CL$ | CLP$",
	"BND":                                 "BN$",
	"CVE":                                 "CV$",
	"CNY JPY":                             "CN¥",
	"BDT INR":                             "Tk | Tk. | টকা | টাকা",
	"DKK":                                 "Dkr | DKr",
	"NOK":                                 "Nkr | NKr",
	"SEK":                                 "Skr | SKr",
	"ISK":                                 "Ikr | IKr",
	"DEM":                                 "DM | D-Mark",
	"ATS":                                 "öS",
	"CDF":                                 "FrCD | FC",
	"EEK":                                 "kroon",
	"FIM":                                 "mk.",
	"GRD":                                 "Δρχ. | Δρχ",
	"IEP":                                 "IR£",
	"LBP":                                 "LB£ | ل.ل",
	"SYP":                                 "SY£ | ل.س",
	"LKR":                                 "SL Re | SLRs | රු",
	"MUR":                                 "MURs",
	"MVR":                                 "MRf | Rf",
	"MZN":                                 "MTn | MT",
	"NLG":                                 "fl. | Hfl.",
	"NPR":                                 "NPRs | नेरू",
	"PKR":                                 "PKRs",
	"LTL":                                 "Lt",
	"LVL":                                 "Ls",
	"MTL":                                 "Lm",
	"SKK":                                 "Sk",
	"SOS":                                 "Ssh | Sh.So.",
	"WST":                                 "WS$",
	"XPF":                                 "CFP | F CFP",
	"YER":                                 "YR | ر.ي",
	"KMF":                                 "CF",
	"SLE SLL":                             "Le",
	"VEF VES":                             "Bs.F. | BsF",
	"AFN":                                 "؋ | Af",
	"AMD":                                 "֏ | դր.",
	"KZT":                                 "₸ | тг | Тг | тңг. | тенге | теңге",
	"AZN":                                 "₼ | ман | ман. | man.",
	"EUR":                                 "€ | euro | euros | Euro | Euros | EURO | EUROS",
	"GBP EGP GIP FKP SHP LBP SYP SDG SSP": "£ | ￡ | pound | pounds | Pound | Pounds",
	"GBP ITL TRY":                         "₤",
	"GBP":                                 "stg | Stg | sterling | GGP | JEP | IMP",
	"JPY CNY":                             "¥ | ￥",
	"JPY":                                 "円 | yen | Yen | JP¥",
	"CNY":                                 "元 | 人民币 | 圆 | RMB | yuan | Yuan",
	"TWD HKD CNY":                         "圓",
	"KRW KPW":                             "₩ | ￦",
	"KRW":                                 "원",
	"INR":                                 "₹",
	"INR PKR LKR NPR MUR SCR":             "Rs | Rs. | rupee | rupees | Rupees",
	"PKR INR LKR NPR MUR SCR":             "₨",
	"INR NPR":                             "रु | रू | र | रुपये | रुपए",
	"INR PKR":                             "Re | Re.",
	"LKR INR":                             "ரூ",
	"RUB":                                 "₽ | руб | руб. | Руб | Руб. | РУБ | р. | Р | рублей | рубля | рубль | Rbl | RUR",
	"UAH":                                 "₴ | грн | грн. | Грн | ГРН | гривен | гривна | гривни | hrn",
	"PLN":                                 "zł | Zł | ZŁ | zl | Zl | złotych | zloty | złoty",
	"CZK":                                 "Kč | Kc | kč | korun",
	"HUF":                                 "Ft | forint",
	"RON MDL":                             "lei | Lei | LEI | leu | Leu",
	"BGN":                                 "лв | лв. | Лв | Лв.",
	"HRK":                                 "kn | Kn",
	"RSD":                                 "din | din. | Din | Din. | дин | дин. | Дин | Дин. | Dinara | dinara | динара",
	"MKD":                                 "ден | Ден | ДЕН | ден.",
	"TRY":                                 "₺ | TL",
	"ILS":                                 "₪ | nis | NIS | ש״ח | ש\"ח | ש'ח | שח",
	"VND":                                 "₫ | đ | Đ | VNĐ | vnđ | đồng | Đồng | ĐỒNG",
	"IDR":                                 "Rp | Rp. | rupiah",
	"MYR":                                 "RM | ringgit",
	"THB":                                 "฿ | บาท | baht",
	"PHP CUP":                             "₱",
	"NGN":                                 "₦",
	"GHS":                                 "₵ | GH₵ | GH¢",
	"KES":                                 "KSh | KShs | Ksh | Kshs | Ksh.",
	"UGX":                                 "USh | USH",
	"TZS":                                 "TSh | TSH",
	"ZAR":                                 "R | rand",
	"BWP PHP":                             "P",
	"BWP":                                 "pula",
	"GTQ":                                 "Q | quetzal | quetzales",
	"LAK":                                 "₭",
	"KHR":                                 "៛",
	"MNT":                                 "₮",
	"BDT":                                 "৳",
	"GEL":                                 "₾ | ლ | lari | ლარი",
	"ALL":                                 "Lek | lek | Lekë",
	"BAM":                                 "KM | км | КМ",
	"BYN ETB":                             "Br",
	"ETB":                                 "ብር",
	"BIF":                                 "FBu | Fbu",
	"DJF":                                 "Fdj",
	"GNF":                                 "FG",
	"RWF":                                 "FRw | RF | R₣",
	"XOF XAF":                             "CFA",
	"XAF XOF":                             "FCFA",
	"CRC":                                 "₡",
	"ERN":                                 "Nfk | ናቕፋ | نافكا",
	"MWK":                                 "MK",
	"MRU":                                 "UM",
	"MGA":                                 "Ar",
	"STN":                                 "Db",
	"VUV":                                 "VT | Vt",
	"ZMW":                                 "ZK",
	"MMK":                                 "Ks",
	"BTN":                                 "Nu. | Nu",
	"TND":                                 "DT | د.ت",
	"KWD":                                 "KD | د.ك | دينار كويتي",
	"BHD":                                 "BD | .د.ب | د.ب",
	"LYD":                                 "LD | ل.د | د.ل",
	"IQD":                                 "ع.د | د.ع",
	"DZD":                                 "دج | د.ج | DA",
	"MAD":                                 "د.م | د.م. | DH",
	"AED MAD":                             "Dh | Dhs | Dhs. | درهم | د.إ",
	"SAR":                                 "ر.س | SR",
	"OMR":                                 "ر.ع",
	"QAR":                                 "ر.ق | QR",
	"EGP":                                 "ج.م | جنيه | E£ | LE | L.E.",
	"SDG":                                 "ج.س | ج.س.",
	"JOD":                                 "د.أ | د.ا | دينار أردني | JD",
	"- KWD JOD BHD IQD LYD TND DZD RSD":   "دينار",
	"SAR OMR QAR YER IRR":                 "ريال",
	"IRR SAR OMR QAR YER":                 "ریال | ﷼",
	"-":                                   "تومان | تومن | ₿ | Ƀ | ₶ | PRB",
	"CHF":                                 "Fr. | SFr | SFr. | sFr.",
	"- CHF XOF XAF":                       "franc | francs | Franc | Francs",
	"FRF":                                 "₣",
	"- SEK NOK DKK ISK":                   "kr | Kr | kr. | Kr. | KR",
	"UZS":                                 "so'm | soʻm | сўм | Sʻ | S' | сум",
	"KGS UZS":                             "som | сом",
	"PTE":                                 "Esc | Esc.",
	"ESP":                                 "₧ | Ptas | ptas",
	"- ANG AWG NLG":                       "ƒ",
	"AWG":                                 "Afl. | Afl | AFL",
	"ANG":                                 "NAf. | NAf",
	"PEN":                                 "S/. | S/",
	"PAB":                                 "B/.",
	"BOB VES":                             "Bs",
	"VES BOB":                             "Bs.",
	"PYG":                                 "₲ | Gs | Gs.",
	"AOA":                                 "Kz | kwz",
}

// minorSymbols are spellings of a currency's minor unit, whose amounts are counted in it.
var minorSymbols = map[string]string{"¢": "USD", "p": "GBP", "GBp": "GBP", "GBX": "GBP"}

// symbolTable is symbolList and minorSymbols as a look-up, with the longest spelling in runes.
type symbolTable struct {
	exact   map[string]symbol
	maxRune int
}

var symbols = func() symbolTable {
	t := symbolTable{exact: make(map[string]symbol, 400)}
	add := func(text string, sy symbol) {
		if _, dup := t.exact[text]; dup {
			panic("pricing: currency symbol listed twice: " + text)
		}
		t.exact[text] = sy
		if n := utf8.RuneCountInString(text); n > t.maxRune {
			t.maxRune = n
		}
	}
	for codes, spellings := range symbolList {
		f := strings.Fields(codes)
		sy := symbol{code: f[0], alts: f[1:]}
		if sy.code == "-" {
			sy.code = ""
		}
		for _, sp := range strings.Split(spellings, " | ") {
			add(sp, sy)
		}
	}
	for text, code := range minorSymbols {
		add(text, symbol{code: code, minor: true})
	}
	return t
}()

// isLetter reports whether r is a letter for word boundaries. The apostrophes and modifier
// letters inside "so'm" are matched by the table itself.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// matchSymbol finds the longest currency spelling starting at s[i:], or an ISO code spelt in any
// case. It returns the symbol, the byte length matched, and whether it matched at all. A match
// that ends in a letter must not run on into another letter.
func matchSymbol(s string, i int) (symbol, int, bool) {
	// Candidate end offsets after 1..maxRune runes.
	var ends [24]int
	n := 0
	for j := i; j < len(s) && n < symbols.maxRune && n < len(ends); {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
		ends[n] = j
		n++
	}
	best, bestLen, found := symbol{}, 0, false
	for k := n - 1; k >= 0; k-- {
		cand := s[i:ends[k]]
		sy, ok := symbols.exact[cand]
		if !ok || !boundaryAfter(s, ends[k], cand) || sy.minor && cand[0] == 'p' && perUnit(s, ends[k]) {
			continue
		}
		best, bestLen, found = sy, len(cand), true
		break
	}
	// An ISO code wins over a shorter spelling ("USD" over "$"-less "US").
	if n >= 3 && ends[2]-i == 3 && 3 > bestLen {
		cand := s[i:ends[2]]
		if IsCurrencyCode(cand) && boundaryAfter(s, ends[2], cand) && (!titleCase(cand) || !codeWords[strings.ToLower(cand)] || afterAmount(s, i)) {
			return symbol{code: strings.ToUpper(cand), iso: true}, 3, true
		}
	}
	return best, bestLen, found
}

// codeWords are ISO codes that are also English words. Written with only their first letter in
// capitals they are a code after an amount ("45.00 Top") and a word before one ("Top 10 items",
// "All 3 for $20", "Gel 2 pack"), unlike "Php 1,299.00".
var codeWords = set("all", "bob", "cup", "gel", "mad", "mop", "pen", "top", "try", "sos", "bam")

// titleCase reports whether the three ASCII letters of cand are an upper-case one and two lower-case
// ones.
func titleCase(cand string) bool {
	return cand[0] >= 'A' && cand[0] <= 'Z' && cand[1] >= 'a' && cand[1] <= 'z' && cand[2] >= 'a' && cand[2] <= 'z'
}

// afterAmount reports whether s[:i], spaces aside, ends with a digit: the code at s[i:] follows
// an amount.
func afterAmount(s string, i int) bool {
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	return i > 0 && isDigit(s[i-1])
}

// boundaryAfter reports whether a match cand ending at s[end:] stands as a word: if it ends in a
// letter, the next rune must not be one, unless it is of a script written without spaces
// between words ("3,980円から", "39,900원부터").
func boundaryAfter(s string, end int, cand string) bool {
	last, _ := utf8.DecodeLastRuneInString(cand)
	if !isLetter(last) || end >= len(s) || unspaced(last) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[end:])
	return !isLetter(next)
}

// perUnit reports whether s[end:] goes on the way "p/m", "p/w" and "p.m." do after a minor-unit
// sign, so that the "p" was the start of "per month", not pence ("£12.99 p/m"). Only the "p"
// asks: "49¢/lb" is cents a pound.
func perUnit(s string, end int) bool {
	if end >= len(s) {
		return false
	}
	if s[end] == '/' {
		return true
	}
	if s[end] == '.' && end+1 < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end+1:])
		return isLetter(r)
	}
	return false
}

// unspaced reports whether r is of a script that writes words without spaces between them.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// lookupSymbol reads a currency text on its own ("€", "руб.", "NZD") as the parser would.
// A final dot, as in the Arabic "د.إ.", may be left over.
func lookupSymbol(text string) (symbol, bool) {
	text = normalize(text)
	sy, n, ok := matchSymbol(text, 0)
	return sy, ok && (n == len(text) || text[n:] == ".")
}
