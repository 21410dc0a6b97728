"""Evaluate facts with durable_rules: assert, collect, retract.

One :class:`Evaluator` owns one durable_rules host. The pack is compiled once into rulesets
of at most ``RULES_PER_RULESET`` rules over the same fact types; each record's facts are
asserted (as minimal typed dicts, see :class:`~decaudit.engine.rules.compiler.FactPlan`)
into the rulesets that have rules for their type, in one batch per ruleset, the actions
collect the matches, and the facts are retracted again, so working memory stays flat.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .collection import member_of
from .conventions import folder_of
from .errors import DecauditError
from .facts import FactContext, FactDict, PortfolioAccumulator, RecordFacts, derive, scope_of
from .findings import make_finding
from .jsonfast import encoder
from .members import CollectionAccumulator
from .native import load_engine
from .related import fold
from .rules.compiler import CompiledPack, CompiledRule, Group, compile_pack
from .rules.model import Match, RulePack, dedupe
from .types import Finding, SourceRecord

__all__ = [
    "EvaluationError",
    "Evaluator",
    "Match",
    "RecordEvaluator",
    "evaluate_records",
    "record_findings",
]


# ``json.dumps(obj, ensure_ascii=False)``, one C encoder for every call
_ENCODE = encoder()
_DIGIT_E = re.compile(r"\d[eE]")
_EXPONENT = re.compile(r'("(?:[^"\\]|\\.)*")|(?<![\w.])(-?\d+)([eE][+-]?\d+)')


def _fix_exponent(m: re.Match[str]) -> str:
    return m.group(1) or f"{m.group(2)}.0{m.group(3)}"


def durable_json(obj: Any) -> str:
    """JSON for durable_rules' parser, which rejects exponents without a fraction (1e-07)."""
    text = _ENCODE(obj)
    # Only an unquoted ``<digits>e`` can need fixing: most texts with "e-" ("one-off")
    # have none, and the cheap search spares them the full substitution.
    if ("e-" in text or "e+" in text) and _DIGIT_E.search(text):
        text = _EXPONENT.sub(_fix_exponent, text)
    return text


class EvaluationError(DecauditError):
    """The rules engine failed on a record (a bug, never bad input)."""


class RecordEvaluator:
    """What the check pipeline needs: ``Evaluator`` and ``OracleEvaluator`` both are one."""

    pack: RulePack

    def evaluate(self, facts: RecordFacts) -> list[Match]:  # pragma: no cover - protocol
        raise NotImplementedError

    def evaluate_portfolio(self, fact: FactDict) -> list[Match]:  # pragma: no cover
        raise NotImplementedError

    def evaluate_collection(self, facts: list[FactDict]) -> list[Match]:  # pragma: no cover
        raise NotImplementedError


def _host_class() -> type:
    load_engine()
    from durable.engine import Host

    class QuietHost(Host):
        """A host without the stock background timer threads (they would steal actions)."""

        def _run(self) -> None:
            return None

    return QuietHost


@dataclass
class _Ruleset:
    name: str
    group: Group
    handle: Any  # durable's Ruleset object
    rules: dict[str, CompiledRule]  # durable rule name -> rule


_SEQ = itertools.count()
ROTATE_AFTER = 2_000  # records per generation of rulesets (see Evaluator.__init__)


