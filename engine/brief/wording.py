"""Numbers and words as a finance team writes them: £1.2m, $350k, 41%."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

SYMBOLS: dict[str, str] = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}
MAX_QUOTE = 240


def _trim(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def amount(value: float) -> str:
    """``1_234_567`` -> ``1.2m``; ``350_000`` -> ``350k``; ``8_500`` -> ``8.5k``; ``950``."""
    if not math.isfinite(value):
        return "unknown"
    sign = "-" if value < 0 else ""
    v = abs(value)
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if round(v / size, 1) >= 1:
            scaled = v / size
            decimals = 0 if scaled >= 100 else 1
            return f"{sign}{_trim(scaled, decimals)}{suffix}"
    return f"{sign}{_trim(v, 0 if v >= 10 else 2)}"


def money(value: float, currency: str | None) -> str:
    """``money(1_200_000, "GBP")`` -> ``£1.2m``; an unknown code goes first: ``CHF 1.2m``."""
    text = amount(value)
    if text == "unknown":
        return text
    code = (currency or "").strip().upper()
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    if code in SYMBOLS:
        return f"{sign}{SYMBOLS[code]}{digits}"
    if code:
        return f"{sign}{code} {digits}"
    return text


def pct(ratio: float) -> str:
    """``0.41`` -> ``41%``; below 1% one decimal: ``0.004`` -> ``0.4%``."""
    if not math.isfinite(ratio):
        return "unknown"
    value = ratio * 100
    if 0 < abs(value) < 1:
        return f"{value:.1f}%"
    return f"{round(value):,}%"


def count(n: int, one: str, many: str | None = None) -> str:
    """``count(1, "option")`` -> ``1 option``; ``count(3, "option")`` -> ``3 options``."""
    word = one if n == 1 else (many or one + "s")
    return f"{n} {word}"


def join_words(parts: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``a, b and c``."""
    items = [p for p in parts if p]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def clip(text: str, limit: int = MAX_QUOTE) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def day(value: dt.date) -> str:
    """``2026-02-11`` -> ``11 February 2026``."""
    return f"{value.day} {value.strftime('%B')} {value.year}"


def add_years(start: dt.date, years: int) -> dt.date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def sentence(text: str) -> str:
    """Capital first letter, one final full stop."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!:" else text + "."
