#!/usr/bin/env bash
# Restarts one of the local servers with its data, as an operator would after a change or to see the services
# recover (the chaos tests do): deploy/local/restart-server.sh postgres|redis|rabbitmq
# Redis comes back empty: it holds only what the services rebuild from the database.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
hold_stack_lock "$@"

usage() {
  echo "Usage: deploy/local/restart-server.sh postgres|redis|rabbitmq"
}

case ${1:-} in
  postgres | redis | rabbitmq) server=$1 ;;
  -h | --help)
    usage
    exit 0
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac

server_is_ours() {
  case $1 in
    postgres) pg_running ;;
    redis) running_pid redis redis-server >/dev/null ;;
    rabbitmq) running_pid rabbitmq beam >/dev/null ;;
  esac
}

# The checkout whose .local holds the data of the server listening on the port, if it is one of this project's.
owning_checkout() {
  local dir pid
  case $1 in
    postgres) dir=$(psql_admin -Atc 'SHOW data_directory' 2>/dev/null) || true ;;
    redis) pid=$(listening_redis_pid) && [[ -n $pid ]] && dir=$(readlink "/proc/$pid/cwd" 2>/dev/null) ;;
    rabbitmq) dir=$(listening_rabbitmq db_dir) ;;
  esac
  [[ ${dir:-} == /*/.local/data/* ]] || return 1
  printf '%s\n' "${dir%%/.local/data/*}"
}

main() {
  local owner port
  make_local_dirs
  case $server in
    postgres) port=$PG_PORT ;;
    redis) port=$REDIS_PORT ;;
    rabbitmq) port=$RABBITMQ_PORT ;;
  esac
  if ! server_is_ours "$server" && port_open "$port"; then
    # Another checkout's server (this one reuses it): that checkout restarts it.
    if owner=$(owning_checkout "$server") && [[ $owner != "$FABRIK_ROOT" && -x $owner/deploy/local/restart-server.sh ]]; then
      say "$server on 127.0.0.1:$port belongs to $owner; restarting it there"
      exec "$owner/deploy/local/restart-server.sh" "$server"
    fi
    die "$server on 127.0.0.1:$port was not started by this project's scripts; restart it where it was started"
  fi
  case $server in
    postgres)
      stop_postgres
      start_postgres
      ;;
    redis)
      stop_redis
      start_redis
      ;;
    rabbitmq)
      stop_rabbitmq
      start_rabbitmq
      ;;
  esac
}

main
