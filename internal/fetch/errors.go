package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"net/netip"
)

// Sentinel errors: every error the client returns names the URL at fault and wraps one of these
// (or is a *BlockedError or *StatusError) so callers can decide what to do with errors.Is.
var (
	// ErrBadURL means the URL is not one the client will request: not http or https, no host,
	// credentials in it, or a bad port.
	ErrBadURL = errors.New("URL not allowed")
	// ErrTooLarge means the body, after decompression, is larger than Config.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrTimeout means the whole request (connect, redirects, headers and body) took longer
	// than Config.Timeout.
	ErrTimeout = errors.New("request took too long")
	// ErrIdle means the server sent nothing for Config.ReadIdleTimeout while the client was
	// waiting for it: a stalled or slow-drip server.
	ErrIdle = errors.New("server stopped sending")
	// ErrTooManyRedirects means the chain of redirects is longer than Config.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrEncoding means the response used a Content-Encoding the client did not ask for, or
	// its compressed body is broken.
	ErrEncoding = errors.New("unsupported or broken content encoding")
)

// BlockedError is a refusal to connect to an address that the policy forbids (loopback,
// private, link-local, metadata and the rest; see Refusal). It is raised at connect time, on the
// address actually being dialled, so it also names redirect hops and DNS answers that changed.
type BlockedError struct {
	URL    string     // the request (or redirect hop) that was refused
	IP     netip.Addr // the address the client was about to connect to
	Reason string     // why the address is refused, e.g. "private network (10.0.0.0/8)"
}

func (e *BlockedError) Error() string {
	if e.URL == "" {
		return fmt.Sprintf("refused to connect to %s: %s", e.IP, e.Reason)
	}
	return fmt.Sprintf("fetch %s: refused to connect to %s: %s", e.URL, e.IP, e.Reason)
}

// StatusError is a final response whose status is neither 2xx nor 304.
type StatusError struct {
	URL    string // the final URL, after redirects
	Status int    // the HTTP status code
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: server answered %d %s", e.URL, e.Status, http.StatusText(e.Status))
}
