"""The document model: Markdown (markdown-it-py) and Word (python-docx) into one tree."""

from __future__ import annotations

import contextlib
import io

import docx
import pytest
from decaudit.engine.records.document import (
    Code,
    Document,
    DocumentError,
    DocxError,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Table,
    parse_docx,
    parse_markdown,
    read_document,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SAMPLE = """---
status: accepted
deciders: [Ann, Bob]
---
# 12. Pick a queue
<!-- a comment
# not a heading -->
* **Status:** Superseded by [ADR-13](0013-other.md)
* Deciders:
  * Carol
  * Dan

Date: 2024-03-01

## Considered Options

### Option 1: Kafka
* **Pros**
  * durable
+ Good, because it scales
- [x] a task item

```
# code, not a heading
* not an item
```

| Owner | Team A |
|---|---|
| Budget | **£2m** |

## Decision
We go with option 1.
"""


def test_heading_tree_lines_and_blocks() -> None:
    doc = parse_markdown(SAMPLE)
    title = doc.title_section
    assert title is not None and (title.title, title.level, title.line) == (
        "12. Pick a queue",
        1,
        5,
    )
    assert [(s.level, s.title, s.line) for s in doc.sections()] == [
        (1, "12. Pick a queue", 5),
        (2, "Considered Options", 15),
        (3, "Option 1: Kafka", 17),
        (2, "Decision", 32),
    ]
    option = doc.named("option 1 kafka")[0]
    kinds = [type(b) for b in option.blocks]
    assert kinds == [ListBlock, ListBlock, ListBlock, Code, Table]
    pros = option.items()[0]
    assert (pros.label, pros.line, [c.text for c in pros.children]) == ("Pros", 18, ["durable"])
    plus, task = option.items()[1], option.items()[2]
    assert (plus.marker, plus.text, plus.line) == ("+", "Good, because it scales", 20)
    assert (task.checked, task.text, task.marker) == (True, "a task item", "-")
    table = option.tables()[0]
    assert table.header.cells == ("Owner", "Team A")
    assert [(r.line, r.cells, r.marks) for r in table.rows] == [
        (30, ("Budget", "£2m"), ((), ("£2m",)))
    ]
    decision = doc.named("decision")[0]
    assert decision.paragraphs()[0].text == "We go with option 1."


def test_metadata_from_front_matter_bullets_lines() -> None:
    doc = parse_markdown(SAMPLE)
    got = [(m.name, m.value, m.items, m.line, m.origin) for m in doc.metadata]
    assert got == [
        ("status", "accepted", (), 2, "front"),
        ("deciders", "Ann, Bob", ("Ann", "Bob"), 3, "front"),
        ("status", "Superseded by ADR-13", (), 8, "bullet"),
        ("deciders", "", ("Carol", "Dan"), 9, "bullet"),
        ("date", "2024-03-01", (), 13, "line"),
    ]
    status = next(m for m in doc.metadata if m.origin == "bullet")
    assert status.links[0].href == "0013-other.md"


def test_two_column_table_metadata_and_no_h1() -> None:
    doc = parse_markdown(
        "| Status | Approved |\n|---|---|\n| Decided by | Board |\n\n## Background\ntext\n"
    )
    assert doc.title_section is not None and doc.title_section.title == "Background"
    assert [(m.key, m.value, m.line) for m in doc.metadata] == [
        ("Status", "Approved", 1),
        ("Decided by", "Board", 3),
    ]
    assert doc.meta("decided by") is not None


def test_generic_table_header_is_not_a_pair() -> None:
    doc = parse_markdown("# T\n\n| Field | Value |\n|---|---|\n| Sponsor | Jo |\n")
    assert [(m.key, m.value) for m in doc.metadata] == [("Sponsor", "Jo")]


def test_bad_front_matter_names_its_line() -> None:
    with pytest.raises(DocumentError) as info:
        parse_markdown("---\nstatus: [unclosed\n---\n# T\n")
    assert info.value.line is not None and info.value.line >= 2


def test_inline_label_marks_and_links() -> None:
    doc = parse_markdown("**Option 2:** Rent it, _Chosen_, see [x](y.md)\n")
    para = doc.root.paragraphs()[0]
    assert para.label == "Option 2"
    assert para.rest.startswith("Rent it")
    assert "Chosen" in para.marks and para.links[0].href == "y.md"


def _word() -> bytes:
    word = docx.Document()
    word.add_paragraph("Outline business case", style="Title")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Status", "Approved"
    table.cell(1, 0).text, table.cell(1, 1).text = "Sponsor", "Jo"
    word.add_heading("Options", level=1)
    word.add_heading("Option A: do nothing", level=2)
    para = word.add_paragraph()
    para.add_run("Pros:").bold = True
    para.add_run(" cheap")
    word.add_paragraph("first", style="List Bullet")
    word.add_paragraph("nested", style="List Bullet 2")
    word.add_paragraph("second", style="List Number")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_docx_maps_to_the_same_model() -> None:
    doc = parse_docx(_word())
    assert doc.kind == "docx"
    assert [(s.level, s.title, s.line) for s in doc.sections()] == [
        (1, "Outline business case", 1),
        (2, "Options", 4),
        (3, "Option A: do nothing", 5),
    ]
    assert [(m.key, m.value, m.line, m.origin) for m in doc.metadata] == [
        ("Status", "Approved", 2, "table"),
        ("Sponsor", "Jo", 3, "table"),
    ]
    option = doc.named("option a do nothing")[0]
    para = option.paragraphs()[0]
    assert (para.label, para.rest, para.line) == ("Pros", "cheap", 6)
    items = option.items()
    assert [(i.text, i.line, [c.text for c in i.children]) for i in items] == [
        ("first", 7, ["nested"]),
        ("second", 9, []),
    ]
    assert items[1].ordered
    assert read_document("x.docx", _word()).sections()[0].title == "Outline business case"


def test_docx_without_heading_styles_uses_bold_paragraphs() -> None:
    word = docx.Document()
    word.add_paragraph().add_run("Board paper").bold = True
    word.add_paragraph("Some text.")
    word.add_paragraph().add_run("Recommendation").bold = True
    word.add_paragraph("Approve option B.")
    out = io.BytesIO()
    word.save(out)
    doc = parse_docx(out.getvalue())
    assert [(s.level, s.title) for s in doc.sections()] == [
        (1, "Board paper"),
        (2, "Recommendation"),
    ]


def test_docx_garbage_is_a_clear_error() -> None:
    with pytest.raises(DocxError):
        parse_docx(b"PK\x03\x04 not really a zip")


# -- properties -------------------------------------------------------------------------------

_MD_PIECES = st.sampled_from(
    [
        "# ", "## ", "### ", "#### ", "* ", "- ", "+ ", "1. ", "  ", "    ", "\n", "\n\n",
        "**", "_", "`", "```", "~~~", "| a | b |\n|---|---|\n", "| ", "---\n", "<!--", "-->",
        "[x](y)", "Status: ", "[ ] ", "[x] ", ">", "===", "\t", ":", "Option 1", "\r\n",
    ]
)  # fmt: skip
_MD_TEXT = st.lists(st.one_of(_MD_PIECES, st.text(max_size=8)), max_size=60).map("".join)


def _check_tree(doc: Document) -> None:
    size = doc.size
    assert size >= 1

    def check(sec: Section, parent_level: int, last: int) -> int:
        assert 1 <= sec.line <= size
        assert sec.line >= last
        for block in sec.blocks:
            assert 1 <= block.line <= size
            if isinstance(block, ListBlock):
                for top in block.items:
                    for item in top.walk():
                        assert isinstance(item, ListItem) and 1 <= item.line <= size
            if isinstance(block, Table):
                assert all(1 <= r.line <= size for r in block.rows)
            if isinstance(block, Paragraph):
                assert block.text == block.text.strip()
        line = sec.line
        for child in sec.children:
            assert child.level > parent_level
            line = check(child, child.level, line)
        return sec.line

    check(doc.root, 0, 1)
    for meta in doc.metadata:
        assert 1 <= meta.line <= size


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MD_TEXT)
def test_markdown_never_crashes_and_tree_is_well_formed(text: str) -> None:
    try:
        doc = parse_markdown(text)
    except DocumentError as exc:
        assert exc.message
        return
    _check_tree(doc)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    with contextlib.suppress(DocumentError):
        _check_tree(parse_markdown(text))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Heading 1", "Heading 2", "Heading 3", "Normal", "List Bullet",
                             "List Bullet 2", "List Number", "Title", "table"]),
            st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
                    max_size=12),
        ),
        max_size=15,
    )
)  # fmt: skip
def test_docx_tree_is_well_formed(parts: list[tuple[str, str]]) -> None:
    word = docx.Document()
    for style, text in parts:
        if style == "table":
            table = word.add_table(rows=2, cols=2)
            table.cell(0, 0).text = text
        else:
            word.add_paragraph(text, style=style)
    out = io.BytesIO()
    word.save(out)
    _check_tree(parse_docx(out.getvalue()))


