package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/tagdrop/tagdrop/internal/search"
)

// A bad search parameter (a price typed as "abc", a "from" price above the "to" price, a sort
// order from an old link) is shown to the shopper in the page's own words: the field as the
// filter drawer labels it, the other parameters it mentions likewise, and a link to the same
// search without the bad field, so that the search words and the other filters survive.

// searchFieldLabels names each search parameter as the page labels it.
var searchFieldLabels = map[string]string{
	"q": "Search words", "brand": "Brand", "category": "Category", "size": "Size", "system": "Size system",
	"color": "Colour", "retailer": "Shop", "gender": "Gender", "min_price": "Price from", "max_price": "Price to",
	"currency": "Currency", "min_discount": "Discount", "on_sale": "On sale",
	"hide_questionable": "Hide questionable discounts", "new_since": "New since", "sort": "Sort",
	"page": "Page", "per_page": "Items per page",
}

// searchFieldLabel is the label of parameter name, or the name itself for one without a label.
func searchFieldLabel(name string) string {
	if l, ok := searchFieldLabels[name]; ok {
		return l
	}
	return name
}

// plainFieldError rewrites fe for the shopper: its field by its label, a sort order it does not
// know answered with the orders the sort menu offers, and any other parameter its message
// names by its label, in quotes.
func plainFieldError(fe *search.FieldError, q url.Values) *search.FieldError {
	out := &search.FieldError{Field: searchFieldLabel(fe.Field), Message: fe.Message}
	if fe.Field == "sort" {
		labels := make([]string, len(sortLabels))
		for i, s := range sortLabels {
			labels[i] = s.label
		}
		out.Message = "“" + clipRunes(q.Get("sort"), 40) + "” is not a sort order here; choose one of " + strings.Join(labels, ", ")
		return out
	}
	words := strings.Fields(out.Message)
	for i, w := range words {
		if l, ok := searchFieldLabels[w]; ok && strings.Contains(w, "_") {
			words[i] = "“" + l + "”"
		}
	}
	out.Message = strings.Join(words, " ")
	return out
}

// retryURL is the page at path with the query q less the parameter field: the search to offer
// after field was refused. It is empty when nothing else is left.
func retryURL(path string, q url.Values, field string) string {
	rest := url.Values{}
	for k, vs := range q {
		if k != field {
			rest[k] = vs
		}
	}
	if len(rest) == 0 {
		return ""
	}
	return path + "?" + rest.Encode()
}

// showSearchError fills v for a refused parameter fe: the message in plain words, the header's
// search box keeping the search words, and the retry link.
func (v *searchView) showSearchError(r *http.Request, fe *search.FieldError) {
	q := r.URL.Query()
	v.Error = plainFieldError(fe, q)
	v.Title = "Search: " + v.Error.Field
	if text := q.Get("q"); fe.Field != "q" && len([]rune(text)) <= search.MaxQueryLen {
		v.Query = text
	}
	v.Retry = retryURL(v.Scope.Path, q, fe.Field)
}
