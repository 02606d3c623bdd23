#!/bin/sh
# Price-history benchmark (docs/OPERATIONS.md, "Price history"): two databases with the same
# 10M price changes, one partitioned by month and one flat, read side by side with pgbench:
# the unbounded reads tagdrop made before issue 8's bounding (figures.sql, chart.sql) and the
# bounded ones (figures_recent.sql, chart_recent.sql), and the chart read with the offers'
# history marks of migration 00021 (chart_marked.sql), which tagdrop makes now.
# Usage: run.sh TAGDROP_BINARY [PGURL_PREFIX]   (default postgres://postgres@127.0.0.1:5432/)
# SKIP_SETUP=1 reuses the databases of an earlier run; SCRIPTS="chart_recent chart_marked" runs
# only those reads.
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
    # The offers' history marks, as the maintenance job's first run after migration 00021 sets
    # them (store.HistoryMark: the first of the month holding now - 90 days).
    mark=$(( $(date -u -d "$(date -u -d @$(( $(date +%s) - 7776000 )) +%Y-%m-01)" +%s) * 1000 ))
    for db in tagdrop_bench_part tagdrop_bench_flat; do
        psql "${pg}$db" -q -v mark=$mark -f "$here/advance_marks.sql"
        psql "${pg}$db" -qc "VACUUM ANALYZE offers"
    done
fi
# The bounded reads' window, as tagdrop binds it: 90 days back, and the 62 days before that.
since=$(( $(date +%s) * 1000 - 7776000000 ))
near=$(( since - 5356800000 ))
# The marked chart read's lower bound: the first of the month before the one holding since.
# tagdrop writes it into the statement (it changes once a month), so the script gets it as text
# rather than as a bound parameter, which -M prepared would make of a variable.
lo=$(( $(date -u -d "$(date -u -d @$(( since / 1000 )) +%Y-%m-01) -1 month" +%s) * 1000 ))
scripts=$(mktemp -d)
trap 'rm -rf "$scripts"' EXIT
for f in "$here"/*.sql; do sed "s/:lo\b/$lo/g" "$f" >"$scripts/$(basename "$f")"; done
# Round 1 plans every statement afresh (-M simple), as a one-off query from Go does; round 2
# prepares them (-M prepared), as tagdrop does for the product chart's read, so PostgreSQL can
# settle on a generic plan pruned at run time.
for round in 1 2; do
    mode=simple
    [ "$round" = 2 ] && mode=prepared
    for script in ${SCRIPTS:-figures figures_recent chart chart_recent chart_marked}; do
        for db in tagdrop_bench_part tagdrop_bench_flat; do
            printf '%s round %s (%s) %s: ' "$script" "$round" "$mode" "$db"
            pgbench -n -M "$mode" -c 2 -j 2 -T "${SECONDS_EACH:-20}" -D since=$since -D near=$near -f "$scripts/$script.sql" "${pg}$db" 2>/dev/null | grep -E '^(tps|latency average)' | tr '\n' ' '
            echo
        done
    done
done
