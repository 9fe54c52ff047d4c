#!/usr/bin/env bash
# The installed package, checked as a user would meet it: install the .deb with apt, start the installed
# app under Xvfb and take a screenshot, run the installed command line against a PostgreSQL server (a
# profile, a backup, the list), time the start to the first window, then remove the package and check
# that nothing of it is left in the system folders while the user's data stays. Run as root.
#
#   BACKUPDESK_TEST_PG_URL=postgresql://user:pw@127.0.0.1:5432/postgres installer/check-deb.sh [starts]
#
# Needs: a built package (installer/build.sh), apt, xvfb, xdotool, imagemagick.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BACKUPDESK_TEST_PG_URL:?set BACKUPDESK_TEST_PG_URL to a PostgreSQL server}"
STARTS=${1:-5}
deb=$(ls target/installer/backupdesk_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "Build the package first: installer/build.sh" >&2; exit 2; }
fail() { echo "package check FAILED: $*" >&2; exit 1; }

WORK=$(mktemp -d)
# a user of our own, as a desktop user would run it: their data must survive the removal
CHECK_USER=bdcheck$$
useradd --create-home --shell /bin/sh "$CHECK_USER"
HOME_DIR=$(getent passwd "$CHECK_USER" | cut -d: -f6)
export DISPLAY=${CHECK_DISPLAY:-:91}
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 & XVFB=$!
trap 'kill $XVFB 2>/dev/null; pkill -u "$CHECK_USER" 2>/dev/null; userdel --remove "$CHECK_USER" 2>/dev/null; rm -rf "$WORK"' EXIT
as_user() { runuser -u "$CHECK_USER" -- env DISPLAY="$DISPLAY" "$@"; }

echo "== install $deb ($(du -h "$deb" | cut -f1))"
apt-get install -y "./$deb" >"$WORK/apt-install.log" 2>&1 || { tail "$WORK/apt-install.log"; fail "apt-get install"; }
dpkg -L backupdesk > "$WORK/files"
echo "   $(wc -l < "$WORK/files") paths, $(du -sh /opt/backupdesk | cut -f1) in /opt/backupdesk"
command -v backupdesk >/dev/null || fail "no backupdesk command on the PATH"
ls /usr/share/applications/*backupdesk*.desktop >/dev/null 2>&1 || fail "no menu entry"

echo "== the installed command line"
url=${BACKUPDESK_TEST_PG_URL%/*}/postgres
user_at=$(sed -E 's#//([^:@]+):[^@]*@#//\1@#' <<<"$url")
password=$(sed -E 's#^[^/]*//[^:]+:([^@]*)@.*#\1#' <<<"$url")
as_user backupdesk profiles add check --url "$user_at" --password-stdin <<<"$password"
as_user backupdesk backup check | head -n 1
as_user backupdesk list check | tail -n +2 | grep -q verified || fail "the backup is not in the list as verified"
[ -d "$HOME_DIR/.config/backupdesk" ] || fail "no configuration under the user's home"

echo "== the installed desktop app, $STARTS starts to the first window"
times=()
for i in $(seq 1 "$STARTS"); do
  start=$(date +%s%N)
  as_user /opt/backupdesk/bin/backupdesk >/dev/null 2>&1 & app=$!
  until xdotool search --name "^Backup Desk$" >/dev/null 2>&1; do
    sleep 0.02
    kill -0 $app 2>/dev/null || fail "the app ended before its window showed"
  done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  if [ "$i" = 1 ]; then sleep 4; import -window root target/installer/installed-app.png; fi
  pkill -u "$CHECK_USER" -f /opt/backupdesk/bin/backupdesk; wait $app 2>/dev/null || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (STARTS + 1) / 2 ))p")
echo "   to the first window (ms): ${times[*]}; median $median (target < 3000)"

echo "== remove"
apt-get remove -y --purge backupdesk >"$WORK/apt-remove.log" 2>&1 || { tail "$WORK/apt-remove.log"; fail "apt-get remove"; }
left=$(grep -E '^/(opt|usr)' "$WORK/files" | while read -r p; do [ -e "$p" ] && [ ! -d "$p" ] && echo "$p"; done || true)
[ -z "$left" ] || fail "left behind: $left"
[ ! -e /opt/backupdesk ] || fail "/opt/backupdesk is still there"
[ ! -e /usr/bin/backupdesk ] || fail "/usr/bin/backupdesk is still there"
[ -f "$HOME_DIR/.config/backupdesk/profiles.json" ] || fail "the user's configuration went with the package"
ls "$HOME_DIR"/.local/share/backupdesk/backups/check/*/*.dump >/dev/null || fail "the user's backups went with the package"
echo "package check passed: installed, ran (CLI and desktop), removed without a trace; the user's data stays"
