"""End to end: ``decaudit check`` and ``decaudit facts`` on the business-case samples, as a
new user runs them, and business context without a project type."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.model import Record
from decaudit.engine.packdata import lexicon
from decaudit.engine.types import SourceRecord

BUSINESS = Path(__file__).resolve().parent.parent / "samples" / "business-cases"
TODAY = "2026-01-15"
RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}


def check(runner: CliRunner, path: Path, *extra: str) -> tuple[int, dict]:
    result = runner.invoke(
        cli, ["check", str(path), "--no-log", "--today", TODAY, "-f", "json", *extra]
    )
    return result.exit_code, json.loads(result.output)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def rules(report: dict) -> dict[str, str]:
    return {f["rule_id"]: f["severity"] for f in report["findings"]}


def test_well_made_green_book_case_gets_nothing_above_low(runner: CliRunner) -> None:
    code, report = check(runner, BUSINESS / "wyedale-rural-transport-obc.md", "--fail-on", "medium")
    assert report["errors"] == []
    assert all(RANK[f["severity"]] <= RANK["low"] for f in report["findings"])
    assert code == 0


def test_board_paper_of_incremental_options_and_bare_figures(runner: CliRunner) -> None:
    code, report = check(runner, BUSINESS / "midlands-depot-board-paper.md")
    assert report["errors"] == []
    found = rules(report)
    assert {"INC001", "ALT001"} & found.keys()  # only incremental options
    for rule in ("BEN001", "BEN002", "BEN003", "BEN004", "BEN011"):
        assert rule in found, rule  # no basis, no range, no contingency, no uplift, no downside
    assert "GOV002" not in found and "REC002" not in found  # deciders and choice were read
    assert code == 1  # a high finding fails the default --fail-on high


def test_investment_committee_paper_in_word(runner: CliRunner) -> None:
    code, report = check(runner, BUSINESS / "harbour-coffee-ic-paper.docx")
    assert report["errors"] == []
    found = rules(report)
    assert found["BEN005"] == "high"  # synergies counted in full
    assert found["BEN006"] == "high"  # no integration plan
    assert "INC003" in found  # bought for its customers
    assert {"INC001", "ALT001"} & found.keys()
    synergy = [f for f in report["findings"] if f["rule_id"] == "BEN005"]
    assert [f["line"] for f in synergy] == [19]  # the table row, as a paragraph ordinal
    assert code == 1


def test_the_folder_of_samples_reads_every_business_case(runner: CliRunner) -> None:
    code, report = check(runner, BUSINESS, "--fail-on", "never")
    assert code == 0 and report["errors"] == []
    assert {f["file"].rsplit("/", 1)[-1] for f in report["findings"]} >= {
        "midlands-depot-board-paper.md",
        "harbour-coffee-ic-paper.docx",
    }


def test_facts_show_the_business_context_and_its_reason(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["facts", str(BUSINESS / "midlands-depot-board-paper.md"), "-f", "json", "--today", TODAY],
    )
    assert result.exit_code == 0, result.output
    decision = json.loads(result.output)["decision"]
    assert decision["business_context"] is True
    assert decision["business_context_reason"] == "project type 'standard-building'"
    assert decision["format"] == "business-case"


def _facts(data: dict) -> dict:
    src = SourceRecord(Record.model_validate(data), "x.yaml", "yaml")
    return derive(src, FactContext(today=__import__("datetime").date(2026, 1, 1))).decision


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            {"title": "Enter the Nordic market to grow revenue", "options": [{"title": "A"}]},
            "business language: market, revenue",
        ),
        (
            {"title": "Fleet", "context": "The vans cost £2.4m a year.", "options": []},
            "money figures (£2.4m)",
        ),
        (
            {"title": "Grow the loyalty base", "project_type": "marketing"},
            "project type 'marketing'",
        ),
        ({"title": "Pick a message broker", "context": "Events are lost."}, "none"),
        # One business word outside the title is not enough: "customer data" in a tech ADR.
        ({"title": "Store events", "context": "Customer data must be encrypted."}, "none"),
        # Two forms of one word are one term.
        ({"title": "Cache", "context": "Customers wait; customer pages are slow."}, "none"),
    ],
)
def test_business_context_reasons(data: dict, reason: str) -> None:
    facts = _facts({"id": "X-1", **data})
    assert facts["business_context_reason"] == reason
    assert facts["business_context"] is (reason != "none")


@pytest.mark.parametrize(
    "title",
    [
        "Use Next.js",
        "Enable optimized builds",
        "Upgrade to Postgres 16",
        "Extend the API with GraphQL",
        "Add a Redis cache",
        "Consolidate the microservices into a monolith",
    ],
)
def test_software_choices_are_not_incremental(title: str) -> None:
    assert lexicon().infer_kind(title) is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Keep the current database", "do-nothing"),
        ("Extend the Coventry depot", "incremental"),
        ("Expand into Europe", "adjacent"),
        ("Acquire Brightpath Logistics", "incremental"),
    ],
)
def test_business_options_are_still_inferred(title: str, kind: str) -> None:
    assert lexicon().infer_kind(title) == kind


def test_technical_adr_with_business_words_is_not_judged_on_strategy(
    runner: CliRunner, tmp_path: Path
) -> None:
    adr = tmp_path / "0007-frontend-framework.md"
    adr.write_text(
        textwrap.dedent(
            """\
            # Frontend framework for the customer portal

            ## Status

            Accepted

            ## Context

            Customers complain that the portal is slow; sales want faster pages.

            ## Considered Options

            * Use Next.js
            * Upgrade to React 19 with optimized builds

            ## Decision Outcome

            Chosen option: "Use Next.js", because it renders on the server.
            """
        ),
        encoding="utf-8",
    )
    _code, report = check(runner, adr, "--fail-on", "never")
    assert report["errors"] == []
    assert not {"INC001", "ALT001", "ALT003"} & rules(report).keys()


def test_init_writes_a_business_case_template_that_reads_clean(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["init", str(tmp_path), "--template", "business-case"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "decisions" / "business-case.md"
    assert (tmp_path / ".decaudit.toml").exists() and written.exists()
    code, report = check(runner, written, "--fail-on", "low")
    assert report["errors"] == [] and report["findings"] == []
    assert code == 0
    facts = runner.invoke(cli, ["facts", str(written), "-f", "json", "--today", TODAY])
    decision = json.loads(facts.output)["decision"]
    assert decision["chosen_kind"] == "replace-own-business"
    assert decision["chosen_has_downside"] is True
    # A second run keeps the existing config and refuses to overwrite the template.
    again = runner.invoke(cli, ["init", str(tmp_path), "--template", "business-case"])
    assert again.exit_code == 2 and "business-case.md: already exists" in again.output


def test_untyped_savings_from_combining_two_businesses_are_synergies() -> None:
    src = SourceRecord(
        Record.model_validate(
            {
                "id": "X-2",
                "title": "Buy Northgate",
                "project_type": "acquisition",
                "options": [
                    {
                        "title": "Acquire Northgate Foods",
                        "chosen": True,
                        "business_case": {
                            "benefits": [
                                {
                                    "id": "offices",
                                    "description": "Merging the head offices",
                                    "projected": 3000000,
                                },
                                {
                                    "id": "growth",
                                    "description": "New shelf space",
                                    "projected": 1000000,
                                },
                                {
                                    "id": "typed",
                                    "description": "Combining the depots",
                                    "type": "cost-saving",
                                    "projected": 500000,
                                },
                            ]
                        },
                    }
                ],
            }
        ),
        "x.yaml",
        "yaml",
    )
    facts = derive(src, FactContext(today=__import__("datetime").date(2026, 1, 1)))
    types = [(b.get("type"), b["type_inferred"]) for b in facts.benefits]
    assert types == [("synergy", True), (None, False), ("cost-saving", False)]
    assert facts.benefits[0]["reference_realization"] == 0.3  # the synergy reference class
