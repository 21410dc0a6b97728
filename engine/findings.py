"""Build a :class:`~decaudit.engine.types.Finding` from a rule match."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .facts import PORTFOLIO_ID
from .rules.model import Match, Rule, walk
from .rules.template import FORMATS, format_money, format_pct, format_value, segments
from .types import Finding, SourceRecord
from .uncertain import cap, uncertain_fields

# A message piece: (literal text, "") or (None, source, first, second, fmt) where source is
# "param" (rule.params[first]), "alias" (bindings[first][second]) or "target" (target[first]),
# and fmt is "pct", "money" (in the currency of the fact's owner) or "".
_Piece = tuple[Any, ...]


@dataclass(frozen=True)
class _Plan:
    """What a rule's findings need, worked out once per rule: message pieces, evidence."""

    pieces: tuple[_Piece, ...]
    facts: tuple[tuple[str, str, str], ...]  # (evidence key, alias, fact)
    params: tuple[tuple[str, str], ...]  # (evidence key, param name)


_PLANS: dict[int, tuple[Rule, _Plan]] = {}


def _piece(name: str) -> _Piece:
    head, _, rest = name.partition(".")
    fmt = head if head in FORMATS and rest else ""
    parts = (rest if fmt else name).split(".")
    if parts[0] == "param":
        return (None, "param", parts[1], "", fmt)
    if len(parts) == 2:
        return (None, "alias", parts[0], parts[1], fmt)
    return (None, "target", parts[0], "", fmt)


def _make_plan(rule: Rule) -> _Plan:
    pieces = tuple(_piece(text) if is_name else (text,) for is_name, text in segments(rule.message))
    facts = tuple(
        (f"{alias}.{name}" if rule.is_join else name, alias, name)
        for alias, names in rule.referenced().items()
        for name in names
    )
    params = tuple(
        (f"param.{cmp.param}", cmp.param)
        for alias in rule.aliases
        for cmp in walk(alias.when)
        if cmp.param is not None
    )
    return _Plan(pieces, facts, params)


def _plan(rule: Rule) -> _Plan:
    got = _PLANS.get(id(rule))
    if got is None or got[0] is not rule:
        if len(_PLANS) > 4096:
            _PLANS.clear()
        got = (rule, _make_plan(rule))
        _PLANS[id(rule)] = got
    return got[1]


_EMPTY: Mapping[str, Any] = {}


def _message(match: Match, plan: _Plan) -> str:
    rule, target, bindings = match.rule, match.target, match.bindings
    out: list[str] = []
    for piece in plan.pieces:
        if len(piece) == 1:
            out.append(piece[0])
            continue
        _, source, first, second, fmt = piece
        owner: Mapping[str, Any] = _EMPTY
        if source == "param":
            value = rule.params.get(first)
        elif source == "alias":
            owner = bindings.get(first, _EMPTY)
            value = owner.get(second)
        else:
            owner = target
            value = target.get(first)
        if fmt == "pct" and isinstance(value, int | float) and not isinstance(value, bool):
            out.append(format_pct(value))
        elif fmt == "money":
            out.append(format_money(value, owner.get("currency")))
        else:
            out.append(format_value(value))
    return "".join(out)


def message(match: Match) -> str:
    return _message(match, _plan(match.rule))


def _evidence(match: Match, plan: _Plan) -> dict[str, Any]:
    bindings, params = match.bindings, match.rule.params
    out: dict[str, Any] = {}
    for key, alias, name in plan.facts:
        out[key] = bindings.get(alias, _EMPTY).get(name)
    for key, name in plan.params:
        out[key] = params[name]
    return out


def evidence(match: Match) -> dict[str, Any]:
    """The facts the rule's conditions read (``alias.fact`` for joins) and the params used."""
    return _evidence(match, _plan(match.rule))


def make_finding(match: Match, src: SourceRecord | None) -> Finding:
    rule, target = match.rule, match.target
    plan = _plan(rule)
    info = rule.info
    portfolio = target.get("_t") == "portfolio"
    line = target.get(rule.line_fact) if rule.line_fact else None
    if not isinstance(line, int) or isinstance(line, bool):
        line = target.get("line")
    finding = Finding(
        rule_id=info.id,
        rule_name=info.name,
        severity=info.severity,
        family=info.family,
        decision_id=PORTFOLIO_ID if portfolio else str(target.get("did", "")),
        file="" if portfolio or src is None else src.file,
        line=0 if portfolio or not isinstance(line, int) else line,
        path=str(target.get("path", "$")),
        message=_message(match, plan),
        evidence=_evidence(match, plan),
    )
    if src is not None and not portfolio:
        fields = uncertain_fields(match, src)
        if fields:
            return cap(finding, fields)
    return finding
