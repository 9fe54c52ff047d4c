#!/usr/bin/env bash
# What the app costs while it waits hidden in the tray: CPU and resident memory over 60 seconds.
# The app starts hidden (as a login start does) under Xvfb with a tray host, with three connection
# profiles, ten armed schedules that are not due in the window, and a catalog of backups; after it
# has settled, /proc is read once a second. Targets: under 1% of one core on average, under 250 MB
# resident at the peak.
#
#   bench/idle.sh [seconds] [settle-seconds, 30]
#
# Needs: xvfb, trayer, a JDK and a packaged jar (./mvnw package -DskipTests). No PostgreSQL: an idle
# app talks to no server. JAVA_OPTS are passed to the JVM, to compare settings.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_WATCH=${1:-60}
SETTLE=${2:-30}
[ -f target/backupdesk.jar ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
CONFIG="$WORK/config"
export DISPLAY=${IDLE_DISPLAY:-:94}
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 & XVFB=$!
sleep 1
trayer --edge top --align right --widthtype pixel --width 120 --height 32 >/dev/null 2>&1 & TRAYER=$!
APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; kill $TRAYER $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 1

BD=(java -jar target/backupdesk.jar --config-dir "$CONFIG")
for p in sales crm billing; do
  "${BD[@]}" profiles add "$p" --url "postgresql://dba@db.example:5432/$p" >/dev/null
done
# not due within the window: one hour and a half from now, in each profile, and weekly ones
hour=$(( ($(date -u +%H) + 2) % 24 ))
for p in sales crm billing; do
  "${BD[@]}" schedule add "$p" --cron "15 $hour * * *" --zone UTC --keep-last 7 >/dev/null
  "${BD[@]}" schedule add "$p" --cron "30 $hour * * 0" --zone UTC --daily 7 --weekly 4 >/dev/null
  "${BD[@]}" schedule add "$p" --cron "45 $hour 1 * *" --zone UTC --monthly 12 >/dev/null
done
"${BD[@]}" schedule add sales --cron "0 $hour * * 1-5" --zone UTC >/dev/null

BACKUPDESK_HOME="$CONFIG" BACKUPDESK_START_HIDDEN=1 java ${JAVA_OPTS:-} -jar target/backupdesk.jar >/dev/null 2>&1 & APP=$!
sleep "$SETTLE"
grep -q "Tray icon shown" "$CONFIG"/logs/*.log || { echo "The tray icon did not come up" >&2; exit 1; }
grep -q "the window stays in the tray" "$CONFIG"/logs/*.log || { echo "The app did not start hidden" >&2; exit 1; }

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$APP/status"; }
start_cpu=$(cpu); start=$(date +%s.%N); peak=0; sum=0; n=0
for _ in $(seq 1 "$SECONDS_TO_WATCH"); do
  sleep 1
  r=$(rss); sum=$((sum + r)); n=$((n + 1)); [ "$r" -gt "$peak" ] && peak=$r
done
end_cpu=$(cpu); end=$(date +%s.%N)
threads=$(ls "/proc/$APP/task" | wc -l)
cpu_pct=$(echo "scale=3; ($end_cpu - $start_cpu) / $ticks / ($end - $start) * 100" | bc)
peak_mb=$((peak / 1024)); avg_mb=$((sum / n / 1024))
echo "Idle in the tray for ${SECONDS_TO_WATCH} s (after ${SETTLE} s to settle), $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '  CPU          %6s %% of one core on average   (target < 1 %%)    %s\n' "$cpu_pct" \
  "$(echo "$cpu_pct < 1" | bc | sed 's/1/ok/;s/0/MISSED/')"
printf '  resident     %6s MB at the peak, %s MB on average   (target < 250 MB)   %s\n' "$peak_mb" "$avg_mb" \
  "$([ "$peak_mb" -lt 250 ] && echo ok || echo MISSED)"
printf '  threads      %6s\n' "$threads"
printf '  ratios       cpu/target %s   rss/target %s\n' "$(echo "scale=3; $cpu_pct / 1" | bc)" \
  "$(echo "scale=3; $peak_mb / 250" | bc)"
