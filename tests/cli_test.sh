#!/usr/bin/env bash
# The factcheck binary as a user runs it: exit codes, messages, pipes, colour.
# Usage: tests/cli_test.sh path/to/factcheck   (run from the repository root)
set -u
factcheck=$1
catalogue=claims/deepseek-2025-01-27.yaml
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Never the user's own cache.
export XDG_CACHE_HOME="$tmp/cache"

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_exit() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit $2, expected $1"
}

# The article has contradicted figures: exit 1, a table on stdout, no colour
# on a pipe.
"$factcheck" verify "$catalogue" --mode offline >"$tmp/out" 2>"$tmp/err"
expect_exit 1 $? "verify offline"
grep -q '^contradicted  nvda-market-value-lost-over-600bn ' "$tmp/out" || fail "table row for the 600bn claim"
grep -q '^122 claims, 104 statements: 28 supported, 25 contradicted, 51 unverifiable, 0 error (offline mode)$' "$tmp/out" ||
  fail "summary line: $(tail -1 "$tmp/out")"
grep -q $'\033\\[' "$tmp/out" && fail "colour escape codes on a pipe"
[ -s "$tmp/err" ] && fail "stderr not empty: $(cat "$tmp/err")"

# Colour: on a terminal by default, never with NO_COLOR, always when asked.
if command -v script >/dev/null; then
  script -qec "$factcheck verify $catalogue --mode offline" /dev/null >"$tmp/tty" 2>&1
  grep -q $'\033\\[32msupported' "$tmp/tty" || fail "no colour on a terminal"
  NO_COLOR=1 script -qec "$factcheck verify $catalogue --mode offline" /dev/null >"$tmp/tty" 2>&1
  grep -q $'\033\\[' "$tmp/tty" && fail "colour on a terminal with NO_COLOR set"
fi
"$factcheck" verify "$catalogue" --mode offline --color always >"$tmp/out"
grep -q $'\033\\[1;31mcontradicted' "$tmp/out" || fail "--color always"

# JSON: one document with every verdict.
"$factcheck" verify "$catalogue" --mode offline --format json >"$tmp/json"
expect_exit 1 $? "verify --format json"
if command -v jq >/dev/null; then
  [ "$(jq '.verdicts | length' "$tmp/json")" = 122 ] || fail "json verdict count"
  [ "$(jq -r '[.verdicts[] | select(.verdict=="contradicted") | .id] | join(",")' "$tmp/json")" = \
    "nvda-market-value-lost-over-600bn,nvda-volume-320m,nvda-usual-volume-80m,nasdaq-largest-drop-since-2022,avgo-fell-14pct,avgo-fell-8-15pct,arista-power-cooling-maker,deepseek-training-cost-hkd,deepseek-cost-under-1pct-of-peers,deepseek-gpus-are-h100,deepseek-parameters-30bn,deepseek-active-by-question-type,deepseek-used-old-a100,deepseek-founded-march-2023,deepseek-r1-released-december-2024,deepseek-activation-per-query,deepseek-app-top-early-january,nvda-fall-largest-pct-in-history,nvda-loss-one-starbucks,stargate-announced-february-1,stargate-partners-exxonmobil,exxonmobil-nuclear-power,export-controls-since-2023,dynatrace-cooling-technology,glin-india-tech-etf" ] ||
    fail "jq list of contradicted claims"
  jq -e '.verdicts[0].evidence.sources[0].url | startswith("https://")' "$tmp/json" >/dev/null ||
    fail "json evidence url"
fi

# Standard input, with the recordings named on the command line.
"$factcheck" verify - --mode offline --recordings fixtures/deepseek-2025-01-27 <"$catalogue" >"$tmp/out" 2>"$tmp/err"
expect_exit 1 $? "verify - (stdin)"
grep -q 'contradicted' "$tmp/out" || fail "stdin run printed no verdicts"

