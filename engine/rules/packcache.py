"""A cache of whole validated rule packs, so that a short ``check`` neither parses nor
validates the pack again (about 15 ms of a one-file check; loading the cache takes 2 ms).

A pack is kept in the cache folder of :mod:`.cache` (``DECAUDIT_CACHE_DIR=off`` turns both
off) under the SHA-256 of everything it is built from: the tool version, the code (the size
and modification time of every module of the engine), each rule file's name and bytes, and
the overrides (parameters, severities, ``--select``, ``--ignore``). A changed input or
program is a new key, so a cached pack is never stale. Only packs that loaded without error
are kept. The file is written whole and renamed into place (safe when several processes
write it), and read by an unpickler that accepts the rule model's dataclasses, plain data
and dates only, so a tampered file cannot run code. Anything wrong with the cache (missing,
unreadable, corrupt, read-only folder) just means building the pack again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import pickle
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from .. import types as value_types
from . import model as rule_model
from .cache import cache_dir
from .discovery import rule_files
from .model import RulePack

FORMAT = 1
MAX_PACKS = 16
_DATES = {"date", "datetime", "time", "timedelta", "timezone"}
_ENGINE = Path(__file__).resolve().parent.parent


def _allowed(module: str, name: str) -> Any:
    if module == "datetime" and name in _DATES:
        return getattr(dt, name)
    for mod in (rule_model, value_types):
        if module == mod.__name__:
            found = getattr(mod, name, None)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
    return None


class _PackUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _allowed(module, name)
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed")
        return found


def code_stamp(root: Path = _ENGINE) -> str:
    """The size and modification time of every module under ``root``, hashed."""
    h = hashlib.sha256(f"{__version__}|{FORMAT}".encode())
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                rel = os.path.relpath(os.path.join(folder, name), root)
                h.update(f"|{rel}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def pack_key(
    folders: Sequence[tuple[Path, str]],
    params: Mapping[str, Any],
    severities: Mapping[str, Any],
    select: Sequence[str],
    ignore: Sequence[str],
) -> str | None:
    """The key of the pack built from ``folders`` (path, display label) with these
    overrides; None when it cannot be computed (an unreadable file: no caching)."""
    try:
        h = hashlib.sha256(code_stamp().encode())
        for folder, label in folders:
            for path in rule_files(folder):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                h.update(f"|{label}|{path.relative_to(folder).as_posix()}|{digest}".encode())
        overrides = [params, severities, list(select), list(ignore)]
        h.update(json.dumps(overrides, sort_keys=True, default=repr).encode())
        return h.hexdigest()
    except (OSError, TypeError, ValueError):
        return None


def _path(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"pack-{key[:32]}.pickle"


def load(key: str) -> RulePack | None:
    """The cached pack of ``key``, or None."""
    try:
        path = _path(key)
        if path is None:
            return None
        with open(path, "rb") as fh:
            found = _PackUnpickler(io.BytesIO(fh.read())).load()
    except Exception:
        return None
    if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
        pack = found[1]
        if isinstance(pack, RulePack):
            return pack
    return None


def save(key: str, pack: RulePack) -> None:
    """Keep ``pack`` under ``key`` (best effort), and only the latest ``MAX_PACKS`` packs."""
    path = _path(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pack-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((key, pack), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        packs = sorted(path.parent.glob("pack-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in packs[:-MAX_PACKS]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only or full cache folder, or a pack that cannot be pickled
