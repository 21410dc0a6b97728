"""Baselines end to end: ``check --write-baseline`` then ``check --baseline`` after edits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from decaudit.cli.commands.init import EXAMPLE_RECORD
from decaudit.cli.main import cli


def check(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(cli, ["check", "--no-log", "--today", "2026-03-01", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.output) if "-f" in args else {}


def test_moved_lines_stay_baselined_and_a_new_finding_is_reported_alone(tmp_path: Path) -> None:
    record = tmp_path / "decisions" / "example.yaml"
    record.parent.mkdir()
    record.write_text(EXAMPLE_RECORD, encoding="utf-8")
    baseline = tmp_path / "baseline.json"

    code, before = check(str(record), "--write-baseline", str(baseline), "-f", "json")
    assert code == 1 and before["findings"]
    written = json.loads(baseline.read_text(encoding="utf-8"))
    assert {f["fingerprint"] for f in written["findings"]} == {
        f["fingerprint"] for f in before["findings"]
    }

    # Unchanged: everything is in the baseline, nothing fails.
    code, same = check(str(record), "--baseline", str(baseline), "-f", "json")
    assert code == 0 and same["findings"] == []
    assert same["summary"]["baseline_matched"] == len(before["findings"])

    # Lines move (a comment block on top) and one benefit loses its basis: one new finding.
    text = "# moved\n# down\n# by four\n# lines\n" + EXAMPLE_RECORD.replace(
        "          basis: Route overlap study by the network planning team\n", ""
    )
    record.write_text(text, encoding="utf-8")
    code, after = check(str(record), "--baseline", str(baseline), "-f", "json")
    new = after["findings"]
    assert [f["rule_id"] for f in new] == ["BEN001"]
    assert new[0]["path"] == "$.options[1].business_case.benefits[1]"
    assert after["summary"]["baseline_matched"] == len(before["findings"])
    assert after["summary"]["baseline_fixed"] == 0
    # Without the baseline the same findings are back, four lines further down.
    _, plain = check(str(record), "-f", "json")
    lines_before = {f["fingerprint"]: f["line"] for f in before["findings"]}
    for f in plain["findings"]:
        if f["fingerprint"] in lines_before:
            assert f["line"] == lines_before[f["fingerprint"]] + 4
