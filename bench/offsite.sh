#!/usr/bin/env bash
# Off-site upload speed and memory against the AWS command line, in the same run on the same file.
#
#   bench/offsite.sh [size-MiB] [rounds]
#
# Starts an S3 server on a free loopback port (S3Proxy, the tests' io.backupdesk.testing.S3ProxyServer, in a JVM of
# its own, keeping the objects in a work folder; it checks x-amz-checksum-sha256 as S3 does), makes a file of
# size-MiB (default 1024) of incompressible bytes, as a compressed or encrypted backup is, and alternates, `rounds`
# times (default 3):
#   a  aws s3 cp FILE s3://bench/…, the AWS command line at its default concurrency, set explicitly in a
#      configuration file of the bench's own: max_concurrent_requests 10, multipart_threshold and
#      multipart_chunksize 8MB, max_queue_size 1000
#   o  our upload: S3Store.upload in a JVM of its own, started as bin/backupdesk starts the command line: with a
#      class-data archive (decision 0026), recorded by one untimed upload first; default part size and parallelism, the default checksum mode (SHA-256 per part, checked by the server),
#      under /usr/bin/time for its peak memory (maximum resident set size)
#   m  the same in MD5 mode (Content-MD5 per part, the ETags compared), for information
# Each upload goes to a key of its own, deleted after it. It prints the medians, o/a against the target
# ("ok" or "MISSED") and our peak memory against its target:
#   o/a <= 1.10 in time        o's peak memory < 300 MB
# Both sides start a process: the AWS command line's Python and our JVM; "upload" is ours without the JVM's start.
#
# Needs the jar and the test classes: ./mvnw package -DskipTests (which compiles the tests too). BENCH_JAR=other.jar
# measures another build of ours (e.g. one kept from before a change) against the same server and file.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${1:-1024}
ROUNDS=${2:-3}
BUCKET=bench
JAR=${BENCH_JAR:-target/backupdesk.jar}
[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 2; }
[ -f target/test-classes/io/backupdesk/testing/S3ProxyServer.class ] || {
  echo "Compile the tests first: ./mvnw package -DskipTests" >&2; exit 2; }
command -v aws >/dev/null || { echo "Needs the AWS command line (aws)." >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "Needs GNU time (/usr/bin/time) for the peak memory." >&2; exit 2; }

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

echo "Test class path..."
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$WORK/classpath")" io.backupdesk.testing.S3ProxyServer \
  "$WORK/storage" "$BUCKET" VERIFIED > "$WORK/server.out" 2> "$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
  grep -q '^port ' "$WORK/server.out" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; exit 1; }
  sleep 0.1
done
PORT=$(awk '/^port /{print $2}' "$WORK/server.out")
[ -n "$PORT" ] || { echo "S3Proxy did not start" >&2; exit 1; }
ENDPOINT=http://127.0.0.1:$PORT

# The AWS command line's defaults, written down so that a user's configuration changes nothing.
cat > "$WORK/aws-config" <<CONFIG
[default]
region = us-east-1
s3 =
  max_concurrent_requests = 10
  max_queue_size = 1000
  multipart_threshold = 8MB
  multipart_chunksize = 8MB
CONFIG
export AWS_CONFIG_FILE=$WORK/aws-config AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
export AWS_ACCESS_KEY_ID=backupdesk-test-access AWS_SECRET_ACCESS_KEY=backupdesk-test-secret-5c1e7a90
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN
# S3Proxy knows none of the CRC checksums that newer command lines add by default
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required

mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$JAR" bench/InProcessUpload.java
# a jar, not a folder: the JVM archives no class of a folder on the class path
jar cf "$WORK/bench.jar" -C "$WORK/classes" .
OURS_CP=$JAR:$WORK/bench.jar
CDS="-Xlog:cds=off -Xlog:cds+dynamic=off"

FILE=$WORK/upload.bin
echo "Making a $SIZE_MIB MiB file of random bytes..."
head -c "$((SIZE_MIB * 1048576))" /dev/urandom > "$FILE"
SHA256=$(sha256sum "$FILE" | cut -d' ' -f1)
echo "S3Proxy on $ENDPOINT; $(aws --version 2>&1); java $(java -version 2>&1 | awk -F'"' 'NR==1{print $2}'); $(nproc) cores"

declare -A TIMES RSS UPLOAD
now() { date +%s.%N; }
add() { TIMES[$1]+="$(echo "$3 - $2" | bc) "; }
remove() { aws --endpoint-url "$ENDPOINT" s3 rm "s3://$BUCKET/$1" >/dev/null; }

