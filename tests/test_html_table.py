"""A table written in HTML inside Markdown is a table: the metadata header of PEP-like
proposals (``<table><tr><td> Status </td><td> Accepted </td></tr>``) gives the record's
fields, and an HTML options table its options. Written for the tests."""

from __future__ import annotations

from adr_layout import read_text
from decaudit.engine.records.document import parse_markdown
from decaudit.engine.records.document.htmltable import html_table
from decaudit.engine.records.limits import check_document
from hypothesis import given, settings
from hypothesis import strategies as st

HEADER = """\
# CEP 7 - Add a plugin hook for solvers

<table>
<tr><td> Title </td><td> Add a plugin hook for solvers </td>
<tr><td> Status </td><td> Accepted </td></tr>
<tr><td> Author(s) </td><td> Ana Lima &lt;ana@example.org&gt;</td></tr>
<tr><td> Created </td><td> Jun 29, 2021</td></tr>
</table>

## Motivation

Solvers are hard-wired today.

## Specification

A solver registers through an entry point.
"""


def test_an_html_metadata_table_gives_the_fields() -> None:
    src = read_text(HEADER, name="ceps/cep-0007.md")
    rec = src.record
    assert rec.status == "accepted"
    assert rec.date is not None and rec.date.isoformat() == "2021-06-29"
    assert rec.title == "Add a plugin hook for solvers"
    assert src.lines[("status",)] == 5


def test_cells_are_plain_text_with_entities_decoded() -> None:
    table = html_table(
        "<table><tr><th>Key</th><th>Value</th></tr>\n<tr><td>a &amp; <b>b</b>"
        "</td><td>x<br>y</td></tr></table>",
        10,
    )
    assert table is not None
    assert table.header.cells == ("Key", "Value")
    assert [r.cells for r in table.rows] == [("a & b", "x y")]
    assert table.rows[0].line == 11


def test_an_html_options_table_gives_the_options() -> None:
    text = (
        "# Solver\n\nStatus: Accepted\n\n## Considered Options\n\n<table>\n"
        "<tr><th>Option</th><th>Pros</th><th>Cons</th></tr>\n"
        "<tr><td>libmamba</td><td>fast</td><td>new</td></tr>\n"
        "<tr><td>classic</td><td>known</td><td>slow</td></tr>\n</table>\n\n"
        '## Decision Outcome\n\nChosen option: "libmamba", because it is fast.\n'
    )
    rec = read_text(text).record
    assert [(o.title, len(o.pros), len(o.cons), o.chosen) for o in rec.options] == [
        ("libmamba", 1, 1, True),
        ("classic", 1, 1, False),
    ]


def test_html_without_a_table_is_no_block() -> None:
    doc = parse_markdown("# T\n\n<div>\n<p>Status: Accepted</p>\n</div>\n")
    assert not doc.root.tables(deep=True) and not any(s.tables() for s in doc.sections())


def test_html_rows_count_toward_the_table_row_cap() -> None:
    rows = "".join(f"<tr><td>{i}</td></tr>" for i in range(5000))
    found = check_document(f"# T\n\n<table>{rows}</table>\n")
    assert found is not None and "table rows" in found[1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/tabledrh &;#x0123\n\"'=", max_size=300))
def test_any_html_block_parses_or_gives_no_table(content: str) -> None:
    table = html_table("<table>" + content, 3)
    if table is not None:
        assert table.line >= 3
        assert all(isinstance(c, str) for r in (table.header, *table.rows) for c in r.cells)
