"""Run every rule's examples through the real engine (``decaudit rules test``).

Rule testing sits above evaluation: it loads rules (``rules/``) and runs them through the
evaluator (``evaluate.py``), which itself sits above the rules package.

Each example's records become facts (with a fixed audit date, so ages are stable), go
through the durable_rules evaluator, and only the findings of the rule under test count.
Related findings are not folded here (an example tests its own rule, whatever relates to it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .facts import FactContext, TrackRecord
from .model import Record
from .rules.loader import RuleSource, make_pack, parse_rule
from .rules.model import Expectation, Rule, RulePack
from .types import Finding, SourceRecord

TODAY = dt.date(2026, 6, 30)  # the audit date of every example

EvaluatorFactory = Callable[[RulePack], Any]


@dataclass(frozen=True)
class ExampleResult:
    rule_id: str
    index: int
    example: Expectation
    file: str
    findings: tuple[Finding, ...]
    problems: tuple[str, ...]  # empty when the example passes

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        return self.example.name


def _sources(rule: Rule, ex: Expectation) -> list[SourceRecord]:
    out = []
    for raw, lines in zip(ex.records, ex.lines, strict=True):
        out.append(
            SourceRecord(
                record=Record.model_validate(raw),
                file=rule.file,
                format="yaml",
                lines=dict(lines),
                raw=raw,
            )
        )
    return out


def _context(ex: Expectation) -> FactContext:
    tracks = {
        str(ptype): TrackRecord(
            ratio=float(entry["ratio"]),
            count=int(entry.get("count", 1)),
            decisions=tuple(entry.get("decisions", ())),
        )
        for ptype, entry in ex.history.items()
    }
    return FactContext(today=TODAY, track_records=tracks)


def check_expectation(ex: Expectation, findings: Sequence[Finding]) -> list[str]:
    """What is wrong with ``findings`` as the outcome of ``ex`` (empty: it passes)."""
    problems = []
    got = len(findings)
    where = ", ".join(f.path for f in findings)
    if ex.expect == "flagged" and got == 0:
        problems.append("expected a finding, got none")
    if ex.expect == "clean" and got:
        problems.append(f"expected no finding, got {got} ({where})")
    if ex.count is not None and got != ex.count and not (ex.expect == "clean" and got):
        problems.append(f"expected {ex.count} finding(s), got {got}")
    if ex.paths is not None and sorted(ex.paths) != sorted(f.path for f in findings):
        problems.append(
            f"expected paths {', '.join(ex.paths) or '(none)'}, got {where or '(none)'}"
        )
    return problems


class ExampleRunner:
    """Runs examples; evaluators are built once per distinct parameter set and reused."""

    def __init__(self, pack: RulePack, factory: EvaluatorFactory | None = None) -> None:
        if factory is None:
            from .evaluate import Evaluator

            factory = Evaluator
        self.pack = pack
        self.factory = factory
        self._main: Any = None
        self._variants: dict[tuple[str, str], tuple[Rule, Any] | str] = {}

    def _evaluator(self, rule: Rule, ex: Expectation) -> tuple[Rule, Any] | str:
        if not ex.params:
            if self._main is None:
                self._main = self.factory(self.pack)
            return rule, self._main
        key = (rule.id, json.dumps(ex.params, sort_keys=True, default=str))
        if key not in self._variants:
            params = {**rule.params, **ex.params}
            src = RuleSource(rule.file, dict(rule.source), {})
            variant, errors = parse_rule(src, params, rule.info.severity)
            if variant is None:
                self._variants[key] = f"parameters {ex.params} do not apply: {errors[0].message}"
            else:
                self._variants[key] = (variant, self.factory(make_pack([variant])))
        return self._variants[key]

    def run_one(self, rule: Rule, index: int, ex: Expectation) -> ExampleResult:
        from .evaluate import iter_findings

        def result(findings: Sequence[Finding], problems: Sequence[str]) -> ExampleResult:
            return ExampleResult(rule.id, index, ex, rule.file, tuple(findings), tuple(problems))

        chosen = self._evaluator(rule, ex)
        if isinstance(chosen, str):
            return result((), [chosen])
        _, evaluator = chosen
        try:
            sources = _sources(rule, ex)
        except ValueError as exc:  # pragma: no cover - the loader validated them
            return result((), [f"invalid record: {exc.errors()[0]['msg']}"])  # type: ignore[attr-defined]
        findings = [
            f
            for f in iter_findings(evaluator, sources, _context(ex), fold_related=False)
            if f.rule_id == rule.id
        ]
        return result(findings, check_expectation(ex, findings))

    def run(self, rule_ids: Sequence[str] | None = None) -> list[ExampleResult]:
        out = []
        for rule in self.pack.rules:
            if rule_ids and rule.id not in rule_ids:
                continue
            for i, ex in enumerate(rule.examples):
                out.append(self.run_one(rule, i, ex))
        return out


def run_examples(
    pack: RulePack,
    rule_ids: Sequence[str] | None = None,
    factory: EvaluatorFactory | None = None,
) -> list[ExampleResult]:
    """Every example of every rule of ``pack`` (or of ``rule_ids``)."""
    return ExampleRunner(pack, factory).run(rule_ids)


def summary(results: Sequence[ExampleResult]) -> Mapping[str, int]:
    failed = sum(not r.passed for r in results)
    return {"examples": len(results), "passed": len(results) - failed, "failed": failed}
