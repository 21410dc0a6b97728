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
  decision number ("Superseded [0019](0019-x.md)"); a status of deprecated or obsolete
  claims no replacement;
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

from .filenumbers import NUMBER, decision_number
from .records.titles import title_number
from .types import SourceRecord

MARKDOWN_FORMATS = frozenset({"madr", "nygard", "freeform", "markdown", "md", "business-case"})
MAX_LINKS = 200  # per record: the rest are ignored
MAX_TEXT = 2 * 2**20  # bytes of a Markdown file read for links

_INLINE_LINK = re.compile(
    r"(?<!!)\[([^\]\n]{0,300})\]\(\s*<?([^)\s>]{1,500})>?(?:\s+\"[^\"]*\")?\s*\)"
)
# reStructuredText's `APE18 <APE18.rst>`_ and a Sphinx role's :ref:`SLEP006 <slep_006>`
_RST_LINK = re.compile(r"(?::\w+:)?`([^`<]*?)\s*<([^`<>\s]{1,500})>`(?:__?)?")
_REF_DEF = re.compile(r"^\s{0,3}\[([^\]\n]{1,200})\]:\s*<?(\S{1,500}?)>?(?:\s+.*)?$")
_SUPERSEDED = re.compile(
    # "Superseded (as never implemented) by [ADR 32](/adr/32)": an aside before "by"
    r"\b(?:(?:superseded|superceded|replaced)(?:\s*\([^()\n]{1,60}\))?\s*[(\[:,\u2013\u2014-]?\s*"
    r"(?:by|with)\b|in\s+favou?r\s+of)"
    r"\s*:?\s*(?P<rest>.{1,300})",
    re.IGNORECASE,
)
# Statuses a reader maps to superseded that claim no replacement: a deprecated or obsolete
# decision may simply have been dropped.
_NOT_REPLACED = re.compile(r"^\W*(?:deprecat|obsolet|retired|abandon)", re.IGNORECASE)
_DOC_EXT = (".md", ".markdown", ".mdx", ".rst", ".yaml", ".yml", ".json")
# A template's status line that lists the choices ("proposed | accepted | superseded by ...")
_STATUS_WORDS = r"(?:proposed|accepted|rejected|deprecated|superseded|draft|approved|…|\.\.\.)"
_CHOICES = re.compile(rf"\b{_STATUS_WORDS}\s*\|\s*{_STATUS_WORDS}", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"[|{}]|\bx{3,}\b|yyyy|\.\.\.|…", re.IGNORECASE)
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


_TEMPLATE_NAME = re.compile(r"(?:^|[-_. ])templates?(?:$|[-_. ])", re.IGNORECASE)
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
            for link in _INLINE_LINK.finditer(rest):
                if _is_document_link(link.group(2)):
                    found.append(link.group(2).split("#", 1)[0])
            found.extend(r.group(0) for r in _REF_IN_TEXT.finditer(rest))
            found.extend(r.group(0) for r in _NAME_IN_TEXT.finditer(_INLINE_LINK.sub(" ", rest)))
        if len(found) >= MAX_SUPERSEDES:
            break
    return found[:MAX_SUPERSEDES]


def _named_refs(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if isinstance(v, str | int) and str(v).strip()]


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
WEB_URL = re.compile(r"^[a-z][\w+.-]*://", re.IGNORECASE)  # a page on the web, not a file


def _page(target: str) -> str:
    """A link's target without its anchor and query: the page it leads to."""
    return target.split("#", 1)[0].split("?", 1)[0]


_BLANK_NUMBER = re.compile(r"(?<![A-Za-z])(?:N{3,}|X{3,}|Y{4})(?![A-Za-z])")


def _is_document_link(target: str) -> bool:
    """A relative link to a decision: a document file of the same folder, or elsewhere one
    whose name is numbered like a decision (``../adr/0005-x.md``). Links to other parts of
    a repository (guides, designs) are not about the collection."""
    if not target or target.startswith(("#", "/")) or _SCHEME.match(target):
        return False  # an anchor, a site path, or any scheme ("mailto:", "mdc:README.md")
    if _BLANK_NUMBER.search(target):
        return False  # a template's blank: "[HXP-NNNN](NNNN-filename.md)"
    path = _page(target)
    if not path.lower().endswith(_DOC_EXT):
        return False
    inside = posixpath.dirname(posixpath.normpath(path)) in ("", ".")
    return inside or NUMBER.match(posixpath.basename(path)) is not None


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
        for m in (*_INLINE_LINK.finditer(line), *_RST_LINK.finditer(line)):
            target = m.group(2)
            if _is_document_link(target):
                found.append(Link(target.split("#", 1)[0], m.group(1).strip(), number))
        ref = _REF_DEF.match(line)
        if ref and _is_document_link(ref.group(2)):
            found.append(Link(ref.group(2).split("#", 1)[0], ref.group(1).strip(), number))
        if len(found) >= MAX_LINKS:
            break
    return found[:MAX_LINKS]


