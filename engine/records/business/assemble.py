"""Options being read (:class:`~.options.Draft`) to the record's ``options`` mappings, with
their business cases and source lines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ...packdata import lexicon
from ...types import Loc
from ..document import Section
from . import parts
from .options import Draft
from .tables import Item
from .vocab import Vocabulary

ACQUIRING_TYPES = ("acquisition", "merger")


def case_wide(
    draft: Draft, sections: Iterable[Section], found: parts.Found, vocab: Vocabulary
) -> list[tuple[int, str]]:
    """Case-wide figures and sections (NPV, optimism bias, scenarios, assumptions, the
    integration plan) into the case option's draft. Returns unreadable figures."""
    errors: list[tuple[int, str]] = []
    case, where = draft.case, draft.case_lines
    for key in ("npv", "horizon_years", "payback_years", "roi", "optimism_bias_uplift"):
        if key in found.values and key not in case:
            case[key], where[(key,)] = found.values[key], found.lines[key]
    for sec in sections:
        role = vocab.section_role(sec.title)
        if role == "optimism_bias" and "optimism_bias_uplift" not in case:
            if (got := parts.uplift_in(sec)) is not None:
                case["optimism_bias_uplift"], where[("optimism_bias_uplift",)] = got
        elif role == "scenarios" and "scenarios" not in case:
            names = parts.scenarios(sec, vocab)
            if names:
                case["scenarios"] = [n for n, _ in names]
                where[("scenarios",)] = names[0][1]
        elif role == "assumptions" and "assumptions" not in case:
            items, errs = parts.assumptions(sec, vocab)
            errors += errs
            if items:
                case["assumptions"] = [d for d, _ in items]
                where[("assumptions",)] = items[0][1]
                for j, (_, line) in enumerate(items):
                    where[("assumptions", j)] = line
        elif role == "integration" and "integration_plan" not in case and (text := sec.text()):
            case["integration_plan"], where[("integration_plan",)] = text, sec.line
    return errors


def _uplift(draft: Draft, costs: list[Item]) -> float | None:
    """The case's optimism-bias uplift: stated for the case, else the cost rows' own (their
    cost-weighted mean when they differ)."""
    stated = draft.case.get("optimism_bias_uplift", draft.case.get("_optimism_bias_uplift"))
    if stated is not None:
        return float(stated)
    rows = [(c.uplift, c.data.get("projected") or 0.0) for c in costs if c.uplift is not None]
    if not rows:
        return None
    weight = sum(abs(w) for _, w in rows)
    if weight <= 0:
        return round(sum(u for u, _ in rows) / len(rows), 6)
    return round(sum(u * abs(w) for u, w in rows) / weight, 6)


def option_record(
    index: int, draft: Draft, record: dict[str, Any], lines: dict[Loc, int], uncertain: set[str]
) -> dict[str, Any]:
    """The option's mapping; its lines go into ``lines`` under ``("options", index, ...)``."""
    base: Loc = ("options", index)
    opt: dict[str, Any] = {"id": f"option-{draft.label}" if draft.label else None}
    if opt["id"] is None:
        del opt["id"]
    opt["title"] = draft.title
    opt.update(draft.data)
    if draft.chosen:
        opt["chosen"] = True
        lines[(*base, "chosen")] = draft.chosen_line or draft.line
    elif "notes" in opt and not opt.get("rejected_reason"):
        opt["rejected_reason"] = opt["notes"]  # the comment on an option not taken says why
        lines[(*base, "rejected_reason")] = draft.lines.get(("notes",), draft.line)
    for loc, line in draft.lines.items():
        lines[(*base, *loc)] = line
    lines.setdefault(base, draft.line)
    for name in draft.guessed:
        uncertain.add(f"options[{index}].{name}")
    case = _case(draft, record)
    if case:
        opt["business_case"] = case
        where = (*base, "business_case")
        lines[where] = min(
            [line for line in draft.case_lines.values()]
            + [it.line for role in ("_benefits", "_costs") for it in draft.case.get(role, [])]
            + [line for items in draft.summary.values() for _, line in items]
            or [draft.line]
        )
        for loc, line in draft.case_lines.items():
            lines[(*where, *loc)] = line
        for role in ("benefits", "costs"):
            for j, line in enumerate(_item_lines(draft, role)):
                lines[(*where, role, j)] = line
    return opt


def _item_lines(draft: Draft, role: str) -> list[int]:
    items: list[Item] = draft.case.get(f"_{role}", [])
    if items:
        return [it.line for it in items]
    return [line for _, line in draft.summary.get(role, [])]


def _case(draft: Draft, record: dict[str, Any]) -> dict[str, Any]:
    benefits: list[Item] = draft.case.get("_benefits", [])
    costs: list[Item] = draft.case.get("_costs", [])
    out: dict[str, Any] = {k: v for k, v in draft.case.items() if not k.startswith("_")}
    ben = [dict(b.data) for b in benefits] or [
        dict(d) for d, _ in draft.summary.get("benefits", [])
    ]
    cst = [dict(c.data) for c in costs] or [dict(d) for d, _ in draft.summary.get("costs", [])]
    if "contingency" not in {k for c in cst for k in c} and "_contingency" in draft.case:
        for c in cst:
            c["contingency"] = draft.case["_contingency"]
    if "basis" in out:
        basis = out.pop("basis")
        for b in ben:
            b.setdefault("basis", basis)
    if _acquiring(draft, record):
        for b in ben:
            if b.get("type") == "cost-saving":
                b["type"] = "synergy"  # savings from combining two businesses
    if ben:
        out["benefits"] = _with_ids(ben)
    if cst:
        out["costs"] = _with_ids(cst)
    uplift = _uplift(draft, costs)
    if uplift is not None:
        out["optimism_bias_uplift"] = uplift
    return out


def _acquiring(draft: Draft, record: dict[str, Any]) -> bool:
    """The option buys or merges with another business."""
    lex = lexicon()
    if lex.mentions("acquisition", draft.title, draft.data.get("description")):
        return True
    kind = draft.data.get("kind") or lex.infer_kind(draft.title, draft.data.get("description"))
    return record.get("project_type") in ACQUIRING_TYPES and kind not in (
        "do-nothing",
        "do-minimum",
    )


def _with_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each line item gets an id from its description (``Purchase price`` ->
    ``purchase-price``), unique in its list, so findings name it."""
    seen: set[str] = set()
    for n, item in enumerate(items):
        words = re.sub(r"[^a-z0-9]+", " ", str(item.get("description", "")).lower()).split()
        base = "-".join(words[:5]) or str(n)
        rid, k = base, 2
        while rid in seen:
            rid, k = f"{base}-{k}", k + 1
        seen.add(rid)
        item.setdefault("id", rid)
    return items
