"""Findings resting on an uncertain extraction are capped at low, and say so."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from decaudit.engine.evaluate import Evaluator, record_findings
from decaudit.engine.facts import CATALOGUE, FactContext
from decaudit.engine.model import Record
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.types import SourceRecord
from decaudit.engine.uncertain import Uncertainty, mapped, sources

CTX = FactContext(today=dt.date(2026, 6, 30))


@pytest.fixture(scope="module")
def evaluator() -> Evaluator:
    return Evaluator(load_pack())


def _src(raw: dict[str, Any]) -> SourceRecord:
    return SourceRecord(Record.model_validate(raw), "d.md", "madr", {(): 1}, raw)


def _by_rule(evaluator: Evaluator, raw: dict[str, Any]) -> dict[str, Any]:
    _, findings = record_findings(evaluator, _src(raw), CTX)
    return {f.rule_id: f for f in findings}


ACCEPTED_NO_CHOICE = {
    "id": "ADR-1",
    "title": "Message broker",
    "status": "accepted",
    "decision_makers": ["Platform team"],
    "options": [{"title": "Use a hosted broker"}, {"title": "Run our own broker"}],
    "x_decision_stated": False,  # the reader found the decision section, and it is empty
}


def test_a_finding_on_certain_fields_keeps_its_severity(evaluator: Evaluator) -> None:
    found = _by_rule(evaluator, ACCEPTED_NO_CHOICE)
    assert found["REC002"].severity == "high"
    assert "uncertain" not in found["REC002"].message
    assert "uncertain" not in found["REC002"].evidence


def test_an_uncertain_option_list_caps_the_finding_at_low(evaluator: Evaluator) -> None:
    raw = {**ACCEPTED_NO_CHOICE, "x_uncertain": ["options"]}
    finding = _by_rule(evaluator, raw)["REC002"]
    assert finding.severity == "low"
    assert "uncertain extraction of options" in finding.message
    assert "instead of high" in finding.message
    assert finding.evidence["uncertain"] == ["options"]


def test_an_uncertain_status_caps_a_rule_reading_status(evaluator: Evaluator) -> None:
    finding = _by_rule(evaluator, {**ACCEPTED_NO_CHOICE, "x_uncertain": ["status"]})["REC002"]
    assert finding.severity == "low"
    assert finding.evidence["uncertain"] == ["status"]


def test_an_uncertain_field_no_condition_reads_changes_nothing(evaluator: Evaluator) -> None:
    finding = _by_rule(evaluator, {**ACCEPTED_NO_CHOICE, "x_uncertain": ["date", "context"]})
    assert finding["REC002"].severity == "high"


def test_uncertain_choice_on_one_option_caps_decision_rules_reading_the_choice(
    evaluator: Evaluator,
) -> None:
    raw = {
        "id": "DEC-9",
        "title": "Grow the Aurora line",
        "project_type": "product-extension",
        "decision_makers": ["Board"],
        "options": [
            {
                "title": "Premium tier",
                "kind": "incremental",
                "chosen": True,
                "x_uncertain": ["chosen"],
            },
            {"title": "Price rise", "kind": "incremental"},
        ],
    }
    found = _by_rule(evaluator, raw)
    # ALT006 reads which options were not chosen: it rests on the choice
    assert found["ALT006"].evidence["uncertain"] == ["options[0].chosen"]
    # ALT001 reads kinds and counts, not the choice: it stays high
    assert found["ALT001"].severity == "high"
    assert "uncertain" not in found["ALT001"].evidence


def test_an_uncertain_kind_caps_the_rules_that_read_kinds(evaluator: Evaluator) -> None:
    raw = {
        "id": "DEC-10",
        "title": "Grow the Aurora line",
        "project_type": "product-extension",
        "decision_makers": ["Board"],
        "options": [
            {"title": "Premium tier", "kind": "incremental", "chosen": True},
            {
                "title": "Price rise",
                "kind": "incremental",
                "x_uncertain": ["kind"],
                "rejected_reason": "Churn",
            },
        ],
    }
    found = _by_rule(evaluator, raw)
    assert found["ALT001"].severity == "low"
    assert found["ALT001"].evidence["uncertain"] == ["options[1].kind"]


def test_names_of_the_reader_contract() -> None:
    raw = {**ACCEPTED_NO_CHOICE, "x_uncertain": ["options[1].chosen"]}
    unc = Uncertainty.of(_src(raw))
    assert unc is not None
    assert unc.fields_behind("decision", "chosen_count", "$") == ["options[1].chosen"]
    assert unc.fields_behind("option", "has_rejected_reason", "$.options[0]") == []
    chosen = Uncertainty.of(_src({**ACCEPTED_NO_CHOICE, "x_uncertain": ["chosen"]}))
    assert chosen is not None
    assert chosen.fields_behind("decision", "choice_stated", "$") == ["chosen"]
    assert chosen.fields_behind("option", "rejected", "$.options[1]") == ["chosen"]
    whole = Uncertainty.of(_src({**ACCEPTED_NO_CHOICE, "x_uncertain": ["options[0]"]}))
    assert whole is not None
    assert whole.fields_behind("option", "title", "$.options[0]") == ["options[0]"]
    assert whole.fields_behind("option", "title", "$.options[1]") == []
    assert whole.fields_behind("decision", "option_count", "$") == ["options[0]"]
    assert whole.fields_behind("decision", "title", "$") == []
    assert whole.fields_behind("decision", "has_breakthrough", "$") == ["options[0]"]


def test_a_reader_guessing_the_choice_caps_rec002(evaluator: Evaluator) -> None:
    raw = {**ACCEPTED_NO_CHOICE, "x_uncertain": ["chosen"]}
    finding = _by_rule(evaluator, raw)["REC002"]
    assert finding.severity == "low"
    assert "uncertain extraction of chosen" in finding.message


def test_no_x_uncertain_means_no_uncertainty() -> None:
    assert Uncertainty.of(_src(ACCEPTED_NO_CHOICE)) is None


@pytest.mark.parametrize(
    ("fact_type", "fact"),
    [(t, f) for t, specs in CATALOGUE.items() if t in ("decision", "option") for f in specs],
)
def test_every_decision_and_option_fact_is_mapped_to_its_fields(fact_type: str, fact: str) -> None:
    assert mapped(fact_type, fact), f"{fact_type}.{fact} has no entry in engine/uncertain.py"
    assert isinstance(sources(fact_type, fact), tuple)
