"""The decision fact of a record, with the facts of its chosen option."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..calibration import chosen_index
from ..model import OPTION_KINDS, Record
from ..types import SourceRecord
from .business import benefit_type, business_context
from .context import FactContext, FactDict
from .kinds import (
    BREAKTHROUGH_KINDS,
    _clip,
    _downside,
    _given,
    _is_acquisition,
    _outcome,
    _put,
    _ratio,
    _total,
)
from .nature import (
    decision_open,
    decision_place,
    is_guideline,
    is_informational,
    is_record_keeping,
    names_alternative,
    prose_words,
)
from .reasons import choice_stated, names_listed_option, option_refs, reason_given
from .uncertain import uncertain_fields


def decision_fact(
    src: SourceRecord, ctx: FactContext, kinds: list[tuple[str, bool]], chosen: list[int]
) -> FactDict:
    rec, lex = src.record, ctx.lexicon
    kind_names = [k for k, _ in kinds]
    df: FactDict = {
        "_t": "decision",
        "did": rec.id,
        "path": "$",
        "line": src.line_of(()),
        "title": rec.title,
        "format": src.format,
        "option_count": len(rec.options),
        "real_option_count": sum(k != "do-nothing" for k in kind_names),
        "unknown_kind_count": kind_names.count("unknown"),
        "inferred_kind_count": sum(inf for _, inf in kinds),
        "business_case_count": sum(o.business_case is not None for o in rec.options),
        "chosen_count": len(chosen),
        "decision_maker_count": len(rec.decision_makers),
        "has_review": rec.review is not None,
    }
    extra = rec.model_extra or {}
    if isinstance(extra.get("x_chosen_by"), str):
        df["chosen_by"] = extra["x_chosen_by"]
    df["options_by_reference"] = bool(extra.get("x_options_by_reference"))
    df["options_borrowed"] = bool(extra.get("x_options_from"))
    if isinstance(extra.get("currency"), str) and extra["currency"].strip():
        df["currency"] = extra["currency"].strip().upper()
    uncertain = uncertain_fields(rec)
    df["uncertain_count"] = len(uncertain)
    if uncertain:
        df["uncertain_fields"] = ", ".join(uncertain)
    for kind in OPTION_KINDS:
        df[f"{kind.replace('-', '_')}_count"] = kind_names.count(kind)
    breakthroughs = [
        o for o, k in zip(rec.options, kind_names, strict=True) if k in BREAKTHROUGH_KINDS
    ]
    df["has_breakthrough"] = bool(breakthroughs)
    df["breakthrough_analysed_count"] = sum(o.business_case is not None for o in breakthroughs)
    df["breakthrough_unanalysed_count"] = sum(o.business_case is None for o in breakthroughs)
    refs = option_refs(rec)
    unreasoned = [
        i
        for i, o in enumerate(rec.options)
        if chosen and i not in chosen and not reason_given(o, i, rec, lex, refs, kind_names[i])
    ]
    df["rejected_without_reason_count"] = len(unreasoned)
    if unreasoned:
        df["rejected_without_reason"] = ", ".join(
            f"'{_clip(rec.options[i].title)}'" for i in unreasoned[:10]
        ) + (f" and {len(unreasoned) - 10} more" if len(unreasoned) > 10 else "")
        df["rejected_without_reason_line"] = src.line_of(("options", unreasoned[0]))
    df["business_context"], df["business_context_reason"] = business_context(rec, lex)
    for key in ("status", "project_type", "origin"):
        _put(df, key, getattr(rec, key))
    if rec.date is not None:
        df["age_days"] = (ctx.today - rec.date).days
        since = max(rec.date, _updated(rec) or rec.date)  # the last update, when given
        df["idle_days"] = (ctx.today - since).days
        df["idle_since"] = since.isoformat()
        df["date"] = rec.date.isoformat()
        df["date_line"] = src.line_of(("date",))
    if rec.status is not None:
        written = extra.get("x_status_word") or extra.get("status_text") or rec.status
        df["status_as_written"] = _clip(str(written), 80)
        df["status_line"] = src.line_of(("status",))
    if rec.challenge is not None:
        df["challenge_question_count"] = len(rec.challenge.questions)
        _put(df, "alternatives_requested", rec.challenge.alternatives_requested)
    else:
        df["challenge_question_count"] = 0
    if rec.rationale and rec.rationale.strip():
        df["rationale_financial"] = lex.mentions("financial", rec.rationale)
        df["rationale_customer"] = lex.mentions("customer", rec.rationale)
    named = rec.chosen_option if _given(rec.chosen_option) else None
    if named is not None:
        df["chosen_option_named"] = _clip(named, 120)
    df["chosen_option_unmatched"] = bool(
        named and not chosen and rec.options and not names_listed_option(rec)
    )
    df["choice_stated"] = choice_stated(rec, chosen)
    df["decision_place"] = decision_place(rec, src.format)
    df["decision_open"] = decision_open(rec, lex)
    df["guideline"] = is_guideline(rec, lex)
    df["record_keeping"] = is_record_keeping(rec, lex)
    df["informational"] = is_informational(rec, lex)
    df["decision_process_named"] = bool((rec.model_extra or {}).get("x_decided_through"))
    df["alternative_named"] = names_alternative(rec, lex)
    df["prose_words"] = prose_words(rec)
    index = chosen_index(o.chosen for o in rec.options)
    if index is not None:
        _chosen_facts(df, src, ctx, index, kinds[index])
    return df


SHOWN_IDS = 5  # ids a message lists before "and N more"


def _first_few(ids: Sequence[str], shown: int = SHOWN_IDS) -> str:
    """``A, B, C, D, E and 895 more``: a list a message can carry."""
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f" and {more} more" if more > 0 else "")


def _chosen_facts(
    df: FactDict, src: SourceRecord, ctx: FactContext, index: int, kind: tuple[str, bool]
) -> None:
    rec, lex = src.record, ctx.lexicon
    opt = rec.options[index]
    case = opt.business_case
    df["chosen_id"] = opt.id or str(index)
    df["chosen_line"] = src.line_of(("options", index))
    df["chosen_case_line"] = src.line_of(("options", index, "business_case"))
    df["chosen_title"] = opt.title
    df["chosen_kind"], df["chosen_kind_inferred"] = kind
    df["chosen_has_business_case"] = case is not None
    acquiring = _is_acquisition(opt, kind[0], rec, lex)
    df["chosen_is_acquisition"] = acquiring
    df["chosen_new_capability"] = lex.mentions("capability", opt.title, opt.description) or (
        case is not None and any(b.type == "strategic" for b in case.benefits)
    )
    if case is None:
        return
    _put(df, "chosen_npv", case.npv)
    df["chosen_has_integration_plan"] = bool(
        case.integration_plan and case.integration_plan.strip()
    )
    df["chosen_bolt_on_benefits"] = bool(case.benefits) and all(
        (
            benefit_type(b, acquiring, lex)[0] in ("revenue", "synergy")
            or lex.mentions("customer_base", b.description)
        )
        and not lex.mentions("capability", b.description)
        for b in case.benefits
    )
    uplift = float(case.optimism_bias_uplift or 0.0)
    _put(df, "chosen_uplift", case.optimism_bias_uplift)
    df["chosen_uplift_applied"] = uplift
    df["chosen_scenario_count"] = len(case.scenarios)
    df["chosen_scenarios"] = ", ".join(case.scenarios) if case.scenarios else "none"
    df["chosen_has_downside"] = _downside(case, lex)
    df["chosen_assumption_count"] = len(case.assumptions)
    unchallenged = [a for a in case.assumptions if not _given(a.evidence) and not a.challenged]
    df["chosen_unchallenged_assumption_count"] = len(unchallenged)
    if unchallenged:
        df["chosen_unchallenged_assumptions"] = "; ".join(
            f"'{_clip(a.statement)}'" for a in unchallenged
        )
    df["benefit_count"] = len(case.benefits)
    df["cost_count"] = len(case.costs)
    _put(df, "projected_benefits", _total(b.projected for b in case.benefits))
    _put(df, "realized_benefits", _total(b.realized for b in case.benefits))
    _put(df, "realization_ratio", _ratio((b.projected, b.realized) for b in case.benefits))
    df["benefits_measured"] = any(b.realized is not None for b in case.benefits)
    _put(df, "projected_costs", _total(c.projected for c in case.costs))
    _put(df, "realized_costs", _total(c.realized for c in case.costs))
    _put(df, "cost_overrun_ratio", _ratio((c.projected, c.realized) for c in case.costs))
    outcome = _outcome(case)
    if outcome:
        df["chosen_outcome"] = outcome
    track = ctx.track_records.get(rec.project_type or "")
    if track is not None:
        df["track_record_ratio"] = track.ratio
        df["track_record_count"] = track.count
        df["track_record_decisions"] = _first_few(track.decisions)
        df["track_record_discount_gap"] = round((1 - track.ratio) - uplift, 6)


def _updated(rec: Record) -> dt.date | None:
    """The record's last-updated date, as its reader found it (``x_updated``), or None."""
    raw = (rec.model_extra or {}).get("x_updated")
    try:
        return dt.date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
