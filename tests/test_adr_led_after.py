"""Options announced by a paragraph ("Options to return errors:") and written as the
paragraphs right after it, each led by an emphasised name."""

from __future__ import annotations

from adr_layout import read_text

RECORD = """# 12. Error handling

## Status

Accepted

## Decision

Every layer handles its own errors.

{announce}

*boolean returns*, where true means the thing was done.

*negative integer style returns*, where the integer is unique to the layer.

## Consequences

Callers check returns.
"""


def test_led_paragraphs_after_an_announcement_are_options() -> None:
    src = read_text(RECORD.format(announce="Options to return errors:"), name="0012-errors.md")
    assert [o.title for o in src.record.options] == [
        "boolean returns",
        "negative integer style returns",
    ]
    assert "options" in (src.record.model_extra or {}).get("x_uncertain", [])


def test_without_the_announcement_they_are_prose() -> None:
    src = read_text(RECORD.format(announce="We return errors as follows:"), name="0012-e.md")
    assert "boolean returns" not in [o.title for o in src.record.options]
