"""A bare ``Chosen option: **X**`` line followed by the reasons in paragraphs (the rest of
the outcome section is the rationale), and one alternative named in a context sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from adr_layout import LAYOUTS, load
from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord


def test_paragraphs_after_a_bare_chosen_line_are_the_rationale() -> None:
    src = load("chosen-line-reasons-after.md")
    rec = src.record
    assert [o.title for o in rec.options if o.chosen] == ["Database-backed job table"]
    rationale = rec.rationale or ""
    assert rationale.startswith("It needs no new service to run")
    assert "second bill and a network hop" in rationale
    assert "Chosen option" not in rationale
    assert "Page loads" not in rationale and "pruning" not in rationale
    assert src.line_of(("rationale",)) == 17  # the chosen-option line


def test_a_because_on_the_chosen_line_still_wins(tmp_path: Path) -> None:
    text = (LAYOUTS / "chosen-line-reasons-after.md").read_text()
    text = text.replace(
        "Chosen option: **Database-backed job table**",
        "Chosen option: **Database-backed job table**, because it is simplest.",
    )
    path = tmp_path / "0001-queue.md"
    path.write_text(text)
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord)
    assert src.record.rationale == "it is simplest."


def test_one_alternative_sentence_in_the_context_is_one_rejected_option() -> None:
    src = load("context-one-alternative.md")
    opts = src.record.options
    assert opts[0].title == "pin each agent to a named image release"
    assert not opts[0].chosen and opts[0].rejected_reason is not None
    assert [o.chosen for o in opts[1:]] == [True]  # the decision itself, as usual
    uncertain = (src.record.model_extra or {}).get("x_uncertain", [])
    assert "options" in uncertain and "chosen" in uncertain


@pytest.mark.parametrize(
    "sentence",
    [
        "An alternative would be to pin each agent to a named image release.",
        "Another option is to pin each agent to a named image release.",
    ],
)
def test_other_wordings_of_one_alternative(tmp_path: Path, sentence: str) -> None:
    text = (LAYOUTS / "context-one-alternative.md").read_text()
    text = text.replace(
        "The other alternative is to pin each agent to a named image release.", sentence
    )
    path = tmp_path / "0002-pin.md"
    path.write_text(text)
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord)
    assert src.record.options[0].title == "pin each agent to a named image release"
    assert not src.record.options[0].chosen


def test_a_context_without_an_alternative_sentence_gives_no_option(tmp_path: Path) -> None:
    text = (LAYOUTS / "context-one-alternative.md").read_text()
    text = text.replace("The other alternative is to pin each agent to a named image release.", "")
    path = tmp_path / "0003-pin.md"
    path.write_text(text)
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord)
    assert src.record.options == []
