"""Alternatives a record's context enumerates beside what its decision adopts ("The
platform supports MySQL, PostgreSQL, and Oracle." over "To use PostgreSQL."), and a
section of turned-down alternatives headed only by the words that turn them down
("## Superseded / rejected")."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.enumerated import _names
from decaudit.engine.records.adr.inlinelist import inline_numbered
from decaudit.engine.records.adr.sections import is_options
from hypothesis import given
from hypothesis import strategies as st


def _record(context: str, decision: str) -> list[tuple[str, bool]]:
    text = (
        f"# 5. Database\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n"
        f"{context}\n\n## Decision\n\n{decision}\n\n## Consequences\n\nSome work.\n"
    )
    rec = read_text(text, "docs/adr/0005-database.md").record
    return [(o.title, o.chosen) for o in rec.options]


def test_the_decision_takes_one_of_the_courses_the_context_lists() -> None:
    found = _record("The platform supports MySQL, PostgreSQL, and Oracle.", "To use PostgreSQL.")
    assert found == [("MySQL", False), ("PostgreSQL", True), ("Oracle", False)]


def test_others_the_context_names_stand_beside_the_decision_nearest_last() -> None:
    context = (
        "Many other web frameworks exist in many languages, such as Ruby, PHP and Go. "
        "Other web frameworks exist in Python, such as Twisted and Flask."
    )
    found = _record(context, "To use Django.")
    assert found == [("Twisted", False), ("Flask", False), ("Django", True)]


@pytest.mark.parametrize(
    ("context", "decision"),
    [
        # the decision names none of them and the sentence speaks of no others
        ("The platform supports MySQL, PostgreSQL, and Oracle.", "To use a managed service."),
        # a later decision sentence that mentions one is not what is decided
        (
            "Client frameworks such as React, Vue or Angular exist.",
            "Use Play.\n\nNext.js speeds up React sites.",
        ),
        # common nouns are no names
        ("The service supports reads, writes and deletes.", "To use reads."),
    ],
)
def test_no_alternatives_without_a_decision_that_takes_one(context: str, decision: str) -> None:
    assert _record(context, decision) == []


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("superseded rejected", True),
        ("rejected", True),
        ("ruled out", True),
        ("superseded", False),
        ("rejected by the board", False),
    ],
)
def test_headings_of_turn_down_words_alone_are_options_sections(key: str, expected: bool) -> None:
    assert is_options(key) is expected


@given(st.text(max_size=200))
def test_names_are_two_to_eight_and_each_a_name(sentence: str) -> None:
    found = _names(sentence)
    assert found == [] or 2 <= len(found) <= 8


def test_other_options_the_context_includes_stand_beside_the_decision() -> None:
    context = (
        "Other options include using virtual machines or installing dependencies directly "
        "onto the host system."
    )
    found = _record(context, "To include a Dockerfile and a compose file.")
    assert found[:2] == [
        ("virtual machines", False),
        ("installing dependencies directly onto the host system", False),
    ]
    assert [t for t, chosen in found if chosen] == ["Database"]  # the decision, by its title


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "The two major options considered were 1) a single page application, built with "
            "React; or 2) traditional server rendered HTML pages, delivered by Django.",
            ["single page application", "traditional server rendered HTML pages"],
        ),
        (
            "Options: (1) keep it, (2) drop it and (3) rewrite it.",
            ["keep it", "drop it", "rewrite it"],
        ),
        # numbers that do not run from 1, or no word of options before them
        ("The options were 2) keep it or 3) drop it.", []),
        ("We fixed 1) the build and 2) the tests.", []),
    ],
)
def test_options_numbered_inside_a_sentence(sentence: str, names: list[str]) -> None:
    assert inline_numbered(sentence) == names


@given(st.text(alphabet="12345() abcor,;.", max_size=80))
def test_inline_numbered_names_none_or_two_or_more(sentence: str) -> None:
    found = inline_numbered("The options were " + sentence)
    assert found == [] or (len(found) >= 2 and all(n.strip() for n in found))


@pytest.mark.parametrize(
    ("lead", "named"),
    [
        (
            "Workloads introduce multiple interaction patterns within the platform, including:",
            False,
        ),
        ("We looked at several patterns that are possible here:", True),
        ("There are several options for the gateway:", True),
    ],
)
def test_a_vague_count_of_things_announces_alternatives_only_when_they_are_weighed(
    lead: str, named: bool
) -> None:
    context = f"{lead}\n\n- Agent-to-agent calls\n- Tool invocation\n- Model requests"
    found = _record(context, "We will route everything through one gateway.")
    assert bool(found) is named


def test_a_sentence_longer_than_sentences_are_names_nothing() -> None:
    huge = "Cloud supports " + ", ".join(f"Name{i}" for i in range(2000)) + " are" * 500 + "."
    assert _names(huge) == []
    assert _names("Cloud supports MySQL, PostgreSQL, and Oracle.") == [
        "MySQL",
        "PostgreSQL",
        "Oracle",
    ]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("candidates", True),
        ("database candidates", True),
        ("candidate solutions", True),
        ("airdrop candidates", False),  # people picked for an airdrop
        ("release candidates", False),  # builds
        ("council candidates", False),
    ],
)
def test_candidates_that_are_people_or_builds_are_no_options(key: str, expected: bool) -> None:
    assert is_options(key) is expected
