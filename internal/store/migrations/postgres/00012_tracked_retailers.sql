-- +goose Up
-- Retailers first seen through /track (docs/loves.md) are unlisted: their offers stay out of the
-- search index (so search, browse, My sales and digests) and other shoppers' product pages
-- until an admin lists the host (/admin/retailers). tracked_host is the page host that created
-- the retailer ('' for feed retailers): tracked pages are filed by exact host, never by a slug
-- two hosts could share. Keep this file and sqlite/00012_tracked_retailers.sql in step.

ALTER TABLE retailers ADD COLUMN listed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE retailers ADD COLUMN tracked_host TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX retailers_tracked_host ON retailers (tracked_host) WHERE tracked_host <> '';

-- Retailers that only ever received tracked product pages (no registered feed, no other
-- import) were created by /track: unlist them, named by their host.
UPDATE retailers SET listed = 0, tracked_host = name
WHERE EXISTS (SELECT 1 FROM feed_runs fr JOIN tracked_pages tp ON tp.url = fr.source WHERE fr.retailer_id = retailers.id)
  AND NOT EXISTS (SELECT 1 FROM feed_runs fr WHERE fr.retailer_id = retailers.id AND fr.format <> 'html')
  AND NOT EXISTS (SELECT 1 FROM feeds f WHERE f.retailer_id = retailers.id)
  AND NOT EXISTS (SELECT 1 FROM retailers o WHERE o.name = retailers.name AND o.id <> retailers.id);

-- +goose Down
SELECT 'down migrations are not supported';
