#!/usr/bin/env bash
# Scale: the DeepSeek catalogue repeated N times (default 125, 10,000
# claims; ids and derived inputs renamed per copy, so nothing is shared but
# the recordings), verified offline in each report format. Synthetic in size
# only: every figure is the real catalogue's. Prints wall time and peak
# memory per format. Run from the repository root after scripts/build.
set -euo pipefail
copies=${1:-125}
factcheck=${FACTCHECK:-build/factcheck}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$copies" >"$tmp/scale.yaml" <<'PY'
import re, sys
copies = int(sys.argv[1])
text = open("claims/deepseek-2025-01-27.yaml", encoding="utf-8").read()
head, claims = text.split("\nclaims:\n", 1)
head = re.sub(r"(?m)^recordings:.*\n", "", head)
items = re.split(r"(?m)^(?=  - id: )", claims)[1:]
ids = [re.match(r"  - id: (\S+)", item).group(1) for item in items]
out = [head, "\nclaims:\n"]
for k in range(copies):
    for item in items:
        item = re.sub(r"(?m)^  - id: (\S+)", lambda m: f"  - id: {m.group(1)}-{k}", item)
        def rename(match):
            s = match.group(0)
            for i in ids:
                s = re.sub(r"(?<=[: ])" + re.escape(i) + r"(?=[,}])", f"{i}-{k}", s)
            return s
        out.append(re.sub(r"inputs: \{[^}]*\}", rename, item))
sys.stdout.write("".join(out))
PY

echo "$(grep -c '^  - id: ' "$tmp/scale.yaml") claims"
"$factcheck" verify "$tmp/scale.yaml" --mode offline --recordings fixtures/deepseek-2025-01-27 -q || true
[ -x /usr/bin/time ] || {
  echo "bench/scale.sh: needs GNU time for peak memory (apt-get install time)" >&2
  exit 2
}
for format in table json ndjson junit sarif github markdown claimreview; do
  # Through sh, so that time reports the run, not its expected exit 1.
  # shellcheck disable=SC2016 # expanded by that sh
  /usr/bin/time -f "$format: %e s, %M kB peak" sh -c '"$0" "$@" >/dev/null; exit 0' \
    "$factcheck" verify "$tmp/scale.yaml" --mode offline --recordings fixtures/deepseek-2025-01-27 \
    --format "$format"
done
