"""A record with two sub-decisions, each its own heading with ``Option 1..3`` headings and its
own decision section: two option groups, a choice in each."""

from __future__ import annotations

from pathlib import Path

from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord

LAYOUTS = Path(__file__).parent / "data" / "adr_layouts"


def load(path: Path) -> SourceRecord:
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord), src
    return src


def test_two_sub_decisions_give_two_groups_and_a_choice_in_each() -> None:
    src = load(LAYOUTS / "two-sub-decisions.md")
    extra = src.record.model_extra or {}
    got = [((o.model_extra or {}).get("group"), o.title, o.chosen) for o in src.record.options]
    store, sign_in = "Where reports are kept", "Sign-in"
    assert got == [
        (store, "Object store bucket per team", False),
        (store, "One shared bucket with prefixes", True),
        (store, "Rows in the main database", False),
        (sign_in, "Company single sign-on", True),
        (sign_in, "Per-service passwords", False),
        (sign_in, "Signed links only", False),
    ]
    assert extra["x_chosen_by"] == "reference in each group's decision"
    assert src.line_of(("options", 1, "chosen")) == 29
    assert src.line_of(("options", 3, "chosen")) == 41  # each group's own decision


def test_one_parent_with_option_headings_stays_one_flat_list(tmp_path: Path) -> None:
    text = (LAYOUTS / "two-sub-decisions.md").read_text()
    head, _, _ = text.partition("### Sign-in")
    path = tmp_path / "0001-one.md"
    path.write_text(head)
    src = load(path)
    assert [o.chosen for o in src.record.options] == [False, True, False]
    assert src.record.model_extra["x_chosen_by"] != "reference in each group's decision"
