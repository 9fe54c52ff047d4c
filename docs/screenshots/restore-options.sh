#!/usr/bin/env bash
# Takes the screenshots of pg_restore's options in the restore wizard (issue 19): the options step with them open
# (rows only, in place, the backup's roles file first), the pre-flight with the roles' preview, and the confirmation
# with the command. Light under a window manager (openbox), dark without one (docs/decisions/0019). Against a real
# server: a small demo database is made, backed up with its roles file by the command line, and the wizard is brought
# to each step on the real engine (RestoreOptionsPreview, test code).
#
#   BACKUPDESK_TEST_PG_URL=postgresql://USER:PASSWORD@HOST:PORT/postgres docs/screenshots/restore-options.sh
#
# THEMES chooses the themes (default "light dark"). DEMO_DB names the demo database (default shop_options); it must not exist, and it is dropped at the end with what
# the restores left. Needs Xvfb, openbox, ImageMagick (import), psql, the PostgreSQL client programs, a JDK and a
# compiled project (./mvnw test-compile).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${BACKUPDESK_TEST_PG_URL:?set BACKUPDESK_TEST_PG_URL to a login that may create databases}"
DEMO_DB=${DEMO_DB:-shop_options}
SHOTS=docs/screenshots
OUT=${OUT_DIR:-$SHOTS}
export DISPLAY=${SCREENSHOT_DISPLAY:-:97}

url_re='^postgres(ql)?://([^:@/]+)(:([^@]*))?@([^:/?]+)(:([0-9]+))?(/([^?]*))?'
[[ $BACKUPDESK_TEST_PG_URL =~ $url_re ]] || { echo "cannot read $BACKUPDESK_TEST_PG_URL" >&2; exit 2; }
PG_USER=${BASH_REMATCH[2]}
export PGPASSWORD=${BASH_REMATCH[4]}
PG_HOST=${BASH_REMATCH[5]}
PG_PORT=${BASH_REMATCH[7]:-5432}
admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }
if [ -n "$(admin -Atc "select 1 from pg_database where datname = '$DEMO_DB'")" ]; then
  echo "the database $DEMO_DB exists already; choose another name with DEMO_DB" >&2
  exit 2
fi

# the backups go to a fixed, neutral folder, since the command shown names the backup file's path
DEMO_ROOT=${DEMO_ROOT:-/tmp/backupdesk-demo}
if [ -e "$DEMO_ROOT" ]; then
  echo "$DEMO_ROOT exists already; choose another folder with DEMO_ROOT" >&2
  exit 2
fi
source "$SHOTS/display.sh"
WORK=$(mktemp -d)
CONFIG="$WORK/backupdesk"
trap 'set +e; [ -n "$APP" ] && kill "$APP" 2>/dev/null; [ -n "$WM" ] && kill "$WM" 2>/dev/null; kill $XVFB 2>/dev/null;
  admin -Atc "select datname from pg_database where datname = '"'$DEMO_DB'"' or datname like '"'${DEMO_DB}\_%'"'" |
  while read -r db; do admin -c "drop database \"$db\" with (force)"; done; rm -rf "$WORK" "$DEMO_ROOT" "$CLASSPATH_FILE"' EXIT

admin -c "create database \"$DEMO_DB\""
psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DEMO_DB" <<'SQL'
create table customers (id int primary key, name text not null, city text);
create table orders (id int primary key, customer_id int references customers, placed date, total numeric(10,2));
create schema billing;
create table billing.invoices (id int primary key, order_id int references orders, due date, paid boolean);
create schema "audit trail";
create table "audit trail".events (id bigint primary key, at timestamptz, what text);
insert into customers select g, 'Customer ' || g, (array['Lyon','Porto','Gdańsk','Leeds'])[1 + g % 4]
  from generate_series(1, 1200) g;
insert into orders select g, 1 + g % 1200, date '2026-01-01' + g % 300, (g % 500) + 0.99 from generate_series(1, 8400) g;
insert into billing.invoices select g, g, date '2026-02-01' + g % 300, g % 3 <> 0 from generate_series(1, 8400) g;
insert into "audit trail".events select g, now(), 'event ' || g from generate_series(1, 500) g;
SQL

mkdir -p "$CONFIG"
printf '{"schemaVersion":1,"backupRoot":"%s"}' "$DEMO_ROOT" > "$CONFIG/settings.json"
cli() { java -cp "$CP" io.backupdesk.cli.BackupDeskCli --config-dir "$CONFIG" "$@"; }
printf '%s\n' "$PGPASSWORD" |
  cli profiles add local --url "postgresql://$PG_USER@$PG_HOST:$PG_PORT/$DEMO_DB" --password-stdin >/dev/null
BACKUP=$(cli backup local --globals --json | sed -n 's/.*"id" *: *"\([0-9a-f]*\)".*/\1/p' | head -1)

shoot() { sleep 2; import -window root "$OUT/$1"; }
# the preview says "ready" once the wizard stands at its step (on shared cores that takes a while)
preview() {
  java -cp "$CP" io.backupdesk.app.RestoreOptionsPreview "$CONFIG" "$1" "$2" "$BACKUP" >"$WORK/preview.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do grep -qx ready "$WORK/preview.log" && break; sleep 1; done
  grep -qx ready "$WORK/preview.log" || { echo "the wizard did not reach its step:" >&2; cat "$WORK/preview.log" >&2; }
  shoot "restore-$2-switches-$1.png"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  APP=''
}

# OPENBOX_THEMES: the themes taken under openbox (default light); the others have no window manager
for theme in ${THEMES:-light dark}; do
  if [[ " ${OPENBOX_THEMES:-light} " == *" $theme "* ]]; then openbox >/dev/null 2>&1 & WM=$!; sleep 1; fi
  preview "$theme" options
  preview "$theme" preflight
  preview "$theme" confirm
  if [ -n "$WM" ]; then kill $WM; WM=; fi
done
echo "Screenshots written to $OUT"
