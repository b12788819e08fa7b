#!/usr/bin/env python3
"""Runs every measurement of bench/run and writes bench/RESULTS.md.

Each figure is a whole process, timed from spawn to exit (wall clock) with
its peak resident memory (wait4's ru_maxrss), run RUNS times; the tables give
the median with the min and max. Each factcheck figure is set against a floor
measured in the same run, interleaved with it, so that the ratio survives a
machine that other work keeps busy (the load average is printed).

  bench/bench.py BUILD_DIR [--runs N] [--quick] [--only many]

--quick skips the 100,000-claim point and the concurrency benchmark (for
trying the harness out; RESULTS.md says it was a quick run). --only many
runs only the benchmark of many catalogues in one run and prints it,
writing no RESULTS.md.
"""
import glob
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEEPSEEK = "claims/deepseek-2025-01-27.yaml"
RECORDINGS = "fixtures/deepseek-2025-01-27"
REAL_PDF = "/work/shared/reference/documents/DeepSeek_V3.pdf"


def run_once(cmd):
    """Wall seconds and CPU seconds (user + system) of one run of cmd (exit
    codes 0, 1 and 3, verdicts, are all fine)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        start = time.perf_counter()
        pid = os.posix_spawnp(cmd[0], cmd, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                            (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.close(devnull)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 3):
        raise SystemExit("bench: %s exited %d" % (" ".join(cmd), code))
    return wall, usage.ru_utime + usage.ru_stime


def peak_kb(cmd):
    """Peak resident memory of cmd in kB, from GNU time (a child spawned by
    this script would report this script's own peak: Linux keeps the largest
    of the memory before and after exec)."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M", "--"] + cmd, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


class Figure:
    def __init__(self, label):
        self.label = label
        self.walls = []
        self.cpus = []
        self.peaks = []

    def add(self, sample):
        self.walls.append(sample[0])
        self.cpus.append(sample[1])

    @property
    def median(self):
        """The median CPU time: on a machine other work keeps busy, a wall
        clock measures the queue; ratios and goals are taken on this."""
        return statistics.median(self.cpus)

    @property
    def wall(self):
        return statistics.median(self.walls)

    @property
    def peak(self):
        return statistics.median(self.peaks)

    def time_cell(self):
        """CPU median (min–max), then the wall median."""
        return "%s (%s–%s), wall %s" % (seconds(self.median), seconds(min(self.cpus)),
                                        seconds(max(self.cpus)), seconds(self.wall))

    def memory_cell(self):
        return "%.0f MB" % (self.peak / 1024)


def seconds(value):
    if value < 1:
        return "%.1f ms" % (value * 1000)
    return "%.2f s" % value


def measure(runs, *commands):
    """Runs the commands interleaved, runs times each: a burst of load falls
    on all of them alike."""
    figures = [Figure(label) for label, _ in commands]
    for _ in range(runs):
        for figure, (_, cmd) in zip(figures, commands):
            figure.add(run_once(cmd))
    for figure, (_, cmd) in zip(figures, commands):
        figure.peaks.append(peak_kb(cmd))
    return figures


def sh(cmd, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kwargs)


class Report:
    def __init__(self):
        self.lines = []
        self.goals = []

    def goal(self, text, value, bound, unit="×", at_least=False):
        """A goal: value at most bound (or at least)."""
        met = value >= bound if at_least else value <= bound
        self.goals.append([text, "%.2f%s" % (value, unit),
                           "%s %.2f%s" % ("≥" if at_least else "≤", bound, unit),
                           "met" if met else "**missed**"])

    def add(self, text=""):
        self.lines.append(text)
        print(text, flush=True)

    def table(self, header, rows):
        self.add("| " + " | ".join(header) + " |")
        self.add("|" + "---|" * len(header))
        for row in rows:
            self.add("| " + " | ".join(row) + " |")
        self.add()


