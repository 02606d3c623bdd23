package web

import (
	"fmt"
	"html/template"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
)

// dashboardView is the admin dashboard page.
type dashboardView struct {
	page
	Days    int
	From    time.Time
	Windows []dashboardWindowLink

	// Imports and feed health.
	Feeds    []feedRow
	Failing  int
	Runs     store.FeedRunTally
	Problems []dashboardProblem

	// Catalogue size and sale share.
	CatalogueChart, ShareChart template.HTML
	Snapshots                  []dashboardSnapshot

	// Click-outs.
	ClicksTotal  string
	ClicksChart  template.HTML
	ClickDays    []dashboardCount
	ClickGroups  []dashboardClickGroup
	TopProducts  []dashboardProduct
	DigestChart  template.HTML
	CTRChart     template.HTML
	Digests      []dashboardDigestDay
	DigestsTotal dashboardDigestDay
}

// dashboardWindowLink switches the page's window.
type dashboardWindowLink struct {
	Days    int
	URL     string
	Current bool
}

// dashboardProblem is a failed or suppressed run, as words.
type dashboardProblem struct {
	Retailer, Source, Status string
	At, Ago                  string
	Read                     int
	Reason                   string
}

// dashboardSnapshot is one day of the catalogue.
type dashboardSnapshot struct {
	Day                      time.Time
	Products, Offers, OnSale string
	Share                    string
}

// dashboardCount is a count of one day.
type dashboardCount struct {
	Day   time.Time
	Count string
}

// dashboardClickGroup is one click table: its rows and bar chart.
type dashboardClickGroup struct {
	ID      string // anchor and CSV table name
	Heading string
	Column  string
	Chart   template.HTML
	Rows    []dashboardClickRow
}

// dashboardClickRow is one group's clicks.
type dashboardClickRow struct {
	Label  string
	Clicks string
	Share  string
}

// dashboardProduct is one of the most clicked products.
type dashboardProduct struct {
	ID           int64
	Title, Brand string
	Clicks       string
}

// dashboardDigestDay is one day of digests.
type dashboardDigestDay struct {
	Day                         time.Time
	Written, Sent, Clicked, CTR string
}

// dashboardDimensionText names a click dimension's table: its anchor, heading and first column.
var dashboardDimensionText = map[store.ClickDimension][3]string{
	store.ClicksByRetailer:   {"clicks-retailer", "By shop", "Shop"},
	store.ClicksByBrand:      {"clicks-brand", "By brand", "Brand"},
	store.ClicksByCollection: {"clicks-collection", "By collection", "Collection"},
	store.ClicksBySource:     {"clicks-source", "By source", "Source"},
}

// sourceNames says where each click-out source's links are shown.
var sourceNames = map[clicks.Source]string{
	clicks.SourcePage:       "Product pages",
	clicks.SourceDigest:     "E-mail digests",
	clicks.SourcePush:       "Push notifications",
	clicks.SourceCollection: "Collections",
	clicks.SourceFeed:       "Atom feeds",
	clicks.SourceAPI:        "API",
}

// clickGroupLabel names a group for people: deleted shops and brandless clicks included.
func clickGroupLabel(dim store.ClickDimension, g store.ClickGroup) string {
	switch {
	case dim == store.ClicksBySource:
		if n, ok := sourceNames[clicks.Source(g.Label)]; ok {
			return n
		}
		return g.Label
	case g.Label != "":
		return g.Label
	case dim == store.ClicksByRetailer:
		return "(shop deleted)"
	case dim == store.ClicksByBrand && g.ID == 0:
		return "(no brand, or deleted)"
	}
	return fmt.Sprintf("(#%d)", g.ID)
}

// sharePercent writes a share as "12.5%".
func sharePercent(part, whole int64) string {
	if whole == 0 {
		return "–"
	}
	return strconv.FormatFloat(100*float64(part)/float64(whole), 'f', 1, 64) + "%"
}

