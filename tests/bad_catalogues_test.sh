#!/usr/bin/env bash
# Every malformed catalogue in tests/bad/ fails `factcheck validate` with exit
# 2 and exactly the messages in its .expected file (one "file:line: message"
# per mistake), within 20 seconds and, outside sanitizer builds, 1 GiB of
# memory. The catalogues are synthetic: each breaks one rule (or several, to
# show they are all reported at once).
# Usage: tests/bad_catalogues_test.sh path/to/factcheck [sanitized]
set -u
factcheck=$1
sanitized=${2:-}
failures=0
count=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for catalogue in tests/bad/*.yaml tests/bad/*.json; do
  expected="$catalogue.expected"
  count=$((count + 1))
  if [ ! -f "$expected" ]; then
    echo "FAIL: $catalogue has no $expected" >&2
    failures=$((failures + 1))
    continue
  fi
  (
    # ASan reserves terabytes of address space, so the memory bound is for
    # plain builds only.
    [ -n "$sanitized" ] || ulimit -v 1048576
    timeout 20 "$factcheck" validate "$catalogue" >"$tmp/out" 2>"$tmp/err"
  )
  status=$?
  if [ "$status" != 2 ]; then
    echo "FAIL: $catalogue: exit $status, expected 2: $(head -c 300 "$tmp/err")" >&2
    failures=$((failures + 1))
  elif ! cmp -s "$tmp/err" "$expected"; then
    echo "FAIL: $catalogue: messages differ:" >&2
    diff "$expected" "$tmp/err" | head -10 >&2
    failures=$((failures + 1))
  fi
done

# A 10 MB quote (made here rather than kept in the repository): read, and
# the mistake after it still found at its line.
{
  printf 'claims:\n  - id: a\n    quote: "'
  head -c 10000000 /dev/zero | tr '\0' x
  printf '"\n    statement: s\n    check: {kind: nope}\n'
} >"$tmp/big.yaml"
count=$((count + 1))
(
  [ -n "$sanitized" ] || ulimit -v 1048576
  timeout 20 "$factcheck" validate "$tmp/big.yaml" >"$tmp/out" 2>"$tmp/err"
)
status=$?
if [ "$status" != 2 ] || ! grep -q "^factcheck: error: $tmp/big.yaml:5: unknown check kind \"nope\"" "$tmp/err"; then
  echo "FAIL: a 10 MB quote: exit $status: $(head -c 300 "$tmp/err")" >&2
  failures=$((failures + 1))
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures of $count bad catalogues failed" >&2
  exit 1
fi
echo "bad catalogues: $count refused as expected"
