"""Derived facts: what the rules see of a record.

Each record becomes one ``decision`` fact, one ``option`` fact per option and one ``benefit``
or ``cost`` fact per business-case line item. Each fact is a flat dict of scalars carrying
``_t`` (its type), ``did`` (the decision id), ``path`` (JSON path of the item) and ``line``.
A run adds one ``portfolio`` fact with aggregates over all its records.

A fact whose value is unknown is *absent* from the dict (never ``None``): a comparison on an
absent fact is false, ``exists`` tells the two apart. The catalogue below is the contract
with the rule files: a rule naming a fact that is not here is rejected when it loads.
"""

from __future__ import annotations

import datetime as dt
import functools
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import OPTION_KINDS, BusinessCase, Option, Record
from .packdata import Lexicon, References, lexicon, references
from .types import SourceRecord, json_path

FactDict = dict[str, Any]


@dataclass(frozen=True)
class FactSpec:
    name: str
    type: str  # str | number | bool
    doc: str


def _specs(*rows: tuple[str, str, str]) -> dict[str, FactSpec]:
    return {name: FactSpec(name, typ, doc) for name, typ, doc in rows}


_COMMON = (
    ("did", "str", "The decision id."),
    ("path", "str", "JSON path of the item in the record."),
    ("line", "number", "Source line of the item."),
)

_KIND_COUNTS = tuple(
    (f"{kind.replace('-', '_')}_count", "number", f"Options of kind {kind} (given or inferred).")
    for kind in OPTION_KINDS
)

