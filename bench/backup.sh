#!/usr/bin/env bash
# Backup speed against the raw PostgreSQL tools, in the same run on the same data.
#
#   bench/backup.sh [--split-cores] [scale] [rounds] [text]
#
# Creates a pgbench database at the given scale (default 40: about 800 MB with the text table)
# plus a table of text, so that compression has realistic work, then alternates, `rounds` times
# (default 3):
#   a  pg_dump -Fc at pg_dump's default compression: what pgAdmin runs
#   b  pg_dump with exactly the options of backupdesk's default backup
#   c  backupdesk backup with its defaults, without the read-back (--no-verify)
#   g  the same, encrypted to one key (--encrypt-to, a key made in the bench's configuration)
#   d  pg_dump -Fp | gzip -6
#   e  backupdesk backup --format plain --compress 6 --no-verify
#   v  backupdesk backup with its defaults including the read-back, for information
#   gv v encrypted to the same key, for information: the read-back then reads the plaintext as it
#      is encrypted
#   f  pg_dump -Fc -Z0: no compression at all, so only the server's COPY and the pipe; no backup
#      that compresses can be faster, so f/a is the lowest c/a this machine allows
#   s  backupdesk profiles test: start the JVM, log in, compare versions; the fixed part of c
#      before pg_dump can start
# and then, in one JVM that stays up as the desktop app and the scheduler do (bench/InProcessBackup.java),
# alternates b with the engine's default backup (i) and with i encrypted to the same key (gi), after a
# round that warms them all; gi/i, for information, is the encryption without the JVM's start.
# It prints medians, the ratios with their targets ("ok" or "MISSED") and others for information.
# The read-back after every backup (on by default) is a second job, a full pg_restore of the archive
# to nowhere, that the raw pg_dump runs do not do; it is measured on its own lines (v, gv) rather than
# folded into c and g.
#
# The targets, as issue 16 restates them (docs/decisions/0013 says why they differ by the cores):
#   on cores shared by the server and the client (the default):
#     i/b <= 1.05 at 2.8 GB (scale 160)   (c - s)/b <= 1.10   c/a size <= 1.10   e/d <= 0.8
#   with --split-cores, the server's processes on core 0 and the client (pg_dump, the JVM) on core 1:
#     c/a <= 0.5 in time at c/a <= 1.10 in size   (c - s)/b <= 1.05
#   in both: encryption to one key, g/c <= 1.05
# --split-cores pins the server with taskset and puts its affinity back at exit: it needs a server on
# this machine and root or the server's user, and refuses otherwise. Every other client of that server
# shares its one core meanwhile. See bench/cores.sh.
#
# text: which text table (bench/text-*.sql):
#   hex       notes of hexadecimal tokens: high-entropy text, as in the reference measurement
#             the targets were set from (860 MB: -Fc 8.6 s and 91.6 MB, -Z1 3.2 s and 96.5 MB)
#   business  business rows: random ids, emails, JSON, amounts and free text with a skewed
#             vocabulary; compresses better at high levels, so level 1 gains less time and costs
#             more space
# The ratios depend on the data; run both.
#
# The server: BENCH_PG_URL, else BACKUPDESK_TEST_PG_URL; see bench/common.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

SPLIT=
POSITIONAL=()
for arg in "$@"; do
  case "$arg" in
    --split-cores) SPLIT=1 ;;
    -*) echo "Unknown option $arg; usage: bench/backup.sh [--split-cores] [scale] [rounds] [text]" >&2; exit 2 ;;
    *) POSITIONAL+=("$arg") ;;
  esac
done
SCALE=${POSITIONAL[0]:-40}
ROUNDS=${POSITIONAL[1]:-3}
TEXT=${POSITIONAL[2]:-hex}
source bench/common.sh
source bench/cores.sh
if [ -n "$SPLIT" ]; then split_cores_check; fi
PG_DUMP=${PGBIN:+$PGBIN/}pg_dump

prepare_database
"${BD[@]}" keys generate bench >/dev/null
# pinned after the database is made, which is not timed, and before anything that is
if [ -n "$SPLIT" ]; then split_cores; else echo "Cores: shared by the server and the client"; fi
"$PG_DUMP" -Fc -Z1 -f "$WORK/warm.dump" "$DB" && rm -f "$WORK/warm.dump"

# The options backupdesk's defaults give pg_dump (see DumpCommands), minus --snapshot, which needs
# an open exporting transaction that a shell cannot hold.
OURS=(--no-password --verbose --format=c --compress=1 --lock-wait-timeout=60000)

raw_dump() { "$PG_DUMP" "$@" --file="$WORK/out" "$DB" 2>/dev/null; du -sb "$WORK/out" | cut -f1; }
plain_gzip() { "$PG_DUMP" -Fp --no-password "$DB" | gzip -6 > "$WORK/out"; du -sb "$WORK/out" | cut -f1; }
start_and_log_in() { "${BD[@]}" profiles test bench >/dev/null; }
bd_backup() { "${BD[@]}" backup bench --json "$@" | grep -o '"sizeBytes" : [0-9]*' | grep -o '[0-9]*$'; }

# each measurement starts from an empty output folder
timed() { measure "$@"; rm -rf "$WORK/out" "$WORK/backups"; }

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  timed a raw_dump -Fc
  timed b raw_dump "${OURS[@]}"
  timed c bd_backup --no-verify
  timed g bd_backup --no-verify --encrypt-to bench
  timed d plain_gzip
  timed e bd_backup --format plain --compress 6 --no-verify
  timed v bd_backup
  timed gv bd_backup --encrypt-to bench
  timed f raw_dump -Fc -Z0
  timed s start_and_log_in
