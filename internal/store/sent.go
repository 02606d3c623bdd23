package store

import (
	"context"
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
