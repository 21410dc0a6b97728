"""Alternatives put forward in a sentence where a design or an RFC describes its course:
"An alternative could have been to X. However this would ...", "Another option would be to
X", "Alternatively, we could X". Each is an option not taken, with the sentences that argue
about it as its reason and points; the design is the chosen option. Sentences that describe
the course taken ("One solution is to X"), a feature ("Alternatively, the user may ..."), or
that sit in the consequences or the links are not read.

The documents here are written for the tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from adr_layout import read_text
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.records.adr.prose import counted as prose_counted
from decaudit.engine.records.adr.putforward import put_forward
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

TODAY = dt.date(2026, 12, 1)

RFC = """\
# RFC-0031: Batched trie reads

## Summary

Light clients read many keys of one trie in a single request.

## Motivation

Each key is a round trip today, and wallets read hundreds of keys at start-up.

## Explanation

The request gains a `trie` field naming the trie every key belongs to.
{sentence}

Responses carry one proof for all the keys.

## Drawbacks

Servers must build larger proofs in one go.
{tail}"""


def rfc(sentence: str, tail: str = "") -> SourceRecord:
    return read_text(RFC.format(sentence=sentence, tail=tail), "rfcs/0031-batched-trie-reads.md")


def options(src: SourceRecord) -> list[tuple[str, bool]]:
    return [(o.title, o.chosen) for o in src.record.options]


def test_an_alternative_could_have_been_with_its_con() -> None:
    src = rfc(
        "An alternative could have been to name the trie of each individual key. However "
        "this would send the trie name many times over the network, which is a waste of "
        "bandwidth and makes the request more complicated."
    )
    assert options(src) == [
        ("name the trie of each individual key", False),
        ("Batched trie reads", True),
    ]
    other = src.record.options[0]
    assert other.rejected_reason is not None and "bandwidth" in other.rejected_reason
    assert len(other.cons) == 1 and not other.pros
    assert "options" in (src.record.model_extra or {})["x_uncertain"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Another option would be to embed the trie name in every key.",
            "embed the trie name in every key",
        ),
        (
            "Another possibility is to stream the proofs, but clients cannot verify partial ones.",
            "stream the proofs",
        ),
        ("Alternatively, we could send one request per trie.", "send one request per trie"),
        (
            "Another approach considered was that clients should only ever send one request"
            " per trie, and a server should only batch requests by holding them back for a"
            " while.",
            "clients should only ever send one request per trie",
        ),
        ("As an alternative, one might cache proofs on the server.", "cache proofs on the server"),
        (
            "An alternative approach is a separate protocol for child tries.",
            "separate protocol for child tries",
        ),
        (
            "The main alternative to this design is to keep one request per key. However, "
            "batching is faster.",
            "keep one request per key",
        ),
    ],
)
def test_each_form_names_an_alternative_not_taken(sentence: str, name: str) -> None:
    src = rfc(sentence)
    assert options(src) == [(name, False), ("Batched trie reads", True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "One solution is to name the trie once per request.",  # the course taken
        "A simple approach is to keep the keys sorted.",
        "Alternatively, the client may still send one request per key.",  # a feature's mode
        "Another thing to note is that keys are sorted.",
        "An alternative is needed for clients that cannot batch.",
        "Alternatively, you can use the command line.",  # instructions
    ],
)
def test_sentences_that_do_not_put_an_alternative_forward(sentence: str) -> None:
    assert rfc(sentence).record.options == []


def test_not_read_in_the_consequences_or_links() -> None:
    tail = (
        "\n## Consequences\n\nAn alternative would be to revert to single reads later.\n"
        "\n## References\n\n- Another approach would be described in RFC-12.\n"
    )
    assert rfc("", tail).record.options == []


def test_not_read_without_a_design_or_decision() -> None:
    text = (
        "# Notes on trie reads\n\n## Summary\n\nReads are slow.\n\n## Motivation\n\n"
        "An alternative would be to batch reads by trie.\n"
    )
    src = read_text(text, "notes/0002-trie-reads.md")
    assert src.record.options == []


def test_other_readers_win() -> None:
    text = RFC.format(
        sentence="Another option would be to embed the trie name in every key.",
        tail="\n## Alternatives\n\n- Stream the proofs\n- Keep single reads\n",
    )
    titles = [t for t, _ in options(read_text(text, "rfcs/0031-x.md"))]
    assert "embed the trie name in every key" not in titles


def test_the_rfc_is_not_flagged_for_missing_alternatives(tmp_path: Path) -> None:
    path = tmp_path / "0031-batched-trie-reads.md"
    said = "Alternatively, we could send one request per trie."
    path.write_text(RFC.format(sentence=said, tail=""))
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert not result.errors
    assert "REC003" not in {f.rule_id for f in result.findings}
    on_options = [f for f in result.findings if f.rule_id.startswith(("ALT", "INC", "REC"))]
    assert all(f.severity in ("info", "low") for f in on_options), on_options


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_put_forward_on_any_text_is_a_short_name_or_nothing(text: str) -> None:
    name = put_forward(text)
    assert name == "" or 2 <= len(name.split()) <= 16


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(categories=("L", "Zs")), min_size=1, max_size=60))
def test_put_forward_takes_the_clause_after_the_verb(words: str) -> None:
    name = put_forward(f"Another option would be to {words}.")
    assert name == "" or name in " ".join(words.split())


ALTERNATIVES = """\
# Detach hosts from the provisioner

