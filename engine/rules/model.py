"""The parsed form of rule files: conditions, rules and packs (frozen values)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..types import RuleInfo


@dataclass(frozen=True)
class Cmp:
    """``{fact, op, value|param|ref}``. ``value`` is the effective literal (params resolved)."""

    fact: str
    op: str
    value: Any = None  # scalar, tuple of scalars for ``in``, bool for ``exists``
    param: str | None = None  # the parameter the value came from
    ref: tuple[str, str] | None = None  # (alias, fact) of an earlier alias of a join


@dataclass(frozen=True)
class All:
    items: tuple[Cond, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Cond, ...]


@dataclass(frozen=True)
class Not:
    item: Cond


Cond = Cmp | All | AnyOf | Not


def walk(cond: Cond) -> list[Cmp]:
    """Every comparison of a condition tree, in order."""
    if isinstance(cond, Cmp):
        return [cond]
    if isinstance(cond, Not):
        return walk(cond.item)
    return [c for item in cond.items for c in walk(item)]


@dataclass(frozen=True)
class Alias:
    """One fact of a rule: its name (``"it"`` for single-fact rules), type and condition."""

    name: str
    on: str
    when: Cond


@dataclass(frozen=True)
class Expectation:
    """One example of a rule: records and the findings of that rule they must produce."""

    name: str
    expect: str  # flagged | clean
    records: tuple[Mapping[str, Any], ...]
    lines: tuple[Mapping[tuple[str | int, ...], int], ...]  # per record: loc -> rule file line
    count: int | None = None
    paths: tuple[str, ...] | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    history: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    line: int = 0  # line of the example in the rule file
    raw: Mapping[str, Any] = field(default_factory=dict)  # as written, for documentation


SINGLE = "it"  # the alias name of a single-fact rule


@dataclass(frozen=True)
class Rule:
    info: RuleInfo
    aliases: tuple[Alias, ...]  # one for ``on``/``when`` rules, several for ``match`` joins
    at: str  # the alias the finding points at
    params: Mapping[str, Any]  # effective parameters (defaults + overrides)
    defaults: Mapping[str, Any]  # parameters as the rule file declares them
    message: str  # string.Template text
    examples: tuple[Expectation, ...]
    file: str
    source: Mapping[str, Any] = field(default_factory=dict)  # the parsed rule file
    related: tuple[str, ...] = ()  # rules whose findings this one's absorbs (engine/related)
    convention: str | None = None  # the field a folder's template may lack (conventions)
    line_fact: str | None = None  # a number fact of the target giving the finding's line

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def is_join(self) -> bool:
        return len(self.aliases) > 1

    @property
    def on(self) -> str:
        """The fact type of the target alias."""
        return self.alias(self.at).on

    @property
    def when(self) -> Cond:
        return self.aliases[0].when

    @property
    def fact_types(self) -> frozenset[str]:
        return frozenset(a.on for a in self.aliases)

    def alias(self, name: str) -> Alias:
        for alias in self.aliases:
            if alias.name == name:
                return alias
        raise KeyError(name)

    def referenced(self) -> dict[str, list[str]]:
        """Alias name -> the facts of it the rule's conditions read, in order, no repeats."""
        out: dict[str, list[str]] = {a.name: [] for a in self.aliases}
        for alias in self.aliases:
            for cmp in walk(alias.when):
                if cmp.fact not in out[alias.name]:
                    out[alias.name].append(cmp.fact)
                if cmp.ref is not None and cmp.ref[1] not in out[cmp.ref[0]]:
                    out[cmp.ref[0]].append(cmp.ref[1])
        return out


@dataclass(frozen=True)
class RulePack:
    rules: tuple[Rule, ...]
    digest: str

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def infos(self) -> tuple[RuleInfo, ...]:
        return tuple(r.info for r in self.rules)

    @functools.cached_property
    def relations(self) -> dict[str, tuple[str, ...]]:
        """Rule id -> the rules whose findings it absorbs (those in the pack)."""
        ids = {r.id for r in self.rules}
        out = {}
        for r in self.rules:
            related = tuple(x for x in r.related if x in ids)
            if related:
                out[r.id] = related
        return out

    @property
    def conventions(self) -> dict[str, str]:
        """Rule id -> the field its convention findings are about."""
        return {r.id: r.convention for r in self.rules if r.convention}


@dataclass(frozen=True, eq=False)
class Match:
    """One rule matching one fact (``target``) of a record, with its join bindings."""

    rule: Rule
    target: Mapping[str, Any]  # the full fact the finding points at
    bindings: Mapping[str, Mapping[str, Any]]  # alias name -> full fact

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule.id, str(self.target.get("path", "$")))


def dedupe(matches: list[Match]) -> list[Match]:
    """One match per (rule, target path), keeping the smallest binding; sorted."""
    best: dict[tuple[str, str], tuple[tuple[str, ...], Match]] = {}
    for m in matches:
        key = m.key
        got = best.get(key)
        if got is None and not m.rule.is_join:
            best[key] = ((), m)
            continue
        rank = tuple(str(m.bindings[a.name].get("path", "")) for a in m.rule.aliases)
        if got is None or rank < got[0]:
            best[key] = (rank, m)
    return [best[k][1] for k in sorted(best)]
