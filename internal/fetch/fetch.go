// Package fetch is the only HTTP client in tagdrop that touches outside URLs: retailer feeds,
// Shopify stores, product pages. Everything it fetches was named by someone else, so it is
// built to be pointed at hostile servers and hostile URLs:
//
//   - only http and https URLs without credentials;
//   - every connection (first request, each of at most MaxRedirects redirects) is checked at
//     connect time against the address policy (see Refusal), so DNS rebinding, redirects to
//     internal hosts and IPv6 disguises of private IPv4 addresses are refused; no proxy is used;
//   - a deadline for the whole request, body included, and a cut-off for servers that stall or
//     drip bytes (ReadIdleTimeout);
//   - a size limit applied after gzip or deflate decoding, so compression bombs stop at the limit;
//   - at most PerHostConcurrency requests in flight per host name;
//   - conditional GET (ETag, Last-Modified), so an unchanged feed costs one round trip.
package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/netip"
	"net/url"
	"time"
)

// Defaults for the zero Config fields.
const (
	DefaultTimeout            = 30 * time.Second
	DefaultMaxBytes           = 256 << 20 // a large merchant feed, decompressed
	DefaultMaxRedirects       = 5
	DefaultPerHostConcurrency = 2
	DefaultReadIdleTimeout    = 15 * time.Second
	DefaultUserAgent          = "tagdrop (+https://github.com/tagdrop/tagdrop)"
)

// Config sets the client's limits. The zero value is a usable, strict client.
type Config struct {
	// Timeout bounds a whole request: waiting for a per-host slot, connecting, redirects,
	// headers and reading the body to the end. Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes bounds the body after decompression. Zero means DefaultMaxBytes; callers
	// fetching pages rather than feeds pass much less.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed. Zero means DefaultMaxRedirects; a
	// negative value follows none (a redirect is then an error).
	MaxRedirects int
	// PerHostConcurrency caps requests in flight per host name. Zero means
	// DefaultPerHostConcurrency.
	PerHostConcurrency int
	// ReadIdleTimeout aborts a request when the server sends nothing for this long while the
	// client waits for headers or body bytes. Zero means DefaultReadIdleTimeout.
	ReadIdleTimeout time.Duration
	// UserAgent identifies tagdrop to servers, e.g. "tagdrop/1.2 (+https://…)". Empty means
	// DefaultUserAgent.
	UserAgent string
	// Allow lists address ranges to accept although the policy refuses them. It exists for
	// local testing only (a feed served from 127.0.0.1); never set it in production.
	Allow []netip.Prefix
	// RootCAs, when set, replaces the system's trusted certificates: for tests that serve
	// https from a local test server only.
	RootCAs *x509.CertPool
}

func (c Config) withDefaults() Config {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxRedirects == 0 {
		c.MaxRedirects = DefaultMaxRedirects
	} else if c.MaxRedirects < 0 {
		c.MaxRedirects = 0
	}
	if c.PerHostConcurrency <= 0 {
		c.PerHostConcurrency = DefaultPerHostConcurrency
	}
	if c.ReadIdleTimeout <= 0 {
		c.ReadIdleTimeout = DefaultReadIdleTimeout
	}
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	return c
}

// Client fetches outside URLs under the policy of its Config. It is safe for concurrent use
// and keeps connections alive between requests; make one and share it.
type Client struct {
	cfg    Config
	dialer *dialer
	hosts  *hostLimiter
	http   *http.Client
}

// New returns a client with cfg's limits (zero fields take the defaults).
func New(cfg Config) *Client {
	return newClient(cfg, nil)
}

