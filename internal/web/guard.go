package web

import (
	"net/http"
	"net/url"

	"github.com/tagdrop/tagdrop/internal/account"
)

// requireUser returns the signed-in user; without one it redirects to the sign-in page, which
// comes back here afterwards, and returns nil: the handler then returns at once.
func (s *Server) requireUser(w http.ResponseWriter, r *http.Request) *account.User {
	if u := currentUser(r); u != nil {
		return u
	}
	next := r.URL.Path
	if r.Method == http.MethodGet && r.URL.RawQuery != "" {
		next += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, "/signin?next="+url.QueryEscape(safeNext(next)), http.StatusSeeOther)
	return nil
}
