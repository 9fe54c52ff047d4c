# --split-cores for the benchmarks: the server's processes on one core, the client on another, so that a
# dump's compression and our stream no longer take their time from the server's COPY. Sourced, not run,
# after bench/common.sh. Linux only (taskset).
#
# The server must run on this machine, and this user must be allowed to change its processes' CPU
# affinity: root, or the user the server runs as. While pinned, every client of that server, not only
# this benchmark, shares the server's one core; the affinity each process had is put back at exit.

SERVER_CORE=0
CLIENT_CORE=1
declare -A SERVER_AFFINITY

split_cores_refused() { echo "--split-cores: $*" >&2; exit 2; }

# The postmaster's pid. A backend's parent is the postmaster, but our own backend is gone by the time
# psql returns its pid; the checkpointer lives as long as the server does and is a child of it too.
find_postmaster() {
  case "$PGHOST" in
    localhost|127.*|::1|/*) ;;
    *) split_cores_refused "needs a server on this machine, to pin its processes; PGHOST is $PGHOST" ;;
  esac
  command -v taskset >/dev/null || split_cores_refused "needs taskset (util-linux)"
  local checkpointer comm
  checkpointer=$(psql -qAtc "select pid from pg_stat_activity where backend_type = 'checkpointer'" -d postgres)
  [ -n "$checkpointer" ] || split_cores_refused "the server does not show its checkpointer's pid (PostgreSQL 10 or newer needed)"
  POSTMASTER=$(ps -o ppid= -p "$checkpointer" | tr -d ' ')
  # A server in a container reports pids of its own namespace: they must name postgres processes here.
  comm=$(ps -o comm= -p "$POSTMASTER" 2>/dev/null || true)
  [[ "$(ps -o comm= -p "$checkpointer" 2>/dev/null)" == postgres* && "$comm" =~ ^post(gres|master) ]] ||
    split_cores_refused "pid $checkpointer on this machine is not the server's checkpointer: is the server in a" \
      "container or on another machine?"
}

server_processes() { echo "$POSTMASTER"; ps -o pid= --ppid "$POSTMASTER" | tr -d ' '; }
# Empty for a process gone meanwhile: backends come and go while the list is read.
affinity_of() { { taskset -c -p "$1" 2>/dev/null || true; } | sed 's/.*: //'; }

# Refuses, before anything is made or timed, when the cores cannot be split here.
split_cores_check() {
  [ "$(nproc)" -ge 2 ] && taskset -c "$SERVER_CORE" true 2>/dev/null && taskset -c "$CLIENT_CORE" true 2>/dev/null ||
    split_cores_refused "needs cores $SERVER_CORE and $CLIENT_CORE; this shell may use $(affinity_of $$)"
  find_postmaster
  # Setting the affinity it already has changes nothing, and fails exactly when pinning would.
  taskset -a -c -p "$(affinity_of "$POSTMASTER")" "$POSTMASTER" >/dev/null 2>&1 ||
    split_cores_refused "cannot change the CPU affinity of the server's postmaster (pid $POSTMASTER, user" \
      "$(ps -o user= -p "$POSTMASTER")); run as root or as that user"
}

# Pins the server's processes, present and future (a new backend inherits the postmaster's affinity), to
# SERVER_CORE and this shell, so every client command started from it, to CLIENT_CORE.
split_cores() {
  local pid
  for pid in $(server_processes); do SERVER_AFFINITY[$pid]=$(affinity_of "$pid"); done
  AT_EXIT+=(unsplit_cores)
  for pid in $(server_processes); do taskset -a -c -p "$SERVER_CORE" "$pid" >/dev/null 2>&1 || true; done
  taskset -c -p "$CLIENT_CORE" $$ >/dev/null
  echo "Cores: the server (postmaster $POSTMASTER and its processes) on core $SERVER_CORE, the client on core $CLIENT_CORE"
}

# Backends started while pinned had no affinity before: they get the postmaster's original one.
unsplit_cores() {
  local pid
  for pid in $(server_processes); do
    taskset -a -c -p "${SERVER_AFFINITY[$pid]:-${SERVER_AFFINITY[$POSTMASTER]}}" "$pid" >/dev/null 2>&1 || true
  done
  echo "Cores: the server's affinity is restored (${SERVER_AFFINITY[$POSTMASTER]})"
}