run_aws() {
  local start; start=$(now)
  aws --endpoint-url "$ENDPOINT" s3 cp --only-show-errors "$FILE" "s3://$BUCKET/aws-$1.bin"
  add a "$start" "$(now)"
  remove "aws-$1.bin"
}
run_ours() {
  local name=$1 mode=$2 start out
  start=$(now)
  out=$(/usr/bin/time -f 'rss %M' -o "$WORK/time" java -XX:SharedArchiveFile="$WORK/ours.jsa" $CDS \
    -cp "$OURS_CP" InProcessUpload \
    "$ENDPOINT" "$BUCKET" "$FILE" "ours-$name-$3.bin" "$SHA256" "$mode" 2>"$WORK/ours.err") \
    || { cat "$WORK/ours.err" >&2; exit 1; }
  add "$name" "$start" "$(now)"
  RSS[$name]+="$(awk '/^rss /{print $2}' "$WORK/time") "
  UPLOAD[$name]+="$(echo "$out" | awk '/^upload /{print $2}') "
  remove "ours-$name-$3.bin"
}

# the class-data archive, as bin/backupdesk's first run records it; this upload is not timed
java -XX:ArchiveClassesAtExit="$WORK/ours.jsa" $CDS -cp "$OURS_CP" InProcessUpload "$ENDPOINT" "$BUCKET" "$FILE" \
  ours-record.bin "$SHA256" SHA256 >/dev/null 2>"$WORK/ours.err" || { cat "$WORK/ours.err" >&2; exit 1; }
remove ours-record.bin
[ -f "$WORK/ours.jsa" ] || { echo "No class-data archive was recorded" >&2; exit 1; }

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  run_aws "$round"
  run_ours o SHA256 "$round"
  run_ours m MD5 "$round"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
maximum() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -n 1; }
A=$(echo "${TIMES[a]}" | median)
O=$(echo "${TIMES[o]}" | median)
M=$(echo "${TIMES[m]}" | median)
RATIO=$(echo "scale=3; $O / $A" | bc -l)
O_RSS=$(( $(echo "${RSS[o]}" | maximum) / 1024 ))
M_RSS=$(( $(echo "${RSS[m]}" | maximum) / 1024 ))
mibps() { echo "scale=1; $SIZE_MIB / $1" | bc -l; }

echo
printf '%-52s %9s %9s %9s   %s\n' "$SIZE_MIB MiB to S3Proxy on loopback" "median s" "MiB/s" "peak MB" "all runs (s)"
printf '%-52s %9.2f %9.1f %9s   %s\n' "a  aws s3 cp (default concurrency)" "$A" "$(mibps "$A")" "" "${TIMES[a]}"
printf '%-52s %9.2f %9.1f %9d   %s\n' "o  ours, SHA-256 per part (default)" "$O" "$(mibps "$O")" "$O_RSS" "${TIMES[o]}"
printf '%-52s %9.2f %9.1f %9d   %s\n' "m  ours, MD5 per part" "$M" "$(mibps "$M")" "$M_RSS" "${TIMES[m]}"
printf '%-52s %9.2f %9s %9s   %s\n' "   o's upload alone, without the JVM's start" "$(echo "${UPLOAD[o]}" | median)" "" "" \
  "${UPLOAD[o]}"
echo
ok() { [ "$1" = 1 ] && echo ok || echo MISSED; }
printf '%-52s %6.3f   target <= 1.10   %s\n' "o/a  our upload against aws s3 cp, time" "$RATIO" \
  "$(ok "$(echo "$RATIO <= 1.10" | bc -l)")"
printf '%-52s %6d   target < 300 MB  %s\n' "o  our peak memory (maximum RSS), MB" "$O_RSS" \
  "$(ok "$([ "$O_RSS" -lt 300 ] && echo 1 || echo 0)")"
printf '%-52s %6.3f   for information\n' "m/a  MD5 mode against aws s3 cp, time" "$(echo "scale=3; $M / $A" | bc -l)"
# On a machine that others load too, one slow round moves a median of times; the rounds' own ratios (o and a run
# one after the other) move less.
read -r -a AS <<< "${TIMES[a]}"
read -r -a OS <<< "${TIMES[o]}"
PER_ROUND=$(for i in "${!AS[@]}"; do printf '%.3f ' "$(echo "scale=3; ${OS[i]} / ${AS[i]}" | bc -l)"; done)
printf '%-52s %6.3f   for information (rounds: %s)\n' "o/a  median of the rounds' own ratios" \
  "$(echo "$PER_ROUND" | median)" "$PER_ROUND"
