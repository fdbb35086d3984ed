# shellcheck shell=bash
# Shared by deploy/local/{up,down,test}.sh and .ci/run. Sourcing it defines settings and functions; it runs nothing.
# The settings are read by the scripts that source this file:
# shellcheck disable=SC2034

FABRIK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
SOLUTION="$FABRIK_ROOT/Fabrik.Executions.sln"

LOCAL_DIR="$FABRIK_ROOT/.local"
DATA_DIR="$LOCAL_DIR/data"
LOG_DIR="$LOCAL_DIR/logs"
PID_DIR="$LOCAL_DIR/pids"
RUN_DIR="$LOCAL_DIR/run"
STACK_ENV="$LOCAL_DIR/stack.env"
AWX_TOKEN_FILE="$LOCAL_DIR/awx-token"
OPERATOR_KEY_FILE="$LOCAL_DIR/operator-key"
BUILD_STAMP="$LOCAL_DIR/build.stamp"
LOCK_FILE="$LOCAL_DIR/stack.lock"

PG_PORT="${FABRIK_PG_PORT:-5432}"
REDIS_PORT="${FABRIK_REDIS_PORT:-6379}"
RABBITMQ_PORT="${FABRIK_RABBITMQ_PORT:-5672}"
RABBITMQ_MANAGEMENT_PORT="${FABRIK_RABBITMQ_MANAGEMENT_PORT:-15672}"
RABBITMQ_DIST_PORT="${FABRIK_RABBITMQ_DIST_PORT:-$((RABBITMQ_PORT + 20000))}"
RABBITMQ_NODENAME="${FABRIK_RABBITMQ_NODENAME:-rabbit@localhost}"
EPMD_PORT="${FABRIK_EPMD_PORT:-4369}"
GATEWAY_PORT="${FABRIK_GATEWAY_PORT:-5080}"
LAUNCHER_PORT="${FABRIK_LAUNCHER_PORT:-5081}"
WATCHDOG_PORT="${FABRIK_WATCHDOG_PORT:-5083}"
RESULTPARSER_PORT="${FABRIK_RESULTPARSER_PORT:-5084}"
STREAMPOLLER_BASE_PORT="${FABRIK_STREAMPOLLER_BASE_PORT:-5090}"
POLLERS="${FABRIK_POLLERS:-2}"
AWX_EMULATOR_PORT="${FABRIK_AWX_EMULATOR_PORT:-8052}"
START_TIMEOUT="${FABRIK_START_TIMEOUT:-120}"
SERVICE_ENVIRONMENT="${FABRIK_ENVIRONMENT:-Development}"

PG_DATA="$DATA_DIR/postgres"
PG_SOCKET_DIR="$RUN_DIR/postgres"
RABBITMQ_DIR="$DATA_DIR/rabbitmq"
RABBITMQ_BIN=/usr/lib/rabbitmq/bin

SERVER_PACKAGES=(postgresql redis-server rabbitmq-server)
# The emulator runs real playbooks through ansible-runner when it is installed; curl answers the health checks.
TOOL_PACKAGES=(ansible python3-ansible-runner curl ca-certificates)
BROWSER_PACKAGES=(chromium chromium-driver)

check_settings() {
  local name
  for name in PG_PORT REDIS_PORT RABBITMQ_PORT RABBITMQ_MANAGEMENT_PORT RABBITMQ_DIST_PORT EPMD_PORT GATEWAY_PORT \
    LAUNCHER_PORT WATCHDOG_PORT RESULTPARSER_PORT STREAMPOLLER_BASE_PORT AWX_EMULATOR_PORT POLLERS START_TIMEOUT; do
    [[ ${!name} =~ ^[0-9]+$ ]] || die "FABRIK_$name must be a number, not '${!name}'"
  done
}

# read_flag FLAG ARGS...: FLAG_SET=1 when FLAG is among ARGS; -h/--help prints the calling script's usage and exits;
# anything else prints it as an error and exits 2.
read_flag() {
  local flag=$1
  shift
  FLAG_SET=0
  while (($#)); do
    case $1 in
      "$flag") FLAG_SET=1 ;;
      -h | --help)
        usage
        exit 0
        ;;
      *)
        usage >&2
        exit 2
        ;;
    esac
    shift
  done
}

say() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "'$*' needs root, and sudo is not installed"
  fi
}

# Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses root), as ourselves otherwise.
as_pg_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# ---------------------------------------------------------------- packages

missing_packages() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q ' installed$' || printf '%s\n' "$package"
  done
}

package_lists_lack() {
  local package candidate
  for package in "$@"; do
    candidate=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')
    [[ -z $candidate || $candidate == "(none)" ]] && return 0
  done
  return 1
}

# apt-get's and dpkg's output goes to .local/logs/apt.log; its end is shown when the install fails.
apt_install() {
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
    >>"$LOG_DIR/apt.log" 2>&1 </dev/null; then
    show_log_tail "$LOG_DIR/apt.log" 15
    return 1
  fi
}

# Debian starts a packaged server on install (its own cluster, its own port); ours live under .local, so for the
# packages this script installs it keeps the packaged instances from starting now and at boot.
install_without_starting_services() {
  local policy=/usr/sbin/policy-rc.d created=0 status=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    created=1
  fi
  if ! apt_install "$@"; then
    say "Refreshing the package lists and retrying"
    if as_root apt-get update -qq </dev/null; then apt_install "$@" || status=$?; else status=1; fi
  fi
  if ((created)); then as_root rm -f "$policy"; fi
  return "$status"
}

disable_packaged_services() {
  local package units=()
  [[ -d /run/systemd/system ]] || return 0
  for package in "$@"; do
    case $package in
      postgresql | redis-server | rabbitmq-server) units+=("$package") ;;
    esac
  done
  ((${#units[@]})) || return 0
  note "disabling the packaged ${units[*]} service(s); this project runs its own under .local/"
  as_root systemctl disable --now --quiet "${units[@]}" || warn "could not disable ${units[*]}"
}

ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]}, and there is no apt-get to install them (Debian 12 expected)"
  mkdir -p "$LOG_DIR"
  say "Installing ${missing[*]} (apt-get output in .local/logs/apt.log)"
  if package_lists_lack "${missing[@]}"; then
    as_root apt-get update -qq </dev/null
  fi
  install_without_starting_services "${missing[@]}" || die "apt-get could not install ${missing[*]}"
  disable_packaged_services "${missing[@]}"
}

require_npm() {
  command -v npm >/dev/null ||
    die "Node.js 20.19 or later with npm is not on PATH (the web app in web/ and the manifest checks need it):" \
      "install it (https://nodejs.org), then retry"
}

require_dotnet() {
  command -v dotnet >/dev/null ||
    die "the .NET SDK is not on PATH: install .NET 10 (https://dot.net) or add its folder to PATH"
}

# ---------------------------------------------------------------- processes and ports

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_closed() { ! port_open "$1"; }