# A bad catalogue: one file:line message on stderr, exit 2, nothing on stdout.
sed 's/^    claimed: "17%"$/    claimed: "17%"\n    clamed: typo/' "$catalogue" >"$tmp/bad.yaml"
line=$(grep -n '^    clamed: typo$' "$tmp/bad.yaml" | cut -d: -f1)
"$factcheck" verify "$tmp/bad.yaml" --mode offline >"$tmp/out" 2>"$tmp/err"
expect_exit 2 $? "bad catalogue"
grep -qx "factcheck: error: $tmp/bad.yaml:$line: unknown key \"clamed\" in a claim (expected: id, quote, statement, check, claimed, tolerance, note, tags, span, drafted, needs_review, same_as, input, subject, correction)" "$tmp/err" ||
  fail "bad catalogue message: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "stdout not empty on a bad catalogue"

# Offline with no recordings: every market claim is an error naming the URL, exit 3.
mkdir "$tmp/empty"
sed 's|^recordings: .*$|recordings: empty|' "$catalogue" >"$tmp/norec.yaml"
# (ndjson: the table wraps a long URL at its width.)
"$factcheck" verify "$tmp/norec.yaml" --mode offline --format ndjson >"$tmp/out" 2>&1
expect_exit 3 $? "offline without recordings"
grep -q 'no recording of https://fred.stlouisfed.org/graph/fredgraph.csv?id=NASDAQCOM' "$tmp/out" ||
  fail "missing recording not named"

# Usage errors and help.
"$factcheck" verify "$catalogue" --mode sometimes >/dev/null 2>&1
expect_exit 2 $? "bad --mode"
"$factcheck" >/dev/null 2>&1
expect_exit 2 $? "no subcommand"
"$factcheck" verify --help >"$tmp/out" 2>&1
expect_exit 0 $? "verify --help"
grep -q 'factcheck verify claims/deepseek-2025-01-27.yaml' "$tmp/out" || fail "help has no example"

# NDJSON in a pipeline, as the README shows it.
"$factcheck" verify "$catalogue" --mode offline --format ndjson >"$tmp/ndjson"
expect_exit 1 $? "verify --format ndjson"
if command -v jq >/dev/null; then
  [ "$(jq -r 'select(.verdict=="contradicted") | .id' <"$tmp/ndjson" | paste -sd,)" = \
    "nvda-market-value-lost-over-600bn,nvda-volume-320m,nvda-usual-volume-80m,nasdaq-largest-drop-since-2022,avgo-fell-14pct,avgo-fell-8-15pct,arista-power-cooling-maker,deepseek-training-cost-hkd,deepseek-cost-under-1pct-of-peers,deepseek-gpus-are-h100,deepseek-parameters-30bn,deepseek-active-by-question-type,deepseek-used-old-a100,deepseek-founded-march-2023,deepseek-r1-released-december-2024,deepseek-activation-per-query,deepseek-app-top-early-january,nvda-fall-largest-pct-in-history,nvda-loss-one-starbucks,stargate-announced-february-1,stargate-partners-exxonmobil,exxonmobil-nuclear-power,export-controls-since-2023,dynatrace-cooling-technology,glin-india-tech-etf" ] ||
    fail "ndjson | jq list of contradicted claims"
fi

# -o writes the report atomically: the same bytes as stdout, no temporary
# file left; a folder that does not exist is exit 2 with nothing written.
"$factcheck" verify "$catalogue" --mode offline --format sarif -o "$tmp/out.sarif"
expect_exit 1 $? "verify -o"
"$factcheck" verify "$catalogue" --mode offline --format sarif >"$tmp/stdout.sarif"
cmp -s "$tmp/out.sarif" "$tmp/stdout.sarif" || fail "-o differs from stdout"
[ -n "$(find "$tmp" -maxdepth 1 -name '*.tmp.*')" ] && fail "-o left a temporary file"
"$factcheck" verify "$catalogue" --mode offline -o "$tmp/missing/dir/report.txt" 2>"$tmp/err"
expect_exit 2 $? "-o into a missing folder"
grep -q "^factcheck: error: $tmp/missing/dir/report.txt: cannot write: " "$tmp/err" || fail "-o error: $(cat "$tmp/err")"
[ -e "$tmp/missing" ] && fail "-o created something on failure"

# -q, --select, --fail-on.
[ "$("$factcheck" verify "$catalogue" --mode offline -q)" = \
  "122 claims, 104 statements: 28 supported, 25 contradicted, 51 unverifiable, 0 error (offline mode)" ] || fail "-q"
