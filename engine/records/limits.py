"""Caps on the size of one record: options, benefits, costs and list items.

Every reader (YAML, JSON, JSON Lines, Markdown, CSV...) maps its input onto a raw mapping and
hands it to :func:`~decaudit.engine.records.validate.to_record`, which checks these caps
before anything else, so they hold whatever the format. A record over a cap is an error
naming the file, the line of the list and the setting to raise; the run goes on.

The caps bound the work and memory one record can cost (facts, rule evaluation and the log
all grow with them). The run sets them with :func:`using`; the defaults hold otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from ..types import Loc


@dataclass(frozen=True)
class Limits:
    """Most items one record may hold (the settings of the same names)."""

    max_options: int = 200
    max_benefits: int = 1000  # per record, over all its options
    max_costs: int = 1000  # per record, over all its options
    max_list_items: int = 1000  # any other list in the record (pros, cons, assumptions...)


DEFAULT_LIMITS = Limits()
NAMES: tuple[str, ...] = ("max_options", "max_benefits", "max_costs", "max_list_items")
_CURRENT: ContextVar[Limits] = ContextVar("decaudit_record_limits", default=DEFAULT_LIMITS)


def current() -> Limits:
    return _CURRENT.get()


def largest() -> int:
    """The largest list any current cap allows (readers keep no more detail than that)."""
    lim = current()
    return max(lim.max_options, lim.max_benefits, lim.max_costs, lim.max_list_items)


@contextmanager
def using(limits: Limits) -> Iterator[None]:
    """Apply ``limits`` to the records validated inside the block."""
    token = _CURRENT.set(limits)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def _over(count: int, cap: int, what: str, setting: str) -> str:
    return f"has {count:,} {what}; a record may hold at most {cap:,} (setting {setting})"


def check(data: dict[str, Any], limits: Limits | None = None) -> tuple[Loc, str] | None:
    """The first cap ``data`` (a raw record) exceeds, as ``(location, message)``, or None."""
    lim = limits or current()
    options = data.get("options")
    if isinstance(options, list):
        if len(options) > lim.max_options:
            return ("options",), _over(len(options), lim.max_options, "options", "max_options")
        benefits = costs = 0
        for i, option in enumerate(options):
            case = option.get("business_case") if isinstance(option, dict) else None
            if not isinstance(case, dict):
                continue
            for key, setting, cap in (
                ("benefits", "max_benefits", lim.max_benefits),
                ("costs", "max_costs", lim.max_costs),
            ):
                items = case.get(key)
                if not isinstance(items, list):
                    continue
                if key == "benefits":
                    benefits += len(items)
                    total = benefits
                else:
                    costs += len(items)
                    total = costs
                if total > cap:
                    loc: Loc = ("options", i, "business_case", key)
                    return loc, _over(total, cap, f"{key} (over all options)", setting)
    return _long_list(data, lim.max_list_items)


_CAPPED = frozenset(("options", "benefits", "costs"))  # lists with caps of their own


def _any_long_list(data: Any, cap: int) -> bool:
    """Whether some list (other than options, benefits, costs) is longer than ``cap``: a walk
    over the containers alone, without the location of every value (almost every record
    passes; :func:`_long_list` then finds the first one and where it is)."""
    if isinstance(data, list):
        if len(data) > cap:
            return True
        stack = [v for v in data if isinstance(v, (dict, list))]
    elif isinstance(data, dict):
        stack = [data]
    else:
        return False
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, list):
                    if len(item) > cap and key not in _CAPPED:
                        return True
                    stack.extend(v for v in item if isinstance(v, (dict, list)))
                elif isinstance(item, dict):
                    stack.append(item)
        else:  # a list in a list
            if len(value) > cap:
                return True
            stack.extend(v for v in value if isinstance(v, (dict, list)))
    return False


def _long_list(data: Any, cap: int) -> tuple[Loc, str] | None:
    """The first list (other than options, benefits, costs) longer than ``cap``."""
    if not _any_long_list(data, cap):
        return None
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*loc, k), v) for k, v in value.items())
        elif isinstance(value, list):
            capped = bool(loc) and loc[-1] in ("options", "benefits", "costs")
            if not capped and len(value) > cap:
                return loc, _over(len(value), cap, "items", "max_list_items")
            stack.extend(((*loc, i), v) for i, v in enumerate(value))
    return None


# A Markdown (or other document) line that starts a list item or a heading.
_LIST_ITEM = re.compile(r"^[ \t]*(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_TABLE_ROW = re.compile(r"^[ \t]*\||<tr\b", re.MULTILINE | re.IGNORECASE)  # "| a |", "<tr>"


def check_document(text: str, limits: Limits | None = None) -> tuple[int, str] | None:
    """Bounds for a one-record document (Markdown), checked before it is parsed.

    A document is one record, so it may hold at most ``max_list_items`` list items and as
    many headings, and table rows (options, benefits, costs) up to the largest cap; reading
    more would cost memory in proportion before the record's own caps could refuse it.
    Returns ``(line, message)`` at the first item over a cap, or None.
    """
    lim = limits or current()
    rows = max(lim.max_options, lim.max_benefits, lim.max_costs, lim.max_list_items)
    for pattern, what, cap, setting in (
        (_LIST_ITEM, "list items", lim.max_list_items, "max_list_items"),
        (_HEADING, "headings", lim.max_list_items, "max_list_items"),
        (_TABLE_ROW, "table rows", rows + 2, "max_benefits, max_costs, max_options"),
    ):
        if len(text) < cap * 2:
            continue  # too short to hold that many: the common case costs nothing
        for count, m in enumerate(pattern.finditer(text), start=1):
            if count > cap:
                line = text.count("\n", 0, m.start()) + 1
                return line, (
                    f"more than {cap:,} {what} in one document; a record may hold at most "
                    f"{cap:,} (setting {setting})"
                    if what != "table rows"
                    else f"more than {cap:,} table rows in one document (settings {setting})"
                )
    return None


# XML a Word document may expand to: its parse tree costs several times this in memory.
MAX_PACKAGE_XML = 32 * 2**20
# Paragraphs (table cells included) of a Word document: python-docx walks each one, so this
# bounds the time and memory of any Word document accepted (a long business case has a few
# thousand).
MAX_PACKAGE_PARAGRAPHS = 20_000


def check_package(data: bytes) -> str | None:
    """Why a Word (zip) document is refused before it is opened, or None: the XML it holds
    must stay under ``MAX_PACKAGE_XML`` once decompressed (a zip bomb is refused unread)."""
    import io
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            total = sum(
                i.file_size
                for i in package.infolist()
                if not i.is_dir() and i.filename.lower().endswith((".xml", ".rels"))
            )
            if total > MAX_PACKAGE_XML:
                return (
                    f"the document expands to {total / 2**20:,.0f} MB of XML; at most "
                    f"{MAX_PACKAGE_XML // 2**20} MB is read (split the document)"
                )
            names = set(package.namelist())
            body = package.read("word/document.xml") if "word/document.xml" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, zlib.error, NotImplementedError):
        return None  # the document reader says what is wrong with it ("zip file version 8.4")
    paragraphs = body.count(b"<w:p>") + body.count(b"<w:p ")
    if paragraphs > MAX_PACKAGE_PARAGRAPHS:
        return (
            f"the document has {paragraphs:,} paragraphs; at most "
            f"{MAX_PACKAGE_PARAGRAPHS:,} are read (split the document)"
        )
    return None
