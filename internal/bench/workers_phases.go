package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
)

// stallLimit is how long a phase may go without progress before the benchmark gives up (a
// hang, not a timing figure).
const stallLimit = 3 * time.Minute

// matchPhase confirms the shoppers, enqueues a digest_run job and waits until every shopper
// has a digest.
func (b *workersBench) matchPhase(ctx context.Context, db *store.DB, procs []*serveProc, pg *pgCPU, label string) (WorkersMatchFigures, error) {
	var f WorkersMatchFigures
	q, err := queue.New(db, queue.Config{}, nil) // insert only
	if err != nil {
		return f, err
	}
	confirmed, err := confirmShoppers(ctx, db.SQL())
	if err != nil {
		return f, err
	}
	if confirmed != int64(b.cfg.Users) {
		return f, fmt.Errorf("%s: %d shoppers confirmed, %d seeded", label, confirmed, b.cfg.Users)
	}
	cpu0, pg0 := procsCPU(procs), pg.read(ctx)
	t0 := time.Now()
	if err := q.Insert(ctx, queue.DigestRunArgs{}); err != nil {
		return f, err
	}
	count := func() (int, error) {
		var n int
		err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM digests`).Scan(&n)
		return n, err
	}
	if err := b.waitFor(ctx, db.SQL(), procs, label+": digests stored", b.cfg.Users, count); err != nil {
		return f, err
	}
	f.Seconds = time.Since(t0).Seconds()
	f.CPUSeconds = procsCPU(procs) - cpu0
	f.PostgresCPUSeconds = pg.since(ctx, pg0)

	var users int
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT user_id), COUNT(message_id),
		COALESCE(SUM(CASE WHEN status = 'empty' THEN 1 ELSE 0 END), 0) FROM digests`).Scan(&f.Digests, &users, &f.Messages, &f.Empty); err != nil {
		return f, err
	}
	if f.Digests != b.cfg.Users || users != b.cfg.Users {
		return f, fmt.Errorf("%s: %d digests of %d shoppers stored, want one for each of %d", label, f.Digests, users, b.cfg.Users)
	}
	if f.Messages+f.Empty != f.Digests {
		return f, fmt.Errorf("%s: %d digests, %d with mail and %d empty: they do not add up", label, f.Digests, f.Messages, f.Empty)
	}
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM digest_items`).Scan(&f.Items); err != nil {
		return f, err
	}
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN attempt > 1 THEN 1 ELSE 0 END), 0)
		FROM river_job WHERE kind = 'digest_shard'`).Scan(&f.Shards, &f.Retried); err != nil {
		return f, err
	}
	f.DigestsPerS = float64(f.Digests) / f.Seconds
	f.ItemsPerS = float64(f.Items) / f.Seconds
	b.logf("%s: %d digests (%d with mail, %d empty), %d items by %d shards in %.2f s: %.0f digests/s, %.0f items/s; %.1f s CPU in the processes",
		label, f.Digests, f.Messages, f.Empty, f.Items, f.Shards, f.Seconds, f.DigestsPerS, f.ItemsPerS, f.CPUSeconds)
	return f, nil
}

