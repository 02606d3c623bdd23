package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/notify"
)

// Digests: the batch reads and the one-transaction write of a digest run (alerts.DigestRun).
// Every statement here takes a whole batch of shoppers, so a run costs a handful of statements
// per batch whatever the number of items.

// DigestRecipients lists shoppers with id > after, by id, at most limit, who may get a digest:
// preferences with a frequency other than off, at least one followed brand, and a confirmed
// address that has not bounced.
func (db *DB) DigestRecipients(ctx context.Context, after int64, limit int) ([]alerts.Recipient, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT u.id, u.email, p.frequency, p.digest_hour, p.time_zone
		FROM users u JOIN preferences p ON p.user_id = u.id
		WHERE u.id > $1 AND p.frequency <> 'off' AND u.bounced_at IS NULL AND u.email_verified_at IS NOT NULL
			AND EXISTS (SELECT 1 FROM preference_brands pb WHERE pb.user_id = u.id)
		ORDER BY u.id LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("digest shoppers: %w", err)
	}
	defer rows.Close()
	var out []alerts.Recipient
	for rows.Next() {
		s := alerts.Recipient{HasPreferences: true, Brands: 1}
		var freq string
		if err := rows.Scan(&s.UserID, &s.Email, &freq, &s.DigestHour, &s.TimeZone); err != nil {
			return nil, fmt.Errorf("digest shoppers: %w", err)
		}
		s.Frequency = account.Frequency(freq)
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("digest shoppers: %w", err)
	}
	return out, nil
}

// CountDigestRecipients counts the shoppers DigestRecipients lists, for a progress bar.
func (db *DB) CountDigestRecipients(ctx context.Context) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM users u JOIN preferences p ON p.user_id = u.id
		WHERE p.frequency <> 'off' AND u.bounced_at IS NULL AND u.email_verified_at IS NOT NULL
			AND EXISTS (SELECT 1 FROM preference_brands pb WHERE pb.user_id = u.id)`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count digest shoppers: %w", err)
	}
	return n, nil
}

// DigestRecipient reads one shopper's digest state whatever it is (no preferences, digests off,
// bounced, no brands), so a caller can say why there is no digest; ErrNotFound for no user.
func (db *DB) DigestRecipient(ctx context.Context, userID int64) (alerts.Recipient, error) {
	s := alerts.Recipient{UserID: userID}
	var freq, zone sql.NullString
	var hour sql.NullInt64
	var bounced, unconfirmed, hasPrefs int
	err := db.sql.QueryRowContext(ctx, `SELECT u.email, p.frequency, p.digest_hour, p.time_zone,
			CASE WHEN u.bounced_at IS NULL THEN 0 ELSE 1 END, CASE WHEN u.email_verified_at IS NULL THEN 1 ELSE 0 END,
			CASE WHEN p.user_id IS NULL THEN 0 ELSE 1 END,
			(SELECT COUNT(*) FROM preference_brands pb WHERE pb.user_id = u.id)
		FROM users u LEFT JOIN preferences p ON p.user_id = u.id WHERE u.id = $1`, userID).
		Scan(&s.Email, &freq, &hour, &zone, &bounced, &unconfirmed, &hasPrefs, &s.Brands)
	if err != nil {
		return s, fmt.Errorf("digest shopper %d: %w", userID, notFound(err))
	}
	s.Frequency, s.DigestHour, s.TimeZone = account.Frequency(freq.String), int(hour.Int64), zone.String
	s.Bounced, s.Unconfirmed, s.HasPreferences = bounced != 0, unconfirmed != 0, hasPrefs != 0
	return s, nil
}

// DigestsDone reports which of the slots already have a digest row (stored or empty).
func (db *DB) DigestsDone(ctx context.Context, slots []alerts.SlotRef) (map[alerts.SlotRef]bool, error) {
	out := make(map[alerts.SlotRef]bool)
	asked := make(map[alerts.SlotRef]bool, len(slots))
	for _, s := range slots {
		asked[s] = true
	}
	ph := db.placeholders()
	for start := 0; start < len(slots); start += maxRowsPerStatement {
		part := slots[start:min(len(slots), start+maxRowsPerStatement)]
		var ids []any
		var keys []any
		seenKey := map[string]bool{}
		for _, s := range part {
			ids = append(ids, s.UserID)
			if !seenKey[s.Key] {
				seenKey[s.Key] = true
				keys = append(keys, s.Key)
			}
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT user_id, period_key FROM digests WHERE user_id IN (`+ph.inList(len(ids), 1)+
			`) AND period_key IN (`+ph.inList(len(keys), len(ids)+1)+`)`, append(ids, keys...)...)
		if err != nil {
			return nil, fmt.Errorf("digests done: %w", err)
		}
		for rows.Next() {
			var s alerts.SlotRef
			if err := rows.Scan(&s.UserID, &s.Key); err != nil {
				rows.Close()
				return nil, fmt.Errorf("digests done: %w", err)
			}
			if asked[s] { // the IN lists also match other pairs of the same users and keys
				out[s] = true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("digests done: %w", err)
		}
	}
	return out, nil
}

