"""Metadata as proposal series write it: a one-row table under field headers, a preamble
in a code block, a series' own field names ("SEP Status", "SEP PR"), month-first dates with
dashes, a replacement named by the series' id ("SCP-022"), and the review or vote that
decided a record. Every fixture is written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from adr_layout import read_text
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.records.adr.meta import map_status

TODAY = dt.date(2026, 6, 30)


def extra(text: str) -> dict[str, object]:
    return dict(read_text(text).record.model_extra or {})


def test_a_table_of_one_row_under_field_headers() -> None:
    rec = read_text(
        "# Use NATS\n\n| Status | Deciders | Date |\n| --- | --- | --- |\n"
        "| accepted | community call members and maintainers | 07-20-2023 |\n\n"
        "## Context\n\nWe need a bus.\n\n## Decision\n\nUse NATS.\n"
    ).record
    assert rec.status == "accepted"
    assert rec.decision_makers == ["community call members", "maintainers"]
    assert str(rec.date) == "2023-07-20"


def test_a_table_of_several_rows_under_field_headers_is_no_metadata() -> None:
    rec = read_text(
        "# Pick a store\n\n| Status | Date |\n| --- | --- |\n| accepted | 2023-01-02 |\n"
        "| rejected | 2023-02-03 |\n\n## Decision\n\nUse NATS.\n"
    ).record
    assert rec.status is None


def test_a_preamble_in_a_code_block_under_its_heading() -> None:
    rec = read_text(
        "# RFC - enhanced regex\n\n## Preamble\n\n    Author:  Ana Lima <ana@example.org>\n"
        "    ID:      0026\n    Status:  Draft\n\n## Abstract\n\nLet programmers improve the"
        " readability of patterns beyond what is possible now.\n\n## Motivation\n\n"
        "Patterns were designed for compactness, not for reading.\n\n## Specification\n\n"
        "A new flag.\n"
    ).record
    assert rec.status == "proposed"


def test_a_series_field_name_and_a_final_comment_period() -> None:
    rec = read_text(
        "- Start Date: 2022-04-20\n- SEP Status: Final Comment\n"
        "- SEP PR: https://example.org/seps/pull/13\n\n# Summary\n\nLTS releases.\n\n"
        "# Design\n\nWe keep two branches.\n"
    ).record
    assert rec.status == "proposed"  # the comment period before the decision
    assert (rec.model_extra or {}).get("x_decided_through") == (
        "SEP PR: https://example.org/seps/pull/13"
    )
    assert map_status("Final") == ("accepted", None)


def test_a_series_number_linked_to_its_pull_request_or_a_vote_count_names_the_review() -> None:
    table = (
        "# Proposal: lockfiles\n\n| **Status** | **Accepted** |\n|:--|:--|\n"
        "| **RFC #** | [013](https://example.org/tribe/pull/13) |\n\n## Summary\n\nX.\n"
    )
    assert extra(table)["x_decided_through"] == "RFC #: https://example.org/tribe/pull/13"
    votes = "# Proposal: lockfiles\n\n- Status: Accepted\n- Tribe votes: 47 for, 3 against\n\n"
    assert extra(votes + "## Summary\n\nX.\n")["x_decided_through"] == (
        "Tribe votes: 47 for, 3 against"
    )
    plain = "# Proposal: lockfiles\n\n- Status: Accepted\n- RFC: 13\n\n## Summary\n\nX.\n"
    assert "x_decided_through" not in extra(plain)


def test_a_replacement_named_by_the_series_id_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "scps"
    folder.mkdir()
    (folder / "011-debugging.md").write_text(
        "---\ndate: May 2017\nupdates:\n  - Superseded by a sequel proposal: SCP-022\n"
        "status: superseded\n---\n\n# Debugging positions\n\n## Proposal\n\nEmit them.\n",
        encoding="utf-8",
    )
    (folder / "022-jsr-45.md").write_text(
        "---\ndate: May 2018\nstatus: accepted\n---\n\n# JSR-45 support\n\n## Proposal\n\nX.\n",
        encoding="utf-8",
    )
    res = run_check(CheckOptions(paths=(str(folder),), today=TODAY))
    assert not [f for f in res.findings if f.rule_id in ("COL001", "COL002")]


def _col(folder: Path) -> list[str]:
    res = run_check(CheckOptions(paths=(str(folder),), today=TODAY))
    return sorted(f.rule_id for f in res.findings if f.rule_id.startswith("COL00"))


def _proposal(number: int, status: str, more: str = "") -> str:
    return (
        f"# Proposal {number}\n\n* Proposal: [HXP-{number:04d}]({number:04d}-p.md)\n"
        f"* Status: {status}\n{more}\n## Introduction\n\nA change.\n\n"
        "## Detailed design\n\nThe design.\n"
    )


def test_a_replacement_named_on_the_web_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "proposals"
    folder.mkdir()
    (folder / "0001-p.md").write_text(
        _proposal(1, "[superseded](https://example.org/compiler/pull/11553)"), encoding="utf-8"
    )
    (folder / "0002-p.md").write_text(
        _proposal(2, "Superseded by [#12](https://example.org/compiler/pull/12)"),
        encoding="utf-8",
    )
    (folder / "0003-p.md").write_text(_proposal(3, "Superseded"), encoding="utf-8")
    assert _col(folder) == ["COL001"]  # only the one that names nothing


def test_a_templates_blank_link_is_no_broken_link(tmp_path: Path) -> None:
    folder = tmp_path / "proposals"
    folder.mkdir()
    (folder / "0001-p.md").write_text(_proposal(1, "Accepted"), encoding="utf-8")
    blank = _proposal(2, "Accepted").replace("(0002-p.md)", "(NNNN-filename.md)")
    (folder / "0002-p.md").write_text(blank, encoding="utf-8")
    (folder / "0003-p.md").write_text(
        _proposal(3, "Accepted", "\nSee [the old one](0009-missing.md).\n"), encoding="utf-8"
    )
    assert _col(folder) == ["COL003"]  # the missing file, not the blank
