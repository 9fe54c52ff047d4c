#!/usr/bin/env bash
# Takes the screenshots of pg_dump's switches and presets on screen (issue 19): Back up now with its Options open
# and the command shown, and Settings -> Presets; light under a window manager (openbox), dark without one, since
# window sizes went wrong under one only (docs/decisions/0019).
#
#   docs/screenshots/presets.sh
#
# Needs what take.sh needs, and openbox. Over take.sh's demo data, with two presets; prod-1 names "lean". The
# dialog shows Options open, a role typed (backup_reader) and the command it makes.
set -euo pipefail
cd "$(dirname "$0")/../.."

DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
SHOTS=docs/screenshots
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${SCREENSHOT_DISPLAY:-:96}

source "$SHOTS/display.sh"

rm -rf "$DEMO_HOME/.config/backupdesk" "$DEMO_HOME/backups"
java -cp "$CP" io.backupdesk.testing.CatalogGenerator "$CONFIG" "$DEMO_HOME/backups" 240 40
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$CONFIG" "$@" >/dev/null; }
cli presets add lean --description "For developers: no owners, no grants, no audit rows" --no-owner --no-privileges \
  --exclude-table-data 'audit.*' --compress 6
cli presets add nightly-sql --description "Plain SQL a DBA can read and replay" --format plain --clean --if-exists \
  --max-size 20GB
cli profiles add prod-1 --url "postgresql://backup@db1.example.internal:5432/sales?sslmode=require" --preset lean

shoot() { import -window root "$SHOTS/$1"; }
# the screen brought to its state by the preview itself (PresetsPreview, test code): no clicks whose places move
preview() {
  java -cp "$CP" io.backupdesk.app.PresetsPreview "$CONFIG" "$1" "$2" >/dev/null 2>&1 &
  APP=$!
  sleep 25
  shoot "$3"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
}

for theme in light dark; do
  if [ "$theme" = light ]; then openbox >/dev/null 2>&1 & WM=$!; sleep 1; fi
  preview "$theme" backup-now "backup-now-options-$theme.png"
  preview "$theme" settings "settings-presets-$theme.png"
  if [ -n "$WM" ]; then kill $WM; WM=; fi
done
echo "Screenshots written to $SHOTS"
