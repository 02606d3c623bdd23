// Package bench measures tagdrop side by side with a named peer doing the same work in the same
// run, and reports the peer's cost over tagdrop's as a ratio: the machine benchmarks run on is
// shared and noisy, so only figures from one run are compared.
//
// The ingest benchmark (Ingest) runs every timed phase in a child process of its own (the
// tagdrop binary re-executed with RunPhase's arguments), so each phase's peak memory is its own,
// read from the operating system's accounting of the child (getrusage's maximum resident set),
// and no phase inherits a warm heap, cache or connection pool from another. The timings are
// taken inside the child, around the work only: process start, opening the database and
// counting rows afterwards are left out, for tagdrop and peers alike.
package bench
