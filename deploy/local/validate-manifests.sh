#!/usr/bin/env bash
# Builds the Kubernetes manifests (deploy/k8s/base, deploy/k8s/monitoring) with `kubectl kustomize` and validates
# every rendered object against the Kubernetes, KEDA and Prometheus Operator schemas, the alert rules' and the Grafana
# dashboard's PromQL against Prometheus' grammar (deploy/k8s/validate, npm packages kubernetes-models and
# @prometheus-io/lezer-promql). test.sh runs it; it needs kubectl 1.21 or later (kustomize v4+) and Node.js with npm.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

K8S_DIR="$FABRIK_ROOT/deploy/k8s"
VALIDATOR_DIR="$K8S_DIR/validate"

require_kustomize() {
  command -v kubectl >/dev/null ||
    die "validating deploy/k8s needs kubectl 1.21 or later on PATH (its built-in kustomize): https://kubernetes.io/docs/tasks/tools/"
  kubectl kustomize --help >/dev/null 2>&1 || die "this kubectl has no 'kustomize' command: use kubectl 1.21 or later"
}

install_validator() {
  [[ -f $VALIDATOR_DIR/node_modules/.package-lock.json && ! $VALIDATOR_DIR/package-lock.json -nt $VALIDATOR_DIR/node_modules/.package-lock.json ]] &&
    return 0
  say "Installing the manifest validator's npm packages (npm ci in deploy/k8s/validate)"
  (cd "$VALIDATOR_DIR" && npm ci --no-audit --no-fund --loglevel=error) </dev/null
}

validate_kustomization() {
  local rendered
  say "kubectl kustomize deploy/k8s/$1 | validate"
  rendered="$(kubectl kustomize "$K8S_DIR/$1")" || return 1
  node "$VALIDATOR_DIR/validate.mjs" <<<"$rendered"
}

main() {
  local status=0 kustomization
  require_kustomize
  require_npm
  install_validator
  for kustomization in base monitoring; do
    validate_kustomization "$kustomization" || status=1
  done
  say "validate deploy/grafana dashboards"
  node "$VALIDATOR_DIR/validate.mjs" "$FABRIK_ROOT"/deploy/grafana/*.json || status=1
  return "$status"
}

main "$@"