def ratio(a, b):
    return "%.2f×" % (a.median / b.median)


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    build = os.path.abspath(args[0])
    runs = 5
    if "--runs" in args:
        runs = int(args[args.index("--runs") + 1])
    quick = "--quick" in args
    factcheck = os.path.join(build, "factcheck")
    floor = os.path.join(build, "bench", "factcheck_bench_floor")
    os.chdir(ROOT)  # the commands name files from the repository root
    tmp = tempfile.mkdtemp(prefix="factcheck-bench-")
    if "--only" in args:
        only = args[args.index("--only") + 1]
        if only != "many":
            raise SystemExit("bench: --only takes: many")
        out = Report()
        try:
            many_catalogues(out, factcheck, tmp, runs)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for row in out.goals:
            print("goal: " + " | ".join(row))
        return
    load_before = os.getloadavg()
    started = time.time()
    out = Report()
    try:
        body(out, factcheck, floor, build, tmp, runs, quick)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    load_after = os.getloadavg()
    commit = sh(["git", "rev-parse", "--short", "HEAD"]).stdout.strip()
    dirty = sh(["git", "status", "--porcelain", "--untracked-files=no"]).stdout.strip()
    cpu = "unknown"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    head = [
        "# Benchmark results",
        "",
        "Written by `bench/run` (bench/bench.py); do not edit by hand. Each figure is a whole "
        "process run %d times: the median CPU time (user + system, min–max in brackets), then "
        "the median wall time; the peak resident memory is from one more run under GNU time. Ratios and goals are on CPU time: "
        "this machine is shared (see the load average), and there a wall clock mostly measures "
        "the wait for a core; factcheck is single-threaded offline, so on an idle machine the "
        "two agree. Each factcheck figure is measured interleaved with its floor." % runs,
        "",
        "- commit: %s%s" % (commit, " (with uncommitted changes)" if dirty else ""),
        "- machine: %d cores (nproc), %s, %s" % (os.cpu_count(), cpu, platform.platform()),
        "- load average (1, 5, 15 min): %.2f %.2f %.2f before, %.2f %.2f %.2f after"
        % (load_before + load_after),
        "- build: %s (Release), took %.0f s to measure%s"
        % (os.path.relpath(build, ROOT), time.time() - started,
           "; QUICK run (no 100,000 claims, no concurrency)" if quick else ""),
        "",
        "The catalogues of 100 to 100,000 claims are SYNTHETIC in size "
        "(bench/make-catalogue.py: the real DeepSeek catalogue repeated, ids renamed), "
        "judged against the real recorded series in fixtures/deepseek-2025-01-27.",
        "",
    ]
    goals = ["## Goals", "", "| goal | measured | bound | |", "|---|---|---|---|"]
    goals += ["| " + " | ".join(row) + " |" for row in out.goals]
    goals += ["", "Why a goal is missed, and what would meet it: the notes at the end "
              "(bench/notes.md, written by hand from the profiles).", ""]
    notes = []
    notes_path = os.path.join(ROOT, "bench", "notes.md")
    if os.path.exists(notes_path):
        notes = ["", open(notes_path, encoding="utf-8").read()]
    with open(os.path.join(ROOT, "bench", "RESULTS.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(head + goals + out.lines + notes).rstrip() + "\n")


def catalogue(tmp, n, fmt):
    path = os.path.join(tmp, "claims-%d.%s" % (n, fmt))
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, "bench/make-catalogue.py", str(n), fmt], stdout=f,
                           cwd=ROOT, check=True)
    return path


def loader_library(factcheck):
    """The catalogue's YAML reader: libyaml when factcheck links it, else
    yaml-cpp (the loader of the first rounds)."""
    return "libyaml" if "libyaml-0" in sh(["ldd", factcheck]).stdout else "yaml-cpp"


