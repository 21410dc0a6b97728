"""Choices that point back at the proposal above, alternatives in closing sections
("Reasons against other options", "Why not X?", "Alternatives rejected"), and MDX records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from adr_layout import LAYOUTS, load
from decaudit.engine.records import load_file
from decaudit.engine.records.adr.choice import ONE_ABOVE, WHOLE_ABOVE, points_above
from decaudit.engine.records.adr.rejected import why_not
from decaudit.engine.records.adr.sections import is_options, is_rejected
from decaudit.engine.records.document.mdx import mdx_to_markdown
from decaudit.engine.types import SourceRecord
from hypothesis import given
from hypothesis import strategies as st


def options(src: SourceRecord) -> list[tuple[Any, ...]]:
    return [
        (o.title, len(o.pros), len(o.cons), o.chosen, o.rejected_reason is not None)
        for o in src.record.options
    ]


def uncertain(src: SourceRecord) -> list[str]:
    return list((src.record.model_extra or {}).get("x_uncertain", []))


def test_the_approach_above_is_the_only_option() -> None:
    src = load("proposal-above.md")
    assert options(src) == [("Edge cache with a five-minute lifetime", 1, 1, True, False)]
    assert src.record.model_extra["x_chosen_by"] == "reference to the proposal above"
    assert src.line_of(("options", 0, "chosen")) == 20
    assert "chosen" not in uncertain(src)


def test_as_proposed_above_is_the_last_described_option() -> None:
    src = load("example-above-of-several.md")
    assert [(t, c) for t, _, _, c, _ in options(src)] == [
        ("One topic per service", False),
        ("One topic per entity, for example orders.created and orders.shipped", True),
    ]
    assert "chosen" in uncertain(src)  # the last of two: a reading, not a statement


@pytest.mark.parametrize(
    ("sentence", "adopts"),
    [
        ("We adopt the example above.", ONE_ABOVE),
        ("As proposed above, we go with it.", ONE_ABOVE),
        ("Implementing a structure modelled after the above example.", ONE_ABOVE),
        ("The approach described above is accepted.", ONE_ABOVE),
        ("We decided to use the approach above instead of a queue.", ONE_ABOVE),
        ("Implement this design as outlined above.", WHOLE_ABOVE),
        ("Accept this new capability as described above.", WHOLE_ABOVE),
        ("In the example above, each name starts with the entity.", 0),
        ("We will not use the approach above.", 0),
        ("We reject the proposal above.", 0),
        ("We adopt Kafka.", 0),
    ],
)
def test_points_above(sentence: str, adopts: int) -> None:
    assert points_above(sentence) == adopts


def test_the_whole_design_above_chooses_none_of_several_options() -> None:
    text = (
        "# Load settings\n\n## Considered options\n\n* From a file\n* From a service\n\n"
        "## Decision\n\nImplement this design as outlined above.\n"
    )
    (src,) = load_file("t.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert [o.chosen for o in src.record.options] == [False, False]


def test_alternatives_under_closing_sections_are_rejected_with_their_reasons_as_cons() -> None:
    src = load("closing-rejected-sections.md")
    assert options(src) == [
        ("Keep the cluster", 0, 1, False, True),
        ("A hosted search service", 0, 2, False, True),
        ("A search library inside each service", 0, 1, False, True),
        ("Nightly exports to a spreadsheet", 0, 0, False, False),  # no reason given
        ("Store the search index in the database", 0, 0, True, False),  # the decision
    ]
    keep = src.record.options[0]
    assert str(keep.cons[0]).startswith("Nobody has the time")
    assert str(keep.rejected_reason).startswith("Nobody has the time")
    assert src.line_of(("options", 0)) == 21


def test_why_not_headings_after_the_decision() -> None:
    src = load("why-not-headings.md")
    assert options(src) == [
        ("Plain files on a shared volume", 0, 0, True, False),
        ("An artefact server", 0, 1, False, True),  # "## Why not an artefact server?"
        ("Build everything from source", 0, 1, False, True),  # "## Other options considered"
    ]


def test_every_unmarked_reason_under_a_why_not_heading_is_a_con(tmp_path: Path) -> None:
    doc = tmp_path / "0004-duration-queries.md"
    doc.write_text(
        "# 4. Duration queries scan one index\n\n## Status\n\nAccepted\n\n"
        "## Decision\n\nDuration queries scan the duration index alone.\n\n"
        "### Why not intersect with the tag index?\n\n"
        "1. **No joins**: the store cannot join two indexes on the server.\n"
        "2. **Buckets**: every hour is one more query to merge.\n"
        "3. **Memory**: the client would hold every trace id of both.\n",
        encoding="utf-8",
    )
    (src,) = load_file(str(doc), doc.read_bytes())
    assert isinstance(src, SourceRecord)
    turned_down = [o for o in src.record.options if not o.chosen]
    assert [(o.title, len(o.pros), len(o.cons)) for o in turned_down] == [
        ("Intersect with the tag index", 0, 3)
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Reasons against other options",
        "Reasons against the other alternatives",
        "Why not the other options?",
        "Rejected alternatives",
        "Alternatives rejected",
        "Other options considered",
        "Options not chosen",
        "Discarded approaches",
        "Option graveyard",
        "The Road Not Taken",
    ],
)
def test_closing_section_headings(heading: str) -> None:
    from decaudit.engine.records.document import heading_key

    key = heading_key(heading)
    assert is_options(key) and is_rejected(key)
    assert why_not(heading) is None  # a section of alternatives, not one of them


@pytest.mark.parametrize("heading", ["Considered options", "Options", "Alternatives"])
def test_options_sections_are_not_rejected(heading: str) -> None:
    assert not is_rejected(heading.lower())


@pytest.mark.parametrize(
    ("heading", "named"),
    [
        ("Why not Kafka?", "Kafka"),
        ("Why not use SQS?", "SQS"),
        ("Why not just use Redis", "Redis"),
        ("Why didn't we use MongoDB?", "MongoDB"),
        ("Why now?", None),
    ],
)
def test_why_not(heading: str, named: str | None) -> None:
    assert why_not(heading) == named


def test_mdx_record_is_read_as_markdown() -> None:
    src = load("mdx-record.mdx")
    rec = src.record
    assert rec.title == "Send receipts by email only"
    assert rec.status == "accepted" and str(rec.date) == "2024-02-10"
    assert [(o.title, o.chosen) for o in rec.options] == [
        ("Email receipts", True),
        ("Printed receipts", False),
    ]
    assert src.line_of(("options", 0)) == 33  # the line in the .mdx file
    assert "{/*" not in (rec.context or "") and "Customers can still ask" in (rec.context or "")


def test_mdx_keeps_lines_and_code() -> None:
    text = (LAYOUTS / "mdx-record.mdx").read_text()
    out = mdx_to_markdown(text)
    assert out.count("\n") == text.count("\n")
    assert 'import DecisionTable from "@site' not in out
    assert "<DecisionTable" not in out and "owners={owners}" not in out
    assert ":::note" not in out and "Customers can still ask" in out
    assert '<Receipt channel="email" />' in out  # inside a code fence: as written
    assert 'import nothing from "here";' in out


_LINE = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\r\n\x0b\x0c"),
    max_size=40,
)


@given(st.lists(_LINE, max_size=30))
def test_mdx_to_markdown_keeps_every_line_number(lines: list[str]) -> None:
    text = "\n".join(lines)
    out = mdx_to_markdown(text).split("\n")
    assert len(out) == len(text.split("\n"))
    for before, after in zip(text.split("\n"), out, strict=True):
        assert after == "" or after in before or before.replace("{/*", "") != before


def test_mdx_files_in_a_folder_are_audited_or_skipped(tmp_path: Path) -> None:
    (tmp_path / "0001-use-email.mdx").write_text((LAYOUTS / "mdx-record.mdx").read_text())
    (tmp_path / "index.mdx").write_text("import X from 'y';\n\n# Decisions\n\n<X />\n")
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "decaudit", "check", str(tmp_path), "--no-log", "--format",
         "json", "-o", str(out), "--fail-on", "never"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    import json

    data = json.loads(out.read_text())
    assert data["summary"]["records"] == 1
    assert [s["file"].rsplit("/", 1)[-1] for s in data["skipped"]] == ["index.mdx"]


def test_a_road_not_taken_paragraph_is_a_rejected_alternative_titled_by_its_course() -> None:
    from adr_layout import read_text

    text = (
        "# Agent setup guide\n\n## Status\n\nAccepted\n\n## Decision\n\nWe document the "
        "manual setup.\n\n## The Road Not Taken\n\nAn alternative approach could be to "
        "automate this process with scripts. However, this would need expertise few users have.\n"
    )
    rec = read_text(text, "docs/decisions/20220101-agent-setup.md").record
    turned = [o for o in rec.options if not o.chosen]
    assert [o.title for o in turned] == ["automate this process with scripts"]
