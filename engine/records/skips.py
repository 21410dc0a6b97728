"""Which files a folder walk leaves out by name, and the ids of documents that give none."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from ..vocab import RECORD_EXTENSIONS
from .formats import extension

SKIPPED = "skipped"  # the kind of an InputError for a file found in a folder and not audited
# Files not read when met in a folder walk (exact names, any case): an ADR folder's index
# and template. A README.md or index.md alone in its folder (a folder per decision), or
# beside one other document it does not name (the decision's test scenarios), is the
# decision itself and is read. Named explicitly, every file is read.
_DOC_EXTS = (".md", ".mdx", ".rst")
EXCLUDED_NAMES = frozenset(
    f"{stem}{ext}" for stem in ("readme", "index", "template", "_template") for ext in _DOC_EXTS
)  # "_template.md": a site generator's unpublished template
INDEX_NAMES = frozenset(f"{stem}{ext}" for stem in ("readme", "index") for ext in _DOC_EXTS)
_META_STEMS = frozenset(
    {"license", "licence", "license-wip", "changelog", "contributing", "code_of_conduct"}
)


def _excluded(found: Path) -> str | None:
    """Why a walked file is excluded by its exact name, or None."""
    low = found.name.lower()
    if low not in EXCLUDED_NAMES:
        return None
    if low in INDEX_NAMES:
        try:
            siblings = [
                e
                for e in os.scandir(found.parent)
                if e.is_file()
                and not e.name.startswith(".")
                and e.name.lower() not in EXCLUDED_NAMES
                and Path(e.name).stem.lower() not in _META_STEMS
                and extension(e.name) in RECORD_EXTENSIONS
            ]
        except OSError:
            siblings = []
        if not siblings or (len(siblings) == 1 and not _links_to(found, siblings[0].name)):
            return None  # a folder per decision: README.md beside its tests or diagram
        return f"excluded by name ({found.name}: the index of a folder of records)"
    return f"excluded by name ({found.name})"


MAX_INDEX_BYTES = 1 << 20  # an index longer than this is read no further for links


def _links_to(found: Path, name: str) -> bool:
    """Whether the index file ``found`` names its one sibling ``name`` (a link to it, or its
    name in the text): an index lists what it indexes; a record beside one other file (its
    test scenarios, ``TEST.mdx``) does not."""
    try:
        with open(found, "rb") as fh:
            text = fh.read(MAX_INDEX_BYTES).decode("utf-8", "replace")
    except OSError:
        return True
    return name in text or Path(name).stem in text


# Folders that hold templates (exact names, any case): a document found in one, at any depth
# of a walked folder, is a template, never audited as a decision. Named explicitly, it is read.
TEMPLATE_FOLDERS = frozenset({"template", "templates", "_templates"})


def template_folder(found: Path, root: Path) -> str | None:
    """Why a walked file is a template by the folder it sits in, or None."""
    try:
        parts = found.relative_to(root).parts[:-1]
    except ValueError:
        return None
    for part in parts:
        if part.lower() in TEMPLATE_FOLDERS:
            return f"a template, not a decision record (in the {part!r} folder)"
    return None


def record_name(found: Path, root: Path) -> str:
    """The id of a document found under ``root`` that gives none: its path relative to the
    checked folder, without the extension (``core/0001-use-x``)."""
    try:
        rel = found.relative_to(root)
    except ValueError:
        rel = Path(found.name)
    return rel.with_suffix("").as_posix()


_TEMPLATE_NAME = re.compile(r"(?:^|[-_. ])templates?(?:$|[-_. ])", re.IGNORECASE)


def names_a_template(file: str) -> bool:
    """The file's name calls it a template (``0000-template.md``, ``adr-template.md``,
    ``yyyymmdd-rfc-template.md``). Such a file is still read (a name is no proof), but it
    takes part in no folder comparison or count, and its front matter's title stays."""
    stem = posixpath.splitext(posixpath.basename(file.replace("\\", "/")))[0]
    return _TEMPLATE_NAME.search(stem) is not None
