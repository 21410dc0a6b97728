"""Writing output files atomically: readers never see a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import DecauditError
from .interrupt import note_written


def write_atomic(path: str | Path, text: str, *, make_parents: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    A regular file (or a new one) is replaced atomically; a special file that exists (a
    FIFO, a character device like ``/dev/stdout``) is written into, never replaced.

    ``make_parents`` creates a missing folder; otherwise a missing folder, a directory in
    the way or an unwritable place is a :class:`DecauditError` naming the path.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise DecauditError(f"{path}: is a directory; give a file name with -o")
    if target.exists() and not target.is_file():
        _write_into(target, text)  # a FIFO or a device: write into it, never replace it
        return
    try:
        if make_parents:
            folder.mkdir(parents=True, exist_ok=True)
        elif not folder.is_dir():
            raise DecauditError(f"{path}: the folder {folder} does not exist")
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
        note_written(str(path))
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DecauditError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_into(target: Path, text: str) -> None:
    """Write into a special file (FIFO, character device such as /dev/stdout) in place."""
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        note_written(str(target))
    except OSError as exc:
        raise DecauditError(f"{target}: cannot write: {exc.strerror or exc}") from exc