func newClient(cfg Config, lookup lookupFunc) *Client {
	cfg = cfg.withDefaults()
	c := &Client{cfg: cfg, dialer: newDialer(policy{allow: cfg.Allow}, lookup), hosts: newHostLimiter(cfg.PerHostConcurrency)}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would connect on our behalf, past the address check
		DialContext:            c.dialer.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    cfg.PerHostConcurrency,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		DisableCompression:     true, // we decode, so that MaxBytes counts decoded bytes
		MaxResponseHeaderBytes: 1 << 20,
	}
	if cfg.RootCAs != nil {
		tr.TLSClientConfig = &tls.Config{RootCAs: cfg.RootCAs}
	}
	c.http = &http.Client{
		Transport:     &limitedTransport{next: tr, hosts: c.hosts},
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// Response is a successful (2xx) or Not Modified (304) answer.
type Response struct {
	URL          string // the final URL, after redirects
	Status       int    // the HTTP status code
	NotModified  bool   // 304: the caller's copy is current; Body is empty
	ETag         string // validators to send next time (see Validators)
	LastModified string
	ContentType  string
	// Body is the decoded body, failing with ErrTooLarge past MaxBytes, ErrIdle when the
	// server stalls and ErrTimeout at the deadline. The caller must close it; closing it ends
	// the request and frees its per-host slot.
	Body io.ReadCloser
}

// Get requests rawURL, sending cond's validators. It returns an error naming the URL for a
// refused URL or address, a failure to connect, a redirect chain that is too long, and a final
// status other than 2xx or 304 (*StatusError).
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	shown := redactURL(u)
	ctx, cancelTimeout := context.WithTimeoutCause(ctx, c.cfg.Timeout, ErrTimeout)
	ctx, cancel := context.WithCancelCause(ctx)
	dog := newWatchdog(c.cfg.ReadIdleTimeout, cancel)
	end := func() {
		dog.disarm()
		cancel(context.Canceled)
		cancelTimeout()
	}
	// No byte for ReadIdleTimeout between sending a request and its first response byte, on
	// every hop, is a stall just as it is in the body.
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest:         func(httptrace.WroteRequestInfo) { dog.arm() },
		GotFirstResponseByte: dog.disarm,
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		end()
		return nil, fmt.Errorf("fetch %s: %w", shown, err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	cond.set(req.Header)

	resp, err := c.http.Do(req)
	dog.disarm()
	if err != nil {
		err = c.explain(ctx, shown, err)
		end()
		return nil, err
	}
	final := redactURL(resp.Request.URL)
	out := &Response{URL: final, Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		resp.Body.Close()
		end()
		out.NotModified, out.Body = true, http.NoBody
		if out.ETag == "" {
			out.ETag = cond.ETag
		}
		if out.LastModified == "" {
			out.LastModified = cond.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		resp.Body.Close()
		end()
		return nil, &StatusError{URL: final, Status: resp.StatusCode}
	}
	if resp.ContentLength > c.cfg.MaxBytes && resp.Header.Get("Content-Encoding") == "" {
		resp.Body.Close()
		end()
		return nil, fmt.Errorf("fetch %s: body of %d bytes is larger than the limit of %d bytes: %w",
			final, resp.ContentLength, c.cfg.MaxBytes, ErrTooLarge)
	}
	b := &body{raw: resp.Body, ctx: ctx, end: end, url: final, idle: c.cfg.ReadIdleTimeout, timeout: c.cfg.Timeout}
	// The limit applies twice: to the bytes on the wire and, what matters, to the decoded bytes.
	wire := &limitReader{r: idleReader{r: resp.Body, w: dog}, remaining: c.cfg.MaxBytes, limit: c.cfg.MaxBytes, url: final}
	decoded, closers, err := decode(wire, resp.Header.Get("Content-Encoding"), final)
	b.closers = closers
	if err != nil {
		err = b.explain(err)
		b.Close()
		return nil, err
	}
	b.r = &limitReader{r: decoded, remaining: c.cfg.MaxBytes, limit: c.cfg.MaxBytes, url: final}
	out.Body = b
	return out, nil
}

// Fetch is Get followed by reading the whole body (at most MaxBytes). The returned Response's
// Body is already closed; a 304 gives a nil slice.
func (c *Client) Fetch(ctx context.Context, rawURL string, cond Conditional) (*Response, []byte, error) {
	resp, err := c.Get(ctx, rawURL, cond)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.NotModified {
		return resp, nil, nil
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	return resp, data, nil
}

// explain turns an error from the HTTP client into one that names the URL and says which limit
// or rule stopped the request.
func (c *Client) explain(ctx context.Context, shown string, err error) error {
	hop := shown
	var ue *url.Error
	if errors.As(err, &ue) {
		hop, err = ue.URL, ue.Err
		if u, perr := url.Parse(hop); perr == nil {
			hop = redactURL(u) // a redirect's Location may carry credentials
		}
	}
	if ctx.Err() != nil {
		return causeError(ctx, shown, c.cfg.ReadIdleTimeout, c.cfg.Timeout)
	}
	var blocked *BlockedError
	if errors.As(err, &blocked) {
		b := *blocked
		b.URL = hop
		if hop != shown {
			return fmt.Errorf("fetch %s: redirected: %w", shown, &b)
		}
		return &b
	}
	if hop != shown {
		return fmt.Errorf("fetch %s: redirect %s: %w", shown, hop, err)
	}
	return fmt.Errorf("fetch %s: %w", shown, err)
}