CATALOGUE: dict[str, dict[str, FactSpec]] = {
    "decision": _specs(
        *_COMMON,
        ("title", "str", "The decision title."),
        ("status", "str", "proposed | accepted | rejected | implemented | superseded | withdrawn."),
        ("project_type", "str", "The project type (key into rules/reference/)."),
        ("origin", "str", "bottom-up | top-down."),
        ("format", "str", "Input format: yaml | json | jsonl | madr | nygard | csv."),
        (
            "business_context",
            "bool",
            "A business decision: a project type, a business case or an explicit option kind.",
        ),
        ("age_days", "number", "Days from the decision date to the audit date."),
        ("option_count", "number", "Options recorded."),
        ("real_option_count", "number", "Options other than do-nothing."),
        *_KIND_COUNTS,
        ("unknown_kind_count", "number", "Options whose kind is neither given nor inferable."),
        ("inferred_kind_count", "number", "Options whose kind was inferred from their text."),
        ("has_breakthrough", "bool", "A breakthrough or replace-own-business option exists."),
        ("breakthrough_analysed_count", "number", "Breakthrough-type options with a case."),
        ("breakthrough_unanalysed_count", "number", "Breakthrough-type options with no case."),
        ("business_case_count", "number", "Options with a business case."),
        (
            "rejected_without_reason_count",
            "number",
            "Rejected options that give no reason (no rejected_reason, no cons).",
        ),
        ("chosen_count", "number", "Options marked chosen."),
        ("chosen_option_unmatched", "bool", "The outcome names an option that is not listed."),
        ("chosen_option_named", "str", "The chosen option as the outcome names it (MADR)."),
        ("chosen_id", "str", "The chosen option's id."),
        ("chosen_title", "str", "The chosen option's title."),
        ("chosen_kind", "str", "The chosen option's kind, or 'unknown'."),
        ("chosen_kind_inferred", "bool", "The chosen option's kind was inferred."),
        ("chosen_has_business_case", "bool", "The chosen option has a business case."),
        ("chosen_npv", "number", "NPV of the chosen option's case."),
        ("chosen_is_acquisition", "bool", "The chosen option is an acquisition or merger."),
        ("chosen_has_integration_plan", "bool", "The chosen case has an integration plan."),
        ("chosen_new_capability", "bool", "The chosen option brings a new capability."),
        (
            "chosen_bolt_on_benefits",
            "bool",
            "Every chosen benefit is revenue, synergy or acquired customers: no new capability.",
        ),
        ("chosen_uplift", "number", "Optimism-bias uplift applied in the chosen case."),
        ("chosen_uplift_applied", "number", "chosen_uplift, 0 when the chosen case has none."),
        ("chosen_scenario_count", "number", "Scenarios analysed in the chosen case."),
        ("chosen_scenarios", "str", "Their names, comma-separated ('none' when there are none)."),
        ("chosen_has_downside", "bool", "The chosen case has a downside scenario."),
        ("chosen_assumption_count", "number", "Assumptions stated in the chosen case."),
        ("chosen_unchallenged_assumption_count", "number", "...with no evidence, unchallenged."),
        ("chosen_unchallenged_assumptions", "str", "Those assumptions' statements, quoted."),
        ("benefit_count", "number", "Benefit lines of the chosen case."),
        ("cost_count", "number", "Cost lines of the chosen case."),
        ("projected_benefits", "number", "Sum of projected benefits of the chosen case."),
        ("realized_benefits", "number", "Sum of realized benefits of the chosen case."),
        ("realization_ratio", "number", "realized / projected benefits (measured lines only)."),
        ("benefits_measured", "bool", "Some chosen benefit has a realized figure."),
        ("projected_costs", "number", "Sum of projected costs of the chosen case."),
        ("realized_costs", "number", "Sum of realized costs of the chosen case."),
        ("cost_overrun_ratio", "number", "realized / projected costs (measured lines only)."),
        (
            "chosen_outcome",
            "str",
            "Realized against projected, in words, for the measured benefits and costs.",
        ),
        ("has_review", "bool", "A post-implementation review is recorded."),
        ("decision_maker_count", "number", "Decision makers named."),
        ("challenge_question_count", "number", "Questions the decision makers asked."),
        ("alternatives_requested", "bool", "The decision makers asked for alternatives."),
        ("rationale_financial", "bool", "The rationale cites a financial ranking (NPV, ROI...)."),
        ("rationale_customer", "bool", "The rationale speaks of customer value."),
        ("reference_uplift", "number", "Reference-class optimism-bias uplift for the type."),
        ("reference_uplift_source", "str", "Where reference_uplift comes from."),
        ("track_record_ratio", "number", "Median realization ratio of past decisions of the type."),
        ("track_record_count", "number", "Past decisions behind track_record_ratio."),
        ("track_record_decisions", "str", "Ids of those past decisions."),
        ("track_record_discount_gap", "number", "(1 - track_record_ratio) - chosen_uplift."),
    ),
    "option": _specs(
        *_COMMON,
        ("oid", "str", "The option id (or its index)."),
        ("title", "str", "The option title."),
        ("kind", "str", "Kind, given or inferred; 'unknown' when neither."),
        ("kind_inferred", "bool", "The kind was inferred from the text."),
        ("chosen", "bool", "The option was chosen."),
        ("rejected", "bool", "Another option was chosen."),
        ("has_rejected_reason", "bool", "A reason for rejection is given (or cons listed)."),
        ("cons_count", "number", "Cons listed for the option."),
        ("has_business_case", "bool", "The option has a business case."),
        ("other_business_case_count", "number", "Other options of the decision with a case."),
        ("npv", "number", "NPV of its case."),
        ("projected_benefits", "number", "Sum of its projected benefits."),
        ("projected_costs", "number", "Sum of its projected costs."),
        ("is_acquisition", "bool", "The option is an acquisition or merger."),
        ("status", "str", "The decision status."),
        ("project_type", "str", "The decision project type."),
    ),
    "benefit": _specs(
        *_COMMON,
        ("bid", "str", "The benefit id (or its index)."),
        ("oid", "str", "The option it belongs to."),
        ("option_title", "str", "The title of the option it belongs to."),
        ("description", "str", "The benefit description."),
        ("type", "str", "revenue | cost-saving | synergy | margin | strategic | other."),
        ("projected", "number", "Projected amount."),
        ("low", "number", "Low end of the range."),
        ("high", "number", "High end of the range."),
        ("has_range", "bool", "Both low and high are given."),
        ("has_basis", "bool", "An evidence basis is given."),
        ("realized", "number", "Realized amount."),
        ("realization_ratio", "number", "realized / projected."),
        ("option_chosen", "bool", "It belongs to the chosen option."),
        ("option_rejected", "bool", "It belongs to an option rejected for another."),
        ("option_kind", "str", "Kind of its option."),
        ("status", "str", "The decision status."),
        ("project_type", "str", "The decision project type."),
        ("uplift_applied", "number", "Optimism-bias uplift of its case (0 when none)."),
        ("reference_realization", "number", "What its reference class realizes (ratio)."),
        ("reference_source", "str", "Where reference_realization comes from."),
        ("reference_discount_gap", "number", "(1 - reference_realization) - uplift_applied."),
    ),
    "cost": _specs(
        *_COMMON,
        ("cid", "str", "The cost id (or its index)."),
        ("oid", "str", "The option it belongs to."),
        ("option_title", "str", "The title of the option it belongs to."),
        ("description", "str", "The cost description."),
        ("projected", "number", "Projected amount."),
        ("contingency", "number", "Fraction held for overrun."),
        ("contingency_held", "number", "contingency, 0 when none is given."),
        ("has_contingency", "bool", "A contingency above zero is held."),
        ("committed", "bool", "The cost is fixed by contract (a purchase or fixed price)."),
        ("uplift_applied", "number", "Optimism-bias uplift of its case (0 when none)."),
        ("realized", "number", "Realized amount."),
        ("overrun_ratio", "number", "realized / projected."),
        ("option_chosen", "bool", "It belongs to the chosen option."),
        ("option_rejected", "bool", "It belongs to an option rejected for another."),
        ("option_kind", "str", "Kind of its option."),
        ("status", "str", "The decision status."),
        (
            "case_assumes_on_target",
            "bool",
            "An assumption says costs come in on target (or on budget).",
        ),
        ("on_target_evidenced", "bool", "That assumption has evidence."),
    ),
    "portfolio": _specs(
        ("did", "str", "Always '(portfolio)'."),
        ("path", "str", "Always '$'."),
        ("line", "number", "Always 0."),
        ("decision_count", "number", "Records audited in the run."),
        ("decided_count", "number", "Records with exactly one chosen option of known kind."),
        ("breakthrough_chosen_count", "number", "...whose chosen option is breakthrough-type."),
        ("breakthrough_share", "number", "breakthrough_chosen_count / decided_count."),
        ("incremental_chosen_count", "number", "...whose chosen option is incremental-type."),
        ("incremental_share", "number", "incremental_chosen_count / decided_count."),
    ),
}

