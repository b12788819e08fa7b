#!/usr/bin/env bash
# Asks the programs that read factcheck's reports in practice whether they
# accept them, on the DeepSeek catalogue and on a catalogue of hostile text
# (fixtures/catalogues/hostile-text.yaml), and whether they show its text as
# it was written:
#   sarif        the SARIF Multitool's validate with GitHub's rules: 0 errors
#   junit        xmllint --schema junit-10.xsd, junitparser, junit2json
#   github       @actions/core re-escapes every command byte for byte
#   claimreview  parse5 reads the JSON-LD inside a <script> as one element,
#                jsonld expands it to schema.org terms (a local context)
#   markdown     markdown-it renders the quotes and reasons as written
#   ndjson       jq reads every line alone; every key is in docs/reports.md
#   table        in a 100-column tmux terminal no line wraps, CJK aligned
# Usage: tests/report_readers_test.sh FACTCHECK READERS_DIR SHARED_DIR
# (from the repository root; READERS_DIR is where scripts/install-ci-readers
# put the npm readers). A reader that is missing skips this test (exit 77)
# saying which; in CI (CI=true) it fails it. No network: everything it runs
# was installed before.
set -u
factcheck=$1
readers=$2
shared=$3
failures=0
missing=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

multitool=$readers/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
have_node=false
if command -v node >/dev/null && [ -d "$readers/node_modules" ]; then
  have_node=true
  cp tests/readers/check.mjs "$readers/check.mjs"
else
  missing+=("node or the npm readers in $readers (scripts/install-ci-readers)")
fi
# junitparser is Debian's python3-junitparser, for Debian's python3.
python=/usr/bin/python3

catalogues=(claims/deepseek-2025-01-27.yaml fixtures/catalogues/hostile-text.yaml)
for catalogue in "${catalogues[@]}"; do
  name=$(basename "$catalogue" .yaml)
  for format in ndjson junit sarif github claimreview markdown; do
    "$factcheck" verify "$catalogue" --mode offline --format "$format" \
      -o "$tmp/$name.$format" 2>/dev/null
    [ -s "$tmp/$name.$format" ] || fail "$name: no $format report"
  done
  "$factcheck" verify "$catalogue" --mode offline --format junit --junit-family legacy \
    -o "$tmp/$name.legacy.junit"
done
# Both catalogues in one run: one SARIF artifact and one JUnit testsuite per
# catalogue, read by the same readers as a single catalogue's reports.
for format in ndjson junit sarif; do
  "$factcheck" verify "${catalogues[@]}" --mode offline --format "$format" \
    -o "$tmp/multi.$format" 2>/dev/null
  [ -s "$tmp/multi.$format" ] || fail "multi: no $format report"
done
"$factcheck" verify "${catalogues[@]}" --mode offline --format junit --junit-family legacy \
  -o "$tmp/multi.legacy.junit"
# Each result points at its own catalogue's artifact, and each artifact is
# one of the catalogues, in the order given.
jq -e --arg a "${catalogues[0]}" --arg b "${catalogues[1]}" '.runs[0] as $run
    | ($run.artifacts | map(.location.uri)) == [$a, $b]
      and ($run.results | length > 0)
      and ($run.results | all(.locations[0].physicalLocation.artifactLocation as $l
             | $run.artifacts[$l.index].location.uri == $l.uri
               and $l.uri == .properties.catalogue))
      and ([$run.results[].properties.catalogue] | unique) == [$a, $b]' "$tmp/multi.sarif" >/dev/null ||
  fail "multi.sarif: a result located at another catalogue's artifact"
[ "$(grep -c '<testsuite ' "$tmp/multi.junit")" = 2 ] || fail "multi.junit: not one testsuite per catalogue"
# An absolute catalogue path, and -q with -o: still a whole, relative log.
"$factcheck" verify "$PWD/claims/deepseek-2025-01-27.yaml" --mode offline --format sarif -q \
  -o "$tmp/absolute.sarif" >"$tmp/stdout"
[ -s "$tmp/stdout" ] && fail "-q -o printed on the terminal: $(head -2 "$tmp/stdout")"