def body(out, factcheck, floor, build, tmp, runs, quick):
    offline = ["verify", "--mode", "offline", "--recordings", RECORDINGS]
    yaml_lib = loader_library(factcheck)

    with open(os.path.join(ROOT, DEEPSEEK), encoding="utf-8") as f:
        claims = sum(1 for line in f if line.startswith("  - id:"))
    out.add("## Offline verify of the DeepSeek catalogue (%d claims)" % claims)
    out.add()
    out.add("Floor: a bare parse of the catalogue with the YAML library the loader uses (%s), "
            "plus reading every recording file and parsing each `.recording.yaml` with it "
            "(bench/floors.cpp). Goal: within 1.5× of the floor." % yaml_lib)
    out.add()
    fc, fl, ver, true_ = measure(
        runs,
        ("factcheck verify (table)", [factcheck, "verify", DEEPSEEK, "--mode", "offline"]),
        ("floor", [floor, yaml_lib, DEEPSEEK, "--recordings", RECORDINGS]),
        ("factcheck --version", [factcheck, "--version"]),
        ("floor: a process that links yaml-cpp and nlohmann_json, reads nothing",
         [floor, "read", "/dev/null"]),
    )
    out.table(["work", "time", "peak memory", "× floor"],
              [[fc.label, fc.time_cell(), fc.memory_cell(), ratio(fc, fl)],
               [fl.label, fl.time_cell(), fl.memory_cell(), ""],
               [ver.label, ver.time_cell(), ver.memory_cell(), ratio(ver, true_)],
               [true_.label, true_.time_cell(), true_.memory_cell(), ""]])
    out.goal("offline verify of the DeepSeek catalogue, × its floor", fc.median / fl.median, 1.5)
    startup(out, factcheck, floor)

    out.add("## Scale: offline verify of N claims, YAML and JSON (`--format json`)")
    out.add()
    out.add("Floors: a bare parse of the same file: %s for YAML (the loader's library), "
            "nlohmann/json for JSON. Overhead a claim = (factcheck − floor) / N: what "
            "schema checks, judging and the report add beyond the parse. Goals: YAML no "
            "slower than yaml-cpp's bare parse; JSON within 2× of nlohmann/json; at most 5 µs "
            "a claim; 100,000 claims under 200 MB." % yaml_lib)
    out.add()
    rows = []
    sizes = [100, 1000, 10000] + ([] if quick else [100000])
    for n in sizes:
        for fmt, lib in (("yaml", yaml_lib), ("json", "nlohmann")):
            path = catalogue(tmp, n, fmt)
            figures = [("factcheck", [factcheck] + offline[:1] + [path] + offline[1:]
                        + ["--format", "json"]),
                       ("floor", [floor, lib, path])]
            if fmt == "yaml" and lib != "yaml-cpp":
                figures.append(("yaml-cpp", [floor, "yaml-cpp", path]))
            measured = measure(runs, *figures)
            fc, fl = measured[0], measured[1]
            per_claim = (fc.median - fl.median) / n * 1e6
            extra = ""
            if len(measured) > 2:
                extra = "; yaml-cpp alone %s (%s)" % (measured[2].time_cell(),
                                                     ratio(fc, measured[2]))
            if n == 10000 and fmt == "yaml":
                cpp = measured[2] if len(measured) > 2 else fl
                out.goal("10,000 claims YAML, × a bare yaml-cpp parse", fc.median / cpp.median, 1)
            if n == 10000 and fmt == "json":
                out.goal("10,000 claims JSON, × a bare nlohmann/json parse",
                         fc.median / fl.median, 2)
            if n >= 10000:
                out.goal("{:,} claims {}: overhead a claim beyond the parse".format(n, fmt.upper()),
                         per_claim, 5, " µs")
            if n == 100000:
                out.goal("100,000 claims %s: peak memory" % fmt.upper(), fc.peak / 1024, 200,
                         " MB")
            rows.append(["%d %s" % (n, fmt.upper()), fc.time_cell(), fc.memory_cell(),
                         "%s: %s, %s%s" % (lib, fl.time_cell(), fl.memory_cell(), extra),
                         ratio(fc, fl), "%.1f µs" % per_claim])
    out.table(["claims", "factcheck", "peak", "floor", "× floor", "overhead a claim"], rows)

    out.add("## YAML libraries on the 10,000-claim catalogue")
    out.add()
    out.add("A bare parse of the same file with each library (bench/floors.cpp): "
            "`events` only walks the event stream, taking each scalar's text (what a loader "
            "that builds its own tree needs); `document` builds the library's own tree. "
            "nlohmann/json on the same claims as JSON for comparison.")
    out.add()
    path = catalogue(tmp, 10000, "yaml")
    libs = [("yaml-cpp (YAML::Load, tree)", "yaml-cpp")]
    available = sh([floor, "libyaml", "/dev/null"]).returncode != 2
    if available:
        libs += [("libyaml (events)", "libyaml"), ("libyaml (document)", "libyaml-document")]
    if sh([floor, "libfyaml", "/dev/null"]).returncode != 2:
        libs += [("libfyaml (events)", "libfyaml"), ("libfyaml (document)", "libfyaml-document")]
    measured = measure(runs, *[(label, [floor, lib, path]) for label, lib in libs],
                       ("nlohmann/json (JSON of the same claims)",
                        [floor, "nlohmann", catalogue(tmp, 10000, "json")]))
    size = os.path.getsize(path) / 1e6
    out.table(["library", "time", "peak memory", "MB/s", "× yaml-cpp"],
              [[f.label, f.time_cell(), f.memory_cell(), "%.0f" % (size / f.median),
                ratio(f, measured[0])] for f in measured])

    out.add("## Every report format, 10,000 claims (YAML)")
    out.add()
    formats = ["table", "json", "ndjson", "junit", "sarif", "github", "markdown", "claimreview"]
    measured = measure(runs, ("floor (%s)" % yaml_lib, [floor, yaml_lib, path]),
                       *[(fmt, [factcheck] + offline[:1] + [path] + offline[1:]
                          + ["--format", fmt]) for fmt in formats])
    fl = measured[0]
    for f in measured[1:]:
        out.goal("10,000 claims YAML, --format %s: overhead a claim" % f.label,
                 (f.median - fl.median) / 10000 * 1e6, 5, " µs")
    out.table(["format", "time", "peak memory", "× floor", "overhead a claim"],
              [[f.label, f.time_cell(), f.memory_cell(), ratio(f, fl),
                "%.1f µs" % ((f.median - fl.median) / 10000 * 1e6) if f is not fl else ""]
               for f in measured])

    many_catalogues(out, factcheck, tmp, runs)
    documents(out, factcheck, tmp, runs)
    one_claim(out, factcheck, tmp, runs)
    if not quick:
        concurrency(out, build, runs)