@pytest.mark.parametrize("number", ["1)", "2.", "(3)"])
def test_a_bullet_written_with_its_number_is_one_item(number: str) -> None:
    doc = parse_markdown(f"# T\n\n* Shared approach\n    * {number} Run it in CI\n    * Other\n")
    (item,) = doc.sections()[0].lists()[0].items
    first = item.children[0]
    if number == "(3)":  # not a list marker in CommonMark: the text keeps it
        assert first.text == "(3) Run it in CI"
    else:
        assert first.text == "Run it in CI" and first.number == int(number[0])
    assert item.children[1].text == "Other"


def test_a_bullet_over_a_nested_list_on_later_lines_keeps_it() -> None:
    doc = parse_markdown("# T\n\n* \n  1. Nested one\n  2. Nested two\n")
    (item,) = doc.sections()[0].lists()[0].items
    assert [c.text for c in item.children] == ["Nested one", "Nested two"]


def test_front_matter_yaml_refuses_but_written_as_plain_lines_is_read() -> None:
    text = (
        "---\nstatus: accepted\ndeciders: @ana @ben\nconsulted:\n  - @cy\n  - @dee\n"
        "date: 2025-07-22\n---\n# Use namespaces\n"
    )
    doc = parse_markdown(text)
    found = {m.name: (m.value, m.line) for m in doc.metadata}
    assert found["deciders"] == ("@ana @ben", 3)
    assert found["status"] == ("accepted", 2)
    assert doc.front is not None and doc.front["consulted"] == ["@cy", "@dee"]


