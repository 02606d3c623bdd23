package store

import (
	"context"
	"database/sql"
	"fmt"
)

// SentItems is what a shopper has been sent: store offer id → the price (minor units of the
// offer's currency) it had when sent. The matcher sends an offer again only when it got cheaper.
func (db *DB) SentItems(ctx context.Context, userID int64) (map[int64]int64, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT offer_id, price FROM sent_items WHERE user_id = $1`, userID)
	if err != nil {
		return nil, fmt.Errorf("sent items of user %d: %w", userID, err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var offer, price int64
		if err := rows.Scan(&offer, &price); err != nil {
			return nil, fmt.Errorf("sent items of user %d: %w", userID, err)
		}
		out[offer] = price
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sent items of user %d: %w", userID, err)
	}
	return out, nil
}

// SentItemsOf reads the sent history of several shoppers (user id → offer id → price sent) in
// one statement per thousand shoppers; a shopper never sent anything is absent.
func (db *DB) SentItemsOf(ctx context.Context, userIDs []int64) (map[int64]map[int64]int64, error) {
	out := make(map[int64]map[int64]int64, len(userIDs))
	ph := db.placeholders()
	for start := 0; start < len(userIDs); start += maxRowsPerStatement {
		part := userIDs[start:min(len(userIDs), start+maxRowsPerStatement)]
		err := eachRow(ctx, db.sql, `SELECT user_id, offer_id, price FROM sent_items WHERE user_id IN (`+ph.inList(len(part), 1)+`)`,
			int64Args(part), func(rows *sql.Rows) error {
				var user, offer, price int64
				if err := rows.Scan(&user, &offer, &price); err != nil {
					return err
				}
				m := out[user]
				if m == nil {
					m = map[int64]int64{}
					out[user] = m
				}
				m[offer] = price
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("sent items of %d shoppers: %w", len(part), err)
		}
	}
	return out, nil
}
