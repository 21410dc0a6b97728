"""Findings about folders of records: convention findings and the folder rules (COL001-4;
COL005-6 and GOV003 are in test_folder_hygiene_rules.py).

Every fixture here is written for the test: small Nygard and MADR style ADRs in temporary
folders, laid out the way ADR repositories are.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.conventions import (
    FOLDER_PREFIX,
    ConventionFolder,
    ConventionPolicy,
    folder_of,
    is_collection_id,
)
from decaudit.engine.types import Finding

TODAY = dt.date(2026, 6, 30)


def nygard(number: int, title: str, status: str = "Accepted", extra: str = "") -> str:
    return (
        f"# {number}. {title}\n\nDate: 2024-03-0{number % 9 + 1}\n\n## Status\n\n{status}\n\n"
        f"## Context\n\nThe service needs {title.lower()}.\n\n## Decision\n\n"
        f"We will {title.lower()}.\n\n## Consequences\n\nSome work for the team.\n{extra}"
    )


def write_log(folder: Path, count: int, start: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + count):
        path = folder / f"{i:04d}-decision-{i}.md"
        path.write_text(nygard(i, f"Adopt practice {i}"), encoding="utf-8")
        out.append(path)
    return out


def rules_of(findings: tuple[Finding, ...], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule]


# -- convention findings -------------------------------------------------------------------


def test_a_rule_firing_on_every_record_of_a_folder_is_reported_once(tmp_path: Path) -> None:
    write_log(tmp_path / "adr", 4)
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    gov = rules_of(res.findings, "GOV002")
    assert len(gov) == 1
    (folded,) = gov
    assert folded.decision_id == FOLDER_PREFIX + "adr"
    assert folded.evidence["count"] == 4 and folded.evidence["records"] == 4
    assert "4 of the 4 records in folder 'adr' record no decision makers" in folded.message
    assert len(folded.evidence["decisions"]) == 4
    assert len(rules_of(res.findings, "REC003")) == 1  # no options in a Nygard log


def test_below_the_share_every_record_keeps_its_finding(tmp_path: Path) -> None:
    files = write_log(tmp_path / "adr", 4)
    for path in files[:2]:  # two records name their deciders: 2 of 4 is under 80%
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("## Status", "Deciders: Platform team\n\n## Status"))
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    gov = rules_of(res.findings, "GOV002")
    assert len(gov) == 2
    assert all(not f.decision_id.startswith(FOLDER_PREFIX) for f in gov)


def test_the_share_and_minimum_are_configurable(tmp_path: Path) -> None:
    write_log(tmp_path / "adr", 4)
    path = (str(tmp_path / "adr"),)
    off = run_check(CheckOptions(paths=path, today=TODAY, convention_min_records=0))
    assert len(rules_of(off.findings, "GOV002")) == 4
    high = run_check(CheckOptions(paths=path, today=TODAY, convention_min_records=5))
    assert len(rules_of(high.findings, "GOV002")) == 4
    low = run_check(CheckOptions(paths=path, today=TODAY, convention_min_records=2))
    assert len(rules_of(low.findings, "GOV002")) == 1


def name_deciders(paths: list[Path]) -> None:
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("## Status", "Deciders: Platform team\n\n## Status"))


def test_each_folder_is_judged_on_its_own(tmp_path: Path) -> None:
    write_log(tmp_path / "adr" / "core", 3)
    name_deciders(write_log(tmp_path / "adr" / "security", 3, start=10))
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    ids = sorted(f.decision_id for f in rules_of(res.findings, "GOV002"))
    assert ids == [FOLDER_PREFIX + "adr/core"]


def test_sibling_folders_with_the_same_gap_are_reported_once(tmp_path: Path) -> None:
    write_log(tmp_path / "adr" / "development", 4)
    write_log(tmp_path / "adr" / "operations", 9, start=10)
    write_log(tmp_path / "adr" / "security", 7, start=30)
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    for rule in ("GOV002", "REC003"):
        (one,) = rules_of(res.findings, rule)
        assert one.decision_id == FOLDER_PREFIX + "adr"
        assert one.evidence["records"] == 20 and len(one.evidence["decisions"]) == 20
        assert one.evidence["per_folder"] == {
            "adr/development": {"records": 4, "missing": 4},
            "adr/operations": {"records": 9, "missing": 9},
            "adr/security": {"records": 7, "missing": 7},
        }
        assert "per folder: development 4 of 4, operations 9 of 9, security 7 of 7" in one.message
        assert one.file == str(tmp_path / "adr")


def test_siblings_merge_only_when_every_sibling_shows_the_gap(tmp_path: Path) -> None:
    write_log(tmp_path / "adr" / "a", 3)
    write_log(tmp_path / "adr" / "b", 3, start=10)
    name_deciders(write_log(tmp_path / "adr" / "c", 3, start=20))
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    ids = sorted(f.decision_id for f in rules_of(res.findings, "GOV002"))
    assert ids == [FOLDER_PREFIX + "adr/a", FOLDER_PREFIX + "adr/b"]
    (rec,) = rules_of(res.findings, "REC003")  # no options anywhere: one finding
    assert rec.decision_id == FOLDER_PREFIX + "adr"


def test_nested_siblings_merge_level_by_level(tmp_path: Path) -> None:
    write_log(tmp_path / "repo" / "docs" / "adr" / "web", 3)
    write_log(tmp_path / "repo" / "docs" / "adr" / "api", 3, start=10)
    write_log(tmp_path / "repo" / "services" / "decisions", 4, start=20)
    res = run_check(CheckOptions(paths=(str(tmp_path / "repo"),), today=TODAY))
    (gov,) = rules_of(res.findings, "GOV002")
    assert gov.decision_id == FOLDER_PREFIX + "repo"
    assert gov.evidence["count"] == 10


def test_the_folder_finding_has_a_stable_fingerprint(tmp_path: Path) -> None:
    write_log(tmp_path / "one" / "adr", 3)
    write_log(tmp_path / "two" / "adr", 3)
    a = run_check(CheckOptions(paths=(str(tmp_path / "one" / "adr"),), today=TODAY))
    b = run_check(CheckOptions(paths=(str(tmp_path / "two" / "adr"),), today=TODAY))
    fa = rules_of(a.findings, "GOV002")[0].fingerprint
    assert fa == rules_of(b.findings, "GOV002")[0].fingerprint


def test_config_keys_reach_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_log(tmp_path / "adr", 3)
    (tmp_path / ".decaudit.toml").write_text("convention_min_records = 0\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(cli, ["check", "adr", "--no-log", "-f", "json", "--fail-on", "never"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert sum(f["rule_id"] == "GOV002" for f in data["findings"]) == 3


@pytest.mark.parametrize("value", ["1.5", "0", "lots"])
def test_a_bad_share_is_a_config_error(tmp_path: Path, value: str) -> None:
    write_log(tmp_path / "adr", 1)
    runner = CliRunner()
    out = runner.invoke(
        cli,
        ["check", str(tmp_path / "adr"), "--no-log"],
        env={"DECAUDIT_CONVENTION_SHARE": value},
    )
    assert out.exit_code == 2
    assert "convention" in out.output.lower()


def test_folder_labels_are_relative_to_the_checked_path() -> None:
    assert folder_of("/srv/repo/docs/adr/0001-x.md", ["/srv/repo/docs/adr"]) == "adr"
    assert folder_of("/srv/repo/docs/adr/sec/0001-x.md", ["/srv/repo/docs/adr"]) == "adr/sec"
    assert folder_of("docs/adr/0001-x.md", []) == "docs/adr"
    assert is_collection_id(FOLDER_PREFIX + "adr") and is_collection_id("(portfolio)")
    assert not is_collection_id("ADR-0001")


def test_the_folder_holds_only_convention_rules() -> None:
    folder = ConventionFolder({"GOV002": "decision makers"}, ConventionPolicy())
    other = Finding("ALT006", "x", "low", "alternatives", "D-1", "adr/1.md", 3, "$", "m")
    assert not folder.hold(other)
    stdin = Finding("GOV002", "x", "medium", "governance", "D-1", "-", 1, "$", "m")
    assert not folder.hold(stdin)


# -- folder rules ----------------------------------------------------------------------------


def test_a_superseded_decision_naming_no_replacement(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    (adr / "0003-old-logging.md").write_text(nygard(3, "Log to files", "Superseded"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    (col,) = rules_of(res.findings, "COL001")
    assert col.file.endswith("0003-old-logging.md")
    assert col.line == 7  # the status line


def test_a_replacement_named_by_link_that_exists_is_fine(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    status = "Superseded by [2. Adopt practice 2](0002-decision-2.md)"
    (adr / "0003-old-logging.md").write_text(nygard(3, "Log to files", status))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL001") and not rules_of(res.findings, "COL002")


def test_dated_names_before_a_zero_padded_number_are_numbered(tmp_path: Path) -> None:
    """`2023-04-26_023-local-chain-state.md` is decision 23: a site's link "/adr/23" finds it;
    `capm3-remediation.md` carries no number (the digit belongs to a name)."""
    adr = tmp_path / "adr"
    adr.mkdir()
    (adr / "2023-04-26_023-local-chain-state.md").write_text(nygard(23, "Local chain state"))
    status = "Superseded (as never implemented) by [ADR 23](/adr/23)"
    (adr / "2022-03-28_017-udp.md").write_text(nygard(17, "Use UDP", status))
    (adr / "capm3-remediation.md").write_text(nygard(3, "Remediation"))
    (adr / "capm3-remediation-controller.md").write_text(nygard(4, "Remediation controller"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not {"COL001", "COL002", "COL004"} & {f.rule_id for f in res.findings}


@pytest.mark.parametrize(
    "status",
    [
        "Superseded [2. Adopt practice 2](0002-decision-2.md)",
        "\u231b\ufe0f Superseded [0002](0002-decision-2.md)",
        "Superseded: ADR-0002",
        "Replaced - 0002",
        "Superseded (by 0002)",
        "Superseded (by [ADR 2](0002-decision-2.md))",
        "Superseded \u2013 by ADR-0002",
        "Superseded - See <https://example.org/blob/main/adr/0002-decision-2.md>",
        "Superseded; we adopted practice 2. See [0002-decision-2.md](0002-decision-2.md).",
        "Superseded (as never implemented) by [ADR 2](0002-decision-2.md)",
    ],
)
def test_a_bare_superseded_followed_by_the_replacement_names_it(
    tmp_path: Path, status: str
) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    (adr / "0003-old-logging.md").write_text(nygard(3, "Log to files", status))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL001") and not rules_of(res.findings, "COL002")


@pytest.mark.parametrize(
    "status",
    [
        "Superseded [the new design](https://example.org/design)",
        "Superseded 2024",
        "Superseded 2024-05-01",
    ],
)
def test_a_bare_superseded_followed_by_no_decision_still_names_none(
    tmp_path: Path, status: str
) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    (adr / "0003-old-logging.md").write_text(nygard(3, "Log to files", status))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert len(rules_of(res.findings, "COL001")) == 1


def test_superseded_by_with_the_link_on_the_next_line_names_it(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    status = "Superseded by\n[2. Adopt practice 2](0002-decision-2.md)."
    (adr / "0003-old-logging.md").write_text(nygard(3, "Log to files", status))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL001") and not rules_of(res.findings, "COL002")


def test_a_moved_record_names_its_replacement_in_the_folder_above(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    (adr / "historic").mkdir()
    status = "Superseded by 0002-decision-2.md"
    (adr / "historic" / "0001-old-logging.md").write_text(nygard(1, "Log to files", status))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL001") and not rules_of(res.findings, "COL002")
    gone = "Superseded by 0009-log-as-json.md"
    (adr / "historic" / "0001-old-logging.md").write_text(nygard(1, "Log to files", gone))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert len(rules_of(res.findings, "COL002")) == 1


def test_a_replacement_that_is_not_there(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    status = "Superseded by [9. Log as JSON](0009-log-as-json.md)"
    (adr / "0003-old-logging.md").write_text(nygard(3, "Log to files", status))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    (col,) = rules_of(res.findings, "COL002")
    assert "superseded by '9. Log as JSON'" in col.message


def test_prose_saying_superseded_by_a_library_is_not_a_replacement(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    extra = "\nThe old client is superseded by the new SDK, which we adopt.\n"
    (adr / "0003-client.md").write_text(nygard(3, "Use the new SDK", extra=extra))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not [f for f in res.findings if f.rule_id.startswith("COL")]


def test_links_between_decisions_must_resolve(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    extra = (
        "\nSee [2. Adopt practice 2](0002-decision-2.md), [7. Gone](0007-gone.md), "
        "[the guide](../guides/setup.md) and [the site](https://example.org/x.md).\n"
    )
    text = nygard(3, "Link others", extra=extra)
    (adr / "0003-linked.md").write_text(text)
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    (col,) = rules_of(res.findings, "COL003")
    assert "'0007-gone.md'" in col.message
    assert col.line == text.splitlines().index(extra.strip()) + 1


def test_duplicate_numbers_in_one_folder(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    (adr / "0002-another-second.md").write_text(nygard(2, "Second again"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    (dup,) = rules_of(res.findings, "COL004")  # one number reused is one finding
    assert "number 2" in dup.message
    # on the first record of the number in the walk (file names in order), naming the other
    assert dup.file.endswith("0002-another-second.md") and "0002-decision-2.md" in dup.message


def test_a_number_used_three_times_is_one_finding_naming_the_others(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 3)
    (adr / "0002-second-again.md").write_text(nygard(2, "Second again"))
    (adr / "0002-second-once-more.md").write_text(nygard(2, "Second once more"))
    (adr / "0003-third-again.md").write_text(nygard(3, "Third again"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    dups = rules_of(res.findings, "COL004")
    assert len(dups) == 2  # numbers 2 and 3
    by_number = {("number 2" in f.message): f for f in dups}
    assert "0002-second-again.md" in by_number[True].message
    assert "0002-second-once-more.md" in by_number[True].message
    assert "0003-third-again.md" in by_number[False].message


def test_a_folder_repeating_many_numbers_is_reported_once_with_the_count(
    tmp_path: Path,
) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 12)
    for n in (3, 5, 8, 11):  # four numbers repeated: the folder's own practice
        (adr / f"{n:04d}-also-{n}.md").write_text(nygard(n, f"Also decision {n}"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    (dup,) = rules_of(res.findings, "COL004")
    assert dup.file.endswith("0003-also-3.md")  # the first repeated record of the walk
    assert "4 numbers of the folder are each carried by more than one record (3, 5, 8, 11)" in (
        dup.message
    )
    assert dup.evidence["folder_repeated_numbers"] == 4


def test_the_same_number_in_two_folders_is_fine(tmp_path: Path) -> None:
    write_log(tmp_path / "adr" / "a", 2)
    write_log(tmp_path / "adr" / "b", 2)
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    assert not rules_of(res.findings, "COL004")


def test_folder_rules_with_workers_give_the_same_findings(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 3)
    (adr / "0003-dup.md").write_text(nygard(3, "Dup", "Superseded"))
    one = run_check(CheckOptions(paths=(str(adr),), today=TODAY, jobs=1))
    two = run_check(CheckOptions(paths=(str(adr),), today=TODAY, jobs=2))
    assert [f.fingerprint for f in one.findings] == [f.fingerprint for f in two.findings]


def test_diff_resolves_a_folder_finding_only_when_its_folder_is_audited(tmp_path: Path) -> None:
    import sqlite3

    from decaudit.engine.log.queries import diff_runs

    files = write_log(tmp_path / "adr", 3)
    other = tmp_path / "other"
    write_log(other, 1, start=20)
    db = str(tmp_path / "audit.db")
    run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY, db=db))
    for path in files:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("## Status", "Deciders: Platform team\n\n## Status"))
    run_check(CheckOptions(paths=(str(other),), today=TODAY, db=db))  # run 2: elsewhere
    run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY, db=db))  # run 3
    with sqlite3.connect(db) as conn:
        elsewhere = diff_runs(conn, 1, 2)
        again = diff_runs(conn, 1, 3)
    folder = FOLDER_PREFIX + "adr"
    assert [f.rule_id for f in elsewhere.not_audited if f.decision_id == folder] == [
        "GOV002",
        "REC003",
    ]
    assert [f.rule_id for f in again.resolved if f.decision_id == folder] == ["GOV002"]


def test_annotations_anchor_a_folder_finding_at_its_first_record(tmp_path: Path) -> None:
    from decaudit.engine.report import ReportOptions, get_renderer

    files = write_log(tmp_path / "adr", 3)
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    github = get_renderer("github")(res, ReportOptions())
    assert f"file={files[0]},line=1,title=GOV002" in github
    sarif = json.loads(get_renderer("sarif")(res, ReportOptions()))
    (gov,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "GOV002"]
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in gov["relatedLocations"]]
    assert len(uris) == 3 and all(u.endswith(".md") for u in uris)


def test_a_small_subfolder_is_judged_with_its_parent(tmp_path: Path) -> None:
    write_log(tmp_path / "adr", 4)
    write_log(tmp_path / "adr" / "devops", 1, start=30)
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    (gov,) = rules_of(res.findings, "GOV002")
    assert gov.decision_id == FOLDER_PREFIX + "adr"
    assert gov.evidence["count"] == 5 and gov.evidence["subfolders"] == ["adr/devops"]
    assert "folder 'adr' and its subfolders record" in gov.message
    assert "per folder: adr 4 of 4, devops 1 of 1" in gov.message
    assert gov.file == str(tmp_path / "adr")


def test_a_folder_judged_with_only_its_small_subfolders_says_how_many(tmp_path: Path) -> None:
    """A big subfolder that names its deciders is judged on its own: the parent's finding
    covers only the small ones, and says so, not "and its subfolders"."""
    write_log(tmp_path / "rfc", 3)
    write_log(tmp_path / "rfc" / "2016", 1, start=10)
    name_deciders(write_log(tmp_path / "rfc" / "2020", 4, start=20))
    res = run_check(CheckOptions(paths=(str(tmp_path / "rfc"),), today=TODAY))
    (gov,) = rules_of(res.findings, "GOV002")
    assert gov.decision_id == FOLDER_PREFIX + "rfc"
    assert "folder 'rfc' and 1 of its 2 subfolders record" in gov.message


def test_one_record_per_folder_rolls_up_to_the_checked_folder(tmp_path: Path) -> None:
    for i, name in enumerate(("alpha", "beta", "gamma", "delta")):
        write_log(tmp_path / "examples" / name, 1, start=i + 1)
    res = run_check(CheckOptions(paths=(str(tmp_path / "examples"),), today=TODAY))
    (gov,) = rules_of(res.findings, "GOV002")
    assert gov.decision_id == FOLDER_PREFIX + "examples"
    assert gov.evidence["count"] == 4
    assert gov.file == str(tmp_path / "examples")
    assert "per folder" not in gov.message  # one record each: no breakdown worth giving


def test_a_deprecated_decision_claims_no_replacement(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    (adr / "0003-old.md").write_text(nygard(3, "Log to files", "Deprecated"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL001")


def test_in_favor_of_names_a_replacement(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    extra = "\nRevision: superseded, in favor of ADR-0002.\n"
    (adr / "0003-old.md").write_text(nygard(3, "Log to files", "Superseded", extra=extra))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL001") and not rules_of(res.findings, "COL002")


def test_files_named_one_by_one_never_roll_up(tmp_path: Path) -> None:
    files = write_log(tmp_path / "deep" / "er" / "adr", 3)
    res = run_check(CheckOptions(paths=tuple(str(f) for f in files), today=TODAY))
    gov = rules_of(res.findings, "GOV002")
    assert len(gov) == 1 and gov[0].decision_id.startswith(FOLDER_PREFIX)
    one = run_check(CheckOptions(paths=(str(files[0]),), today=TODAY))
    assert [f.decision_id for f in rules_of(one.findings, "GOV002")] == ["0001-decision-1"]


def test_gitlab_places_a_folder_finding_on_its_first_record(tmp_path: Path) -> None:
    from decaudit.engine.report import ReportOptions, get_renderer

    files = write_log(tmp_path / "adr", 3)
    res = run_check(CheckOptions(paths=(str(tmp_path / "adr"),), today=TODAY))
    issues = json.loads(get_renderer("gitlab")(res, ReportOptions()))
    (gov,) = [i for i in issues if i["check_name"] == "GOV002"]
    assert gov["location"]["path"] == str(files[0]) and gov["location"]["lines"]["begin"] == 1


def test_prose_replacing_a_setting_names_no_replacement(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    extra = (
        "\nThe password has been replaced with a token, see [Secure links](#secure-links).\n"
        "We decided in favor of the message bus.\n"
    )
    (adr / "0003-bus.md").write_text(nygard(3, "Send events on the bus", extra=extra))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not [f for f in res.findings if f.rule_id.startswith("COL")]


def test_a_site_absolute_link_names_a_replacement_in_a_folder_above(tmp_path: Path) -> None:
    adr = tmp_path / "ADRs" / "front-end"
    write_log(adr, 1)
    (adr / "styling-method.md").write_text(nygard(2, "Styling method"))
    (adr / "deprecated").mkdir()
    note = "SUPERSEDED BY [Styling method](/contributing/ADRs/front-end/styling-method)"
    (adr / "deprecated" / "imports.md").write_text(nygard(3, "Style imports", note))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL002")
    gone = "SUPERSEDED BY [Layout method](/contributing/ADRs/front-end/layout-method)"
    (adr / "deprecated" / "imports.md").write_text(nygard(3, "Style imports", gone))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert len(rules_of(res.findings, "COL002")) == 1


def test_a_copied_title_is_the_later_number_whatever_the_name_order(tmp_path: Path) -> None:
    adr = tmp_path / "design"
    adr.mkdir()
    (adr / "908-proposal-process.md").write_text(nygard(908, "Proposal process"))
    (adr / "1443-dynamic-pipelines.md").write_text(nygard(1443, "Proposal process"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    (col,) = rules_of(res.findings, "COL006")
    assert col.file.endswith("1443-dynamic-pipelines.md")
    assert "908-proposal-process.md" in col.message


def test_year_month_prefixes_are_no_decision_numbers(tmp_path: Path) -> None:
    adr = tmp_path / "proposals"
    adr.mkdir()
    (adr / "202005-version-docs.md").write_text(nygard(1, "Version the docs"))
    (adr / "202005-query-api.md").write_text(nygard(2, "Query API"))
    (adr / "0007-a.md").write_text(nygard(7, "Adopt a"))
    (adr / "0007-b.md").write_text(nygard(7, "Adopt b"))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    (col,) = rules_of(res.findings, "COL004")
    assert "0007" in col.file


@pytest.mark.parametrize(
    ("status", "extra"),
    [
        # a template's status line that lists the choices
        ("[proposed | rejected | accepted | deprecated | … | superseded by ADR-0009]", ""),
        # a pull request superseded by another, in the record's implementation notes
        ("Accepted", "\n* Main PR: [#3378](https://example.org/pull/3378), superseded by\n"
         "  [#3555](https://example.org/pull/3555)\n"),
    ],
)  # fmt: skip
def test_superseded_by_that_is_not_about_the_record(
    tmp_path: Path, status: str, extra: str
) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 2)
    (adr / "0003-old-logging.md").write_text(nygard(3, "Log to files", status, extra))
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL002")
    plain = nygard(3, "Log to files", "Superseded by ADR-0009")  # a real claim still counts
    (adr / "0003-old-logging.md").write_text(plain)
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert len(rules_of(res.findings, "COL002")) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Deprecate the rule in favor of 2 new sub-rule types:\n\n- one\n- two",
        "- **Three replicas** - rejected in favor of `2`: a degraded state is noisy.",
    ],
)
def test_in_favour_of_a_bare_number_in_prose_names_no_decision(
    tmp_path: Path, sentence: str
) -> None:
    adr = tmp_path / "adr"
    write_log(adr, 1)  # no decision numbered 2: a bare "2" in prose names none
    (adr / "0003-rules.md").write_text(
        "# Design proposal: restructure the rules\n\nCreated: Jan 30, 2022\n\n## Proposal\n\n"
        f"We split the rule.\n\n## Alternate proposal\n\n{sentence}\n"
    )
    res = run_check(CheckOptions(paths=(str(adr),), today=TODAY))
    assert not rules_of(res.findings, "COL002")
