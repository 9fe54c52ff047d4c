#!/usr/bin/env bash
# Takes the screenshots of health and outcomes (issue 19) with the real app over a real server: the dashboard with a
# removed connection's backups still in the catalog (its line gone, nothing red for it), a failing database with
# Acknowledge and an acknowledged one, the status bar after a backup started in the window, and the tray's menu with
# Acknowledge and its notice after a backup started there. Light under a window manager (openbox) with a tray host
# (trayer), dark without either.
#
#   BACKUPDESK_TEST_PG_URL=postgresql://user:pw@127.0.0.1:5432/postgres docs/screenshots/health.sh
#
# Needs what take.sh and tray.sh need: xvfb openbox trayer xdotool imagemagick, a JDK, psql, and the project built
# (./mvnw test-compile).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${BACKUPDESK_TEST_PG_URL:?set BACKUPDESK_TEST_PG_URL to a PostgreSQL server the demo may create a database on}"
DEMO_HOME=${DEMO_HOME:-$(mktemp -d)/home/dba}
SHOTS=docs/screenshots
SEED="$DEMO_HOME/seed"
CONFIG="$DEMO_HOME/.config/backupdesk"
export DISPLAY=${HEALTH_DISPLAY:-:94}
DB=backupdesk_health_demo

source "$SHOTS/display.sh"
TRAYER=''
trap 'set +e; [ -n "$APP" ] && kill "$APP"; [ -n "$TRAYER" ] && kill "$TRAYER"; [ -n "$WM" ] && kill "$WM";
  kill $XVFB; rm -f "$CLASSPATH_FILE"; psql "$BACKUPDESK_TEST_PG_URL" -qc "drop database if exists $DB" >/dev/null 2>&1' EXIT

shoot() { import -window root "$SHOTS/$1"; }
# the tray panel and the area under it, where its menu and notices open, at twice the size
panel() { import -window root -crop 640x240+640+0 +repage -filter point -resize 200% "$SHOTS/$1"; }
log() { cat "$CONFIG"/logs/*.log 2>/dev/null; }
wait_for() { for _ in $(seq 1 "$1"); do log | grep -q "$2" && return 0; sleep 1; done; echo "no '$2' in the log" >&2; return 1; }

# accounts: a real database, backed up; gone: backed up, then its connection removed (its backups stay);
# crm and sales: databases that are not there, so their first backups fail; crm's failure is acknowledged
psql "$BACKUPDESK_TEST_PG_URL" -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
psql "${BACKUPDESK_TEST_PG_URL%/*}/$DB" -qc "create table orders as select g as id, md5(g::text) as note
  from generate_series(1, 50000) g" >/dev/null
base=$(sed -E 's#//([^:@]+):[^@]*@#//\1@#' <<<"${BACKUPDESK_TEST_PG_URL%/*}")
password=$(sed -E 's#^[^/]*//[^:]+:([^@]*)@.*#\1#' <<<"$BACKUPDESK_TEST_PG_URL")
rm -rf "$SEED" "$DEMO_HOME/backups"
mkdir -p "$SEED"
printf '{"schemaVersion":1,"backupRoot":"%s"}' "$DEMO_HOME/backups" > "$SEED/settings.json"
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$SEED" "$@"; }
for p in accounts:$DB gone:$DB crm:${DB}_crm sales:${DB}_sales; do
  cli profiles add "${p%%:*}" --url "$base/${p#*:}" --password-stdin <<<"$password" >/dev/null
done
cli backup accounts >/dev/null
cli backup gone >/dev/null
cli backup crm >/dev/null 2>&1 || true
cli backup sales >/dev/null 2>&1 || true
cli profiles remove gone >/dev/null
cli stats --acknowledge "crm/${DB}_crm" >/dev/null
cli stats

start_app() { # theme
  rm -rf "$CONFIG"
  mkdir -p "$(dirname "$CONFIG")"
  cp -r "$SEED" "$CONFIG"
  rm -rf "$CONFIG/logs"   # the command line's lines; the waits below look at the app's
  printf '{"schemaVersion":1,"backupRoot":"%s","theme":"%s"}' "$DEMO_HOME/backups" "$1" > "$CONFIG/settings.json"
  printf '{"schemaVersion":1,"x":0,"y":0,"width":1280,"height":800,"maximized":false}' > "$CONFIG/window.json"
  BACKUPDESK_HOME="$CONFIG" java -cp "$CP" io.backupdesk.app.Launcher >/dev/null 2>&1 &
  APP=$!
  for _ in $(seq 1 60); do xdotool search --onlyvisible --name "^Backup Desk" >/dev/null 2>&1 && break; sleep 1; done
  wait_for 90 "The schedules run in this app"   # started, and the dashboard read
  sleep "${SETTLE:-15}"                           # drawn, also on a busy machine
}

window() { # waits for a window of this title to show
  for _ in $(seq 1 60); do xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "no window '$1'" >&2; return 1
}

# right-click the icon, into the menu at once (before the icon's tooltip comes up over it)
tray_menu() { xdotool mousemove 1266 16 mousedown 3; sleep 0.4; xdotool mouseup 3; sleep 0.3; xdotool mousemove 1150 26; sleep 1; }

back_up_in_the_window() { # Back up now on accounts (the first connection), then the status bar
  xdotool mousemove 640 56 click 1; sleep 0.5   # the window's title row: the keys go to the window
  xdotool key ctrl+n
  window "^Back up now"
  sleep 8   # the dialog reads the connections, the presets and the command
  # Start backup, at the dialog's bottom right (Enter would go to Cancel, which has the focus)
  dialog=$(xdotool search --onlyvisible --name "^Back up now" | head -1)
  eval "$(xdotool getwindowgeometry --shell "$dialog")"
  xdotool mousemove --window "$dialog" $((WIDTH - 68)) $((HEIGHT - 28)) click 1
  wait_for 120 "committed as"
  sleep 6
}

for theme in light dark; do
  if [ "$theme" = light ]; then
    openbox >/dev/null 2>&1 & WM=$!
    trayer --edge top --align right --widthtype pixel --width 140 --height 32 --transparent false --tint 0xdddddd \
      >/dev/null 2>&1 & TRAYER=$!
    sleep 1
  fi
  start_app "$theme"
  shoot "health-dashboard-$theme.png"
  back_up_in_the_window
  shoot "health-statusbar-$theme.png"
  if [ "$theme" = light ]; then
    # the tray's menu, with Acknowledge for sales, the one alert not acknowledged; then that item
    tray_menu
    panel "health-tray-menu-$theme.png"
    xdotool mousemove 1150 65; sleep 0.3; xdotool click 1
    wait_for 20 "Acknowledged from the tray"
    sleep 4
    shoot "health-acknowledged-$theme.png"
    # Back up now ▸ accounts from the tray: begun, then done, in notices
    tray_menu
    xdotool mousemove 1150 46; sleep 0.3; xdotool click 1; sleep 1
    xdotool mousemove 1150 67; sleep 0.3; xdotool click 1
    wait_for 60 "Backup of accounts/$DB done"
    sleep 12   # the notice that it began goes first
    panel "health-tray-done-$theme.png"
    kill $TRAYER; TRAYER=''
    kill $WM; WM=''
  fi
  kill $APP; wait $APP 2>/dev/null || true; APP=''
done
echo "Screenshots written to $SHOTS"
