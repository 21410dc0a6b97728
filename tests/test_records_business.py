"""Business-case documents in several authors' styles, Markdown and Word, read onto the
record model: metadata, options, the preferred option, benefit and cost tables, scenarios,
assumptions, challenge and review; unreadable figures are located errors."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest
from decaudit.engine.records import load_file
from decaudit.engine.records.document import parse_docx
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_docx import TARGET, build

DATA = Path(__file__).resolve().parent / "data" / "business"


def read(text: str, name: str = "paper.md") -> tuple[list[SourceRecord], list[InputError]]:
    items = load_file(name, textwrap.dedent(text).encode("utf-8"))
    return (
        [i for i in items if isinstance(i, SourceRecord)],
        [i for i in items if isinstance(i, InputError)],
    )


def one(text: str, name: str = "paper.md") -> SourceRecord:
    records, errors = read(text, name)
    assert errors == []
    assert len(records) == 1
    assert records[0].format == "business-case"
    return records[0]


FRONT_MATTER_BULLETS = """\
    ---
    reference: CAP-2026-03
    date: 2026-02-10
    status: For decision
    sponsor: Head of Retail
    decision makers: [Executive committee]
    project type: IT system
    ---

    # Capital request: Store checkout replacement

    ## Options

    - **Do nothing** - keep the 2014 tills until they fail
    - **Replace the tills like for like** - same vendor, new hardware
    - **Self-checkout in every store** - replaces two thirds of the tills

    ## Recommendation

    We recommend Self-checkout in every store.

    ## Benefits

    | Benefit | Low ($k) | Expected ($k) | High ($k) | Source |
    | --- | --- | --- | --- | --- |
    | Fewer till hours | 800 | 1,150 | 1,300 | Pilot in two stores, 2025 |
    | Less shrinkage | (50) | 120 | 200 | |
    | **Total** | | 1,270 | | |

    ## Costs

    | Cost | Amount ($k) | Contingency |
    | --- | --- | --- |
    | Kiosks and installation | 2,400 | 15% |

    ## Scenarios

    - Base: central figures
    - Downside: take-up 40% lower
    """


def test_front_matter_options_list_and_recommendation() -> None:
    src = one(FRONT_MATTER_BULLETS)
    rec = src.record
    assert rec.id == "CAP-2026-03"
    assert rec.title == "Store checkout replacement"
    assert rec.status == "proposed"
    assert rec.project_type == "it-system"
    assert rec.decision_makers == ["Executive committee"]
    assert rec.proposed_by == ["Head of Retail"]
    assert [o.title for o in rec.options] == [
        "Do nothing",
        "Replace the tills like for like",
        "Self-checkout in every store",
    ]
    chosen = [o for o in rec.options if o.chosen]
    assert [o.title for o in chosen] == ["Self-checkout in every store"]
    case = chosen[0].business_case
    assert case is not None
    assert [(b.low, b.projected, b.high) for b in case.benefits] == [
        (800_000, 1_150_000, 1_300_000),
        (-50_000, 120_000, 200_000),
    ]  # the total row is not a benefit
    assert case.benefits[0].basis == "Pilot in two stores, 2025"
    assert case.benefits[1].basis is None
    assert [(c.projected, c.contingency) for c in case.costs] == [(2_400_000, 0.15)]
    assert case.scenarios == ["base", "downside"]
    assert src.line_of(("options", 2, "business_case", "benefits", 1)) == 27
    assert src.line_of(("options", 2, "chosen")) == 18


BOLD_ROW_AND_UNITS = """\
    # Investment paper: Fleet electrification

    | Field | Value |
    | --- | --- |
    | Paper no | IP-77 |
    | Approved by | Investment board |
    | Status | Approved |

    ## Options appraisal

    | Option | Description | NPV (£k) |
    | --- | --- | --- |
    | Keep diesel vans | Status quo | 0 |
    | **Lease electric vans** | 120 vans on five-year leases | 1,840 |
    | Buy electric vans | Capital purchase | 1,210 |

    ## Economic case: benefits

    | Item | Central (£k) | Realised to date (£k) |
    | --- | --- | --- |
    | Fuel savings | 2,100 | 900 |
    """


def test_bold_row_marks_the_preferred_option_as_a_guess() -> None:
    src = one(BOLD_ROW_AND_UNITS)
    rec = src.record
    assert rec.id == "IP-77" and rec.status == "accepted"
    assert rec.decision_makers == ["Investment board"]
    assert [o.chosen for o in rec.options] == [False, True, False]
    assert [o.business_case.npv for o in rec.options if o.business_case] == [
        0,
        1_840_000,
        1_210_000,
    ]
    lease = rec.options[1].business_case
    assert lease is not None
    assert [(b.projected, b.realized) for b in lease.benefits] == [(2_100_000, 900_000)]
    assert "options[1].chosen" in (src.raw or {})["x_uncertain"]


OPTION_HEADINGS = """\
    # Board paper: Customer contact centre

    * **Decided by:** Board; Chief Executive
    * **Proposed by:** Operations director
    * **Date:** 3 March 2026
    * **Status:** Approved

    ## Options

    ### Option 1: Do nothing

    Keep the three contact centres.

    ### Option 2: Merge the three centres into one (preferred)

    * **One-off cost:** £2.1m
    * **Annual saving:** £0.9m
    * **NPV:** £3.4m
    * **Disadvantages:**
      * Redundancies in two towns

    ### Option 3: Let customers serve themselves online and close the centres

    #### Advantages

    - Available at any hour

    #### Disadvantages

    - Older customers lose a channel

    ## Decision

    The Board chose option 2.
    """


def test_option_headings_with_a_marker_and_figures() -> None:
    src = one(OPTION_HEADINGS)
    rec = src.record
    assert rec.decision_makers == ["Board", "Chief Executive"]
    assert str(rec.date) == "2026-03-03"
    assert [o.id for o in rec.options] == ["option-1", "option-2", "option-3"]
    assert [o.title for o in rec.options] == [
        "Do nothing",
        "Merge the three centres into one",
        "Let customers serve themselves online and close the centres",
    ]
    assert [o.chosen for o in rec.options] == [False, True, False]
    merge = rec.options[1]
    assert merge.cons == ["Redundancies in two towns"]
    case = merge.business_case
    assert case is not None and case.npv == 3_400_000
    assert [c.projected for c in case.costs] == [2_100_000]
    assert [(b.projected, b.type) for b in case.benefits] == [(900_000, "cost-saving")]
    third = rec.options[2]
    assert third.pros == ["Available at any hour"]
    assert third.cons == ["Older customers lose a channel"]


def test_a_single_proposal_is_one_chosen_option_marked_uncertain() -> None:
    src = one(
        """\
        # Business case: New bakery oven

        Status: Approved

        ## Costs

        | Cost | £ |
        | --- | --- |
        | Oven | 240,000 |
        """
    )
    assert [o.title for o in src.record.options] == ["New bakery oven"]
    assert src.record.options[0].chosen
    assert "options" in (src.raw or {})["x_uncertain"]


def test_unreadable_figure_is_an_error_naming_file_and_line_and_the_rest_is_read() -> None:
    records, errors = read(
        """\
        # Outline business case: Depot roof

        ## Options

        | Option | Preferred |
        | --- | --- |
        | Patch the roof | |
        | Replace the roof | Yes |

        ## Benefits

        | Benefit | Central (£m) | Basis |
        | --- | --- | --- |
        | Lower heating bills | 1.2.4 | Survey |
        | Fewer leaks | 0.3 | Claims log |
        """,
        "roof.md",
    )
    assert [str(e) for e in errors] == [
        "roof.md:14: column 'Central (£m)': cannot read '1.2.4' as an amount"
    ]
    (rec,) = [r.record for r in records]
    case = rec.options[1].business_case
    assert case is not None
    assert [b.projected for b in case.benefits] == [None, 300_000]


def test_acquisition_cost_savings_are_synergies() -> None:
    rec = one(
        """\
        # Investment committee paper: Buy Northgate Foods

        - Project type: Acquisition

        ## Options

        | Option | Recommended |
        | --- | --- |
        | Acquire Northgate Foods | Yes |
        | Stay independent | No |

        ## Benefits

        | Benefit | Type | Projected (€m) |
        | --- | --- | --- |
        | Closing one of the two head offices | Cost saving | 3.0 |
        | Northgate's customers | Revenue | 12 |
        """
    ).record
    case = rec.options[0].business_case
    assert case is not None
    assert [b.type for b in case.benefits] == ["synergy", "revenue"]


def test_adrs_are_still_adrs() -> None:
    records, errors = read(
        """\
        # Use PostgreSQL

        ## Status

        Accepted

        ## Context

        We need a database.

        ## Decision

        We use PostgreSQL.
        """,
        "0001-use-postgresql.md",
    )
    assert errors == []
    assert [r.format for r in records] == ["nygard"]


# -- Word --------------------------------------------------------------------------------


def _docx(build_body) -> bytes:  # type: ignore[no-untyped-def]
    import docx

    doc = docx.Document()
    build_body(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_word_board_paper_with_option_headings_and_bullets() -> None:
    def body(doc) -> None:  # type: ignore[no-untyped-def]
        doc.add_heading("Board paper: Warehouse robots", 1)
        doc.add_paragraph("Decided by: Operations board")
        doc.add_paragraph("Status: Approved")
        doc.add_heading("Options", 2)
        doc.add_heading("Option A: Do nothing", 3)
        doc.add_paragraph("Keep manual picking.")
        doc.add_heading("Option B: Automate the existing picking lines", 3)
        doc.add_paragraph("Capital cost: £3.2m", "List Bullet")
        doc.add_paragraph("Annual saving: £700k", "List Bullet")
        doc.add_heading("Decision", 2)
        doc.add_paragraph("The board approved Option B.")

    records, errors = read_bytes(_docx(body), "robots.docx")
    assert errors == []
    (src,) = records
    rec = src.record
    assert rec.title == "Warehouse robots"
    assert rec.decision_makers == ["Operations board"]
    assert [o.title for o in rec.options] == ["Do nothing", "Automate the existing picking lines"]
    assert [o.chosen for o in rec.options] == [False, True]
    case = rec.options[1].business_case
    assert case is not None
    assert [c.projected for c in case.costs] == [3_200_000]
    assert [b.projected for b in case.benefits] == [700_000]


def read_bytes(data: bytes, name: str) -> tuple[list[SourceRecord], list[InputError]]:
    items = load_file(name, data)
    return (
        [i for i in items if isinstance(i, SourceRecord)],
        [i for i in items if isinstance(i, InputError)],
    )


def test_a_damaged_word_file_is_a_located_error() -> None:
    records, errors = read_bytes(b"PK\x03\x04 not really a zip", "broken.docx")
    assert records == []
    assert len(errors) == 1 and errors[0].file == "broken.docx"
    assert "not a readable Word document" in errors[0].message


def test_the_committed_docx_sample_is_what_the_script_builds() -> None:
    def texts(data: bytes) -> list[str]:
        doc = parse_docx(data)
        return [s.title + "\n" + s.text(deep=False) for s in doc.sections()]

    assert texts(TARGET.read_bytes()) == texts(build())


# -- the samples -------------------------------------------------------------------------

BUSINESS = Path(__file__).resolve().parent.parent / "samples" / "business-cases"


def sample(name: str) -> SourceRecord:
    (src,) = load_file(str(BUSINESS / name), (BUSINESS / name).read_bytes())
    assert isinstance(src, SourceRecord), src
    return src


def test_green_book_sample() -> None:
    rec = sample("wyedale-rural-transport-obc.md").record
    assert rec.id == "WCC-OBC-2025-07"
    assert rec.decision_makers == ["Cabinet", "Section 151 Officer"]
    assert [o.kind for o in rec.options] == [
        "do-nothing",
        "do-minimum",
        "incremental",
        "replace-own-business",
        "breakthrough",
    ]
    (chosen,) = [o for o in rec.options if o.chosen]
    case = chosen.business_case
    assert case is not None
    assert case.optimism_bias_uplift == pytest.approx(0.41)
    assert case.scenarios == ["base", "downside", "severe-downside"]
    assert len(case.benefits) == 3 and all(b.basis for b in case.benefits)
    assert all(a.challenged for a in case.assumptions)
    assert rec.review is not None and str(rec.review.date) == "2027-03-31"
    assert rec.challenge is not None and len(rec.challenge.questions) == 3


def test_board_paper_sample_keeps_choice_deciders_and_every_figure() -> None:
    rec = sample("midlands-depot-board-paper.md").record
    assert rec.decision_makers == ["Board of directors"]
    assert [o.title for o in rec.options if o.chosen] == ["Extend the Coventry depot"]
    figures = {
        o.id: (
            o.business_case.npv,
            [c.projected for c in o.business_case.costs],
            [b.projected for b in o.business_case.benefits],
        )
        for o in rec.options
        if o.business_case
    }
    assert figures == {
        "option-a": (None, [600_000], []),
        "option-b": (3_900_000, [6_400_000], [1_150_000]),
        "option-c": (2_700_000, [1_200_000, 850_000], [1_300_000]),
        "option-d": (1_100_000, [1_050_000], [700_000]),
    }


def test_investment_committee_sample_in_word() -> None:
    src = sample("harbour-coffee-ic-paper.docx")
    rec = src.record
    assert rec.id == "IC-2025-14" and rec.project_type == "acquisition"
    assert rec.decision_makers == ["Investment Committee"]
    (chosen,) = [o for o in rec.options if o.chosen]
    assert chosen.title == "Acquire Harbour Coffee Roasters"
    assert chosen.business_case is not None
    assert [b.type for b in chosen.business_case.benefits] == ["revenue", "synergy", "revenue"]
    assert src.line_of(("options", 0)) == 12  # the row's paragraph ordinal


# -- any arrangement of business-case parts reads to records or located errors ----------

PARTS = [
    "# Business case: Depot",
    "## Options",
    "### Option A: Do nothing",
    "### Option B: Extend the depot (preferred)",
    "## Benefits",
    "## Costs",
    "## Recommendation",
    "## Scenarios",
    "## Key assumptions",
    "| Option | Preferred |\n| --- | --- |\n| Extend | ✓ |\n| Keep | |",
    "| Benefit | Low (£m) | Central (£m) | High (£m) | Evidence |\n"
    "| --- | --- | --- | --- | --- |\n| Savings | 1 | 2 | 3 | pilot |",
    "| Cost | £k | Contingency |\n| --- | --- | --- |\n| Build | (1,200) | 15% |",
    "| Cost | Amount |\n| --- | --- |\n| Build | 1.2.3 |",
    "| Assumption | Evidence | Challenged |\n| --- | --- | --- |\n| Demand holds | survey | yes |",
    "- **Capital cost:** $6,400k\n- **NPV:** $1m\n- **Payback:** 5 years",
    "- Status: Approved\n- Decided by: Board, CFO\n- Project type: Acquisition",
    "The board approved Option B.",
    "- Base: central\n- Downside: 30% lower",
    "| | |\n| --- | --- |\n| Reference | X-1 |\n| Date | 31/02/2026 |",
    "Optimism bias of 24% applied.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=12))
def test_any_arrangement_reads_to_records_or_located_errors(parts: list[str]) -> None:
    text = "\n\n".join(parts) + "\n"
    for item in load_file("case.md", text.encode("utf-8")):
        assert isinstance(item, SourceRecord | InputError)
        if isinstance(item, InputError):
            assert item.file == "case.md"


def test_a_short_marker_paragraph_under_an_option_heading() -> None:
    rec = one(
        """\
        # Board paper: Payroll

        ## Options

        ### Option A: Keep the in-house team

        Not recommended.

        ### Option B: Outsource payroll to a bureau

        This is the preferred option.

        A bureau runs payroll for a fee per payslip.

        ## Costs

        | Cost | Annual (£k) |
        | --- | --- |
        | Bureau fees | 85 |
        """
    ).record
    assert [o.chosen for o in rec.options] == [False, True]
    assert rec.options[1].description == "A bureau runs payroll for a fee per payslip."
    case = rec.options[1].business_case
    assert case is not None and [c.projected for c in case.costs] == [85_000]


def test_the_one_bold_item_of_an_options_list_is_preferred_as_a_guess() -> None:
    src = one(
        """\
        # Investment proposal: Bakery ovens

        ## Options

        - Keep the two ovens
        - **Replace both ovens with one tunnel oven**
        - Add a third oven

        ## Costs

        | Cost | Amount |
        | --- | --- |
        | Tunnel oven | €1.4m |
        """
    )
    rec = src.record
    assert [o.chosen for o in rec.options] == [False, True, False]
    assert "options[1].chosen" in (src.raw or {})["x_uncertain"]
    case = rec.options[1].business_case
    assert case is not None and [c.projected for c in case.costs] == [1_400_000]


def test_an_option_comparison_table_gives_each_option_its_figures() -> None:
    src = one(
        """\
        # Board paper: Head office

        - Decided by: Board

        ## Options appraisal

        | Measure | Option A: Stay | Option B: Move to a smaller office | Option C: Go remote |
        | --- | --- | --- | --- |
        | Kind | Do nothing | Incremental | Breakthrough |
        | Capital cost (£k) | 0 | 850 | 200 |
        | Annual saving (£k) | - | 400 | 1,100 |
        | NPV (£m) | 0 | 1.9 | 6.2 |
        | Recommended | | | ✓ |
        """
    )
    rec = src.record
    assert [o.title for o in rec.options] == ["Stay", "Move to a smaller office", "Go remote"]
    assert [o.kind for o in rec.options] == ["do-nothing", "incremental", "breakthrough"]
    assert [o.chosen for o in rec.options] == [False, False, True]
    remote = rec.options[2].business_case
    assert remote is not None and remote.npv == 6_200_000
    assert [c.projected for c in remote.costs] == [200_000]
    assert [(b.projected, b.type) for b in remote.benefits] == [(1_100_000, "cost-saving")]
    assert src.line_of(("options", 2, "chosen")) == 13
    assert [c.id for c in remote.costs] == ["capital-cost"]


def test_benefits_and_costs_written_as_list_items() -> None:
    rec = one(
        """\
        # Business case: Close the Leeds warehouse

        Status: Approved

        ## Benefits

        - Savings of £1.2m a year from the lease (based on the 2025 lease costs)
        - $300k of extra revenue from faster delivery

        ## Costs

        - **Redundancy and moving costs:** £450k
        """
    ).record
    (opt,) = rec.options
    case = opt.business_case
    assert case is not None
    assert [(b.projected, b.basis) for b in case.benefits] == [
        (1_200_000, "the 2025 lease costs"),
        (300_000, None),
    ]
    assert [(c.description, c.projected) for c in case.costs] == [
        ("Redundancy and moving costs", 450_000)
    ]


def test_a_madr_adr_with_a_cost_table_stays_an_adr() -> None:
    records, errors = read(
        """\
        # Choose a hosting provider

        ## Considered Options

        * Provider A
        * Provider B

        ## Decision Outcome

        Chosen option: "Provider A", because it is cheaper.

        ## Costs

        | Cost | Annual ($k) |
        | --- | --- |
        | Provider A | 120 |
        """,
        "0009-hosting.md",
    )
    assert errors == []
    assert [r.format for r in records] == ["madr"]


FULL_BUSINESS_CASE = (DATA / "northgate-full-business-case.md").read_text(encoding="utf-8")


def test_full_business_case_with_a_numbered_list_and_a_comparison_table() -> None:
    src = one(FULL_BUSINESS_CASE)
    rec = src.record
    assert rec.id == "FBC-0042"
    assert rec.title == "Northgate Hospital Car Park"
    assert rec.status == "accepted" and rec.decision_makers == ["Trust Board"]
    assert [o.title for o in rec.options] == [
        "Do nothing",
        "Park and ride",
        "Multi-storey car park",
    ]
    assert [o.chosen for o in rec.options] == [False, False, True]
    case = rec.options[2].business_case
    assert case is not None
    assert case.npv == 3_100_000
    assert [c.projected for c in case.costs] == [9_800_000]  # (£'000) in the row label
    assert case.optimism_bias_uplift == pytest.approx(0.24)
    assert case.scenarios == ["downside"]
    assert rec.options[0].business_case is not None
    assert rec.options[0].business_case.npv == -1_200_000  # (1,200) is negative


INVESTMENT_COMMITTEE = (DATA / "solar-investment-committee.md").read_text(encoding="utf-8")


def test_investment_committee_paper_with_numbered_alternatives() -> None:
    src = one(INVESTMENT_COMMITTEE)
    rec = src.record
    assert rec.id == "IC/2026/07"
    assert rec.title == "Solar roofs on the distribution centres"  # from "Project:"
    assert rec.status == "proposed" and "status" in (src.raw or {})["x_uncertain"]
    assert [o.id for o in rec.options] == ["option-1", "option-2", "option-3"]
    assert [o.kind for o in rec.options] == ["do-nothing", None, None]  # "(status quo)"
    assert [o.chosen for o in rec.options] == [False, True, False]
    assert rec.options[0].rejected_reason == "Exposed to price rises"  # its comment
    solar = rec.options[1].business_case
    assert solar is not None
    assert [(c.id, c.projected) for c in solar.costs] == [("capex", 14_200_000)]
    assert [b.projected for b in solar.benefits] == [24_800_000, 1_900_000]  # 10-yr totals
    assert solar.benefits[0].basis == "Utility bills FY25, PV yield study by Arup"
    ppa = rec.options[2].business_case
    assert ppa is not None and [b.description for b in ppa.benefits] == ["Price certainty"]


def test_word_case_with_a_document_control_table_and_a_comparison_table() -> None:
    def body(doc) -> None:  # type: ignore[no-untyped-def]
        doc.add_heading("Business Case: Warehouse Management System", 0)
        control = [
            ("Document reference", "WMS-BC-03"),
            ("Version date", "03/04/2026"),
            ("Sponsor", "Supply Chain Director"),
            ("Approver", "Capital Investment Panel"),
            ("Status", "For approval"),
        ]
        table = doc.add_table(rows=len(control), cols=2)
        for i, (key, value) in enumerate(control):
            table.cell(i, 0).text, table.cell(i, 1).text = key, value
        doc.add_heading("Options", 1)
        doc.add_paragraph("Option 1: Do nothing - keep the 2009 system", "List Number")
        doc.add_paragraph("Option 2: Upgrade the current system", "List Number")
        doc.add_paragraph(
            "Option 3: Cloud WMS with a robotics partner (recommended)", "List Number"
        )
        doc.add_heading("Financial summary", 1)
        rows = [
            ("", "Option 1", "Option 2", "Option 3"),
            ("Capex (£k)", "0", "850", "2,300"),
            ("Annual savings (£k)", "0", "300", "1,050"),
            ("NPV (£k)", "(400)", "600", "3,900"),
        ]
        table = doc.add_table(rows=len(rows), cols=4)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.cell(i, j).text = text

    records, errors = read_bytes(_docx(body), "wms.docx")
    assert errors == []
    (src,) = records
    rec = src.record
    assert (rec.id, rec.title, rec.status) == (
        "WMS-BC-03",
        "Warehouse Management System",
        "proposed",
    )
    assert str(rec.date) == "2026-04-03"
    assert rec.decision_makers == ["Capital Investment Panel"]
    assert rec.proposed_by == ["Supply Chain Director"]
    assert [o.title for o in rec.options] == [
        "Do nothing",
        "Upgrade the current system",
        "Cloud WMS with a robotics partner",
    ]
    assert [o.chosen for o in rec.options] == [False, False, True]
    npvs = [o.business_case.npv for o in rec.options if o.business_case]
    assert npvs == [-400_000, 600_000, 3_900_000]
    assert rec.context is None  # the summary holds only a table


def test_a_range_in_one_cell_gives_low_and_high() -> None:
    rec = one(
        """\
        # Business case: Self-service kiosks

        Status: Approved

        ## Benefits

        | Benefit | Range | Central (£m) | Evidence |
        | --- | --- | --- | --- |
        | Fewer till staff | £1.2m–£1.8m | 1.5 | Pilot |

        | Benefit | Estimate |
        | --- | --- |
        | Shorter queues | $300k to $450k |
        """
    ).record
    case = rec.options[0].business_case
    assert case is not None
    assert [(b.low, b.projected, b.high) for b in case.benefits] == [
        (1_200_000, 1_500_000, 1_800_000),
        (300_000, 375_000, 450_000),
    ]
