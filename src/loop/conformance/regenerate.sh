#!/bin/sh
# Regenerates the expected outputs from the Python twins. Run from anywhere;
# needs Debian's Python 3.11 at /usr/bin/python3 (not a pyenv shim).
# Writes NN-name.out (stdout) for every twin, and refreshes NN-name.err (the
# first line of stderr) for the twins that already have one.
set -eu
cd "$(dirname "$0")"
PY=/usr/bin/python3
"$PY" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
  { echo "regenerate.sh: $PY is not Python 3.11" >&2; exit 1; }
for py in [0-9]*.py; do
  base=${py%.py}
  if head -n 1 "$py" | grep -q '^# needs Python 3.12+'; then
    # Debian's 3.11 lacks what these use: record them under CPython 3.14 in Pyodide (the
    # page's Python), run by Node as the browser tests do.
    (cd ../../.. && npx node --experimental-wasm-jspi src/runner/testing/pyodide-node.ts src/loop/conformance "$py") |
      npx node -e 'let s="";process.stdin.on("data",(d)=>{s+=d}).on("end",()=>process.stdout.write(JSON.parse(s)[0].stdout))' >"$base.out"
    continue
  fi
  if [ -e "$base.err" ]; then
    "$PY" "$py" >"$base.out" 2>"$base.stderr.tmp"
    head -n 1 "$base.stderr.tmp" >"$base.err"
    rm -f "$base.stderr.tmp"
  else
    "$PY" "$py" >"$base.out"
  fi
done
