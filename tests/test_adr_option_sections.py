"""Options written as sections and lists: options sections under any of their real names
(at any level, even inside the context), lists announced by a sentence that counts the
alternatives, alternatives each turned down with "Rejected:", the parts of a decision that
are not options, and a decision that leaves its choice open. Each layout has several
variants and the ordinary sections and lists that must never be read as options."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest
from adr_layout import chosen_titles as chosen
from adr_layout import read_text, titles
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.records.adr.content import rejection
from decaudit.engine.records.adr.leadin import counted, lead_in
from decaudit.engine.records.adr.sections import is_options
from decaudit.engine.types import SourceRecord
from hypothesis import given
from hypothesis import strategies as st

TODAY = dt.date(2026, 12, 1)


read = partial(read_text, name="0009-x.md")


def rejected(src: SourceRecord) -> list[str]:
    out = []
    for o in src.record.options:
        extra: dict[str, Any] = o.model_extra or {}
        if o.rejected_reason or extra.get("rejected_reason"):
            out.append(o.title)
    return out


def decision_fact(src: SourceRecord) -> dict[str, Any]:
    return dict(derive(src, FactContext(today=TODAY)).decision)


# -- options sections under their real names -------------------------------------------------
NAMES = [
    "Available options",
    "Possible approaches",
    "Approaches",
    "Solutions considered",
    "Candidates",
    "Options we looked at",
    "What we considered",
    "Approaches evaluated",
    "Options on the table",
    "Candidate libraries",
    "Alternatives considered and rejected",
    "Options that were weighed",
    "Alternatives and constraints",
    "Alternate packaging designs",
    "Alternative designs",
    "Options and their trade-offs",
    "Potential paths prospected",
    "Possible ways",
]


@pytest.mark.parametrize("name", NAMES)
def test_options_section_names(name: str) -> None:
    assert is_options(name.lower())


@pytest.mark.parametrize(
    "name",
    ["Approach", "Solution", "Configuration options", "Available configuration options",
     "API options", "Supported options", "Options we support",
     "Configuration options and defaults", "Paths", "Ways of working"],
)  # fmt: skip
def test_not_options_section_names(name: str) -> None:
    assert not is_options(name.lower())


@pytest.mark.parametrize("name", ["Available options", "Approaches evaluated", "Candidates"])
@pytest.mark.parametrize("level", [2, 3])
def test_options_section_in_context_with_subheadings(name: str, level: int) -> None:
    h = "#" * level
    sub = "#" * (level + 1)
    text = f"""# Pick a queue

## Status
Accepted

## Context
We need a queue for background jobs.

{h} {name}

{sub} Hosted broker
**Advantages:**
- No servers to run

**Disadvantages:**
- Monthly fee

{sub} Database table
**Advantages:**
- Nothing new to learn

**Disadvantages:**
- Polling load

## Decision
We use the hosted broker.
"""
    src = read(text)
    assert titles(src) == ["Hosted broker", "Database table"]
    assert chosen(src) == ["Hosted broker"]


def test_option_heading_with_argued_subheadings_is_a_group() -> None:
    text = """# Rendering

## Context

### Possible approaches

#### Write our own server
**Advantages**
- Full control

#### Use a framework

##### Framework A
**Advantages**
- Popular

**Disadvantages**
- External dependency

## Decision
We go with our own server.
"""
    src = read(text)
    assert titles(src) == ["Write our own server", "Framework A"]
    groups = [(o.model_extra or {}).get("group") for o in src.record.options]
    assert groups == [None, "Use a framework"]


def test_one_approach_section_is_no_options() -> None:
    text = """# Cache the catalogue

## Context
Reading the catalogue is slow.

## Approach

### Storage
The cache lives in Redis.

### Expiry
Entries expire after one hour.

## Decision
We cache the catalogue.
"""
    assert titles(read(text)) == []


# -- parts of a decision ---------------------------------------------------------------------
@pytest.mark.parametrize("part", ["Technology choices", "Key design choices", "Database choices"])
def test_parts_of_the_decision_are_not_options(part: str) -> None:
    text = f"""# Typed identifiers