"$factcheck" verify "$catalogue" --mode offline -q --select nvda-fell-17pct,nasdaq-fell-3pct >"$tmp/out"
expect_exit 0 $? "--select two supported claims"
grep -qx '2 claims: 2 supported, 0 contradicted, 0 unverifiable, 0 error (offline mode)' "$tmp/out" || fail "--select count"
# A selected derived claim is judged from its inputs, as in the full run,
# and only it is reported.
"$factcheck" verify "$catalogue" --mode offline --select deepseek-training-cost-hkd >"$tmp/out" 2>"$tmp/err"
expect_exit 1 $? "--select a derived claim"
grep -q '^contradicted  deepseek-training-cost-hkd ' "$tmp/out" || fail "--select derived: $(cat "$tmp/out")"
grep -qF "input usd = 5576000 from claim \"deepseek-training-cost-5.6m\" (\$5.58M, supported)" "$tmp/out" ||
  fail "--select derived: no input evidence"
grep -qx '1 claim: 0 supported, 1 contradicted, 0 unverifiable, 0 error (offline mode)' "$tmp/out" ||
  fail "--select derived count: $(tail -1 "$tmp/out")"
# --tag picks the tagged claim; the derived claim that uses it is not reported.
"$factcheck" verify "$catalogue" --mode offline -q --tag input >"$tmp/out"
grep -qx '1 claim: 1 supported, 0 contradicted, 0 unverifiable, 0 error (offline mode)' "$tmp/out" ||
  fail "--tag input count: $(cat "$tmp/out")"
"$factcheck" verify "$catalogue" --mode offline -q --select no-such-claim 2>"$tmp/err"
expect_exit 2 $? "--select unknown id"
grep -qx "factcheck: error: $catalogue: no claim with id \"no-such-claim\" (--select)" "$tmp/err" || fail "--select message"
"$factcheck" verify "$catalogue" --mode offline -q --fail-on none >/dev/null
expect_exit 0 $? "--fail-on none"
"$factcheck" verify "$catalogue" --mode offline -q --select nasdaq-fell-3pct,soxx-outflow-2.3bn --fail-on contradicted,unverifiable >/dev/null
expect_exit 1 $? "--fail-on unverifiable"
"$factcheck" verify "$catalogue" --mode offline -q --fail-on wrong >/dev/null 2>&1
expect_exit 2 $? "--fail-on unknown verdict"

# --tag keeps the claims carrying one of the tags.
sed -e 's/^    claimed: "17%"$/    claimed: "17%"\n    tags: [nvidia, daily-move]/' \
  -e '/^recordings: /d' "$catalogue" >"$tmp/tagged.yaml"
recorded=(--recordings fixtures/deepseek-2025-01-27)
"$factcheck" verify "$tmp/tagged.yaml" "${recorded[@]}" --mode offline --tag daily-move --format ndjson >"$tmp/out"
expect_exit 0 $? "--tag"
if [ "$(wc -l <"$tmp/out")" != 1 ] || ! grep -q '"id":"nvda-fell-17pct"' "$tmp/out"; then
  fail "--tag selects the tagged claim"
fi
"$factcheck" verify "$tmp/tagged.yaml" "${recorded[@]}" --mode offline --tag no-such-tag >/dev/null 2>&1
expect_exit 2 $? "--tag that no claim has"

# GitHub: annotations on stdout, the Markdown summary appended to the job summary.
echo "previous step" >"$tmp/summary.md"
GITHUB_STEP_SUMMARY=$tmp/summary.md "$factcheck" verify "$catalogue" --mode offline --format github >"$tmp/out"
expect_exit 1 $? "--format github"
grep -q '^::error file=claims/deepseek-2025-01-27.yaml,line=21,title=contradicted%3A nvda-market-value-lost-over-600bn::' "$tmp/out" ||
  fail "github annotation"
