#!/usr/bin/env bash
# Runs the whole test suite against real servers: starts PostgreSQL, RabbitMQ and Redis if they are not running
# (deploy/local/up.sh --servers-only), loads .local/stack.env, then runs every test project of the solution.
# Extra arguments go to `dotnet test` (for example --filter Category=Integration).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHAOS_TESTS="$FABRIK_ROOT/tests/Fabrik.Executions.ChaosTests"

# Builds once, then runs the test projects one after another: they share two cores and the servers, and a project
# that waits on a busy machine is a flaky project. The chaos suite restarts RabbitMQ and Redis, so it runs alone, last.
run_dotnet_tests() {
  local status=0
  say "dotnet build Fabrik.Executions.sln"
  dotnet build "$SOLUTION" -nologo </dev/null || return $?
  if (($#)); then
    say "dotnet test Fabrik.Executions.sln $*"
    dotnet test "$SOLUTION" -nologo --no-build "$@" </dev/null
    return $?
  fi
  say "dotnet test Fabrik.Executions.sln (all but the chaos suite)"
  dotnet test "$SOLUTION" -nologo --no-build -m:1 --filter "TestCategory!=Chaos" </dev/null || status=$?
  say "dotnet test tests/Fabrik.Executions.ChaosTests (restarts RabbitMQ and Redis)"
  dotnet test "$CHAOS_TESTS" -nologo --no-build </dev/null || status=$((status ? status : $?))
  return "$status"
}

# The web app's own tests (web/package.json's `test` script); the browser tests are a .NET project and run above.
run_web_app_tests() {
  [[ -f $WEB_DIR/package.json ]] || return 0
  require_npm
  install_web_dependencies
  say "npm test (web/)"
  (cd "$WEB_DIR" && npm test) </dev/null
}

# The Kubernetes manifests, alert rules and dashboard: deploy/local/validate-manifests.sh.
run_manifest_checks() {
  "$FABRIK_ROOT/deploy/local/validate-manifests.sh"
}

main() {
  local status=0
  "$FABRIK_ROOT/deploy/local/up.sh" --servers-only
  # shellcheck source=/dev/null
  source "$STACK_ENV"
  require_dotnet
  run_dotnet_tests "$@" || status=$?
  # A filtered run (extra arguments) is about some .NET tests only.
  if (($# == 0)); then
    run_web_app_tests || status=$((status ? status : $?))
    run_manifest_checks || status=$((status ? status : $?))
  fi
  ((status == 0)) || printf 'Tests failed (exit code %d).\n' "$status" >&2
  return "$status"
}

main "$@"
