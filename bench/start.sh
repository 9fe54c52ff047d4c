#!/usr/bin/env bash
# How fast the command line starts, against the bare JVM, in the same run on the same machine.
#
#   bench/start.sh [rounds]
#
# Alternates, `rounds` times (default 15), after one untimed round:
#   j  java -version: the bare JVM, with the java the launcher runs
#   v  backupdesk --version
#   l  backupdesk list, on a new empty configuration folder each time (--config-dir)
# and prints the medians of the wall time and of the CPU time (user + system, of the process and its
# children), and the ratios v/j and l/j in wall time against the target: at most 2.5.
#
# The launcher is bin/backupdesk (the fat jar, with class-data sharing), as in the other benchmarks.
# BACKUPDESK=path times another launcher, and JAVA=path/to/java is then the java to compare with: for
# the installed package, BACKUPDESK=/usr/bin/backupdesk JAVA=/opt/backupdesk/lib/runtime/bin/java.
#
# On a machine shared with other work the wall times rise and spread, the commands' more than the bare
# JVM's, since their several threads then wait for a core; the CPU times move less. The load average
# is printed before and after so that a run can be judged.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-15}
BACKUPDESK=${BACKUPDESK:-bin/backupdesk}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
if [ "$BACKUPDESK" = bin/backupdesk ] && [ ! -f target/backupdesk.jar ]; then
  echo "Build first: ./mvnw package -DskipTests" >&2
  exit 2
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

declare -A WALL CPU
# measure NAME COMMAND...: the wall time from the shell's clock, the CPU time from its accounting of its children.
# `times` runs in this shell (no subshell, no process) and the arithmetic waits until the command's times are taken.
measure() {
  local name=$1; shift
  local start end
  times > "$WORK/before"
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$EPOCHREALTIME
  times > "$WORK/after"
  WALL[$name]+="$(echo "$end - $start" | bc) "
  CPU[$name]+="$(echo "$(children_cpu "$WORK/after") - $(children_cpu "$WORK/before")" | bc) "
}
# user + system seconds of every child so far: the second line of `times`, e.g. "0m1.234s 0m0.056s"
children_cpu() { sed -n 2p "$1" | awk '{s = 0; for (i = 1; i <= 2; i++) {split($i, t, /[ms]/); s += t[1] * 60 + t[2]}; print s}'; }
# a configuration folder that does not exist yet, as on a first start
list_fresh() { "$BACKUPDESK" --config-dir "$WORK/config-$1" list; }

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

echo "$("$BACKUPDESK" --version) by $BACKUPDESK; $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
# untimed: a list records bin/backupdesk's class-data archive for a new jar, and the files come into the cache
"$BACKUPDESK" --version >/dev/null
list_fresh untimed >/dev/null

for round in $(seq 1 "$ROUNDS"); do
  measure j "$JAVA" -version
  measure v "$BACKUPDESK" --version
  measure l list_fresh "$round"
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"

declare -A W C
for k in j v l; do
  W[$k]=$(echo "${WALL[$k]}" | median)
  C[$k]=$(echo "${CPU[$k]}" | median)
done
printf '\nmedians of %s rounds           wall      cpu\n' "$ROUNDS"
printf '%-30s %6.3f s  %6.3f s\n' "j  java -version" "${W[j]}" "${C[j]}" "v  backupdesk --version" "${W[v]}" "${C[v]}" \
  "l  backupdesk list (empty)" "${W[l]}" "${C[l]}"
echo
for k in v l; do
  ratio=$(echo "scale=3; ${W[$k]} / ${W[j]}" | bc -l)
  cpu_ratio=$(echo "scale=3; ${C[$k]} / ${C[j]}" | bc -l)
  ok=$(echo "$ratio <= 2.5" | bc -l)
  printf '%s/j wall %6.2f   target <= 2.5 %s   (cpu %5.2f)\n' "$k" "$ratio" "$([ "$ok" = 1 ] && echo ok || echo MISSED)" \
    "$cpu_ratio"
done
