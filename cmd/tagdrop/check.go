package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/tagdrop/tagdrop/internal/store"
)

// runCheck is `tagdrop check`: the database's integrity and tagdrop's catalogue invariants, for
// operators after a crash and for the crash tests in e2e/. It exits 1 when an invariant is broken.
func runCheck(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "check", "check [--db URL] [--json]",
		"Checks the database: on SQLite the file itself (PRAGMA integrity_check, foreign_key_check), and on\n"+
			"both databases tagdrop's catalogue invariants: at most one price-history row per offer and time,\n"+
			"every offer's price equal to its newest history row, no product without an offer, key or\n"+
			"change-log entry, no orphan rows. Prints the catalogue's row counts; exits 1 if anything is broken.\n"+
			"--json prints {\"database\", \"counts\": {…}, \"problems\": [{\"check\", \"detail\", \"count\", \"examples\"}]}.")
	db := dbFlag(fs)
	jsonOut := fs.Bool("json", false, "print JSON")
	conn, err := parseAndOpen(ctx, env, fs, args, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	r, err := conn.CheckIntegrity(ctx)
	if err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(env.stdout)
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		printIntegrity(env, r)
	}
	return r.Err()
}

// printIntegrity writes a report for people: the counts on one line, then one line per problem.
func printIntegrity(env *environment, r store.IntegrityReport) {
	names := make([]string, 0, len(r.Counts))
	for k := range r.Counts {
		names = append(names, k)
	}
	sort.Strings(names)
	counts := make([]string, 0, len(names))
	for _, k := range names {
		counts = append(counts, fmt.Sprintf("%s %d", k, r.Counts[k]))
	}
	fmt.Fprintf(env.stdout, "%s: %s\n", r.Database, strings.Join(counts, ", "))
	if r.OK() {
		fmt.Fprintln(env.stdout, "integrity: ok")
		return
	}
	for _, p := range r.Problems {
		fmt.Fprintf(env.stdout, "problem %s: %d (%s), e.g. %s\n", p.Check, p.Count, p.Detail, strings.Join(p.Examples, ", "))
	}
}