FACT_TYPES: tuple[str, ...] = tuple(CATALOGUE)
BREAKTHROUGH_KINDS = frozenset({"breakthrough", "replace-own-business"})
INCREMENTAL_KINDS = frozenset({"do-nothing", "do-minimum", "incremental"})
PORTFOLIO_ID = "(portfolio)"


@dataclass(frozen=True)
class TrackRecord:
    """The organisation's realized ratio for one project type, from the audit log."""

    ratio: float
    count: int
    decisions: tuple[str, ...]


@dataclass(frozen=True)
class FactContext:
    today: dt.date
    lexicon: Lexicon = field(default_factory=lexicon)
    references: References = field(default_factory=references)
    track_records: Mapping[str, TrackRecord] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordFacts:
    decision: FactDict
    options: list[FactDict]
    benefits: list[FactDict]
    costs: list[FactDict]

    def all(self) -> list[FactDict]:
        return [self.decision, *self.options, *self.benefits, *self.costs]

    def as_json(self) -> dict[str, Any]:
        """The facts as ``decaudit facts --format json`` shows them. Each option, benefit and
        cost also carries its own ``id`` (its ``oid``/``bid``/``cid``: inside the engine a
        fact may not have an ``id`` key, which durable_rules reserves)."""

        def show(fact: FactDict, own: str | None = None) -> dict[str, Any]:
            out = {"id": fact[own]} if own else {}
            out.update((k, v) for k, v in fact.items() if k != "_t")
            return out

        return {
            "decision": show(self.decision),
            "options": [show(f, "oid") for f in self.options],
            "benefits": [show(f, "bid") for f in self.benefits],
            "costs": [show(f, "cid") for f in self.costs],
        }


# Paths repeat from record to record (options[0], options[0].business_case.benefits[1]...).
_json_path = functools.lru_cache(maxsize=4096)(json_path)


def _put(fact: FactDict, key: str, value: Any) -> None:
    if value is not None:
        fact[key] = value


