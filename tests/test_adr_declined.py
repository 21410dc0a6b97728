"""Alternatives a decision turns down in a plain sentence or bullet of its own: "We will not
use X", "We won't adopt X", "We are not going to build our own X", "We will NOT support
signing up with a password", "Not using X", and "X was considered but rejected" with X a
single word.

Each is an option not taken (uncertain), and the decision itself the chosen one, so REC003
no longer says the record weighs nothing. Negatives about a detail ("we will not log personal
data", "we do not need a cache for now") and scope limits ("we will not support Windows") are
not alternatives; nor is such a sentence in the context. Records are written for the test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from adr_layout import load_from, read_text
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.records.adr.declined import declined
from decaudit.engine.records.adr.inline import turned_down
from decaudit.engine.records.adr.names import MAX_NAME_WORDS, Said, acceptable
from hypothesis import given, settings
from hypothesis import strategies as st

TODAY = dt.date(2026, 12, 2)


def record(decision: str, context: str = "Orders are slow to find.") -> str:
    return (
        "# 7. Order search\n\nDate: 2025-01-01\n\n## Status\n\nAccepted\n\n"
        f"## Context\n\n{context}\n\n## Decision\n\n{decision}\n\n"
        "## Consequences\n\nSearch gets faster.\n"
    )


def summary(text: str) -> list[tuple[str, bool]]:
    return [(o.title, o.chosen) for o in read_text(text).record.options]


def rec003(tmp_path: Path, text: str) -> bool:
    path = tmp_path / "0007-order-search.md"
    path.write_text(text)
    findings = run_check(CheckOptions(paths=(str(path),), today=TODAY)).findings
    return any(f.rule_id == "REC003" for f in findings)


def test_a_bullet_that_turns_a_way_of_signing_in_down_is_an_option_not_taken() -> None:
    src = load_from("adr_sentences", "declined-in-decision.md")
    opts = src.record.options
    assert [(o.title, o.chosen) for o in opts] == [
        ("signing up with a local email and password", False),
        ("Sign-in through the council's identity provider", True),  # the decision itself
    ]
    assert opts[0].rejected_reason is not None and "NOT support" in opts[0].rejected_reason
    extra = src.record.model_extra or {}
    assert "options" in extra["x_uncertain"] and "chosen" in extra["x_uncertain"]


@pytest.mark.parametrize(
    ("decision", "other"),
    [
        (
            "We will index orders in PostgreSQL full-text search.\n\n"
            "We will not use Elasticsearch for this.",
            "Elasticsearch",
        ),
        (
            "- Orders are indexed in the database.\n- We won't adopt a hosted search service.",
            "hosted search service",
        ),
        (
            "Orders are indexed in the database. We’re not going to build our own search "
            "engine, because the database already has one.",
            "building our own search engine",
        ),
        (
            "Orders are indexed in the database.\n\n- Not running our own Solr cluster.",
            "running our own Solr cluster",
        ),
        (
            "Orders are indexed in the database. Therefore we shall not go with `Algolia`.",
            "Algolia",
        ),
        (
            "Orders are indexed in the database. We decided against a hosted search service.",
            "hosted search service",
        ),
        (
            "Orders are indexed in the database. Typesense was considered, but rejected.",
            "Typesense",
        ),
    ],
)
def test_an_alternative_turned_down_anywhere_in_the_decision(
    tmp_path: Path, decision: str, other: str
) -> None:
    text = record(decision)
    assert summary(text) == [(other, False), ("Order search", True)]
    assert not rec003(tmp_path, text)


@pytest.mark.parametrize(
    "decision",
    [
        "We will index orders in the database. We will not log personal data.",
        "We will index orders in the database. We do not need a cache for now.",
        "We will index orders in the database. We will not support Windows clients.",
        "We will index orders in the database. The importer won't use the archive tables.",
        "We will index orders in the database. If it grows, we will not use the replica.",
        "We will index orders in the database. For the moment, we will not support this case.",
        "We will index orders in the database. Not using an index will make it slow.",
        "We will index orders in the database. We will not use it for reports.",
        "We will index orders in the database. We won't build dashboards for it.",
    ],
)
def test_a_negative_about_a_detail_is_no_alternative(decision: str) -> None:
    assert summary(record(decision)) == []


def test_a_record_whose_negatives_are_details_still_records_no_options(tmp_path: Path) -> None:
    decision = (
        "- We will index orders in the database.\n- We will not log personal data.\n"
        "- We do not need a cache for now.\n- We will not support Windows clients."
    )
    assert rec003(tmp_path, record(decision))


def test_a_plan_not_to_use_something_in_the_context_is_not_the_decision() -> None:
    context = "Orders are slow to find. We will not use the reporting replica for writes."
    assert summary(record("Index orders in the database.", context)) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("We will not use Kubernetes for the batch jobs.", "Kubernetes"),
        ("we WON'T use event sourcing for the ledger", "event sourcing"),
        ("The team will not pursue a native mobile app at this time.", "native mobile app"),
        ("We are not going to rely on AWS Batch any more.", "AWS Batch"),
        ("I'll not pick Terraform Cloud.", "Terraform Cloud"),
        (
            "We will NOT support logging in with a username and password.",
            "logging in with a username and password",
        ),
        ("We won't host our own mail server, since it needs care.", "hosting our own mail server"),
        ("We will not write an in-house scheduler.", "writing an in-house scheduler"),
        ("Not using GraphQL.", "GraphQL"),
        ("Not doing server-side rendering", "server-side rendering"),
        ("Not supporting paying by invoice.", "paying by invoice"),
    ],
)
def test_the_alternative_a_decision_sentence_declines(sentence: str, name: str) -> None:
    assert declined(Said(sentence, 1)) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "We will not log personal data.",
        "We do not need a cache for now.",
        "We will not support Windows.",  # a scope limit, not a way of doing it
        "We will not support Internet Explorer.",
        "We will not use them.",
        "We will not use cookies.",  # one common word names no alternative
        "We will not build dashboards.",  # building something is not building our own
        "We did not use Kafka.",  # history
        "We would not use Kafka.",
        "If the volume grows, we will not use Kafka.",
        "Not using camelCase will avoid clashes.",
        "Nothing changes.",
    ],
)
def test_sentences_that_decline_no_alternative(sentence: str) -> None:
    assert declined(Said(sentence, 1)) == ""


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Elasticsearch was considered but rejected.", "Elasticsearch"),
        ("Caching was considered, and rejected.", "Caching"),
        ("A shared cache was considered, but rejected.", "shared cache"),
    ],
)
def test_one_word_weighed_and_rejected_is_named(sentence: str, name: str) -> None:
    assert turned_down(Said(sentence, 1)) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "This was considered but rejected.",
        "It was considered and rejected.",
        "Nothing was considered and rejected.",
        "Kafka was rejected.",  # one word alone: a message, a request or a tool
        "The message was rejected.",
        "The idea was considered and rejected.",  # a determiner and one common word
    ],
)
def test_no_one_word_name_without_the_weighing(sentence: str) -> None:
    assert turned_down(Said(sentence, 1)) == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_declines_nothing_or_one_acceptable_name(text: str) -> None:
    name = declined(Said(text, 1))
    assert name == "" or (acceptable(name) and len(name.split()) <= MAX_NAME_WORDS)


_DECLINING = st.sampled_from(["We will not use", "We won't adopt", "We are not going to use"])
_NAME = st.sampled_from(["Kafka", "RabbitMQ", "a hosted queue", "Amazon SQS"])


@settings(max_examples=60, deadline=None)
@given(_DECLINING, _NAME, st.sampled_from(["", " for the events", ", because it costs more"]))
def test_the_declined_name_is_the_object_without_its_qualifier(
    lead: str, name: str, tail: str
) -> None:
    assert declined(Said(f"{lead} {name}{tail}.", 1)) == name.removeprefix("a ")
