"""A template's blanks ("{title of option 1}", "[option 1]") make a document a template; braces
glued to a name ("s2i-{application}", "{env}-db") are a naming pattern the record weighs."""

from __future__ import annotations

import pytest
from adr_layout import read_text, titles
from decaudit.engine.records import load_file
from decaudit.engine.types import InputError

_DOC = """# Image names

* Status: accepted

## Context and Problem Statement

Our images need one naming scheme.

## Considered Options

* {a}
* {b}

## Decision Outcome

Chosen option: "{a}", because it is short.
"""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("`s2i-{application}`", "`ps-{application}`"),
        ("{env}-db", "db-{env}"),
        ("app_{name}", "{name}_app"),
    ],
)
def test_braces_in_a_name_are_no_placeholder(a: str, b: str) -> None:
    src = read_text(_DOC.replace("{a}", a).replace("{b}", b))
    assert len(titles(src)) == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [("{title of option 1}", "{title of option 2}"), ("[option 1]", "[option 2]")],
)
def test_a_templates_blanks_make_it_a_template(a: str, b: str) -> None:
    text = _DOC.replace("{a}", a).replace("{b}", b)
    (got,) = load_file("docs/adr/0001-x.md", text.encode(), explicit=False)
    assert isinstance(got, InputError) and "template" in got.message


@pytest.mark.parametrize(
    "title",
    [
        "RFC-NNNN Title",
        "ADR XXXX: Short title",
        "NNNN. Title",
        "ADR: Descriptive Title in Title Case",
        "Short title of solved problem and solution",
        "ADR-000: [Short Title]",
        "0001 - {title}",
        "ADR-%%NUMBER%%: %%TITLE%%",
        "${TITLE}",
    ],
)
def test_a_template_numbers_blank_and_title_make_it_a_template(title: str) -> None:
    text = f"# {title}\n\n## Summary\n\nOne line.\n\n## Proposal\n\nWhat we propose.\n"
    (got,) = load_file("rfcs/RFC-0000/README.md", text.encode(), explicit=False)
    assert isinstance(got, InputError) and "template" in got.message


@pytest.mark.parametrize(
    "title",
    [
        "Handle XXXX error codes",
        "Rename the NNNN prefix",
        "Short titles for pages",
        "Descriptive titles in the navigation",
        "Use <details> for long outputs",
        "Render %-encoded paths",
    ],
)
def test_letters_in_a_real_title_are_no_blank(title: str) -> None:
    text = f"# {title}\n\n## Status\n\nAccepted\n\n## Decision\n\nWe do it.\n"
    (got,) = load_file("docs/adr/0003-x.md", text.encode(), explicit=False)
    assert not isinstance(got, InputError), got
