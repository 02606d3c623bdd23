package queue

import (
	"context"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"
)

// Report is the queue as /readyz shows it.
type Report struct {
	// Working says this process works jobs (roles worker and all).
	Working bool `json:"working"`
	// Stopped says a working queue has stopped (a fatal error): the process no longer works jobs.
	Stopped bool `json:"stopped,omitempty"`
	// Available, Running, Retryable and Scheduled count the cluster's jobs in those states.
	Available int `json:"available"`
	Running   int `json:"running"`
	Retryable int `json:"retryable"`
	Scheduled int `json:"scheduled"`
}

// Report counts the cluster's jobs by state (one grouped query on River's table) and says whether
// this process is working them. ok is false when a working queue has stopped or the counts
// cannot be read: the node is then not ready.
func (q *Queue) Report(ctx context.Context) (r Report, ok bool) {
	r.Working = q.working
	if q.working {
		select {
		case <-q.client.Stopped():
			r.Stopped = true
		default:
		}
	}
	counts, err := q.client.Driver().GetExecutor().JobCountByAllStates(ctx, &riverdriver.JobCountByAllStatesParams{Schema: q.client.Schema()})
	if err != nil {
		return r, false
	}
	r.Available = counts[rivertype.JobStateAvailable]
	r.Running = counts[rivertype.JobStateRunning]
	r.Retryable = counts[rivertype.JobStateRetryable]
	r.Scheduled = counts[rivertype.JobStateScheduled]
	return r, !r.Stopped
}
