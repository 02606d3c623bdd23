package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// plainDescription turns a description that feeds carry as HTML ("<p>Flowy tiered maxi in a
// <strong>ditsy floral</strong> print.</p><ul><li>…", Shopware's "Soft cotton&lt;br&gt;Relaxed
// fit" escaped once more) into the text a shopper reads: tags dropped, entities decoded, blocks
// and line breaks as new lines, scripts and styles left out. Plain text comes back as it is,
// at the cost of one scan for '<' and '&'.
func plainDescription(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	if !strings.Contains(s, "<") {
		s = html.UnescapeString(s)
		if !strings.Contains(s, "<") {
			return s // entities only ("Tom &amp; Jerry"), now decoded
		}
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // inside script or style
	for {
		switch z.Next() {
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
				if z.Token().Type == html.StartTagToken {
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
