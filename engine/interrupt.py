"""Ctrl-C: what was written before it, and critical sections it must not cut.

The CLI reports an interrupt as ``interrupted: nothing was written`` (or what was) and exits
130. Writers note what they completed with :func:`note_written`; the audit log's commit runs
inside :func:`deferred`, so an interrupt there waits until the transaction has finished
(committed or rolled back) instead of surfacing inside SQLite as a failed function.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

_written: list[str] = []


def note_written(what: str) -> None:
    """Record that ``what`` (a file, a run in the log) is complete on disk."""
    _written.append(what)


def written() -> list[str]:
    return list(_written)


def message() -> str:
    """``interrupted: nothing was written`` or ``interrupted: wrote a, b``."""
    done = written()
    if not done:
        return "interrupted: nothing was written"
    return "interrupted: wrote " + ", ".join(done) + "; nothing else was written"


@contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT during the block; a Ctrl-C received there is raised when it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[Any] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    try:
        previous = signal.signal(signal.SIGINT, hold)
    except ValueError:  # not the main interpreter thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
