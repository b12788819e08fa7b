#!/usr/bin/env python3
"""The CI examples of docs/ci.md, each run as its host runs it.

- GitHub Actions: the workflow's steps; actions/checkout becomes a copy of a
  newsroom's repository (the DeepSeek catalogue and its recordings), and the
  factcheck action's composite steps (action.yml) run with `bash --noprofile
  --norc -eo pipefail`, in the workspace, with the variables a runner sets
  (GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, ...),
  inputs resolved into their env as the runner does; step outputs are read
  back from GITHUB_OUTPUT in its own format, and the `if:` of the SARIF upload
  is evaluated.
- GitLab CI: the job's before_script and script in one bash with `set -eo
  pipefail`, in CI_PROJECT_DIR, as gitlab-runner's shell executor runs them;
  its artifacts:reports:junit glob is then read back as GitLab would.
- pre-commit: the hooks of .pre-commit-hooks.yaml through the real
  `pre-commit try-repo`, on a temporary git repository (skipped, with a
  note, when pre-commit is not installed; scripts/install-ci-readers
  installs it).

Usage: tests/ci_hosts_test.py path/to/factcheck   (from the repository root)
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

ROOT = os.getcwd()
FACTCHECK = os.path.abspath(sys.argv[1])
CATALOGUE = "claims/deepseek-2025-01-27.yaml"
# The summary the hosts must show: the binary's own, on the source tree (the
# hosts run the same catalogue; the reports' goldens pin the figures).
SUMMARY = subprocess.run([FACTCHECK, "verify", CATALOGUE, "--mode", "offline", "-q"],
                         capture_output=True, text=True).stdout.strip()
SUMMARY = SUMMARY.removesuffix(" (offline mode)")
# The claims the reports carry, and how many are contradicted, from the same run.
VERDICTS = [json.loads(line) for line in subprocess.run(
    [FACTCHECK, "verify", CATALOGUE, "--mode", "offline", "--format", "ndjson"],
    capture_output=True, text=True).stdout.splitlines()]
CLAIMS = len(VERDICTS)
CONTRADICTED = sum(1 for v in VERDICTS if v["verdict"] == "contradicted")
if not (CLAIMS > 0 and CONTRADICTED > 0 and SUMMARY.startswith(f"{CLAIMS} claims")):
    raise SystemExit(f"the source tree's own run gave no verdicts to compare with: {SUMMARY!r}")
failures = []


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    failures.append(message)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def docs_block(name):
    """The fenced block after `<!-- ci-test: NAME -->` in docs/ci.md."""
    with open(os.path.join(ROOT, "docs/ci.md"), encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"<!-- ci-test: " + re.escape(name) + r" -->\n```yaml\n(.*?)```", text, re.S)
    if not match:
        raise SystemExit(f"docs/ci.md has no block marked ci-test: {name}")
    return match.group(1)


def newsroom_repository(path):
    """A journalist's repository: a catalogue and the recordings it names."""
    os.makedirs(os.path.join(path, "claims"))
    shutil.copy(os.path.join(ROOT, CATALOGUE), os.path.join(path, "claims"))
    shutil.copytree(os.path.join(ROOT, "fixtures/deepseek-2025-01-27"),
                    os.path.join(path, "fixtures/deepseek-2025-01-27"))


def tool_path(tmp):
    """PATH with factcheck on it, as an installed package puts it."""
    bin_dir = os.path.join(tmp, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    link = os.path.join(bin_dir, "factcheck")
    if not os.path.exists(link):
        os.symlink(FACTCHECK, link)
    return bin_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")


def read_github_file_commands(path):
    """GITHUB_OUTPUT's format: name=value, or name<<DELIMITER ... DELIMITER."""
    values = {}
    if not os.path.exists(path):
        return values
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            while i < len(lines) and lines[i] != delimiter:
                body.append(lines[i])
                i += 1
            i += 1
            values[name] = "\n".join(body)
        else:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def expression(text, inputs, steps):
    """${{ }} expressions as far as action.yml uses them."""
    def value(expr):
        expr = expr.strip()
        python = re.sub(r"steps\.([\w-]+)\.outputs\.([\w-]+)",
                        lambda m: repr(steps.get(m.group(1), {}).get(m.group(2), "")), expr)
        python = re.sub(r"inputs\.([\w-]+)", lambda m: repr(inputs.get(m.group(1), "")), python)
        python = python.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
        return eval(python, {"__builtins__": {}}, {})  # noqa: S307 -- our own action.yml only

    whole = re.fullmatch(r"\$\{\{(.*)\}\}", text.strip(), re.S)
    if whole:
        return value(whole.group(1))
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(value(m.group(1))), text)


