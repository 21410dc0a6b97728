"""Alternatives a record's context asks about ("Should we use Postgres or MySQL?", "Should we
have separate clusters? Or should we run one cluster?", "We need to decide whether to run X
ourselves or use Y") are its options, and the decision that names one chooses it. A
question with "or not", or a question nobody asks themselves, gives none."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st

_DOC = (
    "# 8. Metrics store\n\n## Status\n\nAccepted\n\n## Context\n\nWe collect metrics. "
    "{question}\n\n## Decision\n\n{decision}\n"
)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Should we use Postgres or MySQL?", ["Postgres", "MySQL"]),
        (
            "Should we run Prometheus on our own nodes? Or should we buy Grafana Cloud?",
            ["Prometheus", "Grafana Cloud"],
        ),
        ("Should we use Postgres, MySQL or SQLite?", ["Postgres", "MySQL", "SQLite"]),
        (
            "We need to decide whether to run InfluxDB on the host or use Amazon Timestream.",
            ["InfluxDB", "Amazon Timestream"],
        ),
    ],
)
def test_a_question_in_the_context_names_two_alternatives(question: str, names: list[str]) -> None:
    text = _DOC.format(question=question, decision=f"We will keep using {names[0]} for now.")
    src = read_text(text)
    assert titles(src) == names
    assert chosen_titles(src) == [names[0]]


@pytest.mark.parametrize(
    "question",
    [
        "Should we store metrics or not?",
        "Could the service fail or stall?",  # not a question the team asks itself
        "Is it fast or slow?",
    ],
)
def test_no_two_courses_no_options(question: str) -> None:
    text = _DOC.format(question=question, decision="We will use a time-series database.")
    assert titles(read_text(text)) == []


_NAME = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=9).map(str.capitalize)


@settings(max_examples=50, deadline=None)
@given(a=_NAME, b=_NAME)
def test_question_property(a: str, b: str) -> None:
    if a == b:
        return
    text = _DOC.format(question=f"Should we use {a} or {b}?", decision=f"We chose {b}.")
    src = read_text(text)
    assert titles(src) == [a, b]
    assert chosen_titles(src) == [b]