func newDashboardView(p page, d dashboardData, now time.Time) dashboardView {
	w := d.Window
	v := dashboardView{page: p, Days: w.Days, From: w.From, Runs: d.Runs, ClicksTotal: groupDigits(d.ClicksTotal)}
	for _, days := range dashboardWindows {
		v.Windows = append(v.Windows, dashboardWindowLink{Days: days, URL: "/admin?days=" + strconv.Itoa(days), Current: days == w.Days})
	}
	for _, f := range d.Feeds {
		row := feedRowOf(f, now)
		if row.Failures > 0 {
			v.Failing++
		}
		v.Feeds = append(v.Feeds, row)
	}
	for _, pr := range d.Problems {
		src, _ := sourceLabel(pr.Source)
		v.Problems = append(v.Problems, dashboardProblem{Retailer: pr.Retailer, Source: src, Status: pr.Status,
			At: stamp(pr.StartedAt), Ago: relative(now, pr.StartedAt), Read: pr.Read, Reason: clipRunes(pr.Reason, maxShownError)})
	}

	// Catalogue.
	var days []time.Time
	var offers, onSale, products, share []float64
	for _, s := range d.Snapshots {
		days = append(days, s.Day)
		offers, onSale, products = append(offers, float64(s.Offers)), append(onSale, float64(s.OnSale)), append(products, float64(s.Products))
		share = append(share, 100*s.SaleShare())
		v.Snapshots = append(v.Snapshots, dashboardSnapshot{Day: s.Day, Products: groupDigits(s.Products), Offers: groupDigits(s.Offers),
			OnSale: groupDigits(s.OnSale), Share: sharePercent(s.OnSale, s.Offers)})
	}
	if len(d.Snapshots) > 0 {
		last := d.Snapshots[len(d.Snapshots)-1]
		v.CatalogueChart = lineChart{ID: "chart-catalogue", Title: "Catalogue size",
			Desc: fmt.Sprintf("Live offers, offers on sale and products per day over the last %d days; on %s: %s offers, %s on sale, %s products.",
				w.Days, last.Day.Format("2 January"), groupDigits(last.Offers), groupDigits(last.OnSale), groupDigits(last.Products)),
			Days: days, Series: []lineSeries{{"Offers", offers}, {"On sale", onSale}, {"Products", products}}}.HTML()
		v.ShareChart = lineChart{ID: "chart-share", Title: "Sale share",
			Desc: fmt.Sprintf("Share of live offers on sale per day; on %s: %s.", last.Day.Format("2 January"), sharePercent(last.OnSale, last.Offers)),
			Days: days, Series: []lineSeries{{"On sale", share}},
			Label: func(f float64) string { return strconv.FormatFloat(f, 'f', 0, 64) + "%" }}.HTML()
	}

	// Click-outs.
	var clickDays []time.Time
	var clickCounts []float64
	for _, c := range d.ClicksPerDay {
		clickDays, clickCounts = append(clickDays, c.Day), append(clickCounts, float64(c.Count))
		v.ClickDays = append(v.ClickDays, dashboardCount{Day: c.Day, Count: groupDigits(c.Count)})
	}
	v.ClicksChart = lineChart{ID: "chart-clicks", Title: "Click-outs per day",
		Desc: fmt.Sprintf("%s click-outs over the last %d days.", v.ClicksTotal, w.Days),
		Days: clickDays, Series: []lineSeries{{"Click-outs", clickCounts}}}.HTML()
	for _, dim := range dashboardDimensions {
		text := dashboardDimensionText[dim]
		g := dashboardClickGroup{ID: text[0], Heading: text[1], Column: text[2]}
		var bars []bar
		for _, c := range d.Clicks[dim] {
			label := clickGroupLabel(dim, c)
			bars = append(bars, bar{Label: label, Value: c.Clicks})
			g.Rows = append(g.Rows, dashboardClickRow{Label: label, Clicks: groupDigits(c.Clicks), Share: sharePercent(c.Clicks, d.ClicksTotal)})
		}
		if len(bars) > 0 {
			g.Chart = barChart{ID: "chart-" + text[0], Title: "Click-outs " + lowerFirst(text[1]),
				Desc: fmt.Sprintf("Click-outs of the last %d days %s, most first.", w.Days, lowerFirst(text[1])), Bars: bars}.HTML()
		}
		v.ClickGroups = append(v.ClickGroups, g)
	}
	for _, p := range d.TopProducts {
		v.TopProducts = append(v.TopProducts, dashboardProduct{ID: p.ID, Title: p.Label, Brand: p.Brand, Clicks: groupDigits(p.Clicks)})
	}

	// Digests.
	var digestDays []time.Time
	var written, sent, ctr []float64
	var totalWritten, totalSent, totalClicked int64
	for _, g := range d.Digests {
		digestDays = append(digestDays, g.Day)
		written, sent, ctr = append(written, float64(g.Written)), append(sent, float64(g.Sent)), append(ctr, 100*g.ClickThrough())
		v.Digests = append(v.Digests, digestDayRow(g.Day, g.Written, g.Sent, g.Clicked))
		totalWritten, totalSent, totalClicked = totalWritten+g.Written, totalSent+g.Sent, totalClicked+g.Clicked
	}
	v.DigestsTotal = digestDayRow(time.Time{}, totalWritten, totalSent, totalClicked)
	v.DigestChart = lineChart{ID: "chart-digests", Title: "Digests per day",
		Desc: fmt.Sprintf("Digests written and sent per day over the last %d days: %s written, %s sent.", w.Days, v.DigestsTotal.Written, v.DigestsTotal.Sent),
		Days: digestDays, Series: []lineSeries{{"Written", written}, {"Sent", sent}}}.HTML()
	v.CTRChart = lineChart{ID: "chart-ctr", Title: "Digest click-through rate",
		Desc: fmt.Sprintf("Share of the digests sent each day that led to a click-out within %d days; %s over the window.",
			int(store.DigestClickWindow/(24*time.Hour)), v.DigestsTotal.CTR),
		Days: digestDays, Series: []lineSeries{{"Click-through", ctr}},
		Label: func(f float64) string { return strconv.FormatFloat(f, 'f', 0, 64) + "%" }}.HTML()
	return v
}

func digestDayRow(day time.Time, written, sent, clicked int64) dashboardDigestDay {
	return dashboardDigestDay{Day: day, Written: groupDigits(written), Sent: groupDigits(sent), Clicked: groupDigits(clicked),
		CTR: sharePercent(clicked, sent)}
}

// lowerFirst lowers a heading's first letter for use inside a sentence ("By shop" → "by shop").
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// dashboardCSVLink is a table's download link.
type dashboardCSVLink struct {
	Name string
	Days int
	// What names the table for screen readers ("CSV of …").
	What string
}

// CSV is the download link of table name in the page's window.
func (v dashboardView) CSV(name, what string) dashboardCSVLink {
	return dashboardCSVLink{Name: name, Days: v.Days, What: what}
}
