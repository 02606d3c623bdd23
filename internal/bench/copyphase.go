package bench

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
)

// measureCopy runs the psql-copy peer: the feed's rows written as CSV in a child (timed apart),
// the peers' table made in a fresh database, then psql's \copy of the file, timed from psql's
// start to its exit as the parent sees them.
func (c Config) measureCopy(ctx context.Context, rep *IngestReport, dbs databases, first phaseArgs, dir string) error {
	cdb, err := dbs.create(ctx, "copy")
	if err != nil {
		return err
	}
	a := first
	a.db, a.out = cdb, filepath.Join(dir, "copy.csv")
	fmt.Fprintf(c.Progress, "psql-copy: writing %d rows as CSV\n", c.Size)
	mc, err := c.phase(ctx, phaseCSV, a)
	if err != nil {
		return err
	}
	db, _, err := openPeerDB(ctx, cdb)
	if err != nil {
		return err
	}
	defer db.Close()
	argv, err := copyCommand(c.PSQL, cdb, a.out)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Progress, "psql-copy: CSV %.2f s; \\copy of %d rows\n", mc.result.Seconds, mc.result.Rows)
	mp, err := c.run(ctx, argv, false)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Progress, "psql-copy: %.2f s\n", mp.wall)
	if rep.Counts.CopyRows, err = countRows(ctx, db); err != nil {
		return err
	}
	rep.Peers[PeerCopy] = PeerFigures{Seconds: mp.wall, ItemsPerS: perSecond(c.Size, mp.wall), PeakRSSMB: mp.rssMB,
		Ratio: ratio(mp.wall, rep.Tagdrop.Seconds), CSVSeconds: mc.result.Seconds}
	return nil
}

func countRows(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM bench_offers").Scan(&n)
	return n, err
}