head -1 "$tmp/summary.md" | grep -qx "previous step" || fail "job summary overwritten"
grep -q '^| contradicted | 25 | 25 |$' "$tmp/summary.md" || fail "job summary counts"
# GitHub shows 10 annotations a level: the 15 contradicted claims and 46
# unverifiable ones past them are counted, in the log and the job summary.
[ "$(grep -c '^::error ' "$tmp/out")" = 10 ] || fail "not 10 ::error annotations"
grep -q '; 61 not annotated (GitHub shows 10 annotations of each level)' "$tmp/out" ||
  fail "github summary line: $(tail -1 "$tmp/out")"
grep -q '^61 of the claims above have no annotation' "$tmp/summary.md" ||
  fail "job summary does not count the unannotated claims"

# validate, sources, explain.
"$factcheck" validate "$catalogue" >"$tmp/out"
expect_exit 0 $? "validate"
grep -qx "$catalogue: 127 claims, valid" "$tmp/out" || fail "validate output: $(cat "$tmp/out")"
"$factcheck" validate "$tmp/bad.yaml" >/dev/null 2>"$tmp/err"
expect_exit 2 $? "validate a bad catalogue"
grep -q "^factcheck: error: $tmp/bad.yaml:$line: unknown key \"clamed\"" "$tmp/err" || fail "validate message"
"$factcheck" sources >"$tmp/out"
expect_exit 0 $? "sources"
grep -qx '  endpoint: https://fred.stlouisfed.org' "$tmp/out" || fail "sources lists fred's endpoint"
"$factcheck" explain nvda-market-value-lost-over-600bn "$catalogue" --mode offline >"$tmp/out"
expect_exit 1 $? "explain a contradicted claim"
# shellcheck disable=SC2016 # a literal dollar sign
grep -qF '24490000000 × (118.42 - 142.62) = -$592.66bn' "$tmp/out" || fail "explain arithmetic"
grep -qx '  in:         US dollars' "$tmp/out" || fail "explain does not say what a market_cap_change measures"
# 24,490,000,000 x 24.20 = 592,658,000,000 = 5926.58億: the correction rounds to 約5927億.
grep -qx "  in the article's language: 輝達單日市值蒸發約5927億美元,未逾6000億美元" "$tmp/out" ||
  fail "explain correction in the article's language"
# shellcheck disable=SC2016 # literal dollar signs
grep -qx '  in English:                NVIDIA lost about $592.7bn, not more than $600bn' "$tmp/out" ||
  fail "explain correction in English"
grep -qF 'URL:       https://data.sec.gov/api/xbrl/companyconcept/CIK0001045810/dei/EntityCommonStockSharesOutstanding.json' "$tmp/out" ||
  fail "explain source URL"
# A document claim shows its document and anchor, never a price field or a
# date it does not have.
"$factcheck" explain deepseek-parameters-30bn "$catalogue" --mode offline >"$tmp/out"
expect_exit 1 $? "explain a document claim"
grep -qF '  anchor:     "language model with"' "$tmp/out" || fail "explain shows no anchor"
grep -qE 'price field|0000-00-00' "$tmp/out" && fail "explain prints fields a document claim has not: $(cat "$tmp/out")"
# explain on a derived claim judges its input and shows the input's value
# and verdict.
"$factcheck" explain deepseek-training-cost-hkd "$catalogue" --mode offline >"$tmp/out" 2>"$tmp/err"
expect_exit 1 $? "explain a derived claim"
grep -q '^Verdict: contradicted\. ' "$tmp/out" || fail "explain derived: $(head -6 "$tmp/out")"
grep -qF "  input usd = 5576000 from claim \"deepseek-training-cost-5.6m\" (\$5.58M, supported)" "$tmp/out" ||
  fail "explain derived shows no input verdict"
"$factcheck" explain no-such-claim "$catalogue" --mode offline >/dev/null 2>&1
expect_exit 2 $? "explain an unknown id"
# explain works for every claim of the catalogue, with the same verdict as the
# full run, and a claim of a kind with no price field or date shows none.
"$factcheck" verify "$catalogue" --mode offline --format ndjson >"$tmp/all.ndjson"
while IFS=$'\t' read -r id verdict check; do
  "$factcheck" explain "$id" "$catalogue" --mode offline >"$tmp/out" 2>"$tmp/err"
  status=$?
  [ "$status" -le 1 ] || fail "explain $id: exit $status: $(cat "$tmp/err")"
  grep -q "^Verdict: ${verdict}[.:]" "$tmp/out" || fail "explain $id: not $verdict: $(grep '^Verdict' "$tmp/out")"
  case $check in
  close | volume | change_pct | change | market_cap | market_cap_change | largest_move_since | average_volume) ;;
  *) grep -qE 'price field|0000-00-00' "$tmp/out" && fail "explain $id ($check) prints a field its kind has not" ;;
  esac
