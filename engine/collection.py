"""Facts about a decision as a member of its folder (a collection of decision records).

Some problems show only across the records of a folder, the way ADR tools check a log of
decisions: a superseded decision that names no replacement, or names one that does not
exist; a link to another decision that leads nowhere; two decisions with one number. Each
record of the run is summarised as it streams by (:func:`member_of`, a few small values);
at the end of the run :class:`CollectionAccumulator` turns the summaries into one
``member`` fact per record and one ``link`` fact per link to another decision, which rules
with ``on: member`` or ``on: link`` read like any other facts.

Where the values come from:

* the **number** of a decision: the leading number of its file name (``0005-use-x.md``,
  ``adr-017-x.md``), else of its id (``ADR-0005``);
* **superseded by**: the record's ``superseded_by`` key; else, in a Markdown file, the
  text after "superseded by", "replaced by" or "in favor of" naming a decision (a link, a
  decision number, or on the status line of a superseded record), or, on the status line or
  in the status section, a bare "Superseded" followed at once by a link to a decision or a
  decision number ("Superseded [0019](0019-x.md)"), or else the one decision a superseded
  record's status section links to (a numbered page of the rendered site, ``0039-x.html``,
  names the decision it was built from); a status of deprecated or obsolete claims no
  replacement;
* **links**: the record's ``links`` list; and in a Markdown file every relative link to
  another Markdown, YAML or JSON file (web links, anchors and images are not decisions);
* **heading number**: the number the record's heading or title starts with ("# 12. Use X",
  "# ADR-012: Use X"; a dotted section number "3.2" is none);
* **supersedes**: what the record says it supersedes, amends, replaces or updates (a link
  to a decision or a decision number after one of those words, or the record's
  ``supersedes``/``amends`` keys);
* **template**: the file name calls it a template (``0000-template.md``,
  ``adr-template.md``): it takes part in no title or number comparison.

A reference (a link target, a superseded-by text) resolves when it names a record of the
same folder by file name, id or number, or a file that exists on disk.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .doclinks import DOC_EXT, INLINE_LINK, RST_LINK, SCHEME, is_document_link, page
from .filenumbers import decision_number
from .records.skips import names_a_template
from .records.titles import title_number
from .supersededby import NOT_REPLACED, linked_in_status, replacement_named, says_not_replaced
from .types import SourceRecord

MARKDOWN_FORMATS = frozenset({"madr", "nygard", "freeform", "markdown", "md", "business-case"})
MAX_LINKS = 200  # per record: the rest are ignored
MAX_TEXT = 2 * 2**20  # bytes of a Markdown file read for links

_REF_DEF = re.compile(r"^\s{0,3}\[([^\]\n]{1,200})\]:\s*<?(\S{1,500}?)>?(?:\s+.*)?$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Link:
    target: str  # as written (without its #anchor)
    text: str
    line: int


@dataclass(frozen=True)
class Member:
    """What the folder rules need of one record."""

    did: str
    file: str
    folder: str
    title: str
    line: int  # the record's own line
    number: int | None  # from the file name (one record per file) or else the id
    id_number: int | None  # from the id alone (files holding several records)
    status: str | None
    replaced: bool  # the record says it was superseded or replaced (not merely deprecated)
    superseded_by: str | None  # the replacement as the record names it
    superseded_target: str | None  # its link target, when it is a link
    superseded_line: int
    links: tuple[Link, ...]
    heading_number: int | None = None  # the number its heading or title starts with
    supersedes: tuple[str, ...] = ()  # references to decisions it supersedes or amends
    template: bool = False  # its file name calls it a template


_SUPERSEDES = re.compile(
    r"\b(?:supersedes|supercedes|amends|replaces|revises|updates|overrides)\b\W{0,6}"
    r"(?P<rest>.{1,300})",
    re.IGNORECASE,
)
# "ADR-3", "decision 12", or a process's own prefix in capitals ("FIP-0090", "KEP 1287")
_REF_IN_TEXT = re.compile(
    r"\b(?:adr|decision|record|(?-i:[A-Z]{2,6}))[-_ #]*\d{1,6}\b", re.IGNORECASE
)
# a record named by its file name, not linked ("Replaces 2025-09-04-studio-library-persistence")
_NAME_IN_TEXT = re.compile(r"(?<![\w/.#-])\w+(?:[-_]\w+){2,}(?:\.md)?(?![\w-])")
MAX_SUPERSEDES = 20


def title_key(title: str) -> str:
    """A title compared loosely: case, spacing, quotes and its leading number left out
    ("# 12. Use X" and "use  x" are one title)."""
    return _norm(title_number(title)[1])


def _supersedes(lines: list[tuple[int, str]]) -> list[str]:
    """The decisions a record says it supersedes, amends, replaces or updates: the link
    targets and decision numbers after those words ("Supersedes [ADR 3](0003-x.md)",
    "| Updates | ADR-8 |")."""
    found: list[str] = []
    for _, line in lines:
        for m in _SUPERSEDES.finditer(line):
            rest = m.group("rest")
            for link in INLINE_LINK.finditer(rest):
                if is_document_link(link.group(2)):
                    found.append(link.group(2).split("#", 1)[0])
            found.extend(r.group(0) for r in _REF_IN_TEXT.finditer(rest))
            found.extend(r.group(0) for r in _NAME_IN_TEXT.finditer(INLINE_LINK.sub(" ", rest)))
        if len(found) >= MAX_SUPERSEDES:
            break
    return found[:MAX_SUPERSEDES]


def _named_refs(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if isinstance(v, str | int) and str(v).strip()]


def _markdown_lines(text: str) -> list[tuple[int, str]]:
    """Lines outside fenced code blocks, comments blanked (they hold template hints)."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out: list[tuple[int, str]] = []
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            out.append((number, line))
    return out


