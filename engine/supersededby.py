"""What a superseded decision names as its replacement: "Superseded by [ADR-12](...)",
"replaced by ...", "in favor of ...", a bare "Superseded [0019](0019-x.md)" on the status
line or in the status section, and "Superseded - See <link>"; and whether the status says
deprecated or obsolete instead (which claims no replacement)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator

from .doclinks import INLINE_LINK, RST_LINK, SCHEME, WEB_URL, is_document_link, page
from .filenumbers import NUMBER

_SUPERSEDED = re.compile(
    # "Superseded (as never implemented) by [ADR 32](/adr/32)": an aside before "by"
    r"\b(?:(?:superseded|superceded|replaced)(?:\s*\([^()\n]{1,60}\))?\s*[(\[:,\u2013\u2014-]?\s*"
    r"(?:by|with)\b|in\s+favou?r\s+of)"
    r"\s*:?\s*(?P<rest>.{1,300})",
    re.IGNORECASE,
)
# Statuses a reader maps to superseded that claim no replacement: a deprecated or obsolete
# decision may simply have been dropped.
NOT_REPLACED = re.compile(r"^\W*(?:deprecat|obsolet|retired|abandon)", re.IGNORECASE)
# A template's status line that lists the choices ("proposed | accepted | superseded by ...")
_STATUS_WORDS = r"(?:proposed|accepted|rejected|deprecated|superseded|draft|approved|…|\.\.\.)"
_CHOICES = re.compile(rf"\b{_STATUS_WORDS}\s*\|\s*{_STATUS_WORDS}", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"[|{}]|\bx{3,}\b|yyyy|\.\.\.|…", re.IGNORECASE)

_STATUS_LINE = re.compile(r"^\W*status\W", re.IGNORECASE)
# "ADR-0057", "decision 12", a proposal series' own id ("SCP-022", "RFC 12"), not a PR's
REF_WORD = r"\b(?:adr|decision|record|proposal|(?-i:(?!PR\b|MR\b)[A-Z]{2,5}))"
_NAMED_REF = REF_WORD + r"[-_ #]*\d{1,6}\b"
_DECISION_REF = re.compile(rf"{_NAMED_REF}|^\W*#?\d{{1,6}}\b", re.I)
# in prose a number alone names no decision ("in favor of `2`"), a named one or "#12" does
_PROSE_REF = re.compile(rf"{_NAMED_REF}|^\W*#\d{{1,6}}\b", re.I)


def _by_part(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, bool]]:
    """Each line but the headings, with whether it stands in a status part ("## Status", or
    "## Superseded" over its note)."""
    in_status = False
    for number, line in lines:
        if line.lstrip().startswith("#"):
            in_status = _STATUS_HEADING.search(line) is not None
            continue
        yield number, line, in_status


def replacement_named(
    lines: list[tuple[int, str]], *, status_known: bool
) -> tuple[str, str | None, int] | None:
    """(text, link target, line) of the first "superseded by ..." naming a decision.

    Prose says "superseded by" or "replaced with" of many things ("this library is
    superseded by log4j"). So on a status line or in the status section, any of the phrases
    counts; elsewhere only "superseded by" and "in favor of", with a link to a decision file
    or a decision number ("ADR-0057"), or in a superseded record a name and its web page.
    A bare name counts only on the status line or section of a superseded record."""
    for number, line, in_status in _by_part(_joined(lines)):
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
        link = INLINE_LINK.search(rest) or RST_LINK.search(rest)
        leads = on_status or line.lstrip(" *_>").lower().startswith(("superseded", "superceded"))
        site = link is not None and leads and link.group(2).startswith("/")  # a docs site's path
        if link is not None and (is_document_link(link.group(2)) or site):
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
    link = INLINE_LINK.match(rest)
    if link is not None and is_document_link(link.group(2)):
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
    link = INLINE_LINK.match(rest)
    if link is not None:
        return _named_by(link) if is_document_link(link.group(2)) else None
    text = re.split(r"[.;,)](?:\s|$)", rest, maxsplit=1)[0].strip(" *_`.\"'")
    if _YEAR.match(text):  # "Superseded 2024-05-01": a date, not a decision number
        return None
    return (text, None) if _DECISION_REF.match(text) else None


def says_not_replaced(lines: list[tuple[int, str]]) -> bool:
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
            return NOT_REPLACED.match(text[m.end() :]) is not None
        if in_status and text:
            return NOT_REPLACED.match(text) is not None
    return False


_HTML_PAGE = re.compile(r"\.html?$", re.IGNORECASE)


def linked_in_status(lines: list[tuple[int, str]]) -> tuple[str, str | None, int] | None:
    """(text, link target, line) of the one decision the status section of a superseded
    record links to, when no "superseded by" words name it: "we moved off kubesaw entirely
    ([ADR 39](0039-workspace-deprecation.html))". A numbered page of the rendered site
    (``.html``) names the decision it was built from. Links to several decisions name none."""
    found: dict[str, tuple[str, str | None, int]] = {}
    for number, line, in_status in _by_part(lines):
        for link in INLINE_LINK.finditer(line) if in_status else ():
            target = page(link.group(2))
            if is_document_link(target) or _site_page(target):
                found.setdefault(target, (*_named_by(link), number))
    return next(iter(found.values())) if len(found) == 1 else None


def _site_page(target: str) -> bool:
    """A relative link to a numbered page of the rendered site (``0039-x.html``)."""
    if SCHEME.match(target) or target.startswith("/") or not _HTML_PAGE.search(target):
        return False
    return NUMBER.match(posixpath.basename(target)) is not None
