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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from ..isolation import file_error
from ..types import InputError, SourceRecord
from ..vocab import BINARY_RECORD_LOADERS, RECORD_EXTENSIONS, RECORD_LOADERS
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
from .skips import SKIPPED, _excluded, record_name

Result = SourceRecord | InputError

SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})


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
        if binary in DOCUMENT_LOADERS:
            records = binary(path, data, options or ReadOptions(), name)
        else:
            records = binary(path, data, options or ReadOptions())
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
        yield InputError(path, None, str(exc), kind="input" if explicit else SKIPPED)
    except RecursionError:  # a last line of defence; the parsers bound nesting themselves
        yield InputError(path, None, "nesting too deep")
    except MemoryError:
        yield InputError(path, None, "too large to read in the memory available; split it")
    except Exception as exc:  # a reader's bug is this file's error, not the run's end
        yield file_error(path, exc)


@dataclass
class Walk:
    """How folders are walked, and what the walk skipped (for the empty-run message).

    The rule for symbolic links: a link met while walking a folder is followed only when
    its target lies inside that folder (``follow_symlinks`` lifts this); every file and
    folder is read once, by the first name met in sorted order, so links cannot loop or
    read a record twice. Paths named on the command line are always followed.
    """

    follow_symlinks: bool = False
    skipped_links: list[str] = field(default_factory=list)
    seen: set[tuple[int, int]] = field(default_factory=set)

    def nothing_found(self, paths: Sequence[str]) -> InputError:
        """The error of a run that found no record: it must not look like a clean audit."""
        where = ", ".join(paths) if len(paths) <= 3 else f"{', '.join(paths[:3])}, ..."
        message = "no decision record found, so nothing was audited"
        skipped = len(self.skipped_links)
        if skipped:
            message += (
                f" ({skipped} symbolic link{'s' if skipped != 1 else ''} leading outside the "
                "folder skipped; give --follow-symlinks to read them)"
            )
        return InputError(
            where, None, message + "; give --allow-empty if that is expected", "empty"
        )


def walk(
    folder: Path,
    on_skip: SkipHook | None = None,
    options: Walk | None = None,
    _root: Path | None = None,
) -> Iterator[Path]:
    """Files under ``folder`` of a registered input format (``vocab.RECORD_LOADERS``):
    recursive, sorted, hidden and tool folders skipped; symbolic links by :class:`Walk`.

    ``on_skip`` hears of each hidden or tool folder and each record-like file left out
    (hidden files, Markdown templates, links leading outside); other files are not reported."""
    opts = options if options is not None else Walk()
    root = _root if _root is not None else folder.resolve()
    if _root is None:
        try:
            info = os.stat(folder)
            opts.seen.add((info.st_dev, info.st_ino))
        except OSError:
            pass
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        if on_skip is not None:
            on_skip(_display(str(folder)), f"cannot list: {exc.strerror or exc}")
        return
    for entry in entries:
        kind = _entry_kind(entry)
        if kind is None:
            continue  # FIFOs, sockets, devices, broken links, other files: never read
        reason = _left_out(entry, kind == "dir", opts, root)
        if reason is not None:
            if on_skip is not None and reason:
                on_skip(_display(entry.path), reason)
            continue
        if kind == "dir":
            yield from walk(Path(entry.path), on_skip, opts, root)
        else:
            yield Path(entry.path)


def _entry_kind(entry: os.DirEntry[str]) -> str | None:
    """ "dir", "file" (of a record format), or None for anything a walk never reads."""
    try:
        if entry.is_dir():
            return "dir"
        if not entry.is_file():
            return None
    except OSError:
        return None
    ext = extension(entry.name)
    return "file" if ext in RECORD_LOADERS or ext in BINARY_RECORD_LOADERS else None


def _left_out(entry: os.DirEntry[str], is_dir: bool, opts: Walk, root: Path) -> str | None:
    """Why a walk leaves ``entry`` out ("" to say nothing of it), or None to take it."""
    if entry.name.startswith("."):
        return "hidden"
    if is_dir and entry.name in SKIP_DIRS:
        return "tool folder"
    if (
        entry.is_symlink()
        and not opts.follow_symlinks
        and not Path(entry.path).resolve().is_relative_to(root)
    ):
        opts.skipped_links.append(_display(entry.path))
        return "a link leading outside the folder"
    try:
        info = entry.stat()
    except OSError:
        return ""
    key = (info.st_dev, info.st_ino)
    if key in opts.seen:
        return ""  # met already under another name (a link): read once
    opts.seen.add(key)
    return None


# JSON Lines files larger than this are read and parsed in chunks of whole lines.
STREAM_CHUNK = 2**20


def _shift(item: Result, base: int) -> Result:
    if isinstance(item, InputError):
        return replace(item, line=item.line + base) if item.line else item
    return replace(item, lines={loc: n + base for loc, n in item.lines.items()})


@dataclass(frozen=True)
class Chunk:
    """Whole lines of a large JSON Lines file, read but not parsed (any process may parse
    them with :func:`parse_chunk`); ``base`` lines of the file come before them."""

    file: str
    base: int
    data: bytes


def parse_chunk(chunk: Chunk) -> list[Result]:
    return [_shift(item, chunk.base) for item in load_file(chunk.file, chunk.data)]


def _read_jsonl(path: str, max_bytes: int, defer: bool = False) -> Iterator[Result | Chunk]:
    """A large JSON Lines file, chunk by chunk: memory stays flat however long it is.
    ``defer``: the chunks are passed on unparsed."""
    base, empty = 0, True
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            yield InputError(path, None, too_large(size, max_bytes).message)
            return
        with open(path, "rb") as fh:
            while lines := fh.readlines(STREAM_CHUNK):
                chunk = b"".join(lines)
                if chunk.strip() and defer:
                    empty = False  # a chunk with a non-blank line gives a record or an error
                    yield Chunk(path, base, chunk)
                elif chunk.strip():
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
    name: str | None = None,
    defer: bool = False,
) -> Iterable[Result | Chunk]:
    try:
        if extension(path) == ".jsonl" and os.stat(path).st_size > STREAM_CHUNK:
            return _read_jsonl(path, max_bytes, defer)
        data = read_bounded(path, max_bytes)
    except IsADirectoryError:
        return iter([InputError(path, None, "is a directory", kind="io")])
    except OSError as exc:
        return iter([InputError(path, None, f"cannot read: {exc.strerror or exc}", kind="io")])
    if isinstance(data, GuardError):
        return iter([InputError(path, data.line, data.message)])
    return iter_file(path, data, explicit=explicit, on_skip=on_skip, options=options, name=name)


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
) -> Iterator[Result | Chunk]:
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
                why = _excluded(found)
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
) -> Iterator[Result | Chunk]:
    """What :func:`iter_sources` reads, before its run-wide rules (:class:`Numbering`) and
    with large JSON Lines files left as unparsed :class:`Chunk` s, for worker processes to
    parse. The caller applies the rules to the parsed results, in this order."""
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
                if (select(_display(str(f))) if select else extension(f.name) in RECORD_EXTENSIONS)
            )
        else:
            total += 1
    return total
