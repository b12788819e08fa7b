#!/usr/bin/env bash
# The binary maps libcurl, poppler and libxml2 only when a run needs them
# (src/modules/modules.hpp): the shared libraries each run opened, from the
# dynamic loader's own log (LD_DEBUG=files), for a market-only run, a PDF
# claim, an HTML claim and a live run; and a missing module ends as an error verdict that
# says so, not a crash. Nothing here touches the internet: the live runs ask
# a closed loopback port.
# Usage: tests/modules_test.sh path/to/factcheck   (run from the repository root)
set -u
factcheck=$1
catalogue=claims/deepseek-2025-01-27.yaml
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
unset FACTCHECK_MODULE_DIR

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_exit() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit $2, expected $1"
}

# run NAME ARGS...: runs factcheck with the loader's log in $tmp/NAME.ld,
# stdout in $tmp/NAME.out; sets $code.
run() {
  local name=$1
  shift
  LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/$name.trace" "$factcheck" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  code=$?
  cat "$tmp/$name.trace".* 2>/dev/null | grep -o 'file=[^ ]*' | sort -u >"$tmp/$name.ld"
}

opened() { # NAME LIBRARY: whether the run opened a library of that name
  grep -q "file=\(.*/\)\?$2" "$tmp/$1.ld"
}

# Market claims from the recordings: none of the document or network stacks.
run market verify "$catalogue" --mode offline --select nvda-fell-17pct,nasdaq-fell-3pct -q
expect_exit 0 "$code" "market claims offline"
grep -qx '2 claims: 2 supported, 0 contradicted, 0 unverifiable, 0 error (offline mode)' "$tmp/market.out" ||
  fail "market claims: $(cat "$tmp/market.out" "$tmp/market.err")"
# The log is real: it names the libraries the binary does link.
opened market libyaml-cpp || fail "LD_DEBUG=files logged no libyaml-cpp: $(cat "$tmp/market.ld")"
for lib in libfactcheck-net libfactcheck-doc libfactcheck-pdf libcurl libgnutls libpoppler libnss3 libxml2; do
  opened market "$lib" && fail "a market-only offline run opened $lib"
done

# The whole catalogue in the default (auto) mode: every response is
# recorded, so the network module is never loaded; its PDF and HTML documents
# load the PDF and document modules.
run auto verify "$catalogue" -q
expect_exit 1 "$code" "the whole catalogue, auto mode"
for lib in libfactcheck-net libcurl; do
  opened auto "$lib" && fail "an auto run answered by its recordings opened $lib"
done
opened auto libfactcheck-doc || fail "the whole catalogue did not load the document module"
opened auto libfactcheck-pdf || fail "the whole catalogue did not load the PDF module"

# A claim read from the DeepSeek-V3 report's PDF: the PDF module is loaded and
# the PDF parsed ($5.576M on p.5, within $5.55M to $5.65M of "560萬美元").
run pdf verify "$catalogue" --mode offline --select deepseek-training-cost-5.6m --format ndjson
expect_exit 0 "$code" "PDF claim"
grep -q '"id":"deepseek-training-cost-5.6m","verdict":"supported"' "$tmp/pdf.out" ||
  fail "PDF claim: $(cat "$tmp/pdf.out" "$tmp/pdf.err")"
grep -q '"observed":5576000.0' "$tmp/pdf.out" || fail "PDF claim: not the report's \$5.576M"
for lib in libfactcheck-pdf.so libpoppler-cpp; do
  opened pdf "$lib" || fail "the PDF claim did not open $lib"
done
for lib in libcurl libfactcheck-doc libxml2; do
  opened pdf "$lib" && fail "the PDF claim offline opened $lib"
done

# A claim read from a web page: libxml2's module, not poppler's.
run html verify "$catalogue" --mode offline --select ceg-tmi-restart-for-microsoft --format ndjson
grep -q '"id":"ceg-tmi-restart-for-microsoft","verdict":"\(supported\|contradicted\|unverifiable\)"' "$tmp/html.out" ||
  fail "HTML claim: $(cat "$tmp/html.out" "$tmp/html.err")"
for lib in libfactcheck-doc.so libxml2; do
  opened html "$lib" || fail "the HTML claim did not open $lib"
done
for lib in libfactcheck-pdf libpoppler libnss3 libcurl; do
  opened html "$lib" && fail "the HTML claim offline opened $lib"
done

# Live, against a closed loopback port: the network module is loaded and the
# request fails as a refused connection.
run live verify "$catalogue" --mode live --select nvda-fell-17pct --source-url stooq=http://127.0.0.1:1 \
  --format ndjson
expect_exit 3 "$code" "live run against a closed port"
opened live libfactcheck-net.so || fail "a live run did not load the network module"
opened live libcurl || fail "a live run did not open libcurl"
grep -q '"verdict":"error"' "$tmp/live.out" || fail "live run: $(cat "$tmp/live.out")"

# Without the modules: an error verdict naming what is missing, exit 3.
mkdir "$tmp/empty"
FACTCHECK_MODULE_DIR="$tmp/empty" "$factcheck" verify "$catalogue" --mode offline \
  --select deepseek-training-cost-5.6m,nvda-fell-17pct --format ndjson >"$tmp/nodoc.out" 2>"$tmp/nodoc.err"
expect_exit 3 $? "no PDF module"
grep '"id":"deepseek-training-cost-5.6m"' "$tmp/nodoc.out" | grep '"verdict":"error"' |
  grep -q "the PDF module cannot be loaded: libfactcheck-pdf.so not found (looked for $tmp/empty/libfactcheck-pdf.so)" ||
  fail "no PDF module: $(cat "$tmp/nodoc.out" "$tmp/nodoc.err")"
grep '"id":"nvda-fell-17pct"' "$tmp/nodoc.out" | grep -q '"verdict":"supported"' ||
  fail "no PDF module: the market claim is not judged as before"

FACTCHECK_MODULE_DIR="$tmp/empty" "$factcheck" verify "$catalogue" --mode live --select nvda-fell-17pct \
  --source-url stooq=http://127.0.0.1:1 --format ndjson >"$tmp/nonet.out" 2>"$tmp/nonet.err"
expect_exit 3 $? "no network module"
grep '"verdict":"error"' "$tmp/nonet.out" | grep -q 'the network module cannot be loaded: libfactcheck-net.so not found' ||
  fail "no network module: $(cat "$tmp/nonet.out" "$tmp/nonet.err")"

# A file that is not a module is refused with the loader's reason.
for _ in $(seq 100); do echo 'not a library'; done >"$tmp/empty/libfactcheck-doc.so"
FACTCHECK_MODULE_DIR="$tmp/empty" "$factcheck" verify "$catalogue" --mode offline \
  --select ceg-tmi-restart-for-microsoft --format ndjson >"$tmp/bad.out" 2>"$tmp/bad.err"
expect_exit 3 $? "a damaged document module"
grep -q 'the document module cannot be loaded: .*libfactcheck-doc.so: invalid ELF header' "$tmp/bad.out" ||
  fail "a damaged document module: $(cat "$tmp/bad.out" "$tmp/bad.err")"

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "modules: all checks passed"
