"""Table headers to record fields, by the synonyms of ``rules/lexicon/business-case.yaml``.

``| Benefit | Type | Low (£m) | Central (£m) | High (£m) | Evidence |`` maps to
description, type, low, projected, high and basis, each column with its unit (``£m``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .money import NumberError, Unit, header_unit, parse_money, parse_range
from .vocab import Vocabulary, contains, reduce, vocabulary

NUMERIC = frozenset(
    {"low", "high", "projected", "realized", "contingency", "optimism_bias", "range"}
)
_YEAR = re.compile(
    r"^(?:fy\s?)?(?:(?:19|20)\d{2}(?:\s?(?:/|-|–)\s?\d{2,4})?|year\s\d{1,2}|y\d{1,2}|yr\s?\d{1,2})$"
)


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    field: str | None  # None: not a column decaudit reads
    unit: Unit
    score: int = 0  # words of the phrase that matched (0: no match)


def match_header(header: str, vocab: Vocabulary | None = None) -> tuple[str | None, int]:
    """The field a header names and how many words matched: the longest synonym found as
    whole words wins; ties go to the field listed first in the vocabulary."""
    vocab = vocab or vocabulary()
    words = reduce(header)
    if not words:
        return None, 0
    best: tuple[int, int, str] | None = None  # (-length, order, field)
    for order, (field_name, phrases) in enumerate(vocab.columns.items()):
        for phrase in phrases:
            if phrase and contains(words, phrase):
                key = (-len(phrase.split()), order, field_name)
                if best is None or key < best:
                    best = key
    if best is None:
        return None, 0
    return best[2], -best[0]


def is_year_header(header: str) -> bool:
    """``2026/27``, ``FY2027``, ``Year 3``: a column of a yearly profile."""
    raw = re.sub(r"[(\[][^)\]]*[)\]]|[*_`]", "", header).strip().lower()
    return bool(_YEAR.match(" ".join(raw.split())))


def map_columns(
    headers: Sequence[str], rows: Sequence[Sequence[str]] = (), vocab: Vocabulary | None = None
) -> dict[str, Column]:
    """Each field to the column that holds it (first best match wins a field).

    Fallbacks, for tables whose headers name no amount: a column whose header carries a money
    unit, or whose cells are mostly figures, is the projected amount; the first column is the
    description."""
    vocab = vocab or vocabulary()
    found: dict[str, Column] = {}
    matched = [(i, h, *match_header(h, vocab)) for i, h in enumerate(headers)]
    # Stronger matches first, so "Realised benefit" takes realized before "Benefit" takes
    # description on a shorter phrase.
    for i, header, field_name, score in sorted(matched, key=lambda m: (-m[3], m[0])):
        if field_name is None or field_name in found:
            continue
        unit = header_unit(header)
        if field_name in NUMERIC and not _mostly_figures(rows, i) and _mostly_words(rows, i):
            # "Savings" over a column of words is the description, not the amount.
            if field_name != "projected":
                continue
            field_name = "description"
        elif field_name == "description" and rows and _mostly_figures(rows, i):
            # "Cost (£k)" over a column of figures is the amount.
            field_name = "projected"
        if field_name in found:
            continue
        found[field_name] = Column(i, header, field_name, unit, score)
    taken = {c.index for c in found.values()}
    if "projected" not in found:
        for i, header in enumerate(headers):
            unit = header_unit(header)
            if i in taken or is_year_header(header):
                continue
            if reduce(header) in ("", "no", "ref", "id", "number", "rank") and not unit.currency:
                continue  # a numbering column
            if (unit.currency or unit.scale != 1.0) or (rows and _mostly_figures(rows, i)):
                found["projected"] = Column(i, header, "projected", unit)
                taken.add(i)
                break
    if (
        "description" not in found
        and headers
        and 0 not in taken
        and reduce(headers[0]) not in ("", "no", "ref", "id", "number", "rank")
    ):
        found["description"] = Column(0, headers[0], "description", header_unit(headers[0]))
    return found


def year_columns(headers: Sequence[str], taken: Mapping[str, Column]) -> list[Column]:
    """The columns of a yearly profile (``2026/27 | 2027/28 | ...``) not otherwise used."""
    used = {c.index for c in taken.values()}
    return [
        Column(i, h, None, header_unit(h))
        for i, h in enumerate(headers)
        if i not in used and is_year_header(h)
    ]


def _cells(rows: Sequence[Sequence[str]], index: int) -> list[str]:
    return [r[index] for r in rows if index < len(r) and r[index].strip()]


def _figure(cell: str) -> bool:
    """A money figure, or a range of two (``£1.2m–£1.8m``)."""
    try:
        return parse_money(cell) is not None
    except NumberError:
        return parse_range(cell) is not None


def _mostly_figures(rows: Sequence[Sequence[str]], index: int) -> bool:
    cells = _cells(rows, index)
    figures = [c for c in cells if _figure(c)]
    return bool(cells) and len(figures) * 2 >= len(cells)


def _mostly_words(rows: Sequence[Sequence[str]], index: int) -> bool:
    cells = _cells(rows, index)
    words = [c for c in cells if not _figure(c) and len(c.split()) >= 2]
    return bool(cells) and len(words) * 2 > len(cells)
