#!/bin/sh
# Upgrade time of migration 00019 (price_changes partitioned by month) on a big table
# (docs/OPERATIONS.md, "Upgrades"): builds a database whose price_changes is the flat table
# 00017 left, with the benchmark's 10M rows (1M offers of 100K products, 10 changes each over
# 24 months), then times 00019's Up statements in one transaction, as tagdrop's migrate step
# runs them, and lists the locks the migration holds while it runs.
# Usage: upgrade.sh TAGDROP_BINARY [PGURL_PREFIX]   (default postgres://postgres@127.0.0.1:5432/)
# TAGDROP_BINARY must know migration 00019 (it migrates the new database first). SKIP_SETUP=1
# reuses the flat table of an earlier run whose migration failed (a successful one replaced it).
set -eu
bin=$1
pg=${2:-postgres://postgres@127.0.0.1:5432/}
here=$(dirname "$0")
mig="$here/../../migrations/postgres/00019_price_changes_partitioned.sql"
db=tagdrop_bench_upgrade
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n '/^-- +goose Up/,/^-- +goose Down/p' "$mig" | grep -v '^-- +goose' >"$tmp/up.sql"
sed -n '/^-- +goose Down/,$p' "$mig" | grep -v '^-- +goose' >"$tmp/down.sql"
if [ "${SKIP_SETUP:-0}" != 1 ]; then
psql "${pg}postgres" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"$bin" migrate --db "${pg}$db?sslmode=disable" >/dev/null
# Back to the flat table 00017 left: 00019's own Down, then its foreign keys' names (taken by
# the partitions' copies while the Down ran), then the data.
psql "${pg}$db" -q -v ON_ERROR_STOP=1 -1 -f "$tmp/down.sql"
psql "${pg}$db" -q -v ON_ERROR_STOP=1 \
    -c "ALTER TABLE price_changes RENAME CONSTRAINT price_changes_offer_id_fkey1 TO price_changes_offer_id_fkey" \
    -c "ALTER TABLE price_changes RENAME CONSTRAINT price_changes_feed_run_id_fkey1 TO price_changes_feed_run_id_fkey"
psql "${pg}$db" -q -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'bench', 'Bench', 0);
INSERT INTO products (id, product_key, title, created_at, updated_at)
    SELECT g, 'p' || g, 'Product ' || g, 0, 0 FROM generate_series(1, 100000) g;
INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
    SELECT g, 1, (g - 1) / 10 + 1, 'i' || g, 'EUR', 5000, 10000, 'in_stock', 0, 0, 0 FROM generate_series(1, 1000000) g;
INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
    SELECT o, (extract(epoch FROM now()) * 1000)::bigint - (random() * 730 * 86400000)::bigint,
        5000 + (random() * 5000)::bigint, 10000, 'in_stock'
    FROM generate_series(1, 10) k, generate_series(1, 1000000) o;
VACUUM ANALYZE;
SQL
fi
psql "${pg}$db" -Atc "SELECT 'flat price_changes: ' || count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('price_changes')) FROM price_changes"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
psql "${pg}$db" -q -v ON_ERROR_STOP=1 -1 -f "$tmp/up.sql" &
mig_pid=$!
sleep 5
echo "locks held by the migration 5 s in (relation: mode):"
psql "${pg}$db" -Atc "SELECT DISTINCT c.relname || ': ' || l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
    JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE a.application_name = 'psql' AND a.pid <> pg_backend_pid() AND l.granted AND c.relkind IN ('r', 'p')
        AND c.relname IN ('offers', 'feed_runs', 'price_changes', 'price_changes_unpartitioned', 'products', 'retailers')
    ORDER BY 1"
wait "$mig_pid"
end=$(date +%s.%N)
echo "00019 on the flat table: $(echo "$end - $start" | bc) s wall; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
psql "${pg}$db" -Atc "SELECT 'partitioned price_changes: ' || count(*) || ' rows in ' || (SELECT count(*) FROM pg_inherits WHERE inhparent = 'price_changes'::regclass) || ' partitions' FROM price_changes"
