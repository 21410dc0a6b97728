"""Writing output files atomically: readers never see a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import DecauditError


def write_atomic(path: str | Path, text: str, *, make_parents: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    ``make_parents`` creates a missing folder; otherwise a missing folder, a directory in
    the way or an unwritable place is a :class:`DecauditError` naming the path.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise DecauditError(f"{path}: is a directory; give a file name with -o")
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
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DecauditError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
