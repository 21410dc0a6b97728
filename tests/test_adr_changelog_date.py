"""A record that gives its date only in a changelog (Cosmos SDK, IBC, EdgeX templates): the
date is the earliest dated entry; a Date line, a Date section or front matter wins.

Records are written here for the test, with the ways changelog entries write a date and the
sections that look alike but date nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.changelog import entry_date


def record(changelog: str, *, head: str = "", heading: str = "## Changelog") -> str:
    return (
        f"{head}# ADR 7: Batch fee refunds\n\n{heading}\n\n{changelog}\n\n"
        "## Status\n\nProposed\n\n## Decision\n\nRefund fees in one batch per block.\n"
    )


@pytest.mark.parametrize(
    ("entries", "expected", "line"),
    [
        ("* 2023-03-01: Initial draft\n* 2023-04-11: Accepted", "2023-03-01", 5),
        ("- Mar 1, 2023: first draft\n- Apr 11, 2023: reviewed", "2023-03-01", 5),
        ("- 2020 April 27: Initial Draft", "2020-04-27", 5),
        ("* 27 April 2020: Initial draft", "2020-04-27", 5),
        ("* Sept. 5, 2021: first version", "2021-09-05", 5),
        # newest first: the earliest entry is the draft that opened the record
        ("* 2024-06-02: Amended\n* 2024-01-15: Initial draft", "2024-01-15", 6),
        # EdgeX: the date after the link to the change
        (
            "- [proposed](https://example.org/pr/1) (2021-12-28)\n"
            "- [approved](https://example.org/pr/2) (2023-02-18)",
            "2021-12-28",
            5,
        ),
    ],
)
def test_the_earliest_changelog_entry_dates_the_record(
    entries: str, expected: str, line: int
) -> None:
    src = read_text(record(entries))
    assert src.record.date == dt.date.fromisoformat(expected)
    assert src.lines[("date",)] == line


@pytest.mark.parametrize("heading", ["## Change Log", "## Revision history", "### Changelog"])
def test_other_names_of_the_section(heading: str) -> None:
    src = read_text(record("* 2022-11-30: created", heading=heading))
    assert src.record.date == dt.date(2022, 11, 30)


def test_a_table_changelog() -> None:
    table = (
        "| Version | Date | Note |\n| --- | --- | --- |\n"
        "| 2 | 2023-05-02 | b |\n| 1 | 2023-01-09 | a |"
    )
    assert read_text(record(table)).record.date == dt.date(2023, 1, 9)


def test_only_an_entrys_first_date_counts() -> None:
    entries = "* 2024-02-01: Drop the v1 endpoint (released 2019-05-05)"
    assert read_text(record(entries)).record.date == dt.date(2024, 2, 1)


# --- a stated date wins, and what is no dated entry -----------------------------------------


def test_a_date_line_wins() -> None:
    text = record("* 2023-03-01: Initial draft").replace(
        "## Status\n\nProposed", "## Status\n\nProposed\n\nDate: 2023-05-20"
    )
    assert read_text(text).record.date == dt.date(2023, 5, 20)


def test_front_matter_wins() -> None:
    head = "---\nstatus: proposed\ndate: 2022-09-09\n---\n\n"
    src = read_text(record("* 2023-03-01: Initial draft", head=head))
    assert src.record.date == dt.date(2022, 9, 9)


def test_a_date_written_as_text_is_not_replaced() -> None:
    text = record("* 2023-03-01: Initial draft").replace(
        "## Status\n\nProposed", "## Status\n\nProposed\n\nDate: spring, after the audit"
    )
    src = read_text(text)
    assert src.record.date is None
    assert (src.record.model_extra or {}).get("date_text") == "spring, after the audit"


@pytest.mark.parametrize(
    "entries",
    [
        "* {date}: {changelog}",
        "* YYYY-MM-DD: Initial draft",
        "<!--\n- [approved](URL of PR) (2022-04-01)\n-->",
        "* Initial draft\n* Reworded after review",
    ],
)
def test_entries_without_a_date_give_none(entries: str) -> None:
    assert read_text(record(entries)).record.date is None


def test_a_history_section_is_not_a_changelog() -> None:
    text = record("Back in March 2019 the fees were paid one by one.", heading="## History")
    assert read_text(text).record.date is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-03-01: x", dt.date(2023, 3, 1)),
        ("Mar. 1, 2023 - x", dt.date(2023, 3, 1)),
        ("1st March, 2023", dt.date(2023, 3, 1)),
        ("2019/05/06 first", dt.date(2019, 5, 6)),
        ("release 2.3 in 2023", None),
        ("v2023-beta", None),
        ("{date}", None),
    ],
)
def test_entry_date(text: str, expected: dt.date | None) -> None:
    assert entry_date(text) == expected
