"""Terminal conventions: colour, -q and -v, python -m, the progress bar, engine import errors."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.cli.terminal import CheckProgress, use_color
from decaudit.engine.records.formats import RECORD_EXTENSIONS

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
ESC = "\x1b["

GOOD = """\
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


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DECAUDIT_DB", raising=False)
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "good.yaml").write_text(GOOD)
    (tmp_path / "decisions" / "broken.yaml").write_text("id: [unclosed\n")
    (tmp_path / "decisions" / "README.md").write_text("# Our decisions\n\nAn index.\n")
    (tmp_path / "decisions" / "adr-template.md").write_text(
        "# Render pages with a template engine\n\n## Status\n\nAccepted\n\n## Decision\n\n"
        "We render with Jinja.\n"
    )
    return tmp_path


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("flag", "env", "tty", "expected"),
    [
        (None, {}, True, True),
        (None, {}, False, False),
        (None, {"NO_COLOR": "1"}, True, False),
        (None, {"NO_COLOR": ""}, True, True),  # empty NO_COLOR is not set
        (None, {"FORCE_COLOR": "1"}, False, True),
        (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
        (True, {"NO_COLOR": "1"}, False, True),  # the flag wins
        (False, {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_use_color(flag: bool | None, env: dict[str, str], tty: bool, expected: bool) -> None:
    stream = FakeTTY() if tty else Pipe()
    assert use_color(flag, stream, env) is expected


def test_color_flag_and_force_color_colour_piped_output(folder: Path) -> None:
    _, plain, _ = invoke("check", "decisions/good.yaml", "--no-log")
    assert ESC not in plain
    _, forced, _ = invoke("check", "decisions/good.yaml", "--no-log", "--color")
    assert ESC in forced
    _, env_forced, _ = invoke("check", "decisions/good.yaml", "--no-log", env={"FORCE_COLOR": "1"})
    assert ESC in env_forced
    _, no_color, _ = invoke(
        "check", "decisions/good.yaml", "--no-log", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert ESC not in no_color


def test_quiet_keeps_error_lines_on_stderr(folder: Path) -> None:
    code, out, err = invoke("check", "decisions/", "--no-log", "-q")
    assert code == 2
    assert out.count("\n") == 1 and "1 error" in out  # the summary only
    assert "decaudit: decisions/broken.yaml:2: invalid YAML" in err


def test_verbose_lists_skipped_files_and_timings(folder: Path) -> None:
    (folder / "decisions" / ".hidden.yaml").write_text(GOOD)
    code, _, err = invoke("check", "decisions/", "--no-log", "-v", "--fail-on", "never")
    assert code == 2  # broken.yaml
    assert "skipped decisions/README.md: excluded by name (README.md" in err
    # a word inside a name never excludes a file: adr-template.md is read like the others
    assert "skipped decisions/adr-template.md" not in err
    assert "skipped decisions/.hidden.yaml: hidden" in err
    timings = [ln for ln in err.splitlines() if ln.startswith("decaudit: timings:")]
    assert len(timings) == 1
    for stage in ("rules", "records", "outputs", "total"):
        assert f"{stage} " in timings[0]
    _, _, quiet_err = invoke("check", "decisions/good.yaml", "--no-log")
    assert "timings" not in quiet_err and "skipped" not in quiet_err


def test_python_dash_m_decaudit() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "decaudit", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("decaudit, version ")


def test_engine_import_failure_exits_2_with_what_to_do(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "durable_rules_engine", None)  # import now fails
    code, out, err = invoke("check", "decisions/good.yaml", "--no-log", "--exit-zero")
    assert code == 2 and not out
    assert "durable_rules' C extension failed to import" in err
    assert 'CPPFLAGS="-DPyEval_CallObject=PyObject_CallObject"' in err
    assert "C compiler" in err and "Traceback" not in err


def test_progress_bar_shows_count_total_rate_and_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]

    def tick() -> float:
        clock[0] += 0.6
        return clock[0]

    monkeypatch.setattr("time.time", tick)  # click computes the ETA from time.time()
    stream = FakeTTY()
    bar = CheckProgress(4, stream)
    bar.phase("records")
    for i, name in enumerate(["a.yaml", "b.yaml", "c.yaml"], start=1):
        bar.record(i, name)
        bar.message("between records")  # -v lines go above the bar, which is redrawn
    bar.skip("README.md", "not a decision record")
    bar.phase("log")
    bar.outputs(2)
    bar.output("sarif -> out.sarif")
    bar.output_done()
    bar.close()
    text = stream.getvalue()
    assert "auditing" in text and "3/4" in text and "4/4" in text
    assert "3 records, " in text and "/s" in text
    assert ", eta 00:00:0" in text
    assert "writing the log" in text
    assert "writing outputs" in text and "sarif -> out.sarif" in text and "1/2" in text
    assert text.endswith("\r\x1b[K\x1b[?25h")  # the bar is erased at the end


def test_progress_bar_on_a_real_terminal(tmp_path: Path) -> None:
    """The real CLI under a pseudo-terminal: the bar is drawn on stderr, outputs included."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    args = ["check", str(SAMPLES), "--no-log", "--fail-on", "never", "-f", "text"]
    args += ["-f", "sarif", "-o", str(tmp_path / "out.sarif")]
    proc = subprocess.Popen(
        [sys.executable, "-m", "decaudit", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    out, _ = proc.communicate(timeout=60)
    os.close(master)
    text = b"".join(chunks).decode()
    total = sum(1 for p in SAMPLES.rglob("*") if p.suffix in RECORD_EXTENSIONS)
    assert proc.returncode == 0
    assert f"{total}/{total}" in text and "records, " in text
    assert "writing outputs" in text and "sarif -> " in text
    assert "\nFound " in out.decode()  # the findings on stdout, without colour
    assert ESC not in out.decode()


def test_no_progress_bar_when_quiet_or_piped(folder: Path) -> None:
    _, _, err = invoke("check", "decisions/good.yaml", "--no-log")
    assert "auditing" not in err
