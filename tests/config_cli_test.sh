#!/usr/bin/env bash
# factcheck config as a user runs it: every key with its effective value and
# where it came from (flag, environment, file, default), the file's mistakes
# as file:line, and the file's values reaching verify.
# Usage: tests/config_cli_test.sh path/to/factcheck   (from the repository root)
set -u
factcheck=$1
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
unset FACTCHECK_CONTACT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
has() { # file line what
  grep -qxF -- "$2" "$1" || fail "$3: no line [$2] in: $(cat "$1")"
}

# No file: every key is shown, none set, and the file's place is named.
"$factcheck" config >"$tmp/out" 2>"$tmp/err" || fail "config without a file: exit $?"
has "$tmp/out" "# config file: $tmp/config/factcheck/config (not found)" "no file"
has "$tmp/out" "contact = " "no file: contact"
grep -q '^# .*; not set$' "$tmp/out" || fail "no file: 'not set' for unset keys"
[ "$(grep -c '^[a-z_]* = ' "$tmp/out")" -ge 3 ] || fail "no file: fewer than 3 keys shown"
[ -s "$tmp/err" ] && fail "stderr not empty: $(cat "$tmp/err")"

# The file: values with their line.
mkdir -p "$tmp/config/factcheck"
cat >"$tmp/config/factcheck/config" <<'CONF'
# the desk's settings
contact = desk@example.org

reviewer = Example Daily fact desk
review_url = https://example.org/checks
CONF
"$factcheck" config >"$tmp/out"
has "$tmp/out" "contact = desk@example.org" "file: contact"
grep -q "^# .*; from $tmp/config/factcheck/config:2$" "$tmp/out" || fail "file: contact's origin (line 2)"
has "$tmp/out" "reviewer = Example Daily fact desk" "file: reviewer"
grep -q "^# .*; from $tmp/config/factcheck/config:5$" "$tmp/out" || fail "file: review_url's origin (line 5)"

# The environment wins over the file, a flag over both.
FACTCHECK_CONTACT=env@example.org "$factcheck" config >"$tmp/out"
has "$tmp/out" "contact = env@example.org" "environment: contact"
grep -q '; from the environment (FACTCHECK_CONTACT)$' "$tmp/out" || fail "environment: origin"
FACTCHECK_CONTACT=env@example.org "$factcheck" config --contact flag@example.org >"$tmp/out"
has "$tmp/out" "contact = flag@example.org" "flag: contact"
grep -q '; from the flag --contact$' "$tmp/out" || fail "flag: origin"

# What config shows is a config file: read back, it gives the same values.
"$factcheck" config >"$tmp/shown"
mkdir -p "$tmp/again/factcheck"
cp "$tmp/shown" "$tmp/again/factcheck/config"
XDG_CONFIG_HOME=$tmp/again "$factcheck" config | grep -v '^#' >"$tmp/again.out"
grep -v '^#' "$tmp/shown" | diff - "$tmp/again.out" >/dev/null || fail "config's output, read back, differs"

# The file reaches verify: claimreview's author comes from it.
"$factcheck" verify claims/deepseek-2025-01-27.yaml --mode offline --format claimreview \
  --select nvda-fell-17pct --review-date 2025-01-30 >"$tmp/cr" 2>/dev/null
grep -q '"name": "Example Daily fact desk"' "$tmp/cr" || fail "verify does not read reviewer from the file"

# Mistakes: every one, as file:line, exit 2, nothing on stdout.
cat >"$tmp/config/factcheck/config" <<'CONF'
contatc = desk@example.org
reviewer
CONF
"$factcheck" config >"$tmp/out" 2>"$tmp/err"
code=$?
[ $code -eq 2 ] || fail "bad file: exit $code, expected 2"
[ -s "$tmp/out" ] && fail "bad file: stdout not empty"
has "$tmp/err" "factcheck: error: $tmp/config/factcheck/config:1: unknown key \"contatc\" (known: contact, reviewer, review_url)" "bad file: line 1"
has "$tmp/err" "factcheck: error: $tmp/config/factcheck/config:2: expected \"key = value\", got \"reviewer\"" "bad file: line 2"

# The keys shown are the keys documented.
while read -r key _; do
  grep -q "^| \`$key\` |" docs/configuration.md || fail "docs/configuration.md does not document $key"
done < <(grep '^[a-z_]* = ' "$tmp/shown")

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "config: all checks passed"
