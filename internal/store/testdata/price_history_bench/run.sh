#!/bin/sh
# Price-history benchmark (docs/OPERATIONS.md, "Price history"): two databases with the same
# 10M price changes, one partitioned by month and one flat, read side by side with pgbench:
# the unbounded reads tagdrop made before issue 8's bounding (figures.sql, chart.sql) and the
# bounded ones it makes now (figures_recent.sql, chart_recent.sql).
# Usage: run.sh TAGDROP_BINARY [PGURL_PREFIX]   (default postgres://postgres@127.0.0.1:5432/)
# SKIP_SETUP=1 reuses the databases of an earlier run.
set -eu
bin=$1
pg=${2:-postgres://postgres@127.0.0.1:5432/}
here=$(dirname "$0")
if [ "${SKIP_SETUP:-0}" != 1 ]; then
    for db in tagdrop_bench_part tagdrop_bench_flat; do
        psql "${pg}postgres" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
        "$bin" migrate --db "${pg}$db?sslmode=disable"
    done
    psql "${pg}tagdrop_bench_part" -q -v flat=0 -f "$here/setup.sql"
    psql "${pg}tagdrop_bench_flat" -q -v flat=1 -f "$here/setup.sql"
fi
# The bounded reads' window, as tagdrop binds it: 90 days back, and the 62 days before that.
since=$(( $(date +%s) * 1000 - 7776000000 ))
near=$(( since - 5356800000 ))
# Round 1 plans every statement afresh (-M simple), as a one-off query from Go does; round 2
# prepares them (-M prepared), as tagdrop does for the product chart's read, so PostgreSQL can
# settle on a generic plan pruned at run time.
for round in 1 2; do
    mode=simple
    [ "$round" = 2 ] && mode=prepared
    for script in figures figures_recent chart chart_recent; do
        for db in tagdrop_bench_part tagdrop_bench_flat; do
            printf '%s round %s (%s) %s: ' "$script" "$round" "$mode" "$db"
            pgbench -n -M "$mode" -c 2 -j 2 -T "${SECONDS_EACH:-20}" -D since=$since -D near=$near -f "$here/$script.sql" "${pg}$db" 2>/dev/null | grep -E '^(tps|latency average)' | tr '\n' ' '
            echo
        done
    done
done