// holdOutbox holds every queued message for its send job (as a digest shard does when it
// stores them), so the outbox sweep of the processes about to start leaves them alone, and
// returns their ids.
func holdOutbox(ctx context.Context, db *store.DB) ([]int64, error) {
	rows, err := db.SQL().QueryContext(ctx, `SELECT id FROM messages WHERE status = 'queued' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	err = db.InTx(ctx, func(tx *sql.Tx) error { return db.HoldMessages(ctx, tx, ids, time.Hour) })
	return ids, err
}

// emailPhase enqueues the send jobs of the held messages in one transaction, MailJobSize
// messages each, and waits until the sink has every message.
func (b *workersBench) emailPhase(ctx context.Context, db *store.DB, procs []*serveProc, pg *pgCPU, sink *idSink, ids []int64, label string) (WorkersEmailFigures, error) {
	f := WorkersEmailFigures{Messages: len(ids)}
	q, err := queue.New(db, queue.Config{}, nil)
	if err != nil {
		return f, err
	}
	var params []river.InsertManyParams
	for lo := 0; lo < len(ids); lo += queue.MailJobSize {
		params = append(params, river.InsertManyParams{Args: queue.MailSendArgs{MessageIDs: slices.Clone(ids[lo:min(len(ids), lo+queue.MailJobSize)])}})
	}
	f.SendJobs = len(params)
	sink.reset()
	cpu0, pg0 := procsCPU(procs), pg.read(ctx)
	t0 := time.Now()
	if len(params) > 0 {
		err = db.InTx(ctx, func(tx *sql.Tx) error {
			_, err := q.River().InsertManyTx(ctx, tx, params)
			return err
		})
		if err != nil {
			return f, fmt.Errorf("enqueue %d send jobs: %w", len(params), err)
		}
	}
	count := func() (int, error) { return sink.count(), nil }
	if err := b.waitFor(ctx, db.SQL(), procs, label+": messages delivered", len(ids), count); err != nil {
		return f, err
	}
	f.Seconds = time.Since(t0).Seconds()
	f.CPUSeconds = procsCPU(procs) - cpu0
	f.PostgresCPUSeconds = pg.since(ctx, pg0)
	f.MessagesPerS = float64(len(ids)) / f.Seconds
	got := sink.deliveries()
	for _, n := range got {
		f.Duplicates += n - 1
	}
	if len(got) != len(ids) {
		return f, fmt.Errorf("%s: the sink has %d different Message-IDs, the outbox %d messages", label, len(got), len(ids))
	}
	b.logf("%s: %d messages by %d send jobs in %.2f s: %.0f messages/s, %d delivered twice; %.1f s CPU in the processes",
		label, len(ids), f.SendJobs, f.Seconds, f.MessagesPerS, f.Duplicates, f.CPUSeconds)
	return f, nil
}

// waitFor polls count until it reaches want, logging progress every 5 s. It fails when a
// process exits or the count stays still for stallLimit (with the job queue's state).
func (b *workersBench) waitFor(ctx context.Context, db *sql.DB, procs []*serveProc, what string, want int, count func() (int, error)) error {
	last, lastChange, lastLog := -1, time.Now(), time.Now()
	for {
		n, err := count()
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if n >= want {
			return nil
		}
		if n != last {
			last, lastChange = n, time.Now()
		}
		for _, p := range procs {
			if err := p.exited(); err != nil {
				return err
			}
		}
		if time.Since(lastChange) > stallLimit {
			return fmt.Errorf("%s: stuck at %d of %d for %s; jobs: %s; %s", what, n, want, stallLimit, jobStates(ctx, db), procs[0].tail())
		}
		if time.Since(lastLog) > 5*time.Second {
			b.logf("%s: %d of %d", what, n, want)
			lastLog = time.Now()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// jobStates sums up the job table by kind and state, for a stuck phase's error.
func jobStates(ctx context.Context, db *sql.DB) string {
	rows, err := db.QueryContext(ctx, `SELECT kind, state, COUNT(*) FROM river_job GROUP BY kind, state ORDER BY kind, state`)
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var kind, state string
		var n int
		if err := rows.Scan(&kind, &state, &n); err != nil {
			return err.Error()
		}
		parts = append(parts, fmt.Sprintf("%s %s %d", kind, state, n))
	}
	return strings.Join(parts, ", ")
}

// pgCPU reads the CPU time of the PostgreSQL backends serving one database's clients (not
// autovacuum), from /proc: only for a server on this machine (a nil *pgCPU reads nothing).
type pgCPU struct{ db *sql.DB }

// newPGCPU returns a reader for the database at raw when it is PostgreSQL on this machine.
func newPGCPU(kind, raw string, db *sql.DB) *pgCPU {
	if kind != Postgres {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1", "":
		return &pgCPU{db: db}
	}
	return nil
}

// read returns each backend's CPU seconds by process id.
func (p *pgCPU) read(ctx context.Context) map[int]float64 {
	if p == nil {
		return nil
	}
	rows, err := p.db.QueryContext(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`)
	if err != nil {
		return nil
	}
	defer rows.Close()
	out := map[int]float64{}
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) != nil {
			return nil
		}
		if s, comm, err := procStat(pid); err == nil && strings.HasPrefix(comm, "postgres") {
			out[pid] = s
		}
	}
	return out
}

// since is the backends' CPU seconds since before: each backend's growth, a new one's whole.
func (p *pgCPU) since(ctx context.Context, before map[int]float64) float64 {
	total := 0.0
	for pid, s := range p.read(ctx) {
		total += s - before[pid]
	}
	return total
}

// createFrom makes a database as a copy of template (PostgreSQL's CREATE DATABASE … TEMPLATE:
// a file copy, far quicker than seeding again) and returns its URL.
func (s *server) createFrom(ctx context.Context, role, template string) (string, error) {
	name := s.prefix + role
	if _, err := s.admin.ExecContext(ctx, "CREATE DATABASE "+name+" TEMPLATE "+template); err != nil {
		return "", fmt.Errorf("create database %s from %s on %s: %w", name, template, s.url.Redacted(), err)
	}
	s.created = append(s.created, name)
	u := *s.url
	u.Path = "/" + name
	return u.String(), nil
}

// drop drops one database create or createFrom made.
func (s *server) drop(ctx context.Context, name string) error {
	if !slices.Contains(s.created, name) {
		return fmt.Errorf("drop database %s: not made by this benchmark", name)
	}
	if _, err := s.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", name, err)
	}
	s.created = slices.DeleteFunc(s.created, func(n string) bool { return n == name })
	return nil
}
