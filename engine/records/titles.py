"""The decision number a heading or title starts with ("# 12. Use X", "# ADR-012: Use X").

Kept apart from the document readers so that the folder rules can read a YAML record's
title without loading them.
"""

from __future__ import annotations

import re

TITLE_NUMBER = re.compile(
    r"^(?:(?:architecture\s+decision\s+record|decision\s+record|design\s+doc(?:ument)?|ADR|RFC|"
    r"DR|MADR)\b\s*"
    r"(?:\(ADR\)\s*)?(?:[-_ ]?#?(\d{1,9})\s*[:.)\-–—]?|[:\-–—]|(?=(?:for|on|about)\s))\s*"
    r"(?:(?:for|on|about)\s+)?|(\d{1,9})\s*(?:[.:)]|\s[-–—:])\s*)(.+)$",
    re.IGNORECASE,
)


def title_number(title: str) -> tuple[int | None, str]:
    """The decision number a title starts with and the title without it: ``12. Use X``,
    ``ADR-012: Use X`` -> (12, "Use X"); a dotted section number (``3.2 Scope``) or a title
    without one -> (None, title)."""
    m = TITLE_NUMBER.match(title.strip())
    if not m or not m.group(3).strip():
        return None, title
    rest = m.group(3).strip()
    number = m.group(1) or m.group(2)
    if number is None or rest[:1].isdigit():
        return None, rest if number is None else title
    return int(number), rest
