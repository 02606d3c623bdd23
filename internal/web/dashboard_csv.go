package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// Every table of the dashboard downloads as CSV: GET /admin/dashboard/NAME.csv?days=N, or
// GET /admin?format=csv&table=NAME&days=N. Cells are the page's numbers without thousands
// separators, days as ISO dates, shares as percentages with one decimal. Shop, brand, product
// and collection names come from retailers' feeds and editors, so every cell is escaped
// against spreadsheet formula injection (safeCSVCell).

// safeCSVCell makes a cell inert in a spreadsheet: one that starts with = + - @, a tab or a
// carriage return (which Excel, LibreOffice and Google Sheets read as a formula, or skip to
// one) gets a leading apostrophe, which they show as text. OWASP's "CSV injection" advice.
func safeCSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// csvTable is one downloadable table.
type csvTable struct {
	Header []string
	Rows   [][]string
}

// writeCSV writes t as an attachment named name, every cell escaped by safeCSVCell. The whole
// file is built before a byte is sent.
func writeCSV(w http.ResponseWriter, name string, t csvTable) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true // RFC 4180
	for _, row := range append([][]string{t.Header}, t.Rows...) {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = safeCSVCell(c)
		}
		_ = cw.Write(cells) // a bytes.Buffer does not fail
	}
	cw.Flush()
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	_, _ = buf.WriteTo(w)
}

// dashboardCSVTables builds each table of the page from its data, by name.
var dashboardCSVTables = map[string]func(d dashboardData) csvTable{
	"feeds": func(d dashboardData) csvTable {
		t := csvTable{Header: []string{"feed_id", "shop", "source", "format", "enabled", "last_success", "failures_in_a_row", "last_error",
			"last_run_status", "read", "new", "changed", "rejected", "gone", "next_run"}}
		for _, f := range d.Feeds {
			src, _ := sourceLabel(f.Source)
			r := f.LastRun
			t.Rows = append(t.Rows, []string{csvInt(f.ID), f.Retailer, src, f.Format, strconv.FormatBool(f.Enabled), csvTime(f.LastSuccessAt),
				strconv.Itoa(f.Failures), f.LastError, r.Status, strconv.Itoa(r.Read), strconv.Itoa(r.New), strconv.Itoa(r.Changed),
				strconv.Itoa(r.Rejected), strconv.Itoa(r.Gone), csvTime(f.NextRunAt)})
		}
		return t
	},
	"feed-runs": func(d dashboardData) csvTable {
		r := d.Runs
		return csvTable{Header: []string{"ok", "not_modified", "failed", "suppressed", "running", "total"},
			Rows: [][]string{{csvInt(r.OK), csvInt(r.NotModified), csvInt(r.Failed), csvInt(r.Suppressed), csvInt(r.Running), csvInt(r.Total())}}}
	},
	"feed-problems": func(d dashboardData) csvTable {
		t := csvTable{Header: []string{"started", "shop", "source", "status", "read", "reason"}}
		for _, p := range d.Problems {
			src, _ := sourceLabel(p.Source)
			t.Rows = append(t.Rows, []string{csvTime(p.StartedAt), p.Retailer, src, p.Status, strconv.Itoa(p.Read), p.Reason})
		}
		return t
	},
	"catalogue": func(d dashboardData) csvTable {
		t := csvTable{Header: []string{"day", "products", "offers", "offers_on_sale", "sale_share_pct"}}
		for _, s := range d.Snapshots {
			t.Rows = append(t.Rows, []string{csvDay(s.Day), csvInt(s.Products), csvInt(s.Offers), csvInt(s.OnSale), csvPercent(s.OnSale, s.Offers)})
		}
		return t
	},
	"clicks-day": func(d dashboardData) csvTable {
		t := csvTable{Header: []string{"day", "clicks"}}
		for _, c := range d.ClicksPerDay {
			t.Rows = append(t.Rows, []string{csvDay(c.Day), csvInt(c.Count)})
		}
		return t
	},
	"clicks-retailer":   clickCSV(store.ClicksByRetailer),
	"clicks-brand":      clickCSV(store.ClicksByBrand),
	"clicks-collection": clickCSV(store.ClicksByCollection),
	"clicks-source":     clickCSV(store.ClicksBySource),
	"top-products": func(d dashboardData) csvTable {
		t := csvTable{Header: []string{"product_id", "product", "brand", "clicks", "share_pct"}}
		for _, p := range d.TopProducts {
			t.Rows = append(t.Rows, []string{csvInt(p.ID), p.Label, p.Brand, csvInt(p.Clicks), csvPercent(p.Clicks, d.ClicksTotal)})
		}
		return t
	},
	"digests": func(d dashboardData) csvTable {
		t := csvTable{Header: []string{"day", "written", "sent", "clicked", "click_through_pct"}}
		for _, g := range d.Digests {
			t.Rows = append(t.Rows, []string{csvDay(g.Day), csvInt(g.Written), csvInt(g.Sent), csvInt(g.Clicked), csvPercent(g.Clicked, g.Sent)})
		}
		return t
	},
}

// clickCSV is the table of one click dimension.
func clickCSV(dim store.ClickDimension) func(d dashboardData) csvTable {
	return func(d dashboardData) csvTable {
		col := strings.ToLower(dashboardDimensionText[dim][2])
		t := csvTable{Header: []string{col + "_id", col, "clicks", "share_pct"}}
		if dim == store.ClicksBySource {
			t.Header = []string{"source", "shown_on", "clicks", "share_pct"}
		}
		for _, g := range d.Clicks[dim] {
			first := csvInt(g.ID)
			if dim == store.ClicksBySource {
				first = g.Label
			}
			t.Rows = append(t.Rows, []string{first, clickGroupLabel(dim, g), csvInt(g.Clicks), csvPercent(g.Clicks, d.ClicksTotal)})
		}
		return t
	}
}

// dashboardCSVFile serves GET /admin/dashboard/{file}: NAME.csv.
func (s *Server) dashboardCSVFile(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".csv")
	if !ok || !isDashboardAdmin(r) {
		s.notFound(w, r)
		return
	}
	s.dashboardCSV(w, r, name)
}

// dashboardCSV writes table name of the window the request asks for; an unknown table is a
// 404. The caller has checked the user is an admin.
func (s *Server) dashboardCSV(w http.ResponseWriter, r *http.Request, name string) {
	build, ok := dashboardCSVTables[name]
	if !ok {
		s.notFound(w, r)
		return
	}
	d, now, ok := s.dashboardOf(w, r)
	if !ok {
		return
	}
	writeCSV(w, "tagdrop-"+name+"-"+strconv.Itoa(d.Window.Days)+"d-"+now.UTC().Format(time.DateOnly)+".csv", build(d))
}

func csvInt(n int64) string { return strconv.FormatInt(n, 10) }

func csvDay(t time.Time) string { return t.UTC().Format(time.DateOnly) }

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// csvPercent is part/whole as a percentage with one decimal, "" when whole is 0.
func csvPercent(part, whole int64) string {
	if whole == 0 {
		return ""
	}
	return strconv.FormatFloat(100*float64(part)/float64(whole), 'f', 1, 64)
}
