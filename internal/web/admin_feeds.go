package web

import (
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The feed health page shows admins how each registered feed's refreshes are going: when it
// last worked, what broke and how often in a row, what the last run did and when the next one
// is due. Feed sources and errors describe the deployment, so everyone else gets a 404, as if
// the page did not exist.

// feedsView lists registered feeds.
type feedsView struct {
	page
	Feeds []feedRow
	// Failing counts feeds whose last refresh failed.
	Failing int
}

// feedRow is one feed as the page shows it; times come with their relative wording.
type feedRow struct {
	ID       int64
	Retailer string
	// Source is a URL's host name or a file's name: enough to tell feeds apart, without query
	// strings that may carry affiliate keys.
	Source, SourceKind string
	Format             string
	Every              string
	Enabled            bool

	LastSuccess, LastSuccessAgo string
	LastError, LastErrorAt      string
	LastErrorAgo                string
	Failures                    int

	HasRun, NotModified bool
	RunStatus           string
	Read, New, Changed  int
	Rejected, Gone      int
	Duration            string

	NextRun, NextRunWhen string
}

// maxShownError bounds an error's text on the page; the full text is in the run's record.
const maxShownError = 300

func (s *Server) adminFeeds(w http.ResponseWriter, r *http.Request) {
	if u := currentUser(r); u == nil || u.Role != account.Admin {
		s.notFound(w, r)
		return
	}
	feeds, err := s.db.Feeds(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	v := feedsView{page: s.basePage(r, "Feeds")}
	for _, f := range feeds {
		row := feedRowOf(f, now)
		if row.Failures > 0 {
			v.Failing++
		}
		v.Feeds = append(v.Feeds, row)
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "admin_feeds", v)
}

func feedRowOf(f store.Feed, now time.Time) feedRow {
	row := feedRow{ID: f.ID, Retailer: f.Retailer, Format: f.Format, Every: roughDuration(f.Every), Enabled: f.Enabled,
		Failures: f.Failures, NextRun: stamp(f.NextRunAt), NextRunWhen: relative(now, f.NextRunAt)}
	row.Source, row.SourceKind = sourceLabel(f.Source)
	if !f.LastSuccessAt.IsZero() {
		row.LastSuccess, row.LastSuccessAgo = stamp(f.LastSuccessAt), relative(now, f.LastSuccessAt)
	}
	if f.LastError != "" {
		row.LastError, row.LastErrorAt, row.LastErrorAgo = clipRunes(f.LastError, maxShownError), stamp(f.LastErrorAt), relative(now, f.LastErrorAt)
	}
	if run := f.LastRun; run.ID != 0 {
		row.HasRun, row.RunStatus, row.NotModified = true, run.Status, run.Status == store.RunNotModified
		row.Read, row.New, row.Changed, row.Rejected, row.Gone = run.Read, run.New, run.Changed, run.Rejected, run.Gone
		if !run.FinishedAt.IsZero() {
			row.Duration = humanDuration(run.Duration())
		}
	}
	return row
}

// sourceLabel is what the page shows of a source: a URL's host, a file's base name.
func sourceLabel(source string) (label, kind string) {
	lower := strings.ToLower(source)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		if u, err := url.Parse(source); err == nil && u.Hostname() != "" {
			return u.Hostname(), "url"
		}
		return "(unreadable URL)", "url"
	}
	return filepath.Base(source), "file"
}

// stamp is a machine-readable time for <time datetime>.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// relative says when t is from now: "just now", "5 min ago", "in 3 h", "2 days ago".
func relative(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	if d > -time.Minute && d < time.Minute {
		return "just now"
	}
	if d < 0 {
		return "in " + roughDuration(-d)
	}
	return roughDuration(d) + " ago"
}

// roughDuration says a duration in its largest whole unit: "45 s", "20 min", "6 h", "3 days".
func roughDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
}

// humanDuration says how long a run took: "840 ms", "12.4 s", "3 min 5 s".
func humanDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return fmt.Sprintf("%d min %d s", int(d/time.Minute), int(d%time.Minute/time.Second))
}

// clipRunes shortens s to n runes, marking the cut.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
