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
  if [ -e "$base.err" ]; then
    "$PY" "$py" >"$base.out" 2>"$base.stderr.tmp"
    head -n 1 "$base.stderr.tmp" >"$base.err"
    rm -f "$base.stderr.tmp"
  else
    "$PY" "$py" >"$base.out"
  fi
done
