"""The built-in rule pack: the catalogue of rules, and every example through the engine."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Any

import pytest
from decaudit.engine.evaluate import Evaluator, evaluate_records
from decaudit.engine.facts import CATALOGUE, FactContext
from decaudit.engine.model import Record
from decaudit.engine.packdata import pack_root, references
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.rules.model import RulePack, walk
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.ruletests import run_examples
from decaudit.engine.types import Finding, SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_facts_strategies import records

# The built-in pack: every rule, id and name exactly.
BUILTIN = {
    "INC001": "incremental-only-options",
    "INC002": "incremental-chosen-over-analysed-breakthrough",
    "INC003": "bolt-on-acquisition",
    "INC004": "portfolio-incremental-drift",
    "INC005": "paper-benefit-selection",
    "ALT001": "no-breakthrough-alternative",
    "ALT002": "too-few-alternatives",
    "ALT003": "no-replace-own-business-option",
    "ALT004": "breakthrough-not-analysed",
    "ALT005": "no-baseline-option",
    "ALT006": "rejected-without-reason",
    "BEN001": "benefit-without-basis",
    "BEN002": "point-estimate-only",
    "BEN003": "costs-assumed-on-target",
    "BEN004": "optimism-bias-not-applied",
    "BEN005": "exceeds-reference-class",
    "BEN006": "acquisition-without-integration-plan",
    "BEN007": "no-benefits-review",
    "BEN008": "benefit-shortfall",
    "BEN009": "exceeds-own-track-record",
    "BEN010": "unchallenged-assumptions",
    "BEN011": "single-scenario",
    "GOV001": "rubber-stamp-approval",
    "GOV002": "no-decision-maker",
    "GOV003": "stale-proposal",
    "REC001": "chosen-option-not-considered",
    "REC002": "no-chosen-option",
    "REC003": "no-options-recorded",
    "COL001": "superseded-without-replacement",
    "COL002": "replacement-not-found",
    "COL003": "broken-decision-link",
    "COL004": "duplicate-decision-number",
    "COL005": "heading-number-mismatch",
    "COL006": "copied-title",
}
FAMILY = {
    "INC": "incremental",
    "ALT": "alternatives",
    "BEN": "benefits",
    "GOV": "governance",
    "REC": "hygiene",
    "COL": "hygiene",
}
TODAY = dt.date(2026, 6, 30)


@cache
def pack() -> RulePack:
    return load_pack()


@cache
def evaluator() -> Evaluator:
    return Evaluator(pack())


def findings(*raws: dict[str, Any], pack_: RulePack | None = None) -> list[Finding]:
    sources = [
        SourceRecord(record=Record.model_validate(r), file="d.yaml", format="yaml") for r in raws
    ]
    p = pack_ or pack()
    ev = evaluator() if pack_ is None else Evaluator(p)
    return evaluate_records(p, sources, FactContext(today=TODAY), ev)


def test_the_pack_has_exactly_the_designed_rules() -> None:
    got = {r.id: r.info.name for r in pack().rules}
    assert got == BUILTIN
    files = sorted(p.stem for p in pack_root().glob("*.yaml"))
    assert files == sorted(BUILTIN)


@pytest.mark.parametrize("rule_id", sorted(BUILTIN))
def test_rule_documentation(rule_id: str) -> None:
    rule = pack().get(rule_id)
    info = rule.info
    assert info.family == FAMILY[rule_id[:3]]
    assert len(info.rationale) > 300, "a rationale says why and cites its source"
    assert re.search(r"\((19|20)\d\d\b|\b(19|20)\d\d\)|docs/thesis\.md", info.rationale), (
        "the rationale cites a dated source or the decaudit thesis"
    )
    assert info.references and all(
        ref.url and ref.url.startswith("https://") for ref in info.references
    )
    assert info.remediation.strip()
    expects = [ex.expect for ex in rule.examples]
    assert "flagged" in expects and "clean" in expects
    # the first flagged example pins down count and paths: it documents where findings point
    first = next(ex for ex in rule.examples if ex.expect == "flagged")
    assert first.count is not None and first.paths is not None


def test_severities_reflect_what_should_fail_a_ci_check() -> None:
    sev = {r.id: r.info.severity for r in pack().rules}
    for rule_id in ("INC002", "ALT001", "ALT004", "BEN005", "BEN008", "REC002"):
        assert sev[rule_id] == "high", rule_id
    assert sev["BEN002"] == "low"  # point estimates
    assert sev["REC003"] in ("low", "medium")  # a Nygard ADR must not fail at --fail-on high
    assert sev["ALT006"] in ("low", "medium")
    assert "critical" not in sev.values()


@pytest.mark.parametrize(
    ("rule_id", "params"),
    [
        ("ALT002", {"min_options": 3}),
        ("INC004", {"min_share": 0.10, "min_decided": 5}),
        ("BEN005", {"tolerance": 0.2}),
        ("BEN007", {"min_age_days": 365}),
        ("BEN008", {"min_realization": 0.7, "max_overrun": 1.2}),
        ("BEN009", {"min_history": 3, "tolerance": 0.1}),
    ],
)
def test_thresholds_are_parameters(rule_id: str, params: dict[str, Any]) -> None:
    assert dict(pack().get(rule_id).params) == params


def test_ben009_rationale_explains_its_history() -> None:
    rationale = pack().get("BEN009").info.rationale
    assert "audit log" in rationale and "silent" in rationale and "min_history" in rationale


def test_every_example_passes_through_durable_rules() -> None:
    results = run_examples(pack())
    failed = [(r.rule_id, r.name, r.problems) for r in results if not r.passed]
    assert not failed
    assert len(results) >= 2 * len(BUILTIN)


def test_examples_agree_with_the_plain_python_oracle() -> None:
    durable = run_examples(pack())
    oracle = run_examples(pack(), factory=OracleEvaluator)
    key = lambda r: [(f.rule_id, f.path, f.message) for f in r.findings]  # noqa: E731
    assert [key(r) for r in durable] == [key(r) for r in oracle]


def test_flagged_messages_are_fully_filled() -> None:
    for result in run_examples(pack()):
        for finding in result.findings:
            assert "$" not in finding.message, (result.rule_id, finding.message)
            assert "unknown" not in finding.message, (result.rule_id, finding.message)
            assert len(finding.message) < 600, result.rule_id


def test_messages_carry_the_evidence() -> None:
    raw = {
        "id": "D",
        "title": "Premium tier",
        "options": [
            {
                "id": "premium-tier",
                "title": "Add a premium tier",
                "chosen": True,
                "business_case": {"benefits": [{"id": "revenue", "projected": 4000000}]},
            }
        ],
    }
    by_rule = {f.rule_id: f for f in findings(raw)}
    assert by_rule["BEN001"].message == (
        "Benefit 'revenue' of option 'Add a premium tier' projects 4,000,000 and records no"
        " basis for the figure"
    )
    assert by_rule["BEN001"].path == "$.options[0].business_case.benefits[0]"
    assert "4,000,000" in by_rule["BEN002"].message


def test_parameter_overrides_change_the_outcome() -> None:
    raw = {
        "id": "D",
        "title": "Payroll",
        "project_type": "it-system",
        "options": [{"title": "Buy a suite", "chosen": True}, {"title": "Build one"}],
    }
    assert "ALT002" in {f.rule_id for f in findings(raw)}
    relaxed = load_pack(params={"ALT002": {"min_options": 2}}, select=["ALT002"])
    assert findings(raw, pack_=relaxed) == []


def test_join_rule_compares_the_two_options_cases() -> None:
    def record(chosen_npv: int, rival_npv: int) -> dict[str, Any]:
        return {
            "id": f"D-{chosen_npv}-{rival_npv}",
            "title": "T",
            "options": [
                {"title": "Increment", "kind": "incremental", "chosen": True,
                 "business_case": {"npv": chosen_npv}},
                {"title": "Leap", "kind": "breakthrough", "rejected_reason": "Risky",
                 "business_case": {"npv": rival_npv}},
            ],
        }  # fmt: skip

    only = load_pack(select=["INC002"])
    for chosen_npv, rival_npv, fires in [(5, 3, False), (3, 5, True), (4, 4, True)]:
        got = findings(record(chosen_npv, rival_npv), pack_=only)
        assert bool(got) is fires, (chosen_npv, rival_npv)
        if fires:
            assert got[0].path == "$.options[1]"


def test_rules_only_name_catalogued_facts() -> None:
    for rule in pack().rules:
        for alias in rule.aliases:
            assert alias.on in CATALOGUE


def test_reference_classes_are_sourced() -> None:
    refs = references()
    assert refs.uplift["non-standard-building"].value == pytest.approx(0.51)
    assert refs.uplift["standard-building"].value == pytest.approx(0.24)
    assert refs.uplift["standard-civil-engineering"].value == pytest.approx(0.44)
    assert refs.uplift["non-standard-civil-engineering"].value == pytest.approx(0.66)
    assert refs.uplift["equipment-development"].value == pytest.approx(2.0)
    assert refs.uplift["outsourcing"].value == pytest.approx(0.41)
    assert refs.realization_for("it-system", "revenue").value == pytest.approx(0.44)  # type: ignore[union-attr]
    assert refs.realization_for("acquisition", "synergy").value == pytest.approx(0.30)  # type: ignore[union-attr]
    assert refs.realization_for("acquisition", "strategic") is None
    for fig in refs.all_figures():
        assert fig.source and re.search(r"\((19|20)\d\d\)", fig.source)
        assert fig.url and fig.url.startswith("https://")
        assert fig.label


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raws=st.lists(records(), min_size=1, max_size=3))
def test_any_record_gives_the_same_findings_in_durable_rules_and_the_oracle(
    raws: list[dict[str, Any]],
) -> None:
    sources = [
        SourceRecord(record=Record.model_validate({**r, "id": f"{i}-{r['id']}"}),
                     file="d.yaml", format="yaml")
        for i, r in enumerate(raws)
    ]  # fmt: skip
    ctx = FactContext(today=TODAY)
    first = evaluate_records(pack(), sources, ctx, evaluator())
    again = evaluate_records(pack(), sources, ctx, evaluator())
    oracle = evaluate_records(pack(), sources, ctx, OracleEvaluator(pack()))
    assert first == again
    assert [(f.rule_id, f.decision_id, f.path, f.message) for f in first] == [
        (f.rule_id, f.decision_id, f.path, f.message) for f in oracle
    ]
    # every placeholder of a message is filled from a fact that the condition guarantees
    text = json.dumps(raws, default=str).lower()
    for f in first:
        assert "unknown" not in f.message or "unknown" in text, (f.rule_id, f.message)


def test_every_parameter_drives_the_condition() -> None:
    for rule in pack().rules:
        used = {c.param for alias in rule.aliases for c in walk(alias.when) if c.param}
        assert used == set(rule.defaults), rule.id