class Evaluator(RecordEvaluator):
    """The durable_rules evaluator (the product path)."""

    def __init__(self, pack: RulePack, *, fast: bool = True) -> None:
        """``fast``: collect actions from the engine's queue directly (the default); else
        through durable's own ``Ruleset.do_actions`` and action callables."""
        self.fast = fast
        self._engine = load_engine()
        self.pack = pack
        self.compiled: CompiledPack = compile_pack(pack)
        self._host = _host_class()()
        self._found: list[tuple[CompiledRule, dict[str, Any]]] = []
        self._errors: list[BaseException] = []
        # durable_rules 2.0.28 keeps pointers into the JSON text of facts after it returns
        # (and after they are retracted); freeing that text can crash the process later
        # (a segmentation fault, seen with joins). So every fact payload is kept alive as
        # long as the rulesets that saw it are in use, and the rulesets are replaced by
        # fresh ones every ROTATE_AFTER records, which bounds the memory this holds.
        self._texts: list[str] = []  # ruleset JSON, kept for the evaluator's life
        self._payloads: list[str] = []  # fact JSON given to the current rulesets
        self._evaluated = 0
        self._build()

    def _build(self) -> None:
        """Create (or replace) the rulesets. Old ones are left untouched, never reused."""
        for old in getattr(self, "_rulesets", []):
            self._host._ruleset_directory.pop(old.name, None)
        self._host._ruleset_list.clear()
        self._payloads = []
        self._evaluated = 0
        prefix = f"decaudit{next(_SEQ)}"
        definitions: dict[str, dict[str, Any]] = {}
        for i, group in enumerate(self.compiled.groups):
            rules: dict[str, Any] = {}
            for j, cr in enumerate(group.rules):
                rule = copy.deepcopy(cr.definition)
                rule["run"] = self._action(cr)
                rules[f"r{j}_{cr.rule.id}"] = rule
            definitions[f"{prefix}_{i}"] = rules
        self._rulesets = [
            _Ruleset(
                name, group, self._register(name, rules), dict(zip(rules, group.rules, strict=True))
            )
            for (name, rules), group in zip(definitions.items(), self.compiled.groups, strict=True)
        ]
        by_scope: dict[str, list[_Ruleset]] = {"record": [], "run": [], "collection": []}
        for rs in self._rulesets:
            by_scope[scope_of(rs.group.fact_types)].append(rs)
        self._record_sets = by_scope["record"]
        self._portfolio_sets = by_scope["run"]
        self._collection_sets = by_scope["collection"]

    def _register(self, name: str, rules: dict[str, Any]) -> Any:
        """``Host.register_rulesets`` for one ruleset, with its JSON from ``durable_json``.

        The stock path serializes with ``json.dumps``, whose ``1e-07`` the engine refuses
        (error 204); otherwise this does what ``Ruleset.__init__`` does in durable 2.0.28.
        """
        from durable.engine import Promise, Ruleset

        ruleset = Ruleset.__new__(Ruleset)
        ruleset._actions = {rule: Promise(body.pop("run")) for rule, body in rules.items()}
        ruleset._name = name
        ruleset._host = self._host
        text = durable_json(rules)
        self._texts.append(text)
        ruleset._handle = self._engine.create_ruleset(name, text)
        ruleset._definition = rules
        self._host._ruleset_directory[name] = ruleset
        self._host._ruleset_list.append(ruleset)
        return ruleset

    def _action(self, cr: CompiledRule) -> Callable[[Any], None]:
        found, errors = self._found, self._errors

        def run(c: Any) -> None:
            try:
                message = c._m
                found.append((cr, {user: dict(message[internal]) for internal, user in cr.names}))
            except BaseException as exc:  # durable swallows exceptions inside actions
                errors.append(exc)

        return run

    def evaluate(self, facts: RecordFacts) -> list[Match]:
        return self._run(self._record_sets, facts.all())

    def evaluate_portfolio(self, fact: FactDict) -> list[Match]:
        return self._run(self._portfolio_sets, [fact])

    def evaluate_collection(self, facts: list[FactDict]) -> list[Match]:
        """One record's ``member`` and ``link`` facts (see engine/collection.py)."""
        if not self._collection_sets:
            return []
        return self._run(self._collection_sets, facts)

    def _run(self, rulesets: list[_Ruleset], facts: list[FactDict]) -> list[Match]:
        plans = self.compiled.plans
        originals: dict[str, FactDict] = {}
        prepared: dict[str, list[dict[str, Any]]] = {}
        for fact in facts:
            fact_type = str(fact.get("_t"))
            plan = plans.get(fact_type)
            if plan is None:
                continue
            originals[str(fact["path"])] = fact
            prepared.setdefault(fact_type, []).append(plan.prepare(fact))
        self._found.clear()
        self._errors.clear()
        for rs in rulesets:
            batch = [p for t in rs.group.fact_types for p in prepared.get(t, ())]
            if batch:
                self._assert_batch(rs, batch)
        if self._errors:
            exc = self._errors[0]
            raise EvaluationError(f"rule action failed: {exc!r}") from exc
        matches = []
        for cr, bound in self._found:
            full = {alias: originals.get(str(f.get("path")), f) for alias, f in bound.items()}
            if cr.checks and not cr.accepts(full):
                continue
            matches.append(Match(cr.rule, full[cr.rule.at], full))
        self._found.clear()
        self._evaluated += 1
        if self._evaluated >= ROTATE_AFTER:
            self._build()
        return dedupe(matches)

    def _assert_batch(self, rs: _Ruleset, batch: list[dict[str, Any]]) -> None:
        # Host.assert_facts raises MessageNotHandledException for the whole batch when one
        # fact matches nothing, before running the actions of the others. The engine's own
        # result code tells the same without losing them: 0 handled, 1 some fact unhandled;
        # either way the state handle is returned and the actions are run.
        payload = durable_json(batch)
        self._payloads.append(payload)
        did = batch[0].get("did")
        handle = rs.handle._handle
        try:
            code, state = self._engine.assert_facts(handle, payload)
            if code in (0, 1):
                if self.fast:
                    self._drain(rs, state)
                else:
                    rs.handle.do_actions(state, self._complete)
            self._engine.retract_facts(handle, payload)
        except self._engine.error as exc:
            raise EvaluationError(f"{did}: durable_rules error in {rs.name}: {exc}") from exc

    def _drain(self, rs: _Ruleset, state: int) -> None:
        """Collect the pending actions straight from the engine's action queue.

        This is what ``Ruleset.do_actions`` does, minus what a collector does not need: a
        ``Closure`` per action and a JSON round trip of the (unchanged) session state.
        """
        engine, handle, found = self._engine, rs.handle._handle, self._found
        started = engine.start_action_for_state(handle, state)
        if not started:
            return
        text: str | None = started[1]
        while text:
            for rule_name, bound in json.loads(text).items():
                cr = rs.rules[rule_name]
                found.append((cr, {user: bound[internal] for internal, user in cr.names}))
            text = engine.complete_and_start_action(handle, state)

    def _complete(self, error: Any, _state: Any) -> None:
        if error:
            self._errors.append(error if isinstance(error, BaseException) else Exception(error))

    def state(self) -> list[Mapping[str, Any]]:
        """The durable state of every ruleset (tests: it must not grow)."""
        out: list[Mapping[str, Any]] = []
        for rs in self._rulesets:
            try:
                out.append(self._host.get_state(rs.name))
            except self._engine.error:
                out.append({})  # no state yet: nothing was ever asserted there
        return out

    def facts_in_memory(self) -> int:
        """Facts currently asserted across rulesets (tests: 0 between records)."""
        total = 0
        for rs in self._rulesets:
            try:
                text = self._engine.get_facts(rs.handle._handle, "0")
            except self._engine.error:
                continue  # no state yet: nothing was ever asserted there
            total += len(json.loads(text or "[]"))
        return total


