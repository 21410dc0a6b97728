"""A fixed CheckResult that exercises every part of every output format.

The golden files next to this module are its renderings. To regenerate them after an
intended change of a format, run::

    DECAUDIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_format_golden.py

and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

from pathlib import Path

from decaudit.engine.types import CheckResult, Finding, InputError, Reference, RuleInfo, WaiverRef

GOLDEN = Path(__file__).resolve().parent
# The folder the sample's file names are relative to (SARIF reads line lengths there).
SOURCE_ROOT = GOLDEN / "src"

RULES = (
    RuleInfo(
        id="BEN006",
        name="acquisition-without-integration-plan",
        title="Acquisition without an integration plan",
        family="benefits",
        severity="high",
        rationale="Most acquisitions miss their synergies; integration is where they are won.",
        remediation="Write the integration plan before approving the deal.",
        references=(
            Reference("McKinsey, Where mergers go wrong (2004)", "https://example.org/mergers"),
        ),
        digest="d" * 64,
    ),
    RuleInfo(
        id="BEN002",
        name="point-estimate-only",
        title="Projected benefit without a range",
        family="benefits",
        severity="medium",
        rationale="A single figure hides the uncertainty of a forecast.",
        remediation="Give a low and a high estimate.",
        references=(Reference("HM Treasury, The Green Book (2022)"),),
    ),
    RuleInfo(
        id="ALT001",
        name="no-breakthrough-alternative",
        title="No breakthrough alternative considered",
        family="alternatives",
        severity="critical",
        rationale="Breakthroughs come from asking for the impossible option.",
        remediation="Add and analyse a breakthrough option.",
    ),
    RuleInfo(
        id="INC004",
        name="portfolio-incremental-drift",
        title="Breakthrough choices under the target share of the portfolio",
        family="incremental",
        severity="medium",
        rationale="A 70/20/10 mix keeps a tenth of the bets transformational.",
        remediation="Review the portfolio for decisions that should have gone further.",
    ),
    RuleInfo(
        id="GOV001",
        name="rubber-stamp-approval",
        title="Bottom-up proposal approved without challenge",
        family="governance",
        severity="low",
        rationale="Leaders who only approve proposals get incremental ones.",
        remediation="Ask questions and request alternatives before approving.",
    ),
)

ACQ = "decisions/acquisition.yaml"
ADR = "docs/adr/0003-move-to-cloud.md"

FINDINGS = (
    Finding(
        rule_id="ALT001",
        rule_name="no-breakthrough-alternative",
        severity="critical",
        family="alternatives",
        decision_id="DEC-2026-007",
        file=ACQ,
        line=8,
        path="$.options",
        message="None of the 2 options is a breakthrough or replace-own-business option.",
        evidence={"option_count": 2, "kinds": ["do-nothing", "incremental"]},
    ),
    Finding(
        rule_id="BEN006",
        rule_name="acquisition-without-integration-plan",
        severity="high",
        family="benefits",
        decision_id="DEC-2026-007",
        file=ACQ,
        line=12,
        path="$.options[1]",
        message='Option "Acquire Nordlys Analytics for its customer base" has no integration plan.',
        evidence={"option": "acquire"},
        expired_waiver=WaiverRef(
            source="record", reason="Plan due in Q1", approver="CFO", expires="2026-01-31"
        ),
    ),
    Finding(
        rule_id="BEN002",
        rule_name="point-estimate-only",
        severity="medium",
        family="benefits",
        decision_id="DEC-2026-007",
        file=ACQ,
        line=19,
        path="$.options[1].business_case.benefits[0]",
        message="Benefit synergies: 9000000 | no range, 100% of the figure <assumed>\n"
        "Odd chars: 50% a:b, c & d",
        evidence={"projected": 9000000},
    ),
    Finding(
        rule_id="GOV001",
        rule_name="rubber-stamp-approval",
        severity="low",
        family="governance",
        decision_id="DEC-2026-007",
        file=ACQ,
        line=1,
        path="$",
        message="Bottom-up proposal approved by Board with no question asked.",
    ),
    Finding(
        rule_id="ALT001",
        rule_name="no-breakthrough-alternative",
        severity="critical",
        family="alternatives",
        decision_id="ADR-0003",
        file=ADR,
        line=12,
        path="$.options",
        message="None of the 3 options is a breakthrough or replace-own-business option.",
        waiver=WaiverRef(
            source="log",
            reason="Regulatory deadline; breakthrough options deferred",
            approver="Audit committee",
            expires="2026-12-31",
            waiver_id=4,
        ),
    ),
)

PORTFOLIO = Finding(
    rule_id="INC004",
    rule_name="portfolio-incremental-drift",
    severity="medium",
    family="incremental",
    decision_id="(portfolio)",
    file="",
    line=0,
    path="$",
    message="0% of the 3 decisions chose a breakthrough option; the target is 10%.",
    evidence={"share": 0.0},
)

ERRORS = (
    InputError(file="decisions/broken.yaml", line=3, message="mapping values are not allowed here"),
)


def sample_result() -> CheckResult:
    """The fixed result every golden file renders."""
    return CheckResult(
        findings=(PORTFOLIO, *FINDINGS),
        errors=ERRORS,
        rules=RULES,
        files=(ACQ, "decisions/broken.yaml", "decisions/clean.yaml", ADR),
        record_count=3,
        tool_version="0.1.0",
        started_at="2026-03-05T09:30:00Z",
        run_id=42,
        baseline_fixed=1,
        baseline_matched=2,
        fail_on="high",
        exit_code=2,  # an unreadable file makes the run exit 2
    )


def empty_result() -> CheckResult:
    """A clean run: no finding, no error."""
    return CheckResult(
        findings=(),
        errors=(),
        rules=RULES[:1],
        files=("decisions/clean.yaml",),
        record_count=1,
        tool_version="0.1.0",
        started_at="2026-03-05T09:30:00Z",
        run_id=None,
        fail_on="high",
        exit_code=0,
    )
