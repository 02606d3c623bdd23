package clicks

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// gateSink stores nothing until its gate opens, then counts what it is given; fails makes its
// first calls fail.
type gateSink struct {
	gate  chan struct{}
	fails atomic.Int64
	got   atomic.Int64
	calls atomic.Int64
}

func (s *gateSink) InsertClicks(ctx context.Context, batch []Click) error {
	s.calls.Add(1)
	if s.gate != nil {
		<-s.gate
	}
	if s.fails.Add(-1) >= 0 {
		return errors.New("database unavailable")
	}
	s.got.Add(int64(len(batch)))
	return nil
}

func TestRecorderDropsOnlyAfterWaiting(t *testing.T) {
	sink := &gateSink{gate: make(chan struct{})}
	// One click in the queue, one in the blocked writer: the rest find the queue full.
	r := NewRecorder(sink, RecorderConfig{Buffer: 1, Batch: 1, Wait: 20 * time.Millisecond}, nil)
	var refused int64
	const attempts = 10
	for range attempts {
		if err := r.Record(Click{Source: SourcePage}); errors.Is(err, ErrDropped) {
			refused++
		} else if err != nil {
			t.Fatal(err)
		}
	}
	close(sink.gate)
	if err := r.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := r.Stats()
	if refused == 0 || st.Dropped != refused || st.Sent != attempts-refused || st.Written != st.Sent || sink.got.Load() != st.Sent {
		t.Errorf("refused %d, stats %+v, sink got %d", refused, st, sink.got.Load())
	}
	if err := r.Record(Click{}); !errors.Is(err, ErrDropped) {
		t.Errorf("Record after Close = %v, want ErrDropped", err)
	}
}

func TestRecorderRetriesRefusedBatch(t *testing.T) {
	sink := &gateSink{}
	sink.fails.Store(2)
	r := NewRecorder(sink, RecorderConfig{Batch: 5}, nil)
	for range 5 {
		if err := r.Record(Click{Source: SourceDigest}); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := r.Stats(); st.Written != 5 || st.Failed != 0 || sink.calls.Load() != 3 {
		t.Errorf("stats %+v after %d calls, want 5 written on the third call", st, sink.calls.Load())
	}
}

func TestRecorderGivesUpAfterRetries(t *testing.T) {
	sink := &gateSink{}
	sink.fails.Store(100)
	r := NewRecorder(sink, RecorderConfig{Batch: 3}, nil)
	for range 3 {
		_ = r.Record(Click{Source: SourcePage})
	}
	if err := r.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := r.Stats(); st.Failed != 3 || st.Written != 0 || sink.calls.Load() != 4 {
		t.Errorf("stats %+v after %d calls, want 3 failed after 4 attempts", st, sink.calls.Load())
	}
}

func TestRecorderConcurrentCountsMatch(t *testing.T) {
	sink := &gateSink{}
	r := NewRecorder(sink, RecorderConfig{Buffer: 8, Batch: 7}, nil)
	const workers, each = 16, 500
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				if err := r.Record(Click{Source: SourcePush}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := r.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := r.Stats(); st.Sent != workers*each || st.Written != st.Sent || sink.got.Load() != st.Sent || st.Dropped != 0 {
		t.Errorf("stats %+v, sink got %d, want %d each", st, sink.got.Load(), workers*each)
	}
}
