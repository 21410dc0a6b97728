"""Build a :class:`~decaudit.engine.types.Finding` from a rule match."""

from __future__ import annotations

from typing import Any

from .facts import PORTFOLIO_ID
from .rules.model import Match, walk
from .rules.template import render
from .types import Finding, SourceRecord


def _lookup(match: Match) -> Any:
    rule = match.rule

    def lookup(name: str) -> Any:
        parts = name.split(".")
        if parts[0] == "param":
            return rule.params.get(parts[1])
        if len(parts) == 2:
            return match.bindings.get(parts[0], {}).get(parts[1])
        return match.target.get(parts[0])

    return lookup


def message(match: Match) -> str:
    return render(match.rule.message, _lookup(match))


def evidence(match: Match) -> dict[str, Any]:
    """The facts the rule's conditions read (``alias.fact`` for joins) and the params used."""
    rule = match.rule
    out: dict[str, Any] = {}
    for name_of_alias, facts in rule.referenced().items():
        fact = match.bindings.get(name_of_alias, {})
        for name in facts:
            key = f"{name_of_alias}.{name}" if rule.is_join else name
            out[key] = fact.get(name)
    for alias in rule.aliases:
        for cmp in walk(alias.when):
            if cmp.param is not None:
                out[f"param.{cmp.param}"] = rule.params[cmp.param]
    return out


def make_finding(match: Match, src: SourceRecord | None) -> Finding:
    rule, target = match.rule, match.target
    portfolio = target.get("_t") == "portfolio"
    line = target.get("line")
    return Finding(
        rule_id=rule.id,
        rule_name=rule.info.name,
        severity=rule.info.severity,
        family=rule.info.family,
        decision_id=PORTFOLIO_ID if portfolio else str(target.get("did", "")),
        file="" if portfolio or src is None else src.file,
        line=0 if portfolio or not isinstance(line, int) else line,
        path=str(target.get("path", "$")),
        message=message(match),
        evidence=evidence(match),
    )
