#!/usr/bin/env bash
# Static checks of what docker/ holds, for machines without a container engine (CI among them):
# the compose file resolves (docker compose config, or Debian's docker-compose), with and without
# its s3 profile, both kustomizations build, and every YAML file passes yamllint. The manifests'
# validation against the Kubernetes API types, and the Dockerfile's rules, are the unit tests of
# module docker (OpenShiftManifestsTest, ContainerImageTest). Run by ./stack test before the build.
#
#
# A missing tool is a warning, unless OPENASSIST_CHECK_STRICT=1 (CI): then it is a failure.
set -euo pipefail
cd "$(dirname "$0")"

missing() {
  if [ "${OPENASSIST_CHECK_STRICT:-0}" = 1 ]; then
    echo "[docker/check] $1 is not installed" >&2
    exit 1
  fi
  echo "[docker/check] warning: $1 is not installed; skipped" >&2
}

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  compose=()
  missing "docker compose (or docker-compose)"
fi
if [ ${#compose[@]} -gt 0 ]; then
  "${compose[@]}" -f compose.yaml config -q
  "${compose[@]}" -f compose.yaml --profile s3 config -q
  echo "[docker/check] compose.yaml is valid (${compose[*]} config, default and s3 profiles)"
fi

# kustomize builds (kubectl's built-in kustomize; no cluster needed). Optional even in CI.
if command -v kubectl >/dev/null 2>&1; then
  for overlay in openshift/plain openshift/operator; do
    kubectl kustomize "$overlay" >/dev/null
  done
  echo "[docker/check] kustomize builds openshift/plain and openshift/operator"
else
  echo "[docker/check] kubectl not installed; kustomize builds not checked" >&2
fi

if command -v yamllint >/dev/null 2>&1; then
  yamllint -c .yamllint -s compose.yaml openshift
  echo "[docker/check] YAML passes yamllint"
else
  missing yamllint
fi
