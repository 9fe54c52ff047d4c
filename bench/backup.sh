#!/usr/bin/env bash
# Backup speed against the raw PostgreSQL tools, in the same run on the same data.
#
#   bench/backup.sh [scale] [rounds] [text]
#
# Creates a pgbench database at the given scale (default 40: about 800 MB with the text table)
# plus a table of text, so that compression has realistic work, then alternates, `rounds` times
# (default 3):
#   a  pg_dump -Fc at pg_dump's default compression: what pgAdmin runs
#   b  pg_dump with exactly the options of backupdesk's default backup
#   c  backupdesk backup with its defaults, without the read-back (--no-verify)
#   d  pg_dump -Fp | gzip -6
#   e  backupdesk backup --format plain --compress 6 --no-verify
#   v  backupdesk backup with its defaults including the read-back, for information
# and prints medians and the ratios c/b, c/a (time and size) and e/d. The read-back after every
# backup (on by default) is a second job, a full pg_restore of the archive to nowhere, that the raw
# pg_dump runs do not do; it is measured on its own line (v) rather than folded into c.
#
# text: which text table (bench/text-*.sql):
#   hex       notes of hexadecimal tokens: high-entropy text, as in the reference measurement
#             the targets were set from (860 MB: -Fc 8.6 s and 91.6 MB, -Z1 3.2 s and 96.5 MB)
#   business  business rows: random ids, emails, JSON, amounts and free text with a skewed
#             vocabulary; compresses better at high levels, so level 1 gains less time and costs
#             more space
# The ratios depend on the data; run both.
#
# The server: BENCH_PG_URL, else BACKUPDESK_TEST_PG_URL (postgresql://USER:PASSWORD@HOST:PORT/DB);
# the login must be allowed to create databases. Needs a packaged jar: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${1:-40}
ROUNDS=${2:-3}
TEXT=${3:-hex}
[ -f "bench/text-$TEXT.sql" ] || { echo "No text table '$TEXT'; use hex or business." >&2; exit 2; }
URL=${BENCH_PG_URL:-${BACKUPDESK_TEST_PG_URL:-}}
[ -n "$URL" ] || { echo "Set BENCH_PG_URL=postgresql://USER:PASSWORD@HOST:PORT/postgres" >&2; exit 2; }
[ -f target/backupdesk.jar ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 2; }

re='^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/?'
[[ "$URL" =~ $re ]] || { echo "Cannot read $URL" >&2; exit 2; }
export PGUSER=${BASH_REMATCH[2]} PGPASSWORD=${BASH_REMATCH[4]} PGHOST=${BASH_REMATCH[5]} PGPORT=${BASH_REMATCH[7]:-5432}
DB=backupdesk_bench_${TEXT}_s${SCALE}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_DUMP=${PGBIN:+$PGBIN/}pg_dump
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BD=(bin/backupdesk --config-dir "$WORK/config" --backup-root "$WORK/backups")

if ! psql -qAtc "select 1" -d "$DB" >/dev/null 2>&1; then
  echo "Creating $DB (pgbench scale $SCALE plus the $TEXT text table)..."
  # Built under a temporary name and renamed when complete, so an interrupted run is never reused.
  dropdb --if-exists "${DB}_new"
  createdb "${DB}_new"
  "${PGBIN:+$PGBIN/}pgbench" -i -q -s "$SCALE" "${DB}_new" >/dev/null 2>&1
  psql -q -d "${DB}_new" -v ON_ERROR_STOP=1 -v rows=$((SCALE * 10000)) -f "bench/text-$TEXT.sql"
  psql -q -d postgres -c "alter database ${DB}_new rename to $DB"
fi
echo "Database $DB: $(psql -qAtc "select pg_size_pretty(pg_database_size('$DB'))" -d "$DB")," \
     "pg_dump $("$PG_DUMP" --version | awk '{print $3}'), $(nproc) cores"

# the first run of a new jar records its class-data archive: keep that out of the timings
"${BD[@]}" --version >/dev/null
printf '%s\n' "$PGPASSWORD" | "${BD[@]}" profiles add bench --url "postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" --password-stdin >/dev/null
"$PG_DUMP" -Fc -Z1 -f "$WORK/warm.dump" "$DB" && rm -f "$WORK/warm.dump"

# The options backupdesk's defaults give pg_dump (see DumpCommands), minus --snapshot, which needs
# an open exporting transaction that a shell cannot hold.
OURS=(--no-password --verbose --format=c --compress=1 --lock-wait-timeout=60000)

declare -A TIMES SIZES
measure() { # name, command... that writes one backup and prints its size in bytes
  local name=$1; shift
  local start end size
  start=$(date +%s.%N)
  size=$("$@")
  end=$(date +%s.%N)
  TIMES[$name]+="$(echo "$end - $start" | bc) "
  SIZES[$name]+="$size "
  rm -rf "$WORK/out" "$WORK/backups"
}
raw_dump() { "$PG_DUMP" "$@" --file="$WORK/out" "$DB" 2>/dev/null; du -sb "$WORK/out" | cut -f1; }
plain_gzip() { "$PG_DUMP" -Fp --no-password "$DB" | gzip -6 > "$WORK/out"; du -sb "$WORK/out" | cut -f1; }
bd_backup() { "${BD[@]}" backup bench --json "$@" | grep -o '"sizeBytes" : [0-9]*' | grep -o '[0-9]*$'; }

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  measure a raw_dump -Fc
  measure b raw_dump "${OURS[@]}"
  measure c bd_backup --no-verify
  measure d plain_gzip
  measure e bd_backup --format plain --compress 6 --no-verify
  measure v bd_backup
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
declare -A T S
for k in a b c d e v; do
  T[$k]=$(echo "${TIMES[$k]}" | median)
  S[$k]=$(echo "${SIZES[$k]}" | median)
done

echo
printf '%-50s %9s %10s   %s\n' "" "median s" "size MB" "all runs (s)"
row() { printf '%-50s %9.2f %10.1f   %s\n' "$1" "${T[$2]}" "$(echo "${S[$2]} / 1048576" | bc -l)" "${TIMES[$2]}"; }
row "a  pg_dump -Fc (default compression)" a
row "b  pg_dump with backupdesk's default options" b
row "c  backupdesk backup (defaults, --no-verify)" c
row "d  pg_dump -Fp | gzip -6" d
row "e  backupdesk backup --format plain --compress 6" e
row "v  backupdesk backup (defaults, with read-back)" v
echo
ratio() { echo "scale=3; $1 / $2" | bc -l; }
verdict() { if (( $(echo "$1 <= $2" | bc -l) )); then echo "ok"; else echo "MISSED"; fi; }
report() { printf '%-44s %6.3f   target <= %s   %s\n' "$1" "$2" "$3" "$(verdict "$2" "$3")"; }
report "c/b  our overhead over the same pg_dump" "$(ratio "${T[c]}" "${T[b]}")" 1.05
report "c/a  our default against pgAdmin's, time" "$(ratio "${T[c]}" "${T[a]}")" 0.5
report "c/a  our default against pgAdmin's, size" "$(ratio "${S[c]}" "${S[a]}")" 1.10
report "e/d  plain gzip -6: ours against a pipe" "$(ratio "${T[e]}" "${T[d]}")" 0.8
printf '\nOur time beyond pg_dump itself (c - b): %.2f s, mostly fixed: JVM start, login, snapshot.\n' "$(echo "${T[c]} - ${T[b]}" | bc -l)"