def record_findings(
    evaluator: RecordEvaluator, src: SourceRecord, ctx: FactContext, *, fold_related: bool = True
) -> tuple[RecordFacts, list[Finding]]:
    """One record: derive its facts, evaluate, and build its findings.

    With ``fold_related`` the findings of rules a firing rule relates (``related:``) are
    folded into its finding as evidence (engine/related.py)."""
    facts = derive(src, ctx)
    findings = [make_finding(m, src) for m in evaluator.evaluate(facts)]
    if fold_related and len(findings) > 1:
        findings = fold(findings, evaluator.pack.relations)
    return facts, findings


def portfolio_findings(evaluator: RecordEvaluator, acc: PortfolioAccumulator) -> list[Finding]:
    """The findings of the portfolio rules over everything added to ``acc``."""
    return [make_finding(m, None) for m in evaluator.evaluate_portfolio(acc.fact())]


def has_collection_rules(pack: RulePack) -> bool:
    return any(scope_of(r.fact_types) == "collection" for r in pack.rules)


def member_findings(evaluator: RecordEvaluator, file: str, facts: list[FactDict]) -> list[Finding]:
    """The findings of the folder rules on one record's member and link facts, related
    findings folded (a copied title and the number it carries over: one finding)."""
    found = [
        replace(make_finding(m, None), file=file) for m in evaluator.evaluate_collection(facts)
    ]
    return fold(found, evaluator.pack.relations) if len(found) > 1 else found


def collection_findings(
    evaluator: RecordEvaluator, acc: CollectionAccumulator
) -> Iterator[Finding]:
    """The findings of the folder rules (``member``, ``link`` facts) over ``acc``, as they
    come (see :meth:`ParallelEvaluator.collection` for the same in worker processes)."""
    for member, facts in acc.facts():
        yield from member_findings(evaluator, member.file, facts)


def iter_findings(
    evaluator: RecordEvaluator,
    sources: Iterable[SourceRecord],
    ctx: FactContext,
    *,
    fold_related: bool = True,
) -> Iterator[Finding]:
    """Findings of every record as it streams by, then the folder and portfolio findings."""
    acc = PortfolioAccumulator()
    members = CollectionAccumulator() if has_collection_rules(evaluator.pack) else None
    for src in sources:
        facts, findings = record_findings(evaluator, src, ctx, fold_related=fold_related)
        acc.add(facts)
        if members is not None:
            members.add(member_of(src, folder_of(src.file)))
        yield from findings
    if members is not None:
        yield from collection_findings(evaluator, members)
    yield from portfolio_findings(evaluator, acc)


def evaluate_records(
    pack: RulePack,
    sources: Iterable[SourceRecord],
    ctx: FactContext,
    evaluator: RecordEvaluator | None = None,
) -> list[Finding]:
    """All findings of ``sources`` (records, folders, then the portfolio) with ``pack``."""
    return list(iter_findings(evaluator or Evaluator(pack), sources, ctx))
