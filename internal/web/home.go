package web

import "net/http"

// homeView is the home page's view.
type homeView struct {
	page
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "home", homeView{page: s.basePage(r, "Designer sales in your size")})
}
