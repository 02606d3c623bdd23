package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// loadServer is a `tagdrop serve` child process.
type loadServer struct {
	cmd  *exec.Cmd
	base string
	log  *syncBuffer
	once sync.Once
}

// startServer runs `tagdrop serve --role web` on a loopback port the kernel picks and waits
// until /readyz answers 200.
func (c LoadConfig) startServer(ctx context.Context, dbURL string) (*loadServer, error) {
	args := append(append([]string{}, c.Command[1:]...), "serve", "--db", dbURL, "--addr", "127.0.0.1:0", "--role", "web",
		"--log-level", "warn")
	s := &loadServer{cmd: exec.CommandContext(ctx, c.Command[0], args...), log: &syncBuffer{}}
	s.cmd.Env = append(os.Environ(), c.Env...)
	s.cmd.Stderr = s.log
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("tagdrop serve: %w", err)
	}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "tagdrop is serving at "); ok {
				urlc <- strings.TrimSpace(u)
			}
		}
	}()
	select {
	case s.base = <-urlc:
	case <-time.After(2 * time.Minute):
		s.stop()
		return nil, fmt.Errorf("tagdrop serve did not start within 2 minutes: %s", s.log.String())
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("%s/readyz not ready within 2 minutes (%v): %s", s.base, err, s.log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stop interrupts the server and waits for it (killing it after 10 s).
func (s *loadServer) stop() {
	s.once.Do(func() {
		_ = s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = s.cmd.Process.Kill()
			<-done
		}
	})
}

// loadRequest is one request of the mix: its route (for per-route figures) and path.
type loadRequest struct {
	route, path string
}

// loadWords are the search texts of the mix: garments, materials and colours of the catalogue.
var loadWords = []string{"dress", "leather boots", "silk", "bag", "wool coat", "black", "shirt", "sandals", "knit", "denim"}

// loadMix is the requests of the load, in turn: the home page, a search page, a product page
// and the search API, with product ids taken from the API's answers.
func loadMix(ctx context.Context, client *http.Client, base string) ([]loadRequest, error) {
	var ids []int64
	for _, q := range []string{"per_page=100&sort=discount", "per_page=100&sort=newest", "per_page=100&q=dress"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/search?"+q, nil)
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("product ids: %w", err)
		}
		var body struct {
			Results []struct {
				ID int64 `json:"id"`
			} `json:"results"`
		}
		err = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("product ids: /api/v1/search?%s: %s, %v", q, resp.Status, err)
		}
		for _, r := range body.Results {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return nil, errors.New("product ids: the search API found no product")
	}
	var mix []loadRequest
	for i := range 4 * len(ids) {
		w := strings.ReplaceAll(loadWords[i%len(loadWords)], " ", "+")
		switch i % 4 {
		case 0:
			mix = append(mix, loadRequest{"/", "/"})
		case 1:
			mix = append(mix, loadRequest{"/search", "/search?q=" + w})
		case 2:
			mix = append(mix, loadRequest{"/products/{id}", fmt.Sprintf("/products/%d", ids[i/4%len(ids)])})
		case 3:
			mix = append(mix, loadRequest{"/api/v1/search", "/api/v1/search?q=" + w})
		}
	}
	return mix, nil
}

// loadPhase asks for mix from c.Clients connections until c.Requests were asked, c.Duration
// passed or stop (if any) is closed, and returns the figures.
func (c LoadConfig) loadPhase(ctx context.Context, client *http.Client, base string, mix []loadRequest, stop <-chan struct{}, locked *lockedCounter) LoadFigures {
	type sample struct {
		route  string
		d      time.Duration
		status int // 0: no answer
	}
	var (
		mu      sync.Mutex
		samples []sample
		next    int
	)
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if next >= c.Requests {
			return 0, false
		}
		next++
		return next - 1, true
	}
	deadline := time.Now().Add(c.Duration)
	start := time.Now()
	var wg sync.WaitGroup
	for range c.Clients {
		wg.Go(func() {
			var mine []sample
		ask:
			for time.Now().Before(deadline) && ctx.Err() == nil {
				select {
				case <-stop: // a nil stop never fires
					break ask
				default:
				}
				i, ok := take()
				if !ok {
					break
				}
				r := mix[i%len(mix)]
				t0 := time.Now()
				status, body, _ := loadGet(ctx, client, base+r.path)
				mine = append(mine, sample{r.route, time.Since(t0), status})
				locked.add(countLocked(string(body)))
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	f := LoadFigures{Requests: len(samples), Seconds: elapsed, OpsPerS: perSecond(len(samples), elapsed), Routes: map[string]KindFigures{}}
	var all []time.Duration
	byRoute := map[string][]time.Duration{}
	for _, s := range samples {
		switch {
		case s.status == 0:
			f.Failed++
			continue
		case s.status >= 500:
			f.Status5xx++
		case s.status >= 400:
			f.Status4xx++
		}
		all = append(all, s.d)
		byRoute[s.route] = append(byRoute[s.route], s.d)
	}
	f.P50MS, f.P99MS = percentiles(all)
	for k, ds := range byRoute {
		p50, p99 := percentiles(ds)
		f.Routes[k] = KindFigures{P50MS: p50, P99MS: p99}
	}
	return f
}

// loadGet asks for one page and reads its whole body (status 0: no answer).
func loadGet(ctx context.Context, client *http.Client, u string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, body, nil
}

// countLocked counts SQLite's "database is locked" (SQLITE_BUSY) in s.
func countLocked(s string) int {
	return strings.Count(s, "database is locked") + strings.Count(s, "SQLITE_BUSY")
}

// lockedCounter adds up "database is locked" in answers from many goroutines.
type lockedCounter struct {
	mu sync.Mutex
	n  int
}

func (l *lockedCounter) add(n int) {
	if n == 0 {
		return
	}
	l.mu.Lock()
	l.n += n
	l.mu.Unlock()
}

// syncBuffer is a bytes.Buffer a child process and the benchmark may use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
