"""Candidates written as blocks outside an options section (a list after "We considered:",
a design discussion with a list per need, "Spike 1: ..." lines): one small fixture per
layout under tests/data/adr_blocks/, and the ordinary lists (requirements, steps, tools
decided on, reasons) that must never be read as options."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from adr_layout import load_from, read_text
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.conventions import empty_fields
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.records.adr.candidates import lead_in
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

HERE = Path(__file__).parent / "data" / "adr_blocks"
TODAY = dt.date(2026, 12, 1)


def load(name: str) -> SourceRecord:
    return load_from("adr_blocks", name)


read = partial(read_text, name="0007-x.md")


def options(src: SourceRecord) -> list[tuple[str | None, str, bool]]:
    """(group, title, chosen) per option."""
    out = []
    for o in src.record.options:
        group = (o.model_extra or {}).get("group")
        out.append((group, o.title, bool(o.chosen)))
    return out


def uncertain(src: SourceRecord) -> list[str]:
    return list((src.record.model_extra or {}).get("x_uncertain") or [])


def each_uncertain(src: SourceRecord) -> bool:
    """Every option is listed as uncertain on its own (``options[i]``), and the field as a
    whole is not: the record does list alternatives, read with care."""
    listed = uncertain(src)
    n = len(src.record.options)
    return n > 0 and "options" not in listed and all(f"options[{i}]" in listed for i in range(n))


def decision(src: SourceRecord) -> dict[str, Any]:
    return derive(src, FactContext(today=TODAY)).decision


def test_lists_after_we_have_considered_and_we_also_considered() -> None:
    src = load("considered-lists.md")
    assert options(src) == [
        (None, "Regional Sign-in", False),
        (None, "National Identity", False),
        (None, "Point to point integration", False),
        (None, "Using an off the shelf identity provider", False),
        (None, "Run our own single sign-on service", True),  # the decision, chosen
    ]
    first = src.record.options[0]
    assert first.description is not None and first.description.startswith("This service does")
    assert first.cons  # "does not meet our needs": a point against it
    assert each_uncertain(src) and "chosen" in uncertain(src)


def test_a_list_of_providers_in_the_decision_is_not_the_choice_it_turns_down() -> None:
    src = load("providers-in-decision.md")
    titles = [(t, c) for _, t, c in options(src)]
    assert titles[:3] == [
        ("Acme Managed Clusters (AMC)", False),  # "rather than using AMC": never chosen
        ("Blue Cloud Kubernetes (BCK)", False),
        ("Orbit Container Engine (OCE)", False),
    ]
    assert titles[3] == ("Why we run our own container cluster", True)
    assert each_uncertain(src)


def test_design_discussion_subsections_are_groups_of_candidates() -> None:
    src = load("design-discussion.md")
    assert options(src) == [
        ("Observing apps", "Lumberjack", False),
        ("Observing apps", "Cloud Logs", False),
        ("Observing apps", "Bugtrap", False),
        ("Security", "Central SIEM", False),  # the subject of "X was designed for this"
        ("Security", "SearchStore", False),
        ("Security", "Cloud Guard and Cloud Logs", False),
    ]
    assert src.record.options[0].description == "seems a good fit: a disk index costs little."
    assert each_uncertain(src) and "chosen" not in uncertain(src)


def test_possibilities_subsections_are_the_candidates_with_their_points() -> None:
    src = load("possibilities.md")
    assert options(src) == [(None, "Polling", False), (None, "Web hooks", True)]
    polling = src.record.options[0]
    assert polling.pros == ["Simple for partners"]
    assert polling.cons == ["Slow to notice a change, and heavy on our database"]
    assert each_uncertain(src)


def test_a_discussion_of_needs_with_points_under_each_gives_no_options() -> None:
    assert options(load("discussion-of-needs.md")) == []


def test_the_subject_of_a_sentence_item_is_its_name_and_the_rest_its_description() -> None:
    src = load("design-discussion.md")
    siem = src.record.options[3]
    assert (siem.title, siem.description) == (
        "Central SIEM",
        "was designed for this, but it is stalled",
    )


def test_labelled_spike_lines_are_candidates_and_the_decision_names_one() -> None:
    src = load("spikes.md")
    assert options(src) == [(None, "Using Ruby", False), (None, "Using Go", True)]
    assert [src.line_of(("options", i)) for i in range(2)] == [13, 17]
    assert each_uncertain(src) and "chosen" in uncertain(src)


def test_options_lists_in_two_parts_of_a_record_are_two_groups_with_their_choices() -> None:
    src = load("options-per-part.md")
    assert options(src) == [
        ("Credential issuer", "Gateway", False),
        ("Credential issuer", "kubelogin", False),
        ("Credential issuer", "Our own issuer fork", True),  # "**Chosen:**", not listed
        ("Node management", "Self-managed nodes", False),
        ("Node management", "Managed node groups", True),  # named first by "**Chosen:**"
        ("Node management", "Serverless nodes", False),
    ]
    assert each_uncertain(src)
    self_managed = src.record.options[3]  # the part's prose is why its choice won
    assert self_managed.rejected_reason == "Initially we will use managed node groups."
    gateway = src.record.options[0]
    assert gateway.description == "similar, with no release for two years"


def test_an_options_section_wins_over_lists_elsewhere() -> None:
    src = load("options-section-wins.md")
    assert options(src) == [(None, "Fuse.js", False), (None, "Lunr.js", True)]
    assert uncertain(src) == []


@pytest.mark.parametrize(
    "name", ["requirements-list.md", "decided-tools.md", "discussion-of-needs.md"]
)
def test_ordinary_lists_are_never_options(name: str) -> None:
    src = load(name)
    assert options(src) == []
    assert decision(src)["option_count"] == 0


@pytest.mark.parametrize(
    "name",
    [
        "considered-lists.md",
        "providers-in-decision.md",
        "design-discussion.md",
        "spikes.md",
        "options-per-part.md",
        "possibilities.md",
    ],
)
def test_rec003_and_its_folder_count_block_candidates_as_alternatives(name: str) -> None:
    src = load(name)
    assert decision(src)["option_count"] >= 2
    assert empty_fields(src.record, ["options"]) == frozenset()  # not "only in prose"


def test_no_finding_above_low_rests_on_block_candidates() -> None:
    paths = [str(HERE / n) for n in ("considered-lists.md", "providers-in-decision.md")]
    paths += [str(HERE / n) for n in ("design-discussion.md", "spikes.md")]
    found = run_check(CheckOptions(paths=tuple(paths), today=TODAY)).findings
    ids = {f.rule_id for f in found}
    assert "REC003" not in ids  # they record alternatives
    for f in found:
        if f.rule_id != "GOV002":  # no decision makers: says nothing of the options
            assert f.severity in ("info", "low"), f


@pytest.mark.parametrize(
    "sentence",
    [
        "We have considered using:",
        "We also considered:",
        "Some options which were considered:",
        "In the meeting, several approaches were considered:",
        "There are several leading cloud providers who offer a managed cluster:",
        "There are many options for packaging our applications, including but not limited to:",
        "We discussed three options:",
        "The alternatives we looked at were:",
        "Other options considered:",
        "Options:",
        "We conducted research exploring different implementation options, including:",
        "We have two options:",
    ],
)
def test_lead_ins_that_announce_candidates(sentence: str) -> None:
    assert lead_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The team needed the below features for the infrastructure:",
        "Key considerations:",
        "We discussed the following risks:",
        "We've decided to use the following tools for testing:",
        "These options allow users to choose the best fit for their use case:",
        "Future options:",
        "There are a couple of potential risks associated with the proposed approach:",
        "The approaches taken for migrating the database are:",
        "We will take the following steps:",
        "This is really attractive because:",
        "Any decision we make about languages should consider:",
        "We considered how to roll it out:",
        "We considered the following requirements:",
        "We considered using Kafka.",  # no list announced
    ],
)
def test_lead_ins_that_announce_something_else(sentence: str) -> None:
    assert not lead_in(sentence)


HEAD = "# Pick a queue\n\n## Status\n\nAccepted\n\n## Context\n\n"
TAIL = "\n\n## Decision\n\nWe will build what we need ourselves.\n"
# Made-up product names: a leading "Q" keeps every word off the function, pronoun and
# question words ("And", "Each", "How") that are rightly never read as names.
names = st.lists(
    st.from_regex(r"Q[a-z]{2,9}( Q[a-z]{2,9}){0,2}", fullmatch=True),
    min_size=2,
    max_size=6,
    unique_by=str.lower,
)


@settings(max_examples=40, deadline=None)
@given(names)
def test_any_names_after_we_considered_are_the_options_in_order(found: list[str]) -> None:
    text = HEAD + "We considered:\n\n" + "".join(f"- {n}\n" for n in found) + TAIL
    src = read(text)
    listed = [o.title for o in src.record.options if not o.chosen]
    assert listed == found
    assert each_uncertain(src)


NOT_CANDIDATES = ["requirements", "steps", "risks", "goals", "criteria", "constraints"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(NOT_CANDIDATES),
    st.sampled_from(
        [
            "We need the following {}:",
            "We considered the following {}:",
            "The {} are:",
            "Key {}:",
            "There are three {} to keep in mind:",
        ]
    ),
    names,
)
def test_lists_of_requirements_steps_or_risks_are_never_options(
    noun: str, frame: str, found: list[str]
) -> None:
    text = HEAD + frame.format(noun) + "\n\n" + "".join(f"- {n}\n" for n in found) + TAIL
    assert read(text).record.options == []


@pytest.mark.parametrize("intro", ["These include:", "They were:", "Namely:"])
def test_a_bare_lead_in_takes_its_subject_from_the_sentence_before(intro: str) -> None:
    text = (
        "# Site-packages path\n\nStatus: Accepted\n\n## Specification\n\nThe path is given in "
        "the index.\n\n## Other notes\n\nA number of alternatives were discussed. "
        f"{intro}\n\n* Symlinks into the wrong directory\n* Querying the interpreter\n"
        "* Another metadata file\n"
    )
    titles = [o.title for o in read_text(text).record.options]
    assert titles[:3] == [
        "Symlinks into the wrong directory",
        "Querying the interpreter",
        "Another metadata file",
    ]


def test_a_bare_lead_in_after_a_sentence_of_something_else_introduces_nothing() -> None:
    text = (
        "# Site-packages path\n\nStatus: Accepted\n\n## Specification\n\nThe path is given in "
        "the index.\n\n## Other notes\n\nThe index holds several fields. These include:\n\n"
        "* The path\n* The version\n* The build string\n"
    )
    assert read_text(text).record.options == []
