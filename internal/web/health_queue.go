package web

import (
	"context"

	"github.com/tagdrop/tagdrop/internal/queue"
)

// QueueReporter is the job queue as /readyz reports it (*queue.Queue).
type QueueReporter interface {
	Report(ctx context.Context) (queue.Report, bool)
}

// reportQueue adds the job queue's state to a /readyz body and says whether it is healthy: a
// worker whose queue stopped works no jobs and is not ready. Without a queue it adds nothing.
func (s *Server) reportQueue(ctx context.Context, body map[string]any) bool {
	if s.cfg.Queue == nil {
		return true
	}
	r, ok := s.cfg.Queue.Report(ctx)
	body["queue"] = r
	return ok
}
