"""The distribution stands alone: the sdist carries its tests' data, the wheel its data files;
the project metadata, the Datasette command and the pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from decaudit.cli.main import cli

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_project_urls_and_classifiers() -> None:
    project = PYPROJECT["project"]
    urls = project["urls"]
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(u.startswith("https://") for u in urls.values())
    classifiers = project["classifiers"]
    for version in ("3.11", "3.12", "3.13", "3.14"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert "Environment :: Console" in classifiers
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # decaudit is not on PyPI: the README never tells people to install it from there
    assert not re.search(r"pip install (-U )?decaudit\b(?![-\w])", readme)
    assert "git+https://" in readme


def test_manifest_ships_what_the_tests_read() -> None:
    manifest = (REPO / "MANIFEST.in").read_text(encoding="utf-8")
    for needed in ("graft samples", "graft tests", "graft docs", "action.yml", "Makefile"):
        assert needed in manifest


@pytest.mark.skipif(os.environ.get("DECAUDIT_SKIP_SDIST") == "1", reason="DECAUDIT_SKIP_SDIST=1")
def test_sdist_carries_samples_test_data_and_golden_files(tmp_path: Path) -> None:
    """Builds the sdist as a release would (``python -m build --sdist``) and checks that what
    the test suite reads is in it; ``make sdist-test`` runs the suite from it."""
    pytest.importorskip("build")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (name,) = [p.name for p in tmp_path.glob("decaudit-*.tar.gz")]
    with tarfile.open(tmp_path / name) as sdist:
        members = {m.split("/", 1)[1] for m in sdist.getnames() if "/" in m}
    for needed in (
        "samples/decision-register.csv",
        "samples/decision-register.xlsx",
        "tests/conftest.py",
        "tests/data/schemas/sarif-schema-2.1.0.json",
        "tests/golden/sample.sarif.sarif",
        "tests/golden/sample.py",
        "docs/ci.md",
        "action.yml",
        "engine/log/datasette-metadata.json",
        ".ci/find-python",
    ):
        assert needed in members, needed
    assert not any(m.endswith((".pyc", ".db")) for m in members)


def test_datasette_metadata_ships_in_the_package() -> None:
    from decaudit.cli.commands.datasette import metadata_file

    meta = json.loads(metadata_file().read_text(encoding="utf-8"))
    assert "findings" in meta["databases"]["decaudit"]["tables"]
    package_data = PYPROJECT["tool"]["setuptools"]["package-data"]["decaudit.engine"]
    assert "log/*.json" in package_data


def test_datasette_prints_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from decaudit.cli.commands.datasette import metadata_file

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    missing = runner.invoke(cli, ["datasette"])
    assert missing.exit_code == 2 and "no such audit log" in missing.stderr
    (tmp_path / "decaudit.db").write_bytes(b"")
    result = runner.invoke(cli, ["datasette"])
    assert result.exit_code == 0
    assert result.stdout.split() == [
        "datasette", "--immutable", "decaudit.db", "--metadata", str(metadata_file()),
    ]  # fmt: skip
    # another file name: metadata keyed on that name, as Datasette names the database
    (tmp_path / "audit.db").write_bytes(b"")
    other = runner.invoke(cli, ["datasette", "--db", "audit.db", "--port", "8123"])
    words = other.stdout.split()
    assert words[:3] == ["datasette", "--immutable", "audit.db"]
    assert words[-2:] == ["--port", "8123"]
    meta = json.loads(Path(words[4]).read_text())
    assert set(meta["databases"]) == {"audit"}


def test_datasette_open_without_datasette_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no datasette on PATH
    (tmp_path / "decaudit.db").write_bytes(b"")
    result = CliRunner().invoke(cli, ["datasette", "--open"])
    assert result.exit_code == 2
    assert "pip install datasette" in result.stderr and "datasette --immutable" in result.stderr


def test_docs_give_a_working_datasette_command() -> None:
    for doc in (REPO / "README.md", REPO / "docs" / "audit-log.md"):
        text = doc.read_text(encoding="utf-8")
        for line in re.findall(r"datasette [^`\n]*", text):
            if "--immutable" in line:
                # --immutable takes the database file as its argument
                assert re.search(r"--immutable \S+\.db", line), (doc.name, line)


HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_pre_commit_hook_covers_record_files_anywhere() -> None:
    hook = next(h for h in HOOKS if h["id"] == "decaudit")
    files = re.compile(hook["files"])
    for path in ("README.md", "a/b/c/decision.yaml", "x.yml", "deep/r.json", "reg.csv",
                 "registers/q3.xlsx", "docs/adr/0001-x.md", "log.jsonl"):  # fmt: skip
        assert files.search(path), path
    for path in ("main.py", "image.png", "notes.txt"):
        assert not files.search(path), path
    assert "--force-exclude" in hook["entry"] and "--no-log" in hook["entry"]


MADR = """\
---
status: accepted
date: 2026-02-01
decision-makers: [Pricing board]
---
# Price the premium range by value

