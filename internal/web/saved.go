package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Saved searches: "Save this search" on the search page stores the search's query string, as
// search.Request.Values writes it after search.Parse accepted it (so a saved search always
// parses again), under a name the shopper gives. /loves lists them with a link that runs the
// search again and a remove button.

// maxSavedName bounds a saved search's name.
const maxSavedName = 80

// savedCard is one saved search on the loves page.
type savedCard struct {
	store.SavedSearch
	URL string // the search page running it
}

func newSavedCard(s store.SavedSearch) savedCard {
	return savedCard{SavedSearch: s, URL: "/search?" + s.Query}
}

// savedView is the page answering a save that could not be done.
type savedView struct {
	page
	Name  string
	Query string
	Back  string // the search it came from
	Field string
	Error string
}

// SaveQuery is the current search as a query string for "Save this search": the search state
// without the page number.
func (v searchView) SaveQuery() string {
	req := v.Req
	req.Page = 0
	return req.Values().Encode()
}

// SaveName suggests a name for the current search: its words, else "My search".
func (v searchView) SaveName() string {
	if v.Req.Text != "" {
		return clipRunes(v.Req.Text, maxSavedName)
	}
	if len(v.Req.Brands) > 0 {
		return clipRunes(strings.Join(v.Req.Brands, ", "), maxSavedName)
	}
	return "My search"
}

// canonicalSearch checks a query string as the search page would and returns it as the search
// page writes it, without the page number; the field at fault and why when it is unusable.
func canonicalSearch(raw string) (string, string, string) {
	raw = strings.TrimPrefix(strings.TrimSpace(raw), "?")
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return "", "query", "The search could not be read: run the search again, then save it"
	}
	req, err := search.Parse(vals, index.DefaultRates())
	var fe *search.FieldError
	if errors.As(err, &fe) {
		return "", fe.Field, fmt.Sprintf("The search's %s %s: correct the search, then save it", fe.Field, fe.Message)
	}
	if err != nil {
		return "", "query", "The search could not be read: run the search again, then save it"
	}
	req.Page = 0
	q := req.Values().Encode()
	if q == "" {
		return "", "query", "There is nothing to save yet: search for something or pick a filter first"
	}
	return q, "", ""
}

func (s *Server) saveSearch(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form could not be read.", http.StatusBadRequest)
		return
	}
	rawQuery := r.PostForm.Get("query")
	u := currentUser(r)
	if u == nil {
		next := "/search"
		if q, _, msg := canonicalSearch(rawQuery); msg == "" {
			next += "?" + q
		}
		http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
		return
	}
	name := strings.Join(strings.Fields(r.PostForm.Get("name")), " ")
	v := savedView{page: s.basePage(r, "Save this search"), Name: name, Query: rawQuery, Back: "/search"}
	q, field, msg := canonicalSearch(rawQuery)
	if msg == "" {
		v.Back += "?" + q
		switch n := utf8.RuneCountInString(name); {
		case !utf8.ValidString(name) || n == 0:
			field, msg = "name", "Give the search a name, such as “Ganni boots in 38”"
		case n > maxSavedName:
			field, msg = "name", fmt.Sprintf("The name is %d characters long: keep it to %d", n, maxSavedName)
		}
	}
	if msg == "" {
		_, err := s.db.SaveSearch(r.Context(), u.ID, name, q)
		switch {
		case errors.Is(err, store.ErrConflict):
			field, msg = "name", fmt.Sprintf("You already have a saved search named “%s”: choose another name", name)
		case errors.Is(err, store.ErrLimit):
			field, msg = "name", fmt.Sprintf("You keep %d saved searches, the most tagdrop keeps: remove one on your loves page first", store.MaxSavedSearches)
		case err != nil:
			s.fail(w, r, err)
			return
		}
	}
	if msg != "" {
		v.Field, v.Error = field, msg
		v.Title = "Save this search: " + field
		s.render(w, r, http.StatusBadRequest, "saved", v)
		return
	}
	http.Redirect(w, r, "/loves?done=saved#saved", http.StatusSeeOther)
}

func (s *Server) deleteSavedSearch(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	s.deleteOwned(w, r, u, "saved search", s.db.DeleteSavedSearch, "/loves?done=unsaved#saved")
}