## Context
Strings are passed in the wrong order.

## Decision
Introduce one small record type per identifier.

### {part}

**D1 - records over structs.** Value equality for free.

- **Conditional expression** needs one explicit cast.
- **Comparisons** compile unchanged.

## Alternatives Considered

- **Structs.** Rejected: different nullable semantics.
- **A shared base type.** Rejected: couples the types.
- **Explicit conversions.** Rejected: every call site would change.
"""
    src = read(text)
    assert titles(src)[:3] == ["Structs", "A shared base type", "Explicit conversions"]
    assert rejected(src) == titles(src)[:3]
    assert len(titles(src)) == 4  # the decision itself, chosen, not in the list
    assert chosen(src) == [titles(src)[3]]
    assert "chosen" in (src.record.model_extra or {}).get("x_uncertain", [])


def test_decision_bullets_alone_are_no_options() -> None:
    text = """# Harden the build

## Context
Builds are not reproducible.

## Decision

### Technology choices
- **Pinned base images** for every service.
- **Lock files** checked in.

### Implementation steps
1. Pin the images.
2. Commit the lock files.

## Consequences
- Builds are reproducible.
- Upgrades take a pull request.
"""
    assert titles(read(text)) == []


# -- alternatives turned down one by one ----------------------------------------------------
@pytest.mark.parametrize(
    ("said", "reason"),
    [
        ("Rejected: too slow for us", "too slow for us"),
        ("Rejected because: too slow for us", "too slow for us"),
        ("Considered and rejected. Too slow for us", "Too slow for us"),
        ("Rejected (C-6): too slow for us", "too slow for us"),
        ("Rejected for this release: too slow for us", "too slow for us"),
        ("Reads both tables. Rejected: too slow for us", "too slow for us"),
        ("Not chosen - too slow for us", "too slow for us"),
    ],
)
def test_rejection_said_of_an_option(said: str, reason: str) -> None:
    assert rejection(said) == reason


@pytest.mark.parametrize(
    "said",
    ["Rejected messages go to the dead-letter queue", "It rejects bad input. Fast", "Reliable"],
)
def test_no_rejection(said: str) -> None:
    assert rejection(said) is None


def test_rejected_paragraph_under_each_alternative_heading() -> None:
    text = """# Clean up test resources

## Context
Test runs leave queues behind.

## Decision
Tag every resource and delete tagged ones after each run.

## Alternatives Considered

### 1. Match names by pattern
Look for generated names.

**Rejected because**: patterns are heuristic.

### 2. A scheduled function

Runs every night.

**Rejected.** It needs this much infrastructure:
- a role
- a schedule
"""
    src = read(text)
    assert titles(src)[:2] == ["Match names by pattern", "A scheduled function"]
    assert rejected(src) == titles(src)[:2]
    assert len(chosen(src)) == 1 and chosen(src)[0] not in titles(src)[:2]


# -- lists announced by a sentence that counts the alternatives --------------------------------
@pytest.mark.parametrize(
    "lead",
    [
        "We see two alternatives:",
        "There are two main ways to do this.",
        "We were weighing three technology options for the bottom layer.",
        "We identified three options:",
        "So we have three possible approaches.",
        "In this case, there are three options:",
    ],
)
def test_counted_lead_in_announces_candidates(lead: str) -> None:
    text = f"""# Draw the browser window

## Context
Interaction is slow. {lead}

* Canvas
* Vector graphics
* GPU canvas

The GPU is closest to the metal.

## Decision
Use the GPU canvas.
"""
    src = read(text)
    assert titles(src)[:3] == ["Canvas", "Vector graphics", "GPU canvas"]


@pytest.mark.parametrize(
    "lead",
    [
        "Schedules can be stopped early in two ways:",
        "For this reason, two new configuration options will be added.",
        "There are three requirements:",
        "We will take the following steps.",
    ],
)
def test_lists_that_are_not_candidates(lead: str) -> None:
    text = f"""# Stream scheduling

