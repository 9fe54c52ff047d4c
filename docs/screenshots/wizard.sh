#!/usr/bin/env bash
# Takes the restore wizard's screenshots (restore-*.png), every step, light and dark, against a real server:
# a small demo database is made, backed up with the command line, and restored through the wizard as a user
# would do it, by keyboard wherever JavaFX lets a key do it, so that the script survives layout changes.
#
#   BACKUPDESK_TEST_PG_URL=postgresql://USER:PASSWORD@HOST:PORT/postgres docs/screenshots/wizard.sh
#
# The login must be allowed to create databases (the tests' convention, see README). DEMO_DB names the demo
# database (default shop); it must not exist yet, and it is dropped at the end with the copy the restore kept.
# THEMES chooses the themes (default "light dark"). Needs: Xvfb, openbox (the wizard and its questions are
# windows of their own: without a window manager no window gets the keyboard focus), xdotool, ImageMagick
# (import), psql, the PostgreSQL client programs, a JDK, and a built project (./mvnw package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${BACKUPDESK_TEST_PG_URL:?set BACKUPDESK_TEST_PG_URL to a login that may create databases}"
DEMO_DB=${DEMO_DB:-shop}
THEMES=${THEMES:-light dark}
SHOTS=docs/screenshots
JAR=target/backupdesk.jar
export DISPLAY=${SCREENSHOT_DISPLAY:-:95}
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw package -DskipTests" >&2; exit 2; }

# the password goes to psql by its environment and to the profile by stdin, never on a command line
url_re='^postgres(ql)?://([^:@/]+)(:([^@]*))?@([^:/?]+)(:([0-9]+))?(/([^?]*))?'
[[ $BACKUPDESK_TEST_PG_URL =~ $url_re ]] || { echo "cannot read $BACKUPDESK_TEST_PG_URL" >&2; exit 2; }
PG_USER=${BASH_REMATCH[2]}
export PGPASSWORD=${BASH_REMATCH[4]}
PG_HOST=${BASH_REMATCH[5]}
PG_PORT=${BASH_REMATCH[7]:-5432}
ADMIN_DB=${BASH_REMATCH[9]:-postgres}
admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$ADMIN_DB" "$@"; }