_STATUS_LINE = re.compile(r"^\W*status\W", re.IGNORECASE)
# "ADR-0057", "decision 12", a proposal series' own id ("SCP-022", "RFC 12"), not a PR's
REF_WORD = r"\b(?:adr|decision|record|proposal|(?-i:(?!PR\b|MR\b)[A-Z]{2,5}))"
_NAMED_REF = REF_WORD + r"[-_ #]*\d{1,6}\b"
_DECISION_REF = re.compile(rf"{_NAMED_REF}|^\W*#?\d{{1,6}}\b", re.I)
# in prose a number alone names no decision ("in favor of `2`"), a named one or "#12" does
_PROSE_REF = re.compile(rf"{_NAMED_REF}|^\W*#\d{{1,6}}\b", re.I)


def _superseded(
    lines: list[tuple[int, str]], *, status_known: bool
) -> tuple[str, str | None, int] | None:
    """(text, link target, line) of the first "superseded by ..." naming a decision.

    Prose says "superseded by" or "replaced with" of many things ("this library is
    superseded by log4j"). So on a status line or in the status section, any of the phrases
    counts; elsewhere only "superseded by" and "in favor of", with a link to a decision file
    or a decision number ("ADR-0057"), or in a superseded record a name and its web page.
    A bare name counts only on the status line or section of a superseded record."""
    in_status = False
    for number, line in _joined(lines):
        if line.lstrip().startswith("#"):  # "## Status", or "## Superseded" over its note
            in_status = _STATUS_HEADING.search(line) is not None
            continue
        if (on_web := _LINKED_STATUS.search(line)) and _STATUS_LINE.match(line):
            return on_web.group(1), on_web.group(1), number  # "Status: [superseded](https://
        m = _SUPERSEDED.search(line)  # .../pull/11553)": the change that replaced it
        if m is None and (seen := _see_superseded(line)) is not None:
            return (*seen, number)  # "Superseded - See <.../0024-plan.md>"
        if m is None:
            bare = _bare_superseded(line) if in_status or _STATUS_LINE.match(line) else None
            if bare is not None:
                return (*bare, number)
            continue
        rest = m.group("rest")
        if _PLACEHOLDER.search(rest) or _CHOICES.search(line):
            continue  # "Status: [proposed | accepted | … | superseded by ADR-0005]"
        on_status = in_status or _STATUS_LINE.match(line) is not None
        if not on_status and m.group(0).lower().startswith("replaced"):
            continue
        link = _INLINE_LINK.search(rest) or _RST_LINK.search(rest)
        leads = on_status or line.lstrip(" *_>").lower().startswith(("superseded", "superceded"))
        site = link is not None and leads and link.group(2).startswith("/")  # a docs site's path
        if link is not None and (_is_document_link(link.group(2)) or site):
            return (*_named_by(link), number)
        if link is not None and WEB_URL.match(link.group(2)):
            if leads:  # "Superseded by [#3555](https://.../pull/3555)": the change that
                return (*_named_by(link), number)  # replaced it (or its page), on the web
            continue  # a web page said in passing, no replacement
        text = re.split(r"[.;,)](?:\s|$)", rest.strip(" *_`\"'"), maxsplit=1)[0]
        text = text.strip(" *_`.\"'")
        if link is None and status_known and (url := _NAMED_ON_WEB.match(rest)) is not None:
            return url.group("name"), url.group("url"), number  # "superseded by the X Code
            # of Conduct, which can be found at https://...": named, and kept on the web
        if link is not None:
            text = link.group(1).strip()
        ref = _DECISION_REF if on_status else _PROSE_REF
        if text and (ref.search(text) or (status_known and on_status)):
            return text, None, number
    return None


# "the NumFOCUS Code of Conduct, which can be found at https://...": a name, then its page
_NAMED_ON_WEB = re.compile(
    r"\s*(?P<name>(?:the\s+)?[A-Z][^.;()\n]{2,120}?)[,:]?\s+(?:\(|which\s+(?:can\s+be|is)\s+"
    r"(?:found|read|kept|published)\s+(?:at|on|in)\s+|at\s+|see\s+)?<?(?P<url>https?://[^\s>)]+)"
)
_LINKED_STATUS = re.compile(r"\[\W*(?:superseded|superceded)\W*\]\((https?://[^()\s]+)\)", re.I)
_BY_WORDS = re.compile(r"\b(?:superseded|superceded|replaced)\s+by\b", re.IGNORECASE)
_STATUS_HEADING = re.compile(r"status|supersed|supercede|deprecat|obsolete", re.IGNORECASE)


# "Superseded - See <https://.../0024-plan.md>": a line that opens on the word, then "See" a record
_SEE = re.compile(
    r"^\W*(?:status\W+)?(?:superseded|superceded)\b.{0,200}?\bsee\s+(?P<rest>\S.{0,500})",
    re.IGNORECASE,
)
_DOC_URL = re.compile(r"<?(https?://[^\s>]+?\.(?:md|markdown|mdx))>?(?:[\s.,;)]|$)", re.I)


