"""Metadata lines that pack several fields (``Status: Accepted | Date: 2023-04-01``) and
option titles made of ``label: value`` parts, in every place they are written."""

from __future__ import annotations

from typing import Any

import pytest
from adr_layout import load
from decaudit.engine.records import load_file
from decaudit.engine.records.document import key_values, parse_markdown
from decaudit.engine.records.document.keyvalue import packed
from decaudit.engine.types import SourceRecord
from hypothesis import given
from hypothesis import strategies as st


def titles(src: SourceRecord) -> list[tuple[str, bool]]:
    return [(o.title, o.chosen) for o in src.record.options]


@pytest.mark.parametrize(
    ("name", "status", "date", "line"),
    [
        ("packed-status-line.md", "accepted", "2023-04-01", 3),  # a plain line
        ("packed-status-bullet.md", "proposed", "2024-03-14", 3),  # a bullet, bold keys
        ("packed-status-section.md", "superseded", "2022-11-30", 5),  # "## Status", bare date
        ("packed-status-table-row.md", "rejected", "2021-06-09", 3),  # one-row table
    ],
)
def test_status_and_date_read_from_a_packed_line(
    name: str, status: str, date: str, line: int
) -> None:
    src = load(name)
    assert src.record.status == status
    assert str(src.record.date) == date
    assert src.line_of(("status",)) == line
    assert "status_text" not in (src.record.model_extra or {})


def test_each_packed_part_is_its_own_field() -> None:
    doc = parse_markdown("# T\n\n* Status: Accepted | Date: 2023-04-01 | Review: 2024-04\n")
    assert [(m.key, m.value) for m in key_values(doc.root.blocks + doc.title_section.blocks)] == [
        ("Status", "Accepted"),
        ("Date", "2023-04-01"),
        ("Review", "2024-04"),
    ]


def test_a_template_choice_list_is_not_split() -> None:
    # "proposed | accepted | rejected": the template's choices, no status; a record whose
    # context is written in its own words is still read (unwritten, it is a template)
    context = " ".join(["Builds fail when the cache is cold and nobody knows why."] * 5)
    text = f"# T\n\nStatus: proposed | accepted | rejected\n\n## Context\n\n{context}\n"
    (rec,) = load_file("t.md", text.encode())
    assert isinstance(rec, SourceRecord)
    assert rec.record.status is None
    assert (rec.record.model_extra or {})["status_text"] == "proposed | accepted | rejected"


_WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)
_KEY = st.builds(
    lambda a, b: f"{a.title()} {b}".strip(), _WORD, st.sampled_from(["", "date", "by"])
).filter(lambda k: not k.lower().startswith(("http", "www")))  # an address, never a key
_VALUE = st.builds(" ".join, st.lists(_WORD, min_size=1, max_size=3))


@given(
    own=_VALUE,
    pairs=st.lists(st.tuples(_KEY, _VALUE), min_size=1, max_size=4),
    sep=st.sampled_from([" | ", "|", "  |  "]),
)
def test_packed_gives_back_each_part(own: str, pairs: list[tuple[str, str]], sep: str) -> None:
    line = sep.join([own, *(f"{k}: {v}" for k, v in pairs)])
    assert packed(line) == (own, pairs)
    assert packed(f"| {line} |") == (own, pairs)  # written as a table row


@given(st.text(max_size=80).filter(lambda t: "|" not in t and "│" not in t and "¦" not in t))
def test_a_value_without_separators_is_kept_whole(text: str) -> None:
    assert packed(text) == (text, [])


@given(own=_VALUE, rest=st.lists(_VALUE, min_size=1, max_size=3))
def test_parts_that_are_no_fields_keep_the_value_whole(own: str, rest: list[str]) -> None:
    line = " | ".join([own, *rest])
    assert packed(line) == (line, [])


def test_option_titles_of_label_value_parts_are_kept_whole() -> None:
    assert titles(load("packed-status-line.md")) == [
        ("Storage: object store, Tier: cold", False),
        ("Database: warehouse, Retention: 24 months", True),
    ]
    src = load("packed-status-bullet.md")
    assert titles(src) == [
        ("Rotation: quarterly, Overlap: one week", True),
        ("Rotation: yearly", False),
        ("Keep the keys", False),
    ]
    assert [o.model_extra.get("label") for o in src.record.options][:2] == ["a", "b"]


