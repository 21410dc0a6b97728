"""Input discovery: paths, folders and stdin to validated records or located errors.

Nothing here raises for bad input: every problem becomes an
:class:`~decaudit.engine.types.InputError` naming the file (and the line when there is one),
and the other files of the run are still read.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from ..types import InputError, SourceRecord
from ..vocab import BINARY_RECORD_LOADERS, RECORD_EXTENSIONS, RECORD_LOADERS
from .formats import BINARY_LOADERS, NotADecisionRecord, ReadOptions, extension, loader_for
from .guards import DEFAULT_MAX_BYTES, GuardError, decode, read_bounded, read_stream, too_large

Result = SourceRecord | InputError

SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})
# Markdown files that are never ADRs when met in a folder walk.
_TEMPLATE = re.compile(r"(^|[-_.])template([-_.]|$)", re.IGNORECASE)


def is_template(name: str) -> bool:
    return bool(_TEMPLATE.search(Path(name).stem))


def is_hidden(path: str) -> bool:
    """Whether a path has a hidden part (``.github/x.yml``, ``docs/.draft.md``)."""
    parts = path.replace("\\", "/").split("/")
    return any(p.startswith(".") and p not in (".", "..") for p in parts)


def _display(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def load_file(
    path: str, data: bytes, *, max_bytes: int | None = None, explicit: bool = True
) -> list[Result]:
    """Every record in one file (any format). ``path`` picks the format ("-": sniffed).

    ``explicit`` is False for files found by walking a folder: Markdown with no ADR
    structure is then skipped silently (an empty list) instead of being an error.
    """
    return list(iter_file(path, data, max_bytes=max_bytes, explicit=explicit))


SkipHook = Callable[[str, str], None]  # (path, reason) for a file or folder left out
# Reasons a folder walk gives for what it leaves out without reading it; any other reason is
# about a file that was read (Markdown with no decision record in it).
WALK_SKIPS = frozenset({"hidden", "tool folder", "a template", "excluded by the configuration"})


def iter_file(
    path: str,
    data: bytes,
    *,
    max_bytes: int | None = None,
    explicit: bool = True,
    on_skip: SkipHook | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Result]:
    """Like :func:`load_file`, one record at a time (a large JSON Lines or multi-document
    YAML file is validated as it is consumed, not all at once)."""
    if max_bytes is not None and len(data) > max_bytes:
        yield InputError(path, None, too_large(len(data), max_bytes).message)
        return
    binary = BINARY_LOADERS.get(extension(path))
    if binary is not None:
        try:
            yield from binary(path, data, options or ReadOptions())
        except NotADecisionRecord as exc:
            if explicit:
                yield InputError(path, None, str(exc))
            elif on_skip is not None:
                on_skip(path, str(exc))
        return
    text = decode(data)
    del data
    if isinstance(text, GuardError):
        yield InputError(path, text.line, text.message)
        return
    if not text.strip():
        yield InputError(path, 1, "no decision record in the file (it is empty)")
        return
    loader = loader_for(path, text)
    try:
        yield from loader(path, text)
    except NotADecisionRecord as exc:
        if explicit:
            yield InputError(path, None, str(exc))
        elif on_skip is not None:
            on_skip(path, str(exc))
    except RecursionError:  # a last line of defence; the parsers bound nesting themselves
        yield InputError(path, None, "nesting too deep")


def walk(folder: Path, on_skip: SkipHook | None = None) -> Iterator[Path]:
    """Files under ``folder`` of a registered input format (``vocab.RECORD_LOADERS``):
    recursive, sorted, hidden and tool folders skipped.

    ``on_skip`` hears of each hidden or tool folder and each record-like file left out
    (hidden files, Markdown templates); files of other extensions are not reported."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        if on_skip is not None:
            on_skip(_display(str(folder)), f"cannot list: {exc.strerror or exc}")
        return
    for entry in entries:
        is_dir = entry.is_dir(follow_symlinks=False)
        ext = extension(entry.name)
        record_like = not is_dir and (ext in RECORD_LOADERS or ext in BINARY_RECORD_LOADERS)
        if entry.name.startswith("."):
            if on_skip is not None and (is_dir or record_like):
                on_skip(_display(entry.path), "hidden")
            continue
        if is_dir:
            if entry.name not in SKIP_DIRS:
                yield from walk(Path(entry.path), on_skip)
            elif on_skip is not None:
                on_skip(_display(entry.path), "tool folder")
        elif record_like and entry.is_file():
            if extension(entry.name) in (".md", ".markdown") and is_template(entry.name):
                if on_skip is not None:
                    on_skip(_display(entry.path), "a template")
                continue
            yield Path(entry.path)


# JSON Lines files larger than this are read and parsed in chunks of whole lines.
STREAM_CHUNK = 2**20


def _shift(item: Result, base: int) -> Result:
    if isinstance(item, InputError):
        return replace(item, line=item.line + base) if item.line else item
    return replace(item, lines={loc: n + base for loc, n in item.lines.items()})


