package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// minorDigits lists currencies whose minor unit is not two digits.
var minorDigits = map[string]int{
	"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "HUF": 2, "TWD": 2,
	"BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3,
}

// MinorDigits is how many decimal places currency's minor unit has (2 unless known otherwise).
func MinorDigits(currency string) int {
	if d, ok := minorDigits[strings.ToUpper(currency)]; ok {
		return d
	}
	return 2
}

// FormatDecimal writes minor units as a plain decimal string in the currency's precision,
// the form the JSON outputs use ("1299.00").
func FormatDecimal(minor int64, currency string) string {
	d := MinorDigits(currency)
	neg := minor < 0
	if neg {
		minor = -minor
	}
	s := strconv.FormatInt(minor, 10)
	if d > 0 {
		for len(s) <= d {
			s = "0" + s
		}
		s = s[:len(s)-d] + "." + s[len(s)-d:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// ParseDecimal reads a plain decimal amount ("1299", "1299.5", "1299.00") into minor units of
// currency. It accepts no thousands separators or symbols: messy retailer strings go through the
// pricing package's parser first.
func ParseDecimal(s, currency string) (int64, error) {
	s = strings.TrimSpace(s)
	d := MinorDigits(currency)
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return 0, fmt.Errorf("empty amount")
	}
	if whole == "" {
		whole = "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 {
		return 0, fmt.Errorf("amount %q is not a decimal number", s)
	}
	for _, r := range frac {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("amount %q is not a decimal number", s)
		}
	}
	if len(frac) > d {
		// Round half up on the dropped digits.
		round := frac[d] >= '5'
		frac = frac[:d]
		v, err := ParseDecimal(whole+"."+frac, currency)
		if err == nil && round {
			v++
		}
		return v, err
	}
	for len(frac) < d {
		frac += "0"
	}
	v := w
	for i := 0; i < d; i++ {
		v *= 10
	}
	if frac != "" {
		f, _ := strconv.ParseInt(frac, 10, 64)
		v += f
	}
	return v, nil
}

// FormatMoney renders an amount for people: "€1,299.00", "$45.00", "1,299.00 CHF".
func FormatMoney(minor int64, currency string) string {
	dec := FormatDecimal(minor, currency)
	whole, frac, hasFrac := strings.Cut(dec, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 && r != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	num := b.String()
	if hasFrac {
		num += "." + frac
	}
	switch strings.ToUpper(currency) {
	case "EUR":
		return "€" + num
	case "USD":
		return "$" + num
	case "GBP":
		return "£" + num
	case "JPY":
		return "¥" + num
	}
	return num + " " + strings.ToUpper(currency)
}