## Context
Messages can be scheduled. {lead}

- Basic mode
- Advanced mode
- Legacy mode

## Decision
Support scheduling in the server.
"""
    assert titles(read(text)) == []


@pytest.mark.parametrize(
    "lead",
    [
        "Each entry supports two mutually exclusive filtering approaches:",
        "The client offers three retry options:",
        "Some possibilities include:",
        "We will implement the following solutions:",
    ],
)
def test_counts_of_a_feature_announce_no_candidates(lead: str) -> None:
    assert not lead_in(lead)


def test_counted_lead_in_inside_the_decision_lists_parts() -> None:
    text = """# Isolation

## Context
Shared environments are risky.

## Decision
Isolate by default. We achieve this through three approaches (strongest first).

1. **Separate accounts**: for production.
2. **Separate clusters**: for products.
3. **Namespaces**: for related services.
"""
    assert titles(read(text)) == []


_NEUTRAL = st.sampled_from(["main", "broad", "technology", "distinct", "rough", "basic", "real"])
_NOUN = st.sampled_from(["options", "alternatives", "approaches", "candidates", "possibilities"])
_COUNT = st.sampled_from(["two", "three", "four", "several", "a few", "some", "multiple"])
_TEAM = st.sampled_from(["We have", "We see", "There are", "We considered", "So we had"])
_THING = st.sampled_from(["The client supports", "Each stream offers", "The format allows"])


@given(_TEAM, _COUNT, st.lists(_NEUTRAL, max_size=3), _NOUN, st.sampled_from([".", ":"]))
def test_counted_property(team: str, count: str, mods: list[str], noun: str, end: str) -> None:
    """A count of alternatives said by the team announces them, with up to three words
    between the count and the noun, and with a colon or a full stop; the same count said of
    a thing (a feature's modes) never does."""
    words = " ".join([count, *mods, noun])
    assert counted(f"{team} {words}{end}")
    assert lead_in(f"{team} {words}{end}")
    assert not lead_in(f"{team} {words}{end}", counting=False) or end == ":"


@given(_THING, _COUNT, st.lists(_NEUTRAL, max_size=3), _NOUN, st.sampled_from([".", ":"]))
def test_counted_of_a_thing_property(
    thing: str, count: str, mods: list[str], noun: str, end: str
) -> None:
    assert not counted(f"{thing} {' '.join([count, *mods, noun])}{end}")


# -- a decision that leaves the choice open ---------------------------------------------------
OPTIONS = """# Server-side rendering

## Status
Accepted

## Context
Pages are rendered in the browser.

## Options considered

### Build our own server
Full control.

### Use a framework
Quick to start.

## Decision
- Rendering on the server is a goal.
- {said}
"""


@pytest.mark.parametrize(
    "said",
    [
        "It is not yet clear whether to build our own server or to use a framework.",
        "Building prototypes will help us choose between these two options.",
        "Which of the two we adopt is to be decided later.",
        "We will prototype both and decide later.",
        "No decision has been made yet between the two approaches.",
    ],
)
def test_open_choice(said: str) -> None:
    src = read(OPTIONS.format(said=said))
    assert titles(src) == ["Build our own server", "Use a framework"]
    assert chosen(src) == []
    assert decision_fact(src)["decision_open"] is True


@pytest.mark.parametrize(
    "said",
    [
        "We will build our own server. It is not yet clear whether caching is needed.",
        "We will build our own server; the cache size is to be tuned later.",
        "We will build our own server. Whether both regions need it will be decided later.",
        "We will build our own server. It is not yet clear whether to cache or not.",
    ],
)
def test_choice_not_open(said: str) -> None:
    src = read(OPTIONS.format(said=said))
    assert chosen(src) == ["Build our own server"]
    assert decision_fact(src)["decision_open"] is False


def test_chosen_line_wins_over_an_open_remark() -> None:
    text = OPTIONS.format(said="Chosen option: Use a framework. Which one is to be decided later.")
    src = read(text)
    assert chosen(src) == ["Use a framework"]
    assert decision_fact(src)["decision_open"] is False


def test_lead_in_missing_its_colon() -> None:
    text = """# Build machine images

## Context
Images are built by hand.

Some options to tackle image building were considered
* A custom pipeline - built from scripts
* Packer - a common tool across clouds
* Image Builder - a managed service

## Decision
We will build images with Image Builder.
"""
    src = read(text)
    assert titles(src) == ["A custom pipeline", "Packer", "Image Builder"]
    assert chosen(src) == ["Image Builder"]


DECISION_RUN = """# Pick a chart library

## Context
We need charts.

## Decision
{lead}

**1) First library** - well known.

Some text about it.

**2) Second library** - modular.

More text.

## Consequences

**1. Faster delivery**
- fewer lines of code

**2. One more dependency**
- upgrades to follow
"""


@pytest.mark.parametrize(
    "lead",
    ["We settled on the first library, for a number of reasons:", "The plan has two tiers."],
)
def test_numbered_bold_paragraphs_in_a_decision_are_its_parts(lead: str) -> None:
    assert titles(read(DECISION_RUN.format(lead=lead))) == []


def test_numbered_bold_paragraphs_announced_as_candidates() -> None:
    src = read(DECISION_RUN.format(lead="The top two libraries available are:"))
    assert titles(src) == ["First library", "Second library"]


@pytest.mark.parametrize("label", ["**Rejected because:**", "**Rejected** because:", "Rejected:"])
def test_rejected_label_and_its_list_of_reasons(label: str) -> None:
    text = f"""# Delay support

## Context
Requeue with delay is missing.

## Decision
The producer schedules delayed messages.

## Alternatives Considered

### 1. Schedule in the consumer

The consumer uses the scheduler.

{label}
- Duplicates the delay logic
- Breaks the roles

### 2. Scheduler only

Remove the timers.

{label}
- Breaking change
"""
    src = read(text)
    assert titles(src)[:2] == ["Schedule in the consumer", "Scheduler only"]
    assert rejected(src) == titles(src)[:2]
    reasons = [(o.model_extra or {}).get("rejected_reason") or o.rejected_reason
               for o in src.record.options[:2]]  # fmt: skip
    assert reasons == ["Duplicates the delay logic; Breaks the roles", "Breaking change"]


def test_deferred_alternative_is_not_taken() -> None:
    assert rejection("Moves the rule into its own type. Deferred: the runner owns it") == (
        "the runner owns it"
    )


def test_scope_parts_under_an_alternatives_heading_are_no_options() -> None:
    from adr_layout import read_text

    text = (
        "# Components injector\n\nStatus: Proposed\n\n## Background\n\nSidecars are added by "
        "hand.\n\n## Expectations and alternatives\n\n### What is in scope for this proposal?\n\n"
        "Injecting the sidecar.\n\n### What is deliberately _not_ in scope?\n\nUpgrades.\n\n"
        "### What advantages / disadvantages does this proposal have?\n\n- Less toil\n\n"
        "## Design\n\nA webhook adds the container.\n"
    )
    titles = [o.title for o in read_text(text).record.options]
    assert not [t for t in titles if "scope" in t.lower() or "advantages" in t.lower()]


def test_alternatives_beside_a_scope_part_are_still_read() -> None:
    from adr_layout import read_text

    text = (
        "# Components injector\n\nStatus: Proposed\n\n## Background\n\nSidecars are added by "
        "hand.\n\n## Alternatives\n\n### Out of scope\n\nUpgrades.\n\n### A mutating webhook\n\n"
        "Adds the container at admission.\n\n### An operator\n\nPatches deployments later.\n"
    )
    titles = [o.title for o in read_text(text).record.options]
    assert "A mutating webhook" in titles and "An operator" in titles
    assert "Out of scope" not in titles
