"""A bare ``Chosen option: **X**`` line followed by the reasons in paragraphs: the rest of
the outcome section's own text (consequences left out) is the rationale."""

from __future__ import annotations

from pathlib import Path

from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord

LAYOUTS = Path(__file__).parent / "data" / "adr_layouts"


def load(name: str) -> SourceRecord:
    path = LAYOUTS / name
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord), src
    return src


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
