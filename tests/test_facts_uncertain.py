"""The uncertain-extraction contract: x_uncertain in the raw record -> facts."""

from __future__ import annotations

import datetime as dt

from decaudit.engine.facts import FactContext, derive
from decaudit.engine.model import Record
from decaudit.engine.types import SourceRecord


def _facts(extra: dict[str, object]) -> tuple[dict[str, object], list[dict[str, object]]]:
    rec = Record.model_validate(
        {"id": "D1", "title": "T", "options": [{"title": "A"}, {"title": "B"}], **extra}
    )
    facts = derive(SourceRecord(rec, "d.md", "madr"), FactContext(dt.date(2026, 1, 1)))
    return facts.decision, facts.options


def test_no_uncertainty_by_default() -> None:
    decision, options = _facts({})
    assert decision["uncertain_count"] == 0 and "uncertain_fields" not in decision
    assert [o["uncertain"] for o in options] == [False, False]


def test_fields_and_options_marked() -> None:
    decision, options = _facts({"x_uncertain": ["chosen", "options[1].pros", "chosen"]})
    assert decision["uncertain_fields"] == "chosen, options[1].pros"
    assert decision["uncertain_count"] == 2
    assert [o["uncertain"] for o in options] == [False, True]


def test_whole_option_list_uncertain() -> None:
    _, options = _facts({"x_uncertain": ["options"]})
    assert all(o["uncertain"] for o in options)


def test_malformed_value_is_ignored() -> None:
    decision, _ = _facts({"x_uncertain": {"not": "a list"}})
    assert decision["uncertain_count"] == 0
