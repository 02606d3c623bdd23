package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"
)

// The search page's content written in Go, like its cards (card_html.go) and facet options
// (facet_html.go). The search, brand and category pages are the hottest pages there are, and
// html/template's reflection and escaper calls for the sidebar, sort form, chips and pagination
// took about a third of a page's CPU once the store reads were gone (docs/PERFORMANCE.md, "The
// search page over HTTP"). Every value is escaped with html.EscapeString, which escapes <, >, &,
// ' and ", so it is safe in quoted attributes and in text alike; the URLs are the page's own
// links (a path and an encoded query string). TestSearchHTMLMatchesTemplate holds this to the
// template markup it replaced.

// searchHTML writes the content block of the search page for v.
func searchHTML(v *searchView) template.HTML {
	var b strings.Builder
	b.Grow(8192 + len(v.Hits)*1400)
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	b.WriteString("<section class=\"page-head\">\n  <h1>")
	esc(v.Heading)
	b.WriteString("</h1>\n  ")
	if v.Lede != "" {
		b.WriteString(`<p class="lede">`)
		esc(v.Lede)
		b.WriteString(`</p>`)
	}
	b.WriteString("\n</section>\n")
	if v.Error != nil {
		b.WriteString("<div class=\"form-error\" role=\"alert\" id=\"search-error\">\n  <p><strong>")
		esc(v.Error.Field)
		b.WriteString("</strong>: ")
		esc(v.Error.Message)
		b.WriteString("</p>\n  <p class=\"form-error-links\">")
		if v.Retry != "" {
			b.WriteString(`<a href="`)
			esc(v.Retry)
			b.WriteString(`">Search without it</a> `)
		}
		b.WriteString(`<a href="`)
		esc(v.Scope.Path)
		b.WriteString("\">Start again</a></p>\n</div>\n")
	} else {
		writeFilters(&b, v)
		writeResults(&b, v)
	}
	b.WriteString("\n<script src=\"/static/filters.js\" defer></script>\n")
	return template.HTML(b.String())
}

// writeHidden writes hidden inputs.
func writeHidden(b *strings.Builder, list []hidden) {
	for _, h := range list {
		b.WriteString(`<input type="hidden" name="`)
		b.WriteString(html.EscapeString(h.Name))
		b.WriteString(`" value="`)
		b.WriteString(html.EscapeString(h.Value))
		b.WriteString("\">\n")
	}
}

// writeSelectOptions writes the options of a select, the checked one selected.
func writeSelectOptions(b *strings.Builder, opts []option) {
	for _, o := range opts {
		b.WriteString(`<option value="`)
		b.WriteString(html.EscapeString(o.Value))
		b.WriteString(`"`)
		if o.Checked {
			b.WriteString(" selected")
		}
		b.WriteString(">")
		b.WriteString(html.EscapeString(o.Label))
		b.WriteString("</option>")
	}
}

// writeFilters writes the facet drawer.
func writeFilters(b *strings.Builder, v *searchView) {
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	b.WriteString("<div class=\"search-layout\">\n  <details class=\"filters\" id=\"filters\">\n    <summary>Filters")
	if len(v.Chips) > 0 {
		b.WriteString(` <span class="filter-count">(`)
		b.WriteString(strconv.Itoa(len(v.Chips)))
		b.WriteString(`)</span>`)
	}
	b.WriteString("</summary>\n    <form class=\"facets\" method=\"get\" action=\"")
	esc(v.Scope.Path)
	b.WriteString("\" id=\"facet-form\">\n")
	writeHidden(b, v.FilterHidden)
	b.WriteString(`<fieldset class="facet facet-deal"><legend>Deal</legend>` +
		`<p><input type="checkbox" id="f-on_sale" name="on_sale" value="1"`)
	if v.Req.OnSale {
		b.WriteString(" checked")
	}
	b.WriteString(`> <label for="f-on_sale">On sale</label></p>` +
		`<p><input type="checkbox" id="f-hide_questionable" name="hide_questionable" value="1"`)
	if v.Req.HideQuestionable {
		b.WriteString(" checked")
	}
	b.WriteString(`> <label for="f-hide_questionable">Hide questionable discounts</label></p>` +
		`<p><label for="f-min_discount">Discount</label> <select id="f-min_discount" name="min_discount">`)
	writeSelectOptions(b, v.Discount)
	b.WriteString("</select></p></fieldset>\n" + `<fieldset class="facet facet-price"><legend>Price</legend>` +
		`<p class="price-range"><label for="f-min_price">From</label> <input id="f-min_price" name="min_price" type="text" inputmode="decimal" value="`)
	esc(v.MinPrice)
	b.WriteString(`" size="6" maxlength="12"> <label for="f-max_price">to</label> <input id="f-max_price" name="max_price" type="text" inputmode="decimal" value="`)
	esc(v.MaxPrice)
	b.WriteString("\" size=\"6\" maxlength=\"12\"></p></fieldset>\n")
	for _, g := range v.Groups {
		b.WriteString(`<fieldset class="facet" id="facet-`)
		esc(g.Param)
		b.WriteString(`"><legend>`)
		esc(g.Title)
		b.WriteString(`</legend><ul class="facet-options`)
		if g.Param == "size" {
			b.WriteString(" facet-sizes")
		}
		b.WriteString("\" role=\"list\">\n")
		b.WriteString(string(g.OptionsHTML()))
		b.WriteString("</ul>")
		if g.Param == "size" && len(v.Systems) > 0 {
			b.WriteString(`<p><label for="f-system">Show sizes in</label> <select id="f-system" name="system">`)
			writeSelectOptions(b, v.Systems)
			b.WriteString(`</select></p>`)
		}
		b.WriteString("</fieldset>\n")
	}
	b.WriteString(`<p class="facet-actions"><button type="submit" class="button">Show results</button> <a href="`)
	esc(v.ClearURL)
	b.WriteString("\">Clear filters</a></p>\n    </form>\n  </details>\n")
}

