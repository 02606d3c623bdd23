package bench

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The worker benchmark measures the distributed digest path with real `tagdrop serve`
// processes: a digest run planned by the digest_run job, made by digest_shard jobs, stored with
// its send jobs (match), and the stored digests sent by mail_send jobs into an SMTP sink
// (email). It runs once embedded — one `serve --role all` on a SQLite file — and once per
// process count on PostgreSQL, N `serve --role worker` processes sharing one fresh database.
//
// Per run: a fresh database, migrated and seeded (workers_seed.go, not timed); the processes
// start and settle (their start-up jobs done); then
//   - match: the shoppers' addresses are confirmed (every digest becomes due) and a digest_run
//     job is enqueued; timed until every shopper's digest (stored or empty) is in the digests
//     table. The processes run without a mail server, so no mail goes yet.
//   - email (bench email only): the processes are restarted with --smtp-url of a local sink; the
//     outbox's messages are held for send jobs (as a shard holds them) and their mail_send jobs
//     enqueued in one transaction; timed until the sink has every message.

// Worker benchmark names.
const (
	WorkersMatch = "match"
	WorkersEmail = "email"
)

// WorkersConfig says what the worker benchmark measures.
type WorkersConfig struct {
	// Bench is WorkersMatch or WorkersEmail (the match phase runs for both: it makes the mail).
	Bench string
	// Offers is the catalogue's size, Users the shoppers (each gets one digest).
	Offers, Users int
	Seed          uint64
	// Processes lists the PostgreSQL process counts to measure (e.g. 1, 2); the embedded run
	// (one process on SQLite) always comes first.
	Processes []int
	// PostgresURL names the server; without it only the embedded run happens. Databases named
	// tagdrop_bench_… are created there and dropped afterwards.
	PostgresURL string
	// Command is the tagdrop binary (with any arguments before "serve"); Env is added to each
	// process's environment.
	Command []string
	Env     []string
	// DigestWorkers is each process's --digest-workers (0: serve's default), ShardSize its
	// --digest-shard-size (0: serve's default), MailConnections its --mail-connections (0: 2).
	DigestWorkers, ShardSize, MailConnections int
	// Dir holds the SQLite file and the processes' logs (default: a temporary folder, removed
	// unless a run failed).
	Dir string
	// Progress receives progress lines; nil discards them.
	Progress io.Writer
}

// WorkersReport is `tagdrop bench match|email --workers … --json`: the bench contract's
// {"bench", "size", "tagdrop": {…}, "peers": {}} with "tagdrop" the embedded run, and "runs"
// every run in order (embedded first, then PostgreSQL by process count).
type WorkersReport struct {
	Bench           string                `json:"bench"` // "match" or "email"
	Mode            string                `json:"mode"`  // "workers"
	Size            int                   `json:"size"`  // offers
	Users           int                   `json:"users"`
	Products        int                   `json:"products"`
	OnSale          int                   `json:"on_sale"`
	DigestWorkers   int                   `json:"digest_workers"`   // per process
	ShardSize       int                   `json:"shard_size"`       // shoppers per digest_shard job
	MailConnections int                   `json:"mail_connections"` // per process
	Tagdrop         WorkersRun            `json:"tagdrop"`
	Peers           map[string]WorkersRun `json:"peers"` // none: the runs compare with each other
	Runs            []WorkersRun          `json:"runs"`
	Load1Start      float64               `json:"load1_start"`
	Load1End        float64               `json:"load1_end"`
}

// WorkersRun is one database and process count.
type WorkersRun struct {
	DB        string `json:"db"`        // "sqlite" or "postgres"
	Processes int    `json:"processes"` // serve processes
	Role      string `json:"role"`      // "all" (embedded) or "worker"
	// SeedSeconds is the untimed fixture's writing (shared by the PostgreSQL runs, which copy
	// one seeded database).
	SeedSeconds float64              `json:"seed_seconds"`
	Match       WorkersMatchFigures  `json:"match"`
	Email       *WorkersEmailFigures `json:"email,omitempty"`
	Load1       float64              `json:"load1"` // at the end of the run
}

