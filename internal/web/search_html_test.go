package web

import (
	"bytes"
	"html/template"
	"net/url"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// searchTemplate is the html/template content block searchHTML replaced, kept as the reference.
const searchTemplate = `{{define "grid"}}{{grid .}}{{end}}
{{define "content"}}
<section class="page-head">
  <h1>{{.Heading}}</h1>
  {{with .Lede}}<p class="lede">{{.}}</p>{{end}}
</section>
{{if .Error}}
<div class="form-error" role="alert" id="search-error">
  <p><strong>{{.Error.Field}}</strong>: {{.Error.Message}}</p>
  <p class="form-error-links">{{with .Retry}}<a href="{{.}}">Search without it</a> {{end}}<a href="{{.Scope.Path}}">Start again</a></p>
</div>
{{else}}
<div class="search-layout">
  <details class="filters" id="filters">
    <summary>Filters{{if .Chips}} <span class="filter-count">({{len .Chips}})</span>{{end}}</summary>
    <form class="facets" method="get" action="{{.Scope.Path}}" id="facet-form">
      {{range .FilterHidden}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">
      {{end}}
      <fieldset class="facet facet-deal">
        <legend>Deal</legend>
        <p><input type="checkbox" id="f-on_sale" name="on_sale" value="1"{{if .Req.OnSale}} checked{{end}}> <label for="f-on_sale">On sale</label></p>
        <p><input type="checkbox" id="f-hide_questionable" name="hide_questionable" value="1"{{if .Req.HideQuestionable}} checked{{end}}> <label for="f-hide_questionable">Hide questionable discounts</label></p>
        <p><label for="f-min_discount">Discount</label>
        <select id="f-min_discount" name="min_discount">{{range .Discount}}<option value="{{.Value}}"{{if .Checked}} selected{{end}}>{{.Label}}</option>{{end}}</select></p>
      </fieldset>
      <fieldset class="facet facet-price">
        <legend>Price</legend>
        <p class="price-range"><label for="f-min_price">From</label> <input id="f-min_price" name="min_price" type="text" inputmode="decimal" value="{{.MinPrice}}" size="6" maxlength="12">
        <label for="f-max_price">to</label> <input id="f-max_price" name="max_price" type="text" inputmode="decimal" value="{{.MaxPrice}}" size="6" maxlength="12"></p>
      </fieldset>
      {{range $g := .Groups}}
      <fieldset class="facet" id="facet-{{$g.Param}}">
        <legend>{{$g.Title}}</legend>
        <ul class="facet-options{{if eq $g.Param "size"}} facet-sizes{{end}}" role="list">
          {{$g.OptionsHTML}}
        </ul>
        {{if and (eq $g.Param "size") $.Systems}}<p><label for="f-system">Show sizes in</label>
        <select id="f-system" name="system">{{range $.Systems}}<option value="{{.Value}}"{{if .Checked}} selected{{end}}>{{.Label}}</option>{{end}}</select></p>{{end}}
      </fieldset>
      {{end}}
      <p class="facet-actions"><button type="submit" class="button">Show results</button> <a href="{{.ClearURL}}">Clear filters</a></p>
    </form>
  </details>

  <section class="results" id="results" aria-labelledby="results-count">
    <div class="results-head">
      <p id="results-count" class="results-count">{{if .Searched}}{{.Total}} {{if eq .Total 1}}item{{else}}items{{end}}{{else}}Everything in stock{{end}}</p>
      <form class="sort" method="get" action="{{.Scope.Path}}" id="sort-form">
        {{range .SortHidden}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">
        {{end}}
        <label for="sort">Sort by</label>
        <select id="sort" name="sort">{{range .Sorts}}<option value="{{.Value}}"{{if .Checked}} selected{{end}}>{{.Label}}</option>{{end}}</select>
        <button type="submit" class="button-small">Sort</button>
      </form>
    </div>
    {{if and .Searched (eq .Scope.Path "/search")}}<form class="save-search" method="post" action="/saved" id="save-search">
      <input type="hidden" name="query" value="{{.SaveQuery}}">
      <label for="save-search-name">Save this search as</label>
      <input id="save-search-name" name="name" type="text" required maxlength="80" value="{{.SaveName}}">
      <button type="submit" class="button-small">Save this search</button>
    </form>{{end}}
    {{if .Chips}}<ul class="chips" role="list" aria-label="Active filters">
      {{range .Chips}}<li><a class="chip" href="{{.Remove}}">{{.Label}} <span aria-hidden="true">×</span><span class="visually-hidden"> (remove)</span></a></li>
      {{end}}
    </ul>{{end}}
    {{if .Hits}}{{template "grid" .Hits}}
    {{else}}<p class="empty" id="no-results">Nothing matches{{if .Req.Text}} “{{.Req.Text}}”{{end}}{{if .Chips}} with these filters{{end}}. Try fewer words{{if .Chips}}, or <a href="{{.ClearURL}}">clear the filters</a>{{end}}.</p>{{end}}
    {{if .Pages}}<nav class="pagination" aria-label="Pages">
      {{if .Prev}}<a rel="prev" href="{{.Prev}}">Previous</a>{{end}}
      {{range .Pages}}{{if .Gap}}<span class="gap" aria-hidden="true">…</span>{{end}}{{if .Current}}<a href="{{.URL}}" aria-current="page">{{.Number}}</a>{{else}}<a href="{{.URL}}">{{.Number}}</a>{{end}}
      {{end}}
      {{if .Next}}<a rel="next" href="{{.Next}}">Next</a>{{end}}
    </nav>{{end}}
  </section>
</div>
{{end}}

<script src="/static/filters.js" defer></script>
{{end}}
`

// TestSearchHTMLMatchesTemplate renders search pages of every shape (results with facets,
// chips, size systems and pagination; nothing found with filters; a browse page; a category
// page; a bad parameter) with searchHTML and with the template it replaced, with hostile text
// in the query, labels and headings, and compares the two as parsed HTML.
func TestSearchHTMLMatchesTemplate(t *testing.T) {
	ref := template.Must(template.New("ref").Funcs(funcs).Parse(searchTemplate))
	hits := []search.Hit{
		{Listing: store.Listing{ProductID: 1, Brand: "Chloé", Title: "Woody tote", ImageURL: "https://img.example/a.jpg",
			Retailer: "Shop A", Currency: "EUR", Price: 44500, RegularPrice: 89000, Lowest30d: 44500, Sizes: []string{"EU 38"},
			InStock: true, HasOffer: true}},
		{Listing: store.Listing{ProductID: 2, Brand: `Bad "Brand" <b>`, Title: `<script>alert(1)</script>`,
			Retailer: `R&D <shop>`, Currency: "GBP", Price: 4450, RegularPrice: 8900, Questionable: true, InStock: true, HasOffer: true}},
	}
	facets := map[string][]search.Facet{
		index.FacetBrand:    {{Value: "Chloé", Label: "Chloé", Count: 3}, {Value: `<i>x</i>`, Label: `<i>x</i>`, Count: 1}},
		index.FacetCategory: {{Value: "bags", Label: "Bags & <more>", Count: 4}, {Value: "bags-totes", Label: "Totes", Count: 2, Parent: "bags", Depth: 1}},
		index.FacetSize:     {{Value: "EU 38", Label: "EU 38", Count: 2}, {Value: "M", Label: "M", Count: 1}, {Value: "UK 5", Label: "UK 5", Count: 1}},
		index.FacetColour:   {{Value: "black", Label: "black", Count: 4}},
		index.FacetRetailer: {{Value: "Shop A", Label: "Shop A", Count: 4}},
		index.FacetDiscount: {{Value: "30", Label: "30% off or more", Count: 2}, {Value: "50", Label: "50% off or more", Count: 1}},
	}
	parse := func(q string) search.Request {
		vals, err := url.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		req, err := search.Parse(vals, index.DefaultRates())
		if err != nil {
			t.Fatal(err)
		}
		return req
	}
	view := func(sc scope, heading, lede, q string, total, page int, hits []search.Hit) *searchView {
		v := &searchView{Heading: heading, Lede: lede, Scope: sc}
		v.Req = parse(q)
		v.Searched = len(v.Req.Values()) > 0 || sc.Path != "/search"
		v.Total, v.Hits = total, hits
		v.build(search.Answer{Total: total, Page: page, PerPage: 24, Hits: hits, Facets: facets})
		return v
	}
	bad := &searchView{Heading: "Search", Scope: scope{Path: "/search"}}
	bad.Error = &search.FieldError{Field: "max_price", Message: `"<x>" is not a price`}
	bad.Retry = "/search?q=%3Cb%3E&sort=new"
	cases := map[string]*searchView{
		"results": view(scope{Path: "/search"}, `Results for “<b>&</b>”`, "",
			"q=%3Cb%3E%26&brand=Chlo%C3%A9&size=EU+38&system=EU&min_discount=30&on_sale=1&hide_questionable=1&max_price=300&min_price=10&sort=price_low&page=5", 400, 5, hits),
		"nothing found": view(scope{Path: "/search"}, "Search", "", "q=zzz&color=black", 0, 1, nil),
		"browse":        view(scope{Path: "/search"}, "Search", "", "", 2, 1, hits),
		"category":      view(scope{Path: "/categories/bags", Category: "bags"}, "Bags", `Everything in "Bags" & more`, "category=bags-totes&page=2", 60, 2, hits),
		"brand":         view(scope{Path: "/brands/chloe", Brand: "Chloé"}, "Chloé", "Everything by Chloé", "", 1, 1, hits[:1]),
		"bad parameter": bad,
	}
	for name, v := range cases {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			if err := ref.ExecuteTemplate(&want, "content", *v); err != nil {
				t.Fatal(err)
			}
			got := string(searchHTML(v))
			w, g := htmlTokens(t, want.String()), htmlTokens(t, got)
			if strings.Join(w, "\n") != strings.Join(g, "\n") {
				for i := range min(len(w), len(g)) {
					if w[i] != g[i] {
						t.Fatalf("token %d differs:\ntemplate:   %s\nsearchHTML: %s", i, w[i], g[i])
					}
				}
				t.Fatalf("%d tokens from the template, %d from searchHTML", len(w), len(g))
			}
			if strings.Contains(got, "<script>") || strings.Contains(got, "<b>") || strings.Contains(got, "<i>") {
				t.Errorf("hostile text got through:\n%s", got)
			}
		})
	}
}
