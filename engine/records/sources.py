"""Input discovery: paths, folders and stdin to validated records or located errors.

Nothing here raises for bad input: every problem becomes an
:class:`~decaudit.engine.types.InputError` naming the file (and the line when there is one),
and the other files of the run are still read.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..isolation import file_error
from ..types import InputError, SourceRecord
from ..vocab import RECORD_EXTENSIONS
from . import bare
from .formats import (
    BINARY_LOADERS,
    DOCUMENT_LOADERS,
    NotADecisionRecord,
    ReadOptions,
    extension,
    loader_for,
)
from .guards import DEFAULT_MAX_BYTES, GuardError, decode, read_bounded, read_stream, too_large
from .numbering import Numbering
from .skips import SKIPPED, _excluded, record_name, template_folder
from .units import DEFER_CHUNK, Chunk, FileUnit
from .walk import SKIP_DIRS as SKIP_DIRS
from .walk import Walk as Walk
from .walk import unread_reason, walk

Result = SourceRecord | InputError


# Markdown files that are never ADRs when met in a folder walk.
def is_hidden(path: str) -> bool:
    """Whether a path has a hidden part (``.github/x.yml``, ``docs/.draft.md``)."""
    parts = path.replace("\\", "/").split("/")
    return any(p.startswith(".") and p not in (".", "..") for p in parts)


def _display(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def load_file(
    path: str,
    data: bytes,
    *,
    max_bytes: int | None = None,
    explicit: bool = True,
    name: str | None = None,
) -> list[Result]:
    """Every record in one file (any format). ``path`` picks the format ("-": sniffed).

    ``explicit`` is False for files found by walking a folder: a document with no decision
    structure is then reported as skipped (an ``InputError`` of kind ``skipped``) instead of
    being an error. ``name`` is the id a document without one gets (its path in the folder).
    """
    return list(iter_file(path, data, max_bytes=max_bytes, explicit=explicit, name=name))


SkipHook = Callable[[str, str], None]  # (path, reason) for a file or folder left out
# Reasons a folder walk gives for what it leaves out without reading it; any other reason is
# about a file that was read (Markdown with no decision record in it).
WALK_SKIPS = frozenset({"hidden", "tool folder", "excluded by the configuration"})


def iter_file(
    path: str,
    data: bytes,
    *,
    max_bytes: int | None = None,
    explicit: bool = True,
    on_skip: SkipHook | None = None,
    options: ReadOptions | None = None,
    name: str | None = None,
) -> Iterator[Result]:
    """Like :func:`load_file`, one record at a time (a large JSON Lines or multi-document
    YAML file is validated as it is consumed, not all at once)."""
    if max_bytes is not None and len(data) > max_bytes:
        yield InputError(path, None, too_large(len(data), max_bytes).message)
        return
    binary = BINARY_LOADERS.get(extension(path))
    if binary is not None:
        # read inside _isolated, which turns what a reader raises into this file's result
        if binary in DOCUMENT_LOADERS:
            records = _deferred(binary, path, data, options or ReadOptions(), name)
        else:
            records = _deferred(binary, path, data, options or ReadOptions())
    else:
        text = decode(data)
        del data
        if isinstance(text, GuardError):
            yield InputError(path, text.line, text.message)
            return
        if not text.strip():
            if explicit:
                yield InputError(path, 1, "no decision record in the file (it is empty)")
            else:
                yield InputError(path, None, "empty file", kind=SKIPPED)
            return
        records = _text_records(path, text, name)
    yield from _isolated(path, records, explicit, on_skip)


def _deferred(reader: Callable[..., Iterable[Result]], *args: Any) -> Iterator[Result]:
    yield from reader(*args)


def _text_records(path: str, text: str, name: str | None = None) -> Iterator[Result]:
    loader = loader_for(path, text)
    if loader in DOCUMENT_LOADERS:
        document: Callable[..., Iterable[Result]] = loader  # takes the id to use, too
        yield from document(path, text, name)
    else:
        yield from loader(path, text)


def _isolated(
    path: str, records: Iterable[Result], explicit: bool, on_skip: SkipHook | None
) -> Iterator[Result]:
    """``records``, with whatever a reader raises turned into this file's error."""
    try:
        yield from records
    except NotADecisionRecord as exc:  # walked: reported as skipped (on_skip hears of it)
        line = exc.line if explicit else None
        yield InputError(path, line, str(exc), kind="input" if explicit else SKIPPED)
    except RecursionError:  # a last line of defence; the parsers bound nesting themselves
        yield InputError(path, None, "nesting too deep")
    except MemoryError:
        yield InputError(path, None, "too large to read in the memory available; split it")
    except Exception as exc:  # a reader's bug is this file's error, not the run's end
        yield file_error(path, exc)


