package queue

import (
	"time"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/jobs"
)

// Periods says how often each periodic job runs across the cluster; zero fields take the
// defaults, which are the intervals of the loops these jobs replace.
type Periods struct {
	FeedSweep time.Duration // jobs.DefaultTick
	Figures   time.Duration // jobs.DefaultFiguresEvery
	Sessions  time.Duration // jobs.DefaultSessionSweepEvery
	Digests   time.Duration // jobs.DefaultDigestEvery
	Loves     time.Duration // jobs.DefaultLovesEvery
	Tracked   time.Duration // DefaultTrackedRound
	MailSweep time.Duration // DefaultMailSweep
	Push      time.Duration // DefaultPushRound
	Webhooks  time.Duration // DefaultWebhookRound
	Trends    time.Duration // DefaultTrendsRound
	Snapshots time.Duration // DefaultSnapshotRound
}

// DefaultTrackedRound is how often the tracked-page checker looks for pages due (each page is
// due again jobs.DefaultTrackedEvery after its last check).
const DefaultTrackedRound = 10 * time.Minute

// DefaultMailSweep is how often the outbox sweep sends what no send job carries: account mail
// (a sign-in link waits at most this long plus a poll) and retries after a temporary failure.
const DefaultMailSweep = 5 * time.Second

func (p Periods) withDefaults() Periods {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&p.FeedSweep, jobs.DefaultTick)
	def(&p.Figures, jobs.DefaultFiguresEvery)
	def(&p.Sessions, jobs.DefaultSessionSweepEvery)
	def(&p.Digests, jobs.DefaultDigestEvery)
	def(&p.Loves, jobs.DefaultLovesEvery)
	def(&p.Tracked, DefaultTrackedRound)
	def(&p.MailSweep, DefaultMailSweep)
	def(&p.Push, DefaultPushRound)
	def(&p.Webhooks, DefaultWebhookRound)
	def(&p.Trends, DefaultTrendsRound)
	def(&p.Snapshots, DefaultSnapshotRound)
	return p
}

// every is a periodic job of args at each multiple of period (wall clock, UTC), run at once
// too when a process becomes leader.
//
// Once per period across the cluster comes from two rules: only River's elected leader
// enqueues periodic jobs, and each job is unique per period (UniqueOpts.ByPeriod), so a new
// leader (after a crash or a restart) that enqueues "on start" within a period that already has
// its job enqueues nothing. A round that fails is not retried (one attempt): the next period
// runs it again, as the loops did.
func every(period time.Duration, args river.JobArgs) *river.PeriodicJob {
	return river.NewPeriodicJob(alignedSchedule(period), func() (river.JobArgs, *river.InsertOpts) {
		return args, &river.InsertOpts{Queue: QueuePeriodic, MaxAttempts: 1,
			UniqueOpts: river.UniqueOpts{ByPeriod: period}}
	}, &river.PeriodicJobOpts{ID: args.Kind(), RunOnStart: true})
}

// alignedSchedule fires at each multiple of its period since the Unix epoch, so every leader
// (whenever it was elected) agrees on the periods, and they match River's unique periods.
type alignedSchedule time.Duration

// Next is the first multiple of the period after t.
func (s alignedSchedule) Next(t time.Time) time.Time {
	d := time.Duration(s)
	return t.Truncate(d).Add(d)
}
