#!/usr/bin/env bash
# Takes the screenshots of named schedules and presets (issue 19): the Schedules screen with its Name and Options
# columns, the editor of a new schedule (its name, "As the connection: preset lean" and the command that makes), the
# backup list's Origin column with a scheduled backup's details, and a connection's default backup options. Each in
# both themes, under a window manager (openbox) and without one, since window sizes went wrong under one only
# (docs/decisions/0019).
#
#   docs/screenshots/schedules.sh
#
# Needs what take.sh needs, and openbox. Over take.sh's demo data with two presets: prod-1 names "lean", a schedule
# "weekly sql" dumps as preset nightly-sql, one of analytics follows its connection, and "hourly staging" was removed
# (its backups say so).
set -euo pipefail
cd "$(dirname "$0")/../.."

DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
SHOTS=docs/screenshots
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${SCREENSHOT_DISPLAY:-:95}

source "$SHOTS/display.sh"

rm -rf "$DEMO_HOME/.config/backupdesk" "$DEMO_HOME/backups"
java -cp "$CP" io.backupdesk.testing.CatalogGenerator "$CONFIG" "$DEMO_HOME/backups" 240 40
printf '{"schemaVersion":1,"backupRoot":"%s"}' "$DEMO_HOME/backups" > "$CONFIG/settings.json"
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$CONFIG" "$@" >/dev/null; }
cli presets add lean --description "For developers: no owners, no grants, no audit rows" --no-owner --no-privileges \
  --exclude-table-data 'audit.*' --compress 6
cli presets add nightly-sql --description "Plain SQL a DBA can read and replay" --format plain --clean --if-exists
cli profiles add prod-1 --url "postgresql://backup@db1.example.internal:5432/sales?sslmode=require" --preset lean
cli schedule add prod-1 --name "weekly sql" --cron "0 4 * * 0" --preset nightly-sql --keep-last 4
cli schedule add analytics --name "month end" --cron "0 22 28 * *"
cli schedule remove "hourly staging"

shoot() { import -window root "$SHOTS/$1"; }
# the screen brought to its state by the preview itself (SchedulesPreview, test code): no clicks whose places move;
# it prints "ready" once the state is drawn, however long the machine takes
preview() {
  local said
  said=$(mktemp)
  java -cp "$CP" io.backupdesk.app.SchedulesPreview "$CONFIG" "$1" "$2" >"$said" 2>/dev/null &
  APP=$!
  for _ in $(seq 1 180); do grep -q '^ready' "$said" && break; sleep 1; done
  shoot "$3"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  APP=''
  rm -f "$said"
}

for wm in openbox none; do
  for theme in light dark; do
    if [ "$wm" = openbox ]; then openbox >/dev/null 2>&1 & WM=$!; sleep 1; fi
    suffix="$theme"; [ "$wm" = none ] && suffix="$theme-nowm"
    preview "$theme" schedules "schedules-named-$suffix.png"
    preview "$theme" editor "schedule-editor-presets-$suffix.png"
    preview "$theme" backups "backups-origin-$suffix.png"
    preview "$theme" connections "connection-preset-$suffix.png"
    if [ -n "$WM" ]; then kill $WM; WM=; fi
  done
done
echo "Screenshots written to $SHOTS"
