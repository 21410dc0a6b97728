"""More layouts of real records: file names that start with a date, a "superseded by:"
field, a status chosen by a ticked box, parts named after a dash ("## Assessment -
Considered Options"), a folder's README.md beside its index.md, a chosen-option line the
writer ran into the next sentence, a "Governance" line, and pros-and-cons bullets that
name their option."""

from __future__ import annotations

from pathlib import Path

import pytest
from adr_layout import read_text
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.filenumbers import decision_number
from decaudit.engine.records.adr.chosentitle import parse_chosen


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("052023-using-jest.md", None),  # MMDDYY
        ("310523-using-jest.md", None),  # DDMMYY
        ("202005-proposal.md", None),  # YYYYMM
        ("20240515-proposal.md", None),  # YYYYMMDD
        ("000042-queue.md", 42),
        ("0005-queue.md", 5),
        ("123456-queue.md", 123456),
    ],
)
def test_a_date_before_the_name_is_no_decision_number(name: str, number: int | None) -> None:
    assert decision_number(name, "") == number


def test_a_superseded_by_field_naming_a_record_supersedes_it() -> None:
    text = (
        "# Log format\n\n- status: accepted\n- supersedes: -\n"
        "- superseded by: [0010 Log Format](0010-log-format.md)\n\n## Context\n\nLogs.\n\n"
        "## Decision\n\nUse JSON.\n"
    )
    rec = read_text(text, "dev/0006-log-format.md").record
    assert rec.status == "superseded"
    blank = read_text(text.replace("[0010 Log Format](0010-log-format.md)", "-"), "dev/x.md")
    assert blank.record.status == "accepted"


def test_the_ticked_box_of_a_status_list_is_the_status() -> None:
    text = (
        "# Use a uniform template\n\n## Status\n\n- [ ] New\n- [x] Proposed\n- [ ] Accepted\n\n"
        "## Context\n\nRecords differ.\n\n## Decision\n\nUse one template.\n"
    )
    assert read_text(text, "adr/adr-0002-template.md").record.status == "proposed"


def test_parts_named_after_a_dash_are_read_as_their_part() -> None:
    text = (
        "# Name the records\n\n**Status**: Proposed\n\n## Situation - Context and Problem "
        "Statement\n\nNames differ.\n\n## Assessment - Considered Options\n\n* Numbers only\n"
        '* Titles only\n\n## Recommendation - Decision Outcome\n\nChosen option: "Titles only", '
        "because they read well.\n"
    )
    rec = read_text(text, "doc/decisions/naming/index.md").record
    assert [(o.title, o.chosen) for o in rec.options] == [
        ("Numbers only", False),
        ("Titles only", True),
    ]


def test_a_folders_readme_beside_its_index_is_one_page(tmp_path: Path) -> None:
    page = "# Use a linter\n\n## Status\n\nAccepted\n\n## Decision\n\nWe lint.\n"
    for folder, names in (("lint", ("index.md", "README.md")), ("other", ("a.md", "b.md"))):
        (tmp_path / "decisions" / folder).mkdir(parents=True)
        for name in names:
            (tmp_path / "decisions" / folder / name).write_text(page, encoding="utf-8")
    found = run_check(CheckOptions(paths=(str(tmp_path / "decisions"),))).findings
    copies = [Path(f.file).name for f in found if f.rule_id == "COL006"]
    assert copies == ["b.md"]


@pytest.mark.parametrize(
    ("line", "title", "reason"),
    [
        (
            "`Service Workers` We decided on downloading.",
            "Service Workers",
            "We decided on downloading.",
        ),
        ("Service Workers We decided on downloading them", "Service Workers", None),
        ('"Redis", because it is fast', "Redis", "it is fast"),
    ],
)
def test_a_chosen_title_ends_where_the_next_sentence_begins(
    line: str, title: str, reason: str | None
) -> None:
    got = parse_chosen(line)
    assert got[0] == title
    if reason is not None:
        assert got[1] == reason


def test_a_governance_line_names_who_decides() -> None:
    text = (
        "# Use a linter\n\n**Status**: Proposed\n\n**Governance**: Technical Design Authority\n\n"
        "## Decision\n\nWe lint.\n"
    )
    assert read_text(text, "adr/lint.md").record.decision_makers == ["Technical Design Authority"]


