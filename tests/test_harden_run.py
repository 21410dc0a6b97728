"""Hardening of the check run: one bad record never sinks a run, outputs never destroy
special files, runs that audit nothing are errors, errors always reach stderr, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.files import write_atomic

GOOD = {
    "id": "GOOD-1",
    "title": "Replace the ERP",
    "options": [
        {"title": "Cloud ERP", "kind": "incremental", "chosen": True},
        {"title": "Keep it", "kind": "do-nothing"},
    ],
}


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "decaudit.cli.main", *args],
        capture_output=True,
        text=True,
        input=input,
        timeout=120,
    )


# -- 1. one oversized integer no longer sinks the run --------------------------------------


def test_huge_integer_is_that_records_error_and_the_run_goes_on(tmp_path: Path) -> None:
    huge = dict(GOOD, id="HUGE-1")
    huge["options"] = [
        {"title": "A", "chosen": True, "business_case": {"npv": int("9" * 400)}},
        {"title": "B"},
    ]
    # a JSON integer of 400 digits, written by hand (json.dumps would too, but be explicit)
    (tmp_path / "a-huge.json").write_text(json.dumps(huge), encoding="utf-8")
    _write(tmp_path / "b-good.json", GOOD)
    db = tmp_path / "log.db"
    proc = _run("check", str(tmp_path), "--db", str(db), "-f", "json")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["records"] == 1  # the good record was audited
    assert any("a-huge.json" in e["file"] for e in report["errors"])
    assert "must be at most" in proc.stderr or "too large" in proc.stderr
    # and the run was logged, with its error
    verify = _run("verify", "--db", str(db))
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_an_exception_inside_one_record_is_isolated(tmp_path: Path, monkeypatch) -> None:
    """Any exception while evaluating a record becomes that record's error (exit 2)."""
    import decaudit.engine.evaluate as evaluate

    real = evaluate.record_findings

    def flaky(evaluator, src, ctx):  # type: ignore[no-untyped-def]
        if src.record.id == "BOOM":
            raise OverflowError("int too large to convert to float")
        return real(evaluator, src, ctx)

    monkeypatch.setattr(evaluate, "record_findings", flaky)
    _write(tmp_path / "a.json", dict(GOOD, id="BOOM"))
    _write(tmp_path / "b.json", GOOD)
    result = run_check(CheckOptions(paths=(str(tmp_path),), db=str(tmp_path / "l.db")))
    assert result.exit_code == 2
    assert result.record_count == 1
    (err,) = result.errors
    assert err.file.endswith("a.json") and err.line == 1
    assert "OverflowError" in err.message and "BOOM" in err.message
    assert result.run_id is not None  # logged


def test_a_reader_crash_is_that_files_error(tmp_path: Path, monkeypatch) -> None:
    import decaudit.engine.records.sources as sources

    real = sources.loader_for

    def broken(path: str, text: str):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("division by zero")
        yield  # pragma: no cover

    monkeypatch.setattr(
        sources,
        "loader_for",
        lambda path, text: broken if path.endswith(".yaml") else real(path, text),
    )
    (tmp_path / "a.yaml").write_text("id: A\ntitle: t\n", encoding="utf-8")
    _write(tmp_path / "b.json", GOOD)
    result = run_check(CheckOptions(paths=(str(tmp_path),)))
    assert result.exit_code == 2 and result.record_count == 1
    (err,) = result.errors
    assert "ZeroDivisionError" in err.message and err.file.endswith("a.yaml")


# -- 2. -o onto special files -----------------------------------------------------------------


def test_output_into_a_fifo_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    try:
        write_atomic(fifo, "hello\n")
        out, _ = reader.communicate(timeout=10)
    finally:
        reader.kill()
    assert out == "hello\n"
    assert fifo.is_fifo()  # still a pipe, not replaced by a regular file
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary left


