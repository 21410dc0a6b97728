"""Options sections whose heading names what the options are for ("CI platform considered
options", "Alternative options considered for the CD interface", "Database options
considered"), and headings of settings that stay out."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.sections import is_options
from decaudit.engine.records.document import heading_key


@pytest.mark.parametrize(
    "heading",
    [
        "CI Platform Considered Options",
        "Alternative options considered for CD interface",
        "Options considered for the database",
        "Database options considered",
        "Queue candidate solutions",
        "Considered Options",
    ],
)
def test_scoped_options_headings(heading: str) -> None:
    assert is_options(heading_key(heading))


@pytest.mark.parametrize(
    "heading",
    [
        "Configuration options",
        "Client options considered",
        "Supported options",
        "Command line options",
        "How to configure the options",
        "Option 2",
    ],
)
def test_settings_and_single_options_are_not_options_sections(heading: str) -> None:
    assert not is_options(heading_key(heading))


def test_a_scoped_section_gives_the_options() -> None:
    text = (
        "# 2. Continuous integration\n\n* Status: accepted\n\n## Context\n\nWe need CI.\n\n"
        "## Decision Outcome\n\nChosen option: GitHub Actions, because it is close to the code.\n\n"
        "## CI Platform Considered Options\n\n### GitHub Actions\n\n* Good, because hosted\n\n"
        "### Circle CI\n\n* Bad, because another account\n"
    )
    src = read_text(text, "adr.md")
    rec = src.record
    assert [o.title for o in rec.options] == ["GitHub Actions", "Circle CI"]
    assert [o.chosen for o in rec.options] == [True, False]