def test_pros_and_cons_bullets_that_name_their_option() -> None:
    text = (
        "# Using ESLint\n\n## Considered Options\n\n* `ESLint`\n* `JSLint`\n\n"
        "## Decision Outcome\n\nChosen option: `ESLint`, because it is common.\n\n"
        "## Pros and Cons of the Options\n\nPros:\n\n- `ESLint` runs in CI\n"
        "- `ESLint` has editor extensions\n\nCons:\n\n- Setting up `ESLint` in CI was hard\n"
    )
    opts = read_text(text, "specs/adr/052023-using-eslint.md").record.options
    assert [(o.title, len(o.pros), len(o.cons)) for o in opts] == [
        ("ESLint", 2, 1),
        ("JSLint", 0, 0),
    ]


def test_pros_and_cons_headings_numbered_unlike_the_list_keep_their_title_match() -> None:
    text = (
        "# Replace the workflow\n\n* Status: accepted\n\n## Considered Options\n\n"
        "1. Use existing process (no API)\n1. Create an API\n\n## Decision Outcome\n\n"
        'Chosen option: "Create an API", because it is simpler.\n\n'
        "## Pros and Cons of the Options\n\n### 1. Create a deposit API\n\n"
        "* Good, because one call\n* Bad, because new code\n\n### 2. Do nothing\n\n"
        "* Good, because no work\n* Bad, because slow\n* Bad, because fragile\n"
    )
    opts = read_text(text, "adr/0006-replace.md").record.options
    assert [(o.title, o.pros, o.cons) for o in opts] == [
        ("Use existing process (no API)", ["no work"], ["slow", "fragile"]),
        ("Create an API", ["one call"], ["new code"]),
    ]


def test_plural_keys_written_with_s_in_brackets_and_an_id_only_site_title() -> None:
    text = (
        "---\nlayout: default\ntitle: ADR-0006\n---\n# Create a deposit API\n\n"
        "* Status: accepted\n* Decider(s):\n  * Cathy Aster\n  * Infrastructure Team\n\n"
        "## Context and Problem Statement\n\nDeposits are hard.\n\n"
        "## Decision Outcome\n\nWe create an API.\n"
    )
    rec = read_text(text, "0006-create-a-deposit-api.md").record
    assert rec.decision_makers == ["Cathy Aster", "Infrastructure Team"]
    assert rec.title == "Create a deposit API"


@pytest.mark.parametrize(
    ("target", "counts"),
    [("mdc:README.md", False), ("mailto:a@b.c", False), ("0005-x.md", True), ("./0005-x.md", True)],
)
def test_a_link_with_a_scheme_is_no_link_to_a_decision(target: str, counts: bool) -> None:
    from decaudit.engine.doclinks import is_document_link as _is_document_link

    assert _is_document_link(target) is counts


def test_alternatives_and_points_under_bold_labels() -> None:
    text = (
        "# RFC-010: Unified operator syntax\n\n**Status:** Accepted | **Date:** 2025-09-02\n\n"
        "## Context\n\nOperators differ.\n\n## Decision\n\nAll operators use one syntax.\n\n"
        "## Why\n\n**Benefits:**\n\n- one parser\n- one schema\n\n**Tradeoffs:**\n\n"
        "- more verbose\n\n**Alternatives rejected:**\n\n- **Multiple syntaxes**: parser "
        "complexity\n- **Prefix notation**: not idiomatic JSON\n\n"
        "**Operand types:**\n\n- literals\n"
    )
    opts = read_text(text, "doc/rfcs/RFC-010-operator-syntax.md").record.options
    assert [(o.title, o.chosen, o.rejected_reason is not None) for o in opts] == [
        ("Multiple syntaxes", False, True),
        ("Prefix notation", False, True),
        ("Unified operator syntax", True, False),
    ]
    assert (opts[2].pros, opts[2].cons) == (["one parser", "one schema"], ["more verbose"])


