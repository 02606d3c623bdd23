package store

import (
	"context"
	"fmt"
)

// ProductImages returns the image address of each product in ids that has one, in one query
// per thousand ids: the match engine's items carry no images (the index does not keep them),
// and My sales shows a page of them at once.
func (db *DB) ProductImages(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	ph := db.placeholders()
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		chunk := ids[start:min(start+maxRowsPerStatement, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT id, image_url FROM products WHERE image_url <> '' AND id IN (`+ph.inList(len(chunk), 1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("product images: %w", err)
		}
		for rows.Next() {
			var id int64
			var url string
			if err := rows.Scan(&id, &url); err != nil {
				rows.Close()
				return nil, fmt.Errorf("product images: %w", err)
			}
			out[id] = url
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("product images: %w", err)
		}
	}
	return out, nil
}
