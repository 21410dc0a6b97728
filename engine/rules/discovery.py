"""Rule-file discovery and reading: the files of a pack, their parsed YAML and line map.

Parsed files are cached on disk (:class:`ParseCache`) keyed by their bytes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, RuleFileError
from ..packdata import pack_root
from ..safeyaml import YamlError, load_one
from ..types import Loc
from .cache import ParseCache

MAX_FILE_BYTES = 1_000_000
SKIP_DIRS = frozenset({"reference", "lexicon"})


def rule_files(folder: Path) -> list[Path]:
    """``*.yaml``/``*.yml`` in ``folder`` and its subfolders (not reference/, lexicon/)."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                out.append(Path(root) / name)
    return out


def _display(path: Path, folder: Path, label: str) -> str:
    return (Path(label) / path.relative_to(folder)).as_posix()


@dataclass(frozen=True)
class RuleSource:
    """One rule file as parsed YAML: display name, data, and the source line of each loc."""

    file: str
    data: Any
    lines: Mapping[Loc, int] = field(default_factory=dict)


def _parse_text(text: str) -> tuple[Any, dict[Loc, int]]:
    parsed = load_one(text)
    lines = dict(parsed.lines)
    return parsed.data, lines


def _read(path: Path, display: str, cache: ParseCache | None = None) -> RuleSource | RuleFileError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return RuleFileError(display, "", f"cannot read: {exc.strerror or exc}")
    if len(raw) > MAX_FILE_BYTES:
        return RuleFileError(display, "", f"larger than {MAX_FILE_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RuleFileError(display, "", f"not UTF-8 text (byte {exc.start})")
    try:
        if cache is None:
            data, lines = _parse_text(text)
        else:
            data, lines = cache.parse(raw, text, _parse_text)
    except YamlError as exc:
        return RuleFileError(display, "", exc.message, exc.line)
    return RuleSource(display, data, lines)


def pack_folders(extra_dirs: Sequence[Path], builtin: bool) -> list[tuple[Path, str]]:
    """The folders of a pack, each with the label its files are shown under."""
    folders: list[tuple[Path, str]] = []
    if builtin:
        folders.append((pack_root(), "rules"))
    for d in extra_dirs:
        path = Path(d)
        if not path.is_dir():
            raise ConfigError(f"{d}: rule pack must be a directory")
        folders.append((path, str(d).rstrip("/\\") or str(d)))
    return folders


def _sources(
    extra_dirs: Sequence[Path], builtin: bool
) -> tuple[list[RuleSource], list[RuleFileError]]:
    folders = pack_folders(extra_dirs, builtin)
    sources: list[RuleSource] = []
    errors: list[RuleFileError] = []
    cache = ParseCache()
    for folder, label in folders:
        for path in rule_files(folder):
            got = _read(path, _display(path, folder, label), cache)
            if isinstance(got, RuleFileError):
                errors.append(got)
            else:
                sources.append(got)
    cache.save()
    return sources, errors
