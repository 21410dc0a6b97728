"""Writing output files atomically: readers never see a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import DecauditError
from .interrupt import note_written


def write_atomic(path: str | Path, text: str, *, make_parents: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename
    (see :func:`open_atomic`)."""
    with open_atomic(path, make_parents=make_parents) as fh:
        fh.write(text)


@contextmanager
def open_atomic(path: str | Path, *, make_parents: bool = False) -> Iterator[TextIO]:
    """A text file to write ``path`` as it goes: a temporary file in the same folder, renamed
    over ``path`` when the block ends without an exception (removed otherwise, leaving the old
    file as it was).

    A regular file (or a new one) is replaced atomically; a link to a regular file keeps
    its link and the file it names is replaced. A special file that exists (a FIFO, a
    character device), anything under ``/dev`` and a link into ``/proc`` or ``/dev`` (such
    as ``/dev/stdout``, even when the descriptor is a redirected regular file) is written
    into, never replaced.

    ``make_parents`` creates a missing folder; otherwise a missing folder, a directory in
    the way or an unwritable place is a :class:`DecauditError` naming the path.
    """
    target = Path(path)
    if target.is_dir():
        raise DecauditError(f"{path}: is a directory; give a file name with -o")
    if _is_stream(target) or (target.exists() and not target.is_file()):
        with _write_into(target) as into:  # a FIFO, a device or a descriptor: never replace it
            yield into
        return
    if target.is_symlink():  # a link to a regular file: replace the file, keep the link
        target = Path(os.path.realpath(target))
    folder = target.parent
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
            try:
                yield fh
            except OSError as exc:
                raise _WriteFailed(exc) from exc
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        note_written(str(path))
    except _WriteFailed as failed:
        Path(tmp).unlink(missing_ok=True)
        error = failed.error
        raise DecauditError(f"{path}: cannot write: {error.strerror or error}") from error
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DecauditError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _WriteFailed(Exception):
    """An OSError raised while writing into the temporary file."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _is_stream(target: Path) -> bool:
    """A path that stands for an open stream rather than a file: anything under /dev, or a
    link into /proc or /dev (``/dev/stdout`` -> ``/proc/self/fd/1``, whose descriptor may
    well be a regular file when output is redirected). Replacing such a path by rename would
    replace the machine's link, not write the output."""
    if target.as_posix().startswith("/dev/"):
        return True
    if target.is_symlink():
        link = os.readlink(target)
        return link.startswith(("/proc/", "/dev/"))
    return False


@contextmanager
def _write_into(target: Path) -> Iterator[TextIO]:
    """Write into a special file (FIFO, character device such as /dev/stdout) in place."""
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        note_written(str(target))
    except OSError as exc:
        raise DecauditError(f"{target}: cannot write: {exc.strerror or exc}") from exc
