"""The record-keeping rules met on real ADR folders: stale proposals (GOV003), a heading
number that is not the file's (COL005) and a title copied from an earlier record (COL006).

Every fixture is written for the test, in the layouts ADR repositories use: Nygard/adr-tools
records with a Date line, front matter, a metadata table, a packed status line.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.collection import member_of, title_key
from decaudit.engine.conventions import FOLDER_PREFIX
from decaudit.engine.filenumbers import name_slug
from decaudit.engine.members import CollectionAccumulator
from decaudit.engine.records.formats import load_markdown
from decaudit.engine.records.titles import title_number
from decaudit.engine.types import Finding, SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

TODAY = dt.date(2026, 6, 30)


def adr(heading: str, status: str = "Accepted", date: str | None = "2024-03-01") -> str:
    dated = f"Date: {date}\n\n" if date else ""
    return (
        f"# {heading}\n\n{dated}## Status\n\n{status}\n\n## Context\n\nThe service needs it."
        "\n\n## Decision\n\nWe will do it.\n\n## Consequences\n\nSome work for the team.\n"
    )


def check(folder: Path, **kw: object) -> tuple[Finding, ...]:
    return run_check(CheckOptions(paths=(str(folder),), today=TODAY, **kw)).findings  # type: ignore[arg-type]


def rules_of(findings: tuple[Finding, ...], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule]


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


# -- GOV003 stale proposal -----------------------------------------------------------------


def test_an_old_proposal_is_flagged_with_its_status_date_and_age(tmp_path: Path) -> None:
    write(
        tmp_path / "adr",
        {
            "0001-use-queues.md": adr("1. Use queues", "In review", "2025-09-01"),
            "0002-use-cache.md": adr("2. Use a cache", "Accepted", "2020-01-01"),
            "0003-split.md": adr("3. Split the service", "Proposed", "2026-05-01"),
        },
    )
    (stale,) = rules_of(check(tmp_path / "adr"), "GOV003")
    assert stale.file.endswith("0001-use-queues.md")
    assert stale.severity == "low"
    assert "'In review'" in stale.message and "2025-09-01" in stale.message
    assert "302 days" in stale.message
    assert stale.line == 7  # the status line, where the fix goes


def test_a_proposal_without_a_stated_date_is_never_stale(tmp_path: Path) -> None:
    folder = tmp_path / "adr"
    write(folder, {"0001-use-queues.md": adr("1. Use queues", "Draft", None)})
    old = dt.datetime(2015, 1, 1).timestamp()
    os.utime(folder / "0001-use-queues.md", (old, old))  # the file's age is not the decision's
    assert not rules_of(check(folder), "GOV003")


def test_the_wait_is_counted_and_quoted_from_the_last_update(tmp_path: Path) -> None:
    text = (
        "---\nstatus: Proposed\ncreated: 2024-01-15\nupdated: 2025-03-01\n---\n\n"
        "# Use queues\n\n## Context\n\nIt.\n"
    )
    write(tmp_path / "adr", {"use-queues.md": text})
    (stale,) = rules_of(check(tmp_path / "adr"), "GOV003")
    assert "unchanged since 2025-03-01" in stale.message
    assert f"{(TODAY - dt.date(2025, 3, 1)).days} days without a decision" in stale.message


def test_dates_in_front_matter_and_metadata_tables_count(tmp_path: Path) -> None:
    front = "---\nstatus: draft\ndate: 2024-01-15\n---\n\n# Use queues\n\n## Context\n\nIt.\n"
    table = (
        "# Use a cache\n\n| Metadata | Value |\n|---|---|\n| Date | 2025-02-03 |\n"
        "| Status | Open |\n\n## Context\n\nIt.\n"
    )
    packed = (
        "# ADR 007: Backups\n\n**Status:** Proposed | **Date:** 2025-07-22\n\n## Context\n\nX.\n"
    )
    write(tmp_path / "adr", {"use-queues.md": front, "use-cache.md": table, "backups.md": packed})
    stale = rules_of(check(tmp_path / "adr"), "GOV003")
    assert sorted(Path(f.file).name for f in stale) == [
        "backups.md",
        "use-cache.md",
        "use-queues.md",
    ]
    by_name = {Path(f.file).name: f.message for f in stale}
    assert "'draft', unchanged since 2024-01-15" in by_name["use-queues.md"]
    assert "'Open', unchanged since 2025-02-03" in by_name["use-cache.md"]


def test_a_status_line_that_goes_on_to_a_later_status_is_not_a_waiting_proposal(
    tmp_path: Path,
) -> None:
    write(
        tmp_path / "adr",
        {
            "0004-shard.md": adr("4. Shard", "Proposed 2024-01-10, accepted 2024-02-01"),
            "0005-more.md": adr("5. Shard more", "Proposed", "2024-01-10"),
        },
    )
    (stale,) = rules_of(check(tmp_path / "adr"), "GOV003")
    assert stale.file.endswith("0005-more.md")


def test_stale_proposals_are_reported_per_record_even_when_most_of_a_folder_is(
    tmp_path: Path,
) -> None:
    # every record of the folder is an old proposal: each is a decision waiting for someone,
    # not a template without a field, so no folder roll-up
    write(
        tmp_path / "adr",
        {f"000{i}-topic-{i}.md": adr(f"{i}. Topic {i}", "Proposed", "2024-01-0" + str(i))
         for i in range(1, 6)},
    )  # fmt: skip
    stale = rules_of(check(tmp_path / "adr", convention_min_records=3), "GOV003")
    assert len(stale) == 5
    assert not any(f.decision_id.startswith(FOLDER_PREFIX) for f in stale)


def test_the_age_is_a_parameter(tmp_path: Path) -> None:
    write(tmp_path / "adr", {"0001-use-queues.md": adr("1. Use queues", "Proposed", "2026-04-01")})
    assert not rules_of(check(tmp_path / "adr"), "GOV003")  # 90 days: under the default 180
    tight = check(tmp_path / "adr", params={"GOV003": {"max_age_days": 60}})
    assert len(rules_of(tight, "GOV003")) == 1


def test_the_age_is_set_in_the_config_file(tmp_path: Path) -> None:
    write(tmp_path / "adr", {"0001-use-queues.md": adr("1. Use queues", "Proposed", "2026-04-01")})
    (tmp_path / "decaudit.toml").write_text("[params.GOV003]\nmax_age_days = 60\n")
    res = CliRunner().invoke(
        cli,
        ["check", str(tmp_path / "adr"), "--config", str(tmp_path / "decaudit.toml"),
         "--today", "2026-06-30", "--no-log", "--select", "GOV003"],
    )  # fmt: skip
    assert "GOV003" in res.output and "90 days without a decision" in res.output


# -- COL005 heading number mismatch --------------------------------------------------------


def test_a_heading_numbered_unlike_its_file_is_flagged(tmp_path: Path) -> None:
    write(
        tmp_path / "adr",
        {
            "0012-use-x.md": adr("12. Use X"),
            "0013-use-y.md": adr("12. Use Y"),
            "adr-014-use-z.md": adr("ADR-0014: Use Z"),
            "0015-use-w.md": adr("ADR 3 - Use W"),
        },
    )
    found = rules_of(check(tmp_path / "adr"), "COL005")
    assert sorted(Path(f.file).name for f in found) == ["0013-use-y.md", "0015-use-w.md"]
    msg = {Path(f.file).name: f.message for f in found}
    assert "numbered 12 in its heading but 13 by its file name" in msg["0013-use-y.md"]
    assert "numbered 3 in its heading but 15" in msg["0015-use-w.md"]


def test_no_mismatch_without_two_clear_decision_numbers(tmp_path: Path) -> None:
    write(
        tmp_path / "adr",
        {
            "2024-03-01-use-x.md": adr("7. Use X"),  # a file named by its date
            "0005-scope.md": adr("3.2 Scope of the platform"),  # a section number
            "0000-adr-template.md": adr("1. Title"),  # the template
            "use-queues.md": adr("4. Use queues"),  # no number in the file name
            "0006-use-y.md": adr("Use Y"),  # no number in the heading
        },
    )
    assert not rules_of(check(tmp_path / "adr"), "COL005")


def _member_fact(path: str, text: str) -> dict[str, object]:
    (src,) = [r for r in load_markdown(path, text) if isinstance(r, SourceRecord)]
    acc = CollectionAccumulator()
    try:
        acc.add(member_of(src, "adr"))
        ((_, facts),) = list(acc.facts())
    finally:
        acc.close()
    return facts[0]


_FILE_FORMS = st.sampled_from(
    ["{n:04d}-{s}.md", "{n:03d}-{s}.md", "{n}-{s}.md", "adr-{n:03d}-{s}.md",
     "ADR-{n:04d}-{s}.md", "{n:04d}_{s}.md"]
)  # fmt: skip
_HEADING_FORMS = st.sampled_from(
    ["{n}. {t}", "{n:04d}. {t}", "ADR-{n:03d}: {t}", "ADR {n} - {t}", "ADR-{n}: {t}",
     "{n}: {t}", "{n}) {t}", "ADR #{n} {t}"]
)  # fmt: skip
_TITLES = st.sampled_from(["Use queues", "Adopt the cloud suite", "Record decisions"])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9999), _FILE_FORMS, _HEADING_FORMS, _TITLES)
def test_a_heading_and_file_that_agree_never_mismatch(
    n: int, file_form: str, heading_form: str, title: str
) -> None:
    path = "/nowhere/adr/" + file_form.format(n=n, s="topic")
    fact = _member_fact(path, adr(heading_form.format(n=n, t=title)))
    assert fact["heading_number"] == n
    assert fact["number_mismatch"] is False


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 9999), st.integers(1, 9999), _FILE_FORMS, _HEADING_FORMS)
def test_a_heading_and_file_that_differ_always_mismatch(
    n: int, m: int, file_form: str, heading_form: str
) -> None:
    path = "/nowhere/adr/" + file_form.format(n=n, s="topic")
    fact = _member_fact(path, adr(heading_form.format(n=m, t="Use queues")))
    assert fact["number_mismatch"] is (n != m)


@given(st.integers(0, 10**6), st.sampled_from(["Use X", "Record decisions", "use  x"]))
def test_title_number_reads_back_the_number_it_was_given(n: int, title: str) -> None:
    assert title_number(f"{n}. {title}") == (n, title)
    assert title_number(f"ADR-{n:04d}: {title}") == (n, title)
    assert title_number(f"Design Doc {n:03d}: {title}") == (n, title)
    assert title_key(f"{n}. {title}") == title_key(title.upper())
    assert title_number(f"CEP {n} - {title}") == (n, title)  # an enhancement proposal's
    assert title_number(f"0{n:04d} {title}") == (n, title)  # zero-padded, with no mark


def test_a_plain_number_before_words_is_part_of_the_title() -> None:
    assert title_number("2023 roadmap") == (None, "2023 roadmap")
    assert title_number("12 factor apps") == (None, "12 factor apps")


def test_dotted_numbers_and_plain_titles_carry_no_number() -> None:
    assert title_number("3.2 Scope") == (None, "3.2 Scope")
    assert title_number("Use queues") == (None, "Use queues")
    assert (
        name_slug("0021-Multi-cluster.md") == name_slug("036-multi_cluster.md") == "multi cluster"
    )
    assert name_slug("ADR-0005") == ""
    # a lettered revision ("001a", "001b") is one topic with its first number
    assert name_slug("adr-001a-config-management.md") == name_slug("adr-001b-config-management.md")
    assert name_slug("adr-001a-config-management.md") == "config management"


# -- COL006 copied title -------------------------------------------------------------------


def test_copies_of_a_title_are_flagged_each_naming_the_first(tmp_path: Path) -> None:
    write(
        tmp_path / "adr",
        {
            "0001-record-architecture-decisions.md": adr("1. Record architecture decisions"),
            "0002-use-paas.md": adr("2. Record architecture decisions"),
            "0003-use-the-api.md": adr("3. Record  Architecture Decisions"),
            "0004-use-queues.md": adr("4. Use queues"),
        },
    )
    found = rules_of(check(tmp_path / "adr"), "COL006")
    assert sorted(Path(f.file).name for f in found) == ["0002-use-paas.md", "0003-use-the-api.md"]
    assert all("0001-record-architecture-decisions.md" in f.message for f in found)
    assert all(f.severity == "low" for f in found)


def test_a_title_five_records_share_is_the_folders_layout_not_a_copy(tmp_path: Path) -> None:
    names = ["bump-sequence", "fee-bump", "asset-offers", "rounding", "throttling"]
    files = {f"cap-000{n}-{name}.md": adr("Preamble") for n, name in enumerate(names, 1)}
    write(tmp_path / "caps", files)
    assert rules_of(check(tmp_path / "caps"), "COL006") == []
    # four records under the same title are three copies of the first, each reported
    del files["cap-0005-throttling.md"]
    write(tmp_path / "four", files)
    found = rules_of(check(tmp_path / "four"), "COL006")
    assert len(found) == 3


def test_a_copy_that_kept_the_first_number_is_one_finding(tmp_path: Path) -> None:
    write(
        tmp_path / "adr",
        {
            "0041-deletion-workflow.md": adr("41. Deletion workflow"),
            "0042-handle-errors.md": adr("41. Deletion workflow"),
        },
    )
    findings = check(tmp_path / "adr")
    (copied,) = rules_of(findings, "COL006")
    assert not rules_of(findings, "COL005")  # folded into the copied title
    assert [r["rule_id"] for r in copied.evidence["related"]] == ["COL005"]
    assert "(also reported by COL005)" in copied.message


def test_titles_shared_on_purpose_are_not_copies(tmp_path: Path) -> None:
    write(
        tmp_path / "adr",
        {
            # the template itself
            "0000-adr-template.md": adr("Use queues"),
            "0001-use-queues.md": adr("1. Use queues"),
            # named alike beyond their numbers: one topic decided again
            "0002-minimum-python.md": adr("2. Minimum Python version"),
            "0020-minimum-python.md": adr("20. Minimum Python version"),
            # one says the other superseded it
            "0003-networking.md": adr(
                "3. Networking outline", "Superseded by [7. Networking](0007-ip-ranges.md)"
            ),
            "0007-ip-ranges.md": adr("7. Networking outline"),
            # one says it amends the other
            "0004-security-groups.md": adr("4. Security groups"),
            "0008-group-names.md": adr("8. Security groups").replace(
                "## Context", "Amends [ADR 4](0004-security-groups.md).\n\n## Context"
            ),
        },
    )
    assert not rules_of(check(tmp_path / "adr"), "COL006")


def test_a_series_named_alike_is_compared_once_by_its_first(tmp_path: Path) -> None:
    write(
        tmp_path / "rfcs",
        {
            "0084-2023-roadmap.md": adr("84. Public roadmap updates"),
            "0086-roadmap-updates.md": adr("86. Public roadmap updates"),
            "0088-roadmap-updates.md": adr("88. Public roadmap updates"),
            "0091-roadmap-updates.md": adr("91. Public roadmap updates"),
        },
    )
    found = rules_of(check(tmp_path / "rfcs"), "COL006")
    assert [Path(f.file).name for f in found] == ["0086-roadmap-updates.md"]


def test_a_record_that_names_the_one_it_replaces_by_file_name_is_no_copy(
    tmp_path: Path,
) -> None:
    write(
        tmp_path / "adr",
        {
            "2025-09-04-library-storage.md": adr("Library storage"),
            "2025-10-08-library-storage-revisited.md": adr(
                "Library storage", "Replaces 2025-09-04-library-storage"
            ),
            "2025-11-01-queue-storage.md": adr("Library storage", "Replaces the old approach"),
        },
    )
    found = rules_of(check(tmp_path / "adr"), "COL006")
    assert [Path(f.file).name for f in found] == ["2025-11-01-queue-storage.md"]


def test_the_same_title_in_two_folders_is_fine(tmp_path: Path) -> None:
    write(tmp_path / "adr" / "a", {"0001-record.md": adr("1. Record decisions")})
    write(tmp_path / "adr" / "b", {"0001-use-x.md": adr("1. Record decisions")})
    assert not rules_of(check(tmp_path / "adr"), "COL006")


def test_the_new_rules_are_listed_and_documented() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["rules", "list"]).output
    for rid in ("GOV003", "COL005", "COL006"):
        assert rid in listed
        shown = runner.invoke(cli, ["rules", "show", rid]).output
        assert "Examples" in shown or "examples" in shown
    assert "max_age_days" in runner.invoke(cli, ["rules", "show", "GOV003"]).output


def test_the_rules_give_the_same_findings_with_workers(tmp_path: Path) -> None:
    write(
        tmp_path / "adr",
        {
            "0001-record-architecture-decisions.md": adr("1. Record architecture decisions"),
            "0002-use-paas.md": adr("1. Record architecture decisions"),
            "0003-use-queues.md": adr("2. Use queues", "Draft", "2025-01-01"),
            "0004-use-cache.md": adr("4. Use a cache"),
        },
    )

    def seen(jobs: int) -> list[tuple[str, str, str]]:
        found = check(tmp_path / "adr", jobs=jobs)
        return sorted(
            (f.rule_id, Path(f.file).name, f.message)
            for f in found
            if f.rule_id in ("GOV003", "COL005", "COL006")
        )

    one = seen(1)
    assert [r for r, _, _ in one] == ["COL005", "COL006", "GOV003"]
    assert seen(2) == one


def test_a_translation_beside_its_document_is_no_copy(tmp_path: Path) -> None:
    write(
        tmp_path / "proposals",
        {
            "20240626-volume-resize.md": adr("Volume resize"),
            "20240626-volume-resize-zh.md": adr("Volume resize"),
            "20240701-volume-limits_ja.md": adr("Volume resize"),
            "20240801-scale-down.md": adr("Scale down"),
        },
    )
    found = rules_of(check(tmp_path / "proposals"), "COL006")
    assert [Path(f.file).name for f in found] == ["20240701-volume-limits_ja.md"]


def test_a_file_named_as_a_template_is_no_record_of_the_folders_roll_up(
    tmp_path: Path,
) -> None:
    files = {f"000{n}-topic-{n}.md": adr(f"{n}. Topic {n}") for n in range(1, 5)}
    write(tmp_path / "adr", {**files, "adr-0000-template.md": adr("Example: use a message queue")})
    rollups = [f for f in check(tmp_path / "adr") if f.decision_id.startswith(FOLDER_PREFIX)]
    assert rollups and all(f.message.startswith("4 of the 4 records") for f in rollups)
