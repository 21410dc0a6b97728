"""Alternatives announced by a sentence's subject in the context ("The options are X or Y",
"Our main options were: X, Y and Z") or put forward in one breath ("We could either X or
Y"): the reader, sentences that look alike but name no alternatives, a whole record, and a
property on any text."""

from __future__ import annotations

import pytest
from decaudit.engine.records.adr.announced import could_either, options_are
from decaudit.engine.records.adr.names import MAX_NAME_CHARS
from decaudit.engine.records.sources import load_file
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The options are polling the table or a queue.", ["polling the table", "queue"]),
        ("Our main options were: RabbitMQ, Kafka and NATS.", ["RabbitMQ", "Kafka", "NATS"]),
        ("The alternatives we considered are Flyway and Liquibase.", ["Flyway", "Liquibase"]),
        ("The two candidates were Postgres or MySQL.", ["Postgres", "MySQL"]),
    ],
)
def test_options_announced_by_the_subject(sentence: str, names: list[str]) -> None:
    assert options_are(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "The options are read from the config file and the environment.",
        "The options are set in the file or in flags.",
        "The options are listed below: A and B.",
        "The configuration options are A and B.",  # the subject is not the alternatives
        "The options are limited to A and B.",
        "The options are Kafka.",  # one name announces no choice
        "Build options are ours or theirs.",
    ],
)
def test_sentences_that_name_no_alternatives(sentence: str) -> None:
    assert options_are(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("We could poll the table or use a queue.", ["poll the table", "queue"]),
        (
            "We could either poll the table every second, or use a message queue.",
            ["poll the table every second", "message queue"],
        ),
        (
            "So we could keep the cron job, move to Airflow or buy a scheduler.",
            ["keep the cron job", "Airflow", "buy a scheduler"],
        ),
    ],
)
def test_courses_put_forward_with_or(sentence: str, names: list[str]) -> None:
    assert could_either(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "We could cache and compress the data.",  # one plan of two steps
        "We could not use Kafka or NATS.",
        "We could also consider allowing clients to provide this key in a header.",
        "We could do an additional self-made JSON format, but this adds one more.",
        "They could use Kafka or NATS.",
    ],
)
def test_courses_that_are_no_choice(sentence: str) -> None:
    assert could_either(sentence) == []


RECORD = (
    "# 5. Messaging\n\n## Status\n\nAccepted\n\n## Context\n\nWe need events between "
    "services. {said}\n\n## Decision\n\nUse a queue.\n"
)


def test_a_record_gets_the_announced_options_and_its_choice() -> None:
    text = RECORD.format(said="The options are polling the table or a queue.")
    (src,) = load_file("0005-messaging.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)
    got = [(o.title, o.chosen) for o in src.record.options]
    assert got == [("polling the table", False), ("queue", True)]
    assert "options" in (src.record.model_extra or {}).get("x_uncertain", [])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_sentence_gives_short_names_or_none(sentence: str) -> None:
    for names in (options_are(sentence), could_either(sentence)):
        assert names == [] or len(names) >= 2
        for name in names:
            assert name and name == name.strip() and len(name) <= MAX_NAME_CHARS + 80