def many_catalogues(out, factcheck, tmp, runs, copies=1000):
    """A newsroom's folder of catalogues in one run against one catalogue of
    the same claims (bench/make-catalogue.py: SYNTHETIC, the DeepSeek
    catalogue copied, ids unchanged in each file, renamed in the big one)."""
    folder = os.path.join(tmp, "catalogues")
    per = int(sh([sys.executable, "bench/make-catalogue.py", "--folder", folder, str(copies)],
                 check=True).stdout.strip())
    one = catalogue(tmp, copies * per, "yaml")
    offline = ["--mode", "offline", "--recordings", RECORDINGS, "--format", "json"]
    many, single = measure(
        runs,
        ("factcheck verify FOLDER (%s catalogues of %d claims)" % ("{:,}".format(copies), per),
         [factcheck, "verify", folder] + offline),
        ("factcheck verify FILE (one catalogue of {:,} claims)".format(copies * per),
         [factcheck, "verify", one] + offline))
    out.add("## Many catalogues in one run")
    out.add()
    out.add("{:,} catalogues of {} claims each (the DeepSeek catalogue's size; SYNTHETIC: "
            "the same catalogue copied, each file its own namespace of ids) in one run, "
            "`--format json`, against one catalogue of the same {:,} claims (ids renamed "
            "per copy). The issue's \"80,000 claims\" was 1,000 × the catalogue's size "
            "then (80 claims); it has {} now. Goal: within 1.2× of the one "
            "catalogue.".format(copies, per, copies * per, per))
    out.add()
    out.goal("{:,} catalogues of {} claims, × one catalogue of {:,}".format(
        copies, per, copies * per), many.median / single.median, 1.2)
    out.table(["work", "time", "peak memory", "× one catalogue"],
              [[many.label, many.time_cell(), many.memory_cell(), ratio(many, single)],
               [single.label, single.time_cell(), single.memory_cell(), ""]])


def opened_libraries(cmd):
    """The shared objects a run opened, by file name, from the dynamic
    loader's own log (LD_DEBUG=files): ldd of the binary does not show the
    modules it dlopen()s on first use (src/modules/modules.hpp), nor theirs."""
    env = dict(os.environ, LD_DEBUG="files")
    err = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT).stderr
    return sorted({os.path.basename(name) for name in re.findall(r"file=(\S+) \[\d+\];", err)})


