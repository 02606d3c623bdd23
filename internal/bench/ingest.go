package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Peer names of the ingest benchmark.
const (
	PeerBaseline = "baseline"  // encoding/xml DecodeElement + one INSERT … ON CONFLICT per item
	PeerCopy     = "psql-copy" // psql's \copy of the same rows (PostgreSQL only)
)

// Ingest measures importing a generated Google Merchant Center feed of cfg.Size items: tagdrop's
// first import into an empty database, the same feed again one day later (unchanged), and the
// peers doing the first import's work: `baseline` always, `psql-copy` on PostgreSQL. Each phase
// runs in a child process (see Config.Command) on a database of its own. Ingest checks the work
// was done (every item read and stored, no price row written by the re-import) before it
// reports, and fails otherwise.
func Ingest(ctx context.Context, cfg Config) (rep IngestReport, err error) {
	rep = IngestReport{Bench: "ingest", Size: cfg.Size, Peers: map[string]PeerFigures{}}
	cfg, err = cfg.validate()
	if err != nil {
		return rep, err
	}
	rep.DB = cfg.DBKind
	dir := cfg.Dir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "tagdrop-bench-"); err != nil {
			return rep, err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, err
	}
	feedPath, err := cfg.feedFile(dir)
	if err != nil {
		return rep, err
	}
	// The first import is dated a day before the re-import, as nightly feeds are.
	day := time.Now().UTC().Truncate(time.Second).Add(-24 * time.Hour)
	first := phaseArgs{feed: feedPath, observed: day, size: cfg.Size}
	again := first
	again.observed = day.Add(24 * time.Hour)
	var dbs databases
	if cfg.DBKind == Postgres {
		var srv *server
		if srv, err = openServer(ctx, cfg.PostgresURL); err != nil {
			return rep, err
		}
		defer func() {
			if cerr := srv.close(ctx); cerr != nil && err == nil {
				err = cerr
			}
		}()
		dbs = srv
	} else {
		dbs = sqliteFiles(dir)
	}
	return rep, cfg.measure(ctx, &rep, dbs, first, again, dir)
}

// databases hands out a fresh, empty database per role.
type databases interface {
	create(ctx context.Context, role string) (string, error)
}

// sqliteFiles makes fresh SQLite files in a folder, removing what an earlier run left there.
type sqliteFiles string

func (d sqliteFiles) create(_ context.Context, role string) (string, error) {
	path := filepath.Join(string(d), role+".db")
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	return "sqlite:" + path, nil
}

// measure runs the phases one after the other and fills rep.
func (c Config) measure(ctx context.Context, rep *IngestReport, dbs databases, first, again phaseArgs, dir string) error {
	tdb, err := dbs.create(ctx, "tagdrop")
	if err != nil {
		return err
	}
	first.db, again.db = tdb, tdb
	fmt.Fprintf(c.Progress, "tagdrop: first import of %d items into %s\n", c.Size, c.DBKind)
	m1, err := c.phase(ctx, phaseTagdrop, first)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Progress, "tagdrop: %.2f s; re-import of the same feed\n", m1.result.Seconds)
	m2, err := c.phase(ctx, phaseTagdrop, again)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Progress, "tagdrop: re-import %.2f s\n", m2.result.Seconds)
	rep.Counts = Counts{FirstRead: m1.result.Read, FirstNew: m1.result.New, FirstPriceRows: m1.result.PriceRows,
		ReimportUnchanged: m2.result.Unchanged, ReimportPriceRows: m2.result.PriceRows}
	t := m1.result.Seconds
	rep.Tagdrop = TagdropIngest{Seconds: t, ItemsPerS: perSecond(c.Size, t), PeakRSSMB: m1.rssMB,
		ReimportSeconds: m2.result.Seconds, ReimportItemsPerS: perSecond(c.Size, m2.result.Seconds),
		ReimportPeakRSSMB: m2.rssMB, ReimportSpeedup: ratio(t, m2.result.Seconds)}

	bdb, err := dbs.create(ctx, "baseline")
	if err != nil {
		return err
	}
	base := first
	base.db = bdb
	fmt.Fprintf(c.Progress, "baseline: import of %d items into %s\n", c.Size, c.DBKind)
	mb, err := c.phase(ctx, phaseBaseline, base)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Progress, "baseline: %.2f s\n", mb.result.Seconds)
	rep.Counts.BaselineRows = mb.result.Rows
	rep.Peers[PeerBaseline] = PeerFigures{Seconds: mb.result.Seconds, ItemsPerS: perSecond(c.Size, mb.result.Seconds),
		PeakRSSMB: mb.rssMB, Ratio: ratio(mb.result.Seconds, t)}

	if c.DBKind == Postgres {
		if err := c.measureCopy(ctx, rep, dbs, first, dir); err != nil {
			return err
		}
	}
	return rep.Counts.check(c.Size, c.DBKind)
}

// phase runs one RunPhase phase in a child process.
func (c Config) phase(ctx context.Context, name string, a phaseArgs) (measured, error) {
	argv := append(append(append([]string(nil), c.Command...), name), a.args()...)
	return c.run(ctx, argv, true)
}

// check refuses a report whose phases did not do the work it stands for.
func (n Counts) check(size int, kind string) error {
	switch {
	case n.FirstRead != size || n.FirstNew != size:
		return fmt.Errorf("bench: tagdrop's first import read %d and added %d of %d items", n.FirstRead, n.FirstNew, size)
	case n.FirstPriceRows != size:
		return fmt.Errorf("bench: tagdrop's first import wrote %d price rows for %d new items", n.FirstPriceRows, size)
	case n.ReimportUnchanged != size || n.ReimportPriceRows != 0:
		return fmt.Errorf("bench: the unchanged re-import found %d of %d items unchanged and wrote %d price rows",
			n.ReimportUnchanged, size, n.ReimportPriceRows)
	case n.BaselineRows != size:
		return fmt.Errorf("bench: the baseline stored %d of %d items", n.BaselineRows, size)
	case kind == Postgres && n.CopyRows != size:
		return fmt.Errorf("bench: psql copied %d of %d items", n.CopyRows, size)
	}
	return nil
}
