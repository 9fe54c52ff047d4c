#!/usr/bin/env bash
# Takes the screenshots of backups that are only at a destination (remote-backups-*.png, remote-restore-*.png),
# light and dark, at 1280x800, over the demo data of take.sh: the three newest backups of prod-1/billing moved to a
# NAS folder (as if this desk had lost them, or another desk had made them), the NAS's catalog synced, the list
# filtered to billing and sorted newest first, and the restore wizard opened on the newest remote one.
#
#   docs/screenshots/remote.sh
#
# Needs: Xvfb, xdotool and ImageMagick (import), a JDK, and a built project (./mvnw test-compile). DEMO_HOME
# chooses where the demo data lives (DEMO_HOME=/home/dba for the published ones). THEMES chooses the themes
# (default "light dark"); WINDOW_MANAGER (e.g. openbox) runs one on the display, to see the dialogs decorated.
set -euo pipefail
cd "$(dirname "$0")/../.."

DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
THEMES=${THEMES:-light dark}
SHOTS=docs/screenshots
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${SCREENSHOT_DISPLAY:-:95}

source "$SHOTS/display.sh"
if [ -n "${WINDOW_MANAGER:-}" ]; then
  "$WINDOW_MANAGER" >/dev/null 2>&1 &
  WM=$!
  sleep 1
fi

rm -rf "$CONFIG" "$DEMO_HOME/backups" "$DEMO_HOME/nas"
java -cp "$CP" io.backupdesk.testing.CatalogGenerator "$CONFIG" "$DEMO_HOME/backups" 240 40
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$CONFIG" "$@" >/dev/null; }
cli keys generate ops-key
# the NAS holds the newest billing backups, at the size their sidecars record (sparse files), and nothing is left here
mkdir -p "$DEMO_HOME/nas/prod-1/billing"
for sidecar in $(ls "$DEMO_HOME"/backups/prod-1/billing/*.backup.json | sort | tail -3); do
  archive="${sidecar%.backup.json}.dump"
  size=$(grep -o '"sizeBytes" *: *[0-9]*' "$sidecar" | grep -o '[0-9]*$')
  mv "$sidecar" "$archive" "$DEMO_HOME/nas/prod-1/billing/"
  truncate -s "$size" "$DEMO_HOME/nas/prod-1/billing/$(basename "$archive")"
done
printf '{"schemaVersion":1,"backupRoot":"%s","theme":"light"}' "$DEMO_HOME/backups" > "$CONFIG/settings.json"
cli destinations add nas --url "file://$DEMO_HOME/nas"
cli catalog sync nas

shoot() { xdotool mousemove 1270 790; sleep 0.3; import -window root "$SHOTS/$1"; }
click() { xdotool mousemove "$1" "$2"; sleep 0.3; xdotool click 1; sleep "${3:-1.5}"; }
# a window manager's title bar moves the window's content down
DY=$([ -n "${WINDOW_MANAGER:-}" ] && echo 22 || echo 0)

for theme in $THEMES; do
  printf '{"schemaVersion":1,"backupRoot":"%s","theme":"%s"}' "$DEMO_HOME/backups" "$theme" > "$CONFIG/settings.json"
  printf '{"schemaVersion":1,"x":0,"y":0,"width":1280,"height":800,"maximized":false}' > "$CONFIG/window.json"
  BACKUPDESK_HOME="$CONFIG" java -cp "$CP" io.backupdesk.app.Launcher >/dev/null 2>&1 &
  APP=$!
  sleep 20
  click 80 $((131 + DY)) 2.5                         # Backups
  click 480 $((78 + DY)) 0.3; xdotool type billing; sleep 1
  click 450 $((168 + DY)) 0.8; click 450 $((168 + DY)) 1   # Created, newest first: the three at the NAS on top
  click 470 $((198 + DY)) 2                          # the newest, only at the NAS
  shoot "remote-backups-$theme.png"
  click 252 $((122 + DY)) 3                          # Restore…
  shoot "remote-restore-$theme.png"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  APP=''
done
echo "Screenshots written to $SHOTS"
