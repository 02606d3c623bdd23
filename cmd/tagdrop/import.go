package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

const importSynopsis = "import [--db URL] [--retailer NAME] [--format auto|gmc-xml] [--full] [--json] SOURCE..."

// importConfig is everything `tagdrop import` is told.
type importConfig struct {
	DB       string
	Retailer string
	Format   string
	Full     bool
	JSON     bool
	Sources  []string
}

func runImport(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "import", importSynopsis,
		"Imports product feeds (Google Merchant Center XML, RSS or Atom, gzip or not) into the catalogue.\n"+
			"SOURCE is a file; fetching URLs is not available yet. Prints one summary per source, or with\n"+
			"--json one object per source. Exits 1 if any source could not be imported; rejected rows alone\n"+
			"do not fail an import.")
	var c importConfig
	fs.StringVar(&c.DB, "db", defaultDB, "database: sqlite:PATH or postgres://USER@HOST:PORT/DB")
	fs.StringVar(&c.Retailer, "retailer", "", "retailer name (default: each file's name without extensions)")
	fs.StringVar(&c.Format, "format", "auto", "feed format: auto or gmc-xml")
	fs.BoolVar(&c.Full, "full", false, "each feed is the retailer's complete catalogue: mark offers missing from it as gone")
	fs.BoolVar(&c.JSON, "json", false, "print one JSON object per source")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	// Flags may follow the sources (tagdrop import feed.xml --json).
	for rest := fs.Args(); len(rest) > 0; rest = fs.Args() {
		c.Sources = append(c.Sources, rest[0])
		if err := fs.Parse(rest[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return errHelp
			}
			return fmt.Errorf("%w: %v (see tagdrop import --help)", errUsage, err)
		}
	}
	if err := c.validate(); err != nil {
		return err
	}
	db, err := store.Open(ctx, c.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	// The summary lines are the command's output (failures included); logs only add errors
	// that the summary cannot show, such as a feed run that could not be recorded.
	logger := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	im := ingest.New(db, logger)

	failed := 0
	for _, src := range c.Sources {
		rep, err := importSource(ctx, im, src, c)
		if err != nil {
			failed++
			rep.Errors = append(rep.Errors, ingest.RowError{Reason: err.Error()})
		}
		if c.JSON {
			if err := json.NewEncoder(env.stdout).Encode(rep); err != nil {
				return err
			}
		} else {
			printReport(env, rep, err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d sources could not be imported", failed, len(c.Sources))
	}
	return nil
}

func (c importConfig) validate() error {
	if len(c.Sources) == 0 {
		return fmt.Errorf("%w: import needs at least one SOURCE (a feed file)", errUsage)
	}
	switch c.Format {
	case "auto", "gmc-xml":
	default:
		return fmt.Errorf("%w: --format %q is not auto or gmc-xml (other formats come later)", errUsage, c.Format)
	}
	if c.Retailer != "" && strings.TrimSpace(c.Retailer) == "" {
		return fmt.Errorf("%w: --retailer is blank", errUsage)
	}
	_, err := store.ParseLocation(c.DB)
	return err
}

func importSource(ctx context.Context, im *ingest.Importer, src string, c importConfig) (ingest.Report, error) {
	empty := ingest.Report{Source: src, Format: c.Format, Errors: []ingest.RowError{}}
	if lower := strings.ToLower(src); strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return empty, errors.New("fetching URLs is not available yet: download the feed and import the file")
	}
	retailer := c.Retailer
	if retailer == "" {
		retailer = retailerFromPath(src)
	}
	return im.ImportFile(ctx, src, ingest.Options{Retailer: retailer, Format: c.Format, Full: c.Full})
}

// retailerFromPath names a retailer after its feed file: "feeds/maison-ligne.xml.gz" →
// "maison-ligne".
func retailerFromPath(p string) string {
	name := filepath.Base(p)
	for _, ext := range []string{".gz", ".gzip", ".xml", ".rss", ".atom", ".tsv", ".csv", ".txt"} {
		name = strings.TrimSuffix(name, ext)
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return name
}

// printReport writes a source's summary line and its first few errors.
func printReport(env *environment, rep ingest.Report, failure error) {
	if failure != nil {
		fmt.Fprintf(env.stdout, "%s: failed: %s\n", rep.Source, oneLine(failure.Error()))
		if rep.Read == 0 {
			return
		}
		fmt.Fprintf(env.stdout, "%s: before failing: ", rep.Source)
	} else {
		fmt.Fprintf(env.stdout, "%s: ", rep.Source)
	}
	fmt.Fprintf(env.stdout, "%d read, %d new, %d changed, %d unchanged, %d rejected, %d gone (%s, %d ms)\n",
		rep.Read, rep.New, rep.Changed, rep.Unchanged, rep.Rejected, rep.Gone, rep.Format, rep.DurationMS)
	const shown = 5
	rows := rep.Errors
	if failure != nil && len(rows) > 0 {
		rows = rows[:len(rows)-1] // the failure itself was printed above
	}
	for i, e := range rows {
		if i == shown {
			fmt.Fprintf(env.stdout, "  … and %d more rejected\n", rep.Rejected-shown)
			break
		}
		item := ""
		if e.Item != "" {
			item = " item " + e.Item
		}
		fmt.Fprintf(env.stdout, "  line %d%s: %s\n", e.Line, item, e.Reason)
	}
}
