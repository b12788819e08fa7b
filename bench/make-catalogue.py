#!/usr/bin/env python3
"""Writes a SYNTHETIC catalogue of N claims for bench/run.

The size is synthetic, the figures are not: the claims are the real DeepSeek
catalogue's (claims/deepseek-2025-01-27.yaml) repeated, each copy's ids and
derived inputs renamed (nvda-fell-17pct-3), so every claim is judged against
the same real recorded series (fixtures/deepseek-2025-01-27). A last partial
copy takes claims in order, skipping derived claims whose inputs it left out,
so that exactly N claims are written.

  bench/make-catalogue.py N yaml|json [--copies-of FILE] > out.yaml
  bench/make-catalogue.py --folder DIR COPIES [--copies-of FILE]

The second form writes COPIES files into DIR (article-0001.yaml, ...), each
the whole catalogue with its ids unchanged (each file is its own namespace
of ids), for the benchmark of many catalogues in one run; it prints the
number of claims in each. SYNTHETIC too: a newsroom's folder of articles,
every one of them the DeepSeek article. Neither form names a recordings
folder: bench/run passes --recordings.
"""
import datetime
import json
import os
import re
import sys


def claims_of(path):
    text = open(path, encoding="utf-8").read()
    head, claims = text.split("\nclaims:\n", 1)
    head = re.sub(r"(?m)^recordings:.*\n", "", head)
    # What follows the list (subjects:, keyed by source, not by claim) is
    # written once, after the copies.
    tail = ""
    after = re.search(r"(?m)^(?=[#a-z])", claims)
    if after:
        claims, tail = claims[:after.start()], claims[after.start():]
    items = re.split(r"(?m)^(?=  - id: )", claims)[1:]
    ids = [re.match(r"  - id: (\S+)", item).group(1) for item in items]
    return head, items, ids, tail


def inputs_of(item):
    """The claims this one names: a derived claim's inputs, and its same_as."""
    named = [m.group(1) for m in re.finditer(r"(?m)^    same_as: (\S+)", item)]
    found = re.search(r"inputs: \{([^}]*)\}", item)
    if found:
        named += [part.split(":", 1)[1].strip() for part in found.group(1).split(",")]
    return named


def renamed(item, ids, k):
    item = re.sub(r"(?m)^  - id: (\S+)", lambda m: f"  - id: {m.group(1)}-{k}", item, count=1)
    item = re.sub(r"(?m)^    same_as: (\S+)", lambda m: f"    same_as: {m.group(1)}-{k}", item)
    if "inputs:" not in item:
        return item

    def rename(match):
        names = [part.split(":", 1) for part in match.group(1).split(",")]
        return "inputs: {" + ",".join(f"{name}: {i.strip()}-{k}" for name, i in names) + "}"

    return re.sub(r"inputs: \{([^}]*)\}", rename, item)


def plain(value):
    """YAML's dates back to the text the catalogue wrote."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def selection(n, items, ids):
    """(copy, index) of each claim written: whole copies, then a partial one."""
    chosen = []
    k = 0
    while len(chosen) < n:
        included = set()
        partial = n - len(chosen) < len(items)
        for index, (item, claim_id) in enumerate(zip(items, ids)):
            if len(chosen) == n:
                break
            if any(i not in included for i in inputs_of(item)):
                continue
            # A partial copy leaves inputs out: the claim that takes one
            # might not fit, and an input nothing takes is a mistake.
            if partial and re.search(r"(?m)^    input: true", item):
                continue
            chosen.append((k, index))
            included.add(claim_id)
        k += 1
    return chosen


def banner(n):
    return ("# SYNTHETIC: bench/make-catalogue.py, %d claims; the size is synthetic, "
            "every figure is the real catalogue's.\n" % n)


def yaml_text(n, path):
    head, items, ids, tail = claims_of(path)
    out = [head, "\n", banner(n), "claims:\n"]
    out += [renamed(items[index], ids, k) for k, index in selection(n, items, ids)]
    out.append(tail)
    return "".join(out)


def json_text(n, path):
    import copy
    import yaml  # python3-yaml, installed by bench/run

    head, items, ids, tail = claims_of(path)
    base = plain(yaml.safe_load(head + "\nclaims:\n" + "".join(items) + tail))
    out = {key: value for key, value in base.items() if key != "claims"}
    out["claims"] = []
    for k, index in selection(n, items, ids):
        claim = copy.deepcopy(base["claims"][index])
        claim["id"] = f"{claim['id']}-{k}"
        if "same_as" in claim:
            claim["same_as"] = f"{claim['same_as']}-{k}"
        inputs = claim["check"].get("inputs")
        if inputs:
            claim["check"]["inputs"] = {name: f"{i}-{k}" for name, i in inputs.items()}
        out["claims"].append(claim)
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def folder(directory, copies, path):
    head, items, _, tail = claims_of(path)
    text = "".join([head, "\n", banner(len(items)).replace(
        "%d claims;" % len(items), "one of %d copies of %d claims;" % (copies, len(items))),
        "claims:\n"] + items + [tail])
    os.makedirs(directory, exist_ok=True)
    for k in range(1, copies + 1):
        with open(os.path.join(directory, "article-%04d.yaml" % k), "w", encoding="utf-8") as f:
            f.write(text)
    print(len(items))


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "--folder":
        path = "claims/deepseek-2025-01-27.yaml"
        if len(sys.argv) == 6 and sys.argv[4] == "--copies-of":
            path = sys.argv[5]
        folder(sys.argv[2], int(sys.argv[3]), path)
        return
    if len(sys.argv) < 3 or sys.argv[2] not in ("yaml", "json"):
        sys.exit("usage: bench/make-catalogue.py N yaml|json [--copies-of FILE]")
    n = int(sys.argv[1])
    path = "claims/deepseek-2025-01-27.yaml"
    if len(sys.argv) == 5 and sys.argv[3] == "--copies-of":
        path = sys.argv[4]
    if sys.argv[2] == "yaml":
        sys.stdout.write(yaml_text(n, path))
    else:
        sys.stdout.write(json_text(n, path))


if __name__ == "__main__":
    main()