def _links(lines: list[tuple[int, str]]) -> list[Link]:
    found: list[Link] = []
    for number, line in lines:
        for m in (*INLINE_LINK.finditer(line), *RST_LINK.finditer(line)):
            target = m.group(2)
            if is_document_link(target):
                found.append(Link(target.split("#", 1)[0], m.group(1).strip(), number))
        ref = _REF_DEF.match(line)
        if ref and is_document_link(ref.group(2)):
            found.append(Link(ref.group(2).split("#", 1)[0], ref.group(1).strip(), number))
        if len(found) >= MAX_LINKS:
            break
    return found[:MAX_LINKS]


def _read_text(file: str) -> str:
    try:
        with open(file, "rb") as fh:
            data = fh.read(MAX_TEXT)
    except OSError:
        return ""
    return data.decode("utf-8", errors="replace")


def member_of(src: SourceRecord, folder: str) -> Member:
    rec = src.record
    extra: Mapping[str, Any] = rec.model_extra or {}
    links: list[Link] = []
    for i, item in enumerate(extra.get("links") or ()):
        if isinstance(item, str) and item.strip():
            links.append(Link(item.strip(), item.strip(), src.line_of(("links", i))))
    superseded: tuple[str, str | None, int] | None = None
    named = extra.get("superseded_by")
    if isinstance(named, str) and named.strip():
        superseded = (named.strip(), None, src.line_of(("superseded_by",)))
    replaced = rec.status == "superseded"
    status_text = extra.get("status_text")
    if isinstance(status_text, str) and NOT_REPLACED.match(status_text):
        replaced = False
    supersedes = [r for key in ("supersedes", "amends") for r in _named_refs(extra.get(key))]
    if src.format in MARKDOWN_FORMATS and src.file not in ("", "-"):
        lines = _markdown_lines(_read_text(src.file))
        if replaced and says_not_replaced(lines):
            replaced = False
        links.extend(_links(lines))
        supersedes.extend(_supersedes(lines))
        if superseded is None:
            superseded = replacement_named(lines, status_known=rec.status == "superseded")
        if superseded is None and replaced:
            superseded = linked_in_status(lines)  # "... ([ADR 39](0039-x.html))"
    if superseded is None and isinstance(status_text, str):
        superseded = replacement_named(
            [(src.line_of(("status",)), "status: " + status_text)],
            status_known=rec.status == "superseded",
        )
    return Member(
        did=rec.id,
        file=src.file,
        folder=folder,
        title=rec.title,
        line=src.line_of(()),
        number=decision_number(src.file, rec.id),
        id_number=decision_number("", rec.id),
        status=rec.status,
        replaced=replaced,
        superseded_by=superseded[0] if superseded else None,
        superseded_target=superseded[1] if superseded else None,
        superseded_line=superseded[2] if superseded else src.line_of(("status",)),
        links=tuple(links[:MAX_LINKS]),
        heading_number=_heading_number(rec.title, extra),
        supersedes=tuple(supersedes[:MAX_SUPERSEDES]),
        template=names_a_template(src.file),
    )


def _heading_number(title: str, extra: Mapping[str, Any]) -> int | None:
    """The number of the record's heading (a document reader keeps it apart from the
    title), else the number its title starts with ("ADR-013: Use X")."""
    kept = extra.get("x_heading_number")
    if isinstance(kept, int) and not isinstance(kept, bool):
        return kept
    return title_number(title)[0]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[\"'`*_\[\]]", "", text).lower().split())


_PAGE_SUFFIXES = ("", ".md", ".mdx", "/index.md", "/README.md")


def _site_path_exists(base_file: str, target: str) -> bool:
    """A site-absolute link (``/contributing/ADRs/front-end/x``, as documentation sites
    write them) names a file that exists: its last parts, with or without ``.md``, under
    the record's folder or one of the three folders above it."""
    parts = [p for p in target.split("#", 1)[0].split("/") if p]
    folder = posixpath.dirname(base_file)
    for _ in range(4):
        for start in range(max(0, len(parts) - 3), len(parts)):
            tail = "/".join(parts[start:])
            if any(_is_file(posixpath.join(folder, tail + sfx)) for sfx in _PAGE_SUFFIXES):
                return True
        if not folder or folder == posixpath.dirname(folder):
            break
        folder = posixpath.dirname(folder)
    return False


def _exists(base_file: str, target: str, *, above: bool = False) -> bool:
    """The linked file exists beside the record; with ``above``, a bare file name also in
    the folder above it (a log that moves replaced records into a subfolder,
    ``historic-adrs/``, keeps naming their replacements as they were named before)."""
    if base_file in ("", "-"):
        return False
    if SCHEME.match(target):  # the repository's own page by URL: its file name beside it
        name = posixpath.basename(page(target))
        here = posixpath.join(posixpath.dirname(base_file), name)
        return name.lower().endswith(DOC_EXT) and _is_file(here)
    if target.startswith("/"):
        return _site_path_exists(base_file, target)
    here = posixpath.dirname(base_file)
    places = [here] + ([posixpath.dirname(here)] if above and "/" not in target and here else [])
    return any(_is_file(posixpath.normpath(posixpath.join(place, target))) for place in places)


def _is_file(path: str) -> bool:
    """Whether ``path`` is a file; False for a name the system refuses (too long)."""
    try:
        return Path(path).is_file()
    except OSError:
        return False