def run_action(tmp, inputs_given, label, prepare=None):
    """The action's composite steps, as a runner runs them; returns
    (exit code of the first failing run step or 0, outputs, stdout, summary,
    whether the SARIF upload would run and with what)."""
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for name, value in inputs_given.items():
        inputs[name] = "true" if value is True else "false" if value is False else str(value)
    for name, spec in action["inputs"].items():
        if spec.get("required"):
            check(inputs.get(name), f"{label}: required input {name} is empty")

    runner = os.path.join(tmp, "runner")
    workspace = os.path.join(tmp, "workspace")
    os.makedirs(os.path.join(runner, "temp"))
    newsroom_repository(workspace)
    if prepare:
        prepare(workspace)
    summary_file = os.path.join(runner, "step_summary")
    open(summary_file, "w").close()
    base_env = {
        "PATH": tool_path(tmp), "HOME": os.path.join(tmp, "home"), "CI": "true",
        "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": workspace,
        "GITHUB_ACTION_PATH": ROOT, "GITHUB_REPOSITORY": "newsroom/claims",
        "GITHUB_SHA": "0" * 40, "GITHUB_REF": "refs/heads/main", "GITHUB_EVENT_NAME": "push",
        "GITHUB_RUN_ID": "1", "GITHUB_JOB": "factcheck", "GITHUB_STEP_SUMMARY": summary_file,
        "GITHUB_ENV": os.path.join(runner, "env"), "GITHUB_PATH": os.path.join(runner, "path"),
        "RUNNER_TEMP": os.path.join(runner, "temp"), "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64",
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"), "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "LANG": "C.UTF-8",
    }
    steps = {}
    stdout = ""
    code = 0
    upload = None
    for n, step in enumerate(action["runs"]["steps"]):
        condition = step.get("if", "success()")
        run_it = code == 0 if condition == "success()" else expression(condition, inputs, steps)
        if "uses" in step:
            if run_it:
                upload = {k: expression(str(v), inputs, steps) for k, v in step.get("with", {}).items()}
            continue
        if not run_it:
            continue
        env = dict(base_env)
        env["GITHUB_OUTPUT"] = os.path.join(runner, f"output_{n}")
        for name, value in step.get("env", {}).items():
            env[name] = str(expression(str(value), inputs, steps))
        check(step.get("shell") == "bash", f"{label}: step {step.get('name')} is not shell: bash")
        script = os.path.join(runner, f"step_{n}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(step["run"])
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                                cwd=workspace, env=env, capture_output=True, text=True,
                                timeout=300)
        stdout += result.stdout
        if "id" in step:
            steps[step["id"]] = read_github_file_commands(env["GITHUB_OUTPUT"])
        if result.returncode != 0:
            code = result.returncode
            if result.returncode not in (1, 2, 3):
                print(result.stderr, file=sys.stderr)
    with open(summary_file, encoding="utf-8") as f:
        summary = f.read()
    outputs = {name: expression(spec["value"], inputs, steps) for name, spec in action["outputs"].items()}
    return code, outputs, stdout, summary, upload


