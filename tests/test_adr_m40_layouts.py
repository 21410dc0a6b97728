"""Layouts met in proposal folders: a page that only points at where its proposal is kept,
a choice by number in "in line with option (2)" or "follow solution C", a part of the
document ("4.5 Comparison") among the approaches, section-numbered option headings,
"Advantages & Disadvantages" over signed points, and footnotes after the alternatives.

The documents here are written for the tests.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord

_FRONT = "---\nlayout: sip\nnumber: 2\nstatus: shipped\ntitle: Compiler plug-ins\n---\n\n"


@pytest.mark.parametrize(
    "body",
    [
        "This was an older SID that can be found [here](https://example.org/sid/2)\n",
        "**By: Ana Lima**\n\nThis SIP is an embedded google document. If you have trouble, you"
        " can [visit the document](https://docs.example.org/d/1/edit).\n",
        "The proposal has been moved to [the wiki](https://example.org/wiki/plugins).\n",
    ],
)
def test_a_page_that_only_points_at_its_proposal_is_skipped(body: str) -> None:
    (got,) = load_file("content/002-plugins.md", (_FRONT + body).encode())
    assert not isinstance(got, SourceRecord)
    assert "a pointer to a document kept elsewhere" in str(got)


@pytest.mark.parametrize(
    "body",
    [
        "## Why\n\nPlug-ins need a phase.\n\n## Resolution\n\nThe details can be found in"
        " [the wiki](https://example.org/wiki).\n",
        "Plug-ins run in their own phase, after typing and before erasure, so that they see"
        " typed trees. See [the original](https://example.org/sid/2) for the history.\n",
    ],
)
def test_a_record_with_parts_or_its_own_words_is_read(body: str) -> None:
    (got,) = load_file("content/002-plugins.md", (_FRONT + body).encode())
    assert isinstance(got, SourceRecord)


_MADR = (
    "# Format as an assertion\n\n## Status\n\nproposed\n\n## Considered Options\n\n"
    "### Option 1: format stays an annotation\n\nNothing changes.\n\n"
    "### Option 2: format becomes an assertion\n\nValidators check it.\n\n"
    "## Decision Outcome\n\n{said}\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "The vote chose to make format an assertion by default, in line with option (2).",
        "We propose to follow option 2, pending a last review.",
    ],
)
def test_a_choice_by_number_in_line_with_or_followed(said: str) -> None:
    rec = read_text(_MADR.format(said=said), "adr/2024-11-2-format.md").record
    assert [o.title for o in rec.options if o.chosen] == ["format becomes an assertion"]


def test_numbered_approaches_and_a_comparison_part() -> None:
    text = (
        "# Wallet to wallet\n\n## Status\n\nDraft\n\n## 4 Technical Approaches\n\n"
        "### 4.1 Approach A: Device certificate\n\n#### Advantages\n\n- simple\n\n"
        "### 4.2 Approach B: PID presentation\n\n#### Disadvantages\n\n- heavy\n\n"
        "### 4.3 Comparison\n\nA is simpler, B is standard.\n"
    )
    rec = read_text(text, "topics/j-wallet-to-wallet.md").record
    assert [o.title for o in rec.options] == ["Device certificate", "PID presentation"]


def test_advantages_and_disadvantages_together_are_read_by_their_signs() -> None:
    text = (
        "# Launch front ends\n\n## Status\n\nDraft\n\n## Proposed approaches\n\n"
        "### Forward mapping\n\n#### Advantages & Disadvantages\n\n"
        "- \\+ Easy to write\n- \\- Hard to extend\n- \\- Duplicates the schema\n\n"
        "### Abstract parsing\n\n#### Advantages & Disadvantages\n\n- \\+ One parser\n"
        "- \\- Slower\n"
    )
    rec = read_text(text, "articles/152_launch.md").record
    counts = {o.title: (len(o.pros), len(o.cons)) for o in rec.options}
    assert counts == {"Forward mapping": (1, 2), "Abstract parsing": (1, 1)}


def test_footnotes_after_the_alternatives_are_no_alternative() -> None:
    text = (
        '# Quote escapes\n\n## Status\n\nshipped\n\n## Proposal\n\nAllow `$"`.\n\n'
        "## Alternatives\n\nA backslash as the escape was proposed before[^1].\n\n"
        '[^1]: https://example.org/pr/4308 "Accept escaped quotes"\n'
        '[^2]: https://example.org/issue/6476 "Escapes do not work"\n'
    )
    rec = read_text(text, "content/037-quote-escapes.md").record
    assert not any(o.title.startswith("[^") for o in rec.options)


def test_a_proposal_titled_as_one_over_its_decision_part() -> None:
    text = (
        "# Proposal: Up-to-date patient data\n- Start Date: 2021/08/18\n\n"
        "## Decision, including impact on distributions\n\nWidgets refetch stale data.\n\n"
        "## Reason for decision\n\n- Users complain about stale widgets\n"
        "- Teams force single widgets to self-update as a work-around\n\n"
        "## Alternatives\n\n1. Force single widgets to self-update after a change.\n"
        "2. Build a global data store.\n"
    )
    rec = read_text(text, "text/0028-data-updates.md").record
    assert rec.title == "Up-to-date patient data"
    assert (rec.rationale or "").startswith("Widgets refetch stale data")
    assert "Start Date" not in (rec.rationale or "")
