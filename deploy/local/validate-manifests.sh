#!/usr/bin/env bash
# Builds the Kubernetes manifests (deploy/k8s/base, deploy/k8s/monitoring) with `kubectl kustomize` and validates
# every rendered object against the Kubernetes, KEDA and Prometheus Operator schemas, the alert rules' and the Grafana
# dashboard's PromQL against Prometheus' grammar (deploy/k8s/validate, npm packages kubernetes-models and
# @prometheus-io/lezer-promql). test.sh runs it; it needs Node.js with npm, and kubectl 1.21 or later (kustomize v4+)
# to build the kustomizations (without it, their resources are validated unbuilt).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

K8S_DIR="$FABRIK_ROOT/deploy/k8s"
VALIDATOR_DIR="$K8S_DIR/validate"

# kubectl 1.21+ renders each kustomization as kubectl apply -k would. Without it (Debian's own kubectl is 1.20, whose
# kustomize cannot read these files) the resources are validated as written, unbuilt, and the output says so.
has_kustomize() {
  command -v kubectl >/dev/null && kubectl kustomize --help >/dev/null 2>&1
}

render() {
  local dir=$K8S_DIR/$1 patches
  if has_kustomize; then
    kubectl kustomize "$dir"
    return
  fi
  patches="$(sed -n 's/^ *- path: *//p' "$dir/kustomization.yaml")"
  for file in "$dir"/*.yaml; do
    [[ $(basename "$file") == kustomization.yaml ]] && continue
    grep -qxF "$(basename "$file")" <<<"$patches" && continue
    printf -- '---\n'
    cat "$file"
  done
}

install_validator() {
  [[ -f $VALIDATOR_DIR/node_modules/.package-lock.json && ! $VALIDATOR_DIR/package-lock.json -nt $VALIDATOR_DIR/node_modules/.package-lock.json ]] &&
    return 0
  say "Installing the manifest validator's npm packages (npm ci in deploy/k8s/validate)"
  (cd "$VALIDATOR_DIR" && npm ci --no-audit --no-fund --loglevel=error) </dev/null
}

validate_kustomization() {
  local rendered
  say "$(has_kustomize && echo "kubectl kustomize" || echo "WITHOUT kubectl 1.21+, the unbuilt resources of") deploy/k8s/$1 | validate"
  rendered="$(render "$1")" || return 1
  node "$VALIDATOR_DIR/validate.mjs" <<<"$rendered"
}

main() {
  local status=0 kustomization
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
