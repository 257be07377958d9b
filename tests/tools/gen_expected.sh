#!/bin/sh
# Regenerate the expected output of script tests with CPython 3.11:
#   tests/tools/gen_expected.sh tests/py/syntax/*.py
# writes <name>.out, <name>.err (only when non-empty) and <name>.exit (only when non-zero),
# with the test's absolute directory replaced by $DIR.
for f in "$@"; do
  dir=$(cd "$(dirname "$f")" && pwd)
  base="$dir/$(basename "${f%.py}")"
  (cd "$dir" && python3 "$dir/$(basename "$f")" > "$base.out.tmp" 2> "$base.err.tmp")
  code=$?
  # paths are made relative again if the caller used a relative path
  sed "s|$dir|\$DIR|g" "$base.out.tmp" > "$base.out"
  sed "s|$dir|\$DIR|g" "$base.err.tmp" > "$base.err"
  rm -f "$base.out.tmp" "$base.err.tmp"
  [ -s "$base.err" ] || rm -f "$base.err"
  if [ "$code" -ne 0 ]; then echo "$code" > "$base.exit"; else rm -f "$base.exit"; fi
done
