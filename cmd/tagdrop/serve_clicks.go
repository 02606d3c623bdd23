package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
)

// startClicks builds the click-out service: the signing secret (created on first start), the
// target cache and the batching recorder. stop flushes every queued click; call it after the
// HTTP server has shut down, so no click arrives after the flush.
func startClicks(ctx context.Context, db *store.DB, logger *slog.Logger) (svc *clicks.Service, stop func(), err error) {
	secret, err := db.ClickSecret(ctx)
	if err != nil {
		return nil, nil, err
	}
	signer, err := clicks.NewSigner(secret)
	if err != nil {
		return nil, nil, err
	}
	rec := clicks.NewRecorder(db, clicks.RecorderConfig{}, logger)
	svc, err = clicks.NewService(ctx, signer, db, rec, clicks.Config{}, logger)
	if err != nil {
		_ = rec.Close(context.Background())
		return nil, nil, err
	}
	return svc, func() {
		flushCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := rec.Close(flushCtx); err != nil {
			logger.Error("click-outs not all recorded at shutdown", "err", err)
		}
		st := rec.Stats()
		logger.Info("click-outs recorded", "sent", st.Sent, "written", st.Written, "dropped", st.Dropped, "failed", st.Failed)
	}, nil
}
