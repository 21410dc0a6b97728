"""Money, numbers and percentages as business cases write them.

``£1.2m``, ``$450k``, ``EUR 3,400,000``, ``(120)`` in a ``£k`` column, ``1.2 million``,
``-£0.3bn``, ``12%``. A cell with no digit at all ("not monetised", "n/a", "TBC", "-") is
*not given* (None); a cell with digits that still cannot be read is a :class:`NumberError`,
which the reader reports as an input error naming the file and line.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

CURRENCIES: dict[str, str] = {
    "£": "GBP",
    "gbp": "GBP",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "chf": "CHF",
    "a$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "cad": "CAD",
    "¥": "JPY",
    "jpy": "JPY",
}
SCALES: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "000s": 1e3,
    "'000": 1e3,
    "'000s": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "MM": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
}
_SCALE_WORDS = {k.lower(): v for k, v in SCALES.items()}
# Words around a figure that do not change it: approximations and periods.
_NOISE = re.compile(
    r"(?i)(?:\b(?:c\.|ca\.|circa|approx\.?|approximately|about|around|up to|est\.?|estimated)"
    r"(?=\s|\d|[£$€])|~|≈|\s*(?:p\.?\s?a\.?|per\s+(?:year|annum|month|yr)|a\s+year|/\s*(?:yr|year|y|"
    r"annum|month|mo)|each\s+year|yearly|annually|pa)\.?\s*$)"
)
_CURRENCY = re.compile(r"(?i)(us\$|a\$|c\$|£|\$|€|¥|\b(?:gbp|usd|eur|chf|aud|cad|jpy)\b)")
_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$")
_SPACED = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009](?=\d{3}(?!\d))")
_MINUS = "-−–"  # hyphen, minus sign, en dash
_PLACEHOLDER_DIGITS = re.compile(r"^\s*(?:tbc|tbd|n/?a|nil)\s*\d*\s*$", re.I)


# A currency written with a figure or a unit: "£1.2m", "$ 450k", "(€m)", "EUR 3,400", "12m GBP".
_FIGURE_CURRENCY = re.compile(
    r"(?i)(us\$|a\$|c\$|£|\$|€|¥)\s?(?=\d|'000|(?:k|m|mn|bn|thousands?|millions?|billions?)\b)"
    r"|\b(gbp|usd|eur|chf|aud|cad|jpy)\b(?=\s?[\d(]|\s?(?:k|m|mn|bn|thousands?|millions?)\b)"
    r"|(?<=[\d)kKmMnb])\s?\b(gbp|usd|eur|chf|aud|cad|jpy)\b"
)


def document_currency(texts: Iterable[str]) -> str | None:
    """The currency a document's figures are in: the ISO code of the symbol or code written
    most often with a figure or a unit (the first met on a tie), or None without one."""
    counts: Counter[str] = Counter()
    for text in texts:
        for m in _FIGURE_CURRENCY.finditer(text):
            code = next(g for g in m.groups() if g)
            counts[CURRENCIES[code.lower()]] += 1
    return counts.most_common(1)[0][0] if counts else None


class NumberError(ValueError):
    """Text that looks like a figure but cannot be read as one."""


@dataclass(frozen=True)
class Money:
    value: float
    currency: str | None = None  # ISO code, when the text names one


@dataclass(frozen=True)
class Unit:
    """The unit a table header or caption gives its figures: ``(£m)``, ``$ thousands``."""

    scale: float = 1.0
    currency: str | None = None
    percent: bool = False


_HEADER_UNIT = re.compile(
    r"(?i)(us\$|a\$|c\$|£|\$|€|¥|\b(?:gbp|usd|eur|chf|aud|cad|jpy)\b)?\s*"
    r"('000s?|000s|\b(?:k|m|mn|mm|bn|b|thousands?|millions?|billions?)\b)"
)


def header_unit(text: str) -> Unit:
    """The unit a header announces: ``Central (£m)`` -> scale 1e6, GBP; ``%`` -> percent.

    Only units written next to a currency or inside brackets count, so the word "m" in
    ordinary prose is not read as millions."""
    percent = "%" in text or bool(re.search(r"(?i)\b(percent|per cent)\b", text))
    currency = None
    if m := _CURRENCY.search(text):
        currency = CURRENCIES[m.group(1).lower()]
    scale = 1.0
    for bracket in re.findall(r"[(\[]([^)\]]*)[)\]]", text) + _currency_runs(text):
        if u := _HEADER_UNIT.search(bracket):
            scale = _SCALE_WORDS[u.group(2).lower()]
            break
    else:
        if m2 := re.search(r"(?i)\bin\s+(?:[£$€]\s*)?(thousands|millions|billions)\b", text):
            scale = _SCALE_WORDS[m2.group(1).lower()]
    return Unit(scale=scale, currency=currency, percent=percent)


def _currency_runs(text: str) -> list[str]:
    """``£m``, ``$k``, ``€bn``, ``EUR m``: a currency glued to a scale, outside brackets."""
    return re.findall(
        r"(?i)(?:us\$|£|\$|€|\b(?:gbp|usd|eur)\s?)(?:'000s?|000s|k|m|mn|bn|b)\b", text
    )


def is_blank(text: str | None) -> bool:
    """No figure given: empty, a dash, or words with no digit ("not monetised", "TBC")."""
    if text is None:
        return True
    stripped = text.strip()
    return (
        not stripped
        or not any(ch.isdigit() for ch in stripped)
        or bool(_PLACEHOLDER_DIGITS.match(stripped))
    )


def parse_money(text: str, unit: Unit | None = None) -> Money | None:
    """A money figure in base units, or None when none is given.

    ``unit`` is the column's unit (from its header): a bare ``1.2`` in a ``£m`` column is
    1,200,000; a figure carrying its own scale (``450k``) keeps it."""
    if is_blank(text):
        return None
    raw = text
    body = _strip_markup(text)
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    currency = None
    if m := _CURRENCY.search(body):
        currency = CURRENCIES[m.group(1).lower()]
        body = (body[: m.start()] + " " + body[m.end() :]).strip()
    body = _NOISE.sub(" ", body).strip()
    if body[:1] in _MINUS:
        negative, body = not negative, body[1:].strip()
    if body.startswith("(") and body.endswith(")"):
        negative, body = not negative, body[1:-1].strip()
    if body[:1] in _MINUS:  # "£(-1.2m)" and the like
        negative, body = not negative, body[1:].strip()
    if body.startswith("+"):
        body = body[1:].strip()
    scale = 1.0
    scaled = False
    if (
        (
            sm := re.search(
                r"(?i)\s*('000s?|000s|k|m|mn|mm|mio|bn|b|thousands?|millions?|billions?)$", body
            )
        )
        and sm.start() > 0
        and body[sm.start() - 1 : sm.start()].strip() in ("", *"0123456789")
    ):
        word = sm.group(1)
        scale = SCALES.get(word, _SCALE_WORDS[word.lower()])
        scaled = True
        body = body[: sm.start()].strip()
    body = _SPACED.sub(",", body)
    if body.endswith(".") and body[-2:-1].isdigit():  # "$10,000." ending a sentence
        body = body[:-1]
    if not _NUMBER.match(body) or not body.strip(".,"):
        raise NumberError(f"cannot read {raw.strip()!r} as an amount")
    value = float(body.replace(",", ""))
    if not scaled and unit is not None:
        scale = unit.scale
    value *= scale
    if not math.isfinite(value):
        raise NumberError(f"{raw.strip()!r} is out of range")
    if negative:
        value = -value
    value = _tidy(value)
    return Money(value=value, currency=currency or (unit.currency if unit else None))


_RANGE_SEP = re.compile(r"\s*(?:–|—|\bto\b|-)\s*")
_SCALE_END = re.compile(r"(?i)\d\s?(k|m|mn|bn|b|thousand|million|billion)\)?$")


def parse_range(text: str, unit: Unit | None = None) -> tuple[float, float] | None:
    """A range written in one cell: ``£1.2m–£1.8m``, ``£1.2–1.8m``, ``300 to 450``; None when
    the text is not a range of two figures. A scale on the second figure only applies to
    both."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not digits:
        return None
    for m in _RANGE_SEP.finditer(text):
        if m.start() <= digits[0] or m.end() >= len(text):
            continue
        left, right = text[: m.start()], text[m.end() :]
        try:
            high = parse_money(right, unit)
            scale = _SCALE_END.search(right.strip())
            left_unit = unit
            if scale and not _SCALE_END.search(left.strip()):
                left_unit = Unit(
                    scale=SCALES.get(scale.group(1), _SCALE_WORDS[scale.group(1).lower()])
                )
            low = parse_money(left, left_unit)
        except NumberError:
            continue
        if low is not None and high is not None and low.value <= high.value:
            return low.value, high.value
    return None


