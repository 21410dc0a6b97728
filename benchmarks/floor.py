"""The two floors the rules stage is measured against.

- :class:`ClosureEvaluator`: each rule's conditions compiled once into plain Python closures
  (no tree walk per fact: every comparison knows its fact, its catalogue type, its operator
  and its literal or reference in advance), joins evaluated alias by alias with the earlier
  aliases bound. It has the interface of ``Evaluator.evaluate`` and gives the same matches
  (``stages.py`` compares them record by record); it is the fastest plain-Python evaluator
  of the same rules, so "durable / closures" is what the durable_rules path costs over it.
- :class:`NativeTimer`: wraps the C functions of ``durable_rules_engine`` that the evaluator
  calls, and adds up the time spent inside them (assert and retract of the facts, and the
  action queue), so "C calls" is the rules engine's own share of the rules stage.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Mapping
from typing import Any

from decaudit.engine.facts import CATALOGUE, FactDict, RecordFacts, scope_of
from decaudit.engine.rules.model import All, AnyOf, Cmp, Cond, Match, Not, Rule, RulePack, dedupe
from decaudit.engine.rules.regex import compile_pattern
from decaudit.engine.rules.values import MAX_EXACT_INT, typed

Bindings = Mapping[str, Mapping[str, Any]]
Pred = Callable[[Mapping[str, Any], Bindings], bool]
Getter = Callable[[Mapping[str, Any]], Any]

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


def getter(fact_type: str, name: str) -> Getter:
    """The typed value of fact ``name`` (``values.typed``), with the common cases inlined."""
    typ = CATALOGUE[fact_type][name].type
    if typ == "str":

        def get_str(fact: Mapping[str, Any]) -> Any:
            v = fact.get(name)
            return v if isinstance(v, str) else None

        return get_str
    if typ == "bool":

        def get_bool(fact: Mapping[str, Any]) -> Any:
            v = fact.get(name)
            return v if v is True or v is False else None

        return get_bool

    def get_number(fact: Mapping[str, Any]) -> Any:
        v = fact.get(name)
        if v is None:
            return None
        if v.__class__ is int and -MAX_EXACT_INT <= v <= MAX_EXACT_INT:
            return v
        return typed(v, "number")

    return get_number


def compile_cond(cond: Cond, fact_type: str, types: Mapping[str, str]) -> Pred:
    """One closure for a condition tree (``types``: alias -> fact type, for refs)."""
    if isinstance(cond, All):
        parts = tuple(compile_cond(c, fact_type, types) for c in cond.items)
        if len(parts) == 1:
            return parts[0]

        def all_of(f: Mapping[str, Any], b: Bindings) -> bool:
            for p in parts:  # noqa: SIM110 (a loop: no generator per call)
                if not p(f, b):
                    return False
            return True

        return all_of
    if isinstance(cond, AnyOf):
        parts = tuple(compile_cond(c, fact_type, types) for c in cond.items)

        def any_of(f: Mapping[str, Any], b: Bindings) -> bool:
            for p in parts:  # noqa: SIM110 (a loop: no generator per call)
                if p(f, b):
                    return True
            return False

        return any_of
    if isinstance(cond, Not):
        inner = compile_cond(cond.item, fact_type, types)
        return lambda f, b: not inner(f, b)
    return _compile_cmp(cond, fact_type, types)


def _compile_cmp(cmp: Cmp, fact_type: str, types: Mapping[str, str]) -> Pred:
    get = getter(fact_type, cmp.fact)
    if cmp.op == "exists":
        want = bool(cmp.value)
        return lambda f, b: (get(f) is not None) is want
    if cmp.op == "matches":
        search = compile_pattern(str(cmp.value)).search

        def matches(f: Mapping[str, Any], b: Bindings) -> bool:
            v = get(f)
            return v is not None and search(v) is not None

        return matches
    if cmp.op == "in":
        values = tuple(cmp.value)

        def in_(f: Mapping[str, Any], b: Bindings) -> bool:
            v = get(f)
            return v is not None and v in values

        return in_
    op = _OPS[cmp.op]
    if cmp.ref is not None:
        alias, name = cmp.ref
        other = getter(types[alias], name)

        def ref(f: Mapping[str, Any], b: Bindings) -> bool:
            v = get(f)
            if v is None:
                return False
            o = other(b[alias])
            return o is not None and bool(op(v, o))

        return ref
    literal = cmp.value

    def lit(f: Mapping[str, Any], b: Bindings) -> bool:
        v = get(f)
        return v is not None and bool(op(v, literal))

    return lit


class _Compiled:
    """One rule: its aliases in order, each with its fact type and closure."""

    def __init__(self, rule: Rule) -> None:
        types = {a.name: a.on for a in rule.aliases}
        self.rule = rule
        self.steps = tuple((a.name, a.on, compile_cond(a.when, a.on, types)) for a in rule.aliases)

    def run(self, by_type: Mapping[str, list[FactDict]], out: list[Match]) -> None:
        rule = self.rule
        if len(self.steps) == 1:
            name, on, pred = self.steps[0]
            empty: dict[str, Any] = {}
            for fact in by_type.get(on, ()):
                if pred(fact, empty):
                    out.append(Match(rule, fact, {name: fact}))
            return
        self._join(0, {}, by_type, out)

    def _join(
        self,
        i: int,
        bound: dict[str, FactDict],
        by_type: Mapping[str, list[FactDict]],
        out: list[Match],
    ) -> None:
        if i == len(self.steps):
            out.append(Match(self.rule, bound[self.rule.at], dict(bound)))
            return
        name, on, pred = self.steps[i]
        did = next(iter(bound.values())).get("did") if bound else None
        taken = {id(f) for f in bound.values()}
        for fact in by_type.get(on, ()):
            if id(fact) in taken or (i and fact.get("did") != did):
                continue  # one fact never binds two aliases; joins are within a decision
            if pred(fact, bound):
                bound[name] = fact
                self._join(i + 1, bound, by_type, out)
                del bound[name]


class ClosureEvaluator:
    """Record rules as compiled closures; ``evaluate`` as ``Evaluator.evaluate``."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self._rules = [_Compiled(r) for r in pack.rules if scope_of(r.fact_types) == "record"]

    def evaluate(self, facts: RecordFacts) -> list[Match]:
        by_type: dict[str, list[FactDict]] = {}
        for fact in facts.all():
            t = fact.get("_t")
            got = by_type.get(t)
            if got is None:
                by_type[t] = [fact]
            else:
                got.append(fact)
        out: list[Match] = []
        for rule in self._rules:
            rule.run(by_type, out)
        return dedupe(out)


