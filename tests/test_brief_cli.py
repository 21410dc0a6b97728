"""``decaudit brief`` and ``check -f brief`` from the command line, and the docs' real brief."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-06-30"
COMMAND = "decaudit brief docs/examples/claims-platform.yaml --db history.db --today 2026-06-30"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    db = str(tmp_path / "history.db")
    code, _, _ = run(
        "check", "docs/examples/it-track-record.jsonl", "--db", db, "-q", "--fail-on", "never"
    )
    assert code == 0
    return db


def _block(doc: Path) -> str:
    text = doc.read_text(encoding="utf-8")
    start = text.index(f"$ {COMMAND}\n") + len(COMMAND) + 3
    return text[start : text.index("```", start)]


def test_the_docs_show_the_real_brief(history: str) -> None:
    code, out, _ = run(*COMMAND.split()[1:-4], "--db", history, "--today", TODAY)
    assert code == 0
    assert "Your last 6 IT system decisions realized a median 41%" in out
    for doc in (ROOT / "README.md", ROOT / "docs" / "brief.md"):
        assert _block(doc) == out, f"{doc.name}: the brief shown is not the real output"


def test_proposals_only_and_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "sub" / "brief.md"
    db = str(tmp_path / "none.db")
    code, _, err = run(
        "brief", "samples", "--proposals-only", "-o", str(out), "--db", db, "--today", TODAY
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "proposed" in text
    assert "implemented" not in text and "accepted (" not in text
    assert "brief(s)" in err
    assert not Path(db).exists()  # brief reads the log, never creates or appends to it


def test_a_past_decision_from_the_log(history: str) -> None:
    code, out, _ = run("brief", "--decision", "IT-2020-02", "--db", history, "--today", TODAY)
    assert code == 0
    assert out.startswith("## Brief: Replace the policy administration system")
    assert "Not ready when it was decided" in out
    # its own outcome is not part of its track record: five others remain
    assert "Your last 5 IT system decisions" in out
    assert re.search(r"\[\^1\]: .*Rule [A-Z]{3}\d{3}, docs/examples/it-track-record.jsonl", out)


def test_errors_exit_2_and_name_the_problem(history: str, tmp_path: Path) -> None:
    code, _, err = run("brief", "--decision", "NOPE", "--db", history)
    assert code == 2 and "'NOPE' is not in the audit log" in err
    code, _, err = run("brief", "samples", "--decision", "X", "--db", history)
    assert code == 2 and "not both" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    code, out, err = run(
        "brief", str(bad), "samples/cold-chain-hub.yaml", "--db", history, "--today", TODAY
    )
    assert code == 2 and "bad.yaml:2: invalid YAML" in err
    assert "Chilled-food distribution" in out  # the other record is still briefed


def test_check_writes_the_brief_as_a_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "brief.md"
    code, stdout, _ = run(
        "check", "samples/cold-chain-hub.yaml", "samples/aurora-premium-tier.yaml", "--no-log",
        "--today", TODAY, "-f", "text", "-f", "brief", "-o", str(out),
    )  # fmt: skip
    assert code == 1  # aurora fails the check; the brief is written all the same
    text = out.read_text(encoding="utf-8")
    assert text.count("## Brief: ") == 2 and "\n---\n" in text
    assert "[^2-1]" in text  # footnote labels stay unique across briefs
    assert "ALT001 [high]" in stdout


def test_the_html_report_shows_each_decisions_brief(history: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, _ = run("report", "--db", history, "-o", str(out))
    assert code == 0
    page = out.read_text(encoding="utf-8")
    article = page[page.index("IT-2020-02: Replace the policy administration system") :]
    article = article[: article.index("</article>")]
    assert "Approver&#x27;s brief" in article or "Approver's brief" in article
    assert "Not ready when it was decided" in article
    assert "Your last 5 IT system decisions" in article
    assert "breakthrough" in article.split("Ask for")[1].split("</ul>")[0]
    for tag in ("<script", "javascript:"):
        assert tag not in page