# True for a server folder of this project's layout whose checkout was deleted while the server ran (a CI workspace
# wiped and cloned again, for instance): such a server is of no use to anyone and makes way for this checkout's.
is_orphaned_local_dir() { [[ $1 == /*/.local/data/* && ! -d $1 ]]; }

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

# Prints the pid recorded for NAME if that process is alive and its command line contains PATTERN
# (so a pid reused after a reboot is not mistaken for ours).
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -s $file ]] || return 1
  read -r pid <"$file" || true
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
  printf '%s\n' "$pid"
}

# wait_until SECONDS COMMAND...: true as soon as COMMAND succeeds, false when the time is up.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

process_gone() { ! kill -0 "$1" 2>/dev/null; }

# Stops a recorded process: TERM, then KILL after a grace period; removes its pid file.
stop_recorded() {
  local name=$1 pattern=$2 pid
  if pid=$(running_pid "$name" "$pattern"); then
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_until 20 process_gone "$pid"; then
      warn "$name (pid $pid) ignored TERM for 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait_until 5 process_gone "$pid" || true
    fi
    say "Stopped $name (pid $pid)"
    STOPPED=$((${STOPPED:-0} + 1))
  fi
  rm -f "$(pid_file "$name")"
}

# Stops every service, emulator included: whatever has a pid file and is not one of the three servers.
stop_services() {
  local file name
  for file in "$PID_DIR"/*.pid; do
    [[ -e $file ]] || continue
    name=$(basename "$file" .pid)
    case $name in postgres | redis | rabbitmq | epmd) continue ;; esac
    stop_recorded "$name" dotnet
  done
}

show_log_tail() {
  [[ -s $1 ]] || return 0
  printf -- '---- last lines of %s ----\n' "${1#"$FABRIK_ROOT"/}" >&2
  tail -n "${2:-30}" "$1" >&2
  printf -- '----\n' >&2
}

# hold_stack_lock "$@": serializes up.sh and down.sh of one checkout (test.sh runs up.sh, so parallel test runs would
# race otherwise) by running the calling script again under flock(1). flock holds the lock itself (-o), so the
# servers and build servers the script starts do not inherit it and keep it after the script ends.
hold_stack_lock() {
  if [[ ${FABRIK_STACK_LOCK_HELD:-} == "$LOCK_FILE" ]]; then
    unset FABRIK_STACK_LOCK_HELD
    return 0
  fi
  mkdir -p "$LOCAL_DIR"
  if ! flock -n "$LOCK_FILE" true; then
    say "Waiting for another up.sh/down.sh of this checkout to finish"
  fi
  FABRIK_STACK_LOCK_HELD=$LOCK_FILE exec flock -o "$LOCK_FILE" "$BASH" "$0" "$@"
}

make_local_dirs() {
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$PID_DIR" "$RUN_DIR"
  # Others (the postgres user) must traverse .local and data/ to reach PostgreSQL's folder; nothing more.
  chmod 711 "$LOCAL_DIR" "$DATA_DIR" "$RUN_DIR"
}

# ---------------------------------------------------------------- PostgreSQL

# Sets PG_BIN: the binaries of the major version the data folder was made with, else the newest installed.
find_pg_bin() {
  local version=""
  [[ -n ${PG_BIN:-} ]] && return 0
  [[ -s $PG_DATA/PG_VERSION ]] && version=$(<"$PG_DATA/PG_VERSION")
  if [[ -z $version || ! -x /usr/lib/postgresql/$version/bin/pg_ctl ]]; then
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
  fi
  [[ -n $version && -x /usr/lib/postgresql/$version/bin/pg_ctl ]] ||
    die "PostgreSQL server binaries not found under /usr/lib/postgresql (package postgresql)"
  PG_BIN=/usr/lib/postgresql/$version/bin
}

pg_ctl_as_owner() {
  find_pg_bin
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@"
}

pg_running() { [[ -f $PG_DATA/PG_VERSION ]] && pg_ctl_as_owner status >/dev/null 2>&1; }

# The port our PostgreSQL listens on, from its postmaster.pid (line 4).
pg_running_port() { sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null; }

psql_admin() {
  PGCONNECT_TIMEOUT=5 psql -X -q -w -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}

psql_fabrik() {
  PGPASSWORD=fabrik PGCONNECT_TIMEOUT=5 psql -X -q -w -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U fabrik -d fabrik "$@"
}

# initdb runs as the postgres user, which must be able to traverse every folder above its data folder.
grant_postgres_traversal() {
  local dir=$PG_DATA
  [[ $EUID -eq 0 ]] || return 0
  runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null && return 0
  while [[ $dir != / ]]; do
    dir=$(dirname "$dir")
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      note "granting o+x on $dir so the postgres user can reach .local/data/postgres"
      chmod o+x "$dir"
    fi
  done
}

prepare_postgres() {
  find_pg_bin
  grant_postgres_traversal
  mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
  touch "$LOG_DIR/postgres.log"
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$PG_DATA" "$PG_SOCKET_DIR" "$LOG_DIR/postgres.log"
  fi
  chmod 700 "$PG_DATA"
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  say "Creating the PostgreSQL cluster in .local/data/postgres"
  if ! as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$LOG_DIR/initdb.log" 2>&1; then
    show_log_tail "$LOG_DIR/initdb.log"
    die "initdb failed"
  fi
}

ensure_fabrik_database() {
  # The role may create databases: integration tests create their own, and drop them "with (force)", which must also
  # end an autovacuum worker busy in one (a process of no role, so only pg_signal_backend may signal it).
  psql_admin <<'SQL'
SELECT 'CREATE ROLE fabrik LOGIN CREATEDB PASSWORD ''fabrik'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fabrik') \gexec
SELECT 'ALTER ROLE fabrik LOGIN CREATEDB' FROM pg_roles
WHERE rolname = 'fabrik' AND NOT (rolcreatedb AND rolcanlogin) \gexec
SELECT 'CREATE DATABASE fabrik OWNER fabrik'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'fabrik') \gexec
SELECT 'GRANT pg_signal_backend TO fabrik'
WHERE NOT pg_has_role('fabrik', 'pg_signal_backend', 'MEMBER') \gexec
SQL
}

use_foreign_postgres() {
  if psql_admin -c 'SELECT 1' >/dev/null 2>&1; then
    note "PostgreSQL on 127.0.0.1:$PG_PORT was not started from this checkout; using it"
    ensure_fabrik_database
  elif psql_fabrik -c 'SELECT 1' >/dev/null 2>&1; then
    note "PostgreSQL on 127.0.0.1:$PG_PORT was not started from this checkout; using its fabrik role and database"
  else
    die "127.0.0.1:$PG_PORT is taken by a PostgreSQL (or something else) that accepts neither postgres nor fabrik/fabrik.
       Stop it (a packaged one: systemctl disable --now postgresql) or use another port: FABRIK_PG_PORT=5433 $0"
  fi
}

# PostgreSQL notices within a minute that its data folder is gone and shuts itself down; wait for that.
retire_orphaned_postgres() {
  local answer
  port_open "$PG_PORT" || return 0
  answer=$(psql_admin -Atc 'SHOW data_directory' 2>&1) || true
  case $answer in
    # New sessions of a server whose data folder is gone fail to open its files.
    *'could not open file "global/'*) ;;
    *) is_orphaned_local_dir "$answer" || return 0 ;;
  esac
  say "PostgreSQL on 127.0.0.1:$PG_PORT lost its data folder; waiting for it to shut itself down"
  wait_until 90 port_closed "$PG_PORT" || die "it is still running; stop it, then run $0 again"
}

start_postgres() {
  local port
  if pg_running; then
    port=$(pg_running_port)
    [[ $port == "$PG_PORT" ]] ||
      die "this checkout's PostgreSQL listens on port $port, not $PG_PORT; run deploy/local/down.sh first to move it"
    note "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    retire_orphaned_postgres
    if port_open "$PG_PORT"; then
      use_foreign_postgres
      return
    fi
    prepare_postgres
    say "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    if ! pg_ctl_as_owner -l "$LOG_DIR/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k '$PG_SOCKET_DIR' -c max_connections=200" start >/dev/null; then
      show_log_tail "$LOG_DIR/postgres.log"
      die "PostgreSQL did not start"
    fi
  fi
  head -n 1 "$PG_DATA/postmaster.pid" >"$(pid_file postgres)"
  ensure_fabrik_database
}

stop_postgres() {
  local pid
  if pg_running; then
    pid=$(head -n 1 "$PG_DATA/postmaster.pid")
    pg_ctl_as_owner -m fast -w -t 60 stop >/dev/null
    say "Stopped postgres (pid $pid)"
    STOPPED=$((${STOPPED:-0} + 1))
  fi
  rm -f "$(pid_file postgres)"
}

# ---------------------------------------------------------------- Redis

redis_answers() { [[ $(timeout 5 redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

# Redis runs in its data folder; /proc shows that folder as "(deleted)" once its checkout is gone.
# The pid of the Redis answering on our port, whoever started it.
listening_redis_pid() {
  timeout 5 redis-cli -p "$REDIS_PORT" info server 2>/dev/null | tr -d '\r' | sed -n 's/^process_id://p'
}

retire_orphaned_redis() {
  local pid dir
  pid=$(listening_redis_pid)
  [[ -n $pid ]] && dir=$(readlink "/proc/$pid/cwd" 2>/dev/null) || return 0
  [[ $dir == *' (deleted)' ]] && is_orphaned_local_dir "${dir% (deleted)}" || return 0
  say "Redis on 127.0.0.1:$REDIS_PORT (pid $pid) runs in the deleted ${dir% (deleted)}; shutting it down"
  timeout 10 redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  wait_until 15 port_closed "$REDIS_PORT" || die "it is still running; stop it, then run $0 again"
}

start_redis() {
  local pid
  if pid=$(running_pid redis redis-server); then
    port_open "$REDIS_PORT" ||
      die "this checkout's Redis (pid $pid) is not on port $REDIS_PORT; run deploy/local/down.sh first to move it"
    note "Redis already running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  port_open "$REDIS_PORT" && retire_orphaned_redis
  if port_open "$REDIS_PORT"; then
    redis_answers || die "127.0.0.1:$REDIS_PORT is taken by something that is not Redis; use another port: FABRIK_REDIS_PORT=6380 $0"
    note "Redis on 127.0.0.1:$REDIS_PORT was not started from this checkout; using it"
  else
    say "Starting Redis on 127.0.0.1:$REDIS_PORT"
    mkdir -p "$DATA_DIR/redis"
    # Redis holds only what the database can rebuild (cursors, keepalives, leases, the SignalR backplane).
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DATA_DIR/redis" --daemonize yes \
      --pidfile "$(pid_file redis)" --logfile "$LOG_DIR/redis.log" --save "" --appendonly no
    if ! wait_until 15 redis_answers; then
      show_log_tail "$LOG_DIR/redis.log"
      die "Redis did not answer on 127.0.0.1:$REDIS_PORT"
    fi
  fi
}

stop_redis() {
  local pid
  # Ask the Redis on our port to shut down only when it is ours; stop_recorded signals ours otherwise.
  if pid=$(running_pid redis redis-server) &&
    [[ $(listening_redis_pid) == "$pid" ]] &&
    timeout 10 redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 &&
    wait_until 10 process_gone "$pid"; then
    say "Stopped redis (pid $pid)"
    STOPPED=$((${STOPPED:-0} + 1))
  fi
  stop_recorded redis redis-server
}

# ---------------------------------------------------------------- RabbitMQ

rabbitmq_env() {
  printf '%s\n' \
    "HOME=$RABBITMQ_DIR/home" \
    "RABBITMQ_NODENAME=$RABBITMQ_NODENAME" \
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1" \
    "RABBITMQ_NODE_PORT=$RABBITMQ_PORT" \
    "RABBITMQ_DIST_PORT=$RABBITMQ_DIST_PORT" \
    "ERL_EPMD_ADDRESS=127.0.0.1" \
    "ERL_EPMD_PORT=$EPMD_PORT" \
    "RABBITMQ_MNESIA_BASE=$RABBITMQ_DIR/mnesia" \
    "RABBITMQ_LOG_BASE=$LOG_DIR/rabbitmq" \
    "RABBITMQ_ENABLED_PLUGINS_FILE=$RABBITMQ_DIR/enabled_plugins" \
    "RABBITMQ_CONFIG_FILE=$RABBITMQ_DIR/rabbitmq.conf" \
    "RABBITMQ_PID_FILE=$(pid_file rabbitmq)" \
    "ERL_CRASH_DUMP=$LOG_DIR/rabbitmq/erl_crash.dump" \
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
}

# rabbitmq TOOL ARGS...: runs /usr/lib/rabbitmq/bin/TOOL as the caller, pointed at .local (the /usr/sbin wrappers
# switch to the rabbitmq user, whose Erlang cookie differs, and then cannot reach this node).
rabbitmq() {
  local tool=$1 environment
  shift
  mapfile -t environment < <(rabbitmq_env)
  env "${environment[@]}" "$RABBITMQ_BIN/$tool" "$@"
}

start_epmd() {
  local epmd
  port_open "$EPMD_PORT" && return 0
  epmd=$(command -v epmd) || die "epmd (package erlang-base) is not installed"
  setsid "$epmd" -address 127.0.0.1 -port "$EPMD_PORT" >"$LOG_DIR/epmd.log" 2>&1 </dev/null &
  echo "$!" >"$(pid_file epmd)"
  wait_until 10 port_open "$EPMD_PORT" || die "epmd did not start on 127.0.0.1:$EPMD_PORT"
}

# rabbitmqctl cannot reach such a node (its Erlang cookie went with the checkout), so it gets TERM, which RabbitMQ
# answers with an orderly shutdown.
# listening_rabbitmq FIELD: a string field (db_dir, os_pid, ...) of the RabbitMQ node whose management API answers
# on our management port, whoever started it.
listening_rabbitmq() {
  curl -s --max-time 5 -u guest:guest "http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/api/nodes" 2>/dev/null |
    grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d '"' -f 4 || true
}

retire_orphaned_rabbitmq() {
  local dir pid
  dir=$(listening_rabbitmq db_dir)
  pid=$(listening_rabbitmq os_pid)
  [[ -n $pid ]] && is_orphaned_local_dir "$dir" || return 0
  say "RabbitMQ on 127.0.0.1:$RABBITMQ_PORT (pid $pid) runs from the deleted $dir; stopping it"
  kill -TERM "$pid" 2>/dev/null || true
  wait_until 60 process_gone "$pid" || die "it is still running; stop it, then run $0 again"
}

rabbitmq_booting_or_gone() { [[ -s $(pid_file rabbitmq) ]] || process_gone "$1"; }

start_rabbitmq() {
  local pid environment launcher
  if pid=$(running_pid rabbitmq beam); then
    port_open "$RABBITMQ_PORT" ||
      die "this checkout's RabbitMQ (pid $pid) is not on port $RABBITMQ_PORT; run deploy/local/down.sh first to move it"
    note "RabbitMQ already running on 127.0.0.1:$RABBITMQ_PORT"
    return
  fi
  port_open "$RABBITMQ_PORT" && retire_orphaned_rabbitmq
  if port_open "$RABBITMQ_PORT"; then
    note "RabbitMQ on 127.0.0.1:$RABBITMQ_PORT was not started from this checkout; using it"
    return
  fi
  say "Starting RabbitMQ on 127.0.0.1:$RABBITMQ_PORT (management on $RABBITMQ_MANAGEMENT_PORT)"
  mkdir -p "$RABBITMQ_DIR/home" "$RABBITMQ_DIR/mnesia" "$LOG_DIR/rabbitmq"
  write_if_changed "$RABBITMQ_DIR/rabbitmq.conf" 644 "listeners.tcp.default = 127.0.0.1:$RABBITMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBITMQ_MANAGEMENT_PORT" || true
  if ! grep -qs rabbitmq_management "$RABBITMQ_DIR/enabled_plugins"; then
    rabbitmq rabbitmq-plugins -q enable --offline rabbitmq_management >/dev/null
  fi
  start_epmd
  mapfile -t environment < <(rabbitmq_env)
  rm -f "$(pid_file rabbitmq)"
  setsid env "${environment[@]}" "$RABBITMQ_BIN/rabbitmq-server" >>"$LOG_DIR/rabbitmq.stdout.log" 2>&1 </dev/null &
  launcher=$!
  disown "$launcher"
  # The node writes its pid file early in its boot; a node that fails to boot exits instead.
  if ! wait_until 60 rabbitmq_booting_or_gone "$launcher" || [[ ! -s $(pid_file rabbitmq) ]] ||
    ! rabbitmq rabbitmqctl -q wait --timeout 90 "$(pid_file rabbitmq)" >/dev/null 2>&1; then
    show_log_tail "$LOG_DIR/rabbitmq.stdout.log"
    die "RabbitMQ did not start; its logs are in .local/logs/rabbitmq/"
  fi
}

stop_rabbitmq() {
  local pid
  if pid=$(running_pid rabbitmq beam); then
    if rabbitmq rabbitmqctl -q stop "$(pid_file rabbitmq)" >/dev/null 2>&1; then
      say "Stopped rabbitmq (pid $pid)"
      STOPPED=$((${STOPPED:-0} + 1))
    fi
  fi
  stop_recorded rabbitmq beam
}

# ---------------------------------------------------------------- services

AWX_EMULATOR_PROJECT=tests/Fabrik.Executions.AwxEmulator
MIGRATIONS_PROJECT=services/Fabrik.Executions.Migrations

# The poller's GC budget for short-lived objects, which .NET otherwise sizes from the CPU's cache (80 MB on the
# benchmark's machine) and which then is most of its memory; only the environment sets it. deploy/docker/Dockerfile and
# the benchmark's stack set the same (docs/performance.md).
POLLER_RUNTIME_ENVIRONMENT=(DOTNET_GCgen0size=0x400000)

# One line per service instance: NAME PROJECT_FOLDER PORT.
service_instances() {
  local i
  printf '%s %s %s\n' \
    launcher services/Fabrik.Executions.Launcher "$LAUNCHER_PORT" \
    watchdog services/Fabrik.Executions.Watchdog "$WATCHDOG_PORT" \
    resultparser services/Fabrik.Executions.ResultParser "$RESULTPARSER_PORT"
  for ((i = 1; i <= POLLERS; i++)); do
    printf 'streampoller-%d services/Fabrik.Executions.StreamPoller %d\n' "$i" "$((STREAMPOLLER_BASE_PORT + i))"
  done
  printf '%s %s %s\n' gateway services/Fabrik.Executions.Gateway "$GATEWAY_PORT"
}

# The built assembly of a project folder (Release), in the classic bin/ layout or the artifacts/ layout.
built_dll() {
  local project=$1 name candidate
  name=$(basename "$project")
  for candidate in "$FABRIK_ROOT/$project"/bin/Release/net*/"$name.dll" \
    "$FABRIK_ROOT/artifacts/bin/$name"/release*/"$name.dll"; do
    if [[ -f $candidate ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# True when the solution lists the project of a folder (a project being written may not be in it yet).
in_solution() { grep -qF "$(basename "$1").csproj" "$SOLUTION"; }

# True when a project folder exists and the solution builds it.
project_present() { [[ -d $FABRIK_ROOT/$1 ]] && in_solution "$1"; }

emulator_url() { printf 'http://127.0.0.1:%s' "$AWX_EMULATOR_PORT"; }

# True when Awx__BaseUrl names an AWX other than the local emulator (a sourced stack.env names the emulator).
external_awx_configured() {
  local url=${Awx__BaseUrl:-}
  [[ -n $url && ${url%/} != "$(emulator_url)" ]]
}

# ---------------------------------------------------------------- the web app

WEB_DIR="$FABRIK_ROOT/web"

# npm ci, when node_modules is missing or older than package-lock.json.
install_web_dependencies() {
  [[ -f $WEB_DIR/node_modules/.package-lock.json && ! $WEB_DIR/package-lock.json -nt $WEB_DIR/node_modules/.package-lock.json ]] &&
    return 0
  say "Installing the web app's npm packages (npm ci)"
  (cd "$WEB_DIR" && npm ci --no-audit --no-fund --loglevel=error) </dev/null
}

# ---------------------------------------------------------------- files

# write_if_changed FILE MODE CONTENT: replaces FILE atomically, only when CONTENT differs, so a second run
# changes nothing. Returns 0 when it wrote.
write_if_changed() {
  local file=$1 mode=$2 content=$3 tmp
  if [[ -f $file && "$(<"$file")" == "$content" ]]; then
    chmod "$mode" "$file"
    return 1
  fi
  tmp=$(mktemp "$file.XXXXXX")
  printf '%s\n' "$content" >"$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$file"
}

# Single-quotes a value for a shell file.
shell_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
