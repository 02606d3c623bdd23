package feed

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Detect names the format of a feed from its first bytes (decompressed), or returns "" when it
// is none that tagdrop reads. Peeking a few kilobytes is enough. The rules, in order, after a
// byte order mark (UTF-8 or UTF-16) and leading white space:
//
//   - "<": gmc-xml when the root is <rss> or <feed> and the Google namespace
//     (http://base.google.com/ns/1.0) is declared or its attributes are used without it (see
//     merchantXML); product-xml when it is neither, with an element named as one product
//     (<product>, <offer>…) that is no line of an order, cart or invoice, and one naming a
//     price (see productXML); other XML is not a feed tagdrop reads.
//   - "{": shopify when the object's first key is "products" and holds an array.
//   - otherwise a header line of text (no control characters but tab), after Excel's "sep=;"
//     line if any, with at least two column names separated by tabs, commas, semicolons or
//     pipes (the one a "sep=" line names, else the most frequent outside quotes): gmc-tsv when tab-separated and the names include Merchant Center's id, title and
//     price (with or without "g:", in any case, spaces for underscores); csv otherwise.
func Detect(peek []byte) string {
	if bytes.HasPrefix(peek, bomUTF16LE) || bytes.HasPrefix(peek, bomUTF16BE) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if len(peek)%2 == 1 {
			peek = peek[:len(peek)-1]
		}
		if d, err := dec.Bytes(peek); err == nil {
			peek = d
		}
	}
	peek = bytes.TrimPrefix(peek, bomUTF8)
	trimmed := bytes.TrimLeft(peek, " \t\r\n")
	if len(trimmed) == 0 {
		return ""
	}
	switch trimmed[0] {
	case '<':
		if merchantXML(peek) {
			return GMCXML
		}
		if productXML(peek) {
			return ProductXML
		}
		return ""
	case '{':
		if isShopifyPage(trimmed) {
			return Shopify
		}
		return ""
	case '[':
		return ""
	}
	if sep, rest := excelSeparator(peek); sep != 0 {
		return detectDelimited(firstLine(rest), sep)
	}
	return detectDelimited(firstLine(peek), 0)
}

// merchantXML reports an RSS or Atom feed of Merchant Center items: one that declares the
// Google namespace, or, written without it, whose items use Merchant attributes anyway: a "g:"
// prefix the feed never declares, or plain <price>. A plain <id> alone is not enough: blogs'
// RSS items carry one too (a post's number), and a blog must be refused, not read as a feed
// of items without prices.
func merchantXML(peek []byte) bool {
	peek = withoutQuotedText(peek)
	if !rssOrAtomRoot.Match(peek) {
		return false
	}
	return bytes.Contains(peek, []byte(gNamespaceBody)) || bytes.Contains(peek, []byte("<g:")) || bytes.Contains(peek, []byte("<price>"))
}

// withoutQuotedText is XML without its CDATA sections and comments, whose text may quote
// markup that is not the feed's own: a blog post's HTML in its description may hold a
// "<price>". A section left open at the end of the peek is dropped to the end.
func withoutQuotedText(b []byte) []byte {
	var out []byte
	for {
		open, end := -1, ""
		if i := bytes.Index(b, []byte("<![CDATA[")); i >= 0 {
			open, end = i, "]]>"
		}
		if i := bytes.Index(b, []byte("<!--")); i >= 0 && (open < 0 || i < open) {
			open, end = i, "-->"
		}
		if open < 0 {
			return append(out, b...)
		}
		out = append(out, b[:open]...)
		b = b[open:]
		j := bytes.Index(b, []byte(end))
		if j < 0 {
			return out
		}
		b = b[j+len(end):]
	}
}

// isShopifyPage says whether a JSON object starts with a "products" array.
func isShopifyPage(peek []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(peek))
	for _, want := range []any{json.Delim('{'), "products", json.Delim('[')} {
		tok, err := dec.Token()
		if err != nil || tok != want {
			return false
		}
	}
	return true
}

// detectDelimited tells gmc-tsv from csv by a header line, or returns "" for a line that is
// not one. comma is the separator when a "sep=" line named it, 0 to find it from the line.
func detectDelimited(line []byte, comma rune) string {
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRune(line[i:])
		if (r < 0x20 && r != '\t') || r == 0x7f {
			return ""
		}
		i += n
	}
	if comma == 0 {
		comma = sniffDelimiter(line)
	}
	if comma == 0 {
		return ""
	}
	names := 0
	seen := map[string]bool{}
	for _, h := range bytes.Split(line, []byte(string(comma))) {
		k := headerKey(string(bytes.Trim(h, `"' `)))
		if k != "" {
			names++
			seen[k] = true
		}
	}
	if names < 2 {
		return ""
	}
	if comma == '\t' && seen["id"] && seen["title"] && seen["price"] {
		return GMCTSV
	}
	return CSV
}
