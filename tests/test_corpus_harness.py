"""The corpus measurement harness (benchmarks/corpus_precision.py, corpus_labels.py) on
small fixture corpora.

The fixtures under tests/data/corpora/ are written for these tests: a MADR record with front
matter, a Nygard record, meeting notes with no decision in them, a README and a template.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus_labels as cl  # noqa: E402
import corpus_precision as cp  # noqa: E402

SMALL = ROOT / "tests" / "data" / "corpora" / "small"
TODAY = "2026-01-15"


def _accounted(c: cp.Corpus) -> set[str]:
    return set(c.audited) | set(c.skipped) | {e["file"] for e in c.errors}


def test_every_file_of_a_corpus_is_audited_skipped_or_an_error() -> None:
    c = cp.measure(SMALL, cp.default_command(), today=TODAY)
    assert c.files == [
        "adr/0001-pick-a-queue.md",
        "adr/0002-log-format.md",
        "adr/0003-no-structure.md",
        "adr/adr-template.md",
        "notes/README.md",
    ]
    assert c.tracebacks == []
    assert c.unaccounted == []
    assert _accounted(c) == set(c.files)
    assert {"adr/0001-pick-a-queue.md", "adr/0002-log-format.md"} <= set(c.audited)
    assert "adr/0003-no-structure.md" not in c.audited  # no decision in it
    assert c.records == len(c.audited)
    assert all(reason.strip() for reason in c.skipped.values())
    assert {f["file"] for f in c.findings} <= set(c.audited)
    assert sum(sum(v.values()) for v in c.by_rule().values()) == len(c.findings)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def test_the_table_counts_what_the_corpus_holds(capsys) -> None:
    assert cp.main([str(SMALL), "--today", TODAY, "-q"]) == 0
    out = capsys.readouterr().out
    head, _, row = out.splitlines()[:3]
    cells = dict(zip(_cells(head), _cells(row), strict=True))
    assert cells["corpus"] == "small"
    assert cells["files"] == "5"
    assert cells["tracebacks"] == "0"


def test_a_traceback_on_stderr_is_counted_and_fails_the_run(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text(
        "import sys\n"
        'sys.stderr.write(\'Traceback (most recent call last):\\n  File "x", line 1\\n'
        "KeyError: boom\\n')\n"
        "sys.exit(1)\n"
    )
    command = f"{sys.executable} {broken}"
    c = cp.measure(SMALL, command.split(), today=TODAY, probe=False)
    assert len(c.tracebacks) == 1 and "KeyError: boom" in c.tracebacks[0]
    assert cp.main([str(SMALL), "--decaudit", command, "--no-probe", "-q"]) == 1


def _finding(i: int, rule: str, severity: str) -> dict:
    return {
        "corpus": "c",
        "file": f"f{i}.md",
        "line": i,
        "rule_id": rule,
        "severity": severity,
        "message": f"message {i} | with a pipe",
        "fingerprint": f"fp{i}",
    }


def test_the_sample_is_seeded_and_holds_every_high_finding() -> None:
    c = cp.Corpus(name="c", folder="c")
    c.findings = [_finding(i, "R1", "high" if i % 10 == 0 else "low") for i in range(50)]
    a = cl.draw_sample(c.findings, 8, seed=3)
    b = cl.draw_sample(c.findings, 8, seed=3)
    assert a == b
    highs = {f["fingerprint"] for f in c.findings if f["severity"] == "high"}
    assert highs <= {f["fingerprint"] for f in a}
    assert sum(1 for f in a if f["why"].startswith("random")) == 8
    assert cl.draw_sample(c.findings, 8, seed=4) != a


def test_labels_survive_a_rewrite_and_give_precision(tmp_path: Path) -> None:
    c = cp.Corpus(name="c", folder="c")
    c.findings = [
        _finding(i, "R1" if i < 4 else "R2", "high" if i == 0 else "low") for i in range(6)
    ]
    rows = cl.draw_sample(c.findings, 6, seed=1)
    sheet = tmp_path / "sheet.csv"
    cl.write_sheet(rows, sheet, {})
    labels = ["false", "useful", "noise", "useful", "false", "useful"]
    with sheet.open(newline="") as fh:
        table = list(csv.DictReader(fh))
    for row, label in zip(table, labels, strict=True):
        row["label"] = label
    with sheet.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=cl.SHEET_FIELDS)
        writer.writeheader()
        writer.writerows(table)
    cl.write_sheet(rows, sheet, cl.read_sheet(sheet))  # a re-run keeps the labels
    per, total, problems = cl.precision(cl.read_sheet(sheet).values())
    assert problems == []
    assert [(p.rule, p.useful, p.noise, p.false) for p in per] == [("R1", 2, 1, 1), ("R2", 1, 0, 1)]
    assert total.false_high == 1
    assert total.labelled == 6
    assert abs(total.true_share - 4 / 6) < 1e-9
    assert abs(total.useful_share - 3 / 6) < 1e-9


@settings(max_examples=50, deadline=None)
@given(
    messages=st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
        min_size=1,
        max_size=5,
    )
)
def test_a_markdown_sheet_reads_back_what_was_written(messages: list[str]) -> None:
    import tempfile

    rows = [
        {**_finding(i, "R", "low"), "message": m, "why": "random"} for i, m in enumerate(messages)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "sheet.md"
        cl.write_sheet(rows, sheet, {})
        back = cl.read_sheet(sheet)
    # the sheet keeps a message on one line: runs of white space become one space
    assert [back[f"fp{i}"]["message"] for i in range(len(messages))] == [
        " ".join(m.split()) for m in messages
    ]


def test_labels_follow_a_finding_whose_fingerprint_changed(tmp_path: Path) -> None:
    """A record's id (and so the fingerprint) may change; the same message on the same file
    and rule keeps its label. The table for the docs leaves the messages out."""
    c = cp.Corpus(name="c", folder="c")
    c.findings = [_finding(i, "R1", "low") for i in range(3)]
    sheet = tmp_path / "sheet.md"
    cl.write_sheet(cl.draw_sample(c.findings, 3, seed=1), sheet, {})
    old = cl.read_sheet(sheet)
    for fp, label in zip(sorted(old), ["useful", "noise", "false"], strict=True):
        old[fp]["label"], old[fp]["note"] = label, f"why {label}"
    for f in c.findings:
        f["fingerprint"] = "new-" + f["fingerprint"]
    cl.write_sheet(cl.draw_sample(c.findings, 3, seed=1), sheet, old)
    again = cl.read_sheet(sheet)
    assert sorted(again) == ["new-fp0", "new-fp1", "new-fp2"]
    assert [again[f"new-fp{i}"]["label"] for i in range(3)] == ["useful", "noise", "false"]
    table = cl.label_table(again.values())
    assert "message" not in table and "why noise" in table
    assert len(table.splitlines()) == 2 + 3


def test_compare_names_the_files_whose_fate_changed() -> None:
    was = cp.Corpus(name="c", folder="c", files=["a.md", "b.md"], audited=["a.md"])
    was.skipped = {"b.md": "not a decision record"}
    now = cp.Corpus(name="c", folder="c", files=["a.md", "b.md"], audited=["a.md", "b.md"])
    now.records = 2
    now.findings = [_finding(1, "R1", "low")]
    from dataclasses import asdict

    text = cp.compare([asdict(was)], [now])
    assert "records 0->2" in text and "skipped 1->0" in text and "R1 0->1" in text
    assert "b.md: skipped (not a decision record) -> audited" in text
    assert "a.md" not in text
    assert cp.compare([asdict(now)], [now]) == "c: no change"


def test_a_label_never_moves_to_another_file_that_shares_a_fingerprint(tmp_path: Path) -> None:
    c = cp.Corpus(name="c", folder="c")
    c.findings = [_finding(1, "R1", "low")]
    sheet = tmp_path / "sheet.csv"
    cl.write_sheet(cl.draw_sample(c.findings, 1, seed=1), sheet, {})
    old = cl.read_sheet(sheet)
    old["fp1"]["label"] = "false"
    other = {**_finding(1, "R1", "low"), "file": "elsewhere.md", "message": "another"}
    cl.write_sheet(cl.draw_sample([other], 1, seed=1), sheet, old)
    assert cl.read_sheet(sheet)["fp1"]["label"] == ""


def test_every_format_the_walk_reads_is_a_candidate_file(tmp_path: Path) -> None:
    """A reStructuredText or Excel record counts among a corpus's files as the CLI's folder
    walk reads it; a file the walk passes over does not."""
    for name in ("pep-1.rst", "register.xlsx", "0001-a.md", "notes.txt", "logo.png"):
        (tmp_path / name).write_bytes(b"x")
    assert cp.candidate_files(tmp_path) == ["0001-a.md", "pep-1.rst", "register.xlsx"]
