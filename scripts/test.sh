#!/usr/bin/env bash
# `npm test`: installs what the tests need (dependencies, Debian's Chromium), then runs every test:
# the type check, the linter, a check that every test file asserts something, unit tests (loop
# library, runner, markdown pipeline, Node-side snippet verification), the site build, and the
# Playwright suite against the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' and try again." >&2
    exit 1
  fi
fi

node --version
# Static checks first, so a type or lint error (or a test that asserts nothing) fails the run in
# seconds, not after the suites.
node scripts/typecheck.ts
npx biome ci .
node scripts/check-assertions.ts
# The 10,000-connection stress test runs on its own: beside the other suites its load
# would make their real-time timings flaky.
rm -rf reports
npx vitest run --exclude '**/net-stress.test.ts' --reporter=default --reporter=json --outputFile.json=reports/unit.json
# Its two processes need 10,500 file descriptors each: raise the soft limit where the hard
# limit allows. If it cannot be raised the test fails (it never skips).
NEEDED_FDS=10500
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEEDED_FDS" ]; then
  ulimit -Sn "$NEEDED_FDS" 2>/dev/null || echo "ulimit -n is $(ulimit -n) and cannot be raised to $NEEDED_FDS: the stress test will fail." >&2
fi
npx vitest run src/loop/node/net-stress.test.ts --reporter=default --reporter=json --outputFile.json=reports/stress.json
npx astro build
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json npx playwright test --reporter=list,json
node scripts/summary.ts reports/unit.json reports/stress.json reports/e2e.json