@pytest.mark.parametrize(
    ("item", "title"),
    [
        ("Option 2: Storage: S3", "Storage: S3"),  # only the option's label goes
        ("Alternative 3: Queue: SQS - managed", "Queue: SQS"),
        ("Database: Postgres, Cache: Redis", "Database: Postgres, Cache: Redis"),
        ("Fuse.js: a fuzzy search library", "Fuse.js"),  # title: description
        ("Option 1: Lunr - small index", "Lunr"),
    ],
)
def test_option_item_titles(item: str, title: str) -> None:
    text = f"# T\n\n## Considered options\n\n* {item}\n* Something else\n"
    (src,) = load_file("t.md", text.encode())
    assert isinstance(src, SourceRecord)
    got: list[Any] = [o.title for o in src.record.options]
    assert got == [title, "Something else"]


def test_semicolon_label_value_titles_and_a_wrapped_quoted_choice() -> None:
    src = load("label-value-options-wrapped-choice.md")
    assert [(o.title, len(o.pros), len(o.cons), o.chosen) for o in src.record.options] == [
        ("Host: internal; runner: shared pool; backup: cloud, nightly only", 1, 1, False),
        ("Host: cloud; runner: shared pool; backup: internal, nightly only", 0, 1, False),
        ("Host: cloud; runner: dedicated; backup: internal, hourly", 1, 1, True),
    ]
    assert src.record.model_extra["x_chosen_by"] == "chosen option line"
    assert str(src.record.rationale).startswith("the release team")


@pytest.mark.parametrize(
    ("first", "more", "joined"),
    [
        ('"A: x; B: y,', 'z", because w\nnext', ('"A: x; B: y, z", because w', "next")),
        ('"Whole title", because w', "next", ('"Whole title", because w', "next")),
        ("No quote here", "next", ("No quote here", "next")),
        ('"never closed', "a\nb\nc\nd\ne", ('"never closed', "a\nb\nc\nd\ne")),
    ],
)
def test_join_quoted(first: str, more: str, joined: tuple[str, str]) -> None:
    from decaudit.engine.records.adr.chosentitle import join_quoted

    assert join_quoted(first, more) == joined


@pytest.mark.parametrize(
    ("first", "more", "joined"),
    [
        ("**A** and **B for", "c**.\nRationale: x", ("**A** and **B for c**.", "Rationale: x")),
        ("A, because it is fast", "and cheap", ("A, because it is fast", "and cheap")),
        ("A and B", "Next paragraph", ("A and B", "Next paragraph")),
        ('"A" and', "b", ('"A" and', "b")),  # a quoted title: join_quoted's part
    ],
)
def test_join_wrapped(first: str, more: str, joined: tuple[str, str]) -> None:
    from decaudit.engine.records.adr.chosentitle import join_wrapped

    assert join_wrapped(first, more) == joined


def test_a_wrapped_line_is_joined_only_when_it_names_more_options() -> None:
    text = (
        "# T\n\n## Considered options\n\n* Use X\n* Use Y\n\n## Decision outcome\n\n"
        "Chosen option: Use X\nwhich keeps the build as it is.\n"
    )
    (src,) = load_file("t.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert [o.chosen for o in src.record.options] == [True, False]
    assert str(src.record.rationale) == "which keeps the build as it is."


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Database: Postgres, Cache: Redis", True),
        ("Main hub: GitHub; pipeline: CI; mirroring: GitLab, pull only.", True),
        ("Fuse.js: a fast, small search", False),
        ("Postgres", False),
        ("Note: Redis, Memcached", False),
    ],
)
def test_label_value_parts(text: str, parts: bool) -> None:
    from decaudit.engine.records.adr.titlesplit import label_value_parts

    assert label_value_parts(text) is parts


def test_a_date_section_gives_the_date() -> None:
    src = load("date-section.md")
    assert str(src.record.date) == "2022-11-01"
    assert src.line_of(("date",)) == 9
    text = b"# T\n\n## Status\n\nAccepted\n\n## Date\n\nLast spring\n\n## Decision\n\nX.\n"
    (other,) = load_file("t.md", text)
    assert isinstance(other, SourceRecord) and other.record.date is None
