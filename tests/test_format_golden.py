"""Golden-file tests: every output format of a fixed CheckResult, byte for byte.

The fixed result is in tests/golden/sample.py. After an intended change of a format,
regenerate the golden files with

    DECAUDIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_format_golden.py

then review the diff of tests/golden/. docs/ci.md quotes several of these outputs verbatim
(checked below): update its examples too.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from decaudit.engine.report import FORMATS, ReportOptions, get_renderer

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("DECAUDIT_UPDATE_GOLDEN") == "1"

EXTENSIONS = {
    "text": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "xml",
    "github": "txt",
    "markdown": "md",
    "brief": "md",
    "gitlab": "json",
}


def load_sample() -> ModuleType:
    spec = importlib.util.spec_from_file_location("decaudit_golden_sample", GOLDEN / "sample.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


sample = load_sample()

CASES = (
    [("sample", name, ReportOptions()) for name in FORMATS]
    + [("empty", name, ReportOptions()) for name in FORMATS]
    + [
        ("sample-color", "text", ReportOptions(color=True)),
        ("sample-waived", "sarif", ReportOptions(sarif_include_waived=True)),
        ("sample-cap1", "github", ReportOptions(max_annotations=1)),
    ]
)


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.exists(), f"missing golden file {path.name}: run with DECAUDIT_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs from the rendering"


@pytest.mark.parametrize(("case", "fmt", "options"), CASES, ids=[f"{c}-{f}" for c, f, _ in CASES])
def test_golden(
    case: str, fmt: str, options: ReportOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(sample.SOURCE_ROOT)
    result = sample.empty_result() if case == "empty" else sample.sample_result()
    actual = get_renderer(fmt)(result, options)
    check_golden(GOLDEN / f"{case}.{fmt}.{EXTENSIONS[fmt]}", actual)


def test_every_format_has_a_golden_file() -> None:
    for name in FORMATS:
        assert (GOLDEN / f"sample.{name}.{EXTENSIONS[name]}").exists()


def test_rendering_is_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample.SOURCE_ROOT)
    for name in FORMATS:
        render = get_renderer(name)
        assert render(sample.sample_result(), ReportOptions()) == render(
            sample.sample_result(), ReportOptions()
        )


@pytest.mark.parametrize(
    "name",
    ["sample.text.txt", "sample.junit.xml", "sample-cap1.github.txt", "sample.markdown.md"],
)
def test_docs_quote_the_golden_outputs(name: str) -> None:
    """docs/ci.md shows real output: these golden files appear in it verbatim."""
    docs = (GOLDEN.parents[1] / "docs" / "ci.md").read_text(encoding="utf-8")
    assert (GOLDEN / name).read_text(encoding="utf-8") in docs


def test_docs_quote_the_example_workflow() -> None:
    root = GOLDEN.parents[1]
    workflow = (root / "docs" / "examples" / "github-workflow.yml").read_text(encoding="utf-8")
    assert workflow in (root / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "github/codeql-action/upload-sarif" in workflow
    assert "-f markdown -o decaudit.md" in workflow and "GITHUB_STEP_SUMMARY" in workflow
