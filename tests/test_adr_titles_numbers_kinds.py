"""Titles, numbers and what is a record, as real folders write them:

- ``# RFC 13`` alone is a title, not RFC 1 titled "3"; ``# RFC 13: X`` is number 13, X.
- A title that calls the document a decision record makes it one, after a word or two and a
  number too (``# Buildbarn Architecture Decision Record #11: Rendezvous Hashing``), and so
  does a front matter ``title: ADR 008 – X`` over the parts of a record; not over a page of
  test scenarios that has none.
- A ``# NOTES`` banner before the record's own ``# Title`` gives way to it.
- A placeholder title is a template (``KEP-NNNN: Your short, descriptive title``); code in a
  title is not a placeholder (``setup({single_test: true}) opt-in``).
- ``py_3.md`` ends on a version, not a decision number; ``dec-3.md`` and ``adr-3.md`` do not.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.filenumbers import decision_number
from decaudit.engine.records.sources import load_file
from decaudit.engine.records.titles import title_number
from decaudit.engine.types import SourceRecord
from hypothesis import given
from hypothesis import strategies as st

RFC = "# {title}\n\n## Summary\n\nAdd a report command.\n\n## Motivation\n\nReports differ.\n"


def test_a_number_alone_is_the_title() -> None:
    assert read_text(RFC.format(title="RFC 13"), "rfcs/report.md").record.title == "RFC 13"
    assert title_number("RFC 13") == (None, "RFC 13")


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["RFC", "ADR", "KEP"]))
def test_a_numbered_title_keeps_its_whole_number(n: int, kind: str) -> None:
    assert title_number(f"{kind} {n}: Use X") == (n, "Use X")
    assert title_number(f"{kind} {n}") == (None, f"{kind} {n}")


ESSAY = """# Buildbarn Architecture Decision Record #11: Rendezvous Hashing

Author: A. Writer<br/>
Date: 2025-04-08

# Context

Resharding a cluster moves every blob.

# Improvements

Rendezvous hashing moves only the blobs of the shard that changed.
"""


def test_a_title_that_calls_itself_a_decision_record_is_one() -> None:
    assert read_text(ESSAY, "bb/0011-rendezvous-hashing.md").record.title.endswith(
        "Rendezvous Hashing"
    )


FRONT = """---
id: fx_adr008
title: ADR 008 – Asset profile for the network
---

### Problem to be solved

Implementations differ.

### Context

Several vendors take part.
"""
SCENARIOS = """---
title: ADR 008 – Test scenarios for the asset profile
---

<Scenarios>{`
Feature: asset profile
  # smoke happy path
  Scenario: a provider exposes a profile
`}</Scenarios>
"""


def test_a_front_matter_title_naming_a_record_over_its_parts() -> None:
    src = read_text(FRONT, "adrs/adr008/README.md")
    assert src.record.title.endswith("Asset profile for the network")


def test_a_page_of_test_scenarios_is_no_record() -> None:
    (res,) = load_file("adrs/adr008/TEST.mdx", SCENARIOS.encode())
    assert not isinstance(res, SourceRecord)
    assert "not a decision record" in res.message


def test_a_notes_banner_gives_way_to_the_title() -> None:
    text = (
        "---\nstatus: declined\n---\n\n# NOTES\n\nThis proposal was declined for now.\n\n"
        "# Unreferenced object filtration\n\n## Summary\n\nFilter objects.\n\n"
        "## Proposal\n\nWe filter them.\n"
    )
    assert read_text(text, "keps/0008-x.md").record.title == "Unreferenced object filtration"


@pytest.mark.parametrize(
    ("title", "template"),
    [
        ("KEP-NNNN: Your short, descriptive title", True),
        ("ADR XXXX: Short title", True),
        ("{short title of solved problem and solution}", True),
        ("`setup({single_test: true})` opt-in", False),
        ("Use {name} placeholders in paths", True),
    ],
)
def test_placeholder_titles(title: str, template: bool) -> None:
    (res,) = load_file("rfcs/x.md", RFC.format(title=title).encode())
    assert (not isinstance(res, SourceRecord) and "template" in res.message) is template


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("py_3.md", None),
        ("java-11.md", None),
        ("dec-3.md", 3),
        ("adr-3.md", 3),
        ("dec-3-use-x.md", 3),
        ("dec-003.md", 3),
        ("0005-use-x.md", 5),
    ],
)
def test_a_version_at_the_end_of_a_name_is_no_decision_number(
    name: str, number: int | None
) -> None:
    assert decision_number(name, "") == number
    assert decision_number(name, name.removesuffix(".md")) == number  # the id from the name
    assert decision_number("x.yaml", name.removesuffix(".md").upper()) == (
        number if number is not None else int(name.split("_")[-1].split("-")[-1][:-3])
    )
