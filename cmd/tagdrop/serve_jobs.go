package main

import (
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
)

// queueFlags tune the job queue of serve (roles worker and all): digest shards and how soon a
// killed worker's jobs run again.
type queueFlags struct {
	// RescueAfter is queue.Config.RescueAfter: a digest shard, send job or mail sweep still
	// running after it is taken for a killed worker's and run again.
	RescueAfter time.Duration
	// DigestWorkers is how many digest shards this process runs at once.
	DigestWorkers int
	// ShardSize is how many due shoppers one digest shard holds.
	ShardSize int
}

func (q *queueFlags) flags(fs *flag.FlagSet) {
	fs.DurationVar(&q.RescueAfter, "job-rescue-after", queue.DefaultRescueAfter,
		"a digest shard, send job or mail sweep still running after this long is taken for a killed worker's\nand run again (at least 5s; feed refreshes and periodic rounds wait for their own, longer timeouts)")
	fs.IntVar(&q.DigestWorkers, "digest-workers", queue.DefaultDigestWorkers, "digest shards run at once by this process")
	fs.IntVar(&q.ShardSize, "digest-shard-size", jobs.DefaultShardSize, "due shoppers per digest shard job")
}

func (q queueFlags) validate() error {
	switch {
	case q.RescueAfter < 5*time.Second:
		return fmt.Errorf("%w: --job-rescue-after %s is under 5s: a shard or send job needs a few seconds to work", errUsage, q.RescueAfter)
	case q.DigestWorkers < 1:
		return fmt.Errorf("%w: --digest-workers %d is not a positive number", errUsage, q.DigestWorkers)
	case q.ShardSize < 1:
		return fmt.Errorf("%w: --digest-shard-size %d is not a positive number", errUsage, q.ShardSize)
	}
	return nil
}

// config is the queue.Config these flags give, with the rest of serve's settings.
func (q queueFlags) config(refreshWorkers int, logger *slog.Logger) queue.Config {
	return queue.Config{FeedWorkers: refreshWorkers, DigestWorkers: q.DigestWorkers, DigestShardSize: q.ShardSize,
		RescueAfter: q.RescueAfter, Logger: logger}
}

// newMailSender is the sender of a worker's send jobs and outbox sweeps: a pool of
// --mail-connections kept SMTP connections. Nil without a mail server: mail stays in the outbox.
func newMailSender(db *store.DB, m mailConfig, logger *slog.Logger) *jobs.Sender {
	if m.SMTPURL == "" {
		logger.Info("no mail server configured: mail stays in the outbox")
		return nil
	}
	env, smtp := notify.Envelope{From: m.From, ReplyTo: m.ReplyTo}, m.smtpConfig()
	newTransport := func() (jobs.MailTransport, error) { return notify.NewTransport(smtp, env) }
	logger.Info("sending mail", "smtp", smtp.String(), "from", m.From, "rate", m.Rate, "connections", m.Connections)
	return jobs.NewSender(db, newTransport, jobs.SenderConfig{Connections: m.Connections, Rate: m.Rate, Lease: m.Lease}, logger)
}