## Proposal

A `detached` annotation removes the host from the provisioner and keeps it managed.

## Alternatives

It would be possible to change the pause annotation such that paused hosts are removed,
however this means that we cannot report errors in the status.

We could add an API that sets the maintenance flag, but there are concerns about
hosts that stay in that state for good.
"""


MAIN_ALTERNATIVE = """\
# 6. Develop components in TypeScript

## Context

Our tooling changed this year.

## Decision

We will author new components in TypeScript and ship them as JavaScript.

### Alternatives

The main alternative to this decision is to continue developing components in plain
JavaScript. However, the benefits outweigh the risks.

Another alternative would be to ship components in TypeScript, but this would increase
complexity for users.

## Consequences

### Benefits

- Type checking catches mistakes early.

### Risks and incurred debt

- Contributors must learn TypeScript.
- The build takes longer.
"""


def test_the_main_alternative_to_the_decision_and_risks_among_its_consequences() -> None:
    src = read_text(MAIN_ALTERNATIVE, "decisions/0006-use-typescript.md")
    found = {o.title: (o.chosen, len(o.pros), len(o.cons)) for o in src.record.options}
    assert found == {
        "continue developing components in plain JavaScript": (False, 0, 0),
        "ship components in TypeScript": (False, 0, 1),
        # the consequences' "Benefits" and "Risks" are the course taken's pros and cons
        "Develop components in TypeScript": (True, 1, 2),
    }


def test_a_risks_part_outside_the_consequences_gives_no_cons() -> None:
    text = MAIN_ALTERNATIVE.replace("### Risks and incurred debt", "## Risks and incurred debt")
    src = read_text(text, "decisions/0006-use-typescript.md")
    (chosen,) = [o for o in src.record.options if o.chosen]
    assert len(chosen.cons) == 0  # a risk register pairs risks with mitigations


def test_a_course_said_possible_in_an_alternatives_section_with_its_con() -> None:
    src = read_text(ALTERNATIVES, "design/detached-annotation.md")
    found = {o.title: (o.chosen, len(o.cons)) for o in src.record.options}
    assert found == {
        "change the pause annotation such that paused hosts are removed": (False, 1),
        "add an API that sets the maintenance flag": (False, 1),
        "Detach hosts from the provisioner": (True, 0),
    }


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("We have three types of database: Postgres, MySQL and SQLite.", 3),
        ("All four versioned types - Architecture, Pattern, Flow, Standard - use it.", 0),
        ("Four versioned types - Architecture, Pattern, Flow, Standard - use it.", 4),
        ("Each of the two formats: JSON and YAML, is read.", 0),
    ],
)
def test_a_count_of_what_there_is_names_no_options(sentence: str, found: int) -> None:
    assert len(prose_counted(sentence)) == found


PROPOSED_ALTERNATIVES = """\
# Propagate subclass instances

## Proposal

Functions return instances of the subclass they were given.

## Proposed alternatives

One alternative that has been proposed is to pass subclasses through unchanged and provide a
finalize method that allows for any post-processing of the result. While this would achieve
most goals, it would miss out on a hook for methods.

### Appendix: Special handling for properties

Properties are wrapped like methods.
"""


def test_an_alternative_that_has_been_proposed_beside_an_appendix() -> None:
    src = read_text(PROPOSED_ALTERNATIVES, "rfcs/RFC-0001-subclasses.md")
    found = {o.title: (o.chosen, len(o.cons)) for o in src.record.options}
    assert found == {
        "pass subclasses through unchanged and provide a finalize method": (False, 1),
        "Propagate subclass instances": (True, 0),
    }


def test_a_long_paragraph_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The code spans of a paragraph are found once, not again for each of its sentences
    (30,000 sentences in one paragraph took 220 s; now a few)."""
    from decaudit.engine.records.adr import names

    calls: list[int] = []
    real = names._CODE

    class Counting:
        def findall(self, text: str) -> list[str]:
            calls.append(len(text))
            return real.findall(text)

    monkeypatch.setattr(names, "_CODE", Counting())
    names._codes.cache_clear()
    said = " ".join(f"Another option would be to do {i}. It is complex." for i in range(400))
    rfc(said)
    assert len(calls) <= 20, len(calls)