// WorkersMatchFigures time a digest run from the digest_run job's enqueueing to the last
// shopper's digest stored.
type WorkersMatchFigures struct {
	Seconds     float64 `json:"seconds"`
	Digests     int     `json:"digests"` // stored, one per shopper (with mail or empty)
	Messages    int     `json:"messages"`
	Empty       int     `json:"empty"`
	Items       int     `json:"items"`
	DigestsPerS float64 `json:"ops_per_s"` // digests per second
	ItemsPerS   float64 `json:"items_per_s"`
	Shards      int     `json:"shards"` // digest_shard jobs
	Retried     int     `json:"retried_shards"`
	// CPUSeconds is the serve processes' CPU time in Seconds; PostgresCPUSeconds the backends'
	// of the run's database (a local server only; backends that ended during the run are
	// missing, so it is a lower bound).
	CPUSeconds         float64 `json:"cpu_seconds"`
	PostgresCPUSeconds float64 `json:"postgres_cpu_seconds,omitempty"`
}

// WorkersEmailFigures time the stored digests' mail from the send jobs' enqueueing to the
// sink having every message.
type WorkersEmailFigures struct {
	Seconds      float64 `json:"seconds"`
	Messages     int     `json:"messages"`
	MessagesPerS float64 `json:"messages_per_s"`
	SendJobs     int     `json:"send_jobs"`
	// Duplicates counts deliveries beyond the first of a Message-ID (0 when all is well).
	Duplicates         int     `json:"duplicates"`
	CPUSeconds         float64 `json:"cpu_seconds"`
	PostgresCPUSeconds float64 `json:"postgres_cpu_seconds,omitempty"`
}

// workersBench is one benchmark's state.
type workersBench struct {
	cfg     WorkersConfig
	fixture workersFixture
	dir     string
	logf    func(string, ...any)
}

