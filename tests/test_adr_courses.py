"""Courses an alternatives section names in sentences of their own: the passive ("Running
our own broker was considered.") and a course as the subject of a paragraph ("Keeping the
polled table is the cheapest change"); a list announced as reasons against a course gives
it its cons."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.courses import (
    course_subject,
    in_options_section,
    turned_down_lead,
    weighed,
)
from decaudit.engine.records.adr.prose import MAX_ITEMS
from decaudit.engine.records.document.markdown import parse_markdown
from hypothesis import given
from hypothesis import strategies as st

_HEAD = (
    "# 7. Use a managed queue\n\n## Status\n\nAccepted\n\n## Context\n\nOrders travel over a "
    "polled table.\n\n## Decision\n\nWe will publish order events to a managed queue.\n\n"
)


def _options(text: str) -> dict[str, tuple]:
    rec = read_text(text, "docs/adr/0007-use-a-managed-queue.md").record
    return {o.title: (o.chosen, o.pros, o.cons) for o in rec.options}


def test_passive_and_course_subject_paragraphs_are_alternatives_with_their_reasons() -> None:
    text = _HEAD + (
        "## Alternatives\n\nRunning our own RabbitMQ cluster was considered. It is suboptimal "
        "for the following reasons:\n\n* we would patch it ourselves\n* nobody has run it\n\n"
        "Keeping the polled table is the cheapest change, but it does not scale.\n"
    )
    found = _options(text)
    assert found["Running our own RabbitMQ cluster"] == (
        False,
        [],
        ["we would patch it ourselves", "nobody has run it"],
    )
    assert "Keeping the polled table" in found
    assert [v[0] for v in found.values()].count(True) == 1


@pytest.mark.parametrize(
    ("lead", "cons"),
    [
        ("It is suboptimal for the following reasons:", ["patched by us", "nobody ran it"]),
        ("It was rejected because of these problems:", ["patched by us", "nobody ran it"]),
        ("It would bring these benefits:", []),
    ],
)
def test_only_a_list_announced_against_the_course_gives_it_cons(lead: str, cons: list) -> None:
    doc = parse_markdown(
        "## Alternatives\n\nRunning our own broker was considered. " + lead + "\n\n"
        "* patched by us\n* nobody ran it\n\nKeeping the polled table is cheap.\n"
    )
    found = in_options_section(doc.sections()[0])
    assert [o.title for o in found] == ["Running our own broker", "Keeping the polled table"]
    assert [t for _, t in found[0].cons] == cons


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Running our own RabbitMQ cluster was considered.", ["Running our own RabbitMQ cluster"]),
        ("GraphQL was also evaluated, but it is heavy.", ["GraphQL"]),
        ("A shared cache has been explored", ["shared cache"]),
        ("Other approaches were considered.", []),
        ("This was discussed at length.", []),
        ("The team meets weekly.", []),
        ("Both `django-roles` and `guardian` were investigated.", ["django-roles", "guardian"]),
        ("Either Redis or Memcached was considered.", ["Redis", "Memcached"]),
        ("Kafka and NATS were evaluated, but both need a cluster.", ["Kafka", "NATS"]),
        ("Docker and Compose was tried.", ["Docker and Compose"]),  # one thing, singular verb
    ],
)  # fmt: skip
def test_weighed_names_the_course_of_a_passive_sentence(sentence: str, names: list) -> None:
    assert weighed(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Keeping the polled table is the cheapest change", ["Keeping the polled table"]),
        ("Building our own broker would take a quarter.", ["Building our own broker"]),
        ("Existing tooling is fine.", []),
        ("Nothing is lost.", []),
        ("Testing is hard.", []),
        ("Switching providers, however, is costly.", []),
    ],
)
def test_course_subject_is_a_verb_in_ing_and_its_object(sentence: str, names: list) -> None:
    assert course_subject(sentence) == names


@given(st.text(max_size=300))
def test_sentence_readers_never_fail_and_name_few_courses(sentence: str) -> None:
    assert len(course_subject(sentence)) <= 1
    for read in (weighed, course_subject):
        names = read(sentence)
        assert len(names) <= MAX_ITEMS
        assert all(n.strip() and len(n.split()) <= 16 for n in names)


def test_a_possibility_considered_but_turned_down_takes_the_reasons_listed_after_it() -> None:
    text = _HEAD + (
        "## Other options considered\n\n"
        "The possibility of a hosted broker (i.e. [Amazon MQ](https://example.org)) was "
        "considered but it would need a network peering we do not have.\n\n"
        "The possibility of keeping the polled table was also considered but in our tests "
        "it is not as simple as it looks:\n\n"
        "- the poller misses rows written in the same millisecond\n"
        "- every new consumer adds load to the database\n"
    )
    found = _options(text)
    assert found["hosted broker"][0] is False
    assert found["keeping the polled table"] == (
        False,
        [],
        [
            "the poller misses rows written in the same millisecond",
            "every new consumer adds load to the database",
        ],
    )
    assert len(found) == 3  # the two turned down and the decision; no reason is an option


@pytest.mark.parametrize(
    "sentence",
    [
        "The possibility of keeping the table was considered:",  # no turn: no reasons
        "We considered the table but it is slow.",  # no colon: no list announced
    ],
)
def test_what_is_no_turned_down_lead(sentence: str) -> None:
    (para,) = parse_markdown("## Options\n\n" + sentence + "\n").sections()[0].paragraphs()
    assert not turned_down_lead(para)
