package web

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"net/netip"
	"time"

	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// healthz says the process is alive; it touches nothing else.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.cfg.Version})
}

// maxIndexLag is how far behind the change log a node's search index may fall before /readyz
// takes the node out of a load balancer's rotation.
const maxIndexLag = 30 * time.Second

// lagger is an index that follows the change log (search.Live).
type lagger interface{ Lag() search.Lag }

// readyz says whether this process can serve: the database answers and, on nodes with a search
// index, the index follows the change log (its last poll succeeded) within maxIndexLag. It
// reports the lag, and while polls fail how many in a row and when the next comes.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "database": "unreachable"})
		return
	}
	body := map[string]any{"status": "ready", "database": string(s.db.Dialect())}
	status := http.StatusOK
	if l, ok := s.cfg.Index.(lagger); ok {
		lag := l.Lag()
		body["index_lag_seconds"] = math.Round(lag.Seconds*10) / 10
		body["index_lag_changes"] = lag.Seqs
		body["index_following"] = lag.Err == nil
		switch {
		case lag.Err != nil:
			// The last poll failed and the follower waits out its backoff (up to 30 s): the
			// index may miss whatever was written meanwhile, though its lag still looks small.
			// The error itself goes to the log, not to whoever asks.
			body["index_poll_failures"] = lag.Failures
			body["index_retry_in_seconds"] = math.Round(lag.RetryIn.Seconds()*10) / 10
			status, body["status"] = http.StatusServiceUnavailable, "index not following"
		case lag.Seconds > maxIndexLag.Seconds():
			status, body["status"] = http.StatusServiceUnavailable, "index behind"
		}
	}
	if !s.reportQueue(ctx, body) { // health_queue.go
		status, body["status"] = http.StatusServiceUnavailable, "queue unavailable"
	}
	writeJSON(w, status, body)
}

// metricsGuard keeps /metrics private: unless Config.MetricsPublic is set, it answers only
// requests made directly from this machine (a Prometheus on the same host) and not relayed by a
// reverse proxy, which would make every visitor look local. Everyone else gets a 404.
func (s *Server) metricsGuard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.cfg.MetricsPublic {
			ip, err := netip.ParseAddr(clientIP(r))
			proxied := r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("Forwarded") != "" || r.Header.Get("X-Real-Ip") != ""
			if err != nil || !ip.Unmap().IsLoopback() || proxied {
				s.notFound(w, r)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, store.ErrNotFound)
}
