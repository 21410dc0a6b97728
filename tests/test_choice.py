"""Which listed option a stated choice refers to (engine/choice.py)."""

from __future__ import annotations

import pytest
from decaudit.engine.choice import OptionRef, candidates, refers_to_listed, resolve
from hypothesis import given
from hypothesis import strategies as st

DATABASES = [OptionRef("Use PostgreSQL"), OptionRef("Use MongoDB"), OptionRef("Keep MySQL")]
LABELLED = [
    OptionRef("Option 1: One deployable service"),
    OptionRef("Option 2: A service per team"),
    OptionRef("Option 3a: Functions on demand"),
    OptionRef("Option 3b: Containers on a shared cluster"),
]


@pytest.mark.parametrize(
    ("named", "index"),
    [
        ("Use PostgreSQL", 0),
        ('"use postgresql"', 0),
        ("Option 2", 1),
        ("option two", 1),
        ("the second option", 1),
        ("#3", 2),
        ("(3)", 2),
        ("B", 1),
        ("Option C", 2),
        ("PG", 0),
        ("Postgress", 0),
        ("Mongo", 1),
        ("MySQL, as it is already running", 2),
        ("Postgres 16 - the managed one, with backups and replicas in two zones", 0),
    ],
)
def test_references_by_title_number_letter_abbreviation_and_typo(named: str, index: int) -> None:
    assert resolve(named, DATABASES) == index


@pytest.mark.parametrize(
    ("named", "index"),
    [("Option 2", 1), ("option 3b", 3), ("3a", 2), ("A service per team", 1)],
)
def test_labels_written_in_the_titles_win_over_list_order(named: str, index: int) -> None:
    assert resolve(named, LABELLED) == index


@pytest.mark.parametrize("named", ["Cassandra", "Option 7", "H", "a new queue", ""])
def test_an_option_that_is_not_listed_is_not_matched(named: str) -> None:
    assert resolve(named, DATABASES) is None
    assert not refers_to_listed(named, DATABASES)


def test_initials_and_letters_of_one_word() -> None:
    assert resolve("MQ", [OptionRef("Message queue"), OptionRef("Direct HTTP calls")]) == 0
    assert resolve("K8s", [OptionRef("Kubernetes"), OptionRef("Nomad")]) == 0


def test_a_typo_inside_a_longer_title() -> None:
    options = [
        OptionRef("Change the current settings object in place"),
        OptionRef("Create a fresh settings object for every change"),
    ]
    assert resolve("Change the curent settings object", options) == 0


def test_a_paraphrase_sharing_most_words_of_one_title() -> None:
    options = [
        OptionRef("Keep one message text for counts (no plural forms)"),
        OptionRef("Separate singular and plural texts"),
    ]
    assert resolve("Keep one text only (no plural forms)", options) == 0


def test_a_mix_of_two_options_refers_to_listed_ones_but_resolves_to_none() -> None:
    options = [OptionRef("Write our own parser"), OptionRef("Use a parser library")]
    named = 'a mix of "Write our own parser" and "Use a parser library"'
    assert candidates(named, options) == [0, 1]
    assert refers_to_listed(named, options)
    assert resolve(named, options) is None


def test_the_option_id_is_a_name_too() -> None:
    assert resolve("pg", [OptionRef("Relational store", id="pg"), OptionRef("Document store")]) == 0


_TITLE = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=30).filter(
    lambda t: t.strip()
)


@given(st.lists(_TITLE, min_size=1, max_size=8, unique_by=lambda t: " ".join(t.split())))
def test_an_exact_title_always_refers_to_its_own_option(titles: list[str]) -> None:
    options = [OptionRef(t) for t in titles]
    for i, title in enumerate(titles):
        assert i in candidates(title, options)


@given(st.text(max_size=80), st.lists(st.text(max_size=40), max_size=6))
def test_never_raises_and_stays_in_range(named: str, titles: list[str]) -> None:
    options = [OptionRef(t) for t in titles]
    hits = candidates(named, options)
    assert all(0 <= i < len(options) for i in hits)
    assert hits == sorted(set(hits))
