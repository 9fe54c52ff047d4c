#!/usr/bin/env bash
# Restore speed against the raw PostgreSQL tools, in the same run on the same archive.
#
#   bench/restore.sh [scale] [rounds] [text] [partitions]
#
# Uses the bench database of bench/backup.sh (made here when missing; see there for scale and text).
# partitions (default 0) splits pgbench_accounts, otherwise 85% of the data in one table, into that
# many tables: parallel jobs can only share out whole tables, so one dominant table leaves them idle.
# It backs the database up once with backupdesk's defaults, then alternates, `rounds` times (default 3, at
# least 3 for a fair median), each into a database that does not exist yet:
#   r  createdb, then pg_restore --jobs J with the options backupdesk passes
#   o  backupdesk restore --mode new-database (its default jobs J): pre-flight, restore, and the
#      exact row count of every table against the backup's
#   s  createdb, then pg_restore --jobs 1
# J is backupdesk's default: the number of cores, at most 4. It prints medians, our overhead o/r
# (target <= 1.05) and the speed-up of the default over one job, s/o (target >= 1.4).
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${1:-40}
ROUNDS=${2:-3}
TEXT=${3:-hex}
PARTITIONS=${4:-0}
source bench/common.sh
PG_RESTORE=${PGBIN:+$PGBIN/}pg_restore
JOBS=$(( $(nproc) < 4 ? $(nproc) : 4 ))
TARGET=${DB}_restored

prepare_database
echo "Backing up $DB once with backupdesk's defaults..."
BACKUP_JSON=$("${BD[@]}" backup bench --json)
ID=$(grep -o '"id" : "[^"]*"' <<<"$BACKUP_JSON" | head -n 1 | cut -d'"' -f4)
ARCHIVE=$(grep -o '"path" : "[^"]*"' <<<"$BACKUP_JSON" | head -n 1 | cut -d'"' -f4)
[ -f "$ARCHIVE" ] || { echo "The backup did not produce an archive: $BACKUP_JSON" >&2; exit 1; }
echo "Archive: $(du -h "$ARCHIVE" | cut -f1), restored with $JOBS jobs by default"

# The options backupdesk gives pg_restore for this plan (see ToolRestore).
raw_restore() { # jobs
  createdb "$TARGET" && "$PG_RESTORE" --no-password --verbose --exit-on-error --jobs="$1" --dbname="$TARGET" "$ARCHIVE" 2>/dev/null
}
bd_restore() { "${BD[@]}" restore "$ID" --target bench --database "$TARGET" --mode new-database --yes >/dev/null; }
# each measurement starts without the target database
timed() { dropdb --if-exists "$TARGET"; measure "$@"; dropdb --if-exists "$TARGET"; }

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  timed r raw_restore "$JOBS"
  timed o bd_restore
  timed s raw_restore 1
done

declare -A T
for k in r o s; do
  T[$k]=$(echo "${TIMES[$k]}" | median)
done

echo
printf '%-52s %9s   %s\n' "" "median s" "all runs (s)"
row() { printf '%-52s %9.2f   %s\n' "$1" "${T[$2]}" "${TIMES[$2]}"; }
row "r  createdb + pg_restore --jobs $JOBS" r
row "o  backupdesk restore --mode new-database" o
row "s  createdb + pg_restore --jobs 1" s
echo
report "o/r  our overhead over the same pg_restore" "$(ratio "${T[o]}" "${T[r]}")" 1.05
report "s/o  our default against one job (speed-up)" "$(ratio "${T[s]}" "${T[o]}")" 1.4 at-least
report "s/r  raw pg_restore, $JOBS jobs against one" "$(ratio "${T[s]}" "${T[r]}")" 1.4 at-least
printf '\nOur time beyond pg_restore itself (o - r): %.2f s: JVM start, pre-flight, checksum, row counts.\n' \
  "$(echo "${T[o]} - ${T[r]}" | bc -l)"
