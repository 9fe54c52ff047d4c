#!/usr/bin/env bash
# The tray for real: under Xvfb with a window manager (openbox) and a tray host (trayer), the app starts, its
# icon appears, the window is closed to the tray, a scheduled backup runs while the window is hidden and the icon
# goes from ok to running and back; then a failing schedule turns it red with a notification, the menu and its
# "Back up now" submenu are opened, and Quit ends the process. Screenshots of each go to this folder; the script
# exits non-zero when any of it does not happen.
#
#   BACKUPDESK_TEST_PG_URL=postgresql://user:pw@127.0.0.1:5432/postgres docs/screenshots/tray.sh
#
# Needs: xvfb openbox wmctrl trayer xdotool imagemagick, a JDK, psql, and a built project (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${BACKUPDESK_TEST_PG_URL:?set BACKUPDESK_TEST_PG_URL to a PostgreSQL server the demo may create a database on}"
SHOTS=docs/screenshots
WORK=$(mktemp -d)
HOME_DIR="$WORK/home/dba"
CONFIG="$HOME_DIR/.config/backupdesk"
export DISPLAY=${TRAY_DISPLAY:-:95}
DB=backupdesk_tray_demo
APP_JAR=target/backupdesk.jar

fail() { echo "tray check FAILED: $*" >&2; exit 1; }
log() { cat "$CONFIG"/logs/*.log 2>/dev/null; }
MARK=0
mark() { MARK=$(log | wc -l); }   # later waits look only at what the app logs after this
wait_for() { # seconds, pattern in the app log since the mark
  for _ in $(seq 1 "$1"); do log | tail -n +"$((MARK + 1))" | grep -q "$2" && return 0; sleep 1; done
  return 1
}
panel() { # crops the tray panel, and the area under it where menus and notifications open, at twice the size
  import -window root -crop 640x200+640+0 +repage -filter point -resize 200% "$SHOTS/$1"
}
icon() { # the tray panel alone, at three times the size
  import -window root -crop 160x32+1120+0 +repage -filter point -resize 300% "$SHOTS/$1"
}

Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 & XVFB=$!
sleep 1
openbox >/dev/null 2>&1 & WM=$!
trayer --edge top --align right --widthtype pixel --width 140 --height 32 --transparent false --tint 0xdddddd \
  >/dev/null 2>&1 & TRAYER=$!
APP=
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  kill "$TRAYER" "$WM" "$XVFB" 2>/dev/null || true
  psql "$BACKUPDESK_TEST_PG_URL" -qc "drop database if exists $DB" >/dev/null 2>&1 || true
  [ "${KEEP_WORK:-}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
sleep 1

# a database whose backup takes a few seconds, so that the running state can be seen
psql "$BACKUPDESK_TEST_PG_URL" -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
psql "${BACKUPDESK_TEST_PG_URL%/*}/$DB" -qc "create table orders as select g as id, md5(g::text) as note
  from generate_series(1, 3000000) g" >/dev/null
url_no_pw=$(sed -E 's#//([^:@]+):[^@]*@#//\1@#' <<<"${BACKUPDESK_TEST_PG_URL%/*}/$DB")
password=$(sed -E 's#^[^/]*//[^:]+:([^@]*)@.*#\1#' <<<"$BACKUPDESK_TEST_PG_URL")
java -jar "$APP_JAR" --config-dir "$CONFIG" profiles add sales --url "$url_no_pw" --password-stdin <<<"$password" >/dev/null
java -jar "$APP_JAR" --config-dir "$CONFIG" schedule add sales --cron "* * * * *" --zone UTC --keep-last 3 --catch-up skip >/dev/null

BACKUPDESK_HOME="$CONFIG" java -jar "$APP_JAR" >/dev/null 2>&1 & APP=$!
wait_for 30 "Tray icon shown" || fail "no tray icon"
sleep 4
icon tray-ok.png
mark
wmctrl -c "Backup Desk"; sleep 2
wmctrl -l | grep -q "Backup Desk" && fail "closing the window did not hide it to the tray"
kill -0 "$APP" || fail "closing the window ended the app"

# the next minute's scheduled backup, with the window hidden
wait_for 75 "Tray state RUNNING" || fail "the icon never showed a running backup"
sleep 0.7   # the tray host redraws the new image
icon tray-running.png
wait_for 60 "committed as" || fail "the scheduled backup did not finish"
wait_for 20 "Tray state OK" || fail "the icon did not go back to ok"
grep -q '"origin":"schedule:[^"]*".*"status":"OK"' "$CONFIG/history.jsonl" || fail "no scheduled run in the history"

# the menu and its submenu: right-click the icon, then open "Back up now"
# (into the menu at once, before the icon's tooltip comes up over it)
xdotool mousemove 1266 16 mousedown 3; sleep 0.4; xdotool mouseup 3; sleep 0.2
xdotool mousemove 1150 46; sleep 0.3; xdotool click 1; sleep 1.2
panel tray-menu.png
xdotool mousemove 600 400 click 1; sleep 0.8   # a click elsewhere closes the menu

# a failing run: the schedule's stored password goes wrong
sed -i -E "s/:[^:]*\$/:wrong-password/" "$CONFIG/pgpass"
mark
wait_for 75 "Tray state FAILED" || fail "the icon never showed the failed run"
sleep 1
panel tray-failed.png
sleep 12  # let the notification bubble go

# Quit from the menu ends the process (the icon is taken away, so AWT lets the JVM go)
xdotool mousemove 1266 16 mousedown 3; sleep 0.8; xdotool mouseup 3; sleep 0.8
xdotool mousemove 1150 94; sleep 0.5; xdotool click 1
for _ in $(seq 1 20); do kill -0 "$APP" 2>/dev/null || break; sleep 0.5; done
kill -0 "$APP" 2>/dev/null && fail "Quit did not end the app"
APP=
echo "tray check passed; screenshots in $SHOTS: tray-ok, tray-running, tray-failed, tray-menu"
