#!/usr/bin/env bash
# Installs the project's dependencies when they are missing or stale. Node 24 comes with them
# (the `node` devDependency), so every later `npm run`/`npx` command runs under it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/astro ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# `npm ci` builds the loop library in `prepare`; rebuild when its sources are newer than the build.
if [ ! -f src/loop/dist/index.js ] || [ -n "$(find src/loop -maxdepth 1 -name '*.ts' -newer src/loop/dist/index.js -print -quit)" ]; then
  npm run --silent build:loop
fi
