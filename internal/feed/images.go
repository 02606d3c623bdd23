package feed

import "strings"

// appendImageLinks appends to dst the addresses in a cell or element of one or more image
// addresses. Merchant Center's text format separates several with commas, and XML feeds
// exported from it often keep the commas in one additional_image_link element. Addresses may
// hold commas themselves (image CDNs write "w_500,h_500" transformations in the path), so a
// bare comma separates two addresses only when the next one starts right after it like an
// address or a path (a scheme, "//", "/" or "www."); a comma followed by white space always
// separates. Price-comparison feeds (idealo's imageUrls) separate them with ";" or "|", read
// the same way. Empty pieces are dropped, and so are the commas trailing a piece.
func appendImageLinks(dst []string, v string) []string {
	start := 0
	for i := 0; i < len(v); i++ {
		if v[i] != ',' && v[i] != ';' && v[i] != '|' {
			continue
		}
		if next := v[i+1:]; next != "" && (isSpace(next[0]) || startsLikeAddress(next)) {
			dst = appendImageLink(dst, v[start:i])
			start = i + 1
		}
	}
	return appendImageLink(dst, v[start:])
}

// appendImageLink appends one piece of an image list, trimmed of white space and trailing
// commas, unless that leaves nothing.
func appendImageLink(dst []string, u string) []string {
	u = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(u), ","))
	if u == "" {
		return dst
	}
	return append(dst, u)
}

// startsLikeAddress says whether s starts like an image address: "/" (a path, or "//" with a
// host), "www." or a scheme followed by "://".
func startsLikeAddress(s string) bool {
	if s[0] == '/' || hasPrefixFold(s, "www.") {
		return true
	}
	for i := 0; i < len(s) && i < 16; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.HasPrefix(s[i:], "://")
		default:
			return false
		}
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
