"""A decision that names its option in other words: by a term only that option has, even
when the sentence also names what it leaves behind ("replace the cron job with a worker",
"move away from cron and use a hosted scheduler"), and by a word that shares a long stem
with the option's ("scheduler" for "scheduling")."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.content import Opt
from decaudit.engine.records.adr.naming import term_choice

_RECORD = (
    "# 12. Scheduling of nightly exports\n\n## Status\n\nAccepted\n\n## Context\n\n"
    "Exports run from a cron job on one VM.\n\n## Considered options\n\n"
    "### Option 1: Keep the cron job\n\nCheap, but lost on restart.\n\n"
    "### Option 2: Event-driven worker\n\nA worker consumes an event from the queue.\n\n"
    "### Option 3: Managed scheduling service\n\nBuy a hosted scheduler.\n\n## Decision\n\n"
)


def _chosen(decision: str) -> list[str]:
    rec = read_text(_RECORD + decision + "\n", "docs/adr/0012-exports.md").record
    return [o.title for o in rec.options if o.chosen]


@pytest.mark.parametrize(
    ("decision", "chosen"),
    [
        (
            "We will replace the cron job with a worker that reacts to events.",
            ["Event-driven worker"],
        ),
        ("We will move away from cron and use a hosted scheduler.", ["Managed scheduling service"]),
        ("We will stop using the cron job and buy a scheduler.", ["Managed scheduling service"]),
        ("We will keep the cron job for now.", ["Keep the cron job"]),
        ("We will replace the cron job.", []),
    ],
)
def test_the_option_named_in_other_words_is_chosen(decision: str, chosen: list) -> None:
    assert _chosen(decision) == chosen


def test_what_a_decision_leaves_behind_names_no_option() -> None:
    opts = [Opt("Keep the cron job", 1), Opt("Hosted scheduler", 2)]
    assert term_choice("We will replace the cron job with a hosted scheduler.", opts) == (1, 0)
    assert term_choice("We will phase out the cron job.", opts) is None


def test_a_long_shared_stem_names_an_option_but_a_short_one_does_not() -> None:
    opts = [Opt("Managed scheduling", 1), Opt("Own servers", 2)]
    assert term_choice("We will use a scheduler from the cloud.", opts) == (0, 0)
    short = [Opt("Managed jobs", 1), Opt("Own servers", 2)]
    assert term_choice("We will use management tools.", short) is None