// writeResults writes the count, sort form, save form, chips, cards and pagination.
func writeResults(b *strings.Builder, v *searchView) {
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	b.WriteString("\n  <section class=\"results\" id=\"results\" aria-labelledby=\"results-count\">\n" +
		"    <div class=\"results-head\">\n      <p id=\"results-count\" class=\"results-count\">")
	switch {
	case !v.Searched:
		b.WriteString("Everything in stock")
	case v.Total == 1:
		b.WriteString("1 item")
	default:
		b.WriteString(strconv.Itoa(v.Total))
		b.WriteString(" items")
	}
	b.WriteString("</p>\n      <form class=\"sort\" method=\"get\" action=\"")
	esc(v.Scope.Path)
	b.WriteString("\" id=\"sort-form\">\n")
	writeHidden(b, v.SortHidden)
	b.WriteString(`<label for="sort">Sort by</label> <select id="sort" name="sort">`)
	writeSelectOptions(b, v.Sorts)
	b.WriteString("</select> <button type=\"submit\" class=\"button-small\">Sort</button>\n      </form>\n    </div>\n")
	if v.Searched && v.Scope.Path == "/search" {
		b.WriteString(`<form class="save-search" method="post" action="/saved" id="save-search">` +
			`<input type="hidden" name="query" value="`)
		esc(v.SaveQuery())
		b.WriteString(`"> <label for="save-search-name">Save this search as</label> ` +
			`<input id="save-search-name" name="name" type="text" required maxlength="80" value="`)
		esc(v.SaveName())
		b.WriteString("\"> <button type=\"submit\" class=\"button-small\">Save this search</button></form>\n")
	}
	if len(v.Chips) > 0 {
		b.WriteString("<ul class=\"chips\" role=\"list\" aria-label=\"Active filters\">\n")
		for _, c := range v.Chips {
			b.WriteString(`<li><a class="chip" href="`)
			esc(c.Remove)
			b.WriteString(`">`)
			esc(c.Label)
			b.WriteString(" <span aria-hidden=\"true\">×</span><span class=\"visually-hidden\"> (remove)</span></a></li>\n")
		}
		b.WriteString("</ul>\n")
	}
	if len(v.Hits) > 0 {
		b.WriteString(string(gridHTML(v.Hits)))
	} else {
		b.WriteString(`<p class="empty" id="no-results">Nothing matches`)
		if v.Req.Text != "" {
			b.WriteString(" “")
			esc(v.Req.Text)
			b.WriteString("”")
		}
		if len(v.Chips) > 0 {
			b.WriteString(" with these filters")
		}
		b.WriteString(". Try fewer words")
		if len(v.Chips) > 0 {
			b.WriteString(`, or <a href="`)
			esc(v.ClearURL)
			b.WriteString(`">clear the filters</a>`)
		}
		b.WriteString(".</p>\n")
	}
	if len(v.Pages) > 0 {
		b.WriteString("<nav class=\"pagination\" aria-label=\"Pages\">\n")
		if v.Prev != "" {
			b.WriteString(`<a rel="prev" href="`)
			esc(v.Prev)
			b.WriteString("\">Previous</a>\n")
		}
		for _, p := range v.Pages {
			if p.Gap {
				b.WriteString(`<span class="gap" aria-hidden="true">…</span>`)
			}
			b.WriteString(`<a href="`)
			esc(p.URL)
			b.WriteString(`"`)
			if p.Current {
				b.WriteString(` aria-current="page"`)
			}
			b.WriteString(">")
			b.WriteString(strconv.Itoa(p.Number))
			b.WriteString("</a>\n")
		}
		if v.Next != "" {
			b.WriteString(`<a rel="next" href="`)
			esc(v.Next)
			b.WriteString("\">Next</a>\n")
		}
		b.WriteString("</nav>\n")
	}
	b.WriteString("  </section>\n</div>\n")
}
