"""Alternatives the context names and turns down one sentence at a time ("We considered X but
..."), in a record that lists no options: each is an option not taken, with its reason."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st

_DOC = """# 9. Use a stream library for the nightly job

## Status

Accepted

## Context

The nightly job reads every order. {context}

## Decision

We will use a stream library.
"""


@pytest.mark.parametrize(
    ("context", "names"),
    [
        ("We considered Apache Spark but we do not have enough data yet.", ["Apache Spark"]),
        ("Considered RxJava, but we are not reactive.", ["RxJava"]),
        (
            "We considered apache-spark but it is heavy. We also considered `sqlc`, but it is new.",
            ["apache-spark", "sqlc"],
        ),
        ("We briefly considered using Node.js but the team knows the JVM.", ["Node.js"]),
        ("Using RabbitMQ was discussed, but it does not keep events.", ["RabbitMQ"]),
        ("Amazon SQS was also evaluated; however, it has no replay.", ["Amazon SQS"]),
    ],
)
def test_each_named_and_turned_down_is_an_option_not_taken(context: str, names: list[str]) -> None:
    src = read_text(_DOC.format(context=context))
    rejected = [o for o in src.record.options if not o.chosen]
    assert [o.title for o in rejected] == names
    assert all(o.rejected_reason for o in rejected)
    assert chosen_titles(src) == ["Use a stream library for the nightly job"]


@pytest.mark.parametrize(
    "context",
    [
        "We considered caching but it is not needed.",  # a common noun, not a name
        "Migration was discussed, but it was postponed.",  # a capital only at the start
        "Kafka was discussed at length and it fits.",  # not turned down
        "We considered the cost but went ahead.",
        "We considered whether to batch but it is fine.",
        "We considered Apache Spark for the job.",  # nothing turns it down
        "Users considered the old export but it is gone.",  # not the record's own weighing
    ],
)
def test_other_sentences_name_no_alternative(context: str) -> None:
    assert titles(read_text(_DOC.format(context=context))) == []


@settings(max_examples=40, deadline=None)
@given(st.from_regex(r"Q[a-z]{2,8}(-[a-z]{2,6})?", fullmatch=True))
def test_any_name_before_but_comes_back_whole(name: str) -> None:
    src = read_text(_DOC.format(context=f"We considered {name} but it did not fit."))
    assert [o.title for o in src.record.options if not o.chosen] == [name]


_DECIDED = """# 4. API style

## Status

Accepted

## Context

We need an API for the catalogue.

## Decision

We will build the API on GraphQL. {said}
"""


@pytest.mark.parametrize(
    ("said", "names"),
    [
        ("We considered to build a REST API, but GraphQL suits new clients.", ["REST API"]),
        ("We considered using gRPC, but browsers cannot call it.", ["gRPC"]),
    ],
)
def test_the_decision_names_and_turns_down_an_alternative(said: str, names: list[str]) -> None:
    src = read_text(_DECIDED.format(said=said))
    rejected = [o.title for o in src.record.options if not o.chosen]
    assert rejected == names
    assert len(chosen_titles(src)) == 1


_FIRST_IDEA = """# 7. Slim templates

## Context

We need a templating language. {context}

## Decision

{decision}
"""


@pytest.mark.parametrize(
    "context",
    [
        "Jade was originally proposed as it is popular.",
        "Jade was initially suggested by the team.",
        "Using Jade was first planned, since we knew it.",
    ],
)
def test_a_first_idea_the_decision_turns_down_is_an_option_not_taken(context: str) -> None:
    decision = "We decided to move to Slim as Jade runs on Node.js."
    src = read_text(_FIRST_IDEA.format(context=context, decision=decision))
    (jade,) = [o for o in src.record.options if not o.chosen]
    assert jade.title == "Jade"
    assert jade.rejected_reason == decision
    assert len(chosen_titles(src)) == 1


@pytest.mark.parametrize(
    ("context", "decision"),
    [
        # the decision does not name it again: nothing says it was turned down
        ("Jade was originally proposed as it is popular.", "We use Slim."),
        # the decision adopts it
        ("Jade was originally proposed as it is popular.", "We decided to use Jade."),
        # a common noun at the start of a sentence, never a name
        ("Migration was originally planned for May.", "We decided to delay as migration is slow."),
    ],
)
def test_a_first_idea_not_turned_down_is_no_option(context: str, decision: str) -> None:
    src = read_text(_FIRST_IDEA.format(context=context, decision=decision))
    assert titles(src) == []


_POSTGRES = """# 3. Use Postgres

## Status

Accepted

## Context

We need a database. {context}

## Decision

{decision}
"""


@pytest.mark.parametrize(
    ("context", "others"),
    [
        ("MongoDB was also an option, but it lacks joins.", ["MongoDB"]),
        ("MongoDB would have required a new cluster, so we chose Postgres.", ["MongoDB"]),
        ("Why not MongoDB? It lacks joins.", ["MongoDB"]),
        ("The main contender was MongoDB, which lacks joins.", ["MongoDB"]),
        ("We dismissed MongoDB as it lacks joins.", ["MongoDB"]),
        ("MongoDB and Cassandra were discarded: they lack joins.", ["MongoDB", "Cassandra"]),
        ("Switching to MongoDB was considered too risky.", ["MongoDB"]),
        ("We could also have used MongoDB, but it lacks joins.", ["MongoDB"]),
        ("Other options such as MongoDB and Cassandra were considered but rejected.",
         ["MongoDB", "Cassandra"]),
        ("We looked at MongoDB and Cassandra but chose Postgres for joins.",
         ["MongoDB", "Cassandra"]),
        ("Unlike MongoDB, Postgres supports joins.", ["MongoDB"]),
        ("Compared to MongoDB, Postgres has joins.", ["MongoDB"]),
        ("We prefer Postgres to MongoDB because of joins.", ["MongoDB"]),
        ("Instead of MongoDB, we use Postgres.", ["MongoDB"]),
    ],
)  # fmt: skip
def test_more_ways_of_turning_an_alternative_down(context: str, others: list[str]) -> None:
    src = read_text(_POSTGRES.format(context=context, decision="We will use Postgres."))
    assert [o.title for o in src.record.options if not o.chosen] == others
    assert chosen_titles(src) == ["Postgres"]


@pytest.mark.parametrize(
    "context",
    [
        "Why not? It is cheap.",  # no alternative named
        "MongoDB would have required a new cluster.",  # the decision adopts it
        "Unlike MongoDB, Cassandra has no joins.",  # the decision adopts neither
        "We prefer MongoDB to Cassandra for logs.",  # neither
        "Migration was considered too risky.",  # a common noun opening the sentence
    ],
)
def test_sentences_that_turn_nothing_down(context: str) -> None:
    decision = (
        "We will use MongoDB." if context.startswith("MongoDB would") else "We will use Postgres."
    )
    src = read_text(_POSTGRES.format(context=context, decision=decision))
    assert [o.title for o in src.record.options if not o.chosen] == []


def test_first_ideas_are_looked_for_a_bounded_number_of_times() -> None:
    from decaudit.engine.records.adr.considered import MAX_FIRST_IDEAS

    n = MAX_FIRST_IDEAS + 5
    context = " ".join(f"Jade{i} was originally proposed as it is popular." for i in range(n))
    decision = "We moved to Slim as " + ", ".join(f"Jade{i}" for i in range(n)) + " run on Node."
    src = read_text(_FIRST_IDEA.format(context=context, decision=decision))
    others = [o.title for o in src.record.options if not o.chosen]
    assert others == [f"Jade{i}" for i in range(MAX_FIRST_IDEAS)]
