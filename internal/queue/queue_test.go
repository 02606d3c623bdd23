package queue

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// recordArgs is a test job: its worker records Name.
type recordArgs struct {
	Name string `json:"name"`
}

func (recordArgs) Kind() string { return "test_record" }

// recorder remembers what it was asked to do, in order.
type recorder struct {
	mu    sync.Mutex
	names []string
	ran   chan string
}

func newRecorder() *recorder { return &recorder{ran: make(chan string, 100)} }

func (r *recorder) add(name string) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
	r.ran <- name
}

func (r *recorder) seen() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.names)
}

type recordWorker struct {
	river.WorkerDefaults[recordArgs]
	rec *recorder
}

func (w *recordWorker) Work(ctx context.Context, job *river.Job[recordArgs]) error {
	w.rec.add(job.Args.Name)
	return nil
}

// startNode starts a working queue on db (a "node" of a cluster) and stops it when the test
// ends; stop stops it earlier.
func startNode(t *testing.T, db *store.DB, id string, workers *river.Workers, periodic []*river.PeriodicJob) (q *Queue, stop func()) {
	t.Helper()
	q, err := newQueue(db, Config{ID: id, PollInterval: 50 * time.Millisecond}.withDefaults(), workers, periodic)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := q.Stop(ctx); err != nil {
				t.Errorf("stop %s: %v", id, err)
			}
		})
	}
	t.Cleanup(stop)
	return q, stop
}

// waitFor waits for the recorder to record want, failing the test after a generous minute.
func waitFor(t *testing.T, rec *recorder, want string) {
	t.Helper()
	deadline := time.After(time.Minute)
	for {
		select {
		case got := <-rec.ran:
			if got == want {
				return
			}
		case <-deadline:
			t.Fatalf("job %q never ran; ran: %v", want, rec.seen())
		}
	}
}

// listJobs returns every job of kind, whatever its state.
func listJobs(t *testing.T, q *Queue, kind string) []*rivertype.JobRow {
	t.Helper()
	res, err := q.River().JobList(context.Background(), river.NewJobListParams().Kinds(kind).First(1000))
	if err != nil {
		t.Fatal(err)
	}
	return res.Jobs
}

// A job enqueued inside a transaction exists only if the transaction commits: the rolled-back
// one never runs, the committed one does, on both databases.
func TestInsertTxFollowsItsTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		rec := newRecorder()
		workers := river.NewWorkers()
		river.AddWorker(workers, &recordWorker{rec: rec})
		q, stop := startNode(t, db, "node-a", workers, nil)
		ctx := context.Background()

		errRollback := errors.New("roll back")
		err := db.InTx(ctx, func(tx *sql.Tx) error {
			if err := q.InsertTx(ctx, tx, recordArgs{Name: "rolled back"}); err != nil {
				return err
			}
			return errRollback
		})
		if !errors.Is(err, errRollback) {
			t.Fatalf("rolled-back transaction: %v", err)
		}
		if err := db.InTx(ctx, func(tx *sql.Tx) error { return q.InsertTx(ctx, tx, recordArgs{Name: "committed"}) }); err != nil {
			t.Fatal(err)
		}
		waitFor(t, rec, "committed")
		// Anything still queued would have run by now: one more job, enqueued last, ran after it.
		if err := q.Insert(ctx, recordArgs{Name: "last"}); err != nil {
			t.Fatal(err)
		}
		waitFor(t, rec, "last")
		stop()
		if got := rec.seen(); !slices.Equal(got, []string{"committed", "last"}) {
			t.Errorf("jobs that ran = %v, want [committed last]", got)
		}
		if jobs := listJobs(t, q, recordArgs{}.Kind()); len(jobs) != 2 {
			t.Errorf("%d jobs stored, want 2 (the rolled-back one never existed)", len(jobs))
		}
	})
}

// Two nodes on one database run a periodic job once per period, not once per node, also when
// the node that was enqueueing it stops and the other takes over.
func TestPeriodicJobRunsOncePerPeriodAcrossNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the two-node periodic job test (runs several periods and a leader change)")
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		const period = time.Second
		rec := newRecorder()
		node := func(id string) (*Queue, func()) {
			workers := river.NewWorkers()
			river.AddWorker(workers, &recordWorker{rec: rec})
			periodic := []*river.PeriodicJob{river.NewPeriodicJob(alignedSchedule(period), func() (river.JobArgs, *river.InsertOpts) {
				return recordArgs{Name: "tick"}, &river.InsertOpts{Queue: QueuePeriodic, MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByPeriod: period}}
			}, &river.PeriodicJobOpts{ID: "tick", RunOnStart: true})}
			return startNode(t, db, id, workers, periodic)
		}
		a, stopA := node("node-a")
		_, stopB := node("node-b")
		for range 3 {
			waitFor(t, rec, "tick")
		}
		stopA() // if A was the leader, B is elected and goes on
		n := len(rec.seen())
		for range n + 3 - len(rec.seen()) {
			waitFor(t, rec, "tick")
		}
		stopB()

		jobs := listJobs(t, a, recordArgs{}.Kind())
		if len(jobs) != len(rec.seen()) {
			t.Errorf("%d periodic jobs stored but %d runs", len(jobs), len(rec.seen()))
		}
		periods := map[time.Time]int{}
		for _, j := range jobs {
			periods[j.ScheduledAt.Truncate(period)]++
			if j.Attempt > 1 {
				t.Errorf("job %d ran %d times", j.ID, j.Attempt)
			}
		}
		for p, c := range periods {
			if c > 1 {
				t.Errorf("period %s has %d jobs, want 1", p.Format(time.RFC3339), c)
			}
		}
		if len(jobs) < 6 {
			t.Errorf("%d periodic jobs, want at least 6", len(jobs))
		}
	})
}