# JSON Lines files larger than this (or than the size limit) are read in chunks of whole lines.
STREAM_CHUNK = 2**20


def read_unit(unit: Chunk | FileUnit) -> list[Result]:
    """The records and errors of a deferred unit, as reading it in place gives them."""
    if isinstance(unit, Chunk):
        from .jsonlstream import parse_lines

        return list(parse_lines(unit.file, unit.data, unit.base))
    got = _read(unit.file, unit.max_bytes, unit.explicit, None, unit.options, unit.name)
    return [item for item in got if isinstance(item, SourceRecord | InputError)]


NOT_REGULAR = "not a regular file; give files, folders, or - for standard input"


def _read_jsonl(path: str, max_bytes: int, defer: bool = False) -> Iterator[Result | Chunk]:
    """A large JSON Lines file, chunk by chunk of whole lines: memory stays flat however
    long it is, and the size limit applies to each line (see :mod:`.jsonlstream`).
    ``defer``: the chunks are passed on unparsed."""
    from .jsonlstream import line_chunks, parse_lines

    empty = True
    size = min(STREAM_CHUNK, DEFER_CHUNK) if defer else STREAM_CHUNK
    try:
        # O_NONBLOCK: a FIFO swapped in after the caller's check must not block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                yield InputError(path, None, NOT_REGULAR)
                return
            for chunk in line_chunks(path, fh, max_bytes, size):
                if isinstance(chunk, InputError):
                    empty = False
                    yield chunk
                elif chunk[1].strip():
                    empty = False  # a chunk with a non-blank line gives a record or an error
                    if defer:
                        yield Chunk(path, chunk[0], chunk[1])
                    else:
                        lines = parse_lines(path, chunk[1], chunk[0])
                        yield from _isolated(path, lines, True, None)
    except OSError as exc:
        yield InputError(path, None, f"cannot read: {exc.strerror or exc}", kind="io")
        return
    if empty:
        yield InputError(path, 1, "no decision record in the file (it is empty)")


def _read_csv(path: str, max_bytes: int) -> Iterator[Result]:
    """A large CSV register, line by line: memory stays flat however long it is, and the
    size limit applies to each line (see :mod:`.csvstream`)."""
    from .csvstream import read_csv

    try:
        # O_NONBLOCK: a FIFO swapped in after the caller's check must not block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                yield InputError(path, None, NOT_REGULAR)
                return
            yield from read_csv(path, fh, max_bytes)
    except OSError as exc:
        yield InputError(path, None, f"cannot read: {exc.strerror or exc}", kind="io")


def _read(
    path: str,
    max_bytes: int,
    explicit: bool,
    on_skip: SkipHook | None = None,
    options: ReadOptions | None = None,
    name: str | None = None,
    defer: bool = False,
) -> Iterable[Result | Chunk | FileUnit]:
    try:
        big = os.stat(path).st_size > min(STREAM_CHUNK, max_bytes)
        if big and extension(path) in (".jsonl", ".ndjson"):
            return _read_jsonl(path, max_bytes, defer)
        if big and extension(path) == ".csv":  # read here, line by line, even with workers
            return _isolated(path, _read_csv(path, max_bytes), explicit, on_skip)
        if defer:  # read and parsed by a worker process
            return [FileUnit(path, max_bytes, explicit, options, name)]
        data = read_bounded(path, max_bytes)
    except IsADirectoryError:
        return iter([InputError(path, None, "is a directory", kind="io")])
    except OSError as exc:
        return iter([InputError(path, None, f"cannot read: {exc.strerror or exc}", kind="io")])
    if isinstance(data, GuardError):
        return iter([InputError(path, data.line, data.message)])
    return iter_file(path, data, explicit=explicit, on_skip=on_skip, options=options, name=name)


FileFilter = Callable[[str], bool]


