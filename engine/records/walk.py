"""The folder walk: which files under a folder are met, in which order, and what is left out.

Recursive and sorted; hidden and tool folders are skipped; symbolic links follow
:class:`Walk`'s rule. A file met twice (a link, a hard link) is read once and its second
name is reported as "same file as ..." by the reader of the walk.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..types import InputError
from ..vocab import BINARY_RECORD_LOADERS, RECORD_LOADERS, UNREAD_DOCUMENT_FORMATS
from .formats import extension

SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})
SkipHook = Callable[[str, str], None]  # (path, reason) for a file or folder left out


def _display(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


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
    # documents met in formats decaudit does not read: format name -> how many
    unread: Counter[str] = field(default_factory=Counter)
    seen: dict[tuple[int, int], str] = field(default_factory=dict)  # file -> first name
    # a file met again under another name (a link) -> the name it is read by
    same: dict[str, str] = field(default_factory=dict)
    top: tuple[Path, str] | None = None  # the walked folder, resolved and as given

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
        if self.unread:
            kinds = sorted(self.unread)
            n = sum(self.unread.values())
            message += (
                f" ({n} file{'s' if n != 1 else ''} in {', '.join(kinds)}, "
                "a format decaudit does not read, skipped)"
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
    (hidden files, Markdown templates, links leading outside); other files are not reported.
    Files without an extension are yielded too: the reader of the walk reads them as
    Markdown or reports them as skipped (:mod:`.bare`).
    Documents in a format decaudit does not read (``vocab.UNREAD_DOCUMENT_FORMATS``: AsciiDoc,
    PDF...) are yielded too, for the reader of the walk to report as skipped with
    :func:`unread_reason`: they are never passed by in silence."""
    opts = options if options is not None else Walk()
    root = _root if _root is not None else folder.resolve()
    if _root is None:
        opts.top = (root, _display(str(folder)))
        try:
            info = os.stat(folder)
            opts.seen[(info.st_dev, info.st_ino)] = _display(str(folder))
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
        if reason is not None and reason.startswith(SAME_FILE) and kind == "file":
            opts.same[_display(entry.path)] = reason  # reported by the reader of the walk
            yield Path(entry.path)
            continue
        if reason is not None:
            if on_skip is not None and reason:
                on_skip(_display(entry.path), reason)
            continue
        if kind == "dir":
            yield from walk(Path(entry.path), on_skip, opts, root)
        else:
            if kind == "unread":  # yielded to be reported as skipped, with unread_reason
                opts.unread[UNREAD_DOCUMENT_FORMATS[extension(entry.name)]] += 1
            yield Path(entry.path)


def _entry_kind(entry: os.DirEntry[str]) -> str | None:
    """ "dir", "file" (of a record format, or without an extension), "unread" (a document in
    a format decaudit does not read), or None for anything a walk never reads."""
    try:
        if entry.is_dir():
            return "dir"
        if not entry.is_file():
            return None
    except OSError:
        return None
    ext = extension(entry.name)
    if ext in RECORD_LOADERS or ext in BINARY_RECORD_LOADERS or not ext:
        return "file"  # a file without an extension is read or skipped by :mod:`.bare`
    return "unread" if ext in UNREAD_DOCUMENT_FORMATS else None


def unread_reason(name: str) -> str | None:
    """Why a document is skipped when decaudit does not read its format, else None."""
    kind = UNREAD_DOCUMENT_FORMATS.get(extension(name))
    if kind is None:
        return None
    read = ", ".join(sorted({*RECORD_LOADERS, *BINARY_RECORD_LOADERS}))
    return f"{kind} is not a format decaudit reads (it reads {read}); convert it to audit it"


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
    if not is_dir and entry.is_symlink() and (target := _walked_target(entry, root, opts)):
        return f"{SAME_FILE} {target} (a link to it; read by that name)"
    try:
        info = entry.stat()
    except OSError:
        return ""
    key = (info.st_dev, info.st_ino)
    if key in opts.seen:  # met already under another name (a link): read once
        what = "folder" if is_dir else "file"
        return f"same {what} as {opts.seen[key]} (read once, by that name)"
    opts.seen[key] = _display(entry.path)
    return None


SAME_FILE = "same file as"


def _walked_target(entry: os.DirEntry[str], root: Path, opts: Walk) -> str | None:
    """The path (as shown) of the regular file a link inside the folder points to, when the
    walk reads that file by its own name: the link is then left out, not the file."""
    try:
        target = Path(entry.path).resolve()
        rel = target.relative_to(root)
    except (OSError, ValueError, RuntimeError):
        return None
    parts = rel.parts
    if not parts or any(p.startswith(".") or p in SKIP_DIRS for p in parts):
        return None
    ext = extension(target.name)
    if ext not in RECORD_LOADERS and ext not in BINARY_RECORD_LOADERS:
        return None
    try:
        if not target.is_file() or Path(root, *parts).is_symlink():
            return None
    except OSError:
        return None
    if any(Path(root, *parts[:i]).is_symlink() for i in range(1, len(parts))):
        return None  # reached through a linked folder: the walk may not go there
    shown = opts.top[1] if opts.top is not None else str(root)
    return _display(os.path.join(shown, *parts))
