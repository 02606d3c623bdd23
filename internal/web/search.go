package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
)

// The search page, and the brand and category pages that are searches with one filter fixed.
// Every state lives in the URL (GET forms, links), so any result page can be shared; the
// facet sidebar is a <details> drawer on phones and needs no script.

// scope is what a page fixes before the shopper's own filters: a brand or a category.
type scope struct {
	Path     string // the page's path: where its forms and links go
	Brand    string // a brand page's brand name
	Category string // a category page's slug
}

// searchView is the search page, a brand page or a category page.
type searchView struct {
	page
	Heading  string
	Lede     string
	Scope    scope
	Req      search.Request
	Error    *search.FieldError
	Retry    string // after an error: the same search without the refused parameter (search_error.go)
	Searched bool   // a query or a filter was given
	Total    int
	Hits     []search.Hit
	Groups   []facetGroup
	Chips    []chip
	ClearURL string
	Sorts    []option
	Systems  []option
	Discount []option
	MinPrice string
	MaxPrice string
	// SortHidden and FilterHidden carry the rest of the state through the sort and filter forms.
	SortHidden   []hidden
	FilterHidden []hidden
	Pages        []pageLink
	Prev, Next   string
	// Content is the page's content, written by searchHTML.
	Content template.HTML
}

// facetGroup is one facet of the sidebar.
type facetGroup struct {
	Param   string // the query parameter it sets
	Title   string
	Options []option
	Open    bool // a value is selected: shown unfolded
}

// option is a checkbox or select option.
type option struct {
	ID      string // element id of a checkbox
	Value   string
	Label   string
	Count   int
	Checked bool
	Indent  bool // a category below the one shown above it
}

// chip is an active filter with the link that removes it.
type chip struct {
	Label  string
	Remove string
}

// hidden is a hidden form field.
type hidden struct{ Name, Value string }

// pageLink is one link of the pagination.
type pageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool // an ellipsis before it
}

var sortLabels = []struct {
	sort  index.Sort
	label string
}{
	{index.SortRelevance, "Best match"}, {index.SortDiscount, "Biggest discount"}, {index.SortPriceLow, "Price: low to high"},
	{index.SortPriceHigh, "Price: high to low"}, {index.SortNewest, "Newest"}, {index.SortDrop, "Biggest recent drop"},
}

// Facet display caps: the JSON API returns every value; the sidebar the most common ones and
// whatever is selected.
const (
	maxBrandOptions = 30
	maxOtherOptions = 40
)

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	s.searchPage(w, r, scope{Path: "/search"}, "Search", "")
}

// searchPage answers a search in scope, titled heading. A bad parameter shows the page with the
// message and a 400; never a 500.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, sc scope, heading, lede string) {
	if s.noIndex(w, r) {
		return
	}
	v := searchView{page: s.basePage(r, heading), Heading: heading, Lede: lede, Scope: sc}
	req, err := search.Parse(r.URL.Query(), index.DefaultRates())
	var fe *search.FieldError
	if errors.As(err, &fe) {
		v.showSearchError(r, fe)
		v.Content = searchHTML(&v)
		s.render(w, r, http.StatusBadRequest, "search", v)
		return
	}
	v.Req, v.Query = req, req.Text
	if req.Text != "" && sc.Path == "/search" {
		v.Title = "Search: " + req.Text
		v.Heading = "Results for “" + req.Text + "”"
	}
	ans, err := s.runSearch(r, sc, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Searched = len(req.Values()) > 0 || sc.Path != "/search"
	v.Total, v.Hits = ans.Total, ans.Hits
	v.build(ans)
	v.Content = searchHTML(&v)
	s.render(w, r, http.StatusOK, "search", v)
}

// runSearch adds the scope's fixed filter to req and asks the index.
func (s *Server) runSearch(r *http.Request, sc scope, req search.Request) (search.Answer, error) {
	if req.FindsNothing() {
		return req.Empty(), nil
	}
	full := req
	if sc.Brand != "" {
		full.Brands = []string{sc.Brand}
	}
	if sc.Category != "" {
		full.Categories = append([]string{sc.Category}, req.Categories...)
	}
	q, err := full.Query(r.Context(), s.categories())
	if err != nil {
		return search.Answer{}, err
	}
	if sc.Category != "" && len(req.Categories) > 0 {
		// Within a category page a ticked subcategory narrows it: keep only those.
		q.Categories = q.Categories[1:]
	}
	// Everything a card shows comes from the index: the page reads nothing from the store.
	return search.Respond(s.cfg.Index.Search(q)), nil
}

// categories resolves category keys: from the index when it knows them, so a filtered page
// costs no query, else from the store.
func (s *Server) categories() search.Categories {
	if ix, ok := s.cfg.Index.(search.CategorySlugs); ok {
		return search.IndexFirst(ix, s.db)
	}
	return s.db
}

// link is the page's URL for req.
func (v *searchView) link(req search.Request) string {
	vals := req.Values()
	if len(vals) == 0 {
		return v.Scope.Path
	}
	return v.Scope.Path + "?" + vals.Encode()
}