WORK=$(mktemp -d)
CONFIG="$WORK/backupdesk"
APP='' OPENBOX='' XVFB=''
cleanup() {
  set +e
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  [ -n "$OPENBOX" ] && kill "$OPENBOX" 2>/dev/null
  [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null
  # the demo database and what the restores left of it (the copy kept aside, a safety backup's database)
  if [ -n "${CREATED:-}" ]; then
    admin -Atc "select datname from pg_database where datname = '$DEMO_DB' or datname like '${DEMO_DB}\_%'" |
      grep -vxF -f "$WORK/before" | while read -r db; do
        admin -c "drop database \"$db\" with (force)"
      done
  fi
  rm -rf "$WORK"
  [ -n "${DEMO_ROOT_MADE:-}" ] && rm -rf "$DEMO_ROOT"
}
trap cleanup EXIT

admin -Atc "select datname from pg_database" > "$WORK/before"
if grep -qxF "$DEMO_DB" "$WORK/before"; then
  echo "the database $DEMO_DB exists already; choose another name with DEMO_DB" >&2
  exit 2
fi
CREATED=1
admin -c "create database \"$DEMO_DB\""
psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DEMO_DB" <<'SQL'
create table customers (id int primary key, name text not null, city text);
create table orders (id int primary key, customer_id int references customers, placed date, total numeric(10,2));
create schema billing;
create table billing.invoices (id int primary key, order_id int references orders, due date, paid boolean);
insert into customers select g, 'Customer ' || g, (array['Lyon','Porto','Gdańsk','Leeds'])[1 + g % 4]
  from generate_series(1, 1200) g;
insert into orders select g, 1 + g % 1200, date '2026-01-01' + g % 300, (g % 500) + 0.99
  from generate_series(1, 8400) g;
insert into billing.invoices select g, g, date '2026-02-01' + g % 300, g % 3 <> 0 from generate_series(1, 8400) g;
SQL

# the backups go to a fixed, neutral folder, since the confirmation's command names the backup file's path
DEMO_ROOT=${DEMO_ROOT:-/tmp/backupdesk-demo}
[ ! -e "$DEMO_ROOT" ] || { echo "$DEMO_ROOT exists already; choose another folder with DEMO_ROOT" >&2; exit 2; }
DEMO_ROOT_MADE=1
mkdir -p "$CONFIG"
printf '{"schemaVersion":1,"backupRoot":"%s"}' "$DEMO_ROOT" > "$CONFIG/settings.json"
cli() { java -jar "$JAR" --config-dir "$CONFIG" "$@"; }
printf '%s\n' "$PGPASSWORD" |
  cli profiles add local --url "postgresql://$PG_USER@$PG_HOST:$PG_PORT/$DEMO_DB" --password-stdin >/dev/null
cli backup local >/dev/null

Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1
openbox >/dev/null 2>&1 &
OPENBOX=$!
sleep 1

# the active window alone (the wizard, or its question), without the main window behind it or the frame around it
shoot() { sleep "${2:-1}"; import -window "$(xdotool getactivewindow)" "$SHOTS/restore-$1-$theme.png"; }
# one key at a time: JavaFX moves the focus on its next pulse, and a burst outruns it
keys() { for k in "$@"; do xdotool key "$k"; sleep 0.4; done; }

for theme in $THEMES; do
  printf '{"schemaVersion":1,"theme":"%s","backupRoot":"%s"}' "$theme" "$DEMO_ROOT" > "$CONFIG/settings.json"
  # the backup list at once, on the whole screen
  printf '{"schemaVersion":1,"x":0,"y":0,"width":1280,"height":800,"maximized":false,"lastScreen":"BACKUPS"}' \
    > "$CONFIG/window.json"
  BACKUPDESK_HOME="$CONFIG" java -jar "$JAR" >"$WORK/app.log" 2>&1 &
  APP=$!
  # the main window, once it is shown and active (a busy machine takes longer than an idle one)
  for _ in $(seq 60); do xdotool getactivewindow >/dev/null 2>&1 && break; sleep 1; done
  sleep 8
  # The one click: the list fills the middle of the window, and nothing has the focus at start. Home picks the
  # only backup; Ctrl+F is the filter, and after its three boxes comes Restore, enabled now.
  eval "$(xdotool getactivewindow getwindowgeometry --shell)"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT * 2 / 3)) click 1
  keys Home ctrl+f Tab Tab Tab Tab space
  shoot source 3
  keys Return; shoot target
  keys Return; shoot options-safe 2
  # Tab from Next goes round to the mode chosen, then jobs, owners, grants, first error, pg_restore's options
  # (folded) and the tree of tables: tick billing.invoices, and Next is refused
  keys Tab Tab Tab Tab Tab Tab Tab Home Right Down space
  keys Tab Tab Tab space; shoot options-selection-refused
  # untick it, and choose In place (the arrow keys choose within the modes)
  keys shift+Tab shift+Tab shift+Tab space
  keys Tab Tab Tab Tab Down; shoot options-in-place
  keys shift+Tab space; shoot preflight-in-place 6
  # back, Safe replace again for the restore itself: it keeps the old database aside for the report's Drop
  keys shift+Tab space Tab Up shift+Tab space; shoot preflight 6
  keys Return; xdotool type --delay 80 "$DEMO_DB"; shoot confirm
  # the typed name is the first control, so going back from it wraps round to the last one, Restore (Tab would go
  # through Copy and the command first)
  keys shift+Tab space; shoot run 0.5
  shoot report 12
  # Drop the old copy asks first; Escape answers Cancel, and the clean-up drops it
  keys shift+Tab shift+Tab space; shoot drop-question 1.5
  keys Escape
  kill "$APP"; wait "$APP" || true
  APP=''
done
echo "Screenshots written to $SHOTS"
