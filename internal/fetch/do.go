package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// Do sends a request the caller built (any method, e.g. a web push POST) under the client's
// policy: the URL rules, the connect-time address check on every connection and redirect hop,
// the per-host limit and the whole-request deadline (Timeout). Unlike Get it returns every
// status as a response, so the caller can act on 404 or 410. The response body is capped at
// MaxBytes and must be closed; closing it ends the request.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	if err := checkParsed(req.URL); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", redactURL(req.URL), err)
	}
	shown := redactURL(req.URL)
	ctx, cancel := context.WithTimeoutCause(req.Context(), c.cfg.Timeout, ErrTimeout)
	req = req.WithContext(ctx)
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		err = c.explain(ctx, shown, err)
		cancel()
		return nil, err
	}
	resp.Body = &cancelBody{r: &limitReader{r: resp.Body, remaining: c.cfg.MaxBytes, limit: c.cfg.MaxBytes, url: shown},
		c: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelBody ends the request's deadline context when the body is closed.
type cancelBody struct {
	r      io.Reader
	c      io.Closer
	cancel context.CancelFunc
}

func (b *cancelBody) Read(p []byte) (int, error) { return b.r.Read(p) }

func (b *cancelBody) Close() error {
	err := b.c.Close()
	b.cancel()
	return err
}
