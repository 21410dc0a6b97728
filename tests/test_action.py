"""The composite GitHub Action (action.yml): its inputs, and its check step really run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
DECAUDIT = Path(sys.executable).with_name("decaudit")

RECORD = """\
id: DEC-1
title: Open a second bakery line
status: accepted
date: 2026-01-10
options:
  - title: Second line in Leeds
    kind: incremental
    chosen: true
  - title: Do nothing
    kind: do-nothing
"""


def step(step_id: str) -> dict[str, Any]:
    (found,) = [s for s in ACTION["runs"]["steps"] if s.get("id") == step_id]
    return found


def test_inputs_outputs_and_steps() -> None:
    assert ACTION["runs"]["using"] == "composite"
    for name in ("paths", "fail-on", "sarif-category", "baseline"):
        assert name in ACTION["inputs"], name
    assert {"exit-code", "sarif-file", "checked-paths"} <= set(ACTION["outputs"])
    uses = [s.get("uses", "") for s in ACTION["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    install = " ".join(s.get("run", "") for s in ACTION["runs"]["steps"])
    assert 'CPPFLAGS="-DPyEval_CallObject=PyObject_CallObject"' in install
    # inputs reach scripts through the environment, never spliced into the script text
    for s in ACTION["runs"]["steps"]:
        assert "${{" not in s.get("run", ""), s["name"]


def run_check_step(
    workspace: Path, inputs: dict[str, str], tmp_path: Path
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    if not DECAUDIT.exists() and shutil.which("decaudit") is None:
        pytest.skip("decaudit is not installed beside this python")
    output = tmp_path / "github_output"
    summary = tmp_path / "step_summary"
    output.write_text("")
    summary.write_text("")
    defaults = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    env = {
        **os.environ,
        "PATH": f"{DECAUDIT.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(tmp_path),
        "DECAUDIT_DB": str(tmp_path / "unused.db"),
    }
    for name, value in {**defaults, **inputs}.items():
        env["INPUT_" + name.upper().replace("-", "_")] = value
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step("check")["run"]],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return proc, outputs


def test_missing_folders_are_skipped_with_a_notice(tmp_path: Path) -> None:
    workspace = tmp_path / "repo"
    (workspace / "decisions").mkdir(parents=True)
    (workspace / "decisions" / "bakery.yaml").write_text(RECORD)
    proc, outputs = run_check_step(
        workspace,
        {"paths": "decisions docs/adr", "sarif-category": "decisions", "fail-on": "medium"},
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr  # the last step fails the job, after the upload
    assert "::notice title=decaudit::docs/adr does not exist: not checked" in proc.stdout
    assert outputs["checked-paths"] == "decisions"
    assert outputs["exit-code"] == "1"  # medium findings
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    assert sarif["runs"][0]["automationDetails"]["id"] == "decisions/"
    assert any(
        line.startswith("::warning file=decisions/bakery.yaml") for line in proc.stdout.splitlines()
    )
    assert (tmp_path / "step_summary").read_text().startswith("#")


def test_nothing_to_check_passes(tmp_path: Path) -> None:
    workspace = tmp_path / "repo"
    workspace.mkdir()
    proc, outputs = run_check_step(workspace, {}, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "none of the paths exist: nothing to check" in proc.stdout
    assert outputs == {"checked-paths": "", "exit-code": "0", "sarif-file": ""}


def test_paths_one_per_line_may_hold_spaces_and_a_baseline_applies(tmp_path: Path) -> None:
    workspace = tmp_path / "repo"
    folder = workspace / "board decisions"
    folder.mkdir(parents=True)
    (folder / "bakery.yaml").write_text(RECORD)
    subprocess.run(
        [str(DECAUDIT), "check", "board decisions", "--no-log", "--write-baseline", "base.json"],
        cwd=workspace,
        capture_output=True,
        check=False,
        timeout=300,
    )
    proc, outputs = run_check_step(
        workspace,
        {"paths": "board decisions\n  missing\n", "baseline": "base.json", "fail-on": "info"},
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert outputs["checked-paths"] == "board decisions"
    assert outputs["exit-code"] == "0"  # every finding is in the baseline


EXAMPLES = REPO / "docs" / "examples"


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    path = f"{DECAUDIT.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env={**os.environ, "PATH": path, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_documented_workflows_parse_and_use_the_action() -> None:
    with_action = yaml.safe_load((EXAMPLES / "github-workflow-action.yml").read_text())
    steps = with_action["jobs"]["decaudit"]["steps"]
    (action_step,) = [s for s in steps if s.get("uses", "").startswith("decaudit/decaudit@")]
    assert set(action_step["with"]) <= set(ACTION["inputs"])
    docs = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in ("github-workflow.yml", "github-workflow-action.yml", "gitlab-ci.yml"):
        assert (EXAMPLES / name).read_text(encoding="utf-8") in docs, name


def test_raw_workflow_checks_only_existing_folders(tmp_path: Path) -> None:
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text())
    job = workflow["jobs"]["decaudit"]
    (check,) = [s for s in job["steps"] if s.get("id") == "check"]
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "bakery.yaml").write_text(RECORD)
    proc = _bash(check["run"], tmp_path, {"DECAUDIT_DB": str(tmp_path / "x.db"), **job["env"]})
    assert proc.returncode == 1, proc.stdout + proc.stderr  # ALT001 is high
    assert "::notice::docs/adr does not exist: not checked" in proc.stdout
    sarif = json.loads((tmp_path / "decaudit.sarif").read_text())
    assert sarif["runs"][0]["automationDetails"]["id"] == "decisions/"
    assert (tmp_path / "decaudit-junit.xml").exists() and (tmp_path / "decaudit.md").exists()


def test_gitlab_job_script_writes_the_code_quality_report(tmp_path: Path) -> None:
    job = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text())["decaudit"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    script = "\n".join(line for line in job["script"] if not line.startswith("pip install"))
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "bakery.yaml").write_text(RECORD)
    proc = _bash(script, tmp_path, {"DECAUDIT_DB": str(tmp_path / "x.db"), **job["variables"]})
    assert proc.returncode == 1, proc.stdout + proc.stderr  # ALT001 is high
    assert "docs/adr does not exist, not checked" in proc.stdout
    issues = json.loads((tmp_path / "gl-code-quality-report.json").read_text())
    assert issues and {i["location"]["path"] for i in issues} == {"decisions/bakery.yaml"}
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = _bash(script, empty, {"DECAUDIT_DB": str(tmp_path / "x.db"), **job["variables"]})
    assert proc.returncode == 0 and "nothing to check" in proc.stdout
