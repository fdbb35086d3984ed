#!/usr/bin/env bash
# Runs Fabrik.Executions on this machine without Docker: PostgreSQL, RabbitMQ and Redis on 127.0.0.1 with their data
# under .local/, then the AWX emulator and every service. Run it again at any time: it starts only what is not running.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
hold_stack_lock "$@"

usage() {
  cat <<EOF
Usage: deploy/local/up.sh [--servers-only]

Installs what is missing (Debian packages), starts PostgreSQL, RabbitMQ and Redis on 127.0.0.1 with their data
under .local/, writes .local/stack.env, builds the solution when sources changed, applies the database
migrations, and starts the AWX emulator (unless Awx__BaseUrl names a real AWX) and every service.

  --servers-only   only the three servers, the fabrik role and database, and .local/stack.env

Ports come from FABRIK_PG_PORT, FABRIK_REDIS_PORT, FABRIK_RABBITMQ_PORT, FABRIK_RABBITMQ_MANAGEMENT_PORT,
FABRIK_GATEWAY_PORT, FABRIK_LAUNCHER_PORT, FABRIK_WATCHDOG_PORT, FABRIK_RESULTPARSER_PORT,
FABRIK_STREAMPOLLER_BASE_PORT (instance i listens on base+i), FABRIK_AWX_EMULATOR_PORT; FABRIK_POLLERS sets
the number of StreamPoller instances (default 2). Stop everything with deploy/local/down.sh.
EOF
}

read_flag --servers-only "$@"
servers_only=$FLAG_SET

STARTED=()
FAILED=()
BUILT=0
BUILD_REASON=""

# ---------------------------------------------------------------- stack.env

# ensure_secret FILE: 32 random bytes as hex, made once and readable by this user only.
ensure_secret() {
  [[ -s $1 ]] || (
    umask 077
    od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$1"
  )
  chmod 600 "$1"
}

write_stack_env() {
  local awx_url awx_token
  ensure_secret "$OPERATOR_KEY_FILE"
  if external_awx_configured; then
    [[ -n ${Awx__Token:-} ]] || die "Awx__BaseUrl is set ($Awx__BaseUrl) but Awx__Token is not; export both"
    awx_url=$Awx__BaseUrl
    awx_token=$Awx__Token
  else
    ensure_secret "$AWX_TOKEN_FILE"
    awx_url=$(emulator_url)
    awx_token=$(<"$AWX_TOKEN_FILE")
  fi
  if write_if_changed "$STACK_ENV" 600 "# Written by deploy/local/up.sh. Load it into a shell with: source .local/stack.env
export ConnectionStrings__Postgres=$(shell_quote "Host=127.0.0.1;Port=$PG_PORT;Database=fabrik;Username=fabrik;Password=fabrik")
export ConnectionStrings__Redis=$(shell_quote "127.0.0.1:$REDIS_PORT")
export ConnectionStrings__RabbitMq=$(shell_quote "amqp://guest:guest@127.0.0.1:$RABBITMQ_PORT/")
export Awx__BaseUrl=$(shell_quote "$awx_url")
export Awx__Token=$(shell_quote "$awx_token")
export FABRIK_GATEWAY_URL=$(shell_quote "http://127.0.0.1:$GATEWAY_PORT")
export FABRIK_OPERATOR_KEY=$(shell_quote "$(<"$OPERATOR_KEY_FILE")")
export FABRIK_RABBITMQ_MANAGEMENT_PORT=$(shell_quote "$RABBITMQ_MANAGEMENT_PORT")"; then
    note "wrote .local/stack.env"
  fi
  # shellcheck source=/dev/null
  source "$STACK_ENV"
}

# ---------------------------------------------------------------- build and migrations

# Every project folder that up.sh runs: the emulator, the migrator and the services.
runnable_projects() {
  printf '%s\n' "$AWX_EMULATOR_PROJECT" "$MIGRATIONS_PROJECT"
  service_instances | awk '{ print $2 }' | sort -u
}