class NativeTimer:
    """Time spent inside durable_rules' C functions, while installed."""

    FACTS = ("assert_facts", "retract_facts", "assert_fact", "retract_fact")
    ACTIONS = ("start_action_for_state", "complete_and_start_action")

    def __init__(self, clock: Callable[[], float] = time.process_time) -> None:
        self.clock = clock
        self.seconds = {"assert_retract": 0.0, "actions": 0.0}
        self._saved: dict[str, Any] = {}

    def install(self) -> NativeTimer:
        import durable_rules_engine as engine

        for slot, names in (("assert_retract", self.FACTS), ("actions", self.ACTIONS)):
            for name in names:
                fn = getattr(engine, name, None)
                if fn is not None:
                    self._saved[name] = fn
                    setattr(engine, name, self._wrap(fn, slot))
        return self

    def uninstall(self) -> None:
        import durable_rules_engine as engine

        for name, fn in self._saved.items():
            setattr(engine, name, fn)
        self._saved.clear()

    def _wrap(self, fn: Callable[..., Any], slot: str) -> Callable[..., Any]:
        clock, spent = self.clock, self.seconds

        def timed(*args: Any) -> Any:
            t = clock()
            try:
                return fn(*args)
            finally:
                spent[slot] += clock() - t

        return timed
