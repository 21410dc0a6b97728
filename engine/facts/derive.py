"""Option, benefit and cost facts, and :func:`derive`: all the facts of one record."""

from __future__ import annotations

from ..types import SourceRecord
from .business import benefit_type
from .context import FactContext, FactDict, RecordFacts
from .decision import decision_fact
from .kinds import (
    _clip,
    _given,
    _is_acquisition,
    _json_path,
    _option_kind,
    _put,
    _ratio,
    _total,
)
from .reasons import chosen_indexes, option_refs, reason_against
from .uncertain import option_uncertain, uncertain_fields


def derive(src: SourceRecord, ctx: FactContext) -> RecordFacts:
    """All facts of one record."""
    rec, lex, refs = src.record, ctx.lexicon, ctx.references
    did = rec.id
    line = src.line_of
    kinds = [_option_kind(o, lex) for o in rec.options]
    chosen = chosen_indexes(rec)
    chosen_set = set(chosen)
    any_chosen = bool(chosen)
    orefs = option_refs(rec)
    case_count = sum(o.business_case is not None for o in rec.options)
    uplift_fig = refs.uplift.get(rec.project_type or "")
    uncertain = uncertain_fields(rec)
    currency = (rec.model_extra or {}).get("currency")
    currency = currency.strip().upper() if isinstance(currency, str) and currency.strip() else None

    options: list[FactDict] = []
    benefits: list[FactDict] = []
    costs: list[FactDict] = []
    for i, (opt, (kind, inferred)) in enumerate(zip(rec.options, kinds, strict=True)):
        loc = ("options", i)
        oid = opt.id or str(i)
        case = opt.business_case
        is_chosen = i in chosen_set
        reason = reason_against(opt, i, rec, lex, orefs, kind)
        of: FactDict = {
            "_t": "option",
            "did": did,
            "path": _json_path(loc),
            "line": line(loc),
            "oid": oid,
            "title": opt.title,
            "kind": kind,
            "kind_inferred": inferred,
            "chosen": is_chosen,
            "rejected": any_chosen and not is_chosen,
            "has_rejected_reason": reason is not None,
            "cons_count": len(opt.cons),
            "has_business_case": case is not None,
            "other_business_case_count": case_count - (case is not None),
            "is_acquisition": _is_acquisition(opt, kind, rec, lex),
            "uncertain": option_uncertain(uncertain, i),
        }
        if reason is not None and of["rejected"]:
            of["rejected_reason_from"] = reason.source
            of["rejected_reason_line"] = line(reason.loc)
            of["rejected_reason_text"] = _clip(reason.text, 160)
        _put(of, "status", rec.status)
        _put(of, "project_type", rec.project_type)
        _put(of, "currency", currency)
        options.append(of)
        if case is None:
            continue
        _put(of, "npv", case.npv)
        _put(of, "projected_benefits", _total(b.projected for b in case.benefits))
        _put(of, "projected_costs", _total(c.projected for c in case.costs))
        uplift = float(case.optimism_bias_uplift or 0.0)
        rejected = any_chosen and not is_chosen
        on_target = [a for a in case.assumptions if lex.mentions("on_target", a.statement)]
        evidenced = any(_given(a.evidence) for a in on_target)
        for j, ben in enumerate(case.benefits):
            bloc = (*loc, "business_case", "benefits", j)
            bf: FactDict = {
                "_t": "benefit",
                "did": did,
                "path": _json_path(bloc),
                "line": line(bloc),
                "bid": ben.id or _unnamed(ben.description, ben.type, j),
                "oid": oid,
                "option_title": opt.title,
                "has_range": ben.low is not None and ben.high is not None,
                "has_basis": bool(ben.basis and ben.basis.strip()),
                "option_chosen": is_chosen,
                "option_rejected": rejected,
                "option_kind": kind,
                "uplift_applied": uplift,
            }
            for key in ("description", "projected", "low", "high", "realized"):
                value = getattr(ben, key)
                if value is not None:
                    bf[key] = value
            btype, typed = benefit_type(ben, of["is_acquisition"], lex)
            _put(bf, "type", btype)
            bf["type_inferred"] = typed
            _put(bf, "realization_ratio", _ratio([(ben.projected, ben.realized)]))
            _put(bf, "status", rec.status)
            _put(bf, "project_type", rec.project_type)
            _put(bf, "currency", currency)
            fig = refs.realization_for(rec.project_type, btype)
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
                "cid": cost.id or _unnamed(cost.description, None, j),
                "oid": oid,
                "option_title": opt.title,
                "contingency_held": float(cost.contingency or 0.0),
                "has_contingency": bool(cost.contingency),
                "committed": lex.mentions("committed_cost", cost.description, cost.id),
                "uplift_applied": uplift,
                "option_chosen": is_chosen,
                "option_rejected": rejected,
                "option_kind": kind,
                "case_assumes_on_target": bool(on_target),
                "on_target_evidenced": evidenced,
                "on_target_note": (
                    "; the case assumes costs come in on target, with no evidence"
                    if on_target and not evidenced
                    else ""
                ),
            }
            for key in ("description", "projected", "contingency", "realized"):
                value = getattr(cost, key)
                if value is not None:
                    cf[key] = value
            _put(cf, "overrun_ratio", _ratio([(cost.projected, cost.realized)]))
            _put(cf, "status", rec.status)
            _put(cf, "currency", currency)
            costs.append(cf)

    decision = decision_fact(src, ctx, kinds, chosen)
    if uplift_fig is not None:
        decision["reference_uplift"] = uplift_fig.value
        decision["reference_uplift_source"] = uplift_fig.source
    return RecordFacts(decision, options, benefits, costs)


def _unnamed(description: str | None, kind: str | None, j: int) -> str:
    """What a message calls a benefit or cost the record gives no id: its description
    (cut to a few words), else its type, else its place ("item 2"; a bare index such as
    "1" reads like a figure)."""
    if description and description.strip():
        words = description.split()
        return " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
    if kind:
        return kind
    return f"item {j + 1}"