// build fills the sidebar, chips, sort options and pagination from the answer.
func (v *searchView) build(a search.Answer) {
	req := v.Req
	base := req
	base.Page = 0
	v.ClearURL = v.link(search.Request{Text: req.Text, Sort: req.Sort})
	if v.Scope.Brand == "" {
		v.Groups = append(v.Groups, v.group("brand", "Brand", a.Facets[index.FacetBrand], req.Brands, maxBrandOptions))
	}
	v.Groups = append(v.Groups, v.categoryGroup(a.Facets[index.FacetCategory]))
	sizes := a.Facets[index.FacetSize]
	labels := make([]string, len(sizes))
	for i, f := range sizes {
		labels[i] = f.Value
	}
	order := map[string]int{}
	for i, l := range search.SortSizeLabels(labels) {
		order[l] = i
	}
	sizes = slices.Clone(sizes)
	slices.SortFunc(sizes, func(x, y search.Facet) int { return order[x.Value] - order[y.Value] })
	v.Groups = append(v.Groups, v.group("size", "Size in stock", sizes, req.Sizes, 0))
	v.Groups = append(v.Groups, v.group("color", "Colour", a.Facets[index.FacetColour], req.Colours, maxOtherOptions))
	v.Groups = append(v.Groups, v.group("retailer", "Shop", a.Facets[index.FacetRetailer], req.Retailers, maxOtherOptions))
	kept := v.Groups[:0]
	for _, g := range v.Groups {
		if len(g.Options) > 0 {
			kept = append(kept, g)
		}
	}
	v.Groups = kept

	// Size systems seen among the sizes, for showing sizes in one system.
	seen := map[string]bool{}
	v.Systems = []option{{Value: "", Label: "All systems", Checked: req.System == ""}}
	for _, l := range labels {
		if sys, _, ok := strings.Cut(l, " "); ok && len(sys) <= 3 && strings.ToUpper(sys) == sys && !seen[sys] {
			seen[sys] = true
			v.Systems = append(v.Systems, option{Value: sys, Label: sys, Checked: req.System == sys})
		}
	}
	if len(v.Systems) == 1 {
		v.Systems = nil
	}
	v.Discount = []option{{Value: "", Label: "Any discount", Checked: req.MinDiscount == 0}}
	for _, f := range a.Facets[index.FacetDiscount] {
		n, _ := strconv.Atoi(f.Value)
		v.Discount = append(v.Discount, option{Value: f.Value, Label: fmt.Sprintf("%s (%d)", f.Label, f.Count), Checked: n == req.MinDiscount})
	}
	if req.MinDiscount > 0 && !slices.ContainsFunc(v.Discount, func(o option) bool { return o.Checked }) {
		v.Discount = append(v.Discount, option{Value: strconv.Itoa(req.MinDiscount), Label: fmt.Sprintf("%d%% off or more", req.MinDiscount), Checked: true})
	}
	vals := req.Values()
	v.MinPrice, v.MaxPrice = vals.Get("min_price"), vals.Get("max_price")

	v.chips(base)
	for _, so := range sortLabels {
		v.Sorts = append(v.Sorts, option{Value: string(so.sort), Label: so.label,
			Checked: req.Sort == so.sort || req.Sort == "" && so.sort == index.SortRelevance})
	}
	baseVals := base.Values() // once: it encodes every parameter
	for _, name := range sortedKeys(baseVals) {
		for _, val := range baseVals[name] {
			if name != "sort" {
				v.SortHidden = append(v.SortHidden, hidden{name, val})
			}
		}
	}
	for _, name := range []string{"q", "sort", "system", "currency", "gender", "new_since", "per_page"} {
		if name == "system" {
			continue // the form has its own select
		}
		for _, val := range baseVals[name] {
			v.FilterHidden = append(v.FilterHidden, hidden{name, val})
		}
	}
	v.paginate(a)
}

func sortedKeys(v url.Values) []string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// group is a checkbox facet: up to limit values by count (0: all), plus every selected one.
func (v *searchView) group(param, title string, facets []search.Facet, selected []string, limit int) facetGroup {
	g := facetGroup{Param: param, Title: title, Open: len(selected) > 0}
	isSel := func(val string) bool {
		return slices.ContainsFunc(selected, func(s string) bool { return strings.EqualFold(s, val) })
	}
	shown := map[string]bool{}
	for _, f := range facets {
		if limit > 0 && len(g.Options) >= limit && !isSel(f.Value) {
			continue
		}
		shown[strings.ToLower(f.Value)] = true
		g.Options = append(g.Options, option{ID: facetID(param, len(g.Options)), Value: f.Value, Label: f.Label, Count: f.Count, Checked: isSel(f.Value)})
	}
	for _, s := range selected { // selected but matching nothing now: still shown, to untick
		if !shown[strings.ToLower(s)] {
			g.Options = append(g.Options, option{ID: facetID(param, len(g.Options)), Value: s, Label: s, Checked: true})
		}
	}
	return g
}