## Context and Problem Statement

Our premium range is priced at cost plus 30%.

## Considered Options

* Cost plus 30%
* Value-based pricing

## Decision Outcome

Chosen option: "Value-based pricing", because customers pay for outcomes.
"""


def test_force_exclude_narrows_hook_files_by_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DECAUDIT_DB", raising=False)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Handbook\n")
    (tmp_path / "README.md").write_text("# Handbook\n\nHow we work.\n")
    decisions = tmp_path / "docs" / "decisions"
    decisions.mkdir(parents=True)
    (decisions / "0007-pricing.md").write_text(MADR)
    (decisions / "README.md").write_text("# Decisions\n\nThe index.\n")
    staged = [
        "README.md",
        ".github/workflows/ci.yml",
        "mkdocs.yml",
        "docs/decisions/0007-pricing.md",
        "docs/decisions/README.md",
    ]
    runner = CliRunner()
    args = ["check", "--no-log", "--force-exclude", "--fail-on", "never", "-f", "json"]
    # without configured paths, mkdocs.yml is read as if found in a walk: it holds no
    # decision record, so it is reported as skipped with the reason (never an error)
    loose = runner.invoke(cli, [*args, *staged])
    assert loose.exit_code == 0, loose.output
    skipped = {s["file"]: s["reason"] for s in json.loads(loose.stdout)["skipped"]}
    assert skipped["mkdocs.yml"].startswith("not a decision record")
    # the config narrows the hook's files to the folders that hold records
    (tmp_path / ".decaudit.toml").write_text('paths = ["docs/decisions"]\n')
    narrowed = runner.invoke(cli, [*args, *staged])
    assert narrowed.exit_code == 0, narrowed.output
    doc = json.loads(narrowed.stdout)
    assert doc["summary"]["records"] == 1 and doc["summary"]["errors"] == 0
    assert {f["file"] for f in doc["findings"]} <= {"docs/decisions/0007-pricing.md", ""}
    # nothing staged under the configured paths: nothing to audit, exit 0
    none = runner.invoke(cli, [*args, "README.md", "mkdocs.yml"])
    assert none.exit_code == 0 and json.loads(none.stdout)["summary"]["records"] == 0
    # without --force-exclude, a file named explicitly is always read
    plain = runner.invoke(cli, ["check", "--no-log", "README.md"])
    assert plain.exit_code == 2


def test_datasette_uses_the_configured_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Like every log command, datasette finds the log the settings resolver names."""
    (tmp_path / ".decaudit.toml").write_text('db = "logs/audit.db"\n', encoding="utf-8")
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "audit.db").write_bytes(b"")
    sub = tmp_path / "decisions"
    sub.mkdir()
    monkeypatch.chdir(sub)
    monkeypatch.delenv("DECAUDIT_DB", raising=False)
    result = CliRunner().invoke(cli, ["datasette"])
    assert result.exit_code == 0, result.output
    words = result.stdout.split()
    assert Path(words[2]).resolve() == (tmp_path / "logs" / "audit.db").resolve()
    assert set(json.loads(Path(words[4]).read_text())["databases"]) == {"audit"}
