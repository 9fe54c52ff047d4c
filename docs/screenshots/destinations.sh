#!/usr/bin/env bash
# Takes the off-site copies' screenshots (destinations-*.png), light and dark, at 1280x800, over the demo data of
# take.sh with made-up destinations and copies: a NAS folder (real, so that its test really runs), an S3 bucket and
# an SFTP server that takes only encrypted backups; the newest backups of prod-1 copied, two still pending, one
# failed. The SFTP server's first-connection question is taken from the Destinations section alone
# (HostKeyPreview), as the app cannot reach an SSH server until its client is built in.
#
#   docs/screenshots/destinations.sh
#
# Needs: Xvfb, xdotool and ImageMagick (import), a JDK, and a built project (./mvnw test-compile). DEMO_HOME
# chooses where the demo data lives; its paths show in the screenshots, so the published ones use a neutral
# home folder (DEMO_HOME=/home/dba). THEMES chooses the themes (default "light dark").
set -euo pipefail
cd "$(dirname "$0")/../.."

DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
THEMES=${THEMES:-light dark}
SHOTS=docs/screenshots
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${SCREENSHOT_DISPLAY:-:96}

source "$SHOTS/display.sh"

rm -rf "$CONFIG" "$DEMO_HOME/backups" "$DEMO_HOME/nas"
mkdir -p "$DEMO_HOME/nas"
java -cp "$CP" io.backupdesk.testing.CatalogGenerator "$CONFIG" "$DEMO_HOME/backups" 240 40
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$CONFIG" "$@" >/dev/null; }
cli keys generate ops-key
cli keys generate offsite
cli profiles add prod-1 --url "postgresql://backup@db1.example.internal:5432/sales?sslmode=require" --encrypt-to ops-key
java -cp "$CP" io.backupdesk.testing.CopyGenerator "$CONFIG" "$DEMO_HOME/backups" "$DEMO_HOME/nas"

shoot() { xdotool mousemove 1270 790; sleep 0.3; import -window root "$SHOTS/$1"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1.5}"; }
scroll() { xdotool mousemove "$1" "$2"; for _ in $(seq 1 "$3"); do xdotool click 5; sleep 0.15; done; sleep 1; }
type_in() { click "$1" "$2" 0.3; xdotool type "$3"; }

for theme in $THEMES; do
  printf '{"schemaVersion":1,"backupRoot":"%s","theme":"%s"}' "$DEMO_HOME/backups" "$theme" > "$CONFIG/settings.json"
  printf '{"schemaVersion":1,"x":0,"y":0,"width":1280,"height":800,"maximized":false}' > "$CONFIG/window.json"
  BACKUPDESK_HOME="$CONFIG" java -cp "$CP" io.backupdesk.app.Launcher >/dev/null 2>&1 &
  APP=$!
  sleep 20
  shoot "destinations-dashboard-$theme.png"          # the Copies waiting card
  click 90 133 2.5                                   # Backups
  click 500 252                                      # prod-1/crm, one copy confirmed, one pending
  scroll 1130 500 8                                  # the details down to its copies
  shoot "destinations-backup-$theme.png"
  click 90 209 2                                     # Connections
  click 300 120 2                                    # prod-1, which copies to the NAS and the bucket
  scroll 900 500 10
  shoot "destinations-connection-$theme.png"
  click 90 247 2                                     # Settings
  scroll 700 400 20                                  # down to the Destinations
  click 262 325 3                                    # Test the NAS: a real folder
  shoot "destinations-$theme.png"
  click 327 351 2.5                                  # Edit the NAS
  click 380 691 3                                    # Save and test, in the dialog
  shoot "destinations-folder-$theme.png"
  click 818 691 1                                    # Cancel
  click 295 198 1; click 290 267 2.5                 # Add destination, An S3 bucket
  type_in 690 115 minio-lab
  type_in 690 156 s3://db-backups/desk-1
  type_in 690 216 https://minio.lab.example:9000
  click 449 289 0.3                                  # path-style
  type_in 690 398 backup-desk
  type_in 690 439 s3cr3t-s3cr3t
  shoot "destinations-s3-$theme.png"
  click 838 751 1                                    # Cancel
  click 295 198 1; click 290 299 2.5                 # Add destination, An SFTP server
  type_in 714 145 offsite-ssh
  type_in 714 186 sftp://backup@ssh.example.com:2222/srv/backups
  type_in 667 262 /home/dba/.ssh/id_ed25519
  type_in 714 302 "key passphrase"
  shoot "destinations-sftp-$theme.png"
  click 838 721 1                                    # Cancel
  xdotool key ctrl+q
  wait $APP || true

  java -cp "$CP" io.backupdesk.ui.settings.HostKeyPreview "$theme" >/dev/null 2>&1 &
  APP=$!
  sleep 6
  click 112 122 1; click 120 223 2.5                 # Add destination, An SFTP server
  type_in 714 145 vault
  type_in 714 186 sftp://backup@vault.example.internal/srv/backups
  click 360 721 3                                    # Save and test: the server's key is asked about first
  shoot "destinations-host-key-$theme.png"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  APP=''
done
echo "Screenshots written to $SHOTS"