// categoryGroup shows one level of the category tree: the children of the selected category
// (or of the page's), else the first level that offers a choice, with the selected ones kept.
func (v *searchView) categoryGroup(facets []search.Facet) facetGroup {
	g := facetGroup{Param: "category", Title: "Category", Open: len(v.Req.Categories) > 0}
	selected := map[string]bool{}
	for _, c := range v.Req.Categories {
		selected[c] = true
	}
	parents := map[string]bool{}
	if v.Scope.Category != "" {
		parents[v.Scope.Category] = true
	}
	for c := range selected {
		parents[c] = true
	}
	children := map[string][]search.Facet{}
	for _, f := range facets {
		children[f.Parent] = append(children[f.Parent], f)
	}
	var level []search.Facet
	if len(parents) == 0 {
		level = children[""]
		for len(level) == 1 && len(children[level[0].Value]) > 0 {
			level = children[level[0].Value]
		}
		if len(level) == 1 && v.Scope.Category == "" {
			level = nil // one category and nothing under it: no choice to offer
		}
	}
	for _, f := range facets {
		if selected[f.Value] && !parents[f.Parent] {
			g.Options = append(g.Options, option{ID: facetID("category", len(g.Options)), Value: f.Value, Label: f.Label, Count: f.Count, Checked: true})
		}
		if parents[f.Parent] {
			g.Options = append(g.Options, option{ID: facetID("category", len(g.Options)), Value: f.Value, Label: f.Label, Count: f.Count,
				Checked: selected[f.Value], Indent: len(selected) > 0 && !selected[f.Value]})
		}
	}
	for _, f := range level {
		g.Options = append(g.Options, option{ID: facetID("category", len(g.Options)), Value: f.Value, Label: f.Label, Count: f.Count})
	}
	if len(g.Options) > maxOtherOptions {
		g.Options = g.Options[:maxOtherOptions]
	}
	return g
}

// facetID is the element id of a facet's i-th checkbox.
func facetID(param string, i int) string { return "f-" + param + "-" + strconv.Itoa(i) }

// chips lists the active filters, each with a link that removes just it.
func (v *searchView) chips(base search.Request) {
	without := func(list []string, i int) []string {
		return append(slices.Clone(list[:i]), list[i+1:]...)
	}
	lists := []struct {
		label string
		get   func(*search.Request) *[]string
	}{
		{"", func(r *search.Request) *[]string { return &r.Brands }},
		{"", func(r *search.Request) *[]string { return &r.Categories }},
		{"Size ", func(r *search.Request) *[]string { return &r.Sizes }},
		{"", func(r *search.Request) *[]string { return &r.Colours }},
		{"At ", func(r *search.Request) *[]string { return &r.Retailers }},
		{"", func(r *search.Request) *[]string { return &r.Genders }},
	}
	for _, l := range lists {
		for i, val := range *l.get(&base) {
			next := base
			*l.get(&next) = without(*l.get(&base), i)
			v.Chips = append(v.Chips, chip{Label: l.label + val, Remove: v.link(next)})
		}
	}
	add := func(label string, clear func(*search.Request)) {
		next := base
		clear(&next)
		v.Chips = append(v.Chips, chip{Label: label, Remove: v.link(next)})
	}
	if v.MinPrice != "" {
		add("From "+v.MinPrice, func(r *search.Request) { r.MinPrice = 0 })
	}
	if v.MaxPrice != "" {
		add("Up to "+v.MaxPrice, func(r *search.Request) { r.MaxPrice = 0 })
	}
	if base.MinDiscount > 0 {
		add(fmt.Sprintf("%d%% off or more", base.MinDiscount), func(r *search.Request) { r.MinDiscount = 0 })
	}
	if base.OnSale {
		add("On sale", func(r *search.Request) { r.OnSale = false })
	}
	if base.HideQuestionable {
		add("Honest discounts only", func(r *search.Request) { r.HideQuestionable = false })
	}
	if !base.NewSince.IsZero() {
		add("New since "+base.NewSince.Format("2 Jan 2006"), func(r *search.Request) { r.NewSince = time.Time{} })
	}
}

// paginate links the pages around the current one, within what the index will return.
func (v *searchView) paginate(a search.Answer) {
	per := max(a.PerPage, 1)
	last := min((a.Total+per-1)/per, search.MaxPage, index.MaxWindow/per)
	cur := max(a.Page, 1)
	if last <= 1 {
		return
	}
	at := func(n int) string {
		r := v.Req
		r.Page = n
		return v.link(r)
	}
	if cur > 1 {
		v.Prev = at(min(cur-1, last))
	}
	if cur < last {
		v.Next = at(cur + 1)
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < cur-2 || n > cur+2) {
			continue
		}
		v.Pages = append(v.Pages, pageLink{Number: n, URL: at(n), Current: n == cur, Gap: prev != 0 && n > prev+1})
		prev = n
	}
}
