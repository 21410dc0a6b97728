"""The durable_rules evaluator: matches, findings, batching, portfolio, flat memory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine.evaluate import Evaluator, durable_json, evaluate_records
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.findings import make_finding
from decaudit.engine.model import Record
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.types import SourceRecord

PACK_DIR = Path(__file__).parent / "data" / "rules_pack"
CTX = FactContext(today=dt.date(2026, 6, 30))


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack([PACK_DIR], builtin=False)


@pytest.fixture(scope="module")
def evaluator(pack):  # type: ignore[no-untyped-def]
    return Evaluator(pack)


def source(raw: dict[str, Any], file: str = "d.yaml") -> SourceRecord:
    lines = {(): 1, ("options", 0): 4, ("options", 1): 7, ("options", 2): 10}
    return SourceRecord(Record.model_validate(raw), file, "yaml", lines, raw)


RECORD = {
    "id": "DEC-1",
    "title": "Highest NPV wins",
    "status": "accepted",
    "options": [
        {"title": "Extend", "kind": "incremental", "chosen": True, "business_case": {"npv": 1e6}},
        {"title": "Leap", "kind": "breakthrough", "business_case": {"npv": 2_500_000}},
        {"title": "Leap 2", "kind": "breakthrough", "business_case": {"npv": 10}},
    ],
}


def test_matches_and_findings(evaluator) -> None:  # type: ignore[no-untyped-def]
    src = source(RECORD)
    matches = evaluator.evaluate(derive(src, CTX))
    assert [(m.rule.id, m.target["path"]) for m in matches] == [
        ("TST002", "$.options[1]"),
        ("TST003", "$"),
    ]
    findings = [make_finding(m, src) for m in matches]
    join = findings[0]
    assert (join.rule_id, join.decision_id, join.file, join.line, join.path) == (
        "TST002",
        "DEC-1",
        "d.yaml",
        7,
        "$.options[1]",
    )
    assert join.severity == "high" and join.family == "incremental"
    assert join.rule_name == "incremental-chosen-over-better-breakthrough"
    assert join.message == "'Leap' (NPV 2,500,000) was rejected for 'Extend' (NPV 1,000,000)."
    assert join.evidence == {
        "chosen.chosen": True,
        "chosen.kind": "incremental",
        "chosen.npv": 1e6,
        "rival.kind": "breakthrough",
        "rival.rejected": True,
        "rival.npv": 2_500_000,
    }
    assert findings[1].message == (
        "Decision 'Highest NPV wins' is ranked on money only; chosen NPV 1,000,000."
    )


def test_durable_agrees_with_the_oracle_on_the_example(pack, evaluator) -> None:  # type: ignore[no-untyped-def]
    facts = derive(source(RECORD), CTX)
    oracle = OracleEvaluator(pack)
    assert [m.key for m in evaluator.evaluate(facts)] == [m.key for m in oracle.evaluate(facts)]


def test_unmatched_facts_do_not_hide_the_matched_ones(evaluator) -> None:  # type: ignore[no-untyped-def]
    # Several option facts match nothing; in one assert_facts batch the engine reports the
    # batch as unhandled, and the matches of the other facts must still be collected.
    raw = dict(RECORD, options=[*RECORD["options"], *[{"title": f"o{i}"} for i in range(5)]])
    matches = evaluator.evaluate(derive(source(raw), CTX))
    assert ("TST002", "$.options[1]") in [m.key for m in matches]


def test_exponent_floats_reach_the_engine(evaluator) -> None:  # type: ignore[no-untyped-def]
    raw = dict(RECORD)
    raw["options"] = [
        {"title": "Extend", "kind": "incremental", "chosen": True, "business_case": {"npv": 1e16}},
        {"title": "Leap", "kind": "breakthrough", "business_case": {"npv": 1e17}},
        {"title": "Small", "kind": "breakthrough", "business_case": {"npv": 1e-7}},
    ]
    keys = [m.key for m in evaluator.evaluate(derive(source(raw), CTX))]
    assert ("TST002", "$.options[1]") in keys
    assert ("TST002", "$.options[2]") not in keys


def test_durable_json_keeps_strings_intact() -> None:
    assert durable_json({"a": 1e-07, "b": "1e-07", "c": [-2e20]}) == (
        '{"a": 1.0e-07, "b": "1e-07", "c": [-2.0e+20]}'
    )


def test_portfolio_findings(pack) -> None:  # type: ignore[no-untyped-def]
    records = [
        source(
            {
                "id": f"D{i}",
                "title": "T",
                "options": [{"title": "x", "kind": "incremental", "chosen": True}],
            }
        )
        for i in range(3)
    ]
    findings = evaluate_records(pack, records, CTX)
    portfolio = [f for f in findings if f.rule_id == "TST004"]
    assert len(portfolio) == 1
    f = portfolio[0]
    assert (f.decision_id, f.file, f.line, f.path) == ("(portfolio)", "", 0, "$")
    assert f.message == "Breakthrough share 0% is under 10%."
    assert f.evidence == {"breakthrough_share": 0.0, "param.min_share": 0.1}
    assert [x.rule_id for x in findings].count("TST001") == 3


EMPTY_STATE = {"sid": "0", "id": "sid-0", "$s": 1}


def _rss_kib() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4


def test_working_memory_stays_flat(pack) -> None:  # type: ignore[no-untyped-def]
    evaluator = Evaluator(pack)
    facts = [derive(source(dict(RECORD, id=f"DEC-{i}")), CTX) for i in range(50)]
    count = 0
    for i in range(10_000):
        count += len(evaluator.evaluate(facts[i % 50]))
        if i == 1_000:
            early_rss = _rss_kib()
            assert evaluator.facts_in_memory() == 0
        if i % 997 == 0:
            assert all(s in ({}, EMPTY_STATE) for s in evaluator.state())
    assert count == 20_000
    assert evaluator.facts_in_memory() == 0
    assert _rss_kib() - early_rss < 4_096  # 9,000 more records, under 4 MiB more memory
