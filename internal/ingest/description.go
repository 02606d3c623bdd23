package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// plainDescription turns a description that feeds carry as HTML ("<p>Flowy tiered maxi in a
// <strong>ditsy floral</strong> print.</p><ul><li>…", Shopware's "Soft cotton&lt;br&gt;Relaxed
// fit" escaped once more) into the text a shopper reads: tags dropped, entities decoded, blocks
// and line breaks as new lines, scripts and styles left out. Only a description holding a
// common HTML tag is read as HTML; other text keeps its angle brackets ("Size <M>", "waist<hip")
// and has only complete entities ("&amp;", not the "&copy" of "Black&copy print") decoded.
// Plain text comes back as it is, at the cost of one scan for '<' and '&'.
func plainDescription(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	if !htmlTag.MatchString(s) {
		s = entity.ReplaceAllStringFunc(s, html.UnescapeString) // "Tom &amp; Jerry", "&lt;br&gt;"
		if !htmlTag.MatchString(s) {
			return s // text: "Size <M>", "waist<hip", "<service@shop.example>" stay as written
		}
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // inside script or style
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style:
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case atom.Br, atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Tr, atom.Table, atom.H1, atom.H2, atom.H3,
				atom.H4, atom.H5, atom.H6, atom.Section, atom.Article, atom.Blockquote, atom.Dd, atom.Dt, atom.Hr:
				b.WriteByte('\n')
			}
		}
	}
}

// tidyLines collapses the spaces of each line and drops empty lines.
func tidyLines(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// htmlTag is a tag of the elements descriptions are written with.
var htmlTag = regexp.MustCompile(`(?i)</?(?:p|br|div|span|ul|ol|li|strong|b|i|em|u|small|sup|sub|h[1-6]|table|tbody|tr|td|th|a|img|font|section|article|blockquote|hr|dl|dt|dd|script|style)(?:\s[^<>]*)?/?>`)

// entity is a complete character reference: "&amp;", "&#233;", "&#xE9;".
var entity = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
