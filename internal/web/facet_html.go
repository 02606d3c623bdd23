package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"
)

// OptionsHTML renders the group's checkboxes as list items. A search page lists up to a few
// hundred of them; written here, each value escaped with html.EscapeString (which escapes <, >,
// &, ' and ", so it is safe in quoted attributes and in text alike), they cost a small part of
// what html/template's per-field reflection and escaper calls did: the search page is the
// hottest page there is (docs/PERFORMANCE.md, "The search page over HTTP").
func (g facetGroup) OptionsHTML() template.HTML {
	var b strings.Builder
	b.Grow(len(g.Options) * 160)
	param := html.EscapeString(g.Param)
	for _, o := range g.Options {
		id := html.EscapeString(o.ID)
		b.WriteString("<li")
		if o.Indent {
			b.WriteString(` class="indent"`)
		}
		b.WriteString(`><input type="checkbox" id="`)
		b.WriteString(id)
		b.WriteString(`" name="`)
		b.WriteString(param)
		b.WriteString(`" value="`)
		b.WriteString(html.EscapeString(o.Value))
		b.WriteString(`"`)
		if o.Checked {
			b.WriteString(" checked")
		}
		b.WriteString(`> <label for="`)
		b.WriteString(id)
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(o.Label))
		if o.Count != 0 {
			b.WriteString(` <span class="count">`)
			b.WriteString(strconv.Itoa(o.Count))
			b.WriteString(`</span>`)
		}
		b.WriteString("</label></li>\n")
	}
	return template.HTML(b.String())
}