@pytest.mark.parametrize(
    ("label", "read"),
    [("Discarded options:", True), ("Rejected alternatives:", True), ("Other tools:", False)],
)
def test_a_plain_line_saying_alternatives_were_turned_down_labels_the_list(
    label: str, read: bool
) -> None:
    text = (
        "# RFC-011: Optional resources\n\n**Status:** Accepted\n\n## Context\n\nSome "
        "resources are optional.\n\n## Decision\n\nEach resource takes an `enabled` field."
        f"\n\n## Details\n\nIt works in modules too.\n\n{label}\n\n"
        "- an optional-access operator, too hard to add to the language now\n"
    )
    opts = read_text(text, "doc/rfcs/RFC-011-optional.md").record.options
    turned = [o.title for o in opts if not o.chosen]
    assert turned == (["an optional-access operator, too hard to add to the language now"] * read)


@pytest.mark.parametrize(
    ("decision", "chosen"),
    [
        ("We will use Azure AD OAuth2 for authentication.", "Azure AD OAuth2"),
        ("We will use JTE (Java Template Engine) for rendering.", "JTE"),
        ("We will keep things as they are.", "Authentication"),  # no name: the record's title
    ],
)
def test_the_decision_as_its_own_option_is_named_by_what_it_adopts(
    decision: str, chosen: str
) -> None:
    text = (
        "# Authentication\n\n## Status\nAccepted\n\n## Context\nUsers sign in.\n\n"
        f"## Decision\n{decision}\n\n## Alternatives Considered\n"
        "- Google OAuth2: not aligned with company infrastructure\n- Local accounts: costly\n"
    )
    opts = read_text(text, "docs/adr/0005-authentication.md").record.options
    assert [o.title for o in opts if o.chosen] == [chosen]
    assert len(opts) == 3


def test_numbered_parts_of_a_proposal_are_no_options() -> None:
    """ "# 1. Background: ...", "# 2. Diagnosis: ...", "# 4. Proposed Solution: ...": a
    proposal numbers its parts; they are not options, though numbered sibling headings
    that name courses are (the test after this one)."""
    text = (
        "# Community Partner Network\n\nStatus: Proposed\n\nProposed by: Ana\n\n"
        "# 1. Background: What Problem Are We Trying to Solve?\n\nFew partners take part.\n\n"
        "# 2. Diagnosis: Why This Gap Exists\n\nNo one invites them.\n\n"
        "# 3. Proposed Solution: Launch the Partner Network\n\nWe invite them.\n\n"
        "# 4. Implementation: One-Time Grant\n\nA grant of $10,000 pays for it.\n\n"
        "# 5. Summary\n\nA network, for a small grant.\n"
    )
    assert read_text(text, "proposals/2025-04-30-network.md").record.options == []


def test_numbered_sibling_headings_that_name_courses_are_options() -> None:
    text = (
        "# Where to host the docs\n\n## Status\n\nAccepted\n\n"
        "## 1. Host on our own servers\n\nWe run it.\n\n"
        "## 2. Use a hosted docs service\n\nThey run it.\n\n"
        "## Decision\n\nWe use a hosted docs service.\n"
    )
    opts = read_text(text, "adr/0003-docs.md").record.options
    assert [o.title for o in opts] == ["Host on our own servers", "Use a hosted docs service"]


def test_a_record_titled_by_its_choice_chooses_it() -> None:
    """Front matter titles the record "JSON" over options JSON and XML, and no part says
    which was chosen: the title does (uncertain). A title naming no option chooses none."""
    text = (
        "---\ntitle: JSON\nstatus: presented\n---\n\n## Why is there need for such a decision?"
        "\n\nClients need one data format.\n\n## Viable Options\n\n- JSON\n- XML\n\n"
        "## Reasons for the resolution\n\nBoth API styles favour it.\n"
    )
    src = read_text(text, "decisions/data-format.md")
    assert [(o.title, o.chosen) for o in src.record.options] == [("JSON", True), ("XML", False)]
    assert "chosen" in (src.record.model_extra or {}).get("x_uncertain", [])
    other = read_text(text.replace("title: JSON", "title: Data format"), "decisions/f.md")
    assert [o.chosen for o in other.record.options] == [False, False]


