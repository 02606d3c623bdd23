package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
)

// The JSON API (documented in docs/API.md). Errors are {"error": {"field", "message"}} with a
// 400 for bad input; "field" is empty when no single parameter is at fault.

// apiError is the body of every API error.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// apiFail answers an API request that failed: a 400 naming the field for bad input, a 500
// (logged) for anything else.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	var fe *search.FieldError
	if errors.As(err, &fe) {
		writeJSON(w, http.StatusBadRequest, apiError{apiErrorBody{Field: fe.Field, Message: fe.Message}})
		return
	}
	if r.Context().Err() != nil {
		return
	}
	s.log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeJSON(w, http.StatusInternalServerError, apiError{apiErrorBody{Message: "internal error; please try again"}})
}

// noIndex answers a request that needs the search index on a node that has none, and reports
// whether it did.
func (s *Server) noIndex(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Index != nil {
		return false
	}
	const msg = "search is not served by this node (it runs with --role worker)"
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, http.StatusServiceUnavailable, apiError{apiErrorBody{Message: msg}})
	} else {
		http.Error(w, msg, http.StatusServiceUnavailable)
	}
	return true
}

// apiSearch is GET /api/v1/search: the search page's parameters, the answer of
// `tagdrop search --json`.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	if s.noIndex(w, r) {
		return
	}
	req, err := search.Parse(r.URL.Query(), index.DefaultRates())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	ans, err := s.runSearch(r, scope{Path: "/search"}, req)
	if err == nil {
		err = search.AddURLs(r.Context(), s.db, &ans) // the one field the index does not keep
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	// A result's url leads to the retailer through a signed click-out, like every retailer
	// link tagdrop hands out, so clicks from API clients are counted too.
	if s.cfg.Clicks != nil {
		var uid int64
		if u := currentUser(r); u != nil {
			uid = u.ID
		}
		for i := range ans.Hits {
			if h := &ans.Hits[i]; h.OfferID != 0 && h.URL != "" {
				h.URL = s.cfg.Clicks.URL(s.cfg.BaseURL, h.OfferID, h.ProductID, clicks.SourceAPI, uid)
			}
		}
	}
	writeJSON(w, http.StatusOK, ans.JSON())
}

// suggestion lists of GET /api/v1/suggest.
type suggestions struct {
	Brands   []suggestedBrand   `json:"brands"`
	Products []suggestedProduct `json:"products"`
}

type suggestedBrand struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type suggestedProduct struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Brand string `json:"brand"`
	URL   string `json:"url"`
}

// Suggestion counts: enough to choose from on a phone.
const (
	suggestBrands   = 4
	suggestProducts = 6
)

// apiSuggest is GET /api/v1/suggest?q=: brands and products for the type-ahead, matching the
// last word as a prefix ("chlo" → Chloé).
func (s *Server) apiSuggest(w http.ResponseWriter, r *http.Request) {
	if s.noIndex(w, r) {
		return
	}
	q, err := queryText(r, search.MaxQueryLen)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := suggestions{Brands: []suggestedBrand{}, Products: []suggestedProduct{}}
	if q == "" {
		writeJSON(w, http.StatusOK, out)
		return
	}
	res := s.cfg.Index.Search(index.Query{Text: q, TypeAhead: true, PerPage: suggestProducts, Facets: true})
	words := strings.Fields(catalog.Fold(q))
	for _, f := range res.Facets[index.FacetBrand] {
		if len(out.Brands) == suggestBrands {
			break
		}
		if brandMatches(catalog.Fold(f.Label), words) {
			out.Brands = append(out.Brands, suggestedBrand{Name: f.Label, URL: "/brands/" + catalog.Slug(f.Label)})
		}
	}
	for _, h := range res.Hits {
		out.Products = append(out.Products, suggestedProduct{ID: h.ProductID, Title: h.Title, Brand: h.Brand,
			URL: "/products/" + strconv.FormatInt(h.ProductID, 10)})
	}
	writeJSON(w, http.StatusOK, out)
}

// brandMatches reports whether a folded brand name has a word starting with the last typed
// word: brands are suggested for what was typed, not for every brand of a matching product.
func brandMatches(brand string, words []string) bool {
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	ok := false
	for _, w := range strings.FieldsFunc(brand, func(r rune) bool { return r == ' ' || r == '-' || r == '&' || r == '.' }) {
		if strings.HasPrefix(w, last) {
			ok = true
		}
	}
	return ok
}

// queryText is a type-ahead request's q parameter, trimmed; a *search.FieldError when it is not
// valid UTF-8 or longer than maxLen characters.
func queryText(r *http.Request, maxLen int) (string, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	switch {
	case !utf8.ValidString(q):
		return "", &search.FieldError{Field: "q", Message: "is not valid UTF-8"}
	case utf8.RuneCountInString(q) > maxLen:
		return "", &search.FieldError{Field: "q", Message: "is longer than " + strconv.Itoa(maxLen) + " characters"}
	}
	return q, nil
}