done < <(jq -r '[.id, .verdict, .check] | @tsv' "$tmp/all.ndjson")
for sub in explain validate sources; do
  "$factcheck" $sub --help >"$tmp/out" 2>&1
  expect_exit 0 $? "$sub --help"
  grep -q "factcheck $sub" "$tmp/out" || fail "$sub --help has no example"
done
# A signal after the last fetch still ends the run with 130 and no report:
# -o to a FIFO that nobody reads holds the run after judging, until SIGINT.
mkfifo "$tmp/fifo"
"$factcheck" verify "$catalogue" --mode offline -o "$tmp/fifo" >"$tmp/out" 2>"$tmp/err" &
run=$!
sleep 1
kill -INT "$run"
for _ in $(seq 200); do
  kill -0 "$run" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$run" 2>/dev/null; then
  kill -9 "$run"
  fail "SIGINT after the fetches did not stop the run"
fi
wait "$run"
expect_exit 130 $? "SIGINT after the fetches"
grep -qx 'factcheck: interrupted; nothing was reported or recorded' "$tmp/err" ||
  fail "SIGINT after the fetches: $(cat "$tmp/err")"
[ -p "$tmp/fifo" ] || fail "-o replaced the FIFO with a file"
# --source-url: only known sources, only http(s).
"$factcheck" verify "$catalogue" --source-url nope=http://127.0.0.1:1 >/dev/null 2>"$tmp/err"
expect_exit 2 $? "--source-url unknown source"
grep -q 'no source named "nope"' "$tmp/err" || fail "--source-url unknown: $(cat "$tmp/err")"
"$factcheck" verify "$catalogue" --source-url fred=file:///etc >/dev/null 2>&1
expect_exit 2 $? "--source-url file://"

# A market-cap claim whose prices are recorded but whose SEC share count must
# come from the network (a closed port here). With no contact anywhere, SEC
# is not asked: the error says how to set one (exit 3), and nothing is printed
# on stderr off a terminal.
dead=http://127.0.0.1:1
cat >"$tmp/cap.yaml" <<'YAML'
claims:
  - id: nvda-cap
    quote: 輝達市值單日蒸發逾6000億美元
    statement: NVIDIA lost more than $600 billion of market value on 27 January 2025.
    check: {kind: market_cap_change, series: "stooq:nvda.us", shares: "sec:0001045810", date: 2025-01-27, direction: fall}
    claimed: 逾6000億美元
YAML
env -u FACTCHECK_CONTACT HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" "$factcheck" verify "$tmp/cap.yaml" \
  --recordings fixtures/deepseek-2025-01-27/stooq --source-url sec=$dead --format json \
  >"$tmp/out" 2>"$tmp/err"
expect_exit 3 $? "SEC without a contact"
grep -q 'set one with --contact EMAIL, the FACTCHECK_CONTACT' "$tmp/out" || fail "no contact hint in the SEC error"
[ -s "$tmp/err" ] && fail "stderr not empty off a terminal: $(cat "$tmp/err")"

# A contact from the config file is used: SEC is then asked (and refused by
# the closed port) instead of skipped; --verbose reports progress.
mkdir -p "$tmp/config/factcheck"
echo 'contact = desk@example.org' >"$tmp/config/factcheck/config"
env -u FACTCHECK_CONTACT XDG_CONFIG_HOME="$tmp/config" "$factcheck" verify "$tmp/cap.yaml" \
  --recordings fixtures/deepseek-2025-01-27/stooq --source-url sec=$dead --format json --verbose \
  >"$tmp/out" 2>"$tmp/err"
