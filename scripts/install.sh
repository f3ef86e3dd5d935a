#!/usr/bin/env bash
# Installs the project's dependencies when they are missing or stale. Node 24 comes with them
# (the `node` devDependency), so every later `npm run`/`npx` command runs under it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/astro ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # On a Node 20 host npm warns, package by package, that Astro wants Node 22+ (EBADENGINE):
  # true of the host, not of the project, which runs under the Node 24 it installs. Those
  # lines are dropped; every other line is kept, and on failure the whole log is shown.
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  if ! npm ci --no-audit --no-fund 2>"$log"; then
    cat "$log" >&2
    exit 1
  fi
  grep -v '^npm warn EBADENGINE' "$log" >&2 || true
  if grep -q '^npm warn EBADENGINE' "$log"; then
    echo "Installed. (npm ran under Node $("${npm_node_execpath:-node}" --version); the project runs under the Node 24 it installs.)"
  fi
fi
# `npm ci` builds the loop library in `prepare`; rebuild when its sources are newer than the build.
if [ ! -f src/loop/dist/index.js ] || [ -n "$(find src/loop -maxdepth 1 -name '*.ts' -newer src/loop/dist/index.js -print -quit)" ]; then
  npm run --silent build:loop
fi
