package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

// ClaimMessagesByID leases the named messages to the caller until now+lease, counting an
// attempt for each, as ClaimMessages does for the due ones: a send job (issue 8) claims the
// messages it was enqueued with. Only messages still queued and not leased are returned, so a
// job run twice (its worker killed, the job rescued) sends only what was not marked sent, and
// never a message another sender holds. A message waiting out the backoff of a temporary
// failure (it has a last error) is left to the outbox sweep until it is due; one held for its
// send job (HoldMessages) is not waiting. The result is ordered by id.
func (db *DB) ClaimMessagesByID(ctx context.Context, ids []int64, lease time.Duration) ([]notify.Message, error) {
	now, err := db.leaseNowMS(ctx, db.sql)
	if err != nil {
		return nil, fmt.Errorf("claim %d messages by id: %w", len(ids), err)
	}
	ph := db.placeholders()
	var out []notify.Message
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := append([]any{now + lease.Milliseconds(), now, now}, int64Args(part)...)
		rows, err := db.sql.QueryContext(ctx, ph.sql(`UPDATE messages SET lease_until = $1, attempts = attempts + 1
			WHERE status = 'queued' AND lease_until <= $2 AND (next_attempt_at <= $3 OR last_error = '') AND id IN (`)+
			ph.inList(len(part), 4)+`) RETURNING `+messageColumns, args...)
		if err != nil {
			return nil, fmt.Errorf("claim %d messages by id: %w", len(part), err)
		}
		msgs, err := collectMessages(rows, "claim messages by id")
		if err != nil {
			return nil, err
		}
		out = append(out, msgs...)
	}
	slices.SortFunc(out, func(a, b notify.Message) int { return int(a.ID - b.ID) })
	return out, nil
}
