#!/usr/bin/env bash
# `factcheck extract` as a user runs it: the draft piped into verify offline,
# stdin, JSON, -o, --review-keys, --help and the exit codes of mistakes.
# Usage: tests/extract_cli_test.sh path/to/factcheck [path/to/../shared]
# (run from the repository root).
set -u
factcheck=$1
shared=${2:-../shared}
recordings=fixtures/deepseek-2025-01-27
sample=tests/data/extract/market-report.en.txt
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_exit() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit $2, expected $1"
}

# The English sample: every figure is true, so verify exits 0.
"$factcheck" extract "$sample" --date 2025-01-28 >"$tmp/draft.yaml" 2>"$tmp/err"
expect_exit 0 $? "extract the English sample"
[ -s "$tmp/err" ] && fail "extract wrote to stderr: $(cat "$tmp/err")"
"$factcheck" extract "$sample" --date 2025-01-28 |
  "$factcheck" verify - --recordings "$recordings" --mode offline >"$tmp/out" 2>"$tmp/err"
expect_exit 0 $? "extract | verify offline"
grep -q '^18 claims: 17 supported, 0 contradicted, 1 unverifiable, 0 error (offline mode)$' "$tmp/out" ||
  fail "summary of the piped draft: $(tail -1 "$tmp/out")"

# The same from standard input, as JSON, and with --recordings in the draft.
"$factcheck" extract - --date 2025-01-28 --format json --recordings "$PWD/$recordings" <"$sample" >"$tmp/draft.json"
expect_exit 0 $? "extract - --format json"
"$factcheck" verify "$tmp/draft.json" --mode offline -q >"$tmp/out"
expect_exit 0 $? "verify the JSON draft with its own recordings"
grep -q '17 supported' "$tmp/out" || fail "JSON draft: $(cat "$tmp/out")"

# Deterministic: the same text gives the same bytes.
"$factcheck" extract "$sample" --date 2025-01-28 | cmp -s - "$tmp/draft.yaml" || fail "two runs differ"

# -o writes the file and nothing to stdout.
"$factcheck" extract "$sample" --date 2025-01-28 -o "$tmp/o.yaml" >"$tmp/out"
expect_exit 0 $? "extract -o"
[ -s "$tmp/out" ] && fail "-o also wrote to stdout"
cmp -s "$tmp/o.yaml" "$tmp/draft.yaml" || fail "-o differs from stdout"

# --review-keys: the keys are there (the loader does not accept them yet).
"$factcheck" extract "$sample" --date 2025-01-28 --review-keys >"$tmp/keys.yaml"
grep -q '^    span: \[' "$tmp/keys.yaml" || fail "--review-keys: no span key"
grep -q '^    drafted: resolved$' "$tmp/keys.yaml" || fail "--review-keys: no drafted key"
grep -q '^    needs_review: true$' "$tmp/keys.yaml" || fail "--review-keys: no needs_review key"

# Help with examples; mistakes exit 2 with one line on stderr.
"$factcheck" extract --help >"$tmp/help"
expect_exit 0 $? "extract --help"
grep -q 'factcheck extract article.txt --date 2025-01-28 | factcheck verify -' "$tmp/help" ||
  fail "--help has no pipe example"
"$factcheck" extract "$sample" --date 2025-13-01 >/dev/null 2>"$tmp/err"
expect_exit 2 $? "a bad --date"
grep -q 'expected a date as YYYY-MM-DD' "$tmp/err" || fail "bad --date message: $(cat "$tmp/err")"
"$factcheck" extract "$tmp/absent.txt" >/dev/null 2>"$tmp/err"
expect_exit 2 $? "a missing article"
"$factcheck" extract "$sample" --format xml >/dev/null 2>&1
expect_exit 2 $? "an unknown --format"

# The seed article, where ../shared is present: the draft validates and
# verifies offline with no error verdict.
seed="$shared/seed/article.zh-Hant.txt"
if [ -f "$seed" ]; then
  "$factcheck" extract "$seed" --date 2025-01-28 | "$factcheck" validate - >"$tmp/out"
  expect_exit 0 $? "validate the seed draft"
  "$factcheck" extract "$seed" --date 2025-01-28 |
    "$factcheck" verify - --recordings "$recordings" --mode offline -q >"$tmp/out"
  grep -q ', 0 error (offline mode)$' "$tmp/out" || fail "seed draft: $(cat "$tmp/out")"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "extract CLI: all checks passed"