# True when the Release build is newer than every source of what up.sh runs; otherwise sets BUILD_REASON.
build_is_current() {
  local project newer
  if [[ ! -f $BUILD_STAMP ]]; then
    BUILD_REASON="no build yet"
    return 1
  fi
  while read -r project; do
    if project_present "$project" && ! built_dll "$project" >/dev/null; then
      BUILD_REASON="$project is not built"
      return 1
    fi
  done < <(runnable_projects)
  newer=$(find "$FABRIK_ROOT" -maxdepth 1 -type f -newer "$BUILD_STAMP" \( -name '*.sln' -o -name '*.slnx' \
    -o -name 'Directory.*' -o -name global.json -o -iname nuget.config \) -print -quit)
  if [[ -z $newer ]]; then
    # What up.sh runs is built from these folders; a change to a test alone does not restart the stack.
    newer=$(find "$FABRIK_ROOT/contracts" "$FABRIK_ROOT/services" "$FABRIK_ROOT/$AWX_EMULATOR_PROJECT" \
      \( -name bin -o -name obj -o -name node_modules -o -name TestResults \) -prune \
      -o -type f -newer "$BUILD_STAMP" -print -quit 2>/dev/null || true)
  fi
  BUILD_REASON="${newer#"$FABRIK_ROOT"/} changed"
  [[ -z $newer ]]
}

build_solution() {
  local started
  if build_is_current; then
    note "build is up to date"
    return
  fi
  # A running service keeps the old code, and rewriting its assemblies under it is unsafe.
  stop_services
  say "Building Fabrik.Executions.sln (Release) because $BUILD_REASON; output in .local/logs/build.log"
  started=$(mktemp "$LOCAL_DIR/build.XXXXXX")
  if ! dotnet build "$SOLUTION" -c Release -nologo -v quiet -tl:off >"$LOG_DIR/build.log" 2>&1 </dev/null; then
    rm -f "$started"
    grep -E ': (error|warning) [A-Z]+[0-9]+' "$LOG_DIR/build.log" | sort -u | head -n 40 >&2 || show_log_tail "$LOG_DIR/build.log" 40
    die "the build failed, so the services stay stopped; the whole output is in .local/logs/build.log"
  fi
  mv -f "$started" "$BUILD_STAMP"
  BUILT=1
}

web_app_is_current() {
  local newer
  [[ -f $WEB_DIR/dist/index.html ]] || return 1
  newer=$(find "$WEB_DIR" \( -path "$WEB_DIR/node_modules" -o -path "$WEB_DIR/dist" \) -prune \
    -o -type f -newer "$WEB_DIR/dist/index.html" -print -quit)
  [[ -z $newer ]]
}

# The Gateway serves web/dist; it reads the files on each request, so a rebuilt app needs no restart.
build_web_app() {
  [[ -f $WEB_DIR/package.json ]] || return 0
  web_app_is_current && return 0
  if ! command -v npm >/dev/null; then
    warn "npm is not installed, so the web app (web/) is not built and / answers 503; the API works"
    return 0
  fi
  install_web_dependencies
  say "Building the web app (npm run build); output in .local/logs/web-build.log"
  if ! (cd "$WEB_DIR" && npm run build) >"$LOG_DIR/web-build.log" 2>&1 </dev/null; then
    show_log_tail "$LOG_DIR/web-build.log"
    die "the web app did not build; the whole output is in .local/logs/web-build.log"
  fi
}

