package e2e_test

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// startDemo builds tagdrop, runs `tagdrop serve --demo` on a port the kernel picks, waits until
// /readyz answers and returns the base URL. The process is stopped when the test ends.
func startDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	bin := tagdropBinary(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "serve", "--demo", "--addr", "127.0.0.1:0", "--db", "sqlite:"+filepath.Join(dir, "demo.db"), "--log-level", "warn")
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("tagdrop stderr:\n%s", stderr.String())
		}
	})

	// serve prints "tagdrop is serving at URL" once it listens; --addr :0 makes that the real port.
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "tagdrop is serving at "); ok {
				urlc <- strings.TrimSpace(u)
			}
		}
	}()
	var base string
	select {
	case base = <-urlc:
	case <-time.After(90 * time.Second):
		t.Fatalf("tagdrop serve --demo did not start within 90s; stderr:\n%s", stderr.String())
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s/readyz not ready within 30s (last error %v)", base, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestDemoHome is the first end-to-end flow: the demo's home page shows the collection and at
// least 20 sale items, on a phone and on a desktop, with no console errors, alt text on every
// image, labelled fields and every control reachable by keyboard.
func TestDemoHome(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end tests skipped in -short mode")
	}
	if _, err := os.Stat(browsertest.ChromiumPath); err != nil {
		t.Skipf("end-to-end tests skipped: %s not found (apt-get install chromium)", browsertest.ChromiumPath)
	}
	base := startDemo(t)
	b := browsertest.Start(t)
	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			p.Open(base + "/")
			if n := p.Count("#featured-collection h2"); n != 1 {
				t.Errorf("featured collection shown %d times, want 1", n)
			}
			if n := p.Count("#featured-collection .thumbs img"); n == 0 {
				t.Error("the featured collection shows none of its items")
			}
			if n := p.Count("#sales .card"); n < 20 {
				t.Errorf("%d sale items shown, want at least 20", n)
			}
			name := "tagdrop-demo-home-" + vp.Name + ".png"
			p.Screenshot(name)
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()

			// Follow the collection and the first sale item: their pages pass the same checks.
			href := browsertest.Eval[string](p, `document.querySelector("#featured-collection a").getAttribute("href")`)
			p.Open(base + href)
			if n := p.Count(".entry"); n == 0 {
				t.Errorf("collection %s shows no products", href)
			}
			p.CheckAccessible()
			p.CheckNoProblems()
			p.Open(base + "/")
			href = browsertest.Eval[string](p, `document.querySelector("#sales .card a").getAttribute("href")`)
			p.Open(base + href)
			if n := p.Count(".offers tbody tr"); n == 0 {
				t.Errorf("product %s shows no offers", href)
			}
			name = "tagdrop-demo-product-" + vp.Name + ".png"
			p.Screenshot(name)
			p.CheckAccessible()
			p.CheckNoProblems()
		})
	}
}