def test_github():
    workflow = yaml.safe_load(docs_block("github-workflow"))
    job = workflow["jobs"]["factcheck"]
    uses = [step.get("uses", "") for step in job["steps"]]
    check(uses[0].startswith("actions/checkout@"), "workflow: the first step is not actions/checkout")
    ours = [step for step in job["steps"] if re.fullmatch(r"[\w-]+/factcheck@[\w.-]+", step.get("uses", ""))]
    if not check(len(ours) == 1, "workflow: no step uses the factcheck action"):
        return
    inputs = dict(ours[0].get("with", {}))
    # The .deb route is scripts/package-check's (it installs into the
    # system); here factcheck is on PATH, as after that install.
    inputs["deb"] = ""
    check(inputs.get("mode") == "offline", "workflow example: mode is not offline")
    check(job.get("permissions", workflow.get("permissions", {})).get("security-events") == "write",
          "workflow: no security-events: write for the SARIF upload")

    with tempfile.TemporaryDirectory() as tmp:
        code, outputs, stdout, summary, upload = run_action(tmp, inputs, "github")
        check(code == 1, f"github: the step exited {code}, expected 1 (contradicted claims)")
        check("::error file=claims/deepseek-2025-01-27.yaml,line=21,title=contradicted%3A "
              "nvda-market-value-lost-over-600bn::" in stdout,
              "github: no annotation on line 21 of the catalogue")
        check("::group::factcheck verify claims/deepseek-2025-01-27.yaml" in stdout,
              "github: the log has no group for the catalogue")
        check(summary.startswith("# ") and "nvda-market-value-lost-over-600bn" in summary,
              "github: the job summary is not the Markdown report")
        check(outputs["exit-code"] == "1", f"github: output exit-code {outputs['exit-code']!r}")
        check(outputs["summary"] == f"claims/deepseek-2025-01-27.yaml: {SUMMARY} (exit 1)",
              f"github: output summary {outputs['summary']!r}")
        if check(upload is not None, "github: the SARIF upload step would not run"):
            sarif_dir = upload.get("sarif_file", "")
            check(sarif_dir == outputs["sarif"] and os.path.isdir(sarif_dir),
                  f"github: upload-sarif gets {sarif_dir!r}, not the SARIF folder")
            logs = sorted(glob.glob(os.path.join(sarif_dir, "*.sarif")))
            if check(len(logs) == 1, f"github: {len(logs)} SARIF logs, expected 1"):
                with open(logs[0], encoding="utf-8") as f:
                    sarif = json.load(f)
                run = sarif["runs"][0]
                check(sarif.get("version") == "2.1.0", "github: SARIF version")
                check(run.get("automationDetails", {}).get("id") == "factcheck/claims/deepseek-2025-01-27.yaml/",
                      f"github: SARIF category {run.get('automationDetails')}")
                errors = [r for r in run["results"] if r.get("level") == "error"]
                check(len(errors) == CONTRADICTED,
                      f"github: {len(errors)} SARIF errors, expected {CONTRADICTED} contradicted")

    # A glob that matches nothing fails the step (2), never passes silently.
    with tempfile.TemporaryDirectory() as tmp:
        code, outputs, stdout, _, upload = run_action(
            tmp, {"catalogues": "articles/*.yaml", "mode": "offline"}, "github (no match)")
        check(code == 2, f"github: a glob matching nothing exited {code}, expected 2")
        check("::error title=factcheck::no catalogue matches articles/*.yaml" in stdout,
              "github: no annotation for the glob that matches nothing")
        check(upload is None, "github: the SARIF upload would run without sarif: true")

    # A catalogue that does not load: 2, each mistake annotated on its line,
    # and the other catalogue still verified.
    def broken(workspace):
        with open(os.path.join(workspace, CATALOGUE), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(workspace, "claims/broken.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace('    claimed: "17%"\n', '    claimed: "17%"\n    clamed: typo\n', 1))

    with tempfile.TemporaryDirectory() as tmp:
        code, outputs, stdout, _, _ = run_action(
            tmp, {"catalogues": "claims/*.yaml", "mode": "offline"}, "github (broken)", broken)
        check(code == 2, f"github: a broken catalogue exited {code}, expected 2")
        check(re.search(r"^::error file=claims/broken\.yaml,line=\d+,title=factcheck::.*clamed", stdout, re.M),
              f"github: no annotation on the broken catalogue's line: {stdout[-500:]}")
        check("::error file=claims/deepseek-2025-01-27.yaml,line=21," in stdout,
              "github: the good catalogue beside the broken one was not verified")
        lines = outputs["summary"].split("\n")
        check(len(lines) == 2 and lines[0].startswith("claims/broken.yaml: not verified: claims/broken.yaml:")
              and lines[1] == f"{CATALOGUE}: {SUMMARY} (exit 1)",
              f"github: output summary {outputs['summary']!r}")

    # Nothing to fail on: 0, and the outputs say so.
    with tempfile.TemporaryDirectory() as tmp:
        code, outputs, _, _, _ = run_action(
            tmp, {"catalogues": CATALOGUE, "mode": "offline", "fail-on": "none"}, "github (none)")
        check(code == 0 and outputs["exit-code"] == "0",
              f"github: --fail-on none exited {code} (output {outputs['exit-code']!r}), expected 0")


def test_gitlab():
    text = docs_block("gitlab-job")
    with open(os.path.join(ROOT, "ci/factcheck.gitlab-ci.yml"), encoding="utf-8") as f:
        check(f.read() == text, "docs/ci.md's GitLab job differs from ci/factcheck.gitlab-ci.yml")
    job = yaml.safe_load(text)["factcheck"]
    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, "project")
        newsroom_repository(project)
        env = {
            "PATH": tool_path(tmp), "HOME": os.path.join(tmp, "home"), "CI": "true",
            "GITLAB_CI": "true", "CI_SERVER": "yes", "CI_PROJECT_DIR": project,
            "CI_JOB_NAME": "factcheck", "CI_JOB_STAGE": job.get("stage", "test"),
            "CI_COMMIT_SHA": "0" * 40, "CI_PIPELINE_SOURCE": "push",
            "XDG_CACHE_HOME": os.path.join(tmp, "cache"), "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "LANG": "C.UTF-8",
        }
        env.update({name: str(value) for name, value in job.get("variables", {}).items()})
        # A project CI/CD variable overrides the job's: offline, no network.
        env["FACTCHECK_MODE"] = "offline"
        script = "set -eo pipefail\n" + "\n".join(job.get("before_script", []) + job["script"]) + "\n"
        result = subprocess.run(["bash", "--noprofile", "--norc", "-c", script], cwd=project, env=env,
                                capture_output=True, text=True, timeout=300)
        check(result.returncode == 1, f"gitlab: the job exited {result.returncode}, expected 1: {result.stderr}")
        check(f"{SUMMARY} (offline mode)" in result.stdout, "gitlab: the job log has no summary line")
        reports = job["artifacts"]["reports"]["junit"]
        files = sorted(glob.glob(os.path.join(project, reports)))
        if check(len(files) == 1, f"gitlab: {len(files)} JUnit reports match {reports}, expected 1"):
            tree = ET.parse(files[0])
            cases = tree.getroot().findall(".//testcase")
            failed = [c for c in cases if c.find("failure") is not None]
            check(len(cases) == CLAIMS, f"gitlab: {len(cases)} test cases, expected {CLAIMS}")
            check(len(failed) == CONTRADICTED,
                  f"gitlab: {len(failed)} failed test cases, expected {CONTRADICTED} contradicted")
        check(job["artifacts"].get("when") == "always", "gitlab: artifacts not kept when the job fails")


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)


