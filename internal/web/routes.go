package web

import (
	"io/fs"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Handler returns the whole site. Read it as a sitemap.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()

	// Operations.
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", s.metricsGuard(promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})))

	// Static assets (CSS, icons, demo images), cacheable.
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(http.FileServerFS(static))))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})

	// Pages.
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /search", s.search)
	mux.HandleFunc("GET /brands", s.brandIndex)
	mux.HandleFunc("GET /brands/{slug}", s.brand)
	mux.HandleFunc("GET /categories/{slug...}", s.category)
	mux.HandleFunc("GET /collections", s.collections)
	mux.HandleFunc("GET /collections/{slug}", s.collection)
	mux.HandleFunc("GET /products/{id}", s.product)

	// The outbox: mail as it would be sent. Demo mode only (see outbox.go).
	mux.HandleFunc("GET /outbox", s.outbox)
	mux.HandleFunc("GET /outbox/{id}", s.message)
	mux.HandleFunc("GET /outbox/{id}/html", s.messageHTML)

	// Admin: feed health (admins only, see admin_feeds.go).
	mux.HandleFunc("GET /admin/feeds", s.adminFeeds)

	// JSON API (docs/API.md).
	mux.HandleFunc("GET /api/v1/search", s.apiSearch)
	mux.HandleFunc("GET /api/v1/suggest", s.apiSuggest)

	// Accounts.
	mux.HandleFunc("GET /signin", s.signinPage)
	mux.HandleFunc("POST /signin", s.signin)
	mux.HandleFunc("POST /signout", s.signout)
	s.accountRoutes(mux)   // account_routes.go: sign-up, verification, reset, sign-in links, export, deletion
	s.settingsRoutes(mux)  // settings_routes.go: first-run flow, preferences, My sales
	s.lovesRoutes(mux)     // loves_routes.go: loves, tracked product pages, saved searches
	s.mailRoutes(mux)      // mail_routes.go: one-click unsubscribe
	s.pushRoutes(mux)      // push.go: app manifest, service worker, offline page, web push subscriptions
	s.feedRoutes(mux)      // atom_routes.go: private Atom feed, webhooks
	s.clickRoutes(mux)     // out.go: signed click-outs /out/{token}, affiliate templates (admin)
	s.adminRoutes(mux)     // admin_routes.go: tracked shops, listed or not (admin)
	s.editorRoutes(mux)    // editor_routes.go: writing collections: drafts, schedule, preview (editors)
	s.trendRoutes(mux)     // trends_routes.go: the trends page
	s.dashboardRoutes(mux) // dashboard_routes.go: the admin dashboard, charts and CSV downloads (admin)

	mux.HandleFunc("GET /", s.notFound)

	csrf := http.NewCrossOriginProtection()
	csrf.AddInsecureBypassPattern(unsubscribeBypass) // one-click unsubscribe, posted by mail providers (unsubscribe.go)
	return s.observe(mux, secure(limitBody(csrf.Handler(s.withUser(mux)))))
}

func cacheFor(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		next.ServeHTTP(w, r)
	})
}
