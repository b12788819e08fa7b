#!/usr/bin/env bash
# Several catalogues in one run, as a newsroom's CI runs them: several paths,
# a folder, a bad file among good ones, ids repeated across catalogues, one
# exit code, and one fetch per distinct URL across all of them (a loopback
# server, factcheck_fixture_server, serving the recorded DeepSeek data and
# logging each request). Nothing here touches the internet.
# Usage: tests/multi_cli_test.sh path/to/factcheck path/to/factcheck_fixture_server
#        (from the repository root)
set -u
factcheck=$1
server=$2
failures=0
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
export XDG_CACHE_HOME="$tmp/cache"

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_exit() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit $2, expected $1"
}

deepseek=claims/deepseek-2025-01-27.yaml
selloff=tests/data/article/selloff-2025-01-27.yaml

# --- Several paths ----------------------------------------------------------
# Both articles: 122 + 12 reported claims. Both have a claim
# nvda-fell-17pct, each judged in its own catalogue.
"$factcheck" verify "$deepseek" "$selloff" --mode offline --format json >"$tmp/both.json" 2>"$tmp/err"
expect_exit 1 $? "two catalogues with contradicted claims"
[ -s "$tmp/err" ] && fail "stderr not empty: $(cat "$tmp/err")"
[ "$(jq '.verdicts | length' "$tmp/both.json")" = 134 ] || fail "json: not 134 verdicts"
[ "$(jq -c '[.catalogues[].path]' "$tmp/both.json")" = "[\"$deepseek\",\"$selloff\"]" ] ||
  fail "json: catalogues $(jq -c '[.catalogues[].path]' "$tmp/both.json")"
[ "$(jq -c '[.catalogues[].summary.total]' "$tmp/both.json")" = '[122,12]' ] ||
  fail "json: per-catalogue totals $(jq -c '[.catalogues[].summary.total]' "$tmp/both.json")"
[ "$(jq '.summary.total' "$tmp/both.json")" = 134 ] || fail "json: total over all"
[ "$(jq -r '[.verdicts[] | select(.id == "nvda-fell-17pct") | .catalogue] | join(" ")' "$tmp/both.json")" = \
  "$deepseek $selloff" ] || fail "json: the repeated id is not reported once per catalogue"
# Each catalogue's verdicts are what it gives alone, in its own order.
for catalogue in "$deepseek" "$selloff"; do
  "$factcheck" verify "$catalogue" --mode offline --format ndjson >"$tmp/alone.ndjson"
  jq -c --arg c "$catalogue" '.verdicts[] | select(.catalogue == $c) | del(.catalogue)' \
    "$tmp/both.json" >"$tmp/together.ndjson"
  jq -c . "$tmp/alone.ndjson" | cmp -s - "$tmp/together.ndjson" ||
    fail "$catalogue: its verdicts differ when checked with another catalogue"
done
"$factcheck" verify "$deepseek" "$selloff" --mode offline --format ndjson >"$tmp/both.ndjson"
[ "$(jq -r .catalogue "$tmp/both.ndjson" | uniq -c | awk '{print $1}' | tr '\n' ' ')" = "122 12 " ] ||
  fail "ndjson: catalogue fields"
"$factcheck" verify "$deepseek" "$selloff" --mode offline -q >"$tmp/out"
[ "$(cat "$tmp/out")" = "2 catalogues, 134 claims, 116 statements: 37 supported, 27 contradicted, 52 unverifiable, 0 error (offline mode)" ] ||
  fail "-q: $(cat "$tmp/out")"
"$factcheck" verify "$deepseek" "$selloff" --mode offline --format junit >"$tmp/both.junit"
[ "$(grep -c '^  <testsuite name=' "$tmp/both.junit")" = 2 ] || fail "junit: not two testsuites"
grep -q '^<testsuites name="factcheck" tests="134" failures="27" errors="0" time="0">$' "$tmp/both.junit" ||
  fail "junit: testsuites counts: $(sed -n 2p "$tmp/both.junit")"
"$factcheck" verify "$deepseek" "$selloff" --mode offline --format table >"$tmp/both.table"
[ "$(grep -c '^== ' "$tmp/both.table")" = 2 ] || fail "table: not one heading per catalogue"
# The same file named twice is checked once.
"$factcheck" verify "$selloff" "$selloff" --mode offline -q >"$tmp/out"
grep -q '^1 catalogue, 12 claims' "$tmp/out" || fail "a file named twice: $(cat "$tmp/out")"

