"""The HTML governance report: ``build_report`` reads the log, ``write_atomic`` saves it.

- ``data``: what the report shows, read from the log with read-only SQL;
- ``svg``: the inline charts;
- ``markup``: escaping, number formats, links, tables and badges;
- ``sections``: one function per section of the report;
- ``style``: the inline stylesheet;
- ``render``: the page.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..calibration import connect_readonly, snapshot
from ..errors import DecauditError

if TYPE_CHECKING:
    from .data import ReportData


def load_report(
    db: str | Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ReportData:
    """What the report of the log at ``db`` shows, read in one read transaction
    (``LogError`` when there is no log, or no run in the window)."""
    from .data import load

    conn = connect_readonly(db)
    try:
        with snapshot(conn):
            return load(conn, source=str(db), since=since, until=until, now=now)
    finally:
        conn.close()


def build_report(
    db: str | Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    base: Path | None = None,
    top: int = 50,
    now: dt.datetime | None = None,
    title: str | None = None,
) -> str:
    """The report of the log at ``db`` as one HTML document."""
    from .render import DEFAULT_TITLE, render

    data = load_report(db, since=since, until=until, now=now)
    return render(data, base=base, top=top, title=title or DEFAULT_TITLE)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename:
    readers never see a half-written report."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise DecauditError(f"{path}: is a directory; give a file name with -o")
    if not folder.is_dir():
        raise DecauditError(f"{path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DecauditError(f"{path}: cannot write here: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
