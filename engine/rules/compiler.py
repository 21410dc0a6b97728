"""Compile rule condition trees to durable_rules' JSON ruleset form, once, at load.

Semantics (shared with :mod:`.oracle`):

* a comparison on an absent fact (or one of the wrong type, see :mod:`.values`) is false,
  ``ne`` included; ``not`` is pushed down to the comparisons (De Morgan) so that
  ``not (x lt v)`` becomes ``x absent or x gte v`` (durable's ``$nex`` / ``$gte``);
* ``in`` is an ``$or`` of equalities;
* ``matches`` never uses durable's own regex dialect: each distinct (fact type, fact,
  pattern) gets a synthetic boolean key (``_m0``...) computed in Python with RE2
  (:mod:`.regex`, linear time) before the fact is asserted, and the condition tests that key;
* joins are ``all`` lists of aliases, every alias after the first bound to the first by
  ``did``; ``ref`` compiles to durable's ``{alias: fact}`` reference, and the referenced fact
  is required to exist on its alias (a ``ref`` only appears in conjunctions, so this is
  equivalent, and durable errors on a reference to an absent property).

Aliases are renamed ``a0``, ``a1``... so that no user alias collides with durable's names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..facts import CATALOGUE
from .model import All, Cmp, Cond, Not, Rule, RulePack, walk
from .regex import Pattern, compile_pattern
from .values import MAX_EXACT_INT, typed

_DURABLE_OP = {"ne": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}
_NEGATE = {"eq": "ne", "ne": "eq", "lt": "gte", "lte": "gt", "gt": "lte", "gte": "lt"}
RULES_PER_RULESET = 50  # durable refuses more than 64 rules matching one fact (error 303)

JSON = dict[str, Any]


@dataclass(frozen=True)
class Regex:
    key: str  # the synthetic fact key, e.g. _m3
    fact: str
    pattern: Pattern


@dataclass(frozen=True)
class FactPlan:
    """What of a fact type durable needs: the typed keys rules read, and regex keys."""

    fact_type: str
    keys: tuple[tuple[str, str], ...]  # (fact name, catalogue type)
    regexes: tuple[Regex, ...]

    def prepare(self, fact: Mapping[str, Any]) -> JSON:
        """The minimal flat dict asserted into durable (no ``id``/``sid`` keys).

        Values go through :func:`.values.typed`; plain ``str``/``bool`` values and ints in
        the exact range, the common case, take a shortcut with the same result.
        """
        out: JSON = {"_t": self.fact_type, "did": str(fact.get("did", "")), "path": fact["path"]}
        get = fact.get
        for name, typ in self.keys:
            value = get(name)
            if value is None:
                continue
            cls = value.__class__
            plain = (cls is str and typ == "str") or (cls is bool and typ == "bool")
            if plain or (
                cls is int and typ == "number" and -MAX_EXACT_INT <= value <= MAX_EXACT_INT
            ):
                out[name] = value
            else:
                value = typed(value, typ)
                if value is not None:
                    out[name] = value
        for rx in self.regexes:
            value = fact.get(rx.fact)
            out[rx.key] = isinstance(value, str) and rx.pattern.search(value) is not None
        return out


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    names: tuple[tuple[str, str], ...]  # (internal alias, user alias)
    definition: JSON  # durable rule, without its "run"
    # Non-equality ``ref`` comparisons, checked on the bindings durable's join produces:
    # (alias the comparison belongs to, the comparison).
    checks: tuple[tuple[str, Cmp], ...] = ()

    def accepts(self, bindings: Mapping[str, Mapping[str, Any]]) -> bool:
        """Whether ``bindings`` (alias -> fact) pass the ``checks``."""
        for alias_name, cmp in self.checks:
            assert cmp.ref is not None
            other_alias, other_fact = cmp.ref
            own_type = self.rule.alias(alias_name).on
            other_type = self.rule.alias(other_alias).on
            left = typed(bindings[alias_name].get(cmp.fact), CATALOGUE[own_type][cmp.fact].type)
            right = typed(
                bindings[other_alias].get(other_fact), CATALOGUE[other_type][other_fact].type
            )
            if left is None or right is None or not compare(cmp.op, left, right):
                return False
        return True


def compare(op: str, left: Any, right: Any) -> bool:
    """``left OP right`` for the comparison operators (typed values, both present)."""
    if op == "eq":
        return bool(left == right)
    if op == "ne":
        return bool(left != right)
    if op == "lt":
        return bool(left < right)
    if op == "lte":
        return bool(left <= right)
    if op == "gt":
        return bool(left > right)
    if op == "gte":
        return bool(left >= right)
    raise ValueError(op)


@dataclass(frozen=True)
class Group:
    """One durable ruleset: rules over the same fact types, at most RULES_PER_RULESET."""

    fact_types: frozenset[str]
    rules: tuple[CompiledRule, ...]


@dataclass(frozen=True)
class CompiledPack:
    pack: RulePack
    rules: tuple[CompiledRule, ...]
    plans: Mapping[str, FactPlan]
    groups: tuple[Group, ...]


class _Regexes:
    def __init__(self) -> None:
        self.keys: dict[tuple[str, str, str], str] = {}

    def key(self, fact_type: str, fact: str, pattern: str) -> str:
        ident = (fact_type, fact, pattern)
        if ident not in self.keys:
            self.keys[ident] = f"_m{len(self.keys)}"
        return self.keys[ident]


def _alias_ref(names: Mapping[str, str], ref: tuple[str, str]) -> JSON:
    return {names[ref[0]]: ref[1]}


def _cmp(cmp: Cmp, negated: bool, fact_type: str, names: Mapping[str, str], rx: _Regexes) -> JSON:
    fact, op = cmp.fact, cmp.op
    if op == "exists":
        present = bool(cmp.value) != negated
        return {"$ex" if present else "$nex": {fact: 1}}
    if op == "matches":
        return {rx.key(fact_type, fact, str(cmp.value)): not negated}
    absent = {"$nex": {fact: 1}}
    if op == "in":
        values = list(cmp.value)
        if negated:
            return _and([absent, _and([{"$neq": {fact: v}} for v in values])], "$or")
        return _and([{fact: v} for v in values], "$or")
    operand: Any = _alias_ref(names, cmp.ref) if cmp.ref is not None else cmp.value
    if negated:
        op = _NEGATE[op]
    test = {fact: operand} if op == "eq" else {_DURABLE_OP[op]: {fact: operand}}
    return _and([absent, test], "$or") if negated else test


def _and(items: list[JSON], key: str = "$and") -> JSON:
    return items[0] if len(items) == 1 else {key: items}


def compile_cond(
    cond: Cond,
    fact_type: str,
    names: Mapping[str, str] | None = None,
    rx: _Regexes | None = None,
    negated: bool = False,
) -> JSON:
    """A condition tree as a durable condition (negation pushed down to comparisons)."""
    names = names or {}
    rx = rx or _Regexes()
    if isinstance(cond, Cmp):
        return _cmp(cond, negated, fact_type, names, rx)
    if isinstance(cond, Not):
        return compile_cond(cond.item, fact_type, names, rx, not negated)
    parts = [compile_cond(c, fact_type, names, rx, negated) for c in cond.items]
    conjunction = isinstance(cond, All) != negated
    return _and(parts, "$and" if conjunction else "$or")


def split_refs(cond: Cond) -> tuple[list[Cmp], Cond | None]:
    """The ``ref`` comparisons of a condition (only ever in its top conjunction), and the rest."""
    if isinstance(cond, Cmp):
        return ([cond], None) if cond.ref is not None else ([], cond)
    if not isinstance(cond, All):
        return [], cond
    refs: list[Cmp] = []
    rest: list[Cond] = []
    for item in cond.items:
        r, other = split_refs(item)
        refs.extend(r)
        if other is not None:
            rest.append(other)
    if not rest:
        return refs, None
    return refs, rest[0] if len(rest) == 1 else All(tuple(rest))


def compile_rule(rule: Rule, rx: _Regexes | None = None) -> CompiledRule:
    rx = rx or _Regexes()
    names = {a.name: f"a{i}" for i, a in enumerate(rule.aliases)}
    required: dict[str, list[str]] = {a.name: [] for a in rule.aliases}
    for alias in rule.aliases:
        for cmp in walk(alias.when):
            if cmp.ref is not None and cmp.ref[1] not in required[cmp.ref[0]]:
                required[cmp.ref[0]].append(cmp.ref[1])
    first = names[rule.aliases[0].name]
    items = []
    checks: list[tuple[str, Cmp]] = []
    for i, alias in enumerate(rule.aliases):
        # durable_rules 2.0.28 mis-evaluates a reference that follows an $or in the same
        # node, and crashes (segmentation fault) on some nodes that hold a non-equality
        # reference ($neq, $lt...) followed by other tests. So: references go first, right
        # after the type; only equality references are given to durable (the decision
        # join and `eq` refs), the others are checked on the pairs its join produces.
        refs, rest = split_refs(alias.when)
        parts: list[JSON] = [{"_t": alias.on}]
        if i > 0:
            parts.append({"did": {first: "did"}})
        for c in refs:
            if c.op == "eq":
                parts.append(_cmp(c, False, alias.on, names, rx))
            else:
                checks.append((alias.name, c))
        parts.extend({"$ex": {fact: 1}} for fact in required[alias.name])
        if rest is not None:
            parts.append(compile_cond(rest, alias.on, names, rx))
        else:
            parts.append({"$ex": {"path": 1}})
        items.append({names[alias.name]: {"$and": parts}})
    names_out = tuple((v, k) for k, v in names.items())
    return CompiledRule(rule, names_out, {"all": items}, tuple(checks))


def compile_pack(pack: RulePack, per_ruleset: int = RULES_PER_RULESET) -> CompiledPack:
    rx = _Regexes()
    compiled = tuple(compile_rule(rule, rx) for rule in pack.rules)
    keys: dict[str, dict[str, str]] = {}
    for rule in pack.rules:
        alias_types = {a.name: a.on for a in rule.aliases}
        for alias in rule.aliases:
            for cmp in walk(alias.when):
                if cmp.op != "matches":  # regexes are read through their synthetic key
                    keys.setdefault(alias.on, {})[cmp.fact] = CATALOGUE[alias.on][cmp.fact].type
                if cmp.ref is not None:
                    on = alias_types[cmp.ref[0]]
                    keys.setdefault(on, {})[cmp.ref[1]] = CATALOGUE[on][cmp.ref[1]].type
    regexes: dict[str, list[Regex]] = {}
    for (fact_type, fact, pattern), key in rx.keys.items():
        regexes.setdefault(fact_type, []).append(Regex(key, fact, compile_pattern(pattern)))
    plans = {
        t: FactPlan(
            t,
            tuple((k, v) for k, v in keys.get(t, {}).items() if k not in ("did", "path")),
            tuple(regexes.get(t, [])),
        )
        for t in CATALOGUE
    }
    by_types: dict[frozenset[str], list[CompiledRule]] = {}
    for cr in compiled:
        by_types.setdefault(cr.rule.fact_types, []).append(cr)
    groups = []
    for types in sorted(by_types, key=sorted):
        rules = by_types[types]
        for start in range(0, len(rules), per_ruleset):
            groups.append(Group(types, tuple(rules[start : start + per_ruleset])))
    return CompiledPack(pack, compiled, plans, tuple(groups))