expect_exit 3 $? "SEC with a configured contact"
grep -q 'FACTCHECK_CONTACT' "$tmp/out" && fail "contact hint despite a configured contact"
grep -q "Couldn't connect" "$tmp/out" || fail "SEC was not asked: $(cat "$tmp/out")"
grep -q '^factcheck: fetched 1/1' "$tmp/err" || fail "--verbose progress: $(cat "$tmp/err")"

# The cache subcommand: info on an empty cache, clear, a usage error.
"$factcheck" cache info >"$tmp/out" 2>&1
expect_exit 0 $? "cache info"
grep -q "^$tmp/cache/factcheck: 0 entries, 0 bodies, 0 bytes$" "$tmp/out" || fail "cache info: $(cat "$tmp/out")"
"$factcheck" cache clear --cache-dir "$tmp/other" >"$tmp/out" 2>&1
expect_exit 0 $? "cache clear"
"$factcheck" cache shred >/dev/null 2>&1
expect_exit 2 $? "cache shred"

# ClaimReview's reviewer: from the config file, the flags winning over it;
# a bad review URL or date is a usage error, before anything is fetched.
printf 'reviewer = Config desk\nreview_url = https://example.org/from-config\n' >"$tmp/config/factcheck/config"
XDG_CONFIG_HOME="$tmp/config" "$factcheck" verify "$catalogue" --mode offline --format claimreview \
  --review-date 2026-11-28 >"$tmp/out"
expect_exit 1 $? "claimreview with a configured reviewer"
if command -v jq >/dev/null; then
  jq -e '."@graph" | length == 106 and all(.author.name == "Config desk"
         and (.url | startswith("https://example.org/from-config#"))
         and .datePublished == "2026-11-28")' "$tmp/out" >/dev/null ||
    fail "claimreview reviewer from the config: $(head -c 400 "$tmp/out")"
  XDG_CONFIG_HOME="$tmp/config" "$factcheck" verify "$catalogue" --mode offline --format claimreview \
    --reviewer 'Flag desk' >"$tmp/out" 2>"$tmp/err"
  # No clock is read: without --review-date the reviews are not dated, and
  # stderr says so.
  jq -e '."@graph"[0] | .author.name == "Flag desk" and (has("datePublished") | not)' \
    "$tmp/out" >/dev/null || fail "--reviewer over the config, undated: $(head -c 400 "$tmp/out")"
  grep -q 'no --review-date, so the reviews have no datePublished' "$tmp/err" ||
    fail "no note of the missing review date: $(cat "$tmp/err")"
fi
"$factcheck" verify "$catalogue" --mode offline --format claimreview --review-url ftp://example.org/x \
  >"$tmp/out" 2>"$tmp/err"
expect_exit 2 $? "--review-url ftp://"
grep -q 'expected an http:// or https:// URL' "$tmp/err" || fail "--review-url message: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "a report was printed despite a bad --review-url"
"$factcheck" verify "$catalogue" --mode offline --review-date 28/11/2026 >/dev/null 2>"$tmp/err"
expect_exit 2 $? "--review-date 28/11/2026"

# -q quiets the terminal, never the report: with -o the file gets the whole
# SARIF log and stdout stays empty; without -o, only the summary line.
"$factcheck" verify "$catalogue" --mode offline --format sarif -q -o "$tmp/q.sarif" >"$tmp/out"
expect_exit 1 $? "-q -o"
if command -v jq >/dev/null; then
  jq -e '.version == "2.1.0" and (.runs[0].results | length == 81)' "$tmp/q.sarif" >/dev/null ||
    fail "-q -o did not write the SARIF log: $(head -c 200 "$tmp/q.sarif")"
fi
[ -s "$tmp/out" ] && fail "-q -o printed on stdout: $(cat "$tmp/out")"
"$factcheck" verify "$catalogue" --mode offline --format sarif -q >"$tmp/out"
if [ "$(wc -l <"$tmp/out")" != 1 ] || ! grep -q '^122 claims, 104 statements: ' "$tmp/out"; then
  fail "-q: $(head -3 "$tmp/out")"
fi

# record needs a folder to write to.
"$factcheck" record "$catalogue" >/dev/null 2>&1
expect_exit 2 $? "record without --to"

if [ "$failures" -ne 0 ]; then
  echo "$failures failed" >&2
  exit 1
fi
echo "cli tests passed"