# --- SARIF ------------------------------------------------------------------
if [ -x "$multitool" ]; then
  for log in "$tmp"/*.sarif; do
    "$multitool" validate --rule-kind "Gh;Sarif" --log ForceOverwrite -o "$log.validation" \
      "$log" >"$log.out" 2>&1 || fail "Multitool on $log: $(tail -3 "$log.out")"
    errors=$(jq '[.runs[0].results[] | select(.level == "error")] | length' "$log.validation")
    if [ "$errors" != 0 ]; then
      fail "Multitool (GitHub rules): $errors errors in $(basename "$log"):" \
        "$(jq -r '.runs[0].results[] | select(.level == "error") | .message.text' "$log.validation" | head -3)"
    fi
    # What the rules cannot see: no alert for a supported claim, and what
    # GitHub keys alerts on.
    jq -e '.runs[0] | (.results | all(.properties.verdict != "supported" and .level != "none"
             and (.partialFingerprints.primaryLocationLineHash | type == "string")
             and (.locations[0].physicalLocation.artifactLocation.uri | test("^[a-zA-Z][a-zA-Z0-9+.-]*:|^/") | not)))
           and (.tool.driver.rules | all(.fullDescription.text and .help.text))' "$log" >/dev/null ||
      fail "$(basename "$log"): a supported alert, a level none, no line hash or an absolute URI"
  done
  echo "sarif: the Multitool (GitHub rules) reports 0 errors in $(find "$tmp" -name '*.sarif' | wc -l) logs"
else
  missing+=("the SARIF Multitool ($multitool)")
fi

# --- JUnit ------------------------------------------------------------------
xsd=$shared/reference/formats/junit-10.xsd
if command -v xmllint >/dev/null && [ -f "$xsd" ]; then
  for report in "$tmp"/*.junit; do
    case $report in
    *.legacy.junit) xmllint --noout "$report" 2>"$tmp/xmllint" || fail "$report is not XML: $(head -3 "$tmp/xmllint")" ;;
    *) xmllint --noout --schema "$xsd" "$report" 2>"$tmp/xmllint" ||
      fail "$report is not valid against junit-10.xsd: $(head -3 "$tmp/xmllint")" ;;
    esac
  done
  echo "junit: xmllint --schema junit-10.xsd accepts the default family"
else
  missing+=("xmllint or $xsd")
fi
if "$python" -c 'import junitparser' 2>/dev/null; then
  for report in "$tmp"/*.junit; do
    "$python" - "$report" "${report%.junit}" <<'PY' || fail "junitparser on $report"
import json, sys
import junitparser
xml = junitparser.JUnitXml.fromfile(sys.argv[1])
base = sys.argv[2].replace(".legacy", "")
verdicts = [json.loads(line) for line in open(base + ".ndjson", encoding="utf-8")]
cases = [case for suite in xml for case in suite]
assert len(cases) == len(verdicts), (len(cases), len(verdicts))
kinds = {"contradicted": junitparser.Failure, "error": junitparser.Error,
         "unverifiable": junitparser.Skipped}
for case, v in zip(cases, verdicts):
    assert case.name == v["id"], (case.name, v["id"])
    results = case.result
    if v["verdict"] == "supported":
        assert not results, (v["id"], results)
        continue
    assert len(results) == 1 and isinstance(results[0], kinds[v["verdict"]]), (v["id"], results)
    # The reason as an attribute and as text (GitLab shows the text).
    assert results[0].message and results[0].text.startswith(results[0].message), v["id"]
    assert case.time == 0, (v["id"], case.time)
PY
  done
  echo "junit: junitparser reads every testcase, each reason as message and text"
else
  missing+=("junitparser (python3-junitparser)")
fi

# --- the npm readers --------------------------------------------------------
if $have_node; then
  for catalogue in "${catalogues[@]}"; do
    name=$(basename "$catalogue" .yaml)
    for format in junit github claimreview markdown; do
      node "$readers/check.mjs" "$format" "$tmp/$name.$format" "$tmp/$name.ndjson" \
        tests/readers/schemaorg-context.jsonld || fail "$format reader on $name"
    done
  done
  node "$readers/check.mjs" junit "$tmp/multi.junit" "$tmp/multi.ndjson" \
    tests/readers/schemaorg-context.jsonld || fail "junit reader on multi"
fi

# --- NDJSON -----------------------------------------------------------------
for catalogue in "${catalogues[@]}"; do
  name=$(basename "$catalogue" .yaml)
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" | jq -e 'has("id") and has("verdict")' >/dev/null ||
      fail "$name.ndjson line $n does not parse on its own"
  done <"$tmp/$name.ndjson"
  # Every key a line can have is documented.
  for key in $(jq -r '[paths | map(select(type == "string")) | last] | unique | .[]' "$tmp/$name.ndjson" | sort -u); do
    grep -q "\`$key\`" docs/reports.md || fail "ndjson key \"$key\" is not in docs/reports.md"
  done
done
echo "ndjson: jq reads every line alone; every key is documented"

# --- the table in a 100-column terminal --------------------------------------
if command -v tmux >/dev/null; then
  socket=$tmp/tmux.socket
  for catalogue in "${catalogues[@]}"; do
    name=$(basename "$catalogue" .yaml)
    tmux -S "$socket" -f /dev/null new-session -d -x 100 -y 50 \
      "env -u COLUMNS $factcheck verify $catalogue --mode offline --color never; tmux wait-for -S done-$name; sleep 30"
    timeout 60 tmux -S "$socket" wait-for "done-$name"
    # -J joins the lines the terminal wrapped: a joined line is one that did
    # not fit in 100 columns.
    tmux -S "$socket" capture-pane -p -J -S - -E - >"$tmp/$name.pane"
    tmux -S "$socket" kill-server
    python3 - "$tmp/$name.pane" <<'PY' || fail "$name: the table in a 100-column terminal"
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
assert any(l.startswith("VERDICT") for l in lines), lines[:3]
wide = [l for l in lines if width(l) > 100]
assert not wide, "%d lines wider than 100 columns, e.g. %r" % (len(wide), wide[0])
header = next(l for l in lines if l.startswith("VERDICT"))
observed = width(header[: header.index("OBSERVED")])
claimed = width(header[: header.index("CLAIMED")])
rows = [l for l in lines if l.split(" ")[0] in ("supported", "contradicted", "unverifiable", "error")]
assert rows
for row in rows:
    # Each cell starts at its header's column, CJK or not: some prefix of
    # the row ends exactly there, after a space.
    for column in (claimed, observed):
        if width(row) <= column:
            continue  # an empty cell at the end of the row
        cuts = [i for i in range(len(row) + 1) if width(row[:i]) == column]
        assert cuts and row[cuts[0] - 1] == " ", "row not aligned at column %d: %r" % (column, row)
print("table: %d rows within 100 columns, aligned" % len(rows))
PY
  done
else
  missing+=("tmux")
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures failed" >&2
  exit 1
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'report.readers: SKIPPED: %s is missing (scripts/install-ci-readers installs it)\n' "${missing[@]}" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
echo "report readers: every reader accepts every report"
