package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

// productView is one product's page: every offer, and the price history as a chart.
type productView struct {
	page
	Product store.ProductDetail
	Chart   *priceChart
	Out     outLinks // retailer links through /out (out.go)
	// OfferGroups are the offers as "Where to buy" shows them: one row per retailer and price.
	OfferGroups []offerGroup
	// MixedCurrencies: the shops price in more than one currency, shown as they are.
	MixedCurrencies bool
	// CategoryTrail is the product's category and its ancestors, root first, each linked.
	CategoryTrail []catalog.Category
	// WholeHistory: the chart shows the whole history (?range=all), not the last ChartDays.
	WholeHistory bool
	ChartDays    int
}

func (s *Server) product(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		// An id that is not a number names no product: the same answer as an unknown one.
		s.fail(w, r, fmt.Errorf("product %q: %w", r.PathValue("id"), store.ErrNotFound))
		return
	}
	var viewer int64 // a tracked page's offers show only to shoppers who love it (docs/loves.md)
	if u := currentUser(r); u != nil {
		viewer = u.ID
	}
	// The chart shows the last chartDays; ?range=all shows (and reads) the whole history.
	start := s.now().Add(-chartDays * 24 * time.Hour)
	if r.URL.Query().Get("range") == "all" {
		start = time.Time{}
	}
	p, err := s.db.ProductSince(r.Context(), id, viewer, start)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := p.Title
	if p.Brand != "" {
		title = p.Brand + " " + p.Title
	}
	v := productView{page: s.basePage(r, title), Product: p, Out: s.outLinks(), OfferGroups: groupOffers(p.Offers), WholeHistory: start.IsZero(), ChartDays: chartDays}
	v.MixedCurrencies = mixedCurrencies(v.OfferGroups)
	if p.CategoryID != 0 {
		if cats, err := s.db.Categories(r.Context()); err == nil {
			v.CategoryTrail = categoryTrail(cats, p.CategoryID)
		} // without the tree the path shows as text
	}
	if p.Best.HasOffer {
		v.Chart = newPriceChartFrom(lowestPriceSeries(p.History, p.Best.Currency), p.Best.Currency, s.now(), start,
			p.LowestEver[p.Best.Currency])
	}
	if p.Description != "" {
		v.Description = truncate(p.Description, 160)
	}
	s.render(w, r, http.StatusOK, "product", v)
}