def _total(values: Iterable[float | int | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return float(sum(vals)) if vals else None


def _ratio(pairs: Iterable[tuple[float | int | None, float | int | None]]) -> float | None:
    measured = [(p, r) for p, r in pairs if p is not None and r is not None]
    denominator = sum(p for p, _ in measured)
    if not measured or denominator <= 0:
        return None
    return round(sum(r for _, r in measured) / denominator, 6)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace('"', "").replace("`", "").split())


def _given(text: str | None) -> bool:
    return bool(text and text.strip())


def _has_reason(opt: Option) -> bool:
    return _given(opt.rejected_reason) or any(_given(c) for c in opt.cons)


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


def _option_kind(opt: Option, lex: Lexicon) -> tuple[str, bool]:
    if opt.kind is not None:
        return opt.kind, False
    inferred = lex.infer_kind(opt.title, opt.description)
    return (inferred, True) if inferred else ("unknown", False)


def _is_acquisition(opt: Option, kind: str, record: Record, lex: Lexicon) -> bool:
    """Named as one, or the chosen option of an acquisition decision (unless it walks away)."""
    if lex.mentions("acquisition", opt.title, opt.description):
        return True
    return (
        record.project_type in ("acquisition", "merger")
        and opt.chosen
        and kind not in ("do-nothing", "do-minimum")
    )


def _downside(case: BusinessCase, lex: Lexicon) -> bool:
    return any(lex.mentions("downside_scenario", s.replace("-", " ")) for s in case.scenarios)


def derive(src: SourceRecord, ctx: FactContext) -> RecordFacts:
    """All facts of one record."""
    rec, lex, refs = src.record, ctx.lexicon, ctx.references
    did = rec.id
    line = src.line_of
    kinds = [_option_kind(o, lex) for o in rec.options]
    chosen = [i for i, o in enumerate(rec.options) if o.chosen]
    any_chosen = bool(chosen)
    case_count = sum(o.business_case is not None for o in rec.options)
    uplift_fig = refs.uplift.get(rec.project_type or "")

    options: list[FactDict] = []
    benefits: list[FactDict] = []
    costs: list[FactDict] = []
    for i, (opt, (kind, inferred)) in enumerate(zip(rec.options, kinds, strict=True)):
        loc = ("options", i)
        oid = opt.id or str(i)
        case = opt.business_case
        of: FactDict = {
            "_t": "option",
            "did": did,
            "path": _json_path(loc),
            "line": line(loc),
            "oid": oid,
            "title": opt.title,
            "kind": kind,
            "kind_inferred": inferred,
            "chosen": opt.chosen,
            "rejected": any_chosen and not opt.chosen,
            "has_rejected_reason": _has_reason(opt),
            "cons_count": len(opt.cons),
            "has_business_case": case is not None,
            "other_business_case_count": case_count - (case is not None),
            "is_acquisition": _is_acquisition(opt, kind, rec, lex),
        }
        _put(of, "status", rec.status)
        _put(of, "project_type", rec.project_type)
        options.append(of)
        if case is None:
            continue
        _put(of, "npv", case.npv)
        _put(of, "projected_benefits", _total(b.projected for b in case.benefits))
        _put(of, "projected_costs", _total(c.projected for c in case.costs))
        uplift = float(case.optimism_bias_uplift or 0.0)
        rejected = any_chosen and not opt.chosen
        on_target = [a for a in case.assumptions if lex.mentions("on_target", a.statement)]
        for j, ben in enumerate(case.benefits):
            bloc = (*loc, "business_case", "benefits", j)
            bf: FactDict = {
                "_t": "benefit",
                "did": did,
                "path": _json_path(bloc),
                "line": line(bloc),
                "bid": ben.id or str(j),
                "oid": oid,
                "option_title": opt.title,
                "has_range": ben.low is not None and ben.high is not None,
                "has_basis": bool(ben.basis and ben.basis.strip()),
                "option_chosen": opt.chosen,
                "option_rejected": rejected,
                "option_kind": kind,
                "uplift_applied": uplift,
            }
            for key in ("description", "type", "projected", "low", "high", "realized"):
                value = getattr(ben, key)
                if value is not None:
                    bf[key] = value
            _put(bf, "realization_ratio", _ratio([(ben.projected, ben.realized)]))
            _put(bf, "status", rec.status)
            _put(bf, "project_type", rec.project_type)
            fig = refs.realization_for(rec.project_type, ben.type)
            if fig is not None:
                bf["reference_realization"] = fig.value
                bf["reference_source"] = fig.source
                bf["reference_discount_gap"] = round((1 - fig.value) - uplift, 6)
            benefits.append(bf)
        for j, cost in enumerate(case.costs):
            cloc = (*loc, "business_case", "costs", j)
            cf: FactDict = {
                "_t": "cost",
                "did": did,
                "path": _json_path(cloc),
                "line": line(cloc),
                "cid": cost.id or str(j),
                "oid": oid,
                "option_title": opt.title,
                "contingency_held": float(cost.contingency or 0.0),
                "has_contingency": bool(cost.contingency),
                "committed": lex.mentions("committed_cost", cost.description, cost.id),
                "uplift_applied": uplift,
                "option_chosen": opt.chosen,
                "option_rejected": rejected,
                "option_kind": kind,
                "case_assumes_on_target": bool(on_target),
                "on_target_evidenced": any(_given(a.evidence) for a in on_target),
            }
            for key in ("description", "projected", "contingency", "realized"):
                value = getattr(cost, key)
                if value is not None:
                    cf[key] = value
            _put(cf, "overrun_ratio", _ratio([(cost.projected, cost.realized)]))
            _put(cf, "status", rec.status)
            costs.append(cf)

    decision = _decision_fact(src, ctx, kinds, chosen)
    if uplift_fig is not None:
        decision["reference_uplift"] = uplift_fig.value
        decision["reference_uplift_source"] = uplift_fig.source
    return RecordFacts(decision, options, benefits, costs)


def _decision_fact(
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
    for kind in OPTION_KINDS:
        df[f"{kind.replace('-', '_')}_count"] = kind_names.count(kind)
    breakthroughs = [
        o for o, k in zip(rec.options, kind_names, strict=True) if k in BREAKTHROUGH_KINDS
    ]
    df["has_breakthrough"] = bool(breakthroughs)
    df["breakthrough_analysed_count"] = sum(o.business_case is not None for o in breakthroughs)
    df["breakthrough_unanalysed_count"] = sum(o.business_case is None for o in breakthroughs)
    df["rejected_without_reason_count"] = sum(
        1 for o in rec.options if chosen and not o.chosen and not _has_reason(o)
    )
    df["business_context"] = bool(
        rec.project_type
        or df["business_case_count"]
        or any(o.kind is not None for o in rec.options)
    )
    for key in ("status", "project_type", "origin"):
        _put(df, key, getattr(rec, key))
    if rec.date is not None:
        df["age_days"] = (ctx.today - rec.date).days
    if rec.challenge is not None:
        df["challenge_question_count"] = len(rec.challenge.questions)
        _put(df, "alternatives_requested", rec.challenge.alternatives_requested)
    else:
        df["challenge_question_count"] = 0
    if rec.rationale and rec.rationale.strip():
        df["rationale_financial"] = lex.mentions("financial", rec.rationale)
        df["rationale_customer"] = lex.mentions("customer", rec.rationale)
    titles = {_norm(o.title) for o in rec.options} | {_norm(o.id) for o in rec.options if o.id}
    named = rec.chosen_option if _given(rec.chosen_option) else None
    if named is not None:
        df["chosen_option_named"] = _clip(named, 120)
    df["chosen_option_unmatched"] = bool(named and not chosen and _norm(named) not in titles)
    if len(chosen) == 1:
        _chosen_facts(df, src, ctx, chosen[0], kinds[chosen[0]])
    return df


def _chosen_facts(
    df: FactDict, src: SourceRecord, ctx: FactContext, index: int, kind: tuple[str, bool]
) -> None:
    rec, lex = src.record, ctx.lexicon
    opt = rec.options[index]
    case = opt.business_case
    df["chosen_id"] = opt.id or str(index)
    df["chosen_title"] = opt.title
    df["chosen_kind"], df["chosen_kind_inferred"] = kind
    df["chosen_has_business_case"] = case is not None
    df["chosen_is_acquisition"] = _is_acquisition(opt, kind[0], rec, lex)
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
        (b.type in ("revenue", "synergy") or lex.mentions("customer_base", b.description))
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
        df["track_record_decisions"] = ", ".join(track.decisions)
        df["track_record_discount_gap"] = round((1 - track.ratio) - uplift, 6)


class PortfolioAccumulator:
    """Aggregates over a run in constant memory; ``fact()`` gives the portfolio fact."""

    def __init__(self) -> None:
        self.decision_count = 0
        self.decided = 0
        self.breakthrough = 0
        self.incremental = 0

    def add(self, facts: RecordFacts) -> None:
        self.decision_count += 1
        kind = facts.decision.get("chosen_kind")
        if kind is None or kind == "unknown":
            return
        self.decided += 1
        self.breakthrough += kind in BREAKTHROUGH_KINDS
        self.incremental += kind in INCREMENTAL_KINDS

    def fact(self) -> FactDict:
        pf: FactDict = {
            "_t": "portfolio",
            "did": PORTFOLIO_ID,
            "path": "$",
            "line": 0,
            "decision_count": self.decision_count,
            "decided_count": self.decided,
            "breakthrough_chosen_count": self.breakthrough,
            "incremental_chosen_count": self.incremental,
        }
        if self.decided:
            pf["breakthrough_share"] = round(self.breakthrough / self.decided, 6)
            pf["incremental_share"] = round(self.incremental / self.decided, 6)
        return pf


def median_ratio(ratios: Iterable[float]) -> float:
    return float(statistics.median(ratios))
