#!/usr/bin/env bash
# How fast the command line starts, against the bare JVM, in the same run on the same machine.
#
#   bench/start.sh [rounds]
#
# Alternates, `rounds` times (default 21), after one untimed round:
#   j  java -version: the bare JVM, with the java the launcher runs
#   v  backupdesk --version
#   l  backupdesk list, on a new empty configuration folder each time (--config-dir)
# and prints the medians of the wall time and of the CPU time (user + system, of the process and its
# children) with their quartiles, and the ratios v/j and l/j in wall time against the target: at most
# 2.5. The ratio judged is that of the medians; beside it, the median and quartiles of the ratio
# within each round, which a load that changes during the run moves less.
#
# The launcher is bin/backupdesk (the fat jar, with class-data sharing and its JVM options), as in the
# other benchmarks; its first run of a new jar records the archive, in the untimed round.
# BACKUPDESK=path times another launcher, and JAVA=path/to/java is then the java to compare with: for
# the installed package, BACKUPDESK=/usr/bin/backupdesk JAVA=/opt/backupdesk/lib/runtime/bin/java.
#
# On a machine shared with other work the wall times rise and spread, the commands' more than the bare
# JVM's, since their several threads then wait for a core; the CPU times move less. The load average
# is printed before and after so that a run can be judged.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-21}
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
# the first and third quartiles, by nearest rank
quartiles() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {printf "%.3f %.3f", v[int((NR+3)/4)], v[int((3*NR+1)/4)]}'; }

echo "$("$BACKUPDESK" --version) by $BACKUPDESK; $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
# untimed: a list records bin/backupdesk's class-data archive for a new jar, and the files come into the cache
"$BACKUPDESK" --version >/dev/null
list_fresh untimed >/dev/null

declare -A RATIO
last() { echo "${WALL[$1]}" | awk '{print $NF}'; }
for round in $(seq 1 "$ROUNDS"); do
  measure j "$JAVA" -version
  measure v "$BACKUPDESK" --version
  measure l list_fresh "$round"
  for k in v l; do RATIO[$k]+="$(echo "scale=4; $(last $k) / $(last j)" | bc -l) "; done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"

declare -A W C Q
for k in j v l; do
  W[$k]=$(echo "${WALL[$k]}" | median)
  C[$k]=$(echo "${CPU[$k]}" | median)
  Q[$k]=$(echo "${WALL[$k]}" | quartiles)
done
printf '\nmedians of %s rounds          wall  (quartiles)          cpu\n' "$ROUNDS"
for k in j v l; do
  case $k in j) label="j  java -version" ;; v) label="v  backupdesk --version" ;; l) label="l  backupdesk list (empty)" ;; esac
  read -r q1 q3 <<<"${Q[$k]}"
  printf '%-28s %6.3f s (%5.3f-%5.3f)   %6.3f s\n' "$label" "${W[$k]}" "$q1" "$q3" "${C[$k]}"
done
echo
for k in v l; do
  ratio=$(echo "scale=3; ${W[$k]} / ${W[j]}" | bc -l)
  cpu_ratio=$(echo "scale=3; ${C[$k]} / ${C[j]}" | bc -l)
  ok=$(echo "$ratio <= 2.5" | bc -l)
  read -r r1 r3 <<<"$(echo "${RATIO[$k]}" | quartiles)"
  printf '%s/j wall %5.2f   target <= 2.5 %-6s   per round %5.2f (%4.2f-%4.2f)   cpu %5.2f\n' "$k" "$ratio" \
    "$([ "$ok" = 1 ] && echo ok || echo MISSED)" "$(echo "${RATIO[$k]}" | median)" "$r1" "$r3" "$cpu_ratio"
done
