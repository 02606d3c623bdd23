package feed

import "strings"

// isRakutenHDR recognises the header record of Rakuten's pipe-delimited product files,
// HDR|MID|advertiser name|time stamp, which stands where column names would.
func isRakutenHDR(header []string) bool {
	return len(header) == 4 && strings.TrimSpace(header[0]) == "HDR" && isDigits(strings.TrimSpace(header[1]))
}

// isDigits says whether s is one or more ASCII digits.
func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// isRakutenTRL recognises the trailer record that ends Rakuten's product files, TRL|row count
// (empty cells after it allowed).
func isRakutenTRL(rec []string) bool {
	return len(rec) >= 2 && strings.TrimSpace(rec[0]) == "TRL" && isDigits(strings.TrimSpace(rec[1])) && blank(rec[2:])
}