run_migrations() {
  local dll
  if ! project_present "$MIGRATIONS_PROJECT"; then
    note "no migrator yet ($MIGRATIONS_PROJECT); skipped"
    return
  fi
  dll=$(built_dll "$MIGRATIONS_PROJECT") || die "$MIGRATIONS_PROJECT was not built (is it in Fabrik.Executions.sln?)"
  say "Applying database migrations"
  if ! (cd "$(dirname "$dll")" && DOTNET_ENVIRONMENT=$SERVICE_ENVIRONMENT timeout 300 dotnet "$dll" \
    >"$LOG_DIR/migrations.log" 2>&1 </dev/null); then
    show_log_tail "$LOG_DIR/migrations.log"
    die "the migrator failed; its output is in .local/logs/migrations.log"
  fi
}

# ---------------------------------------------------------------- services

instance_running() {
  local dll
  dll=$(built_dll "$2" 2>/dev/null) || return 1
  running_pid "$1" "$(basename "$dll")" >/dev/null
}

# True when some existing service (or the emulator, when it is used) is not running.
something_to_start() {
  local name project _port
  if ! external_awx_configured && project_present "$AWX_EMULATOR_PROJECT" &&
    ! instance_running awx-emulator "$AWX_EMULATOR_PROJECT"; then
    return 0
  fi
  while read -r name project _port; do
    if project_present "$project" && ! instance_running "$name" "$project"; then return 0; fi
  done < <(service_instances)
  return 1
}

# start_instance NAME PROJECT PORT [VAR=VALUE...]: starts `dotnet <dll> --urls` in the background, in its own
# session, with its output in .local/logs/NAME.log and its pid in .local/pids/NAME.pid.
start_instance() {
  local name=$1 project=$2 port=$3 dll pid log
  shift 3
  if [[ ! -d $FABRIK_ROOT/$project ]]; then
    note "$name: $project is not there yet; skipped"
    return
  fi
  if ! in_solution "$project"; then
    note "$name: $project is not in Fabrik.Executions.sln yet; skipped"
    return
  fi
  if ! dll=$(built_dll "$project"); then
    warn "$name: $project has no Release build; skipped"
    FAILED+=("$name")
    return
  fi
  if pid=$(running_pid "$name" "$(basename "$dll")"); then
    if live "$port"; then
      note "$name already running on http://127.0.0.1:$port (pid $pid)"
    else
      warn "$name (pid $pid) is running but http://127.0.0.1:$port/health/live does not answer; see .local/logs/$name.log"
      FAILED+=("$name")
    fi
    return
  fi
  if port_open "$port"; then
    warn "$name: 127.0.0.1:$port is taken by another process; choose another port (see up.sh --help)"
    FAILED+=("$name")
    return
  fi
  log="$LOG_DIR/$name.log"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  (cd "$(dirname "$dll")" && exec setsid env "$@" ASPNETCORE_ENVIRONMENT="$SERVICE_ENVIRONMENT" \
    DOTNET_ENVIRONMENT="$SERVICE_ENVIRONMENT" dotnet "$dll" --urls "http://127.0.0.1:$port" \
    >"$log" 2>&1 </dev/null) &
  echo "$!" >"$(pid_file "$name")"
  STARTED+=("$name $port $!")
  # The process outlives this script; bash must not report on it (an "Aborted" line for a crash, for instance).
  disown "$!"
}

# Prints the HTTP status of a service's liveness endpoint (000 when nothing answers).
liveness_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/health/live" 2>/dev/null || true
}

live() { [[ $(liveness_status "$1") == 2* ]]; }

# Waits for /health/live of everything start_instance started; a process that exits or stays silent past the
# deadline is reported with the end of its log.
wait_for_started() {
  local entry name port pid deadline
  deadline=$((SECONDS + START_TIMEOUT))
  for entry in "${STARTED[@]}"; do
    read -r name port pid <<<"$entry"
    until live "$port"; do
      if [[ $(liveness_status "$port") == 404 ]]; then
        warn "$name answers on port $port but has no /health/live endpoint (HTTP 404)"
        break
      fi
      if process_gone "$pid"; then
        warn "$name exited during start-up"
        break
      fi
      if ((SECONDS >= deadline)); then
        warn "$name did not answer http://127.0.0.1:$port/health/live within ${START_TIMEOUT} s"
        break
      fi
      sleep 0.5
    done
    if live "$port"; then
      note "$name is live on http://127.0.0.1:$port (pid $pid)"
    else
      show_log_tail "$LOG_DIR/$name.log"
      FAILED+=("$name")
    fi
  done
  STARTED=()
}