def startup(out, factcheck, floor):
    libs = [line for line in sh(["ldd", factcheck]).stdout.splitlines() if "=>" in line]
    floor_libs = [line for line in sh(["ldd", floor]).stdout.splitlines() if "=>" in line]
    env = dict(os.environ, LD_DEBUG="statistics")
    stats = subprocess.run([factcheck, "--version"], capture_output=True, text=True,
                           env=env).stderr
    total = re.search(r"total startup time in dynamic loader:\s*(.*)", stats)
    relocs = re.search(r"number of relocations:\s*(\d+)", stats)
    out.add("Start-up: factcheck links %d shared libraries (ldd), the floor program %d; "
            "LD_DEBUG=statistics on `factcheck --version`: %s in the dynamic loader, %s "
            "relocations." % (len(libs), len(floor_libs),
                              total.group(1).strip() if total else "?",
                              relocs.group(1) if relocs else "?"))
    out.add()
    # The modules, loaded only by the runs that need them: how many
    # libraries each kind of run opens in all.
    lib = os.path.join(os.path.dirname(factcheck), "lib")
    modules = sorted(glob.glob(os.path.join(lib, "*", "factcheck", "*.so"))
                     + glob.glob(os.path.join(lib, "factcheck", "*.so")))
    rows = []
    for name in modules:
        needed = [line for line in sh(["ldd", name]).stdout.splitlines() if "=>" in line]
        rows.append(["`%s` (module)" % os.path.basename(name), "%d (ldd)" % len(needed)])
    runs = [
        ("`--version`", [factcheck, "--version"]),
        ("offline, market claims only", [factcheck, "verify", DEEPSEEK, "--mode", "offline",
                                         "--select", "nvda-fell-17pct,nasdaq-fell-3pct"]),
        ("offline, the whole DeepSeek catalogue (PDF and HTML documents)",
         [factcheck, "verify", DEEPSEEK, "--mode", "offline"]),
    ]
    for label, cmd in runs:
        opened = opened_libraries(cmd)
        loaded = [m for m in opened if m.startswith("libfactcheck-")]
        rows.append([label, "%d opened (LD_DEBUG=files)%s" % (
            len(opened), "; modules: " + ", ".join(loaded) if loaded else "; no module")])
    out.table(["binary, module or run", "shared libraries"], rows)


def documents(out, factcheck, tmp, runs):
    """PDF text: factcheck reading the report's text for one document claim,
    against pdftotext on the same file."""
    if not shutil.which("pdftotext"):
        out.add("PDF text: skipped (pdftotext not installed).")
        out.add()
        return
    pdf = REAL_PDF if os.path.exists(REAL_PDF) else os.path.join(
        ROOT, RECORDINGS, "document", "DeepSeek_V3.pdf")
    folder = os.path.join(tmp, "pdf-recordings", "document")
    os.makedirs(folder, exist_ok=True)
    shutil.copy(pdf, os.path.join(folder, "DeepSeek_V3.pdf"))
    digest = sh(["sha256sum", pdf]).stdout.split()[0]
    url = ("https://raw.githubusercontent.com/deepseek-ai/DeepSeek-V3/"
           "4c2fdb8f55e049553b9f4f1a3241f86d739c8cf8/DeepSeek_V3.pdf")
    with open(os.path.join(folder, "DeepSeek_V3.pdf.recording.yaml"), "w",
              encoding="utf-8") as f:
        f.write("url: %s\nstatus: 200\ncontent_type: application/pdf\nbody: DeepSeek_V3.pdf\n"
                "sha256: %s\nrecorded_at: \"2026-12-01\"\nprovenance: verbatim\n"
                "from: \"%s, for bench/run only\"\n" % (url, digest, pdf))
    # The catalogue's own recordings folder holds the cut-down PDF: a copy
    # without its `recordings:` line reads only the folder made here.
    alone = os.path.join(tmp, "pdf-catalogue.yaml")
    with open(os.path.join(ROOT, DEEPSEEK), encoding="utf-8") as f:
        text = re.sub(r"(?m)^recordings:.*\n", "", f.read())
    with open(alone, "w", encoding="utf-8") as f:
        f.write(text)
    pages = sh(["pdfinfo", pdf]).stdout
    found = re.search(r"Pages:\s*(\d+)", pages)
    fc, pt = measure(
        runs,
        ("factcheck verify --select deepseek-training-cost-5.6m (the PDF's text)",
         [factcheck, "verify", alone, "--mode", "offline", "--recordings",
          os.path.dirname(folder), "--select", "deepseek-training-cost-5.6m"]),
        ("pdftotext FILE -", ["pdftotext", pdf, "-"]))
    out.add("## PDF text: the DeepSeek-V3 report (%s pages, %s)"
            % (found.group(1) if found else "?", os.path.basename(os.path.dirname(pdf))))
    out.add()
    out.add("Goal: within 1.2× of pdftotext.")
    out.add()
    out.goal("PDF text, × pdftotext", fc.median / pt.median, 1.2)
    out.table(["work", "time", "peak memory", "× pdftotext"],
              [[fc.label, fc.time_cell(), fc.memory_cell(), ratio(fc, pt)],
               [pt.label, pt.time_cell(), pt.memory_cell(), ""]])


