"""The decision number a heading or title starts with ("# 12. Use X", "# ADR-012: Use X").

Kept apart from the document readers so that the folder rules can read a YAML record's
title without loading them.
"""

from __future__ import annotations

import re

TITLE_NUMBER = re.compile(
    r"^(?:(?:architecture\s+decision\s+record|decision\s+record|design\s+doc(?:ument)?|ADR|RFC|"
    r"DR|MADR|PEP|KEP|TEP|HIP|CEP|JEP|NAP|KDP|MEP|BIP|EIP|XEP|GEP|FLIP)\b\s*"
    r"(?:\(ADR\)\s*)?(?:[-_ ]?#?(?P<n1>\d{1,9})(?!\d)\s*[:.)\-–—]?|[:\-–—]|"
    r"(?=(?:for|on|about)\s))\s*"
    r"(?:(?:for|on|about)\s+)?|(?P<n2>\d{1,9})(?!\d)\s*(?:[.:)]|\s[-–—:])\s*|"
    r"(?P<n3>0\d{1,8})\s+(?=[A-Za-z]))(?P<title>.+)$",  # "0002 Use X": zero-padded, no mark
    re.IGNORECASE,
)


def title_number(title: str) -> tuple[int | None, str]:
    """The decision number a title starts with and the title without it: ``12. Use X``,
    ``ADR-012: Use X`` -> (12, "Use X"); a dotted section number (``3.2 Scope``) or a title
    without one -> (None, title)."""
    m = TITLE_NUMBER.match(title.strip())
    if not m or not m.group("title").strip():
        return None, title
    rest = m.group("title").strip()
    number = number_of(m)
    if number is None or rest[:1].isdigit():
        return None, rest if number is None else title
    return int(number), rest


def number_of(m: re.Match[str]) -> str | None:
    """The number a :data:`TITLE_NUMBER` match found ("12" of "ADR-12: X", "0002 Use X")."""
    return m.group("n1") or m.group("n2") or m.group("n3")
