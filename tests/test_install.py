"""The set-up contract around the interpreter: finding other Pythons, building the engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIND = REPO / ".ci" / "find-python"


def test_find_python_finds_a_working_interpreter_of_the_version() -> None:
    want = "{}.{}".format(*sys.version_info[:2])
    proc = subprocess.run(
        ["sh", str(FIND), want], capture_output=True, text=True, check=False, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    found = proc.stdout.strip()
    version = subprocess.run(
        [found, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    assert version == want


def test_find_python_fails_for_a_missing_version() -> None:
    proc = subprocess.run(
        ["sh", str(FIND), "2.99"], capture_output=True, text=True, check=False, timeout=60
    )
    assert proc.returncode == 1 and not proc.stdout


def test_make_builds_durable_rules_with_the_define_outside_the_wheel_cache() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "DURABLE_CPPFLAGS := -DPyEval_CallObject=PyObject_CallObject" in makefile
    assert "--no-cache-dir --no-binary durable-rules" in makefile
    # make test runs the smoke test under the other Pythons it finds
    assert "$(MAKE) --no-print-directory smoke" in makefile
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'CPPFLAGS="-DPyEval_CallObject=PyObject_CallObject" pip install' in readme
    assert "C compiler" in readme
