"""A record with two sub-decisions, each its own heading with ``Option 1..3`` headings and its
own decision section: two option groups, a choice in each."""

from __future__ import annotations

from pathlib import Path

from adr_layout import read_text
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


DESIGN_PROPOSALS = """\
# Queue service on management clusters

## Design proposals

### 1. Installation

#### 1.a Install as part of the app collection

Every cluster gets it.

#### 1.b Install as a release in the fleet repository

Only management clusters get it.

#### Decision

(1.b) The queue will be installed from the fleet repository.

### 2. Credentials

#### 2.a We store customer credentials

We hold the secrets.

#### 2.b Customers provide the credentials

We hold nothing.

#### Decision

(2.b) Customers will provide the credentials.

## Decision

See each part above.
"""


def test_design_proposals_numbered_and_lettered_with_a_decision_per_part() -> None:
    src = read_text(DESIGN_PROPOSALS, "rfcs/queue-service/README.md")
    opts = src.record.options
    assert [(o.group, o.title, o.chosen) for o in opts] == [
        ("Installation", "Install as part of the app collection", False),
        ("Installation", "Install as a release in the fleet repository", True),
        ("Credentials", "We store customer credentials", False),
        ("Credentials", "Customers provide the credentials", True),
    ]


def test_a_plain_number_in_brackets_opening_a_decision_line_chooses_nothing() -> None:
    text = DESIGN_PROPOSALS.replace("(1.b) The queue", "(2) The queue").replace(
        "(2.b) Customers", "(3) Customers"
    )
    src = read_text(text, "rfcs/queue-service/README.md")
    assert [o.title for o in src.record.options if o.chosen] == []
