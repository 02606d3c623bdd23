package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// A shopper's data export is everything tagdrop holds on them, one section per kind of data,
// each read by its own function. A migration that adds a personal table adds one line to
// exportSections; sections that read whole rows (SELECT *) pick up new columns by themselves.
// Nothing secret about the account's access is exported: no password hash, no session or link
// token hashes (sessions are counted instead).

// ExportFormat names the export's layout, for scripts that read it.
const ExportFormat = "tagdrop-export-1"

// exportSection reads one part of a user's data.
type exportSection struct {
	name string
	read func(ctx context.Context, db *DB, userID int64) (any, error)
}

var exportSections = []exportSection{
	{"user", exportUser},
	{"preferences", exportPreferences},
	{"loves", exportLoves},
	{"love_alerts", rowsOf(`SELECT * FROM love_alerts WHERE user_id = $1 ORDER BY id`)},
	{"love_alert_deliveries", rowsOf(`SELECT d.* FROM love_alert_deliveries d JOIN love_alerts a ON a.id = d.alert_id
		WHERE a.user_id = $1 ORDER BY d.alert_id, d.channel`)},
	{"tracked_pages", rowsOf(`SELECT * FROM tracked_pages WHERE user_id = $1 ORDER BY id`)},
	{"saved_searches", rowsOf(`SELECT * FROM saved_searches WHERE user_id = $1 ORDER BY id`)},
	{"sent_items", exportSentItems},
	{"digests", exportDigests},
	{"messages", rowsOf(`SELECT * FROM messages WHERE user_id = $1 ORDER BY id`)},
	{"push_subscriptions", rowsOf(`SELECT * FROM push_subscriptions WHERE user_id = $1 ORDER BY id`)},
	// Webhooks without their signing secrets, and their delivery log (webhooks.go).
	{"webhooks", rowsOf(`SELECT id, url, created_at FROM webhooks WHERE user_id = $1 ORDER BY id`)},
	{"webhook_deliveries", rowsOf(`SELECT d.id, d.webhook_id, d.event, d.event_key, d.payload, d.status, d.attempts, d.last_error,
		d.response_code, d.created_at, d.done_at FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.user_id = $1 ORDER BY d.id`)},
	{"clickouts", exportClickouts},
	{"sessions", exportSessions},
}

// ExportUser gathers everything tagdrop holds on one user as JSON-ready values: a map from
// section name to its rows, plus "format" and "exported_at". Times stored as Unix milliseconds
// (columns ending in _at) come out as RFC 3339 UTC strings. An unknown user is ErrNotFound.
func (db *DB) ExportUser(ctx context.Context, userID int64) (map[string]any, error) {
	out := map[string]any{"format": ExportFormat, "exported_at": db.now().UTC().Format(time.RFC3339)}
	for _, s := range exportSections {
		v, err := s.read(ctx, db, userID)
		if err != nil {
			return nil, fmt.Errorf("export user %d: %s: %w", userID, s.name, err)
		}
		out[s.name] = v
	}
	return out, nil
}

// rowsOf makes a section from a query with the user id as $1.
func rowsOf(query string) func(ctx context.Context, db *DB, userID int64) (any, error) {
	return func(ctx context.Context, db *DB, userID int64) (any, error) {
		return db.exportRows(ctx, query, userID)
	}
}

func exportUser(ctx context.Context, db *DB, userID int64) (any, error) {
	rows, err := db.exportRows(ctx, `SELECT id, email, role, display_name, email_verified_at, bounced_at, created_at, updated_at,
		password_hash <> '' AS has_password FROM users WHERE id = $1`, userID)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, ErrNotFound
	}
	u := rows[0]
	switch v := u["has_password"].(type) { // a bool on PostgreSQL, 0 or 1 on SQLite
	case int64:
		u["has_password"] = v != 0
	case bool:
	default:
		return nil, fmt.Errorf("has_password is %T", v)
	}
	return u, nil
}

func exportPreferences(ctx context.Context, db *DB, userID int64) (any, error) {
	rows, err := db.exportRows(ctx, `SELECT * FROM preferences WHERE user_id = $1`, userID)
	if err != nil {
		return nil, err
	}
	p := map[string]any{}
	if len(rows) > 0 {
		p = rows[0]
	}
	if p["brands"], err = db.exportRows(ctx, `SELECT b.id AS brand_id, b.name FROM preference_brands pb JOIN brands b ON b.id = pb.brand_id
		WHERE pb.user_id = $1 ORDER BY b.slug`, userID); err != nil {
		return nil, err
	}
	if p["sizes"], err = db.exportRows(ctx, `SELECT kind, system, value FROM preference_sizes WHERE user_id = $1 ORDER BY kind, system, value`, userID); err != nil {
		return nil, err
	}
	if p["categories"], err = db.exportRows(ctx, `SELECT c.id AS category_id, c.path FROM preference_categories pc JOIN categories c ON c.id = pc.category_id
		WHERE pc.user_id = $1 ORDER BY c.path`, userID); err != nil {
		return nil, err
	}
	return p, nil
}

func exportLoves(ctx context.Context, db *DB, userID int64) (any, error) {
	return db.exportRows(ctx, `SELECT l.*, p.title AS product_title FROM loves l JOIN products p ON p.id = l.product_id
		WHERE l.user_id = $1 ORDER BY l.id`, userID)
}

func exportSentItems(ctx context.Context, db *DB, userID int64) (any, error) {
	return db.exportRows(ctx, `SELECT s.*, p.title AS product_title FROM sent_items s
		JOIN offers o ON o.id = s.offer_id JOIN products p ON p.id = o.product_id
		WHERE s.user_id = $1 ORDER BY s.sent_at, s.offer_id`, userID)
}

// exportDigests lists each digest with its items.
func exportDigests(ctx context.Context, db *DB, userID int64) (any, error) {
	digests, err := db.exportRows(ctx, `SELECT * FROM digests WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, err
	}
	items, err := db.exportRows(ctx, `SELECT di.* FROM digest_items di JOIN digests d ON d.id = di.digest_id
		WHERE d.user_id = $1 ORDER BY di.digest_id, di.position`, userID)
	if err != nil {
		return nil, err
	}
	byDigest := map[any][]map[string]any{}
	for _, it := range items {
		byDigest[it["digest_id"]] = append(byDigest[it["digest_id"]], it)
	}
	for _, d := range digests {
		d["items"] = byDigest[d["id"]]
		if d["items"] == nil {
			d["items"] = []map[string]any{}
		}
	}
	return digests, nil
}

func exportClickouts(ctx context.Context, db *DB, userID int64) (any, error) {
	return db.exportRows(ctx, `SELECT id, offer_id, product_id, brand_id, retailer_id, source, at FROM clickouts WHERE user_id = $1 ORDER BY id`, userID)
}

// exportSessions counts sessions: their token hashes are access secrets, not the shopper's data.
func exportSessions(ctx context.Context, db *DB, userID int64) (any, error) {
	n, err := db.CountSessions(ctx, userID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"active": n}, nil
}

// exportRows runs a query and returns its rows as column → value maps, with byte strings as
// text and Unix-millisecond times (columns named *_at, and "at") as RFC 3339.
func (db *DB) exportRows(ctx context.Context, query string, args ...any) ([]map[string]any, error) {
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		m := make(map[string]any, len(cols))
		for i, c := range cols {
			v := vals[i]
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			if ms, ok := v.(int64); ok && (c == "at" || strings.HasSuffix(c, "_at")) {
				v = fromMS(ms).Format(time.RFC3339Nano)
			}
			m[c] = v
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