# One exit code: nothing contradicted in either -> 0; one -> 1.
"$factcheck" verify "$deepseek" "$selloff" --mode offline --select nvda-fell-17pct -q >"$tmp/out"
expect_exit 0 $? "a supported claim in each catalogue"
grep -q '^2 catalogues, 2 claims: 2 supported' "$tmp/out" || fail "--select across: $(cat "$tmp/out")"
"$factcheck" verify "$deepseek" "$selloff" --mode offline --select avgo-fell-14pct,nvda-closed-118.42 \
  --format ndjson >"$tmp/out"
expect_exit 1 $? "a contradicted claim in one catalogue"
[ "$(jq -r '"\(.catalogue) \(.id) \(.verdict)"' "$tmp/out" | tr '\n' ';')" = \
  "$deepseek avgo-fell-14pct contradicted;$selloff nvda-closed-118.42 supported;" ] ||
  fail "--select ids of different catalogues: $(cat "$tmp/out")"
"$factcheck" verify "$deepseek" "$selloff" --mode offline --select no-such-claim >"$tmp/out" 2>"$tmp/err"
expect_exit 2 $? "--select an id of no catalogue"
grep -q 'no claim with id "no-such-claim" in any of the 2 catalogues (--select)' "$tmp/err" ||
  fail "--select message: $(cat "$tmp/err")"
"$factcheck" verify "$deepseek" "$selloff" --mode offline --format html >"$tmp/out" 2>"$tmp/err"
expect_exit 2 $? "html with several catalogues"
grep -q 'html shows one catalogue' "$tmp/err" || fail "html refusal: $(cat "$tmp/err")"

# --- A folder ---------------------------------------------------------------
# Its *.yaml, *.yml and *.json files, sorted; not its subfolders, not a
# statements file or a README.
mkdir -p "$tmp/folder/old"
sed '/^recordings:/d' "$selloff" >"$tmp/folder/b-selloff.yml"
sed '/^recordings:/d' "$deepseek" >"$tmp/folder/a-deepseek.yaml"
cp claims/deepseek-2025-01-27.statements.md "$tmp/folder/"
echo "not a catalogue" >"$tmp/folder/README.md"
echo "claims: [oops" >"$tmp/folder/old/broken.yaml"
"$factcheck" verify "$tmp/folder" --mode offline --recordings fixtures/deepseek-2025-01-27 \
  --format json -o "$tmp/folder.json" 2>"$tmp/err"
expect_exit 1 $? "a folder"
[ "$(jq -r '[.catalogues[].path] | join(" ")' "$tmp/folder.json")" = \
  "$tmp/folder/a-deepseek.yaml $tmp/folder/b-selloff.yml" ] ||
  fail "folder: catalogues $(jq -c '[.catalogues[].path]' "$tmp/folder.json")"
[ "$(jq '.summary.error' "$tmp/folder.json")" = 0 ] || fail "folder: the --recordings folder was not used"
mkdir "$tmp/empty"
"$factcheck" verify "$tmp/empty" --mode offline >"$tmp/out" 2>"$tmp/err"
expect_exit 2 $? "an empty folder"
grep -q "no catalogue in this folder" "$tmp/err" || fail "empty folder: $(cat "$tmp/err")"

# --- Bad files among good ones ------------------------------------------------
# Every mistake of every file at once, exit 2, nothing written, nothing
# fetched.
sed 's/^    claimed: "17%"$/    claimed: "17%"\n    clamed: typo/' "$deepseek" >"$tmp/bad1.yaml"
printf 'claims:\n  - id: Bad Id\n    quote: q\n' >"$tmp/bad2.yaml"
"$factcheck" verify "$deepseek" "$tmp/bad1.yaml" "$selloff" "$tmp/bad2.yaml" "$tmp/missing.yaml" \
  --mode offline -o "$tmp/never.json" --format json >"$tmp/out" 2>"$tmp/err"
expect_exit 2 $? "bad files among good ones"
[ -e "$tmp/never.json" ] && fail "a report was written despite bad catalogues"
[ -s "$tmp/out" ] && fail "stdout not empty with bad catalogues"
grep -q "^factcheck: error: $tmp/bad1.yaml:[0-9]*: .*clamed" "$tmp/err" || fail "bad1 not reported: $(cat "$tmp/err")"
grep -q "^factcheck: error: $tmp/bad2.yaml:2: " "$tmp/err" || fail "bad2 not reported: $(cat "$tmp/err")"
grep -q "^factcheck: error: $tmp/missing.yaml" "$tmp/err" || fail "missing file not reported: $(cat "$tmp/err")"
grep -q "$deepseek\|$selloff" "$tmp/err" && fail "a good catalogue was reported as bad"

