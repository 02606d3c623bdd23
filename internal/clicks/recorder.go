package clicks

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Click is one recorded click-out. Ids are 0 when unknown (an offer deleted since the link was
// made, a shopper who was not signed in).
type Click struct {
	OfferID    int64
	ProductID  int64
	BrandID    int64
	RetailerID int64
	UserID     int64
	// CollectionID is the collection whose page the link was on (0 for none).
	CollectionID int64
	Source       Source
	At           time.Time
}

// Sink stores batches of clicks: the store in production (store.DB.InsertClicks).
type Sink interface {
	InsertClicks(ctx context.Context, batch []Click) error
}

// RecorderConfig tunes a Recorder; zero fields take the defaults.
type RecorderConfig struct {
	// Buffer is how many clicks may wait for the writer (default 16384).
	Buffer int
	// Batch is the most clicks one INSERT writes (default 500); a full batch is written at once.
	Batch int
	// Every is the longest a click waits before its batch is written (default 100ms).
	Every time.Duration
	// Wait is how long Record blocks on a full buffer before it drops the click (default 1s).
	Wait time.Duration
}

func (c RecorderConfig) withDefaults() RecorderConfig {
	if c.Buffer <= 0 {
		c.Buffer = 16384
	}
	if c.Batch <= 0 {
		c.Batch = 500
	}
	if c.Every <= 0 {
		c.Every = 100 * time.Millisecond
	}
	if c.Wait <= 0 {
		c.Wait = time.Second
	}
	return c
}

// ErrDropped means Record could not queue a click: the recorder is closed, or its buffer
// stayed full for RecorderConfig.Wait.
var ErrDropped = errors.New("click not recorded")

// Recorder records clicks without making the redirect wait on the database: Record puts the
// click on a bounded queue and one writer goroutine stores them in multi-row INSERTs, every
// RecorderConfig.Every or as soon as RecorderConfig.Batch are waiting.
//
// On a full queue (the database slower than the clicks for a long while) Record blocks for up
// to RecorderConfig.Wait: a brief hold-up of the shopper's redirect is better than a lost click,
// which is money a retailer owes. Only past that is the click dropped, counted in Stats.Dropped
// and logged, because a redirect that never answers is worse for everyone. A batch the database
// refuses is retried three times, then counted in Stats.Failed.
//
// Close stops taking clicks and returns once every queued click is written.
type Recorder struct {
	sink Sink
	cfg  RecorderConfig
	log  *slog.Logger

	ch     chan Click
	mu     sync.RWMutex // Record holds it shared; Close exclusively, to close ch safely
	closed bool
	done   chan struct{}

	sent, written, dropped, failed, batches atomic.Int64
}

// Stats counts what a recorder did. Every click Record accepted ends as Written or Failed once
// Close returned.
type Stats struct {
	Sent    int64 // clicks Record accepted
	Written int64 // clicks stored
	Dropped int64 // clicks Record refused (closed, or the queue full for too long)
	Failed  int64 // clicks in batches the database refused after retries
	Batches int64 // INSERT statements that succeeded
}

// NewRecorder starts a recorder writing to sink.
func NewRecorder(sink Sink, cfg RecorderConfig, logger *slog.Logger) *Recorder {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg = cfg.withDefaults()
	r := &Recorder{sink: sink, cfg: cfg, log: logger, ch: make(chan Click, cfg.Buffer), done: make(chan struct{})}
	go r.run()
	return r
}

// Record queues a click for writing. It returns at once unless the queue is full (see Recorder).
func (r *Recorder) Record(c Click) error {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		r.dropped.Add(1)
		return ErrDropped
	}
	select {
	case r.ch <- c:
		r.sent.Add(1)
		return nil
	default:
	}
	t := time.NewTimer(r.cfg.Wait)
	defer t.Stop()
	select {
	case r.ch <- c:
		r.sent.Add(1)
		return nil
	case <-t.C:
		if r.dropped.Add(1) == 1 || r.dropped.Load()%1000 == 0 {
			r.log.Warn("click-out queue full: click dropped", "dropped_total", r.dropped.Load(), "buffer", r.cfg.Buffer)
		}
		return ErrDropped
	}
}

// Close stops taking clicks, writes every queued one and returns when done or when ctx ends
// (then with ctx's error; the writer still finishes in the background).
func (r *Recorder) Close(ctx context.Context) error {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.ch)
	}
	r.mu.Unlock()
	select {
	case <-r.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stats reports the counts so far.
func (r *Recorder) Stats() Stats {
	return Stats{Sent: r.sent.Load(), Written: r.written.Load(), Dropped: r.dropped.Load(), Failed: r.failed.Load(), Batches: r.batches.Load()}
}

func (r *Recorder) run() {
	defer close(r.done)
	tick := time.NewTicker(r.cfg.Every)
	defer tick.Stop()
	batch := make([]Click, 0, r.cfg.Batch)
	for {
		select {
		case c, ok := <-r.ch:
			if !ok {
				r.flush(batch)
				return
			}
			batch = append(batch, c)
			if len(batch) >= r.cfg.Batch {
				r.flush(batch)
				batch = batch[:0]
			}
		case <-tick.C:
			if len(batch) > 0 {
				r.flush(batch)
				batch = batch[:0]
			}
		}
	}
}

// flush writes one batch, retrying a refused one with growing pauses.
func (r *Recorder) flush(batch []Click) {
	if len(batch) == 0 {
		return
	}
	pause := 100 * time.Millisecond
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		if attempt > 0 {
			time.Sleep(pause)
			pause *= 4
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = r.sink.InsertClicks(ctx, batch)
		cancel()
		if err == nil {
			r.written.Add(int64(len(batch)))
			r.batches.Add(1)
			return
		}
	}
	r.failed.Add(int64(len(batch)))
	r.log.Error("click-outs not recorded", "clicks", len(batch), "err", err)
}
