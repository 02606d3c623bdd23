package alerts

import (
	"context"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
)

// A sharded run (issue 8): a planner lists the shoppers who have a digest or a love-alert mail
// due (DueShoppers), cuts them into shards of contiguous user ids, and each shard is a run
// narrowed to its range (RunOptions.FromUserID, ThroughUserID) that decides again, at its own
// time, who is due. Deciding twice is cheap (schedules and done slots, no matching) and keeps
// the shard right when it runs late or twice: a digest is unique per shopper and slot.

// within keeps the recipients (listed by id, ascending) inside the run's id range.
func (o RunOptions) within(rs []Recipient) []Recipient {
	if o.ThroughUserID == 0 {
		return rs
	}
	for i, r := range rs {
		if r.UserID > o.ThroughUserID {
			return rs[:i]
		}
	}
	return rs
}

// DueShoppers calls emit with the id of every shopper who has a digest or a love-alert mail due
// at at and not made yet, once each, in increasing order; it stops at emit's first error. It
// reads schedules and done slots only (a few statements per Batch shoppers), no matching. A
// shopper whose time zone cannot be loaded is left out (a run logs it).
func (r *DigestRun) DueShoppers(ctx context.Context, at time.Time, emit func(userID int64) error) error {
	size := r.Batch
	if size <= 0 {
		size = DefaultBatch
	}
	digests := &duePager{size: size, page: func(ctx context.Context, after int64) ([]Recipient, error) {
		return r.Store.DigestRecipients(ctx, after, size)
	}, due: func(ctx context.Context, rs []Recipient) ([]int64, error) { return r.dueDigests(ctx, rs, at) }}
	from, to := at.Add(-LoveWindow), at.Add(-LovePushGrace)
	loves := &duePager{size: size, page: func(ctx context.Context, after int64) ([]Recipient, error) {
		return r.Store.LoveMailRecipients(ctx, after, size, from, to)
	}, due: func(ctx context.Context, rs []Recipient) ([]int64, error) { return r.dueLoveMails(ctx, rs, at) }}
	for {
		a, aok, err := digests.peek(ctx)
		if err != nil {
			return err
		}
		b, bok, err := loves.peek(ctx)
		if err != nil {
			return err
		}
		var next int64
		switch {
		case !aok && !bok:
			return nil
		case aok && (!bok || a <= b):
			next = a
		default:
			next = b
		}
		digests.pop(next)
		loves.pop(next)
		if err := emit(next); err != nil {
			return err
		}
	}
}

// dueDigests are the shoppers of rs whose current digest slot has started and is not done.
func (r *DigestRun) dueDigests(ctx context.Context, rs []Recipient, at time.Time) ([]int64, error) {
	var slots []SlotRef
	for _, s := range rs {
		loc, err := r.zones.Load(s.TimeZone)
		if err != nil {
			continue
		}
		if slot, ok := CurrentSlot(s.Frequency, s.DigestHour, loc, at); ok {
			slots = append(slots, SlotRef{UserID: s.UserID, Key: slot.Key})
		}
	}
	if len(slots) == 0 {
		return nil, nil
	}
	done, err := r.Store.DigestsDone(ctx, slots)
	if err != nil {
		return nil, err
	}
	var due []int64
	for _, s := range slots {
		if !done[s] {
			due = append(due, s.UserID)
		}
	}
	return due, nil
}

// dueLoveMails are the shoppers of rs (who have love alerts waiting) with neither the day's
// digest nor the day's love-alert mail made (loveBatch's rule).
func (r *DigestRun) dueLoveMails(ctx context.Context, rs []Recipient, at time.Time) ([]int64, error) {
	var slots []SlotRef
	for _, s := range rs {
		loc, err := r.zones.Load(s.TimeZone)
		if err != nil {
			continue
		}
		if slot, ok := CurrentSlot(account.Daily, s.DigestHour, loc, at); ok {
			slots = append(slots, SlotRef{UserID: s.UserID, Key: slot.Key}, SlotRef{UserID: s.UserID, Key: LoveSlotPrefix + slot.Key})
		}
	}
	if len(slots) == 0 {
		return nil, nil
	}
	done, err := r.Store.DigestsDone(ctx, slots)
	if err != nil {
		return nil, err
	}
	var due []int64
	for i := 0; i < len(slots); i += 2 {
		if !done[slots[i]] && !done[slots[i+1]] {
			due = append(due, slots[i].UserID)
		}
	}
	return due, nil
}

// duePager walks one keyset listing of shoppers page by page and yields the due ones in order.
type duePager struct {
	size  int
	page  func(ctx context.Context, after int64) ([]Recipient, error)
	due   func(ctx context.Context, rs []Recipient) ([]int64, error)
	buf   []int64
	after int64
	done  bool
}

// peek returns the next due id without taking it; ok is false when the listing is exhausted.
func (p *duePager) peek(ctx context.Context) (id int64, ok bool, err error) {
	for len(p.buf) == 0 && !p.done {
		if err := ctx.Err(); err != nil {
			return 0, false, err
		}
		rs, err := p.page(ctx, p.after)
		if err != nil {
			return 0, false, err
		}
		p.done = len(rs) < p.size
		if len(rs) == 0 {
			break
		}
		p.after = rs[len(rs)-1].UserID
		if p.buf, err = p.due(ctx, rs); err != nil {
			return 0, false, err
		}
	}
	if len(p.buf) == 0 {
		return 0, false, nil
	}
	return p.buf[0], true, nil
}

// pop takes the next id if it is id.
func (p *duePager) pop(id int64) {
	if len(p.buf) > 0 && p.buf[0] == id {
		p.buf = p.buf[1:]
	}
}
