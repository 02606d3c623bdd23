package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// causeError says why a request's context ended.
func causeError(ctx context.Context, url string, idle, timeout time.Duration) error {
	switch cause := context.Cause(ctx); {
	case errors.Is(cause, ErrIdle):
		return fmt.Errorf("fetch %s: the server sent nothing for %s: %w", url, idle, ErrIdle)
	case errors.Is(cause, ErrTimeout):
		return fmt.Errorf("fetch %s: not done after %s: %w", url, timeout, ErrTimeout)
	default:
		return fmt.Errorf("fetch %s: %w", url, cause)
	}
}

// body is a Response's Body: the limited, decoded stream plus everything to release on Close.
type body struct {
	r       io.Reader
	raw     io.Closer
	closers []io.Closer
	ctx     context.Context
	end     func()
	url     string
	idle    time.Duration
	timeout time.Duration
	closed  bool
}

func (b *body) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		err = b.explain(err)
	}
	return n, err
}

func (b *body) explain(err error) error {
	switch {
	case errors.Is(err, ErrTooLarge), errors.Is(err, ErrEncoding):
		return err
	case b.ctx.Err() != nil:
		return causeError(b.ctx, b.url, b.idle, b.timeout)
	case isDecompressError(err):
		return fmt.Errorf("fetch %s: compressed body: %v: %w", b.url, err, ErrEncoding)
	}
	return fmt.Errorf("fetch %s: reading body: %w", b.url, err)
}

// Close ends the request, frees its connection and its per-host slot.
func (b *body) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	for _, c := range b.closers {
		c.Close()
	}
	err := b.raw.Close()
	b.end()
	return err
}
