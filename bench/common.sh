# Shared by the benchmarks: the server, the bench database, a private backupdesk configuration and
# the arithmetic of the report. Sourced, not run. Expects SCALE and TEXT to be set, and PARTITIONS
# (0 for none): pgbench_accounts split into that many partitions, each a table of its own to pg_dump
# and pg_restore, so that their jobs have several large tables to share out.
#
# The server: BENCH_PG_URL, else BACKUPDESK_TEST_PG_URL (postgresql://USER:PASSWORD@HOST:PORT/DB);
# the login must be allowed to create databases. Needs a packaged jar: ./mvnw package -DskipTests

[ -f "bench/text-$TEXT.sql" ] || { echo "No text table '$TEXT'; use hex or business." >&2; exit 2; }
URL=${BENCH_PG_URL:-${BACKUPDESK_TEST_PG_URL:-}}
[ -n "$URL" ] || { echo "Set BENCH_PG_URL=postgresql://USER:PASSWORD@HOST:PORT/postgres" >&2; exit 2; }
[ -f target/backupdesk.jar ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 2; }

re='^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/?'
[[ "$URL" =~ $re ]] || { echo "Cannot read $URL" >&2; exit 2; }
export PGUSER=${BASH_REMATCH[2]} PGPASSWORD=${BASH_REMATCH[4]} PGHOST=${BASH_REMATCH[5]} PGPORT=${BASH_REMATCH[7]:-5432}
PARTITIONS=${PARTITIONS:-0}
DB=backupdesk_bench_${TEXT}_s${SCALE}
if [ "$PARTITIONS" -gt 0 ]; then DB=${DB}_p$PARTITIONS; fi
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
WORK=$(mktemp -d)
# What to undo at exit, run last added first: the work folder, and what a benchmark adds (bench/cores.sh).
# An interrupt exits through it too.
AT_EXIT=('rm -rf "$WORK"')
trap 'for ((i = ${#AT_EXIT[@]} - 1; i >= 0; i--)); do eval "${AT_EXIT[i]}"; done' EXIT
trap 'exit 130' INT TERM HUP
BD=(bin/backupdesk --config-dir "$WORK/config" --backup-root "$WORK/backups")

# A pgbench database at the scale plus the text table, made once and reused by later runs.
prepare_database() {
  if ! psql -qAtc "select 1" -d "$DB" >/dev/null 2>&1; then
    echo "Creating $DB (pgbench scale $SCALE, $PARTITIONS partitions, plus the $TEXT text table)..."
    # Built under a temporary name and renamed when complete, so an interrupted run is never reused.
    dropdb --if-exists "${DB}_new"
    createdb "${DB}_new"
    "${PGBIN:+$PGBIN/}pgbench" -i -q -s "$SCALE" --partitions="$PARTITIONS" "${DB}_new" >/dev/null 2>&1
    psql -q -d "${DB}_new" -v ON_ERROR_STOP=1 -v rows=$((SCALE * 10000)) -f "bench/text-$TEXT.sql"
    psql -q -d postgres -c "alter database ${DB}_new rename to $DB"
  fi
  echo "Database $DB: $(psql -qAtc "select pg_size_pretty(pg_database_size('$DB'))" -d "$DB")," \
       "client $("${PGBIN:+$PGBIN/}pg_dump" --version | awk '{print $3}'), $(nproc) cores"
  printf '%s\n' "$PGPASSWORD" | "${BD[@]}" profiles add bench --url "postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" \
    --password-stdin >/dev/null
  # The first run of a new jar records the class-data archive before its command (bin/backupdesk), which takes a few
  # seconds: a backup, untimed, as for a user whose first command is a backup.
  "${BD[@]}" backup bench --no-verify >/dev/null
  rm -rf "$WORK/backups"
}

declare -A TIMES SIZES
# measure NAME COMMAND...: times the command, which prints a size in bytes (or nothing)
measure() {
  local name=$1; shift
  local start end size
  start=$(date +%s.%N)
  size=$("$@")
  end=$(date +%s.%N)
  TIMES[$name]+="$(echo "$end - $start" | bc) "
  SIZES[$name]+="${size:-0} "
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ratio() { echo "scale=3; $1 / $2" | bc -l; }
# report LABEL VALUE TARGET [at-least]: prints the ratio against its target, "ok" or "MISSED"
report() {
  local ok
  if [ "${4:-}" = at-least ]; then ok=$(echo "$2 >= $3" | bc -l); else ok=$(echo "$2 <= $3" | bc -l); fi
  printf '%-50s %6.3f   target %s %s   %s\n' "$1" "$2" "$([ "${4:-}" = at-least ] && echo '>=' || echo '<=')" "$3" \
    "$([ "$ok" = 1 ] && echo ok || echo MISSED)"
}