def test_output_onto_a_character_device_keeps_it(tmp_path: Path) -> None:
    # /dev/stdout of a child whose stdout is a pipe: a special file we may write into
    code = (
        "from decaudit.engine.files import write_atomic; import os, stat;"
        "write_atomic('/dev/stdout', 'via device\\n');"
        "print(stat.S_ISREG(os.stat('/dev/stdout').st_mode))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "via device\nFalse\n"


def test_output_to_a_regular_file_stays_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    inode = target.stat().st_ino
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_ino != inode  # replaced by rename, not rewritten in place


# -- 8. runs that audit nothing ---------------------------------------------------------------


def test_an_empty_folder_is_an_error_unless_allowed(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = _run("check", str(empty), "--no-log")
    assert proc.returncode == 2
    assert "no decision record found" in proc.stderr and "--allow-empty" in proc.stderr
    proc = _run("check", str(empty), "--no-log", "--allow-empty")
    assert proc.returncode == 0, proc.stderr


def test_a_folder_of_outside_links_is_empty_and_says_why(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    _write(outside / "r.json", GOOD)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link").symlink_to(outside, target_is_directory=True)
    (tree / "file.json").symlink_to(outside / "r.json")
    proc = _run("check", str(tree), "--no-log")
    assert proc.returncode == 2
    assert "2 symbolic links" in proc.stderr and "--follow-symlinks" in proc.stderr
    proc = _run("check", str(tree), "--no-log", "--follow-symlinks", "-f", "json")
    assert proc.returncode in (0, 1), proc.stderr
    assert json.loads(proc.stdout)["summary"]["records"] == 1  # read once, not twice


def test_links_inside_the_tree_are_followed_and_read_once(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "real").mkdir(parents=True)
    _write(tree / "real" / "r.json", GOOD)
    (tree / "alias").symlink_to(tree / "real", target_is_directory=True)
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    result = run_check(CheckOptions(paths=(str(tree),)))
    assert result.errors == () and result.record_count == 1


def test_a_fifo_named_on_the_command_line_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "records.json"
    os.mkfifo(fifo)
    _write(tmp_path / "good.json", GOOD)
    start = time.monotonic()
    proc = _run("check", str(fifo), str(tmp_path / "good.json"), "--no-log")
    assert time.monotonic() - start < 30
    assert proc.returncode == 2
    assert "is a FIFO (named pipe), not a regular file" in proc.stderr


def test_a_character_device_named_on_the_command_line_is_refused() -> None:
    proc = _run("check", "/dev/zero", "--no-log")
    assert proc.returncode == 2
    assert "/dev/zero" in proc.stderr and "character device" in proc.stderr


# -- 12. errors always reach stderr ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("-f", "json", "-o", "{out}"), ("-q",), ("-f", "sarif"), ("-f", "text", "-o", "{out}")],
)
def test_input_errors_always_reach_stderr(tmp_path: Path, args: tuple[str, ...]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    out = str(tmp_path / "out.file")
    proc = _run("check", str(bad), "--no-log", *(a.format(out=out) for a in args))
    assert proc.returncode == 2
    assert "bad.json:1:" in proc.stderr and "invalid JSON" in proc.stderr


# -- 9. Ctrl-C -----------------------------------------------------------------------------------


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_reading(proc: subprocess.Popen[str], limit: float = 60.0) -> None:
    """Until the process blocks reading its pipe (Linux: its wait channel names the pipe),
    at most ``limit`` seconds; elsewhere a fixed pause. A loaded machine can take seconds
    to start the interpreter and load the engine."""
    wchan = Path(f"/proc/{proc.pid}/wchan")
    if not wchan.parent.exists():
        time.sleep(3)
        return
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if "pipe" in wchan.read_text():
                time.sleep(0.5)
                return
        except OSError:
            pass
        time.sleep(0.1)


def test_ctrl_c_exits_130_and_says_nothing_was_written(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    assert _run("check", str(_write(tmp_path / "r.json", GOOD)), "--db", str(db)).returncode in (
        0,
        1,
    )
    before = db.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-m", "decaudit.cli.main", "check", "-", "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # a suite started in the background by a shell inherits SIGINT ignored, as would
        # the run: give it the terminal's default, as a user at a terminal has
        preexec_fn=_default_sigint,
    )
    _wait_reading(proc)  # it waits on standard input, which never ends
    for _ in range(3):  # a signal sent while the interpreter still starts up may be lost
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
            break
        except subprocess.TimeoutExpired:
            continue
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted: nothing was written" in err
    assert "Aborted" not in err and "Traceback" not in err
    assert db.read_bytes() == before
    assert _run("verify", "--db", str(db)).returncode == 0


def test_ctrl_c_during_the_commit_waits_for_it(tmp_path: Path, monkeypatch) -> None:
    """A SIGINT inside the log transaction is held until the run is committed."""
    from decaudit.engine.log import writer as writer_mod

    real = writer_mod.RunWriter._write if hasattr(writer_mod, "RunWriter") else None
    cls = next(c for c in vars(writer_mod).values() if isinstance(c, type) and hasattr(c, "_write"))
    real = cls._write

    def interrupted(self, conn, meta, started, finished):  # type: ignore[no-untyped-def]
        os.kill(os.getpid(), signal.SIGINT)
        return real(self, conn, meta, started, finished)

    monkeypatch.setattr(cls, "_write", interrupted)
    _write(tmp_path / "r.json", GOOD)
    db = tmp_path / "log.db"
    with pytest.raises(KeyboardInterrupt):
        run_check(CheckOptions(paths=(str(tmp_path / "r.json"),), db=str(db)))
    monkeypatch.undo()
    runner = CliRunner()
    verified = runner.invoke(cli, ["verify", "--db", str(db)])
    assert verified.exit_code == 0, verified.output
    listed = runner.invoke(cli, ["runs", "--db", str(db), "-f", "json"])
    assert len(json.loads(listed.output)) == 1  # the run was committed whole


def test_a_link_to_a_descriptor_is_written_into_when_stdout_is_a_regular_file(
    tmp_path: Path,
) -> None:
    # like /dev/stdout -> /proc/self/fd/1 with output redirected to a file: the link stays
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    out = tmp_path / "out.txt"
    code = (
        "from decaudit.engine.files import write_atomic; import sys;"
        f"write_atomic({str(link)!r}, 'via link\\n')"
    )
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run([sys.executable, "-c", code], stdout=fh, stderr=subprocess.PIPE)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert out.read_text(encoding="utf-8") == "via link\n"


def test_a_link_to_a_regular_file_keeps_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real.sarif"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.sarif"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