def _read_jsonl(path: str, max_bytes: int) -> Iterator[Result]:
    """A large JSON Lines file, chunk by chunk: memory stays flat however long it is."""
    base, empty = 0, True
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            yield InputError(path, None, too_large(size, max_bytes).message)
            return
        with open(path, "rb") as fh:
            while lines := fh.readlines(STREAM_CHUNK):
                chunk = b"".join(lines)
                if chunk.strip():
                    for item in load_file(path, chunk):
                        empty = False
                        yield _shift(item, base)
                base += len(lines)
    except OSError as exc:
        yield InputError(path, None, f"cannot read: {exc.strerror or exc}", kind="io")
        return
    if empty:
        yield InputError(path, 1, "no decision record in the file (it is empty)")


def _read(
    path: str,
    max_bytes: int,
    explicit: bool,
    on_skip: SkipHook | None = None,
    options: ReadOptions | None = None,
) -> Iterable[Result]:
    try:
        if extension(path) == ".jsonl" and os.stat(path).st_size > STREAM_CHUNK:
            return _read_jsonl(path, max_bytes)
        data = read_bounded(path, max_bytes)
    except IsADirectoryError:
        return iter([InputError(path, None, "is a directory", kind="io")])
    except OSError as exc:
        return iter([InputError(path, None, f"cannot read: {exc.strerror or exc}", kind="io")])
    if isinstance(data, GuardError):
        return iter([InputError(path, data.line, data.message)])
    return iter_file(path, data, explicit=explicit, on_skip=on_skip, options=options)


FileFilter = Callable[[str], bool]


def _read_stdin(stdin: IO[bytes] | None, max_bytes: int) -> Iterator[Result]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield InputError("-", None, "no standard input to read", kind="io")
        return
    try:
        data = read_stream(stream, max_bytes)
    except OSError as exc:
        yield InputError("-", None, f"cannot read: {exc.strerror or exc}", kind="io")
        return
    if isinstance(data, GuardError):
        yield InputError("-", data.line, data.message)
    else:
        yield from iter_file("-", data)


def _expand(
    paths: Sequence[str],
    max_bytes: int,
    stdin: IO[bytes] | None,
    select: FileFilter | None,
    on_skip: SkipHook | None = None,
    options: ReadOptions | None = None,
    as_found: bool = False,
) -> Iterator[Result]:
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin, max_bytes)
            continue
        path = Path(raw)
        shown = _display(raw)
        if path.is_dir():
            for found in walk(path, on_skip):
                shown_found = _display(str(found))
                if select(shown_found) if select else extension(shown_found) in RECORD_EXTENSIONS:
                    yield from _read(
                        shown_found, max_bytes, explicit=False, on_skip=on_skip, options=options
                    )
                elif on_skip is not None:
                    on_skip(shown_found, "excluded by the configuration")
        elif path.exists() and as_found:  # named by a hook: handled as if found in a walk
            reason = "hidden" if is_hidden(shown) else None
            if reason is None and select is not None and not select(shown):
                reason = "excluded by the configuration"
            if reason is None:
                yield from _read(shown, max_bytes, explicit=False, on_skip=on_skip, options=options)
            elif on_skip is not None:
                on_skip(shown, reason)
        elif path.exists():
            yield from _read(shown, max_bytes, explicit=True, options=options)
        else:
            yield InputError(shown, None, "no such file or directory", kind="io")


def iter_sources(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
    select: FileFilter | None = None,
    on_skip: SkipHook | None = None,
    options: ReadOptions | None = None,
    as_found: bool = False,
) -> Iterator[Result]:
    """Records and errors from files, folders (walked) and ``-`` (stdin), in order.

    ``select`` filters the files found by walking folders (the ``extensions`` and
    ``exclude`` settings); files named explicitly are always read. ``on_skip(path, reason)``
    hears of what a folder walk leaves out (``check -v`` lists it). With ``as_found``
    (``check --force-exclude``, for pre-commit hooks), files named explicitly are treated
    like files found in a walk: ``select`` applies, hidden paths are skipped, and files with
    no decision record in them (a README) are skipped rather than errors.

    A decision id seen a second time in the run is an error at the second occurrence,
    naming where the first one is.
    """
    seen: dict[str, tuple[str, int]] = {}  # id -> (file, line) of its first occurrence
    for item in _expand(paths, max_bytes, stdin, select, on_skip, options, as_found):
        if isinstance(item, SourceRecord):
            rid = item.record.id
            first = seen.get(rid)
            if first is not None:
                yield InputError(
                    item.file,
                    item.line_of(()),
                    f"duplicate decision id {rid!r} (first defined at {first[0]}:{first[1]})",
                )
                continue
            seen[rid] = (item.file, item.line_of(()))
        yield item


def count_files(paths: Sequence[str], select: FileFilter | None = None) -> int | None:
    """How many files :func:`iter_sources` will read (a quick walk, for a progress total);
    ``None`` when stdin is among the paths."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        if path.is_dir():
            total += sum(
                1
                for f in walk(path)
                if (select(_display(str(f))) if select else extension(f.name) in RECORD_EXTENSIONS)
            )
        else:
            total += 1
    return total
