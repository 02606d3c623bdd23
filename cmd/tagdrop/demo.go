package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// loadDemo fills an empty database with the bundled demo data (or reuses what an earlier
// --demo start loaded) and prints the demo logins.
func loadDemo(ctx context.Context, env *environment, db *store.DB, logger *slog.Logger, baseURL string) error {
	// The demo imports 180 feed snapshots; their per-feed info lines would bury the logins.
	quiet := slog.New(minLevel{Handler: logger.Handler(), min: slog.LevelWarn})
	creds, err := demo.Load(ctx, db, ingest.New(db, quiet), logger, env.stdout, demo.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "demo shopper: %s / %s\n", creds.ShopperEmail, creds.ShopperPassword)
	fmt.Fprintf(env.stdout, "demo editor:  %s / %s\n", creds.EditorEmail, creds.EditorPassword)
	fmt.Fprintf(env.stdout, "demo: sign in at %s/signin; with no mail server set, e-mail goes to %s/outbox\n", baseURL, baseURL)
	return nil
}

// minLevel drops records below min, whatever the wrapped handler would accept.
type minLevel struct {
	slog.Handler
	min slog.Level
}

// Enabled reports whether a record of this level is kept.
func (h minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

// WithAttrs keeps the level floor on derived handlers.
func (h minLevel) WithAttrs(a []slog.Attr) slog.Handler {
	return minLevel{Handler: h.Handler.WithAttrs(a), min: h.min}
}

// WithGroup keeps the level floor on derived handlers.
func (h minLevel) WithGroup(name string) slog.Handler {
	return minLevel{Handler: h.Handler.WithGroup(name), min: h.min}
}
