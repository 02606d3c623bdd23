package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The admin dashboard (GET /admin) answers "what works": imports and feed health, catalogue size
// and sale share per day, click-outs by shop, brand, collection and source, digests and their
// click-through, and the most clicked products, over a window of 7, 30 or 90 days. Every
// number is aggregated in SQL over that bounded window (store/dashboard_*.go); the page draws
// them as inline SVG (svgchart.go) and lists them in tables, each downloadable as CSV
// (dashboard_csv.go). Like every admin page it is a 404 for everyone but admins.

// dashboardWindows are the windows the page offers, in days.
var dashboardWindows = []int{7, 30, 90}

// defaultDashboardDays is the window of a request that names none (or another).
const defaultDashboardDays = 30

// Row limits of the dashboard's tables.
const (
	dashboardGroupLimit    = 15
	dashboardProductLimit  = 20
	dashboardProblemsLimit = 10
)

// dashboardWindow is the span the page reads: the Days whole UTC days ending today, today up
// to now.
type dashboardWindow struct {
	Days     int
	From, To time.Time
}

// dashboardWindowOf reads ?days= (one of dashboardWindows; anything else is the default).
func dashboardWindowOf(r *http.Request, now time.Time) dashboardWindow {
	days := defaultDashboardDays
	if n, err := strconv.Atoi(r.URL.Query().Get("days")); err == nil {
		for _, d := range dashboardWindows {
			if d == n {
				days = n
			}
		}
	}
	today := store.DayOf(now)
	return dashboardWindow{Days: days, From: today.AddDate(0, 0, 1-days), To: now.Add(time.Millisecond)}
}

// dayList is every UTC day of the window, oldest first.
func (w dashboardWindow) dayList() []time.Time {
	out := make([]time.Time, 0, w.Days)
	for d := w.From; d.Before(w.To); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// dashboardData is everything the page and its CSV tables show, as the store returned it.
type dashboardData struct {
	Window    dashboardWindow
	Feeds     []store.Feed
	Runs      store.FeedRunTally
	Problems  []store.FeedRunProblem
	Snapshots []store.CatalogueSnapshot
	// ClicksPerDay and Digests have a row for every day of the window (zeros included).
	ClicksPerDay []store.DayCount
	ClicksTotal  int64
	Clicks       map[store.ClickDimension][]store.ClickGroup
	Digests      []store.DigestDay
	TopProducts  []store.ClickGroup
}

// dashboardDimensions are the click tables, in page order.
var dashboardDimensions = []store.ClickDimension{store.ClicksByRetailer, store.ClicksByBrand, store.ClicksByCollection, store.ClicksBySource}

// loadDashboard runs the dashboard's queries for window w.
func (s *Server) loadDashboard(ctx context.Context, w dashboardWindow) (dashboardData, error) {
	d := dashboardData{Window: w, Clicks: map[store.ClickDimension][]store.ClickGroup{}}
	var err error
	if d.Feeds, err = s.db.Feeds(ctx); err != nil {
		return d, err
	}
	if d.Runs, err = s.db.FeedRunsBetween(ctx, w.From, w.To); err != nil {
		return d, err
	}
	if d.Problems, err = s.db.FeedRunProblems(ctx, w.From, w.To, dashboardProblemsLimit); err != nil {
		return d, err
	}
	if d.Snapshots, err = s.db.CatalogueSnapshots(ctx, w.From, w.To); err != nil {
		return d, err
	}
	perDay, err := s.db.ClicksPerDay(ctx, w.From, w.To)
	if err != nil {
		return d, err
	}
	byDay := map[time.Time]int64{}
	for _, c := range perDay {
		byDay[c.Day] = c.Count
		d.ClicksTotal += c.Count
	}
	for _, day := range w.dayList() {
		d.ClicksPerDay = append(d.ClicksPerDay, store.DayCount{Day: day, Count: byDay[day]})
	}
	for _, dim := range dashboardDimensions {
		if d.Clicks[dim], err = s.db.ClicksBy(ctx, dim, w.From, w.To, dashboardGroupLimit); err != nil {
			return d, err
		}
	}
	if d.TopProducts, err = s.db.ClicksBy(ctx, store.ClicksByProduct, w.From, w.To, dashboardProductLimit); err != nil {
		return d, err
	}
	digests, err := s.db.DigestsPerDay(ctx, w.From, w.To)
	if err != nil {
		return d, err
	}
	digestByDay := map[time.Time]store.DigestDay{}
	for _, g := range digests {
		digestByDay[g.Day] = g
	}
	for _, day := range w.dayList() {
		g := digestByDay[day]
		g.Day = day
		d.Digests = append(d.Digests, g)
	}
	return d, nil
}

// isDashboardAdmin reports whether the request is an admin's.
func isDashboardAdmin(r *http.Request) bool {
	u := currentUser(r)
	return u != nil && u.Role == account.Admin
}

// dashboard serves GET /admin: the page, or one of its tables as CSV with ?format=csv&table=.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	if !isDashboardAdmin(r) {
		s.notFound(w, r)
		return
	}
	if r.URL.Query().Get("format") == "csv" {
		s.dashboardCSV(w, r, r.URL.Query().Get("table"))
		return
	}
	d, now, ok := s.dashboardOf(w, r)
	if !ok {
		return
	}
	v := newDashboardView(s.basePage(r, "Dashboard"), d, now)
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "dashboard", v)
}

// dashboardOf loads the dashboard of the window the request asks for, as of now; on failure it
// has answered the request and ok is false.
func (s *Server) dashboardOf(w http.ResponseWriter, r *http.Request) (d dashboardData, now time.Time, ok bool) {
	now = s.now()
	d, err := s.loadDashboard(r.Context(), dashboardWindowOf(r, now))
	if err != nil {
		s.fail(w, r, err)
		return d, now, false
	}
	return d, now, true
}
