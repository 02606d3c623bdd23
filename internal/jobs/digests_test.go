package jobs

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
)

// countingRunner records the runs it is asked for; the n-th run (1-based) returns results[n-1]
// and the run numbered stopAt cancels the job's context.
type countingRunner struct {
	runs    int
	stopAt  int
	cancel  context.CancelFunc
	results []error
}

func (r *countingRunner) Run(ctx context.Context, opts alerts.RunOptions) (alerts.RunCounts, error) {
	r.runs++
	if opts != (alerts.RunOptions{}) {
		return alerts.RunCounts{}, errors.New("the job must run every due digest, not a narrowed run")
	}
	if r.runs == r.stopAt {
		r.cancel()
	}
	var err error
	if r.runs <= len(r.results) {
		err = r.results[r.runs-1]
	}
	return alerts.RunCounts{Considered: 3, Due: 2, Stored: 1, Empty: 1}, err
}

func TestRunDigestsRunsAtStartAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &countingRunner{stopAt: 1, cancel: cancel}
	var logs bytes.Buffer
	if err := RunDigests(ctx, r, time.Hour, slog.New(slog.NewTextHandler(&logs, nil))); err != nil {
		t.Fatal(err)
	}
	if r.runs != 1 {
		t.Errorf("%d runs, want the one at start", r.runs)
	}
	if !strings.Contains(logs.String(), "digests made") || !strings.Contains(logs.String(), "stored=1") {
		t.Errorf("log %q", logs.String())
	}
}

func TestRunDigestsGoesOnAfterFailure(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &countingRunner{stopAt: 3, cancel: cancel, results: []error{errors.New("database away"), errors.New("database away")}}
	var logs bytes.Buffer
	if err := RunDigests(ctx, r, time.Millisecond, slog.New(slog.NewTextHandler(&logs, nil))); err != nil {
		t.Fatal(err)
	}
	if r.runs != 3 {
		t.Errorf("%d runs, want 3 (two failures, then the one that stops)", r.runs)
	}
	if n := strings.Count(logs.String(), "digest run failed"); n != 2 {
		t.Errorf("%d failures logged, want 2: %s", n, logs.String())
	}
}
