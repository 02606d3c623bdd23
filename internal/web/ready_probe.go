package web

import (
	"context"
	"io"
	"net/http"
	"time"
)

// Ready asks the tagdrop node at base (scheme and host, no trailing slash) for /readyz once, with
// a 3 s limit, and reports whether it answered 200: for whatever starts nodes and waits on them
// (benchmarks, end-to-end tests).
func Ready(ctx context.Context, base string) bool {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/readyz", nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK
}