def _bare(
    found: Path,
    root: Path,
    shown: str,
    same: str | None,
    max_bytes: int,
    select: FileFilter | None,
) -> Iterator[Result]:
    """A file without an extension found in a walk: read as Markdown when it is a decision
    document (the ``extensions`` and ``exclude`` settings apply as to a ``.md`` file), else
    reported as skipped with the reason."""
    why = same or bare.excluded_by_name(found.name) or template_folder(found, root)
    if why is None and select is not None and not select(shown + ".md"):
        why = "excluded by the configuration"
    if why is not None:
        yield InputError(shown, None, why, kind=SKIPPED)
        return
    try:
        data = read_bounded(shown, max_bytes)
    except OSError as exc:
        yield InputError(shown, None, f"cannot read: {exc.strerror or exc}", kind="io")
        return
    if isinstance(data, GuardError):
        yield InputError(shown, data.line, data.message)
        return
    text = bare.as_markdown(data)
    if text is None:
        yield InputError(shown, None, bare.reason(data), kind=SKIPPED)
        return
    from .formats import load_markdown

    def records() -> Iterator[Result]:  # read inside _isolated: a template raises as it reads
        yield from load_markdown(shown, text, record_name(found, root))

    yield from _isolated(shown, records(), False, None)


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


def _kind(mode: int) -> str | None:
    """What a non-regular, non-directory file is ("a FIFO"...), or None for a regular one."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def special_file(path: str) -> str | None:
    """Why ``path`` is refused as input (a FIFO, a device...), or None."""
    try:
        kind = _kind(os.stat(path).st_mode)
    except OSError:
        return None
    if kind is None:
        return None
    return f"is {kind}, not a regular file; give files, folders, or - for standard input"


def _expand(
    paths: Sequence[str],
    max_bytes: int,
    stdin: IO[bytes] | None,
    select: FileFilter | None,
    on_skip: SkipHook | None = None,
    options: ReadOptions | None = None,
    as_found: bool = False,
    walking: Walk | None = None,
    defer: bool = False,
) -> Iterator[Result | Chunk | FileUnit]:
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin, max_bytes)
            continue
        path = Path(raw)
        shown = _display(raw)
        refused = special_file(raw)
        if refused is not None:
            yield InputError(shown, None, refused, kind="io")
        elif path.is_dir():
            for found in walk(path, on_skip, walking):
                shown_found = _display(str(found))
                same = walking.same.pop(shown_found, None) if walking is not None else None
                if not extension(found.name):  # "0006-use-foo": read as Markdown, or skipped
                    yield from _bare(found, path, shown_found, same, max_bytes, select)
                    continue
                why = (
                    same
                    or unread_reason(found.name)
                    or _excluded(found)
                    or template_folder(found, path)
                )
                if why is None and not (
                    select(shown_found) if select else extension(shown_found) in RECORD_EXTENSIONS
                ):
                    why = "excluded by the configuration"
                if why is not None:  # reported, never dropped in silence
                    yield InputError(shown_found, None, why, kind=SKIPPED)
                    continue
                yield from _read(
                    shown_found,
                    max_bytes,
                    explicit=False,
                    options=options,
                    name=record_name(found, path),
                    defer=defer,
                )
        elif path.exists() and as_found:  # named by a hook: handled as if found in a walk
            reason = "hidden" if is_hidden(shown) else _excluded(path)
            if reason is None and select is not None and not select(shown):
                reason = "excluded by the configuration"
            if reason is None:
                yield from _read(shown, max_bytes, explicit=False, options=options, defer=defer)
            else:  # reported like any file a walk leaves out (on_skip hears of it too)
                yield InputError(shown, None, reason, kind=SKIPPED)
        elif path.exists():
            yield from _read(shown, max_bytes, explicit=True, options=options, defer=defer)
        elif path.is_symlink():
            yield InputError(shown, None, "is a broken symbolic link", kind="io")
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
    walking: Walk | None = None,
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
    walk_opts = walking if walking is not None else Walk()
    items = _expand(
        paths, max_bytes, stdin, select, on_skip, options, as_found=as_found, walking=walk_opts
    )
    numbering = Numbering(on_skip)
    for item in items:
        if isinstance(item, SourceRecord):
            item = numbering.record(item)
        yield from numbering.step(item)
    yield from numbering.close()


def iter_units(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
    select: FileFilter | None = None,
    options: ReadOptions | None = None,
    as_found: bool = False,
    walking: Walk | None = None,
) -> Iterator[Result | Chunk | FileUnit]:
    """What :func:`iter_sources` reads, with files left unread (:class:`FileUnit`) and large
    JSON Lines files as unparsed :class:`Chunk` s for worker processes (:func:`read_unit`);
    the caller applies the run-wide rules (:class:`Numbering`) to the results, in order."""
    walk_opts = walking if walking is not None else Walk()
    yield from _expand(
        paths, max_bytes, stdin, select, None, options, as_found, walk_opts, defer=True
    )


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
                if not extension(f.name)
                or (select(_display(str(f))) if select else extension(f.name) in RECORD_EXTENSIONS)
            )
        else:
            total += 1
    return total
