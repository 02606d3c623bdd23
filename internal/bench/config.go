package bench

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// The kinds of database Config.DBKind names.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Config says what to measure and how to run the measured phases.
type Config struct {
	// Size is the number of items in the feed (at least 1).
	Size int
	// Seed picks the generated feed; the same Size and Seed give the same feed, which Dir caches.
	Seed uint64
	// DBKind is SQLite (the default) or Postgres.
	DBKind string
	// PostgresURL is the server to measure on when DBKind is Postgres. The benchmark connects
	// to it only to create databases of its own (named tagdrop_bench_…) and to drop them
	// afterwards; it never writes to the database the URL names.
	PostgresURL string
	// Dir holds the generated feed (reused by later runs of the same size and seed), the SQLite
	// files and psql-copy's CSV, which are left there for inspection. Empty means a temporary folder that is
	// removed afterwards.
	Dir string
	// Command is the command line that runs RunPhase in a child process: the phase's own
	// arguments are appended to it (for the tagdrop binary: itself plus "bench", "ingest-phase").
	Command []string
	// Env is added to the children's environment.
	Env []string
	// Progress receives progress lines, the children's included; nil discards them.
	Progress io.Writer
	// PSQL is the psql program the psql-copy peer runs (default "psql", found on PATH).
	PSQL string
}

// maxSize bounds Config.Size: a feed of 50M items is about 50 GB of XML.
const maxSize = 50_000_000

func (c Config) validate() (Config, error) {
	if c.Size < 1 || c.Size > maxSize {
		return c, fmt.Errorf("bench: size %d is not between 1 and %d", c.Size, maxSize)
	}
	if len(c.Command) == 0 || c.Command[0] == "" {
		return c, errors.New("bench: no command to run the phases with")
	}
	switch c.DBKind {
	case "", SQLite:
		c.DBKind = SQLite
	case Postgres:
		if !strings.HasPrefix(c.PostgresURL, "postgres://") && !strings.HasPrefix(c.PostgresURL, "postgresql://") {
			return c, fmt.Errorf("bench: PostgreSQL URL %q does not start with postgres://", redact(c.PostgresURL))
		}
	default:
		return c, fmt.Errorf("bench: database kind %q is not %s or %s", c.DBKind, SQLite, Postgres)
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	if c.PSQL == "" {
		c.PSQL = "psql"
	}
	return c, nil
}