// PreferencesOf reads the standing requests of several shoppers in four statements (the
// preferences rows, brands, categories, sizes); shoppers without preferences are absent.
func (db *DB) PreferencesOf(ctx context.Context, userIDs []int64) (map[int64]account.Preferences, error) {
	out := make(map[int64]account.Preferences, len(userIDs))
	ph := db.placeholders()
	for start := 0; start < len(userIDs); start += maxRowsPerStatement {
		part := userIDs[start:min(len(userIDs), start+maxRowsPerStatement)]
		in, args := ph.inList(len(part), 1), int64Args(part)
		err := eachRow(ctx, db.sql, `SELECT user_id, currency, max_price, min_discount_pct, hide_questionable, frequency, digest_hour, time_zone
			FROM preferences WHERE user_id IN (`+in+`)`, args, func(rows *sql.Rows) error {
			var p account.Preferences
			var maxPrice sql.NullInt64
			var hide int64
			var freq string
			if err := rows.Scan(&p.UserID, &p.Currency, &maxPrice, &p.MinDiscountPct, &hide, &freq, &p.DigestHour, &p.TimeZone); err != nil {
				return err
			}
			p.MaxPrice, p.HideQuestionable, p.Frequency = maxPrice.Int64, hide != 0, account.Frequency(freq)
			out[p.UserID] = p
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("preferences of %d shoppers: %w", len(part), err)
		}
		// The per-shopper lists come in the order Preferences gives them. A list row of a
		// shopper without a preferences row is ignored.
		err = eachRow(ctx, db.sql, `SELECT pb.user_id, b.name FROM preference_brands pb JOIN brands b ON b.id = pb.brand_id
			WHERE pb.user_id IN (`+in+`) ORDER BY pb.user_id, b.slug`, args, func(rows *sql.Rows) error {
			var uid int64
			var name string
			if err := rows.Scan(&uid, &name); err != nil {
				return err
			}
			if p, ok := out[uid]; ok {
				p.Brands = append(p.Brands, name)
				out[uid] = p
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("brands of %d shoppers: %w", len(part), err)
		}
		err = eachRow(ctx, db.sql, `SELECT pc.user_id, c.path FROM preference_categories pc JOIN categories c ON c.id = pc.category_id
			WHERE pc.user_id IN (`+in+`) ORDER BY pc.user_id, c.path`, args, func(rows *sql.Rows) error {
			var uid int64
			var path string
			if err := rows.Scan(&uid, &path); err != nil {
				return err
			}
			if p, ok := out[uid]; ok {
				p.Categories = append(p.Categories, path)
				out[uid] = p
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("categories of %d shoppers: %w", len(part), err)
		}
		err = eachRow(ctx, db.sql, `SELECT user_id, kind, system, value FROM preference_sizes
			WHERE user_id IN (`+in+`) ORDER BY user_id, kind, system, value`, args, func(rows *sql.Rows) error {
			var uid int64
			var sz account.SizePref
			if err := rows.Scan(&uid, &sz.Kind, &sz.System, &sz.Value); err != nil {
				return err
			}
			if p, ok := out[uid]; ok {
				p.Sizes = append(p.Sizes, sz)
				out[uid] = p
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("sizes of %d shoppers: %w", len(part), err)
		}
	}
	return out, nil
}

// ItemDetails reads the image and 30-day low of offers by store offer id, in one statement per
// thousand offers; an offer that no longer exists is absent.
func (db *DB) ItemDetails(ctx context.Context, offerIDs []int64) (map[int64]alerts.ItemDetail, error) {
	out := make(map[int64]alerts.ItemDetail, len(offerIDs))
	ph := db.placeholders()
	ids := uniqueIDs(offerIDs)
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		err := eachRow(ctx, db.sql, `SELECT o.id, p.image_url, COALESCE(o.lowest_30d, 0) FROM offers o JOIN products p ON p.id = o.product_id
			WHERE o.id IN (`+ph.inList(len(part), 1)+`)`, int64Args(part), func(rows *sql.Rows) error {
			var id int64
			var d alerts.ItemDetail
			if err := rows.Scan(&id, &d.ImageURL, &d.Lowest30d); err != nil {
				return err
			}
			out[id] = d
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("digest item details: %w", err)
		}
	}
	return out, nil
}

func uniqueIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// StoreDigests stores a batch of digests in one transaction: the digests rows (status queued,
// or empty for a digest without items, which only marks its slot done), each queued digest's
// outbox message linked from its row, the digest_items in order, the sent history (the
// price each item was sent at, replacing an older one) and the e-mail delivery of the love
// alerts the message carries (love_alert_deliveries). A digest whose (user, period) is
// already stored is left out whole (stored[i] false): the insert skips the conflicting row and
// nothing else of it is written. On PostgreSQL a concurrent run storing the same slot makes
// this one wait for its commit and then skip. Any error rolls the whole batch back.
func (db *DB) StoreDigests(ctx context.Context, ds []alerts.DigestRecord) ([]bool, error) {
	return db.storeDigests(ctx, ds, nil)
}

// storeDigests is StoreDigests; then, when not nil, runs last in the same transaction with the
// ids of the outbox messages written (StoreDigestsThen).
func (db *DB) storeDigests(ctx context.Context, ds []alerts.DigestRecord, then func(tx *sql.Tx, messageIDs []int64) error) ([]bool, error) {
	stored := make([]bool, len(ds))
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		for i := range stored {
			stored[i] = false
		}
		ph := db.placeholders()
		// 1. The digests rows; RETURNING names the ones inserted (in no particular order).
		digestIDs := map[int64]int64{} // user id → new digest id
		const digestChunk = maxRowsPerStatement / 4
		for start := 0; start < len(ds); start += digestChunk {
			part := ds[start:min(len(ds), start+digestChunk)]
			args := make([]any, 0, 4*len(part))
			for _, d := range part {
				args = append(args, d.UserID, d.PeriodKey, d.Status(), d.At.UnixMilli())
			}
			err := eachRow(ctx, tx, `INSERT INTO digests (user_id, period_key, status, created_at) VALUES `+ph.valueRows(len(part), 4)+`
				ON CONFLICT (user_id, period_key) DO NOTHING RETURNING id, user_id`, args, func(rows *sql.Rows) error {
				var id, uid int64
				if err := rows.Scan(&id, &uid); err != nil {
					return err
				}
				digestIDs[uid] = id
				return nil
			})
			if err != nil {
				return fmt.Errorf("store digests: %w", err)
			}
		}
		var fresh []alerts.DigestRecord
		for i, d := range ds {
			if _, ok := digestIDs[d.UserID]; ok {
				stored[i] = true
				fresh = append(fresh, d)
			}
		}
		if len(fresh) != len(digestIDs) {
			return errors.New("store digests: a batch names a shopper twice")
		}
		// 2. The outbox messages, then the links to them.
		messageIDs, err := insertDigestMessages(ctx, tx, ph, fresh, digestIDs)
		if err != nil {
			return err
		}
		// 3. Items and sent history, many rows a statement.
		var items, sent []any
		nItems := 0
		for _, d := range fresh {
			if d.Message == nil {
				continue
			}
			for pos, it := range d.Items {
				items = append(items, digestIDs[d.UserID], pos+1, it.OfferID, it.Price, it.RegularPrice, it.Currency, it.Reason)
				sent = append(sent, d.UserID, it.OfferID, it.Price, d.At.UnixMilli())
				nItems++
			}
		}
		const itemChunk = maxRowsPerStatement / 7
		for start := 0; start < nItems; start += itemChunk {
			n := min(nItems-start, itemChunk)
			if _, err := tx.ExecContext(ctx, `INSERT INTO digest_items (digest_id, position, offer_id, price, regular_price, currency, reason) VALUES `+
				ph.valueRows(n, 7), items[start*7:(start+n)*7]...); err != nil {
				return fmt.Errorf("store digest items: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO sent_items (user_id, offer_id, price, sent_at) VALUES `+ph.valueRows(n, 4)+`
				ON CONFLICT (user_id, offer_id) DO UPDATE SET price = excluded.price, sent_at = excluded.sent_at`,
				sent[start*4:(start+n)*4]...); err != nil {
				return fmt.Errorf("store sent items: %w", err)
			}
		}
		// 4. The e-mail delivery of the love alerts the messages carry.
		if err := recordLoveEmails(ctx, tx, ph, fresh); err != nil || then == nil {
			return err
		}
		return then(tx, messageIDs)
	})
	if err != nil {
		return nil, err
	}
	return stored, nil
}

// recordLoveEmails records that the fresh digests' messages deliver their love alerts by
// e-mail. An alert already delivered by e-mail (another digest of the same batch cannot hold
// it: a shopper has one digest a batch) makes the insert skip it, never fail.
func recordLoveEmails(ctx context.Context, tx *sql.Tx, ph placeholders, fresh []alerts.DigestRecord) error {
	var args []any
	for _, d := range fresh {
		if d.Message == nil {
			continue
		}
		for _, id := range d.LoveAlertIDs {
			args = append(args, id, LoveChannelEmail, d.At.UnixMilli())
		}
	}
	const chunk = maxRowsPerStatement / 3
	for start := 0; start < len(args)/3; start += chunk {
		n := min(len(args)/3-start, chunk)
		if _, err := tx.ExecContext(ctx, `INSERT INTO love_alert_deliveries (alert_id, channel, delivered_at) VALUES `+ph.valueRows(n, 3)+`
			ON CONFLICT (alert_id, channel) DO NOTHING`, args[start*3:(start+n)*3]...); err != nil {
			return fmt.Errorf("record love alert e-mails: %w", err)
		}
	}
	return nil
}

// insertDigestMessages queues the messages of the fresh digests that have one, links each
// digest row to its message and returns the messages' ids.
func insertDigestMessages(ctx context.Context, tx *sql.Tx, ph placeholders, fresh []alerts.DigestRecord, digestIDs map[int64]int64) ([]int64, error) {
	var queued []int64
	var msgs []*notify.Message
	for _, d := range fresh {
		if d.Message != nil {
			msgs = append(msgs, d.Message)
		}
	}
	// Bodies are large: a few dozen messages a statement keeps statements at a few megabytes.
	const msgChunk = 50
	for start := 0; start < len(msgs); start += msgChunk {
		part := msgs[start:min(len(msgs), start+msgChunk)]
		args := make([]any, 0, 10*len(part))
		for _, m := range part {
			args = append(args, nullID(m.UserID), m.Kind, m.MessageID, m.To, m.Subject, m.TextBody, m.HTMLBody, m.ListUnsubscribe,
				string(notify.Queued), m.CreatedAt.UnixMilli())
		}
		messageIDs := map[string]int64{}
		err := eachRow(ctx, tx, `INSERT INTO messages (user_id, kind, message_id, to_addr, subject, text_body, html_body, list_unsubscribe, status, created_at)
			VALUES `+ph.valueRows(len(part), 10)+` RETURNING id, message_id`, args, func(rows *sql.Rows) error {
			var id int64
			var mid string
			if err := rows.Scan(&id, &mid); err != nil {
				return err
			}
			messageIDs[mid] = id
			queued = append(queued, id)
			return nil
		})
		if isUniqueViolation(err) {
			return nil, fmt.Errorf("queue digest messages: a Message-ID is already in the outbox: %w", ErrConflict)
		}
		if err != nil {
			return nil, fmt.Errorf("queue digest messages: %w", err)
		}
		// One UPDATE links the chunk: message_id = CASE id WHEN digest THEN message … END.
		var b strings.Builder
		var largs []any
		n := 0
		param := func(v any) string {
			n++
			largs = append(largs, v)
			if ph.positional {
				return "?"
			}
			return "$" + strconv.Itoa(n)
		}
		b.WriteString(`UPDATE digests SET message_id = CASE id`)
		var ids []int64
		for _, m := range part {
			did := digestIDs[m.UserID]
			// PostgreSQL cannot infer a CASE parameter's type: say it.
			b.WriteString(" WHEN CAST(" + param(did) + " AS BIGINT) THEN CAST(" + param(messageIDs[m.MessageID]) + " AS BIGINT)")
			ids = append(ids, did)
		}
		b.WriteString(" END WHERE id IN (")
		for i, id := range ids {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(param(id))
		}
		b.WriteString(")")
		if _, err := tx.ExecContext(ctx, b.String(), largs...); err != nil {
			return nil, fmt.Errorf("link digest messages: %w", err)
		}
	}
	return queued, nil
}

// eachRow runs a query and calls fn for every row.
func eachRow(ctx context.Context, q queryer, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
