package pricing

import (
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// isoCodes lists the ISO 4217 currency codes the parser recognises, grouped by how many digits
// their minor unit has. Current codes come from the ISO 4217 list (funds, metals and test codes
// left out); the pre-euro and other withdrawn codes are there because old pages and archived
// feeds still quote them. A code not listed here is not read as a currency, so that an upper-case
// word such as "NEW" or "SKU" beside a number never becomes one.
var isoCodes = map[int]string{
	0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF " +
		"BEF BYR ESP GRD ITL LUF PTE TRL VAL",
	2: "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP " +
		"BYN BZD CAD CDF CHF CNY COP CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP " +
		"GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD " +
		"KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD " +
		"NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD " +
		"SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU " +
		"UZS VES VED WST XCD XCG YER ZAR ZMW ZWG ZWL " +
		"ATS CYP DEM EEK FIM FRF HRK IEP LTL LVL MRO MTL NLG SIT SKK STD VEF ZMK ZWD",
	3: "BHD IQD JOD KWD LYD OMR TND",
}

// minorDigitsTable is isoCodes turned into a look-up, built once.
var minorDigitsTable = func() map[string]int {
	m := make(map[string]int, 200)
	for digits, codes := range isoCodes {
		for _, c := range strings.Fields(codes) {
			m[c] = digits
		}
	}
	return m
}()

// MinorDigits is how many decimal places currency's minor unit has. It extends
// catalog.MinorDigits with the full ISO 4217 table above (BIF 0, IQD 3, PTE 0 …) and falls back
// to it for codes outside that table, so both packages agree wherever catalog knows a code.
func MinorDigits(currency string) int {
	if d, ok := minorDigitsTable[strings.ToUpper(currency)]; ok {
		return d
	}
	return catalog.MinorDigits(currency)
}

// IsCurrencyCode reports whether code is an ISO 4217 code the parser knows, upper- or lower-case.
func IsCurrencyCode(code string) bool {
	if len(code) != 3 {
		return false
	}
	_, ok := minorDigitsTable[strings.ToUpper(code)]
	return ok
}
