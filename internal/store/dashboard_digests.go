package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/tagdrop/tagdrop/internal/clicks"
)

// DigestClickWindow is how long after it was sent a digest's click-outs count for it.
const DigestClickWindow = 7 * 24 * time.Hour

// DigestDay is one UTC day of digests.
type DigestDay struct {
	Day time.Time
	// Written counts digests with a message made that day (queued in the outbox).
	Written int64
	// Sent counts digest messages the mail server accepted that day.
	Sent int64
	// Clicked counts the digests sent that day that led to at least one click-out: a click of
	// source digest by the digest's shopper, on one of its items, within DigestClickWindow of
	// sending.
	Clicked int64
}

// ClickThrough is Clicked over Sent, 0 to 1 (0 when nothing was sent).
func (d DigestDay) ClickThrough() float64 {
	if d.Sent == 0 {
		return 0
	}
	return float64(d.Clicked) / float64(d.Sent)
}

// DigestsPerDay counts the digests written and sent on each UTC day of [from, to) that has
// any, oldest first, with the sent ones that were clicked. Two statements: digests by creation
// (digests_created) and digest messages by send time (messages_kind_sent), each sent digest
// checked for a click through the shopper's clicks (clickouts_user_at).
func (db *DB) DigestsPerDay(ctx context.Context, from, to time.Time) ([]DigestDay, error) {
	days := map[int64]*DigestDay{}
	day := func(d int64) *DigestDay {
		if days[d] == nil {
			days[d] = &DigestDay{Day: fromMS(d * dayMS)}
		}
		return days[d]
	}
	err := eachRow(ctx, db.sql, `SELECT created_at / `+dayMSText+` AS day, COUNT(*) FROM digests
		WHERE created_at >= $1 AND created_at < $2 AND message_id IS NOT NULL GROUP BY created_at / `+dayMSText,
		[]any{unixMS(from), unixMS(to)}, func(rows *sql.Rows) error {
			var d, n int64
			if err := rows.Scan(&d, &n); err != nil {
				return err
			}
			day(d).Written = n
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("digests written per day: %w", err)
	}
	err = eachRow(ctx, db.sql, `SELECT m.sent_at / `+dayMSText+` AS day, COUNT(*),
		COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM clickouts c JOIN digest_items di ON di.digest_id = d.id AND di.offer_id = c.offer_id
			WHERE c.user_id = d.user_id AND c.source = $3 AND c.at >= m.sent_at AND c.at < m.sent_at + $4) THEN 1 ELSE 0 END), 0)
		FROM messages m JOIN digests d ON d.message_id = m.id
		WHERE m.kind = $5 AND m.sent_at >= $1 AND m.sent_at < $2 AND m.status = 'sent'
		GROUP BY m.sent_at / `+dayMSText,
		[]any{unixMS(from), unixMS(to), string(clicks.SourceDigest), DigestClickWindow.Milliseconds(), "digest"}, func(rows *sql.Rows) error {
			var d, n, clicked int64
			if err := rows.Scan(&d, &n, &clicked); err != nil {
				return err
			}
			day(d).Sent, day(d).Clicked = n, clicked
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("digests sent per day: %w", err)
	}
	out := make([]DigestDay, 0, len(days))
	for _, d := range days {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out, nil
}
