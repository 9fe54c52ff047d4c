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
#   e  backupdesk restore of the same database backed up encrypted to a key (its default: one worker,
#      the plaintext decrypted into pg_restore's stdin, never to disk)
#   a  createdb, then age -d -i KEY | pg_restore --jobs 1: the same stream by hand
#   u  backupdesk restore --jobs 1 of the unencrypted backup: e without the decryption
# J is backupdesk's default: the number of cores, at most 4. It prints medians, our overhead o/r
# (target <= 1.05), the speed-up of the default over one job, s/o (target >= 1.4), and for the
# encrypted restore our overhead over age | pg_restore, e/a (target <= 1.05), and what decrypting
# costs our restore, e/u (target <= 1.10).
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
"${BD[@]}" keys generate bench >/dev/null
KEY=$WORK/config/keys/bench.key
SEALED_JSON=$("${BD[@]}" backup bench --encrypt-to bench --json)
SEALED_ID=$(grep -o '"id" : "[^"]*"' <<<"$SEALED_JSON" | head -n 1 | cut -d'"' -f4)
SEALED=$(grep -o '"path" : "[^"]*"' <<<"$SEALED_JSON" | head -n 1 | cut -d'"' -f4)
[ -f "$SEALED" ] || { echo "The encrypted backup did not produce an archive: $SEALED_JSON" >&2; exit 1; }
echo "Encrypted archive: $(du -h "$SEALED" | cut -f1)"

# The options backupdesk gives pg_restore for this plan (see ToolRestore).
raw_restore() { # jobs
  createdb "$TARGET" && "$PG_RESTORE" --no-password --verbose --exit-on-error --jobs="$1" --dbname="$TARGET" "$ARCHIVE" 2>/dev/null
}
bd_restore() { # backup id, then options
  local id=$1; shift
  "${BD[@]}" restore "$id" --target bench --database "$TARGET" --mode new-database --yes "$@" >/dev/null
}
age_restore() {
  createdb "$TARGET" && age -d -i "$KEY" "$SEALED" \
    | "$PG_RESTORE" --no-password --verbose --exit-on-error --jobs=1 --dbname="$TARGET" 2>/dev/null
}
# each measurement starts without the target database
timed() { dropdb --if-exists "$TARGET"; measure "$@"; dropdb --if-exists "$TARGET"; }

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  timed r raw_restore "$JOBS"
  timed o bd_restore "$ID"
  timed s raw_restore 1
  timed e bd_restore "$SEALED_ID"
  timed a age_restore
  timed u bd_restore "$ID" --jobs 1
done

declare -A T
for k in r o s e a u; do
  T[$k]=$(echo "${TIMES[$k]}" | median)
done

echo
printf '%-52s %9s   %s\n' "" "median s" "all runs (s)"
row() { printf '%-52s %9.2f   %s\n' "$1" "${T[$2]}" "${TIMES[$2]}"; }
row "r  createdb + pg_restore --jobs $JOBS" r
row "o  backupdesk restore --mode new-database" o
row "s  createdb + pg_restore --jobs 1" s
row "e  backupdesk restore, encrypted (streamed, 1 job)" e
row "a  createdb + age -d | pg_restore --jobs 1" a
row "u  backupdesk restore --jobs 1, not encrypted" u
echo
report "o/r  our overhead over the same pg_restore" "$(ratio "${T[o]}" "${T[r]}")" 1.05
report "s/o  our default against one job (speed-up)" "$(ratio "${T[s]}" "${T[o]}")" 1.4 at-least
report "s/r  raw pg_restore, $JOBS jobs against one" "$(ratio "${T[s]}" "${T[r]}")" 1.4 at-least
report "e/a  encrypted: ours over age -d | pg_restore" "$(ratio "${T[e]}" "${T[a]}")" 1.05
report "e/u  encrypted over not encrypted, ours, 1 job" "$(ratio "${T[e]}" "${T[u]}")" 1.10
printf '%-50s %6.3f\n' "a/s  age -d | pg_restore over pg_restore, 1 job" "$(ratio "${T[a]}" "${T[s]}")"
printf '\nOur time beyond pg_restore itself (o - r): %.2f s: JVM start, pre-flight, checksum, row counts.\n' \
  "$(echo "${T[o]} - ${T[r]}" | bc -l)"
