"""A cache of parsed rule files, so that a short ``check`` does not re-parse the pack.

Parsing the YAML of the built-in pack with line tracking is most of the cost of loading
it (about 40 ms of a one-file ``check``). Each file's parse (data and source lines) is kept
under the SHA-256 of its bytes, in one file in the user's cache folder
(``$DECAUDIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/decaudit``, else ``~/.cache/decaudit``;
``DECAUDIT_CACHE_DIR=off`` turns it off). The cache's name carries the tool version and the
parser's own files' stamps, so a new parser never reads old entries. Rule validation still
runs on every load: only the parse is cached. Anything wrong with the cache (missing,
unreadable, corrupt, read-only folder) just means parsing again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import __version__

FORMAT = 1
MAX_ENTRIES = 256
# Caches written by another parser version are removed once unused for this long: several
# installed versions (a pre-commit hook's, a project's virtual environment) share the cache
# folder, and removing each other's files at every save made each of them parse again.
STALE_SECONDS = 14 * 24 * 3600
_ALLOWED = {("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")}

Parsed = tuple[Any, dict[Any, int]]


class _SafeUnpickler(pickle.Unpickler):
    """Plain data and datetime values only: a tampered cache cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return getattr(dt, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed")


def _loads(blob: bytes) -> Any:
    return _SafeUnpickler(io.BytesIO(blob)).load()


def cache_dir() -> Path | None:
    configured = os.environ.get("DECAUDIT_CACHE_DIR")
    if configured is not None:
        if configured.strip().lower() in ("", "off", "0", "no", "false"):
            return None
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "decaudit"
    try:
        return Path.home() / ".cache" / "decaudit"
    except RuntimeError:  # no home folder
        return None


def _stamp() -> str:
    """The tool version and the parser files' size and mtime."""
    from .. import safeyaml
    from . import discovery

    parts = [__version__, str(FORMAT)]
    for module in (safeyaml, discovery):
        st = os.stat(module.__file__ or "")
        parts.append(f"{st.st_size}-{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


class ParseCache:
    """Parsed rule files by content digest; ``save`` writes back what changed."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._entries: dict[str, bytes] = {}
        self._dirty = False
        try:
            folder = cache_dir()
            if folder is not None:
                self._path = folder / f"rules-{_stamp()}.pickle"
                with open(self._path, "rb") as fh:
                    loaded = _loads(fh.read())
                    if os.fstat(fh.fileno()).st_mtime < time.time() - 24 * 3600:
                        os.utime(self._path)  # in use: not stale for the other versions
                if isinstance(loaded, dict):
                    self._entries = {
                        k: v
                        for k, v in loaded.items()
                        if isinstance(k, str) and isinstance(v, bytes)
                    }
        except Exception:
            self._entries = {}

    def parse(self, raw: bytes, text: str, parse: Callable[[str], Parsed]) -> Parsed:
        """``parse(text)``, from the cache when these bytes were parsed before. Every call
        returns fresh objects, so callers may change them."""
        key = hashlib.sha256(raw).hexdigest()
        blob = self._entries.get(key)
        if blob is not None:
            try:
                data, lines = _loads(blob)
                return data, dict(lines)
            except Exception:
                pass
        data, lines = parse(text)  # errors propagate and are never cached
        if self._path is not None:
            try:
                self._entries[key] = pickle.dumps((data, lines), protocol=pickle.HIGHEST_PROTOCOL)
                self._dirty = True
            except Exception:
                pass
        return data, lines

    def save(self) -> None:
        if not self._dirty or self._path is None:
            return
        self._dirty = False
        entries = dict(list(self._entries.items())[-MAX_ENTRIES:])
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".rules-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(entries, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self._path)
            except BaseException:
                os.unlink(tmp)
                raise
            cutoff = time.time() - STALE_SECONDS
            for old in self._path.parent.glob("rules-*.pickle"):
                # written by another parser version and not used lately
                if old != self._path and old.stat().st_mtime < cutoff:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only or full cache folder: the next run parses again
