package web

import (
	"net/http"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/clicks"
)

// mySalesCap is how many items My sales shows: the digest's cap is 30, the page has room for
// twice that, and the total says how many more there are.
const mySalesCap = 60

// mySalesView is the live My sales page.
type mySalesView struct {
	page
	Items []saleItem
	// Total is how many items match in all, counted up to alerts.MoreCountLimit (TotalAtLeast:
	// the count stopped there); Items holds the first mySalesCap.
	Total        int
	TotalAtLeast bool
	// Follows and Sizes describe the request the page answers.
	Follows int
	Sizes   int
	Welcome bool
}

// saleItem is one match with its picture.
type saleItem struct {
	alerts.Item
	Image string
}

// More is how many matches the page does not show.
func (v mySalesView) More() int { return v.Total - len(v.Items) }

// mySales is GET /my-sales: the match engine run now over the live index for the signed-in
// shopper, ranked as the digest ranks (with the shopper's brand affinity from clicks and loves),
// but with nothing left out for having been sent before: it is the live view of everything that
// matches.
func (s *Server) mySales(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	if s.cfg.Catalogue == nil {
		http.Error(w, "My sales is not served by this node (it runs with --role worker)", http.StatusServiceUnavailable)
		return
	}
	p, err := s.loadPrefs(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	activity, err := s.db.BrandAffinity(r.Context(), u.ID, now.Add(-clicks.AffinityWindow))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Counted up to the digest's limit, not to the end: ranking every match of a broad shopper
	// costs tens of milliseconds at a million offers, a page of them well under one.
	all := alerts.MatchWithAffinity(s.cfg.Catalogue, p, nil, alerts.AffinityOf(activity), now, alerts.MoreCountLimit)
	shown := all[:min(len(all), mySalesCap)]
	ids := make([]int64, len(shown))
	for i, it := range shown {
		ids[i] = it.OfferID
	}
	details, err := s.db.ItemDetails(r.Context(), ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := mySalesView{page: s.basePage(r, "My sales"), Total: len(all), TotalAtLeast: len(all) == alerts.MoreCountLimit,
		Follows: len(p.Brands), Sizes: len(p.Sizes), Welcome: r.URL.Query().Get("welcome") == "1"}
	for _, it := range shown {
		d := details[it.OfferID]
		if d.Lowest30d > 0 && it.Price <= d.Lowest30d {
			it.Reason += " · lowest price in 30 days"
		}
		v.Items = append(v.Items, saleItem{Item: it, Image: d.ImageURL})
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "mysales", v)
}
