"""Labelling sheets for a sample of findings, and the precision they give.

A sheet (CSV, or Markdown when its name ends in ``.md``) holds one finding a row with an empty
``label`` column to fill with ``useful``, ``noise`` (true but not worth a reviewer's time) or
``false``, and a ``note`` for the reason. :func:`precision` turns the labels into per-rule and
overall shares; :func:`label_table` prints the labelled rows without their messages (which quote
the documents) for publishing.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABELS = ("useful", "noise", "false")
SHEET_FIELDS = (
    "n",
    "corpus",
    "file",
    "line",
    "rule_id",
    "severity",
    "message",
    "label",
    "note",
    "fingerprint",
    "why",
)


def markdown_table(rows: Sequence[Sequence[Any]]) -> str:
    text = [[str(x) for x in r] for r in rows]
    out = ["| " + " | ".join(text[0]) + " |", "|" + "---|" * len(text[0])]
    out += ["| " + " | ".join(r) + " |" for r in text[1:]]
    return "\n".join(out)


def draw_sample(
    findings: Iterable[dict[str, Any]], n: int, seed: int, all_high: bool = True
) -> list[dict]:
    """``n`` findings drawn at random (seeded), plus every high or critical finding when
    ``all_high``; sorted by corpus, file and line. Each finding needs ``corpus``, ``file``,
    ``line``, ``rule_id``, ``severity``, ``message`` and ``fingerprint``."""
    pool = list(findings)
    pool.sort(key=lambda f: (f["corpus"], f["file"], f.get("line") or 0, f["fingerprint"]))
    rng = random.Random(seed)
    chosen = rng.sample(pool, min(n, len(pool)))
    picked = {id(f): "random" for f in chosen}
    if all_high:
        for f in pool:
            if f["severity"] in ("critical", "high"):
                picked[id(f)] = "random+high" if id(f) in picked else "high"
    rows = []
    for f in pool:
        if id(f) in picked:
            rows.append({**f, "why": picked[id(f)]})
    return rows


def _same_finding_key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    return (row["corpus"], row["file"], row["rule_id"], " ".join(str(row["message"]).split()))


def write_sheet(rows: Sequence[dict], path: Path, old: dict[str, dict[str, str]]) -> None:
    """The labelling sheet. Labels and notes already given are kept: matched by fingerprint,
    else by corpus, file, rule and message (a fingerprint changes when a record's id does)."""
    by_text = {_same_finding_key(r): r for r in old.values() if r.get("message")}
    out = []
    for i, f in enumerate(rows, 1):
        prev = old.get(f["fingerprint"], {})
        if (prev.get("corpus"), prev.get("file"), prev.get("rule_id")) != (
            f["corpus"],
            f["file"],
            f["rule_id"],
        ):  # a fingerprint is only unique within one run: it must be the same file and rule
            prev = by_text.get(_same_finding_key(f), {})
        out.append(
            {
                "n": i,
                "corpus": f["corpus"],
                "file": f["file"],
                "line": f.get("line") or "",
                "rule_id": f["rule_id"],
                "severity": f["severity"],
                "message": " ".join(str(f["message"]).split()),
                "label": prev.get("label", ""),
                "note": prev.get("note", ""),
                "fingerprint": f["fingerprint"],
                "why": f.get("why", ""),
            }
        )
    if path.suffix == ".md":
        table = [list(SHEET_FIELDS)] + [
            [str(r[k]).replace("|", "\\|") for k in SHEET_FIELDS] for r in out
        ]
        path.write_text(markdown_table(table) + "\n", encoding="utf-8")
        return
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=SHEET_FIELDS)
        writer.writeheader()
        writer.writerows(out)


def label_table(rows: Iterable[dict[str, str]]) -> str:
    """The labelled findings as a Markdown table, without their messages (which quote the
    documents): corpus, file, line, rule, severity, label and the labeller's note."""
    head = ["#", "corpus", "file", "line", "rule", "severity", "label", "reason"]
    body = [
        [
            str(i),
            r["corpus"],
            r["file"],
            r.get("line", ""),
            r["rule_id"],
            r["severity"],
            r["label"],
            r.get("note", ""),
        ]
        for i, r in enumerate((r for r in rows if (r.get("label") or "").strip()), 1)
    ]
    return markdown_table([head, *([c.replace("|", "\\|") for c in b] for b in body)])


def read_sheet(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a labelling sheet (CSV or Markdown) by fingerprint."""
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    rows: list[dict[str, str]] = []
    if path.suffix == ".md":
        lines = [ln for ln in text.splitlines() if ln.startswith("|")]
        if len(lines) < 2:
            return {}
        head = [h.strip() for h in lines[0].strip("|").split(" | ")]
        for ln in lines[2:]:
            cells = [c.strip().replace("\\|", "|") for c in _split_md_row(ln)]
            rows.append(dict(zip(head, cells, strict=False)))
    else:
        rows = list(csv.DictReader(text.splitlines()))
    return {r["fingerprint"]: r for r in rows if r.get("fingerprint")}


def _split_md_row(line: str) -> list[str]:
    body = line.strip()[1:-1]
    cells, cur, i = [], "", 0
    while i < len(body):
        if body[i] == "\\" and body[i + 1 : i + 2] == "|":
            cur += "\\|"
            i += 2
            continue
        if body[i] == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += body[i]
        i += 1
    cells.append(cur)
    return cells


@dataclass(frozen=True)
class Precision:
    rule: str
    useful: int
    noise: int
    false: int
    false_high: int

    @property
    def labelled(self) -> int:
        return self.useful + self.noise + self.false

    @property
    def true_share(self) -> float:
        return (self.useful + self.noise) / self.labelled if self.labelled else 0.0

    @property
    def useful_share(self) -> float:
        return self.useful / self.labelled if self.labelled else 0.0


def precision(rows: Iterable[dict[str, str]]) -> tuple[list[Precision], Precision, list[str]]:
    """Per-rule and overall precision of labelled rows; problems (unknown labels) listed."""
    counts: dict[str, Counter[str]] = {}
    problems: list[str] = []
    for r in rows:
        label = (r.get("label") or "").strip().lower()
        if not label:
            continue
        if label not in LABELS:
            problems.append(f"row {r.get('n')}: unknown label {label!r}")
            continue
        c = counts.setdefault(r["rule_id"], Counter())
        c[label] += 1
        if label == "false" and r.get("severity") in ("high", "critical"):
            c["false_high"] += 1
    per = [
        Precision(rule, c["useful"], c["noise"], c["false"], c["false_high"])
        for rule, c in sorted(counts.items())
    ]
    total = Precision(
        "ALL",
        sum(p.useful for p in per),
        sum(p.noise for p in per),
        sum(p.false for p in per),
        sum(p.false_high for p in per),
    )
    return per, total, problems


def precision_table(per: Sequence[Precision], total: Precision) -> str:
    rows: list[list[Any]] = [
        ["rule", "labelled", "useful", "noise", "false", "% true", "% useful", "false high"]
    ]
    for p in [*per, total]:
        rows.append(
            [
                p.rule,
                p.labelled,
                p.useful,
                p.noise,
                p.false,
                f"{100 * p.true_share:.0f}%",
                f"{100 * p.useful_share:.0f}%",
                p.false_high,
            ]
        )
    return markdown_table(rows)
