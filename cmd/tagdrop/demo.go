package main

import (
	"context"
	"log/slog"

	"github.com/tagdrop/tagdrop/internal/store"
)

// loadDemo fills an empty database with the bundled demo data.
func loadDemo(ctx context.Context, env *environment, db *store.DB, logger *slog.Logger) error {
	return errNotYet("--demo")
}

func runImport(_ context.Context, _ *environment, _ []string) error { return errNotYet("import") }
func runGen(_ context.Context, _ *environment, _ []string) error    { return errNotYet("gen") }
