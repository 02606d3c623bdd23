package queue

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/store"
)

// statsTimeout bounds the job-table reads of one scrape: a slow database makes the queue
// gauges go missing for that scrape (tagdrop_queue_stats_up 0), never the whole of /metrics.
const statsTimeout = 5 * time.Second

// metrics are the job queue's Prometheus metrics. The gauges describe the whole cluster (read
// from River's job table at each scrape, so every node shows the same numbers); the counters
// describe the jobs this process worked since it started.
type metrics struct {
	db     *store.DB
	logger *slog.Logger

	completed, failed *prometheus.CounterVec
	jobs, oldest, up  *prometheus.Desc
}

func newMetrics(db *store.DB, logger *slog.Logger) *metrics {
	return &metrics{
		db:     db,
		logger: logger,
		completed: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tagdrop_queue_jobs_completed_total",
			Help: "Jobs this process worked to completion, by kind."}, []string{"kind"}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tagdrop_queue_jobs_failed_total",
			Help: "Jobs this process worked that returned an error, timed out or panicked, by kind (River retries or discards them)."}, []string{"kind"}),
		jobs: prometheus.NewDesc("tagdrop_queue_jobs",
			"The cluster's jobs by kind and state: available (waiting for a worker), running, retryable (failed, will retry), discarded (failed for good; kept a week).",
			[]string{"kind", "state"}, nil),
		oldest: prometheus.NewDesc("tagdrop_queue_oldest_available_seconds",
			"How long the oldest job waiting for a worker has waited, by queue (0: none waiting).", []string{"queue"}, nil),
		up: prometheus.NewDesc("tagdrop_queue_stats_up",
			"1 if this scrape could read the job table, 0 if not (the other queue gauges are then missing).", nil, nil),
	}
}

// Collectors are the queue's metrics, for the registry /metrics serves.
func (q *Queue) Collectors() []prometheus.Collector {
	return []prometheus.Collector{q.metrics.completed, q.metrics.failed, q.metrics}
}

// Describe sends the descriptions of the gauges read at each scrape.
func (m *metrics) Describe(ch chan<- *prometheus.Desc) {
	ch <- m.jobs
	ch <- m.oldest
	ch <- m.up
}

// Collect reads the job table. The queues this tagdrop defines always get an age, 0 when
// nothing waits, so that an alert on the age never sees a missing series as healthy.
func (m *metrics) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), statsTimeout)
	defer cancel()
	st, err := m.db.QueueStats(ctx)
	if err != nil {
		m.logger.Warn("queue metrics: reading the job table failed", "error", err)
		ch <- prometheus.MustNewConstMetric(m.up, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(m.up, prometheus.GaugeValue, 1)
	for _, c := range st.Jobs {
		ch <- prometheus.MustNewConstMetric(m.jobs, prometheus.GaugeValue, float64(c.Count), c.Kind, c.State)
	}
	for _, q := range []string{QueuePeriodic, QueueFeeds} {
		if _, ok := st.OldestAvailable[q]; !ok {
			st.OldestAvailable[q] = 0
		}
	}
	for q, age := range st.OldestAvailable {
		ch <- prometheus.MustNewConstMetric(m.oldest, prometheus.GaugeValue, age.Seconds(), q)
	}
}

// outcomes is the River middleware that counts the jobs this process works.
func (m *metrics) outcomes() rivertype.Middleware { return &outcomeMiddleware{m: m} }

// outcomeMiddleware counts each worked job as completed or failed. A panicking job is counted
// as failed on its way out (River recovers the panic further up and retries the job).
type outcomeMiddleware struct {
	river.MiddlewareDefaults
	m *metrics
}

// Work runs the job and counts its outcome.
func (o *outcomeMiddleware) Work(ctx context.Context, job *rivertype.JobRow, doInner func(context.Context) error) (err error) {
	returned := false
	defer func() {
		if returned && err == nil {
			o.m.completed.WithLabelValues(job.Kind).Inc()
		} else {
			o.m.failed.WithLabelValues(job.Kind).Inc()
		}
	}()
	err = doInner(ctx)
	returned = true
	return err
}
