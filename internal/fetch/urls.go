package fetch

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// checkURL refuses URLs the client never requests. Any port is allowed: the address policy
// already confines requests to public hosts, and shops do serve feeds on odd ports.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("fetch: %v: %w", err, ErrBadURL) // err quotes the URL
	}
	if err := checkParsed(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", redactURL(u), err)
	}
	return u, nil
}

func checkParsed(u *url.URL) error {
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("scheme %q is not http or https: %w", u.Scheme, ErrBadURL)
	case u.User != nil:
		return fmt.Errorf("credentials in URLs are not accepted: %w", ErrBadURL)
	case u.Hostname() == "":
		return fmt.Errorf("no host: %w", ErrBadURL)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("port %q is not 1-65535: %w", p, ErrBadURL)
		}
	}
	return nil
}

// checkRedirect applies the URL rules and the hop limit to each redirect; the address check
// happens when the hop connects.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.MaxRedirects {
		return fmt.Errorf("more than %d redirects: %w", c.cfg.MaxRedirects, ErrTooManyRedirects)
	}
	if err := checkParsed(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", redactURL(req.URL), err)
	}
	return nil
}