def parse_fraction(text: str) -> float | None:
    """A share as a fraction: ``15%`` -> 0.15, ``0.15`` -> 0.15, ``15`` -> 0.15 (a bare
    number above 1 is read as a percentage). None when no figure is given."""
    if is_blank(text):
        return None
    body = _strip_markup(text)
    body = re.sub(r"(?i)\b(?:c\.|circa|approx\.?|about|around)\s*", "", body).strip()
    percent = body.endswith("%") or bool(re.search(r"(?i)\s*(?:percent|per cent|pc)$", body))
    body = re.sub(r"(?i)\s*(?:%|percent|per cent|pc)$", "", body).strip()
    if not re.fullmatch(r"\+?(?:\d+(?:\.\d*)?|\.\d+)", body):
        raise NumberError(f"cannot read {text.strip()!r} as a percentage")
    value = float(body.lstrip("+"))
    if percent or value > 1:
        value /= 100
    if not math.isfinite(value):
        raise NumberError(f"{text.strip()!r} is out of range")
    return round(value, 10)


def parse_number(text: str) -> float | None:
    """A plain quantity (years, a ratio): ``10``, ``7.5 years``, ``3.2x``."""
    if is_blank(text):
        return None
    body = _strip_markup(text)
    m = re.match(r"^[+]?(\d+(?:\.\d+)?)\s*(?:x|years?|yrs?|months?|mths?)?\.?$", body, re.I)
    if not m:
        raise NumberError(f"cannot read {text.strip()!r} as a number")
    value = float(m.group(1))
    if re.search(r"(?i)\b(?:months?|mths?)\b", body):
        value = round(value / 12, 4)
    return _tidy(value)


