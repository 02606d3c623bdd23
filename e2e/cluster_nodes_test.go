package e2e_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/web"
)

// clusterNode is one `tagdrop serve --role web|worker` process of the cluster test. Its log
// goes to a file of its own, printed when the test fails.
type clusterNode struct {
	name string // "web-1", "worker-2"
	role string
	args []string // serve's flags
	env  []string // TAGDROP_* settings on top of the test's environment

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan error
	url  string // http://127.0.0.1:PORT of the running process
	logs []string
}

// start runs the node and waits until it serves (it prints its URL once the index is built
// and the job queue is running). A node that exits or stays silent for a minute fails the test.
func (n *clusterNode) start(t *testing.T, logDir string) {
	t.Helper()
	logPath := filepath.Join(logDir, fmt.Sprintf("%s-%d.log", n.name, len(n.logs)+1))
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tagdropBinary(t), append([]string{"serve", "--role", n.role, "--addr", "127.0.0.1:0"}, n.args...)...)
	cmd.Env = append(os.Environ(), n.env...)
	dieWithTest(cmd)
	cmd.Stderr = logFile
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", n.name, err)
	}
	done := make(chan error, 1)
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "tagdrop is serving at "); ok {
				urls <- u
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
		done <- cmd.Wait()
		logFile.Close()
	}()
	n.mu.Lock()
	n.cmd, n.done, n.logs = cmd, done, append(n.logs, logPath)
	n.mu.Unlock()
	select {
	case u := <-urls:
		n.mu.Lock()
		n.url = u
		n.mu.Unlock()
	case err := <-done:
		t.Fatalf("%s exited while starting (%v); its log:\n%s", n.name, err, n.tail())
	case <-time.After(time.Minute): // a hung start, not a timing assertion
		t.Fatalf("%s did not start within a minute; its log:\n%s", n.name, n.tail())
	}
}

// kill ends the process with SIGKILL (nothing of it runs afterwards: no deferred function, no
// shutdown) and waits until it is gone.
func (n *clusterNode) kill(t *testing.T) {
	t.Helper()
	n.mu.Lock()
	cmd, done := n.cmd, n.done
	n.mu.Unlock()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill -9 %s: %v", n.name, err)
	}
	if err := <-done; err == nil {
		t.Fatalf("%s exited cleanly instead of being killed", n.name)
	}
}

// stop asks the process to stop (SIGTERM) and waits; the test's cleanup calls it.
func (n *clusterNode) stop() {
	n.mu.Lock()
	cmd, done := n.cmd, n.done
	n.mu.Unlock()
	if cmd == nil {
		return
	}
	select {
	case <-done:
		return // already gone (killed)
	default:
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(45 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

// base is the URL the node serves at.
func (n *clusterNode) base() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.url
}

// tail is the end of the node's current log, for failure messages.
func (n *clusterNode) tail() string {
	n.mu.Lock()
	path := n.logs[len(n.logs)-1]
	n.mu.Unlock()
	b, _ := os.ReadFile(path)
	const keep = 6000
	if len(b) > keep {
		b = b[len(b)-keep:]
	}
	return string(b)
}

// logText is everything the node logged, over all its starts.
func (n *clusterNode) logText() string {
	n.mu.Lock()
	paths := append([]string(nil), n.logs...)
	n.mu.Unlock()
	var b strings.Builder
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		b.Write(data)
	}
	return b.String()
}

// ready asks the node's /readyz once.
func (n *clusterNode) ready(ctx context.Context) bool { return web.Ready(ctx, n.base()) }

// waitReady polls /readyz of every node until each has answered 200, and returns how long that
// took; limit bounds a hang (it is not a timing assertion).
func waitReady(t *testing.T, nodes []*clusterNode, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	pending := append([]*clusterNode(nil), nodes...)
	for len(pending) > 0 {
		var still []*clusterNode
		for _, n := range pending {
			if !n.ready(context.Background()) {
				still = append(still, n)
			}
		}
		pending = still
		if len(pending) == 0 {
			break
		}
		if time.Since(start) > limit {
			var names []string
			for _, n := range pending {
				names = append(names, n.name)
			}
			t.Fatalf("/readyz of %v not 200 within %s; log of %s:\n%s", names, limit, pending[0].name, pending[0].tail())
		}
		time.Sleep(200 * time.Millisecond)
	}
	return time.Since(start)
}

// keepLogs copies every node's whole log to a folder that outlives the test (for a CI artifact)
// and says where.
func keepLogs(t *testing.T, nodes []*clusterNode) {
	dir, err := os.MkdirTemp("", "tagdrop-cluster-logs-")
	if err != nil {
		t.Logf("keeping the logs: %v", err)
		return
	}
	for _, n := range nodes {
		if err := os.WriteFile(filepath.Join(dir, n.name+".log"), []byte(n.logText()), 0o644); err != nil {
			t.Logf("keeping the log of %s: %v", n.name, err)
		}
	}
	t.Logf("whole logs of the nodes kept in %s", dir)
}
