"""Where a record keeps its header and its decision when it has no Status or Decision part:

- a header written as a code block at the top (a protocol proposal's preamble), under a
  "## Preamble" heading or before any heading: its title, status, date and owner count;
- front matter YAML refuses but that is plainly key/value lines (a key with a space,
  ``last updated: 2021-08-19``; a Markdown link as a value, ``status: [Implemented](...)``);
- a free-form record (``adr-002-repositories.md``: "# 002: Repositories" and prose): its
  text is its decision. A numbered file outside a folder of decision records is not one, nor
  is a stub that says the document moved.

The documents here are written for the tests.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records import load_file
from decaudit.engine.records.document import Code
from decaudit.engine.records.document.keyvalue import code_header
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

HEADER = """\
CAP: 0049
Title: Asset interoperability with a wrapper
Working Group:
    Owner: Ana Lima <@ana>
Status: Rejected
Created: 2022-05-05
"""


@pytest.mark.parametrize("heading", ["## Preamble\n\n", ""])
def test_a_header_in_a_code_block_is_the_records_metadata(heading: str) -> None:
    text = f"{heading}```\n{HEADER}```\n\n## Simple Summary\n\nWrap assets.\n\n"
    text += "## Specification\n\nA wrapper contract holds the asset.\n"
    rec = read_text(text, "core/cap-0049.md").record
    assert rec.title == "Asset interoperability with a wrapper"
    assert rec.status == "rejected"
    assert str(rec.date) == "2022-05-05"
    assert rec.decision_makers == ["Ana Lima <@ana>"]


@pytest.mark.parametrize(
    "code",
    [
        "x: 1\ny: 2\nz: 3\n",  # key/value lines, but no title or status: configuration
        "Title: A\nStatus: Draft\nprint('hello')\n",  # a line of another kind
        "Title: A\n",  # too short to be a header
    ],
)
def test_other_code_is_no_header(code: str) -> None:
    assert code_header(Code(3, code)) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_a_code_header_reads_only_key_value_lines(text: str) -> None:
    for meta in code_header(Code(1, text)):
        assert meta.value and meta.origin == "front"
        assert 2 <= meta.line <= text.count("\n") + 2


def test_front_matter_of_plain_lines_that_yaml_refuses() -> None:
    text = (
        "---\ncreated: 2021-08-10\nlast updated: 2021-08-19\n"
        "status: [Implemented](https://example.org/commit/cdf01a3)\n"
        "title: `--flag` respects declarations\n"
        "authors:\n  - [Ana Lima](https://example.org/ana), Acme\n"
        "---\n\n# Summary\n\nThe flag is respected.\n\n## Proposal\n\nRespect it.\n"
    )
    rec = read_text(text, "designs/2021-08-10-flag.md").record
    assert rec.status == "implemented"
    assert str(rec.date) == "2021-08-10"
    assert (rec.model_extra or {}).get("x_updated") == "2021-08-19"


def test_names_in_reference_links_are_deciders() -> None:
    text = (
        "# Daemon states\n\n* Status: accepted\n* Deciders: [Bruno Lima], [Ana Rogge]\n\n"
        "## Context and Problem Statement\n\nStates are unclear.\n\n"
        "## Decision Outcome\n\nWe document them.\n"
    )
    rec = read_text(text, "docs/adr/0006-daemons.md").record
    assert rec.decision_makers == ["Bruno Lima", "Ana Rogge"]


def test_a_template_blank_is_no_decider() -> None:
    text = (
        "# Screener update\n\n    Status: accepted\n    Deciders: [list everyone involved]\n"
        "    Date: 2024-01-02\n\n## Context and Problem Statement\n\nThe screener moved.\n\n"
        "## Decision Outcome\n\nWe use React.\n"
    )
    rec = read_text(text, "docs/adr/0009-screener.md").record
    assert rec.status == "accepted" and rec.decision_makers == []


FREE = """\
# 002: Repositories

There will be two git repositories for this project: one for the infrastructure and one
for the web application. This lets infrastructure and application changes move on their
own, and avoids running the infrastructure pipeline for every application change.
"""


_FREE_PATHS = ("docs/adr/adr-002-repositories.md", "ADR-0002 repositories.md")
_KEPT_PATHS = ("docs/adr/0002-repos.md", "decisions/2-repositories.md")


@pytest.mark.parametrize(
    "path", [*_FREE_PATHS, *_KEPT_PATHS, "doc/architecture/decisions/0002-repositories.md"]
)
def test_a_free_form_record_is_read_with_its_text_as_the_decision(path: str) -> None:
    rec = read_text(FREE, path).record
    assert rec.title == "Repositories"
    assert rec.rationale is not None and "two git repositories" in rec.rationale


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("docs/guides/0002-repositories.md", FREE),  # a numbered file in another folder
        ("notes/repositories.md", FREE),
        ("docs/adr/0006-etcd.md", "# Etcd\n\nThis file has been moved to https://x.org/0006.\n"),
    ],
)
def test_other_prose_is_not_a_record(path: str, text: str) -> None:
    (result,) = load_file(path, text.encode())
    assert not isinstance(result, SourceRecord)


@pytest.mark.parametrize("left", ["Proposal Template", "KEP Template", "Template"])
def test_a_template_title_left_in_front_matter_gives_way_to_the_records_heading(
    left: str,
) -> None:
    text = (
        f'---\ntitle: {left}\nauthors:\n  - "@ana"\ncreation-date: 2021-03-16\n'
        "status: implementable\n---\n\n# Container restarts\n\n## Motivation\n\n"
        "Users restart pods to restart one container.\n\n## Proposal\n\n"
        "Add a request that recreates the named containers.\n"
    )
    rec = read_text(text, "docs/proposals/20210316-container-restarts.md").record
    assert rec.title == "Container restarts"
    assert str(rec.date) == "2021-03-16"


@pytest.mark.parametrize("parts", ["# Proposal Template\n\n## Proposal", "# Summary\n\n# Proposal"])
def test_a_template_title_over_a_template_heading_is_still_a_template(parts: str) -> None:
    text = (
        f"---\ntitle: Proposal Template\nstatus: provisional\n---\n\n{parts}\n\n"
        "One paragraph explanation of the feature.\n"
    )
    (result,) = load_file("docs/proposals/20210316-restarts.md", text.encode())
    assert not isinstance(result, SourceRecord) and "template" in str(result)
