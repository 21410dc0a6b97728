"""reStructuredText documents (engine/records/document/rst.py): the same document model as
Markdown, so a PEP- or DEP-style proposal is read as a decision record. Every fixture is
written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.records import load_file
from decaudit.engine.records.document.rst import RstError, parse_rst
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

DEP = """\
=====================================
DEP 42: Pluggable e-mail providers
=====================================

:DEP: 42
:Author: Ana Lima
:Status: Accepted
:Created: 2024-03-02

.. contents:: Table of Contents

Abstract
========

Allow several **e-mail providers**, chosen per message.

Specification
=============

A new ``EMAIL_PROVIDERS`` setting maps names to backends.

Rejected ideas
==============

Keep one backend
    Projects that send through two services would keep writing their own wrappers.

A provider argument on every call
    It would change every call site.

Security
========

.. note::

   Credentials stay in settings.

.. code-block:: python

   EMAIL_PROVIDERS = {"default": {}}

+--------+----------+
| Name   | Backend  |
+========+==========+
| main   | smtp     |
+--------+----------+
"""


def read(text: str, name: str = "deps/0042-providers.rst") -> SourceRecord:
    (src,) = load_file(name, text.encode())
    assert isinstance(src, SourceRecord), src
    return src


def test_sections_levels_and_lines() -> None:
    doc = parse_rst(DEP)
    title = doc.title_section
    assert title is not None and title.title == "DEP 42: Pluggable e-mail providers"
    assert title.line == 2 and title.level == 1
    parts = {s.title: s for s in doc.sections()}
    assert parts["Abstract"].level == 2 and parts["Abstract"].line == 12
    assert parts["Abstract"].paragraphs()[0].line == 15
    assert parts["Abstract"].paragraphs()[0].marks == ("e-mail providers",)


def test_a_field_list_is_metadata() -> None:
    doc = parse_rst(DEP)
    assert doc.meta("status") is not None and doc.meta("status").value == "Accepted"
    assert doc.meta("author") is not None and doc.meta("author").line == 6


def test_code_tables_and_admonitions() -> None:
    sec = {s.title: s for s in parse_rst(DEP).sections()}["Security"]
    kinds = [type(b).__name__ for b in sec.blocks]
    assert kinds == ["Paragraph", "Code", "Table"]
    (table,) = sec.tables()
    assert table.header.cells == ("Name", "Backend") and table.rows[0].cells == ("main", "smtp")


def test_a_dep_is_read_as_a_decision_record() -> None:
    rec = read(DEP).record
    assert rec.status == "accepted" and str(rec.date) == "2024-03-02"
    assert rec.proposed_by == ["Ana Lima"]
    titles = [o.title for o in rec.options]
    assert "Keep one backend" in titles and "A provider argument on every call" in titles
    assert [o.title for o in rec.options if o.chosen] == ["DEP 42: Pluggable e-mail providers"]


def test_no_directive_reads_a_file_or_passes_raw_markup(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    text = (
        f"Title\n=====\n\n.. include:: {secret}\n\n.. raw:: html\n\n   <b>RAW</b>\n\n"
        f".. csv-table::\n   :file: {secret}\n\nEnd.\n"
    )
    doc = parse_rst(text)
    said = " ".join(s.text() for s in doc.sections())
    assert "TOP SECRET" not in said and "RAW" not in said and "End." in said


def test_a_folder_of_rst_is_audited_and_its_readme_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "deps"
    folder.mkdir()
    (folder / "0042-providers.rst").write_text(DEP, encoding="utf-8")
    (folder / "0043-queues.rst").write_text(DEP.replace("42", "43"), encoding="utf-8")
    (folder / "README.rst").write_text("DEPs\n====\n\nThe index.\n", encoding="utf-8")
    res = run_check(CheckOptions(paths=(str(folder),), today=dt.date(2026, 6, 30)))
    assert res.record_count == 2
    assert sorted(Path(f).name for f in res.files) == ["0042-providers.rst", "0043-queues.rst"]
    assert not [e for e in res.errors if e.kind != "skipped"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("=-`:*|+#.\n abc1_<>\\[]()")), max_size=300))
def test_any_text_parses_or_raises_a_clear_error(text: str) -> None:
    try:
        doc = parse_rst(text)
    except RstError:
        return
    for sec in doc.sections():
        assert sec.line >= 1


def test_markup_docutils_trips_on_is_an_input_error_naming_the_file() -> None:
    chain = "\n".join(f".. |s{i}| replace:: |s{i + 1}|" for i in range(50))
    (result,) = load_file("deps/broken.rst", f"T\n=\n\n{chain}\n\n|s0|\n".encode())
    assert isinstance(result, InputError)
    assert result.file == "deps/broken.rst" and result.kind == "input"
    assert "not readable as reStructuredText" in result.message
