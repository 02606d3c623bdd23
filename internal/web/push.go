package web

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The installable app and web push: the manifest and service worker at the site's root (a
// worker's scope is the folder it is served from), the offline page the worker keeps, and the
// JSON endpoints the settings page's "Notifications on this device" section calls (push.js).

func (s *Server) pushRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /manifest.webmanifest", staticFile("manifest.webmanifest", "application/manifest+json", "public, max-age=3600"))
	mux.HandleFunc("GET /sw.js", staticFile("sw.js", "text/javascript; charset=utf-8", "no-cache"))
	mux.HandleFunc("GET /offline", s.offline)
	mux.HandleFunc("GET /push/key", s.pushKey)
	mux.HandleFunc("POST /push/subscriptions", s.pushSubscribe)
	mux.HandleFunc("POST /push/unsubscribe", s.pushUnsubscribe)
}

// staticFile serves one embedded file of static/ under another path and type.
func staticFile(name, contentType, cacheControl string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, err := fs.ReadFile(staticFS, "static/"+name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", cacheControl)
		_, _ = w.Write(b)
	}
}

// offlineView is the offline page's view: the layout only.
type offlineView struct{ page }

// offline is the page the service worker shows when the network is gone. The worker caches it
// once for everyone, so it shows no account.
func (s *Server) offline(w http.ResponseWriter, r *http.Request) {
	p := s.basePage(r, "Offline")
	p.User, p.ShowOutbox = nil, false
	s.render(w, r, http.StatusOK, "offline", offlineView{p})
}

// pushKey is the VAPID public key, which browsers need to subscribe (not a secret).
func (s *Server) pushKey(w http.ResponseWriter, r *http.Request) {
	keys, err := s.db.PushVAPIDKeys(r.Context(), notify.GenerateVAPIDKeys)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writePushJSON(w, http.StatusOK, map[string]string{"public_key": keys.Public})
}

// pushSubscription is the JSON of PushSubscription.toJSON().
type pushSubscription struct {
	Endpoint string `json:"endpoint"`
	Keys     struct {
		P256dh string `json:"p256dh"`
		Auth   string `json:"auth"`
	} `json:"keys"`
}

// pushSubscribe stores this browser's subscription for the signed-in shopper. The endpoint must
// be https and not a refused address; the keys must be a P-256 key and a 16-byte secret.
func (s *Server) pushSubscribe(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	if u == nil {
		writePushJSON(w, http.StatusUnauthorized, map[string]string{"error": "Sign in to get notifications."})
		return
	}
	var in pushSubscription
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		writePushJSON(w, http.StatusBadRequest, map[string]string{"error": "The subscription is not JSON."})
		return
	}
	if err := notify.CheckPushEndpoint(in.Endpoint); err != nil {
		writePushJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error(), "field": "endpoint"})
		return
	}
	if err := notify.CheckPushKeys(in.Keys.P256dh, in.Keys.Auth); err != nil {
		writePushJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error(), "field": "keys"})
		return
	}
	if _, err := s.db.SavePushSubscription(r.Context(), store.PushSubscription{UserID: u.ID, Endpoint: in.Endpoint,
		P256dh: in.Keys.P256dh, Auth: in.Keys.Auth}); err != nil {
		s.log.Error("saving a push subscription failed", "user_id", u.ID, "err", err)
		writePushJSON(w, http.StatusInternalServerError, map[string]string{"error": "The subscription could not be saved."})
		return
	}
	writePushJSON(w, http.StatusCreated, map[string]string{"status": "subscribed"})
}

// pushUnsubscribe forgets one of the shopper's subscriptions by endpoint.
func (s *Server) pushUnsubscribe(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	if u == nil {
		writePushJSON(w, http.StatusUnauthorized, map[string]string{"error": "Sign in to change notifications."})
		return
	}
	var in struct {
		Endpoint string `json:"endpoint"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Endpoint == "" {
		writePushJSON(w, http.StatusBadRequest, map[string]string{"error": "endpoint: missing", "field": "endpoint"})
		return
	}
	err := s.db.DeletePushSubscription(r.Context(), u.ID, in.Endpoint)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writePushJSON(w, http.StatusNotFound, map[string]string{"error": "This device has no subscription."})
	case err != nil:
		s.log.Error("removing a push subscription failed", "user_id", u.ID, "err", err)
		writePushJSON(w, http.StatusInternalServerError, map[string]string{"error": "The subscription could not be removed."})
	default:
		writePushJSON(w, http.StatusOK, map[string]string{"status": "unsubscribed"})
	}
}

func writePushJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
