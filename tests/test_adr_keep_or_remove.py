"""Two options, one keeping a thing ("Keep first-class versions API") and one changing it;
an outcome that removes, drops or deprecates what the first keeps names neither, but
chooses the second. An outcome that keeps something, or removes something else, chooses
nothing this way.

The documents here are written for the tests.
"""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text
from decaudit.engine.records.adr.content import Opt
from decaudit.engine.records.adr.keepremove import undoes_keeping
from hypothesis import given, settings
from hypothesis import strategies as st

DOC = """\
# DR021 Asset version queries

## Options considered

### Option 1 - {keep}

With this option the core API keeps its version methods.

#### Pros

- Hosts need no change

### Option 2 - Decompose to generic query methods

With this option versions are read with the generic query methods.

#### Pros

- A smaller core API

## Outcome

{outcome}
"""


def chosen(keep: str, outcome: str) -> list[str]:
    return chosen_titles(read_text(DOC.format(keep=keep, outcome=outcome), "dr/DR021-x.md"))


@pytest.mark.parametrize(
    ("keep", "outcome"),
    [
        (
            "Keep first-class version APIs",
            "The project will remove the version APIs from the core API.",
        ),
        ("Retain the version methods", "We deprecate the version methods in the next release."),
        ("Keep the plugin registry", "We will move away from the plugin registry."),
    ],
)
def test_an_outcome_that_undoes_the_keeping_option_chooses_the_other(
    keep: str, outcome: str
) -> None:
    assert chosen(keep, outcome) == ["Decompose to generic query methods"]


@pytest.mark.parametrize(
    "outcome",
    [
        "We will keep the version APIs and remove the legacy path helpers.",  # keeps something
        "The project will remove the legacy path helpers.",  # removes something else
        "More research is needed.",
    ],
)
def test_other_outcomes_do_not(outcome: str) -> None:
    assert "Decompose to generic query methods" not in chosen("Keep version APIs", outcome)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=60))
def test_an_option_that_keeps_nothing_is_never_undone(text: str, title: str) -> None:
    if (
        not title.lower()
        .lstrip()
        .startswith(("keep", "retain", "maintain", "preserv", "stay", "continue", "leav"))
    ):
        assert not undoes_keeping(text, Opt(title, 1))
