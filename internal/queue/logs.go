package queue

import (
	"context"
	"log/slog"
)

// quietHandler passes on River's own warnings and errors only: at info River reports each
// queue's job counts every 30 s and every start and stop, which would drown tagdrop's logs. The
// jobs log what they did themselves.
type quietHandler struct{ slog.Handler }

// Enabled drops River's records below warning.
func (h quietHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}

// WithAttrs keeps the floor on derived handlers.
func (h quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietHandler{h.Handler.WithAttrs(attrs)}
}

// WithGroup keeps the floor on derived handlers.
func (h quietHandler) WithGroup(name string) slog.Handler {
	return quietHandler{h.Handler.WithGroup(name)}
}
