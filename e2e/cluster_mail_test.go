package e2e_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// fault is a moment of the cluster test's digest run at which mail may be delivered and not
// recorded: a message is in flight at a fault when the mail server had it by then (its first
// copy is among the first delivered) and the outbox did not say "sent" (recorded lacks it).
// Only such a message may be delivered twice.
type fault struct {
	name      string
	delivered int
	recorded  map[string]bool // Message-IDs the outbox had as sent
	// maxInFlight bounds how many messages the fault may leave delivered twice (0: no bound).
	maxInFlight int
}

// faultAt records the fault's moment: what the mail server has and what the outbox says is
// sent. For a kill it is taken after the process is gone; for an outage, before the database
// stops (the caller moves delivered to when every node is back). maxInFlight is the fault's
// bound (0: none).
func faultAt(ctx context.Context, t *testing.T, db *store.DB, sink *mailSink, name string, maxInFlight int) fault {
	t.Helper()
	f := fault{name: name, delivered: sink.count(), recorded: map[string]bool{}, maxInFlight: maxInFlight}
	rows, err := db.SQL().QueryContext(ctx, `SELECT message_id FROM messages WHERE status = 'sent'`)
	if err != nil {
		t.Fatalf("%s: read the outbox: %v", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		f.recorded[id] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d digests delivered, %d recorded as sent", name, f.delivered, len(f.recorded))
	return f
}

// outboxState counts the digests and the queued mail.
func outboxState(ctx context.Context, db *store.DB) (digests, queued int, err error) {
	err = db.SQL().QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM digests),
		(SELECT COUNT(*) FROM messages WHERE status = 'queued')`).Scan(&digests, &queued)
	return digests, queued, err
}

// waitOutboxEmpty waits until every shopper has a digest and no mail is queued; limit bounds a
// hang (not a timing assertion). Errors right after a database restart are retried.
func waitOutboxEmpty(t *testing.T, ctx context.Context, db *store.DB, shoppers int, limit time.Duration) {
	t.Helper()
	start := time.Now()
	var digests, queued int
	var err error
	for time.Since(start) < limit {
		if digests, queued, err = outboxState(ctx, db); err == nil && digests >= shoppers && queued == 0 {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("the run did not complete within %s: %d of %d digests stored, %d messages queued (last error %v)\n%s",
		limit, digests, shoppers, queued, err, queueDiagnosis(ctx, db))
}

// queueDiagnosis describes why mail may be stuck: the job queue's jobs by kind and state, and a
// few queued messages with their attempts, lease and last error.
func queueDiagnosis(ctx context.Context, db *store.DB) string {
	var b strings.Builder
	dump := func(title, query string) {
		fmt.Fprintf(&b, "%s:\n", title)
		rows, err := db.SQL().QueryContext(ctx, query)
		if err != nil {
			fmt.Fprintf(&b, "  (%v)\n", err)
			return
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				fmt.Fprintf(&b, "  (%v)\n", err)
				return
			}
			b.WriteString(" ")
			for i, c := range cols {
				fmt.Fprintf(&b, " %s=%v", c, vals[i])
			}
			b.WriteString("\n")
		}
	}
	dump("jobs by kind and state", `SELECT kind, state, COUNT(*) AS n, MAX(attempt) AS max_attempt FROM river_job GROUP BY kind, state ORDER BY kind, state`)
	dump("queued messages (first 5)", `SELECT id, to_addr, attempts, lease_until - (EXTRACT(EPOCH FROM now()) * 1000)::bigint AS lease_left_ms,
		next_attempt_at - (EXTRACT(EPOCH FROM now()) * 1000)::bigint AS due_in_ms, last_error
		FROM messages WHERE status = 'queued' ORDER BY id LIMIT 5`)
	return b.String()
}

// outboxDigest is one stored digest with its outbox message.
type outboxDigest struct {
	userID    int64
	period    string
	status    string
	messageID string // "" without a message
	to        string
	mailState string
}

// checkDeliveries compares what the mail server received with the database: every shopper has
// one digest with a message, every message is sent and was delivered, to its address, with its
// Message-ID; nothing else was delivered; and a message delivered more than once was in flight
// at one of the faults, each fault leaving at most its bound of such messages.
func checkDeliveries(t *testing.T, ctx context.Context, db *store.DB, got []delivery, faults []fault) {
	t.Helper()
	rows, err := db.SQL().QueryContext(ctx, `SELECT d.user_id, d.period_key, d.status, COALESCE(m.message_id, ''),
			COALESCE(m.to_addr, ''), COALESCE(m.status, '')
		FROM digests d LEFT JOIN messages m ON m.id = d.message_id ORDER BY d.user_id, d.period_key`)
	if err != nil {
		t.Fatal(err)
	}
	var digests []outboxDigest
	for rows.Next() {
		var d outboxDigest
		if err := rows.Scan(&d.userID, &d.period, &d.status, &d.messageID, &d.to, &d.mailState); err != nil {
			t.Fatal(err)
		}
		digests = append(digests, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}

	byID := map[string][]delivery{}
	for _, d := range got {
		byID[d.messageID] = append(byID[d.messageID], d)
	}
	perUser := map[int64]int{}
	outbox := map[string]outboxDigest{}
	var problems []string
	note := func(format string, args ...any) {
		if len(problems) < 20 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	for _, d := range digests {
		perUser[d.userID]++
		switch {
		case d.messageID == "":
			note("user %d, slot %s: digest %q without a message (every shopper's brand has sale items)", d.userID, d.period, d.status)
			continue
		case d.mailState != "sent":
			note("user %d: message %s is %q in the outbox, want sent", d.userID, d.messageID, d.mailState)
		case len(byID[d.messageID]) == 0:
			note("user %d: message %s is marked sent but the mail server never received it", d.userID, d.messageID)
		}
		outbox[d.messageID] = d
	}
	if len(perUser) != clusterShoppers {
		note("%d shoppers have a digest, want all %d", len(perUser), clusterShoppers)
	}
	for user, n := range perUser {
		if n != 1 {
			note("user %d has %d digests (the slot is made once)", user, n)
		}
	}

	dupsPerFault := make([]int, len(faults))
	var dups []string
	for id, copies := range byID {
		d, ok := outbox[id]
		if !ok {
			note("the mail server received Message-ID %q (to %s), which no digest in the outbox has", id, copies[0].to)
			continue
		}
		for _, c := range copies {
			if c.to != d.to {
				note("message %s went to %s, its outbox row says %s", id, c.to, d.to)
			}
		}
		if len(copies) == 1 {
			continue
		}
		dups = append(dups, id)
		first := copies[0].seq // copies are in delivery order
		which := -1
		for i, f := range faults {
			if first < f.delivered && !f.recorded[id] {
				which = i
				break
			}
		}
		if which < 0 {
			note("message %s (to %s) delivered %d times, first as number %d: not in flight at any fault", id, d.to, len(copies), first)
			continue
		}
		dupsPerFault[which]++
	}
	for i, f := range faults {
		t.Logf("%s: %d digests delivered twice (in flight at the fault, same Message-ID)", f.name, dupsPerFault[i])
		if f.maxInFlight > 0 && dupsPerFault[i] > f.maxInFlight {
			note("%s left %d digests delivered twice; at most %d can be in flight (one per SMTP connection of each worker it hit)",
				f.name, dupsPerFault[i], f.maxInFlight)
		}
	}
	sort.Strings(dups)
	t.Logf("%d deliveries of %d digests; %d delivered twice: %v", len(got), len(outbox), len(dups), dups[:min(len(dups), 12)])
	if len(problems) > 0 {
		t.Errorf("deliveries do not match the outbox:\n  %s", strings.Join(problems, "\n  "))
	}
}