def test_what_a_system_has_today_and_future_options_are_no_options() -> None:
    """ "Spin currently supports two trigger types: HTTP and Redis" says what exists; a
    "Future design options" part holds ideas for later: neither lists options weighed now."""
    text = (
        "# Trigger executors\n\nStatus: Proposed\n\n## Background\n\nThe runtime currently "
        "supports two trigger types: HTTP and Redis.\n\n## Proposal\n\nTriggers become "
        "plugins.\n\n## Future design options\n\n### Multi-trigger orchestration\n\nLater.\n\n"
        "### Typed configuration\n\nLater too.\n"
    )
    assert read_text(text, "sips/003-triggers.md").record.options == []


def test_two_options_counted_in_the_context_are_still_read() -> None:
    text = (
        "# Queue\n\nStatus: Accepted\n\n## Context\n\nWe currently have two options: RabbitMQ "
        "and Kafka.\n\n## Decision\n\nWe use Kafka.\n"
    )
    opts = read_text(text, "adr/0004-queue.md").record.options
    assert [(o.title, o.chosen) for o in opts] == [("RabbitMQ", False), ("Kafka", True)]


GROUPED = """\
# Production server

## Production server

* **Status:** Active
* **Deciders:** Ana, Bo

## Options Considered

### Server

* Gunicorn
* Waitress

### Start-up

1. The entry point picks the server
2. The container command is overridden in production

## Decision Outcome - Server

Chosen option: Gunicorn, because it is the usual choice.

## Pros and Cons of the Options

### Server

#### Gunicorn

* Good, because it is widely used

#### Waitress

* Bad, because it has fewer workers
"""


def test_subsections_of_listed_options_are_sub_decisions() -> None:
    """ "### Server" / "* Gunicorn" / "* Waitress": each subsection is a sub-decision whose
    items are the options; "### Server" again under the pros and cons holds their points;
    "## Decision Outcome - Server" over a "Chosen option:" line names the topic, not the
    choice; the metadata under a second heading repeating the title is the record's."""
    src = read_text(GROUPED, "adr/0004-server.md")
    opts = src.record.options
    assert [(o.title, o.group, o.chosen) for o in opts] == [
        ("Gunicorn", "Server", True),
        ("Waitress", "Server", False),
        ("The entry point picks the server", "Start-up", False),
        ("The container command is overridden in production", "Start-up", False),
    ]
    assert (opts[0].pros, opts[1].cons) == (["it is widely used"], ["it has fewer workers"])
    assert src.record.decision_makers == ["Ana", "Bo"]
    assert src.record.status == "accepted"


@pytest.mark.parametrize(
    "lead",
    ["Options discussed:", "Options considered:"],
)
def test_a_lead_in_that_names_the_options_keeps_their_long_titles(lead: str) -> None:
    """Options written as a sentence each, after "Options discussed:" or a count of the
    courses open ("three approaches are possible"): each is an option, titled by its
    sentence."""
    text = (
        "# Fewer emails per submission\n\n## Status\n\nAccepted\n\n## Context\n\n"
        f"{lead}\n\n1. Attach as many files as possible to a single email up to the size limit\n"
        "2. Put a hard cap on the total size of all the files uploaded with one form\n"
        "3. Email a link to the form owner that downloads all the attachments at once\n\n"
        "## Decision\n\nWe email a link.\n"
    )
    opts = read_text(text, "adr/0006-emails.md").record.options
    assert [o.title for o in opts][:3] == [
        "Attach as many files as possible to a single email up to the size limit",
        "Put a hard cap on the total size of all the files uploaded with one form",
        "Email a link to the form owner",  # the name, without the clause that describes it
    ]


def test_courses_said_to_be_possible_are_counted_options() -> None:
    text = (
        "# Engine start\n\n## Status\n\nAccepted\n\n## Context\n\nIn shared mode, three "
        "approaches are possible when it comes to starting the engine:\n\n"
        "1. Start the engine at import\n2. Start it on the first call\n"
        "3. Wait for the user to start it\n\n## Decision\n\nWe start it on the first call.\n"
    )
    opts = read_text(text, "adr/0009-engine.md").record.options
    assert [o.title for o in opts][:3] == [
        "Start the engine at import",
        "Start it on the first call",
        "Wait for the user to start it",
    ]


