#!/usr/bin/env bash
# Takes the screenshots in this folder: every screen of the desktop app, light and dark, at 1280x800,
# over made-up but realistic data (a few databases, six weeks of backups with failures, three schedules).
#
#   docs/screenshots/take.sh
#
# Needs: Xvfb, xdotool and ImageMagick (import), a JDK, and a built project (./mvnw test-compile).
# DEMO_HOME chooses where the demo data lives; its paths show in the backup details, so the
# published screenshots use a neutral home folder (DEMO_HOME=/home/dba).
set -euo pipefail
cd "$(dirname "$0")/../.."

DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
SHOTS=docs/screenshots
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${SCREENSHOT_DISPLAY:-:97}

source "$SHOTS/display.sh"

rm -rf "$DEMO_HOME/.config/backupdesk" "$DEMO_HOME/backups"
java -cp "$CP" io.backupdesk.testing.CatalogGenerator "$CONFIG" "$DEMO_HOME/backups" 240 40
# prod-1's backups are encrypted to a stored key, as the connection form, the schedule editor and Back up now show
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$CONFIG" "$@" >/dev/null; }
cli keys generate ops-key
cli keys generate offsite
cli profiles add prod-1 --url "postgresql://backup@db1.example.internal:5432/sales?sslmode=require" --encrypt-to ops-key

shoot() { import -window root "$SHOTS/$1"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1.5}"; }

for theme in light dark; do
  printf '{"schemaVersion":1,"backupRoot":"%s","theme":"%s"}' "$DEMO_HOME/backups" "$theme" > "$CONFIG/settings.json"
  # the whole screen, where the clicks below expect the window (a first start would take 90% of it)
  printf '{"schemaVersion":1,"x":0,"y":0,"width":1280,"height":800,"maximized":false}' > "$CONFIG/window.json"
  BACKUPDESK_HOME="$CONFIG" java -cp "$CP" io.backupdesk.app.Launcher >/dev/null 2>&1 &
  APP=$!
  sleep 7
  shoot "dashboard-$theme.png"
  click 90 130            # Backups
  click 500 356           # a row, for the details pane
  shoot "backups-$theme.png"
  xdotool key ctrl+n; sleep 2
  shoot "backup-now-$theme.png"
  xdotool key Escape; sleep 1
  click 90 171            # Schedules
  click 450 264           # the nightly schedule of prod-1, below the no-tray warning of this desktop
  shoot "schedules-$theme.png"
  click 239 80 2.5        # Edit: the editor with its retention preview
  shoot "schedule-editor-$theme.png"
  xdotool key Escape; sleep 1
  click 90 209            # Connections
  click 300 115           # the second profile
  shoot "connections-$theme.png"
  click 90 247            # Settings
  shoot "settings-$theme.png"
  xdotool key ctrl+q
  wait $APP || true
done
echo "Screenshots written to $SHOTS"