stop_surplus_pollers() {
  local file name
  for file in "$PID_DIR"/streampoller-*.pid; do
    [[ -e $file ]] || continue
    name=$(basename "$file" .pid)
    ((${name#streampoller-} > POLLERS)) && stop_recorded "$name" dotnet
  done
  return 0
}

start_awx_emulator() {
  if external_awx_configured; then
    note "using the AWX at $Awx__BaseUrl (Awx__BaseUrl is set); the emulator is not started"
    return
  fi
  start_instance awx-emulator "$AWX_EMULATOR_PROJECT" "$AWX_EMULATOR_PORT" "Emulator__TokenFile=$AWX_TOKEN_FILE"
  wait_for_started
}

# The Gateway serves the web app from web/dist. Callers sign in with the local operator key made on the first start
# (.local/operator-key), unless Auth__* variables configure other API keys or bearer tokens.
gateway_environment() {
  echo "WebApp__Root=$WEB_DIR/dist"
  if ! compgen -e | grep -q '^Auth__'; then
    echo "Auth__ApiKeys__0__Name=local-operator"
    echo "Auth__ApiKeys__0__Key=$(<"$OPERATOR_KEY_FILE")"
    echo "Auth__ApiKeys__0__Role=operator"
  fi
}

start_services() {
  local name project port environment
  stop_surplus_pollers
  while read -r name project port; do
    environment=()
    [[ $name == gateway ]] && mapfile -t environment < <(gateway_environment)
    [[ $name == streampoller-* ]] && environment=("${POLLER_RUNTIME_ENVIRONMENT[@]}")
    start_instance "$name" "$project" "$port" "${environment[@]}"
  done < <(service_instances)
  wait_for_started
}

print_summary() {
  echo
  if instance_running gateway services/Fabrik.Executions.Gateway; then
    echo "Fabrik.Executions runs at http://127.0.0.1:$GATEWAY_PORT (API: /api/v1/executions, OpenAPI: /openapi/v1.json)"
    if ! compgen -e | grep -q '^Auth__'; then
      echo "Operator key:        $(<"$OPERATOR_KEY_FILE") (kept in .local/operator-key; send it as X-Api-Key)"
      echo "Signed-in web app:   http://127.0.0.1:$GATEWAY_PORT/#key=$(<"$OPERATOR_KEY_FILE")"
    fi
  else
    echo "The Gateway is not running, so there is no web address yet (http://127.0.0.1:$GATEWAY_PORT once it runs)."
  fi
  if ! external_awx_configured; then
    echo "AWX emulator:        $(emulator_url) (bearer token in .local/awx-token)"
  fi
  print_servers
}

print_servers() {
  cat <<EOF
RabbitMQ management: http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT (guest/guest)
Connection settings: source .local/stack.env
Logs:                .local/logs/
Stop:                deploy/local/down.sh   (services only: deploy/local/down.sh --keep-servers)
EOF
}

main() {
  check_settings
  ensure_packages "${SERVER_PACKAGES[@]}" "${TOOL_PACKAGES[@]}"
  make_local_dirs
  start_postgres
  start_redis
  start_rabbitmq
  write_stack_env
  if ((servers_only)); then
    print_servers
    return
  fi
  require_dotnet
  build_solution
  build_web_app
  if ((BUILT)) || something_to_start; then
    run_migrations
  fi
  start_awx_emulator
  start_services
  print_summary
  if ((${#FAILED[@]})); then
    die "not started: ${FAILED[*]} (logs in .local/logs/)"
  fi
}

main