def _named_by(link: re.Match[str]) -> tuple[str, str]:
    """(text, target without its anchor) of a Markdown link naming a replacement."""
    return link.group(1).strip() or link.group(2), link.group(2).split("#", 1)[0]


def _see_superseded(line: str) -> tuple[str, str | None] | None:
    """(text, link target) of the document a "Superseded ... See <link>" line points at."""
    m = _SEE.match(line)
    if m is None:
        return None
    rest = m.group("rest")
    link = _INLINE_LINK.match(rest)
    if link is not None and _is_document_link(link.group(2)):
        return _named_by(link)
    url = _DOC_URL.match(rest)
    if url is not None:
        name = url.group(1).rsplit("/", 1)[-1]
        return name, name
    return None


_ENDS = re.compile(r"[.!?](?:\s|$)")  # a sentence ends on the line
# "Superseded by" at the end of a line, the replacement on the next
_DANGLING = re.compile(r"\b(?:superseded|superceded|replaced)\s+(?:by|with)\s*:?\s*$", re.I)


def _joined(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines, each that ends with "Superseded by", stops inside a link's text ("replaced
    by a [new" / "proposal](...)") or leaves its "superseded by" sentence unfinished, joined
    with the next non-empty lines (up to :data:`MAX_JOINED`, until the sentence ends)."""
    out: list[tuple[int, str]] = []
    n = 0
    while n < len(lines):
        number, line = lines[n]
        n += 1
        by = _BY_WORDS.search(line)
        opened = by is not None and line.count("[") > line.count("]")
        if not (_DANGLING.search(line) or opened) and (by is None or _ENDS.search(line, by.end())):
            out.append((number, line))
            continue
        for _ in range(MAX_JOINED):
            while n < len(lines) and not lines[n][1].strip():
                n += 1
            if n >= len(lines) or lines[n][1].lstrip().startswith("#"):
                break
            line = f"{line.rstrip()} {lines[n][1].strip()}"
            n += 1
            if _ENDS.search(line, by.end() if by else 0) and line.count("[") <= line.count("]"):
                break
        out.append((number, line))
    return out


MAX_JOINED = 3  # lines joined to a "superseded by" sentence


# "Superseded [0019](0019-x.md)", "Superseded: ADR-0019": on a status line or in the status
# section, the word alone followed at once by a link or decision number names the replacement.
_SUPERSEDED_BARE = re.compile(
    r"\b(?:superseded|superceded|replaced)\b\W{0,3}?(?P<rest>(?:\[|adr|decision|record|#?\d).{0,300})",
    re.IGNORECASE,
)


_YEAR = re.compile(r"(?:19|20)\d\d\b")


def _bare_superseded(line: str) -> tuple[str, str | None] | None:
    """(text, link target) of a replacement named right after a bare "Superseded"."""
    m = _SUPERSEDED_BARE.search(line)
    if m is None:
        return None
    rest = m.group("rest")
    link = _INLINE_LINK.match(rest)
    if link is not None:
        return _named_by(link) if _is_document_link(link.group(2)) else None
    text = re.split(r"[.;,)](?:\s|$)", rest, maxsplit=1)[0].strip(" *_`.\"'")
    if _YEAR.match(text):  # "Superseded 2024-05-01": a date, not a decision number
        return None
    return (text, None) if _DECISION_REF.match(text) else None


def _says_not_replaced(lines: list[tuple[int, str]]) -> bool:
    """The status line, or the first line of the status section, says deprecated or
    obsolete (a reader may map those to superseded, but they claim no replacement)."""
    in_status = False
    for _, line in lines:
        text = line.strip()
        if text.startswith("#"):
            in_status = "status" in text.lower()
            continue
        m = _STATUS_LINE.match(text)
        if m is not None:
            return _NOT_REPLACED.match(text[m.end() :]) is not None
        if in_status and text:
            return _NOT_REPLACED.match(text) is not None
    return False


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
    if isinstance(status_text, str) and _NOT_REPLACED.match(status_text):
        replaced = False
    supersedes = [r for key in ("supersedes", "amends") for r in _named_refs(extra.get(key))]
    if src.format in MARKDOWN_FORMATS and src.file not in ("", "-"):
        lines = _markdown_lines(_read_text(src.file))
        if replaced and _says_not_replaced(lines):
            replaced = False
        links.extend(_links(lines))
        supersedes.extend(_supersedes(lines))
        if superseded is None:
            superseded = _superseded(lines, status_known=rec.status == "superseded")
    if superseded is None and isinstance(status_text, str):
        superseded = _superseded(
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
        template=_TEMPLATE_NAME.search(posixpath.splitext(posixpath.basename(src.file))[0])
        is not None,
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
    if _SCHEME.match(target):  # the repository's own page by URL: its file name beside it
        name = posixpath.basename(_page(target))
        here = posixpath.join(posixpath.dirname(base_file), name)
        return name.lower().endswith(_DOC_EXT) and _is_file(here)
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
