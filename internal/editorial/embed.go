package editorial

import (
	"regexp"
	"strconv"
)

// Products are embedded in a collection's Markdown with a line of its own:
//
//	{{product 123}}
//
// where 123 is the product's number on tagdrop (the number in its address, /products/123).
// The page shows a live product card there. The placeholder is plain text to Markdown, so it
// passes the sanitiser untouched; the card's HTML is written by tagdrop afterwards (see
// docs/collections.md), which is why an editor can never inject markup through an embed.

// embedLine finds embed lines in Markdown source: the placeholder alone on its line, spaces
// around it allowed.
var embedLine = regexp.MustCompile(`(?m)^[ \t]{0,3}\{\{product ([0-9]{1,18})\}\}[ \t]*$`)

// EmbedParagraph finds an embed in rendered, sanitised HTML: Markdown makes the line a
// paragraph of its own. Submatch 1 is the product id.
var EmbedParagraph = regexp.MustCompile(`<p>\{\{product ([0-9]{1,18})\}\}</p>`)

// EmbeddedProducts lists the product ids embedded in md, in order, each once.
func EmbeddedProducts(md string) []int64 {
	var out []int64
	seen := map[int64]bool{}
	for _, m := range embedLine.FindAllStringSubmatch(md, -1) {
		id, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil || id <= 0 || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}

// EmbedPlaceholder is the Markdown line that embeds product id.
func EmbedPlaceholder(id int64) string { return "{{product " + strconv.FormatInt(id, 10) + "}}" }
