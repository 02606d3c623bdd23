package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/trends"
)

// trendsView is /trends: what grows fastest among new listings and among items going on sale,
// judged on the last complete ISO week.
type trendsView struct {
	page
	Week     string         // the judged week's ISO name, "2026-W47"
	WeekFrom string         // its first day, "16 Nov"
	WeekTo   string         // its last day
	Lists    []trendSection // new listings, then sales
	Any      bool           // some list has a row
	// Since is the first week with any count, formatted; empty when there is no history at all.
	Since string
}

// trendSection is one ranked list.
type trendSection struct {
	ID, Heading, Note string
	Rows              []trendRow
}

// trendRow is one ranked term.
type trendRow struct {
	Label   string
	Kind    string // shown beside the label: "colour", "brand", …
	Href    string
	Current int
	Growth  string // "+150%", or "new" when nothing came before
	Spark   sparkline
}

// trendsPage is /trends: both lists of the judged week, or the empty state.
func (s *Server) trendsPage(w http.ResponseWriter, r *http.Request) {
	last := trends.JudgedWeek(s.now())
	v := trendsView{page: s.basePage(r, "Trends"), Week: trends.WeekName(last),
		WeekFrom: last.Format("2 Jan"), WeekTo: last.AddDate(0, 0, 6).Format("2 Jan")}
	v.Description = "What is trending in designer fashion: the terms, colours, materials and brands whose new listings and sale items grow fastest week over week."
	for _, l := range []struct{ list, id, heading, note, what string }{
		{store.TrendNew, "trends-new", "New listings", "Counted by products first listed in a week, however many shops and sizes.", "new listings"},
		{store.TrendSale, "trends-sale", "Going on sale", "Counted by products that went on sale in a week, however many shops and sizes.", "items going on sale"},
	} {
		rows, err := s.trendList(r.Context(), l.list, last, l.what)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.Lists = append(v.Lists, trendSection{ID: l.id, Heading: l.heading, Note: l.note, Rows: rows})
		v.Any = v.Any || len(rows) > 0
	}
	if !v.Any {
		first, err := s.db.TrendHistory(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !first.IsZero() {
			v.Since = first.Format("2 January 2006")
		}
	}
	s.render(w, r, http.StatusOK, "trends", v)
}

// trendList is one list's ranking of the week starting at last: the one the trends job
// stored, or, before the job has ranked that week (a new database, a web node whose workers
// are behind), ranked here from the counts.
func (s *Server) trendList(ctx context.Context, list string, last time.Time, what string) ([]trendRow, error) {
	ranked, ok, err := s.db.TrendRankings(ctx, list, last)
	if err != nil {
		return nil, err
	}
	if !ok {
		series, err := s.db.TrendSeries(ctx, list, last)
		if err != nil {
			return nil, err
		}
		ranked = trends.Rank(series, trends.Options{})
	}
	weeks := trends.Weeks(last, trends.SeriesWeeks)
	var rows []trendRow
	for _, t := range ranked {
		row := trendRow{Label: t.Term.Label, Kind: trendKindName(t.Term.Kind), Href: trendHref(t.Term), Current: t.Current,
			Growth: "new", Spark: newSparkline(t.Counts, weeks, what)}
		if pct, ok := t.Growth(); ok {
			row.Growth = "+" + strconv.Itoa(pct) + "%"
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// trendKindName is the word shown beside a term; phrases need none.
func trendKindName(k trends.Kind) string {
	if k == trends.Phrase {
		return ""
	}
	return string(k)
}

// trendHref links a term to what it counts: the brand's or category's page, the colour facet,
// or a text search for a phrase, a named colour or a material.
func trendHref(t trends.Term) string {
	switch {
	case t.Kind == trends.Brand && t.Value != "":
		return "/brands/" + url.PathEscape(t.Value)
	case t.Kind == trends.Category && t.Value != "":
		return "/categories/" + url.PathEscape(t.Value)
	case t.Kind == trends.Colour && t.Value != "":
		return "/search?" + url.Values{"color": {t.Value}}.Encode()
	default:
		return "/search?" + url.Values{"q": {t.Label}}.Encode()
	}
}
