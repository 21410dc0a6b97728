"""The plain-Python evaluator: the same condition trees, evaluated directly.

It is the differential oracle for the durable_rules evaluator and the floor in benchmarks;
the product path is :class:`decaudit.engine.evaluate.Evaluator`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from ..facts import CATALOGUE, FactDict, RecordFacts, scope_of
from . import regex
from .model import All, AnyOf, Cmp, Cond, Match, Not, Rule, RulePack, dedupe
from .values import typed

Bindings = Mapping[str, Mapping[str, Any]]


class _Cache:
    def search(self, pattern: str, text: str) -> bool:
        return regex.search(pattern, text)  # RE2, as the compiled path


def _value(fact: Mapping[str, Any], fact_type: str, name: str) -> Any:
    return typed(fact.get(name), CATALOGUE[fact_type][name].type)


def holds(
    cond: Cond,
    fact: Mapping[str, Any],
    fact_type: str,
    bindings: Bindings,
    types: Mapping[str, str],
    cache: _Cache,
) -> bool:
    if isinstance(cond, All):
        return all(holds(c, fact, fact_type, bindings, types, cache) for c in cond.items)
    if isinstance(cond, AnyOf):
        return any(holds(c, fact, fact_type, bindings, types, cache) for c in cond.items)
    if isinstance(cond, Not):
        return not holds(cond.item, fact, fact_type, bindings, types, cache)
    return _compare(cond, fact, fact_type, bindings, types, cache)


def _compare(
    cmp: Cmp,
    fact: Mapping[str, Any],
    fact_type: str,
    bindings: Bindings,
    types: Mapping[str, str],
    cache: _Cache,
) -> bool:
    value = _value(fact, fact_type, cmp.fact)
    if cmp.op == "exists":
        return (value is not None) == bool(cmp.value)
    if value is None:
        return False
    if cmp.op == "matches":
        return cache.search(str(cmp.value), value)
    if cmp.op == "in":
        return any(value == v for v in cmp.value)
    if cmp.ref is not None:
        alias, name = cmp.ref
        other = _value(bindings[alias], types[alias], name)
        if other is None:
            return False
    else:
        other = cmp.value
    op = cmp.op
    if op == "eq":
        return bool(value == other)
    if op == "ne":
        return bool(value != other)
    if op == "lt":
        return bool(value < other)
    if op == "lte":
        return bool(value <= other)
    if op == "gt":
        return bool(value > other)
    return bool(value >= other)


class OracleEvaluator:
    """Same interface as the durable_rules ``Evaluator``."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self._cache = _Cache()
        self._record_rules = [r for r in pack.rules if scope_of(r.fact_types) == "record"]
        self._portfolio_rules = [r for r in pack.rules if scope_of(r.fact_types) == "run"]
        self._collection_rules = [r for r in pack.rules if scope_of(r.fact_types) == "collection"]

    def evaluate(self, facts: RecordFacts) -> list[Match]:
        return self._run(self._record_rules, facts.all())

    def evaluate_portfolio(self, fact: FactDict) -> list[Match]:
        return self._run(self._portfolio_rules, [fact])

    def evaluate_collection(self, facts: list[FactDict]) -> list[Match]:
        return self._run(self._collection_rules, facts)

    def _run(self, rules: list[Rule], facts: list[FactDict]) -> list[Match]:
        by_type: dict[str, list[FactDict]] = {}
        for fact in facts:
            by_type.setdefault(str(fact.get("_t")), []).append(fact)
        out: list[Match] = []
        for rule in rules:
            out.extend(self._rule(rule, by_type))
        return dedupe(out)

    def _rule(self, rule: Rule, by_type: Mapping[str, list[FactDict]]) -> list[Match]:
        types = {a.name: a.on for a in rule.aliases}
        found: list[Match] = []
        pools = [by_type.get(a.on, []) for a in rule.aliases]
        if not rule.is_join:
            alias = rule.aliases[0]
            for fact in pools[0]:
                if holds(alias.when, fact, alias.on, {}, types, self._cache):
                    found.append(Match(rule, fact, {alias.name: fact}))
            return found
        for combo in itertools.product(*pools):
            if len({id(f) for f in combo}) < len(combo):
                continue  # one fact never binds two aliases
            did = combo[0].get("did")
            if any(f.get("did") != did for f in combo[1:]):
                continue
            bindings = {a.name: f for a, f in zip(rule.aliases, combo, strict=True)}
            if all(
                holds(a.when, bindings[a.name], a.on, bindings, types, self._cache)
                for a in rule.aliases
            ):
                found.append(Match(rule, bindings[rule.at], bindings))
        return found
