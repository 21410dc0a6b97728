"""Rule messages: ``string.Template`` with dotted placeholders, never ``str.format``.

Placeholders: ``$fact`` (a fact of the flagged fact), ``${alias.fact}`` (a fact of a join
alias), ``${param.NAME}``, ``${pct.fact}``, ``${pct.alias.fact}``, ``${pct.param.NAME}``, and
``${money.fact}`` / ``${money.alias.fact}``: an amount in the currency of the fact it is
read from (its ``currency`` fact: ``£1,200,000``, ``CHF 1,200,000``; a plain number when the
record gives none).
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable
from typing import Any


class MessageTemplate(string.Template):
    idpattern = r"(?a:[_a-z][_a-z0-9]*(?:\.[_a-z][_a-z0-9]*){0,2})"
    flags = re.IGNORECASE


def placeholders(text: str) -> tuple[list[str], list[int]]:
    """The placeholder names of ``text`` and the offsets of invalid ``$`` uses."""
    names: list[str] = []
    invalid: list[int] = []
    for m in MessageTemplate.pattern.finditer(text):
        name = m.group("named") or m.group("braced")
        if name:
            names.append(name)
        elif m.group("invalid") is not None:
            invalid.append(m.start())
    return names, invalid


def format_number(value: int | float) -> str:
    """``1200000`` -> ``1,200,000``; ``1234.567`` -> ``1,234.57``; ``0.35`` -> ``0.35``."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{value:.3g}"


def format_pct(value: int | float) -> str:
    """``0.4`` -> ``40%``; ``0.125`` -> ``12.5%``."""
    pct = round(float(value) * 100, 1)
    return f"{int(pct):,}%" if pct.is_integer() else f"{pct:,.1f}%"


CURRENCY_SYMBOLS: dict[str, str] = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}
FORMATS = ("pct", "money")  # placeholder prefixes that format a number


def format_money(value: Any, currency: Any) -> str:
    """``format_money(1200000, "GBP")`` -> ``£1,200,000``; an unknown code goes first
    (``CHF 1,200,000``); no currency: the number alone; not a number: as it is."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return format_value(value)
    text = format_number(value)
    code = currency.strip().upper() if isinstance(currency, str) else ""
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    if code in CURRENCY_SYMBOLS:
        return f"{sign}{CURRENCY_SYMBOLS[code]}{digits}"
    return f"{sign}{code} {digits}" if code else text


def format_value(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v) for v in value)
    return str(value)


@functools.lru_cache(maxsize=4096)
def segments(text: str) -> tuple[tuple[bool, str], ...]:
    """``text`` cut once into ``(is_placeholder, literal or name)`` pieces, exactly as
    ``MessageTemplate.safe_substitute`` reads it: ``$$`` is a ``$``, an invalid ``$`` stays."""
    out: list[tuple[bool, str]] = []
    literal: list[str] = []
    end = 0
    for m in MessageTemplate.pattern.finditer(text):
        literal.append(text[end : m.start()])
        end = m.end()
        name = m.group("named") or m.group("braced")
        if name is not None:
            if literal:
                out.append((False, "".join(literal)))
                literal = []
            out.append((True, name))
        elif m.group("escaped") is not None:
            literal.append("$")
        else:
            literal.append(m.group())
    literal.append(text[end:])
    tail = "".join(literal)
    if tail:
        out.append((False, tail))
    return tuple(out)


def placeholder_value(name: str, lookup: Callable[[str], Any]) -> str:
    """The text of one placeholder; ``lookup(name)`` gives its raw value."""
    if name.startswith("pct."):
        value = lookup(name[4:])
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_pct(value)
        return format_value(value)
    if name.startswith("money."):
        fact = name[6:]
        owner = fact.rpartition(".")[0]
        return format_money(lookup(fact), lookup(f"{owner}.currency" if owner else "currency"))
    return format_value(lookup(name))


def render(text: str, lookup: Callable[[str], Any]) -> str:
    """Fill ``text``; ``lookup(name)`` gives the raw value of a placeholder (``pct.`` aside)."""
    return "".join(
        placeholder_value(piece, lookup) if is_name else piece for is_name, piece in segments(text)
    )
