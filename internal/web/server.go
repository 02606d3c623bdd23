// Package web serves tagdrop's pages, JSON API and static assets. Handlers are small methods on
// Server; templates are embedded and parsed once at start; every page renders into a buffer
// before a byte is written, so a template error never leaves half a page.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the web layer needs to know about its deployment.
type Config struct {
	// BaseURL is the public address of this tagdrop, used in links that leave the site.
	BaseURL string
	// Version is shown in the footer and /healthz.
	Version string
	// Demo says the database holds the bundled demo data; pages say so.
	Demo bool
	// MetricsPublic serves /metrics to any client; by default only direct requests from this
	// machine get it (see metricsGuard).
	MetricsPublic bool
	// Index answers the search, brand, category and home pages and the search API: the
	// process's *search.Live in production, any index in tests. A node without one (serve
	// --role worker) answers those with 503 and serves everything else.
	Index Searcher
	// Queue is the job queue /readyz reports (health_queue.go); nil leaves it out.
	Queue QueueReporter
	// AccountMail enqueues the account_mail jobs of sign-up, reset and sign-in-link requests
	// (account_queue.go); nil answers those requests 503.
	AccountMail AccountMailQueue
	// Catalogue is the index the per-shopper matcher reads (My sales, loves): in production the
	// same live index as Index (search.Live.Index). Nil on a node without one.
	Catalogue *index.Index
	// Tracker imports pasted product pages for /track (track.go); nil turns tracking off.
	Tracker Tracker
	// Clicks answers /out/{token} and signs the retailer links pages show (out.go); nil sends
	// shoppers to retailers directly and /out answers 503.
	Clicks *clicks.Service
	// WebhookAllow lets webhook URLs name these otherwise refused addresses (the fetch
	// client's Allow list; local testing only, see webhooks.go).
	WebhookAllow []netip.Prefix
}

// Searcher answers index queries.
type Searcher interface {
	Search(index.Query) index.Result
}

// Server holds what the handlers use.
type Server struct {
	cfg       Config
	db        *store.DB
	log       *slog.Logger
	pages     map[string]*template.Template
	registry  *prometheus.Registry
	requests  *prometheus.CounterVec
	durations *prometheus.HistogramVec
	now       func() time.Time
	md        *markdown
	// passwords and signins guard sign-in (see throttle.go).
	passwords passwordGate
	signins   *throttle
	// mails counts requests that e-mail a link (sign-up, reset, sign-in link; account_mail.go).
	mails *throttle
	// tracks bounds /track's fetches (track.go).
	tracks *trackGate
}

// New parses the templates and builds a server; a broken template fails here, not at request time.
func New(cfg Config, db *store.DB, logger *slog.Logger) (*Server, error) {
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s := &Server{cfg: cfg, db: db, log: logger, pages: pages, registry: reg, now: time.Now, md: newMarkdown(),
		passwords: newPasswordGate(), signins: newThrottle(db, "signin", time.Now, logger), mails: newThrottle(db, "mail", time.Now, logger),
		tracks: newTrackGate(newThrottle(db, "track", time.Now, logger)),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tagdrop_http_requests_total", Help: "HTTP requests by route pattern and status code.",
		}, []string{"route", "code"}),
		durations: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tagdrop_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"route"}),
	}
	reg.MustRegister(s.requests, s.durations)
	return s, nil
}

// Registry is where other packages register their metrics so /metrics shows them.
func (s *Server) Registry() *prometheus.Registry { return s.registry }

// parseTemplates builds one template set per page: the layout plus that page's file.
func parseTemplates() (map[string]*template.Template, error) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := f[len("templates/") : len(f)-len(".html")]
		if name == "layout" || name[0] == '_' {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/_*.html", f)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// page is what every page view embeds: the layout's needs.
type page struct {
	Title   string
	Version string
	Demo    bool
	Path    string
	// Query fills the header's search box.
	Query string
	// Description is the page's meta description (search results and link previews).
	Description string
	// ShowOutbox puts the outbox in the navigation (see outboxVisible).
	ShowOutbox bool
	// User is the signed-in account, or nil.
	User *account.User
}

func (s *Server) basePage(r *http.Request, title string) page {
	return page{Title: title, Version: s.cfg.Version, Demo: s.cfg.Demo, Path: r.URL.Path,
		Description: "Designer sales in your size: follow the labels you love and see only the markdowns that fit.",
		ShowOutbox:  s.outboxVisible(r), User: currentUser(r)}
}

// Section reports whether the page belongs to the navigation section at prefix, for aria-current.
func (p page) Section(prefix string) bool {
	if prefix == "/" {
		return p.Path == "/"
	}
	return p.Path == prefix || strings.HasPrefix(p.Path, prefix+"/")
}

// render writes a page, or an error page if the template fails.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	t, ok := s.pages[name]
	if !ok {
		s.fail(w, r, fmt.Errorf("render: no template %q", name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", view); err != nil {
		s.fail(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// errorView is the error page's view.
type errorView struct {
	page
	Status  int
	Heading string
	Message string
}

// fail maps an error to a status and a safe message; only unexpected errors are logged.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, heading, msg := http.StatusInternalServerError, "Something went wrong",
		"Something went wrong on our side and we could not show this page. Please try again in a moment."
	switch {
	case errors.Is(err, store.ErrNotFound):
		status, heading, msg = http.StatusNotFound, "Page not found",
			"We could not find that page. The item may have sold out and left the catalogue, or the link may be mistyped."
	case errors.Is(err, context.Canceled):
		return
	default:
		// The route pattern, not the path: paths carry tokens (/unsubscribe/{token}).
		s.log.Error("request failed", "method", r.Method, "route", r.Pattern, "err", err)
	}
	t, ok := s.pages["error"]
	if !ok {
		http.Error(w, msg, status)
		return
	}
	var buf bytes.Buffer
	if t.ExecuteTemplate(&buf, "layout", errorView{page: s.basePage(r, heading), Status: status, Heading: heading, Message: msg}) != nil {
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}