def test_pre_commit():
    if shutil.which("pre-commit") is None:
        print("pre-commit is not installed: its hooks are not run (scripts/install-ci-readers installs it)",
              file=sys.stderr)
        return
    config = yaml.safe_load(docs_block("pre-commit-config"))
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(f)}
    ids = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    for hook_id in ids:
        check(hook_id in hooks, f"pre-commit: docs/ci.md names hook {hook_id}, which .pre-commit-hooks.yaml lacks")

    with tempfile.TemporaryDirectory() as tmp:
        repo = os.path.join(tmp, "newsroom")
        newsroom_repository(repo)
        env = dict(os.environ, PATH=tool_path(tmp), HOME=os.path.join(tmp, "home"),
                   PRE_COMMIT_HOME=os.path.join(tmp, "pre-commit-cache"),
                   XDG_CACHE_HOME=os.path.join(tmp, "cache"),
                   GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.org",
                   GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.org")
        os.environ.update({k: env[k] for k in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL",
                                               "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")})
        git(repo, "init", "-q")
        git(repo, "add", ".")

        def try_repo(hook_id):
            return subprocess.run(["pre-commit", "try-repo", ROOT, hook_id, "--all-files"], cwd=repo,
                                  env=env, capture_output=True, text=True, timeout=300)

        for hook_id in ids:
            result = try_repo(hook_id)
            check(result.returncode == 0,
                  f"pre-commit: {hook_id} refused the DeepSeek catalogue: {result.stdout}{result.stderr}")
            check("Passed" in result.stdout, f"pre-commit: {hook_id} did not run on the catalogue: {result.stdout}")

        # A typo in a key: validate refuses it with file:line.
        path = os.path.join(repo, CATALOGUE)
        with open(path, encoding="utf-8") as f:
            good = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(good.replace('    claimed: "17%"\n', '    claimed: "17%"\n    clamed: typo\n', 1))
        git(repo, "add", ".")
        result = try_repo("factcheck-validate")
        check(result.returncode == 1, f"pre-commit: validate passed a broken catalogue: {result.stdout}")
        check(re.search(r"claims/deepseek-2025-01-27\.yaml:\d+:", result.stdout) is not None,
              f"pre-commit: validate's output has no file:line: {result.stdout}")

        # A claim without a recording: verify-offline refuses it (an error
        # verdict), validate does not.
        with open(path, "w", encoding="utf-8") as f:
            f.write(good.replace('series: "stooq:nvda.us", date: 2025-01-27, direction: fall}',
                                 'series: "stooq:aapl.us", date: 2025-01-27, direction: fall}', 1))
        git(repo, "add", ".")
        check(try_repo("factcheck-validate").returncode == 0, "pre-commit: validate refused a valid catalogue")
        result = try_repo("factcheck-verify-offline")
        check(result.returncode == 1,
              f"pre-commit: verify-offline passed a claim its recordings cannot settle: {result.stdout}")

        # A file outside claims/ is not a catalogue: not looked at.
        os.makedirs(os.path.join(repo, "notes"))
        with open(os.path.join(repo, "notes/todo.yaml"), "w", encoding="utf-8") as f:
            f.write("- call the desk\n")
        with open(path, "w", encoding="utf-8") as f:
            f.write(good)
        git(repo, "add", ".")
        result = try_repo("factcheck-validate")
        check(result.returncode == 0, f"pre-commit: validate looked at notes/todo.yaml: {result.stdout}")


test_github()
test_gitlab()
test_pre_commit()
if failures:
    print(f"{len(failures)} failure(s)", file=sys.stderr)
    sys.exit(1)
print("ci hosts: all checks passed")