PANDAS = """
import sys, pandas
rows = pandas.read_csv(sys.argv[1], parse_dates=["Date"]).set_index("Date")
close = rows["Close"]
day = close.index.get_loc(pandas.Timestamp("2025-01-27"))
print("%.2f%%" % ((close.iloc[day] - close.iloc[day - 1]) / close.iloc[day - 1] * 100))
"""


def one_claim(out, factcheck, tmp, runs):
    # Asked of a child: importing pandas here would grow this script, not
    # what is measured, but keep the harness light.
    if subprocess.run([sys.executable, "-c", "import pandas"],
                      capture_output=True).returncode != 0:
        out.add("One change_pct claim: skipped (python3-pandas not installed).")
        out.add()
        return
    script = os.path.join(tmp, "change.py")
    with open(script, "w", encoding="utf-8") as f:
        f.write(PANDAS)
    csv = os.path.join(RECORDINGS, "stooq", "nvda.us.csv")
    fc, pd = measure(
        runs,
        ("factcheck verify --select nvda-fell-17pct",
         [factcheck, "verify", DEEPSEEK, "--mode", "offline", "--select", "nvda-fell-17pct"]),
        ("a pandas script: the same change from the same CSV", [sys.executable, script, csv]))
    out.add("## One change_pct claim against a pandas script")
    out.add()
    out.table(["work", "time", "peak memory", "× pandas"],
              [[fc.label, fc.time_cell(), fc.memory_cell(), ratio(fc, pd)],
               [pd.label, pd.time_cell(), pd.memory_cell(), ""]])


def concurrency(out, build, runs):
    binary = os.path.join(build, "bench", "factcheck_bench_concurrency")
    rows = []
    for _ in range(runs):
        text = sh([binary]).stdout
        sequential = float(re.search(r"--jobs 1:\s*([\d.]+)", text).group(1))
        concurrent = float(re.search(r"default:\s*([\d.]+)", text).group(1))
        floor = float(re.search(r"floor:\s*([\d.]+)", text).group(1))
        rows.append((sequential, concurrent, floor))
    med = [statistics.median(r[i] for r in rows) for i in range(3)]
    out.goal("live engine, speed-up over --jobs 1", med[0] / med[1], 6, at_least=True)
    out.goal("live engine, × its floor", med[1] / med[2], 1.25)
    out.add("## Live engine: 48 series behind a 200 ms loopback server")
    out.add()
    out.add("bench/concurrency.cpp (see bench/README.md). Goals: at least 6× faster than "
            "`--jobs 1`, within 1.25× of the floor.")
    out.add()
    out.table(["", "median (min–max)"],
              [["--jobs 1", "%.2f s (%.2f–%.2f)" % (med[0], min(r[0] for r in rows),
                                                   max(r[0] for r in rows))],
               ["default limits", "%.2f s (%.2f–%.2f)" % (med[1], min(r[1] for r in rows),
                                                         max(r[1] for r in rows))],
               ["floor", "%.2f s" % med[2]],
               ["speed-up", "%.1f×" % (med[0] / med[1])],
               ["× floor", "%.2f×" % (med[1] / med[2])]])


if __name__ == "__main__":
    main()
