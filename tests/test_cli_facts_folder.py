"""``decaudit facts FOLDER`` shows the facts the folder rules see for each record (its number
and duplicates, a copied title, its replacement, its links), computed among the records of its
folder as ``decaudit check`` computes them, so a user can see why a folder rule fired."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from decaudit.cli.main import cli

TODAY = "2026-01-01"


def _adr(title: str, status: str, body: str = "We will do it.") -> str:
    return f"# {title}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\n{body}\n"


def _folder(tmp_path: Path) -> Path:
    adrs = tmp_path / "adr"
    adrs.mkdir()
    (adrs / "0001-use-postgres.md").write_text(_adr("1. Use Postgres", "Accepted"))
    (adrs / "0002-use-redis.md").write_text(
        _adr("2. Use Redis", "Superseded by [4. Use Valkey](0004-use-valkey.md)")
    )
    # a copy of the first record's title under another number, and a reused number
    (adrs / "0003-use-kafka.md").write_text(
        _adr("3. Use Postgres", "Accepted", "See [the queue](0009-missing.md).")
    )
    (adrs / "0003-use-nats.md").write_text(_adr("3. Use NATS", "Accepted"))
    return adrs


def _by_file(docs: list[dict]) -> dict[str, dict]:
    return {d["decision"]["did"]: d for d in docs}


def test_json_member_facts_are_computed_among_the_folder(tmp_path: Path) -> None:
    adrs = _folder(tmp_path)
    result = CliRunner().invoke(cli, ["facts", str(adrs), "-f", "json", "--today", TODAY])
    assert result.exit_code == 0, result.output
    docs = _by_file(json.loads(result.output))
    assert set(docs) == {"0001-use-postgres", "0002-use-redis", "0003-use-kafka", "0003-use-nats"}
    for doc in docs.values():
        assert doc["member"]["folder"] == "adr"
        assert doc["member"]["folder_record_count"] == 4
    redis = docs["0002-use-redis"]["member"]
    assert redis["superseded"] is True
    assert redis["replacement_found"] is False  # 0004-use-valkey.md does not exist
    kafka = docs["0003-use-kafka"]["member"]
    assert kafka["title_copy_count"] == 1
    assert kafka["title_share_count"] == 2  # the first record and its copy
    assert "0001-use-postgres" in kafka["title_copied_from"]
    counts = {did: d["member"]["number_duplicate_count"] for did, d in docs.items()}
    assert counts["0003-use-kafka"] == counts["0003-use-nats"] == 1
    assert counts["0001-use-postgres"] == 0
    firsts = [docs[d]["member"]["number_first"] for d in ("0003-use-kafka", "0003-use-nats")]
    assert sorted(firsts) == [False, True]
    (link,) = docs["0003-use-kafka"]["links"]
    assert link["target"] == "0009-missing.md" and link["resolves"] is False
    assert docs["0001-use-postgres"]["links"] == []


def test_a_replacement_that_exists_resolves(tmp_path: Path) -> None:
    adrs = _folder(tmp_path)
    (adrs / "0004-use-valkey.md").write_text(_adr("4. Use Valkey", "Accepted"))
    result = CliRunner().invoke(cli, ["facts", str(adrs), "-f", "json", "--today", TODAY])
    assert result.exit_code == 0, result.output
    redis = _by_file(json.loads(result.output))["0002-use-redis"]["member"]
    assert redis["replacement_found"] is True
    assert redis["replacement_id"] == "0004-use-valkey"


def test_text_shows_a_member_block_and_link_blocks(tmp_path: Path) -> None:
    adrs = _folder(tmp_path)
    result = CliRunner().invoke(cli, ["facts", str(adrs / "0003-use-kafka.md"), "--today", TODAY])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "member (among the records of its folder)" in lines
    assert "link $.links[0]" in lines
    start = lines.index("member (among the records of its folder)")
    member = dict(ln.split(None, 1) for ln in lines[start + 1 :] if ln.startswith("  "))
    # one file named alone: its folder holds only that record, as for ``check FILE``
    assert member["folder_record_count"].strip() == "1"
    assert member["title_copy_count"].strip() == "0"


def test_the_member_facts_match_what_check_reports(tmp_path: Path) -> None:
    """The copied title and reused number that ``check`` reports are the ones facts shows."""
    adrs = _folder(tmp_path)
    result = CliRunner().invoke(
        cli, ["check", str(adrs), "-f", "json", "--today", TODAY, "--no-log", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)["findings"]
    fired = {(f["rule_id"], f["decision_id"]) for f in findings}
    facts = _by_file(
        json.loads(
            CliRunner().invoke(cli, ["facts", str(adrs), "-f", "json", "--today", TODAY]).output
        )
    )
    copied = {did for did, d in facts.items() if d["member"]["title_copy_count"] >= 1}
    assert copied == {did for rule, did in fired if rule == "COL006"}
    broken = {did for did, d in facts.items() if any(not ln["resolves"] for ln in d["links"])}
    assert broken == {did for rule, did in fired if rule == "COL003"}
