"""Option kinds and business context: what kind an option is, what a case claims.

Small helpers the option, benefit, cost and decision facts share.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from ..calibration import measured_ratio
from ..model import BusinessCase, Option, Record
from ..packdata import Lexicon
from ..types import json_path
from .business import business_context
from .context import FactDict

BREAKTHROUGH_KINDS = frozenset({"breakthrough", "replace-own-business"})
INCREMENTAL_KINDS = frozenset({"do-nothing", "do-minimum", "incremental"})

# Paths repeat from record to record (options[0], options[0].business_case.benefits[1]...).
_json_path = functools.lru_cache(maxsize=4096)(json_path)


def _put(fact: FactDict, key: str, value: Any) -> None:
    if value is not None:
        fact[key] = value


def _total(values: Iterable[float | int | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return float(sum(vals)) if vals else None


def _ratio(pairs: Iterable[tuple[float | int | None, float | int | None]]) -> float | None:
    ratio = measured_ratio(pairs)
    return None if ratio is None else round(ratio, 6)


def _given(text: str | None) -> bool:
    return bool(text and text.strip())


def _clip(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _amount(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def _outcome(case: BusinessCase) -> str:
    """``benefits 40% of projected (1,600,000 of 4,000,000); costs 158% ...``, measured only."""
    parts = []
    for label, items in (("benefits", case.benefits), ("costs", case.costs)):
        pairs = [(i.projected, i.realized) for i in items]
        measured = [(p, r) for p, r in pairs if p is not None and r is not None]
        ratio = _ratio(measured)
        if ratio is None:
            continue
        realized = sum(r for _, r in measured)
        projected = sum(p for p, _ in measured)
        parts.append(
            f"{label} {ratio * 100:.0f}% of projected ({_amount(realized)} of {_amount(projected)})"
        )
    return "; ".join(parts)


# An option titled by the verb of staying put is the baseline: "Keep flat pricing", "Leave
# it federated", "Stick with Jenkins", "Retain the current supplier". One that adds to it
# ("Keep Jenkins but add runners", "... and fix forward") is read by its words instead.
_KEEP_TITLE = re.compile(
    r"^\W*(?:keep(?:ing)?|leav(?:e|ing)|stay(?:ing)?\s+(?:with|on)|stick(?:ing)?\s+with|"
    r"retain(?:ing)?|remain(?:ing)?\s+(?:with|on)|continu(?:e|ing)\s+(?:to\s+use|using|with))\b",
    re.IGNORECASE,
)
_ADDS = re.compile(r"\b(?:but|and|plus|while|then|add|adding|with\s+(?:a|an|new))\b", re.IGNORECASE)


def _option_kind(opt: Option, lex: Lexicon) -> tuple[str, bool]:
    if opt.kind is not None:
        return opt.kind, False
    title = opt.title or ""
    if _KEEP_TITLE.match(title) and not _ADDS.search(title):
        return "do-nothing", True
    inferred = lex.infer_kind(opt.title, opt.description)
    return (inferred, True) if inferred else ("unknown", False)


def _is_acquisition(opt: Option, kind: str, record: Record, lex: Lexicon) -> bool:
    """Named as one by its title ("Acquire Northwind"), or by its description in a business
    decision, or the chosen option of an acquisition decision (unless it walks away). A
    software record's decision text "merge with upstream" or "acquire a lock" is no
    acquisition: a description's words count only where the record has a business context."""
    if lex.mentions("acquisition", opt.title):
        return True
    if lex.mentions("acquisition", opt.description) and (
        opt.business_case is not None or business_context(record, lex)[0]
    ):
        return True
    return (
        record.project_type in ("acquisition", "merger")
        and opt.chosen
        and kind not in ("do-nothing", "do-minimum")
    )


def _downside(case: BusinessCase, lex: Lexicon) -> bool:
    return any(lex.mentions("downside_scenario", s.replace("-", " ")) for s in case.scenarios)