def first_money(text: str, unit: Unit | None = None) -> Money | None:
    """The first figure in a sentence ("an NPV of £12.3m over ten years"), or None."""
    pattern = re.compile(
        r"\(?(?:(?:us\$|£|\$|€)\s?|\b(?:gbp|usd|eur)\s?)?[-−]?\d[\d,.]*"
        r"(?:\s?(?:k|m|mn|bn|b|thousand|million|billion)\b)?\)?",
        re.I,
    )
    for m in pattern.finditer(text):
        token = m.group(0).rstrip(".,")
        has_currency = bool(_CURRENCY.search(token))
        has_scale = bool(re.search(r"(?i)\d\s?(?:k|m|mn|bn|b|thousand|million|billion)\)?$", token))
        if not (has_currency or has_scale or unit is not None):
            continue
        if re.search(r"(?i)^\d{4}$", token):  # a year
            continue
        try:
            return parse_money(token, unit)
        except NumberError:
            continue
    return None


def _strip_markup(text: str) -> str:
    body = text.strip()
    body = re.sub(r"^(\*\*|__|\*|_|`)(.*)\1$", r"\2", body).strip()
    body = re.sub(r"(?:\[\d+\]|[*†‡]+)$", "", body).strip()  # footnote markers
    return body


def _tidy(value: float) -> float:
    """Round away binary noise from scaling (1.2 * 1e6 -> 1200000.0, not 1199999.9999)."""
    if value == 0:
        return 0.0
    digits = 12 - math.floor(math.log10(abs(value)))
    return round(value, max(0, digits)) if digits > 0 else value