def test_alternatives_said_to_be_none_take_no_headings_after_them() -> None:
    """ "## Alternatives" / "N/A", then "## Decision rationale" and "## Previous versions":
    the parts after it are no options."""
    text = (
        "# Release cycle\n\nStatus: Accepted\n\n## Detailed description\n\nTwo releases a year."
        "\n\n## Alternatives\n\nN/A\n\n## Decision rationale\n\nAgreed on the list.\n\n"
        "## Previous versions of this proposal\n\nNone.\n"
    )
    assert read_text(text, "apes/APE2.md").record.options == []


def test_key_design_choices_of_the_implementation_are_no_options() -> None:
    text = (
        "# Worker pools\n\n* Status: accepted\n\n## Considered Options\n\n* Sequential\n"
        '* Worker pool\n\n## Decision Outcome\n\nChosen option: "Worker pool", because it is '
        "faster.\n\n## Implementation Details\n\n### Key Design Choices\n\n* Worker count from "
        "the CPU count\n* Buffered channels\n"
    )
    opts = read_text(text, "adr/0003-pools.md").record.options
    assert [(o.title, o.chosen) for o in opts] == [("Sequential", False), ("Worker pool", True)]


def test_because_then_a_list_gives_the_list_as_the_reasons() -> None:
    text = (
        "# Record decisions\n\n* Status: accepted\n\n## Considered Options\n\n* MADR\n"
        '* Nygard\'s template\n\n## Decision Outcome\n\nChosen option: "MADR" because...\n\n'
        "- The format is easy to write\n- Almost all fields are optional\n"
    )
    src = read_text(text, "adr/0001-record.md")
    assert src.record.rationale == "The format is easy to write Almost all fields are optional"


RECAP = """\
# Slack routing

## Context

Alerts go to one channel.

### Options Considered

#### Option 1: Multiple Watcher Instances

One watcher per team.

#### Option 2: ConfigMap-Based Channel Mapping

A map kept by the platform team.

#### Option 3: Label-Based Routing (Chosen)

Teams label their deployments.

## Decision

We route by label.

### Why Not Other Options?

**Option 1** (Watchers): Too much to run.

## Alternatives Rejected

- **ConfigMap Routing**: Not self-service, creates a bottleneck
"""


def test_a_recap_of_rejected_options_gives_their_reasons_not_new_options() -> None:
    """ "**Option 1** (Watchers): ..." under "Why Not Other Options?" and "**ConfigMap
    Routing**: ..." under "Alternatives Rejected" name options already read, by number and
    by name: their reasons, not three more options."""
    opts = read_text(RECAP, "adr/0006-routing.md").record.options
    assert [(o.title, o.chosen) for o in opts] == [
        ("Multiple Watcher Instances", False),
        ("ConfigMap-Based Channel Mapping", False),
        ("Label-Based Routing", True),
    ]
    assert "Too much to run" in (opts[0].rejected_reason or "")
    assert "Not self-service" in (opts[1].rejected_reason or "")


def test_a_choice_said_in_the_passive_names_the_option_before_its_verb() -> None:
    """ "At the time, `flatgeobuf` was selected as the best candidate." over bullets that name
    the others: the option before "was selected" is the choice (uncertain)."""
    text = (
        "# Geometry format\n\n## Considered Options\n\n- GeoJSON\n- Flatgeobuf\n- Geoparquet\n\n"
        "## Decision Outcome\n\nAt the time of implementation, `flatgeobuf` was selected as the "
        "best candidate.\n\n- GeoJSON is not cloud native.\n- Geoparquet support was lacking.\n"
    )
    opts = read_text(text, "decisions/0003-format.md").record.options
    assert [o.chosen for o in opts] == [False, True, False]


@pytest.mark.parametrize(
    ("second", "title"),
    [
        ("This gives direct control, but it is easy to get wrong.", "Manual tagging"),
        ("and pushing the tag by hand.", "Manual tagging and pushing the tag by hand"),
    ],
)
def test_an_items_short_first_line_over_a_sentence_is_the_options_name(
    second: str, title: str
) -> None:
    text = (
        "# 2. Package versioning\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use Changesets."
        f"\n\n## Alternatives considered\n\n1. Manual tagging\n   {second}\n\n"
        "2. Publishing from package.json\n   Every change is published at once.\n"
    )
    rec = read_text(text, "docs/adr/0002-versioning.md").record
    assert [o.title for o in rec.options][:2] == [title, "Publishing from package.json"]
