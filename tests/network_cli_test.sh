#!/usr/bin/env bash
# The factcheck binary fetching over a real socket: a loopback server
# (factcheck_fixture_server) serves the recorded DeepSeek data at the
# sources' own paths, and --source-url points FRED, Stooq and Yahoo at it.
# Checks the progress line on a terminal, quiet pipes, and the disk cache
# (hits, 304 revalidation, a corrupted body, an unwritable folder) through
# the real curl engine. Nothing here touches the internet.
# Usage: tests/network_cli_test.sh path/to/factcheck path/to/factcheck_fixture_server
#        (run from the repository root)
set -u
factcheck=$1
server=$2
failures=0
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null
  done
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
# Never the user's own cache or config.
export XDG_CACHE_HOME="$tmp/xdg-cache" XDG_CONFIG_HOME="$tmp/xdg-config"
unset NO_COLOR FACTCHECK_CONTACT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_exit() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit $2, expected $1"
}

# start_server NAME [server options]: serves the fixtures, logging to
# $tmp/NAME.log; sets $url to its base URL.
start_server() {
  local name=$1
  shift
  "$server" --port-file "$tmp/$name.port" --log "$tmp/$name.log" "$@" fixtures/deepseek-2025-01-27 &
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

# Four claims from the article, on three series (NVDA and AVGO from Stooq,
# the Nasdaq from FRED, corroborated by Yahoo): NVDA -16.97% ("17%" holds),
# 818,830,895 shares ("3.2億" does not), Nasdaq -3.07% ("3%" holds), AVGO
# -17.40% ("14%" does not). The catalogue's own recordings line is dropped
# so that the cache and the server are the only places the data can come
# from.
sed '/^recordings:/d' claims/deepseek-2025-01-27.yaml >"$tmp/claims.yaml"
select=(--select "nvda-fell-17pct,nvda-volume-320m,nasdaq-fell-3pct,avgo-fell-14pct")
summary_live='4 claims: 2 supported, 2 contradicted, 0 unverifiable, 0 error (live mode)'
summary_auto='4 claims: 2 supported, 2 contradicted, 0 unverifiable, 0 error (auto mode)'

# Sets src to the flags that send FRED, Stooq and Yahoo to the base URL $1.
sources() {
  src=(--source-url "stooq=$1" --source-url "fred=$1" --source-url "yahoo=$1")
}

# expect_whole_cache DIR WHAT: every file in the cache folder DIR is whole:
# bodies match the hash they are named by, entries parse, nothing else.
expect_whole_cache() {
  [ -d "$1" ] || return 0
  local file
  while IFS= read -r file; do
    case $file in
    */objects/*)
      [ "$(sha256sum <"$file" | cut -d' ' -f1)" = "$(basename "$file")" ] ||
        fail "$2 left a damaged body: $file"
      ;;
    */entries/*.json) jq -e . "$file" >/dev/null 2>&1 || fail "$2 left a damaged entry: $file" ;;
    *) fail "$2 left a stray file: $file" ;;
    esac
  done < <(find "$1" -type f)
}

# --- Progress --------------------------------------------------------------
# On a terminal: one redrawn line on stderr, naming a host that is slow (AVGO
# is held back past the engine's three seconds), and cleared before the
# table is printed.
start_server slow --slow 's=avgo.us=3500'
slow_url=$url
command -v script >/dev/null || fail "script(1) is missing (bsdutils)"
sources "$slow_url"
script -qec "$factcheck verify $tmp/claims.yaml --mode live --no-cache ${src[*]} ${select[*]}" \
  /dev/null >"$tmp/tty" 2>&1
grep -q $'fetched 4/4, [0-9]* kB\r\033\\[K' "$tmp/tty" ||
  fail "no final progress line, cleared, on a terminal: $(tr '\r\033' '|~' <"$tmp/tty" | head -c 600)"
grep -q $'\r\033\\[Kfetched 3/4, [0-9]* kB; slow: 127.0.0.1' "$tmp/tty" ||
  fail "the slow host is not named on the progress line"
grep -q "^$summary_live" "$tmp/tty" || fail "no summary on the terminal"
[ "$(grep -c 'fetched 4/4' "$tmp/tty")" -le 1 ] || fail "the finished line was drawn more than once"

# Off a terminal: nothing on stderr; with --verbose, plain lines.
start_server plain
sources "$url"
"$factcheck" verify "$tmp/claims.yaml" --mode live --no-cache "${src[@]}" "${select[@]}" \
  >"$tmp/out" 2>"$tmp/err"
expect_exit 1 $? "live run on a pipe"
grep -q "^$summary_live\$" "$tmp/out" || fail "live summary: $(tail -1 "$tmp/out")"
grep -q '^supported     nvda-fell-17pct ' "$tmp/out" || fail "live verdict of nvda-fell-17pct"
grep -q '^contradicted  avgo-fell-14pct ' "$tmp/out" || fail "live verdict of avgo-fell-14pct"
[ -s "$tmp/err" ] && fail "stderr not empty on a pipe: $(cat "$tmp/err")"
"$factcheck" verify "$tmp/claims.yaml" --mode live --no-cache --verbose "${src[@]}" \
  "${select[@]}" >/dev/null 2>"$tmp/err"
grep -q '^factcheck: fetched 4/4, [0-9]* kB$' "$tmp/err" || fail "--verbose: $(cat "$tmp/err")"
grep -q $'\033' "$tmp/err" && fail "--verbose wrote terminal escapes to a pipe"
[ "$(grep -c '^200 ' "$tmp/plain.log")" = 8 ] || fail "two uncached runs should ask 8 times: $(cat "$tmp/plain.log")"

# --- The disk cache --------------------------------------------------------
start_server cache
sources "$url"
cache=$tmp/cache
run_cached() { # mode, then extra options
  local mode=$1
  shift
  "$factcheck" verify "$tmp/claims.yaml" --mode "$mode" --cache-dir "$cache" "${src[@]}" \
    "${select[@]}" -q "$@" >"$tmp/out" 2>"$tmp/err"
}
requests() { wc -l <"$tmp/cache.log" | tr -d ' '; }

run_cached auto
expect_exit 1 $? "first cached run"
grep -qx "$summary_auto" "$tmp/out" || fail "first cached run: $(cat "$tmp/out" "$tmp/err")"
[ "$(requests)" = 4 ] || fail "first cached run: $(requests) requests, expected 4"
"$factcheck" cache info --cache-dir "$cache" >"$tmp/info"
grep -q ': 4 entries, 4 bodies, ' "$tmp/info" || fail "cache info: $(cat "$tmp/info")"

# A hit: the same verdicts, and the server is not asked.
run_cached auto
expect_exit 1 $? "second cached run"
grep -qx "$summary_auto" "$tmp/out" || fail "second cached run: $(cat "$tmp/out" "$tmp/err")"
[ "$(requests)" = 4 ] || fail "a fresh cache asked the server again: $(cat "$tmp/cache.log")"

# Live mode revalidates: each request carries its ETag and gets a 304.
run_cached live
expect_exit 1 $? "live run over the cache"
grep -qx "$summary_live" "$tmp/out" || fail "revalidated run: $(cat "$tmp/out" "$tmp/err")"
[ "$(requests)" = 8 ] || fail "live run: $(requests) requests, expected 8"
[ "$(tail -4 "$tmp/cache.log" | grep -c '^304 .* "[0-9a-f]*"$')" = 4 ] ||
  fail "live run did not revalidate: $(tail -4 "$tmp/cache.log")"

# A flipped byte in one stored body: that body alone is fetched again, in
# full (no ETag sent), and the verdicts do not change.
object=$(find "$cache/objects" -type f -size +1k | sort | head -1)
[ -n "$object" ] || fail "no stored bodies under $cache/objects"
printf '#' | dd of="$object" bs=1 seek=200 conv=notrunc status=none
run_cached auto
expect_exit 1 $? "run over a corrupted body"
grep -qx "$summary_auto" "$tmp/out" || fail "corrupted-body run: $(cat "$tmp/out" "$tmp/err")"
[ "$(requests)" = 9 ] || fail "corrupted body: $(requests) requests, expected 9"
tail -1 "$tmp/cache.log" | grep -q '^200 .* -$' || fail "refetch was not in full: $(tail -1 "$tmp/cache.log")"
[ "$(sha256sum <"$object" | cut -d' ' -f1)" = "$(basename "$object")" ] ||
  fail "the corrupted body was not mended"

# A folder that cannot be made (under a regular file, which even root
# cannot get past): one warning, then the run goes on as without a cache.
echo 'not a folder' >"$tmp/blocker"
cache=$tmp/blocker/cache
run_cached auto
expect_exit 1 $? "run with an unwritable cache"
grep -qx "$summary_auto" "$tmp/out" || fail "unwritable cache run: $(cat "$tmp/out" "$tmp/err")"
[ "$(grep -c 'warning: .*cannot write the cache' "$tmp/err")" = 1 ] ||
  fail "unwritable cache: expected one warning, got: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" = 1 ] || fail "unwritable cache: more on stderr: $(cat "$tmp/err")"

# A read-only copy of the filled cache: its bodies still serve (no request),
# and nothing is said, since nothing needed writing. Root writes through the
# mode bits, so this part only means something for other users.
if [ "$(id -u)" != 0 ]; then
  cp -r "$tmp/cache" "$tmp/readonly"
  chmod -R a-w "$tmp/readonly"
  cache=$tmp/readonly
  before=$(requests)
  run_cached auto
  expect_exit 1 $? "run on a read-only cache"
  grep -qx "$summary_auto" "$tmp/out" || fail "read-only cache run: $(cat "$tmp/out" "$tmp/err")"
  [ "$(requests)" = "$before" ] || fail "a read-only but fresh cache asked the server"
  [ -s "$tmp/err" ] && fail "read-only cache: stderr: $(cat "$tmp/err")"
  chmod -R u+w "$tmp/readonly"
fi

# A disk that fills up mid-write, simulated by a file-size limit: writes
# past 20 KiB fail with EFBIG (SIGXFSZ is ignored, so they fail rather than
# kill), so NVDA's 41 kB body cannot be stored while FRED's 17 kB can. One
# warning, the same verdicts, and nothing half-written left in the cache.
cache=$tmp/full
(
  trap '' XFSZ
  ulimit -f 20
  run_cached auto
  echo $? >"$tmp/full.rc"
)
expect_exit 1 "$(cat "$tmp/full.rc")" "run on a full disk"
grep -qx "$summary_auto" "$tmp/out" || fail "full-disk run: $(cat "$tmp/out" "$tmp/err")"
[ "$(grep -c 'warning: .*cannot write the cache' "$tmp/err")" = 1 ] ||
  fail "full disk: expected one warning, got: $(cat "$tmp/err")"
expect_whole_cache "$cache" "full disk"

# --- Ctrl-C ------------------------------------------------------------------
# AVGO's first request is held back for 30 s; once the other three are
# served, SIGINT. The run
# ends at once (AVGO is still held when it has: the server has not logged
# it), with exit 130, no report file, and the three whole responses kept in
# the cache, so that a second run asks only for AVGO.
start_server hold --slow 's=avgo.us=30000'
sources "$url"
# --verbose says when the client has the three (the server's log is written
# before the bytes arrive).
"$factcheck" verify "$tmp/claims.yaml" --mode live --cache-dir "$tmp/int-cache" "${src[@]}" \
  "${select[@]}" -o "$tmp/int-report" --verbose >"$tmp/out" 2>"$tmp/err" &
run=$!
for _ in $(seq 400); do
  grep -q '^factcheck: fetched 3/4' "$tmp/err" && break
  sleep 0.05
done
grep -q '^factcheck: fetched 3/4' "$tmp/err" || fail "the three fast requests were not fetched: $(cat "$tmp/err")"
kill -INT "$run"
wait "$run"
expect_exit 130 $? "interrupted run"
grep -q 'avgo' "$tmp/hold.log" && fail "the run waited for the held response instead of stopping"
grep -qx 'factcheck: interrupted; nothing was reported or recorded' "$tmp/err" ||
  fail "interrupted: stderr: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "interrupted: stdout: $(cat "$tmp/out")"
[ -n "$(find "$tmp" -maxdepth 1 -name 'int-report*')" ] && fail "interrupted: a report file was written"
expect_whole_cache "$tmp/int-cache" "an interrupted run"
"$factcheck" verify "$tmp/claims.yaml" --cache-dir "$tmp/int-cache" "${src[@]}" "${select[@]}" -q \
  >"$tmp/out" 2>"$tmp/err"
expect_exit 1 $? "run after the interrupted one"
grep -qx "$summary_auto" "$tmp/out" || fail "run after the interrupted one: $(cat "$tmp/out" "$tmp/err")"
[ "$(tail -n +4 "$tmp/hold.log" | cut -d' ' -f2)" = '/q/d/l/?s=avgo.us&i=d' ] ||
  fail "after an interrupt, only AVGO should be fetched: $(cat "$tmp/hold.log")"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "network cli: all checks passed"
