#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the pids it recorded: the services first, then Redis, RabbitMQ and
# PostgreSQL. Their data stays in .local/data, so up.sh brings them back as they were.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
hold_stack_lock "$@"

usage() {
  cat <<USAGE
Usage: deploy/local/down.sh [--keep-servers]

  --keep-servers   stop only the services and the AWX emulator; PostgreSQL, RabbitMQ and Redis keep running
USAGE
}

read_flag --keep-servers "$@"
keep_servers=$FLAG_SET

STOPPED=0

main() {
  [[ -d $PID_DIR ]] || {
    echo "Nothing is running."
    return
  }
  stop_services
  if ((!keep_servers)); then
    stop_redis
    stop_rabbitmq
    stop_recorded epmd epmd
    stop_postgres
  fi
  ((STOPPED)) || echo "Nothing was running."
}

main