# --- One fetch per distinct URL across catalogues ----------------------------
# Live, from the loopback server: three market claims of each article, on
# NVDA and AVGO (both articles) and the Nasdaq (one) and the S&P 500 (the
# other). Each distinct request is made once for both catalogues.
start_server() {
  local name=$1
  "$server" --port-file "$tmp/$name.port" --log "$tmp/$name.log" fixtures/deepseek-2025-01-27 &
  pids+=($!)
  for _ in $(seq 100); do
    [ -s "$tmp/$name.port" ] && break
    sleep 0.05
  done
  [ -s "$tmp/$name.port" ] || {
    echo "FAIL: the $name server did not start" >&2
    exit 1
  }
  url="http://127.0.0.1:$(cat "$tmp/$name.port")"
  : >>"$tmp/$name.log"
}
sed '/^recordings:/d' "$deepseek" >"$tmp/deepseek.yaml"
sed '/^recordings:/d' "$selloff" >"$tmp/selloff.yaml"
live() { # NAME SELECT CATALOGUE...: a live run against a fresh server, no cache
  local name=$1 select=$2
  shift 2
  start_server "$name"
  "$factcheck" verify "$@" --mode live --no-cache --source-url "stooq=$url" \
    --source-url "fred=$url" --source-url "yahoo=$url" --select "$select" --format ndjson \
    >"$tmp/$name.ndjson" 2>"$tmp/$name.err"
}
live alone1 nvda-fell-17pct,avgo-fell-14pct,nasdaq-fell-3pct "$tmp/deepseek.yaml"
expect_exit 1 $? "live run of the DeepSeek claims"
live alone2 nvda-fell-17pct,avgo-dropped-17.4pct,sp500-slipped-1.5pct "$tmp/selloff.yaml"
expect_exit 0 $? "live run of the sell-off claims"
live together nvda-fell-17pct,avgo-fell-14pct,nasdaq-fell-3pct,avgo-dropped-17.4pct,sp500-slipped-1.5pct \
  "$tmp/deepseek.yaml" "$tmp/selloff.yaml"
expect_exit 1 $? "live run of two catalogues"
[ "$(wc -l <"$tmp/together.ndjson")" = 6 ] || fail "live: not 6 verdicts: $(cat "$tmp/together.err")"
jq -e 'select(.verdict == "error")' "$tmp/together.ndjson" >/dev/null &&
  fail "live: an error verdict: $(jq -r 'select(.verdict == "error") | .message' "$tmp/together.ndjson")"
targets() { cut -d' ' -f2 "$tmp/$1.log" | sort; }
[ -z "$(targets together | uniq -d)" ] || fail "a URL fetched twice: $(targets together | uniq -d)"
[ "$(targets together)" = "$(cat <(targets alone1) <(targets alone2) | sort -u)" ] ||
  fail "not the union of what each catalogue fetches alone: $(targets together | tr '\n' ' ')"
# The two catalogues share requests, so together is fewer than the sum.
[ "$(wc -l <"$tmp/together.log")" -lt "$(($(wc -l <"$tmp/alone1.log") + $(wc -l <"$tmp/alone2.log")))" ] ||
  fail "no request was shared: $(wc -l "$tmp"/*.log)"

# --- GitHub's job summary -------------------------------------------------------
# One Markdown summary of both catalogues, appended; one budget of 10
# annotations a level for the step: of 27 contradicted and 57 unverifiable
# claims (50 supported are not annotated at all), 17 + 47 = 64 go without.
echo "previous step" >"$tmp/summary.md"
GITHUB_STEP_SUMMARY=$tmp/summary.md "$factcheck" verify "$deepseek" "$selloff" --mode offline \
  --format github >"$tmp/github.out"
expect_exit 1 $? "two catalogues, --format github"
head -1 "$tmp/summary.md" | grep -qx "previous step" || fail "job summary overwritten"
grep -qx '# Fact-check: 2 catalogues' "$tmp/summary.md" || fail "job summary: no heading over both"
[ "$(grep -c '^# Fact-check: ' "$tmp/summary.md")" = 3 ] ||
  fail "job summary: not one heading over all and one per catalogue"
grep -q '^64 of the claims above have no annotation' "$tmp/summary.md" ||
  fail "job summary: the claims without an annotation are not counted"
[ "$(grep -c '^::error ' "$tmp/github.out")" = 10 ] || fail "github: not 10 ::error annotations"

if [ "$failures" -gt 0 ]; then
  echo "$failures failed" >&2
  exit 1
fi
echo "multi: every check passed"
