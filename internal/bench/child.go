package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// measured is one child process's outcome.
type measured struct {
	result phaseResult
	wall   float64 // seconds from start to exit, as the parent saw them
	rssMB  float64 // the child's peak resident memory
}

// run starts argv as a child process, passes its standard error on to progress, and waits.
// When decode is set, the child's standard output must be one phaseResult.
func (c Config) run(ctx context.Context, argv []string, decode bool) (measured, error) {
	var m measured
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), c.Env...)
	var out bytes.Buffer
	tail := &lastLine{}
	cmd.Stdout = &out
	cmd.Stderr = io.MultiWriter(c.Progress, tail)
	start := time.Now()
	err := cmd.Run()
	m.wall = time.Since(start).Seconds()
	if err != nil {
		if msg := tail.String(); msg != "" {
			return m, fmt.Errorf("%s: %w: %s", describe(argv), err, msg)
		}
		return m, fmt.Errorf("%s: %w", describe(argv), err)
	}
	m.rssMB = peakRSSMB(cmd.ProcessState)
	if decode {
		if err := json.Unmarshal(out.Bytes(), &m.result); err != nil {
			return m, fmt.Errorf("%s printed no result (%q): %w", describe(argv), strings.TrimSpace(out.String()), err)
		}
	}
	return m, nil
}

// describe names a child in messages without printing database URLs.
func describe(argv []string) string {
	for i, a := range argv {
		if a == "ingest-phase" && i+1 < len(argv) {
			return "phase " + argv[i+1]
		}
	}
	return argv[0]
}

// lastLine keeps the last non-empty line written to it.
type lastLine struct{ buf []byte }

func (l *lastLine) Write(p []byte) (int, error) {
	l.buf = append(l.buf, p...)
	if len(l.buf) > 4096 {
		l.buf = l.buf[len(l.buf)-4096:]
	}
	return len(p), nil
}

func (l *lastLine) String() string {
	s := strings.TrimSpace(string(l.buf))
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}