def test_one_line_template_placeholders_in_front_matter_are_plain_values() -> None:
    text = (
        "---\nstatus: {proposed | accepted | superseded by [ADR-0005](0005-example.md)}\n"
        "deciders: {list everyone involved}\n---\n# {short title}\n"
    )
    doc = parse_markdown(text)
    found = {m.name: m.value for m in doc.metadata}
    assert found["deciders"] == "{list everyone involved}"


@pytest.mark.parametrize(
    "front",
    [
        "status: [unclosed",
        "status: ok\n  nested: @x",
        "status: ok\nstatus: @again",
        "status: {a: {b}",
    ],
)
def test_front_matter_that_is_more_than_plain_lines_stays_an_error(front: str) -> None:
    with pytest.raises(DocumentError):
        parse_markdown(f"---\n{front}\n---\n# T\n")


def test_a_heading_that_gives_a_status_is_metadata() -> None:
    doc = parse_markdown("# Render targets\n\n## Status: Proposed\n\n## Context\n\nText.\n")
    found = {m.name: (m.value, m.line, m.origin) for m in doc.metadata}
    assert found["status"] == ("Proposed", 3, "heading")
    plain = parse_markdown("# Render targets\n\n## Context: the platform\n\nText.\n")
    assert not plain.metadata


@pytest.mark.parametrize(
    "heading",
    ["Use a cache {#adr_0035}", "Use a cache {: .note }", "Use a cache {#c .wide}", "Use a cache"],
)
def test_a_headings_attribute_list_is_not_part_of_its_title(heading: str) -> None:
    doc = parse_markdown(f"# {heading}\n\n## Status\n\nAccepted\n")
    assert doc.sections()[0].title == "Use a cache"


def test_braces_that_are_no_attribute_list_stay() -> None:
    doc = parse_markdown("# {short title of solved problem}\n\n# Name {env}-db\n")
    assert [s.title for s in doc.sections()] == ["{short title of solved problem}", "Name {env}-db"]


def test_front_matter_keys_indented_by_a_slip_after_a_list_are_keys_of_their_own() -> None:
    text = (
        '---\ntitle: Scale-down\nauthors:\n- "@ana"\n  reviewers:\n- "@ben"\n- "@cy"\n'
        "  creation-date: 2021-06-24\n  status: implementable\n---\n\n# Scale-down\n"
    )
    doc = parse_markdown(text)
    assert doc.front is not None
    assert doc.front["authors"] == ["@ana"] and doc.front["reviewers"] == ["@ben", "@cy"]
    found = {m.name: (m.value, m.line) for m in doc.metadata}
    assert found["status"] == ("implementable", 9)
