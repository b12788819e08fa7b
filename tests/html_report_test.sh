#!/usr/bin/env bash
# Opens the html report in a real browser (Debian's chromium, headless,
# through puppeteer-core; tests/readers/browser.mjs) and checks what a reader
# sees: no console error and no network request; a card per claim with its
# verdict's class; each quote of the article marked with its verdict's class
# or listed as not found; a chart per market claim whose points are the
# recorded rows; the hostile-text catalogue shown as text; screenshots at 390
# and 1280 px, none wider than the screen. Pages: the test article
# (tests/data/article), the DeepSeek article (with ../shared/seed's text when
# present) and the hostile-text catalogue.
# Usage: tests/html_report_test.sh FACTCHECK READERS_DIR SHARED_DIR
# (from the repository root). Without chromium or the npm readers the test
# is skipped (exit 77) saying which; in CI (CI=true) it fails. Set
# FACTCHECK_SCREENSHOTS=DIR to keep the screenshots (the README's is
# selloff-2025-01-27-column.png, the text column down to the end of the
# article, made smaller with optipng -o3).
set -u
factcheck=$1
readers=$2
shared=$3
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shots=${FACTCHECK_SCREENSHOTS:-$tmp}
mkdir -p "$shots"

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

chromium=$(command -v chromium || true)
missing=()
[ -n "$chromium" ] || missing+=("chromium (scripts/install-ci-readers)")
command -v node >/dev/null || missing+=("node")
[ -d "$readers/node_modules/puppeteer-core" ] ||
  missing+=("puppeteer-core in $readers (scripts/install-ci-readers)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]}" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
cp tests/readers/browser.mjs "$readers/browser.mjs"

# page NAME CATALOGUE [--article FILE]: the html and json reports of one run.
page() {
  local name=$1 catalogue=$2
  shift 2
  "$factcheck" verify "$catalogue" --mode offline --format html -o "$tmp/$name.html" "$@"
  local rc=$?
  [ "$rc" -le 1 ] || fail "$name: verify --format html exited $rc"
  "$factcheck" verify "$catalogue" --mode offline --format json -o "$tmp/$name.json"
}

# The test article: its text named by the catalogue (article.text).
page selloff-2025-01-27 tests/data/article/selloff-2025-01-27.yaml
node "$readers/browser.mjs" "$chromium" "$tmp/selloff-2025-01-27.html" \
  "$tmp/selloff-2025-01-27.json" fixtures/deepseek-2025-01-27 "$shots" --article ||
  fail "the test article's page"

# The DeepSeek article, with the seed's zh-Hant text when shared/ has it.
seed=$shared/seed/article.zh-Hant.txt
if [ -f "$seed" ]; then
  page deepseek-2025-01-27 claims/deepseek-2025-01-27.yaml --article "$seed"
  node "$readers/browser.mjs" "$chromium" "$tmp/deepseek-2025-01-27.html" \
    "$tmp/deepseek-2025-01-27.json" fixtures/deepseek-2025-01-27 "$shots" --article ||
    fail "the DeepSeek page"
else
  page deepseek-2025-01-27 claims/deepseek-2025-01-27.yaml
  node "$readers/browser.mjs" "$chromium" "$tmp/deepseek-2025-01-27.html" \
    "$tmp/deepseek-2025-01-27.json" fixtures/deepseek-2025-01-27 "$shots" ||
    fail "the DeepSeek page"
fi
size=$(wc -c <"$tmp/deepseek-2025-01-27.html")
echo "deepseek-2025-01-27.html: $size bytes"
[ "$size" -lt 1000000 ] || fail "the DeepSeek page is $size bytes, not under 1 MB"

# Hostile text, with an article made of its own quotes (ESC and all).
jq -r '.verdicts[].quote' <(
  "$factcheck" verify fixtures/catalogues/hostile-text.yaml --mode offline --format json
) >"$tmp/hostile.txt"
page hostile-text fixtures/catalogues/hostile-text.yaml --article "$tmp/hostile.txt"
node "$readers/browser.mjs" "$chromium" "$tmp/hostile-text.html" "$tmp/hostile-text.json" \
  fixtures/deepseek-2025-01-27 "$shots" --article || fail "the hostile-text page"

# An article that cannot be read is a usage error before anything is fetched.
"$factcheck" verify tests/data/article/selloff-2025-01-27.yaml --mode offline --format html \
  --article "$tmp/absent.txt" -o "$tmp/absent.html" 2>"$tmp/stderr"
rc=$?
[ "$rc" = 2 ] || fail "--article of a missing file exited $rc, not 2"
grep -q "absent.txt: cannot read the article text" "$tmp/stderr" ||
  fail "--article of a missing file: $(cat "$tmp/stderr")"
[ -e "$tmp/absent.html" ] && fail "a page was written for a missing article"

# The catalogue's article.text, when its file is missing, is named as such
# (the file is read before anything is fetched, so no recordings are needed).
sed -e 's/^  text: .*/  text: missing.txt/' -e '/^recordings:/d' tests/data/article/selloff-2025-01-27.yaml >"$tmp/missing.yaml"
"$factcheck" verify "$tmp/missing.yaml" --mode offline --format html -o "$tmp/missing.html" \
  2>"$tmp/stderr"
rc=$?
[ "$rc" = 2 ] || fail "article.text of a missing file exited $rc, not 2"
grep -qF "$tmp/missing.txt: cannot read the article text: No such file or directory (article.text in the catalogue)" "$tmp/stderr" ||
  fail "article.text of a missing file: $(cat "$tmp/stderr")"

for shot in "$shots"/*.png; do
  [ -s "$shot" ] || fail "no screenshot $shot"
done
if [ "$failures" -gt 0 ]; then
  exit 1
fi
echo "html: every page renders with no console error and no request"
