"""A Considered Options section that holds one subsection per question (``### How to store
sessions``, ``### Which queue?``), each over a list of answers, is a group of options per
question: the answers are the options and the questions are not. One question among plain
option headings, or a question heading with prose only, changes nothing."""

from __future__ import annotations

from adr_layout import read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st


def _record(body: str) -> str:
    return (
        "# Session and queue design\n\n## Status\n\nAccepted\n\n## Context\n\n"
        "The service is split in two.\n\n## Considered Options\n\n"
        f"{body}\n## Decision Outcome\n\nWe keep sessions in Redis and use SQS.\n"
    )


QUESTIONS = (
    "### How to store sessions\n\n- In Redis\n- In the database\n\n"
    "### Which queue?\n\n- SQS\n- RabbitMQ\n- Kafka\n\n"
)


def test_questions_make_groups_of_their_answers() -> None:
    rec = read_text(_record(QUESTIONS)).record
    assert [o.title for o in rec.options] == [
        "In Redis",
        "In the database",
        "SQS",
        "RabbitMQ",
        "Kafka",
    ]
    assert {o.group for o in rec.options} == {"How to store sessions", "Which queue?"}


def test_option_headings_stay_options() -> None:
    body = "### Use Redis\n\n- fast\n- in memory\n\n### Use the database\n\nSlower.\n\n"
    assert titles(read_text(_record(body)))[:2] == ["Use Redis", "Use the database"]


def test_a_question_with_prose_only_is_not_a_group() -> None:
    body = (
        "### How to store sessions\n\nIn Redis or in the database.\n\n"
        "### Use a queue\n\nSQS for now.\n\n"
    )
    found = titles(read_text(_record(body)))
    assert "In Redis" not in found


_NAME = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8).map(str.capitalize)


@settings(max_examples=50, deadline=None)
@given(
    groups=st.lists(st.lists(_NAME, min_size=2, max_size=4, unique=True), min_size=2, max_size=3)
)
def test_question_groups_property(groups: list[list[str]]) -> None:
    body = "".join(
        f"### Which store for part {n}?\n\n" + "".join(f"- Use {a}\n" for a in answers) + "\n"
        for n, answers in enumerate(groups, 1)
    )
    found = titles(read_text(_record(body)))
    assert found == [f"Use {a}" for answers in groups for a in answers]
