#!/usr/bin/env bash
# Takes the screenshots of whole-server sets (sets-*.png): the connection form of a server connection, the backup list
# with a set opened into its databases, the set's details, the dashboard with the server's line over its databases,
# and each step of the restore wizard for a set; light with a window manager (openbox), dark without, at 1280x800,
# over the demo data of take.sh plus three sets of the server connection cluster-a (SetGenerator: the newest partial,
# one database refused). The wizard's steps after the first are taken from the wizard alone (SetRestorePreview) over
# a set restore whose answers are given by hand, as a screenshot cannot bring a second server along.
#
#   docs/screenshots/sets.sh
#
# Needs: Xvfb, xdotool and ImageMagick (import), openbox, a JDK, and a built project (./mvnw test-compile). DEMO_HOME
# chooses where the demo data lives (DEMO_HOME=/home/dba for the published ones).
set -euo pipefail
cd "$(dirname "$0")/../.."

DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
SHOTS=docs/screenshots
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${SCREENSHOT_DISPLAY:-:94}

source "$SHOTS/display.sh"

rm -rf "$CONFIG" "$DEMO_HOME/backups"
java -cp "$CP" io.backupdesk.testing.CatalogGenerator "$CONFIG" "$DEMO_HOME/backups" 240 40
java -cp "$CP" io.backupdesk.testing.SetGenerator "$CONFIG" "$DEMO_HOME/backups"

shoot() { xdotool mousemove 1270 790; sleep 0.3; import -window root "$SHOTS/$1"; }
click() { xdotool mousemove "$1" "$2"; sleep 0.3; xdotool click 1; sleep "${3:-1.5}"; }
wheel() { xdotool mousemove "$1" "$2"; for _ in $(seq "$3"); do xdotool click 5; done; sleep 1; }

for theme in light dark; do
  DY=0
  if [ "$theme" = light ]; then
    openbox >/dev/null 2>&1 &
    WM=$!
    sleep 1
    DY=22                                             # the title bar moves the window's content down
  fi
  printf '{"schemaVersion":1,"backupRoot":"%s","theme":"%s"}' "$DEMO_HOME/backups" "$theme" > "$CONFIG/settings.json"
  printf '{"schemaVersion":1,"x":0,"y":0,"width":1280,"height":800,"maximized":false}' > "$CONFIG/window.json"
  BACKUPDESK_HOME="$CONFIG" java -cp "$CP" io.backupdesk.app.Launcher >/dev/null 2>&1 &
  APP=$!
  sleep 25
  shoot "sets-dashboard-$theme.png"
  click 90 $((209 + DY)) 2.5                         # Connections
  click 300 $((125 + DY)) 2                          # cluster-a, the server connection
  shoot "sets-connection-$theme.png"
  click 80 $((131 + DY)) 2.5                         # Backups: the newest set on top
  click 283 $((201 + DY)) 1.5                        # its chevron: its databases under it
  click 500 $((201 + DY)) 2                          # the set, for its details
  shoot "sets-backups-$theme.png"
  wheel 1120 $((500 + DY)) 10                        # the details' databases and those left out
  shoot "sets-details-$theme.png"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  APP=''

  java -cp "$CP" io.backupdesk.ui.restorewizard.SetRestorePreview "$theme" "$DEMO_HOME/backups" >/dev/null 2>&1 &
  APP=$!
  sleep 14
  shoot "sets-restore-choose-$theme.png"
  # the wizard's buttons sit as high with a title bar as without: the window keeps its outer height
  click 858 663 3                                    # Preview: the roles first, then each database's checks
  shoot "sets-restore-preview-$theme.png"
  click 838 663 2                                    # Restore the set
  shoot "sets-restore-run-$theme.png"
  sleep 6
  shoot "sets-restore-report-$theme.png"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  APP=''
  if [ -n "$WM" ]; then
    kill $WM 2>/dev/null; wait $WM 2>/dev/null || true
    WM=''
  fi
done
echo "Screenshots written to $SHOTS"
