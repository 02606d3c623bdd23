// Package search owns the live search index of one process and what turns requests into
// index queries and answers. It glues internal/index (which holds no SQL) to the store:
//
//   - Live builds the index from the store at start and then follows the change log (the
//     `changes` table ingest writes in the same transaction as the data), reloading only the
//     products each change touched. Every web node of a multi-node deployment runs its own
//     Live over the shared database and catches up within a poll interval.
//   - Parse reads the search parameters of the page, the JSON API and `tagdrop search` into an
//     index.Query, refusing bad input with a *FieldError that names the field.
//   - Respond turns an index.Result into the machine-readable answer of `GET /api/v1/search` and
//     `tagdrop search --json`, with the display data the index does not keep read from the store.
//
// # Following the change log
//
// Sequence numbers are handed out when a transaction inserts its row, but transactions commit
// in any order, so on PostgreSQL number 10 can become visible after 11. A follower that only
// remembered "everything up to 11" would never see 10. Live therefore remembers the numbers it
// saw skipped (gaps) and rechecks them on every poll until they appear or GapTimeout passes (a
// rolled-back transaction leaves a gap that never fills). At start it reads the head of the log
// before building, re-applies whatever arrives after it (applying a product twice is harmless)
// and treats holes just below the head as gaps too.
package search