done

echo "in one running JVM: b against the engine's default backup (i), and it encrypted (gi)"
inprocess=$(java -cp target/backupdesk.jar bench/InProcessBackup.java "$WORK/config" "$WORK/backups" bench "$ROUNDS" \
  "$WORK/out" bench -- "$PG_DUMP" "${OURS[@]}" --file="$WORK/out" "$DB")
RAW_IN=$(echo "$inprocess" | awk '{print $3}')
ENGINE_IN=$(echo "$inprocess" | awk '{print $6}')
ENCRYPTED_IN=$(echo "$inprocess" | awk '{print $9}')

declare -A T S
for k in a b c g d e v gv f s; do
  T[$k]=$(echo "${TIMES[$k]}" | median)
  S[$k]=$(echo "${SIZES[$k]}" | median)
done

echo
printf '%-50s %9s %10s   %s\n' "" "median s" "size MB" "all runs (s)"
row() { printf '%-50s %9.2f %10.1f   %s\n' "$1" "${T[$2]}" "$(echo "${S[$2]} / 1048576" | bc -l)" "${TIMES[$2]}"; }
row "a  pg_dump -Fc (default compression)" a
row "b  pg_dump with backupdesk's default options" b
row "c  backupdesk backup (defaults, --no-verify)" c
row "g  c encrypted to one key" g
row "d  pg_dump -Fp | gzip -6" d
row "e  backupdesk backup --format plain --compress 6" e
row "v  backupdesk backup (defaults, with read-back)" v
row "gv v encrypted to one key" gv
row "f  pg_dump -Fc -Z0 (no compression: the floor)" f
row "s  backupdesk profiles test (start and log in)" s
printf '%-50s %9.2f %10s   (medians of %s rounds in one JVM)\n' "b  again, beside i" "$RAW_IN" "" "$ROUNDS"
printf '%-50s %9.2f %10s\n' "i  the engine's default backup in a running JVM" "$ENGINE_IN" ""
printf '%-50s %9.2f %10s\n' "gi i encrypted to one key" "$ENCRYPTED_IN" ""

info() { printf '%-50s %6.3f   for information\n' "$1" "$2"; }
# A target set at one size is shown, not judged, at another.
at_2_8_gb() {
  if [ "$SCALE" = 160 ]; then report "$@"; else printf '%-50s %6.3f   target <= %s at scale 160, not judged here\n' "$1" "$2" "$3"; fi
}
C_LESS_S_B=$(ratio "$(echo "${T[c]} - ${T[s]}" | bc -l)" "${T[b]}")

echo
if [ -n "$SPLIT" ]; then
  echo "Targets with the server on core $SERVER_CORE and the client on core $CLIENT_CORE:"
  report "c/a  our default against pgAdmin's, time" "$(ratio "${T[c]}" "${T[a]}")" 0.5
  report "c/a  our default against pgAdmin's, size" "$(ratio "${S[c]}" "${S[a]}")" 1.10
  report "(c-s)/b  our overhead beyond the JVM's start" "$C_LESS_S_B" 1.05
  report "g/c  encrypted against not" "$(ratio "${T[g]}" "${T[c]}")" 1.05
  echo
  info "c/b  our overhead over the same pg_dump" "$(ratio "${T[c]}" "${T[b]}")"
  info "i/b  the same, in a running app (no JVM start)" "$(ratio "$ENGINE_IN" "$RAW_IN")"
  info "e/d  plain gzip -6: ours against a pipe" "$(ratio "${T[e]}" "${T[d]}")"
else
  echo "Targets on cores shared by the server and the client:"
  at_2_8_gb "i/b  our overhead in a running app (no JVM start)" "$(ratio "$ENGINE_IN" "$RAW_IN")" 1.05
  report "(c-s)/b  our overhead beyond the JVM's start" "$C_LESS_S_B" 1.10
  report "c/a  our default against pgAdmin's, size" "$(ratio "${S[c]}" "${S[a]}")" 1.10
  report "e/d  plain gzip -6: ours against a pipe" "$(ratio "${T[e]}" "${T[d]}")" 0.8
  report "g/c  encrypted against not" "$(ratio "${T[g]}" "${T[c]}")" 1.05
  echo
  info "c/b  our overhead over the same pg_dump" "$(ratio "${T[c]}" "${T[b]}")"
  info "c/a  our default against pgAdmin's, time" "$(ratio "${T[c]}" "${T[a]}")"
fi
info "gv/v  encrypted against not, with the read-back" "$(ratio "${T[gv]}" "${T[v]}")"
info "gi/i  encrypted against not, in a running app" "$(ratio "$ENCRYPTED_IN" "$ENGINE_IN")"
info "g/c  size: what age adds to the archive" "$(ratio "${S[g]}" "${S[c]}")"
echo
printf 'Our time beyond pg_dump itself (c - b): %.2f s; starting the JVM and logging in alone (s): %.2f s.\n' \
  "$(echo "${T[c]} - ${T[b]}" | bc -l)" "${T[s]}"
printf 'Encryption took %.2f s more than c (g - c), %.2f s more with the read-back (gv - v).\n' \
  "$(echo "${T[g]} - ${T[c]}" | bc -l)" "$(echo "${T[gv]} - ${T[v]}" | bc -l)"
printf 'The floor: an uncompressed dump (f) takes %.3f of pgAdmin'"'"'s time (a); no compressed backup gets below it here.\n' \
  "$(ratio "${T[f]}" "${T[a]}")"