// Workers runs the worker benchmark.
func Workers(ctx context.Context, cfg WorkersConfig) (WorkersReport, error) {
	switch {
	case cfg.Bench != WorkersMatch && cfg.Bench != WorkersEmail:
		return WorkersReport{}, fmt.Errorf("bench workers: unknown benchmark %q", cfg.Bench)
	case cfg.Offers < 100 || cfg.Offers > maxSize:
		return WorkersReport{}, fmt.Errorf("bench %s: %d offers is not between 100 and %d", cfg.Bench, cfg.Offers, maxSize)
	case cfg.Users < 1:
		return WorkersReport{}, fmt.Errorf("bench %s: %d shoppers: need at least one", cfg.Bench, cfg.Users)
	case len(cfg.Command) == 0:
		return WorkersReport{}, fmt.Errorf("bench %s: no tagdrop binary to run", cfg.Bench)
	}
	for _, n := range cfg.Processes {
		if n < 1 || n > 64 {
			return WorkersReport{}, fmt.Errorf("bench %s: %d worker processes is not between 1 and 64", cfg.Bench, n)
		}
	}
	if cfg.DigestWorkers <= 0 {
		cfg.DigestWorkers = queue.DefaultDigestWorkers
	}
	if cfg.ShardSize <= 0 {
		cfg.ShardSize = jobs.DefaultShardSize
	}
	if cfg.MailConnections <= 0 {
		cfg.MailConnections = 2
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	b := &workersBench{cfg: cfg, logf: func(format string, args ...any) {
		fmt.Fprintf(cfg.Progress, cfg.Bench+" workers: "+format+"\n", args...)
	}}
	rep := WorkersReport{Bench: cfg.Bench, Mode: "workers", Size: cfg.Offers, Users: cfg.Users, DigestWorkers: cfg.DigestWorkers,
		ShardSize: cfg.ShardSize, MailConnections: cfg.MailConnections, Peers: map[string]WorkersRun{}, Load1Start: load1()}

	b.dir = cfg.Dir
	failed := true
	if b.dir == "" {
		d, err := os.MkdirTemp("", "tagdrop-bench-workers-")
		if err != nil {
			return rep, err
		}
		b.dir = d
		defer func() {
			if failed {
				fmt.Fprintf(cfg.Progress, "%s workers: logs kept in %s\n", cfg.Bench, d)
			} else {
				os.RemoveAll(d)
			}
		}()
	}

	t0 := time.Now()
	f, err := makeWorkersFixture(ctx, cfg.Offers, cfg.Users, cfg.Seed)
	if err != nil {
		return rep, err
	}
	b.fixture = f
	rep.Products, rep.OnSale = len(f.products), f.onSale
	b.logf("catalogue of %d offers (%d products, %d on sale) and %d shoppers with their sent-history made in %s",
		cfg.Offers, len(f.products), f.onSale, cfg.Users, time.Since(t0).Round(time.Millisecond))

	// Embedded: one process, role all, on a SQLite file.
	path := filepath.Join(b.dir, "workers.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	seed, err := b.seed(ctx, "sqlite:"+path, 200)
	if err != nil {
		return rep, fmt.Errorf("bench %s: seed SQLite: %w", cfg.Bench, err)
	}
	run, err := b.run(ctx, SQLite, "sqlite:"+path, 1)
	if err != nil {
		return rep, fmt.Errorf("bench %s: embedded run: %w", cfg.Bench, err)
	}
	run.SeedSeconds = seed
	rep.Runs = append(rep.Runs, run)
	rep.Tagdrop = run

	if cfg.PostgresURL != "" && len(cfg.Processes) > 0 {
		runs, err := b.postgresRuns(ctx)
		if err != nil {
			return rep, err
		}
		rep.Runs = append(rep.Runs, runs...)
	}
	rep.Load1End = load1()
	failed = false
	return rep, nil
}

// postgresRuns seeds one template database and runs each process count on a copy of it.
func (b *workersBench) postgresRuns(ctx context.Context) ([]WorkersRun, error) {
	srv, err := openServer(ctx, b.cfg.PostgresURL)
	if err != nil {
		return nil, err
	}
	defer srv.close(ctx)
	tmplURL, err := srv.create(ctx, "workers_seeded")
	if err != nil {
		return nil, err
	}
	seed, err := b.seed(ctx, tmplURL, 4000)
	if err != nil {
		return nil, fmt.Errorf("bench %s: seed PostgreSQL: %w", b.cfg.Bench, err)
	}
	var runs []WorkersRun
	for _, n := range b.cfg.Processes {
		u, err := srv.createFrom(ctx, fmt.Sprintf("workers_%d", n), srv.prefix+"workers_seeded")
		if err != nil {
			return runs, err
		}
		run, err := b.run(ctx, Postgres, u, n)
		if err != nil {
			return runs, fmt.Errorf("bench %s: PostgreSQL with %d worker processes: %w", b.cfg.Bench, n, err)
		}
		run.SeedSeconds = seed
		runs = append(runs, run)
		if err := srv.drop(ctx, srv.prefix+fmt.Sprintf("workers_%d", n)); err != nil {
			return runs, err
		}
	}
	return runs, nil
}

// seed migrates the database at url and writes the fixture; it returns the seconds it took.
func (b *workersBench) seed(ctx context.Context, url string, maxArgs int) (float64, error) {
	t0 := time.Now()
	db, err := store.Open(ctx, url)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if err := writeWorkersFixture(ctx, db.SQL(), maxArgs, b.fixture); err != nil {
		return 0, err
	}
	// Statistics as a live database has them, so autovacuum does not analyze the fresh tables
	// during the timed phase (a PostgreSQL copy keeps them).
	stmt := "ANALYZE"
	if strings.HasPrefix(url, "postgres") {
		stmt = "VACUUM ANALYZE"
	}
	if _, err := db.SQL().ExecContext(ctx, stmt); err != nil {
		return 0, fmt.Errorf("%s: %w", stmt, err)
	}
	s := time.Since(t0).Seconds()
	b.logf("%s seeded in %.1f s", db.String(), s)
	return s, nil
}

// run measures one database and process count: the match phase, then (email) the send phase.
func (b *workersBench) run(ctx context.Context, kind, url string, n int) (WorkersRun, error) {
	run := WorkersRun{DB: kind, Processes: n, Role: "worker"}
	if kind == SQLite {
		run.Role = "all"
	}
	db, err := store.Open(ctx, url)
	if err != nil {
		return run, err
	}
	defer db.Close()
	label := fmt.Sprintf("%s ×%d", kind, n)
	pg := newPGCPU(kind, url, db.SQL())

	procs, err := b.start(ctx, url, run.Role, n, "", label+" match")
	if err != nil {
		return run, err
	}
	defer stopAllProcs(procs)
	if run.Match, err = b.matchPhase(ctx, db, procs, pg, label); err != nil {
		return run, err
	}
	if err := stopAllProcs(procs); err != nil {
		return run, fmt.Errorf("%s: stop after the match phase: %w", label, err)
	}
	if b.cfg.Bench == WorkersEmail {
		e, err := b.email(ctx, db, url, run.Role, n, pg, label)
		if err != nil {
			return run, err
		}
		run.Email = &e
	}
	run.Load1 = load1()
	return run, nil
}

// email restarts the processes with a mail server and measures the send phase.
func (b *workersBench) email(ctx context.Context, db *store.DB, url, role string, n int, pg *pgCPU, label string) (WorkersEmailFigures, error) {
	ids, err := holdOutbox(ctx, db) // before the processes start: their sweep must leave the mail to the send jobs
	if err != nil {
		return WorkersEmailFigures{}, err
	}
	sink, err := startIDSink()
	if err != nil {
		return WorkersEmailFigures{}, err
	}
	defer sink.close()
	procs, err := b.start(ctx, url, role, n, sink.url(), label+" email")
	if err != nil {
		return WorkersEmailFigures{}, err
	}
	defer stopAllProcs(procs)
	e, err := b.emailPhase(ctx, db, procs, pg, sink, ids, label)
	if err != nil {
		return e, err
	}
	// Every delivery is recorded as sent right after the server took it.
	sent := func() (int, error) {
		var n int
		err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM messages WHERE status = 'sent'`).Scan(&n)
		return n, err
	}
	if err := b.waitFor(ctx, db.SQL(), procs, label+": messages marked sent", e.Messages, sent); err != nil {
		return e, err
	}
	if err := stopAllProcs(procs); err != nil {
		return e, fmt.Errorf("%s: stop after the email phase: %w", label, err)
	}
	return e, nil
}

// start starts n serve processes of role on url (with a mail server when smtpURL is set) and
// waits until they are ready and their start-up jobs are done.
func (b *workersBench) start(ctx context.Context, url, role string, n int, smtpURL, label string) ([]*serveProc, error) {
	t0 := time.Now()
	var procs []*serveProc
	for i := range n {
		argv := append(slices.Clone(b.cfg.Command), "serve", "--role", role, "--addr", "127.0.0.1:0", "--db", url,
			"--log-level", "info", "--digest-workers", fmt.Sprint(b.cfg.DigestWorkers), "--digest-shard-size", fmt.Sprint(b.cfg.ShardSize))
		if smtpURL != "" {
			argv = append(argv, "--smtp-url", smtpURL, "--mail-from", "tagdrop bench <sales@bench.tagdrop.test>",
				"--mail-connections", fmt.Sprint(b.cfg.MailConnections))
		}
		name := fmt.Sprintf("%s-x%d-%s-%s-%d", labelDB(label), n, labelPhase(label), role, i+1)
		p, err := startServe(ctx, name, argv, b.cfg.Env, b.dir, 5*time.Minute)
		if err != nil {
			stopAllProcs(procs)
			return nil, err
		}
		procs = append(procs, p)
	}
	db, err := store.Open(ctx, url)
	if err != nil {
		stopAllProcs(procs)
		return nil, err
	}
	defer db.Close()
	if err := waitQueueQuiet(ctx, db.SQL(), procs, 5*time.Minute); err != nil {
		stopAllProcs(procs)
		return nil, err
	}
	b.logf("%s: %d %s process(es) ready and idle in %s", label, n, role, time.Since(t0).Round(time.Millisecond))
	return procs, nil
}

// labelDB is the database word of a run's label ("postgres ×2 match" → "postgres").
func labelDB(label string) string {
	db, _, _ := strings.Cut(label, " ")
	return db
}

// labelPhase is the phase word of a run's label ("postgres ×2 match" → "match").
func labelPhase(label string) string { return label[strings.LastIndexByte(label, ' ')+1:] }

// waitQueueQuiet waits until a leader is elected (it enqueues the periodic jobs, each run once
// on start) and then no job but the 5-second rounds is waiting or running for a second: the
// processes' start-up jobs are done before anything is timed.
func waitQueueQuiet(ctx context.Context, db *sql.DB, procs []*serveProc, limit time.Duration) error {
	quiet := 0
	for deadline := time.Now().Add(limit); quiet < 4; time.Sleep(250 * time.Millisecond) {
		var leaders, busy int
		if err := db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM river_leader), (SELECT COUNT(*) FROM river_job
			WHERE state IN ('available', 'running') AND kind NOT IN ('mail_sweep', 'push_round', 'webhook_round'))`).Scan(&leaders, &busy); err != nil {
			return fmt.Errorf("read the job queue: %w", err)
		}
		if leaders > 0 && busy == 0 {
			quiet++
		} else {
			quiet = 0
		}
		for _, p := range procs {
			if err := p.exited(); err != nil {
				return err
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the job queue still has %d start-up jobs waiting or running after %s", busy, limit)
		}
	}
	return nil
}
