package bench

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestSearchHTTP runs the page benchmark small: every page of the mix is served with 200 by
// tagdrop and by each peer built in, all four kinds are timed, and the peer needed no filter
// it ignores.
func TestSearchHTTP(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: this test imports a feed and loads a web server")
	}
	var progress strings.Builder
	rep, err := SearchHTTP(context.Background(), SearchHTTPConfig{Size: 1500, Seed: 3, Duration: 600 * time.Millisecond,
		Clients: 2, Dir: t.TempDir(), Progress: &progress})
	if err != nil {
		t.Fatalf("%v\n%s", err, progress.String())
	}
	check := func(name string, f HTTPFigures) {
		if f.Errors > 0 || f.Requests < 8 {
			t.Errorf("%s: %d requests, %d errors", name, f.Requests, f.Errors)
		}
		for _, k := range searchKinds {
			if _, ok := f.Kinds[k]; !ok {
				t.Errorf("%s: no %s page timed", name, k)
			}
		}
		if f.P50MS <= 0 || f.P99MS < f.P50MS || f.OpsPerS <= 0 {
			t.Errorf("%s: figures %+v", name, f)
		}
		if runtime.GOOS == "linux" && f.CPUMSPerPage <= 0 {
			t.Errorf("%s: no CPU time per page", name)
		}
	}
	check("tagdrop", rep.Tagdrop)
	if rep.Products == 0 || rep.Size < 1000 {
		t.Errorf("catalogue of %d products, %d offers", rep.Products, rep.Size)
	}
	for _, name := range SearchHTTPPeers() {
		f, ok := rep.Peers[name]
		if !ok {
			t.Errorf("peer %s not run", name)
			continue
		}
		check(name, f)
		if f.Unsupported > 0 {
			t.Errorf("%s ignored a filter on %d pages", name, f.Unsupported)
		}
	}
}
