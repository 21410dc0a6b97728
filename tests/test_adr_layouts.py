"""ADRs as people write them: one small fixture per layout under tests/data/adr_layouts/,
each checked for its options (titles, groups, pros and cons), the choice and metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from adr_layout import load
from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord


def options(src: SourceRecord) -> list[tuple[Any, ...]]:
    out = []
    for opt in src.record.options:
        extra = opt.model_extra or {}
        out.append((extra.get("group"), opt.title, len(opt.pros), len(opt.cons), opt.chosen))
    return out


def extra(src: SourceRecord) -> dict[str, Any]:
    return src.record.model_extra or {}


def test_bold_option_paragraphs_chosen_by_number() -> None:
    src = load("bold-option-paragraphs.md")
    assert options(src) == [
        (None, "Keep sessions in the database", 0, 0, False),
        (None, "Run a Redis cluster", 1, 1, True),
        (None, "Sticky sessions on the load balancer", 0, 0, False),
    ]
    rec = src.record
    assert rec.status == "accepted"  # "Approved" in a `* **Status:**` bullet
    assert rec.decision_makers == ["Priya Shah", "Tom Berg"]
    assert str(rec.date) == "2023-05-04"
    assert extra(src)["x_chosen_by"] == "reference in the decision"
    assert src.line_of(("options", 1)) == 15
    assert src.line_of(("options", 1, "chosen")) == 24
    assert "x_uncertain" not in extra(src)


def test_nested_groups_and_advantage_subsections() -> None:
    src = load("option-groups.md")
    assert options(src) == [
        (None, "Render on the server", 1, 1, False),
        (None, "Render in the browser", 0, 0, False),
        ("Pre-render", "Nightly batch", 0, 0, False),
        ("Pre-render", "On every change", 0, 0, False),
        ("Pre-render", "On first request", 0, 0, True),
    ]
    labels = [(o.model_extra or {}).get("label") for o in src.record.options]
    assert labels == ["1", "2", "3a", "3b", "3c"]  # "1. " prefixes stripped into labels
    assert src.record.status == "accepted"  # "agreed"
    assert src.record.decision_makers == ["Ana Lima", "Raj Patel"]
    assert extra(src)["x_chosen_by"] == "marker on the option"


def test_pros_lists_plus_minus_bullets_and_nested_options_section() -> None:
    src = load("plus-minus-and-pros-lists.md")
    assert options(src) == [
        (None, "Fuse.js", 1, 1, False),
        (None, "Lunr.js", 1, 2, True),
    ]
    rec = src.record
    assert rec.options[1].cons == ["no fuzzy matching", "larger bundle"]
    assert rec.decision_makers == ["Kim Ito", "Lee Park"]  # a nested list
    assert rec.context is None or "Fuse" not in rec.context  # the options are not context
    assert extra(src)["consequences_good"] == ["search is instant"]
    assert extra(src)["consequences_bad"] == ["the index must be rebuilt"]


def test_proposal_section_and_superseded_link() -> None:
    src = load("proposal-section.md")
    rec = src.record
    assert rec.status == "superseded"
    assert extra(src)["status_text"] == "Superseded by ADR-0009"
    assert rec.rationale == "Integrations receive webhooks instead of polling."
    assert extra(src)["x_decision_stated"] is True
    assert extra(src)["consequences"] == "Less load, more endpoints."


def test_metadata_table_without_h1() -> None:
    src = load("metadata-table-no-h1.md")
    rec = src.record
    assert rec.title == "Metadata table no h1"  # from the file name
    assert rec.status == "implemented"
    assert str(rec.date) == "2021-02-03"
    assert rec.proposed_by == ["@sam"]  # an author proposes, never decides
    assert rec.decision_makers == []
    assert src.line_of(("status",)) == 5


def test_alternatives_with_the_decision_in_prose() -> None:
    src = load("alternatives-and-decision.md")
    assert options(src) == [
        (None, "Keep the static secret", 0, 1, False),  # "It cannot be rotated ..."
        (None, "Mutual TLS everywhere", 0, 1, False),  # "Too much certificate handling"
        (None, "Tokens for service-to-service calls", 0, 0, True),
    ]
    rec = src.record
    assert rec.options[0].rejected_reason == "It cannot be rotated without downtime."
    assert rec.decision_makers == ["TSC"]  # "Approved (by TSC vote ...)"
    assert extra(src)["x_uncertain"] == ["decision_makers", "chosen", "options[2]"]


def test_positions_in_prose_are_uncertain() -> None:
    src = load("positions-prose.md")
    assert options(src) == [
        (None, "Chart.js", 0, 1, False),  # "It is small but hard to theme."
        (None, "Vega", 0, 0, True),
        (None, "writing our own", 0, 0, False),
    ]
    assert src.record.title == "Charting library"
    assert extra(src)["x_uncertain"] == ["options", "chosen"]
    assert extra(src)["x_chosen_by"] == "named in the decision prose"


def test_combined_choice_and_headings_that_differ_from_the_list() -> None:
    src = load("mixed-choice-and-typos.md")
    assert options(src) == [
        (None, "Send a link to the file by email", 1, 1, True),
        (None, "Attach the file to the email", 0, 1, False),
        (None, "Upload to the customer's storage bucket", 1, 0, True),
    ]


@pytest.mark.parametrize(
    ("said", "chosen"),
    [
        ("Chosen option: Alter the exiting object", "Alter the existing object and return it"),
        ("Chosen option: Add a new divider", "Add a divider with a label"),
        ("We will go with option 2.", "Add a divider with a label"),
        ("We picked alternative B (#2).", "Add a divider with a label"),
        ("Option 1 was selected by the board.", "Alter the existing object and return it"),
    ],
)
def test_choice_by_near_title_number_or_letter(said: str, chosen: str) -> None:
    text = (
        "# T\n\n## Considered Options\n\n* Alter the existing object and return it\n"
        f"* Add a divider with a label\n* Do nothing\n\n## Decision Outcome\n\n{said}\n"
    )
    (src,) = load_file("t.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert [o.title for o in src.record.options if o.chosen] == [chosen]


def test_advantages_subsections_are_never_options() -> None:
    text = (
        "# T\n\n## Alternatives\n\n### Build\n\n#### Advantages\n\n* control\n\n"
        "#### Disadvantages\n\n* cost\n\n### Buy\n\n#### Pros\n\n* fast\n"
    )
    (src,) = load_file("t.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert options(src) == [(None, "Build", 1, 1, False), (None, "Buy", 1, 0, False)]


def test_word_adr_reads_like_markdown(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_heading("Pick a queue", level=1)
    para = word.add_paragraph()
    para.add_run("Status:").bold = True
    para.add_run(" Accepted")
    word.add_heading("Considered Options", level=2)
    word.add_paragraph("Option 1: RabbitMQ", style="List Number")
    word.add_paragraph("Good, because it is mature", style="List Bullet 2")
    word.add_paragraph("Option 2: Kafka", style="List Number")
    word.add_heading("Decision", level=2)
    word.add_paragraph("We go with option 1.")
    path = tmp_path / "0001-queue.docx"
    word.save(str(path))
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord), src
    assert options(src) == [(None, "RabbitMQ", 1, 0, True), (None, "Kafka", 0, 0, False)]
    assert src.record.status == "accepted"
    assert src.line_of(("options", 0)) == 4  # paragraph ordinal


def test_decided_against_one_of_two_chooses_the_other() -> None:
    text = (
        "# Hosting\n\n## Status\n\nAccepted\n\n## Decision\n\nDecided against Cloud Run.\n\n"
        "## Positions\n\nWe considered Cloud Run vs. Fargate.\n"
    )
    (src,) = load_file("t.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert [(o.title, o.chosen) for o in src.record.options] == [
        ("Cloud Run", False),
        ("Fargate", True),
    ]
    assert extra(src)["x_uncertain"] == ["options", "chosen"]


def test_alternatives_named_in_a_such_as_list() -> None:
    text = (
        "# Use Django\n\nStatus: Accepted\n\n## Decision\n\nWe will use Django.\n\n"
        "## Alternatives Considered\n\nWe considered other frameworks such as Flask and "
        "Pyramid. Django is more mature.\n"
    )
    (src,) = load_file("t.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert [(o.title, o.chosen) for o in src.record.options] == [
        ("Flask", False),
        ("Pyramid", False),
        ("Django", True),  # what "We will use Django." adopts
    ]


def test_evaluated_list_numbered_headings_and_bold_conclusion() -> None:
    src = load("evaluated-with-conclusion.md")
    assert src.format == "madr"  # no status or options heading: the title says what it is
    assert options(src) == [
        (None, "Sidekiq", 1, 1, False),
        (None, "Celery", 2, 0, True),
        (None, "Temporal", 0, 1, False),
    ]
    assert extra(src)["x_chosen_by"] == "named in bold in the decision"
    assert extra(src)["x_uncertain"] == ["chosen"]
