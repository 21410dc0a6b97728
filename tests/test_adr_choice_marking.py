"""The chosen option is the one named, never more: regressions found by the ADR fuzz test."""

from __future__ import annotations

from adr_layout import chosen_titles as chosen
from adr_layout import read_text as read


def test_a_quoted_choice_never_takes_the_options_list_after_it() -> None:
    # The list after the chosen-option line is the options list itself, not a list of
    # chosen options; "Option A" is not among them, so none is marked.
    src = read(
        '## Considered Options\nChosen option: "Option A", because reasons.\n'
        "* **Option B** - text\n* Good, because x\n"
    )
    assert chosen(src) == []
    assert src.record.chosen_option == "Option A"
    assert [len(o.pros) for o in src.record.options] == [1]  # "Good, because x" is a pro


def test_exactly_the_named_option_is_chosen() -> None:
    src = read(
        "# T\n\n## Considered Options\n\n* Option A\n* **Option B** - text\n\n"
        '## Decision Outcome\n\nChosen option: "Option A", because reasons.\n'
    )
    assert chosen(src) == ["Option A"]


def test_a_chosen_line_before_the_options_list_marks_one() -> None:
    src = read(
        '# T\n\n## Decision Outcome\n\nChosen option: "Option A", because reasons.\n\n'
        "* Option A\n* **Option B** - text\n\n## Considered Options\n\n* Option A\n"
        "* **Option B** - text\n"
    )
    assert len(chosen(src)) <= 1


def test_an_unquoted_set_still_takes_the_list_that_names_listed_options() -> None:
    src = read(
        "# OCR\n\n## Considered Options\n\n* Alpha\n* Beta\n* Gamma\n\n## Decision Outcome\n\n"
        "Chosen option: a prioritized set of engines:\n\n1. Beta\n2. Gamma\n"
    )
    assert chosen(src) == ["Beta", "Gamma"]


def test_an_options_list_item_with_a_good_prefix_stays_an_option_when_first() -> None:
    src = read(
        "# Arguments\n\n## Considered Options\n\n* Neutral, because …\n* OK, because …\n\n"
        '## Decision Outcome\n\nChosen option: "Neutral, because …"\n'
    )
    assert chosen(src) == ["Neutral, because …"]


def test_a_chosen_marker_last_in_a_parenthesis_marks_the_option() -> None:
    from decaudit.engine.records.adr.content import clean_title

    assert clean_title("Typed models (mapping.py, chosen)") == (
        "Typed models (mapping.py)",
        None,
        True,
    )
    assert clean_title("Typed models (mapping.py, chosen by few)")[2] is False
    assert clean_title("Typed models (mapping.py, selected)")[2] is True


_GROUPS = """\
# Datapath plugins

Status: Implementable

## Proposal

Plugins load programs through a gRPC interface.

## Key questions

### Key Question: Plugin registration

#### Option 1: A new flag

Simple to add.

#### Option 2: A `DatapathPlugin` CRD

Discoverable through the API.

#### Preference: `DatapathPlugin`

### Key Question: Scope of a call

#### Option 1: Individual programs

Fine-grained.

#### Option 2: Entire collections

One call per plugin.

#### Preference: Entire collections
"""


def test_a_preference_heading_marks_its_groups_choice() -> None:
    assert chosen(read(_GROUPS)) == ["A DatapathPlugin CRD", "Entire collections"]


def test_a_preference_naming_no_option_marks_none() -> None:
    text = _GROUPS.replace("#### Preference: Entire collections", "#### Preference: undecided")
    assert chosen(read(text)) == ["A DatapathPlugin CRD"]
