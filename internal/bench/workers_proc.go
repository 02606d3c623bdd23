package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/tagdrop/tagdrop/internal/web"
)

// serveProc is one `tagdrop serve` child of the worker benchmark. Its log (standard error)
// goes to a file in the work folder, whose end is quoted when the process fails.
type serveProc struct {
	name    string
	cmd     *exec.Cmd
	logPath string
	url     string
	done    chan error
}

// startServe starts argv (the tagdrop binary with serve's arguments) with env on top of this
// process's environment minus its TAGDROP_* settings (a TAGDROP_SMTP_URL of the caller must not
// make the match phase send mail), and waits until it prints the address it serves at. limit
// bounds a hung start (building the index of a large catalogue takes a while).
func startServe(ctx context.Context, name string, argv, env []string, logDir string, limit time.Duration) (*serveProc, error) {
	p := &serveProc{name: name, logPath: filepath.Join(logDir, name+".log"), done: make(chan error, 1)}
	logFile, err := os.Create(p.logPath)
	if err != nil {
		return nil, err
	}
	p.cmd = exec.Command(argv[0], argv[1:]...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TAGDROP_") {
			p.cmd.Env = append(p.cmd.Env, kv)
		}
	}
	p.cmd.Env = append(p.cmd.Env, env...)
	p.cmd.Stderr = logFile
	dieWithParent(p.cmd)
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		logFile.Close()
		return nil, err
	}
	if err := p.cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "tagdrop is serving at "); ok {
				urls <- u
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
		p.done <- p.cmd.Wait()
		logFile.Close()
	}()
	select {
	case p.url = <-urls:
	case err := <-p.done:
		p.done <- err
		return nil, fmt.Errorf("%s exited while starting (%v): %s", name, err, p.tail())
	case <-time.After(limit):
		p.stop()
		return nil, fmt.Errorf("%s did not start within %s: %s", name, limit, p.tail())
	case <-ctx.Done():
		p.stop()
		return nil, ctx.Err()
	}
	// Ready when /readyz says so: the database answers and (worker, all) the queue works.
	for deadline := time.Now().Add(limit); ; time.Sleep(100 * time.Millisecond) {
		if p.ready(ctx) {
			return p, nil
		}
		if err := p.exited(); err != nil {
			return nil, err
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			p.stop()
			return nil, fmt.Errorf("%s: /readyz not ready within %s: %s", name, limit, p.tail())
		}
	}
}

// ready asks /readyz once.
func (p *serveProc) ready(ctx context.Context) bool { return web.Ready(ctx, p.url) }

// exited returns an error naming the process and quoting its log when it has ended.
func (p *serveProc) exited() error {
	select {
	case err := <-p.done:
		p.done <- err
		return fmt.Errorf("%s exited (%v): %s", p.name, err, p.tail())
	default:
		return nil
	}
}

// stop asks the process to stop (SIGTERM), waits for it (45 s at most, then SIGKILL) and
// reports whether it ended cleanly: exit status 0, or ended by the SIGTERM (a binary that
// does not catch it, such as a test binary run as tagdrop).
func (p *serveProc) stop() error {
	select {
	case err := <-p.done:
		p.done <- err
		return err
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	var err error
	select {
	case err = <-p.done:
	case <-time.After(45 * time.Second):
		_ = p.cmd.Process.Kill()
		err = <-p.done
	}
	p.done <- err
	if ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGTERM {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w: %s", p.name, err, p.tail())
	}
	return nil
}

// tail is the end of the process's log, one line, for messages.
func (p *serveProc) tail() string {
	b, _ := os.ReadFile(p.logPath)
	s := strings.TrimSpace(string(lastBytes(b, 2000)))
	if s == "" {
		return "(its log " + p.logPath + " is empty)"
	}
	lines := strings.Split(s, "\n")
	return "log " + p.logPath + " ends: " + strings.Join(lines[max(0, len(lines)-5):], " | ")
}

// cpuSeconds is the CPU time (user and system) the process has used so far; ok false where
// /proc cannot say.
func (p *serveProc) cpuSeconds() (float64, bool) { return procCPUSeconds(p.cmd.Process.Pid) }

// stopAllProcs stops the processes at once and returns the first unclean end.
func stopAllProcs(ps []*serveProc) error {
	errs := make(chan error, len(ps))
	for _, p := range ps {
		go func() { errs <- p.stop() }()
	}
	var first error
	for range ps {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// procsCPU sums the processes' CPU seconds (0 where /proc cannot say).
func procsCPU(ps []*serveProc) float64 {
	total := 0.0
	for _, p := range ps {
		if s, ok := p.cpuSeconds(); ok {
			total += s
		}
	}
	return total
}
