package queue

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// failArgs is a test job whose worker always fails.
type failArgs struct{}

func (failArgs) Kind() string { return "test_fail" }

type failWorker struct {
	river.WorkerDefaults[failArgs]
}

func (failWorker) Work(context.Context, *river.Job[failArgs]) error {
	return errors.New("this job always fails")
}

// TestQueueMetrics: /metrics shows the cluster's waiting jobs by kind and state with the age of
// the oldest per queue, then, once a node works them, this process's completed and failed
// counts and the discarded job, on both databases.
func TestQueueMetrics(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		inserter, err := newQueue(db, Config{}.withDefaults(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		// Jobs inserted by a client whose clock is an hour behind have waited an hour.
		behind, err := river.NewClient(db.QueueDriver(), &river.Config{Test: river.TestConfig{Time: hourAgo{}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"a", "b"} {
			if _, err := behind.Insert(ctx, recordArgs{Name: name}, nil); err != nil {
				t.Fatal(err)
			}
		}
		idle := gather(t, inserter)
		if v := idle.value(t, "tagdrop_queue_stats_up", nil); v != 1 {
			t.Fatalf("tagdrop_queue_stats_up = %v; want 1", v)
		}
		if v := idle.value(t, "tagdrop_queue_jobs", map[string]string{"kind": "test_record", "state": "available"}); v != 2 {
			t.Errorf("available test_record jobs = %v; want 2", v)
		}
		// Waiting for an hour (and the few seconds the test took).
		if v := idle.value(t, "tagdrop_queue_oldest_available_seconds", map[string]string{"queue": QueuePeriodic}); v < 3500 || v > 7200 {
			t.Errorf("oldest available job in %s waited %v s; want about 3600", QueuePeriodic, v)
		}
		if v := idle.value(t, "tagdrop_queue_oldest_available_seconds", map[string]string{"queue": QueueFeeds}); v != 0 {
			t.Errorf("oldest available job in the empty %s queue waited %v s; want 0", QueueFeeds, v)
		}

		rec := newRecorder()
		workers := river.NewWorkers()
		river.AddWorker(workers, &recordWorker{rec: rec})
		river.AddWorker(workers, failWorker{})
		node, _ := startNode(t, db, "node-a", workers, nil)
		for range 2 { // both, in any order
			select {
			case <-rec.ran:
			case <-time.After(time.Minute):
				t.Fatalf("the two waiting jobs never ran; ran: %v", rec.seen())
			}
		}
		if _, err := node.River().Insert(ctx, failArgs{}, &river.InsertOpts{MaxAttempts: 1}); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(time.Minute)
		for len(jobsIn(t, node, "test_fail", rivertype.JobStateDiscarded)) == 0 {
			if time.Now().After(deadline) {
				t.Fatal("the failing job was never discarded")
			}
			time.Sleep(50 * time.Millisecond)
		}
		worked := gather(t, node)
		if v := worked.value(t, "tagdrop_queue_jobs_completed_total", map[string]string{"kind": "test_record"}); v != 2 {
			t.Errorf("completed test_record jobs = %v; want 2", v)
		}
		if v := worked.value(t, "tagdrop_queue_jobs_failed_total", map[string]string{"kind": "test_fail"}); v != 1 {
			t.Errorf("failed test_fail jobs = %v; want 1", v)
		}
		if v := worked.value(t, "tagdrop_queue_jobs", map[string]string{"kind": "test_fail", "state": "discarded"}); v != 1 {
			t.Errorf("discarded test_fail jobs = %v; want 1", v)
		}
		if v := worked.value(t, "tagdrop_queue_jobs", map[string]string{"kind": "test_record", "state": "available"}); v != 0 {
			t.Errorf("available test_record jobs after they ran = %v; want 0", v)
		}
		if v := gather(t, inserter).value(t, "tagdrop_queue_jobs_completed_total", map[string]string{"kind": "test_record"}); v != 0 {
			t.Errorf("the insert-only process counts %v completed jobs; want 0 (it worked none)", v)
		}
	})
}

// hourAgo is a River clock an hour behind.
type hourAgo struct{}

func (hourAgo) Now() time.Time { return time.Now().Add(-time.Hour) }

func (h hourAgo) NowOrNil() *time.Time {
	now := h.Now()
	return &now
}

// jobsIn lists the jobs of kind in state.
func jobsIn(t *testing.T, q *Queue, kind string, state rivertype.JobState) []*rivertype.JobRow {
	t.Helper()
	var out []*rivertype.JobRow
	for _, j := range listJobs(t, q, kind) {
		if j.State == state {
			out = append(out, j)
		}
	}
	return out
}

// series is one time series of a gathering: its metric's name, its labels and its value.
type series struct {
	name   string
	labels map[string]string
	value  float64
}

// scrape is one gathering of a queue's metrics.
type scrape []series

func gather(t *testing.T, q *Queue) scrape {
	t.Helper()
	reg := prometheus.NewRegistry()
	reg.MustRegister(q.Collectors()...)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var out scrape
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			v := m.GetGauge().GetValue()
			if m.GetCounter() != nil {
				v = m.GetCounter().GetValue()
			}
			out = append(out, series{mf.GetName(), labels, v})
		}
	}
	return out
}

// value is the value of the series of name with exactly labels; 0 when absent (Prometheus
// reads an absent counter or count as zero).
func (s scrape) value(t *testing.T, name string, labels map[string]string) float64 {
	t.Helper()
	for _, sr := range s {
		if sr.name == name && maps.Equal(sr.labels, labels) {
			return sr.value
		}
	}
	return 0
}
