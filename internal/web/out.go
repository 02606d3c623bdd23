package web

import (
	"errors"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Click-outs: every link to a retailer goes through /out/{token} (see package clicks). The
// handler only speaks HTTP; verifying, looking up, applying affiliate templates and recording
// are clicks.Service's.

// clickRoutes registers the click-out redirect and the affiliate admin page.
func (s *Server) clickRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /out/{token}", s.out)
	mux.HandleFunc("GET /admin/affiliates", s.adminAffiliates)
	mux.HandleFunc("POST /admin/affiliates/{id}", s.saveAffiliate)
}

// out answers a click-out: 302 to the retailer (or to the product's page on tagdrop when the
// offer is gone), 400 without a redirect for a token this tagdrop did not make. HEAD requests
// (link previews, mail scanners) are answered alike but not recorded.
func (s *Server) out(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	// The retailer learns the click came from this tagdrop, never from which page or link.
	h.Set("Referrer-Policy", "strict-origin")
	h.Set("X-Robots-Tag", "noindex, nofollow")
	if s.cfg.Clicks == nil {
		http.Error(w, "click-outs are not served by this node", http.StatusServiceUnavailable)
		return
	}
	var user int64
	if u := currentUser(r); u != nil {
		user = u.ID
	}
	d, err := s.cfg.Clicks.Resolve(r.Context(), r.PathValue("token"), user, r.Method == http.MethodGet)
	switch {
	case errors.Is(err, clicks.ErrBadToken):
		s.render(w, r, http.StatusBadRequest, "error", errorView{page: s.basePage(r, "Broken link"), Status: http.StatusBadRequest,
			Heading: "This link does not work",
			Message: "The shop link was altered or was not made by this site, so we did not follow it. Search for the item instead."})
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	loc := d.Location
	if loc == "" {
		loc = s.cfg.BaseURL + d.ProductPath
	}
	h.Set("Location", loc)
	w.WriteHeader(http.StatusFound)
}

// outLinks builds the click-out links a page shows; without a click service (tests, a node
// without one) links go to the retailer directly.
type outLinks struct {
	svc *clicks.Service
}

func (s *Server) outLinks() outLinks { return outLinks{svc: s.cfg.Clicks} }

// Offer is the link for one offer, shown on a product page. Tokens on pages name no shopper:
// the session says who clicked, and pages stay the same for everyone.
func (o outLinks) Offer(off catalog.Offer) string {
	if o.svc == nil || off.ID == 0 {
		return off.URL
	}
	return o.svc.URL("", off.ID, off.ProductID, clicks.SourcePage, 0)
}

// Best is the link for a product's best offer (Listing has its URL, not its id): the offer
// with that URL at that retailer, in stock first as the offers are ordered.
func (o outLinks) Best(p store.ProductDetail) string {
	for _, off := range p.Offers {
		if off.URL == p.Best.URL && off.Retailer == p.Best.Retailer {
			return o.Offer(off)
		}
	}
	return p.Best.URL
}
