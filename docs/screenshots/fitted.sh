#!/usr/bin/env bash
# Takes the screenshots of the dashboard and the backup list fitted to their texts (issue 19) with the real app over
# a real server: the dashboard's cards and charts after backups that take seconds, the backup list with its Origin
# column and a backup's details (label, origin, SHA-256, "305,000 rows"), the selected row once the table lost the
# focus, and Back up now and the restore wizard at the size they open at. Light under a window manager (openbox),
# dark without one, since window sizes went wrong under one only (docs/decisions/0019).
#
#   BACKUPDESK_TEST_PG_URL=postgresql://user:pw@127.0.0.1:5432/postgres docs/screenshots/fitted.sh
#
# DEMO_HOME chooses where the demo data lives; its paths show in the backup details, so the published screenshots
# use a neutral home folder (DEMO_HOME=/home/dba), as take.sh's do.
#
# Needs what take.sh needs, openbox and psql, and the project built (./mvnw test-compile). Writes fitted-*.png.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${BACKUPDESK_TEST_PG_URL:?set BACKUPDESK_TEST_PG_URL to a PostgreSQL server the demo may create a database on}"
DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
SHOTS=docs/screenshots
SEED="$DEMO_HOME/seed"
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${FITTED_DISPLAY:-:93}
DB=backupdesk_fitted_demo

source "$SHOTS/display.sh"
trap 'set +e; [ -n "$APP" ] && kill "$APP"; [ -n "$WM" ] && kill "$WM"; kill $XVFB; rm -f "$CLASSPATH_FILE";
  psql "$BACKUPDESK_TEST_PG_URL" -qc "drop database if exists $DB" >/dev/null 2>&1' EXIT

shoot() { import -window root "$SHOTS/$1"; }

# shop: 305,000 orders and 5,000 customers, backed up four times (seconds each) from the command line, once with a
# label, once by its schedule; crm: a database that is not there, so its backup fails
psql "$BACKUPDESK_TEST_PG_URL" -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
psql "${BACKUPDESK_TEST_PG_URL%/*}/$DB" -qc "create table orders as select g as id, md5(g::text) as note
  from generate_series(1, 305000) g" -c "create table customers as select g as id from generate_series(1, 5000) g" \
  >/dev/null
base=$(sed -E 's#//([^:@]+):[^@]*@#//\1@#' <<<"${BACKUPDESK_TEST_PG_URL%/*}")
password=$(sed -E 's#^[^/]*//[^:]+:([^@]*)@.*#\1#' <<<"$BACKUPDESK_TEST_PG_URL")
rm -rf "$SEED" "$DEMO_HOME/backups"
mkdir -p "$SEED"
printf '{"schemaVersion":1,"backupRoot":"%s"}' "$DEMO_HOME/backups" > "$SEED/settings.json"
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$SEED" "$@"; }
cli profiles add shop --url "$base/$DB" --password-stdin <<<"$password" >/dev/null
cli profiles add crm --url "$base/${DB}_crm" --password-stdin <<<"$password" >/dev/null
cli schedule add shop --name nightly --cron "30 2 * * *" >/dev/null
cli backup shop >/dev/null
cli backup shop --label before-release-2026-12 >/dev/null
cli backup shop >/dev/null
cli backup crm >/dev/null 2>&1 || true
java -cp "$CP" io.backupdesk.testing.RunSchedule "$SEED" nightly
cli stats

window() { # the id of the first shown window whose title matches
  for _ in $(seq 1 90); do
    xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 | grep . && return 0
    sleep 1
  done
  echo "no window '$1'" >&2; return 1
}
# a click at a place in a window's content (below a window manager's title bar), wherever the window is
click() { xdotool mousemove --window "$1" "$2" "$3" click 1; sleep "${4:-2}"; }
size() { xdotool getwindowgeometry "$1" | sed -n 's/.*Geometry: //p'; }

for theme in light dark; do
  if [ "$theme" = light ]; then openbox >/dev/null 2>&1 & WM=$!; sleep 1; fi
  suffix="$theme"; [ "$theme" = dark ] && suffix="dark-nowm"
  rm -rf "$CONFIG"
  mkdir -p "$(dirname "$CONFIG")"
  cp -r "$SEED" "$CONFIG"
  printf '{"schemaVersion":1,"backupRoot":"%s","theme":"%s"}' "$DEMO_HOME/backups" "$theme" > "$CONFIG/settings.json"
  # the size a person left it at: the whole screen
  printf '{"schemaVersion":1,"x":0,"y":0,"width":1280,"height":800,"maximized":false}' > "$CONFIG/window.json"
  BACKUPDESK_HOME="$CONFIG" java -cp "$CP" io.backupdesk.app.Launcher >/dev/null 2>&1 &
  APP=$!
  main=$(window "^Backup Desk")
  sleep "${SETTLE:-20}"
  echo "main window ($theme): $(size "$main")"
  shoot "fitted-dashboard-$suffix.png"
  xdotool mousemove --window "$main" 700 500 click 5 click 5 click 5 click 5 click 5 click 5 click 5 click 5; sleep 2
  shoot "fitted-charts-$suffix.png"   # scrolled down: runs per day and storage by database
  click "$main" 90 133                # Backups
  sleep 3
  click "$main" 500 252               # the labelled backup (the third), for its details
  shoot "fitted-backups-$suffix.png"
  # the details scrolled down to the tables and their rows
  xdotool mousemove --window "$main" 1130 500 click 5 click 5 click 5 click 5 click 5 click 5 click 5 click 5; sleep 2
  shoot "fitted-details-$suffix.png"
  click "$main" 400 80                # the filter field: the table loses the focus, its selection stays in view
  shoot "fitted-unfocused-$suffix.png"
  click "$main" 500 252
  xdotool key ctrl+n
  dialog=$(window "^Back up now")
  sleep 8
  echo "Back up now ($theme): $(size "$dialog")"
  shoot "fitted-backup-now-$suffix.png"
  xdotool key Escape; sleep 2
  click "$main" 252 124               # Restore...
  wizard=$(window "^Restore a backup")
  sleep 6
  echo "restore wizard ($theme): $(size "$wizard")"
  shoot "fitted-restore-$suffix.png"
  xdotool key Escape; sleep 2
  kill $APP; wait $APP 2>/dev/null || true; APP=''
  if [ -n "$WM" ]; then kill $WM; WM=''; fi
done
echo "Screenshots written to $SHOTS"
