"""Measure decaudit on folders of real decision records, and label a sample of its findings.

Usage::

    python benchmarks/corpus_precision.py CORPUS_DIR...              # one table per corpus
    python benchmarks/corpus_precision.py CORPUS_DIR... --json out.json
    python benchmarks/corpus_precision.py CORPUS_DIR... --sample 80 --seed 7 --sheet s.csv
    python benchmarks/corpus_precision.py CORPUS_DIR... --labels s.csv   # precision table

Each folder is one corpus (named after the folder). For each, ``decaudit check`` runs as a
subprocess (``--no-log``, JSON written to a temporary file, ``--fail-on never``), so what is
measured is what a user gets, tracebacks included: a Python traceback on stderr is counted,
never hidden. The harness then accounts for every file the folder walk can meet:

- *audited*: the file gave at least one record (the JSON's ``records`` entries when the CLI
  writes them; otherwise a file with findings, or one that ``decaudit facts`` reads);
- *skipped*: the file gave no record and no error (the JSON's ``skipped`` entries with their
  reasons when the CLI writes them; otherwise the reason ``decaudit facts`` gives for it);
- *error*: the run reported an input error for it.

``--sample N`` draws N findings at random (seeded) across all corpora, plus every high and
critical finding, into a labelling sheet (CSV, or Markdown when the name ends in ``.md``).
Fill its ``label`` column with ``useful``, ``noise`` (true but not worth a reviewer's time) or
``false``, then ``--labels SHEET`` prints per-rule precision: the share of true findings
(useful + noise), of useful ones, and the number of false high findings. Labels are matched
to findings by fingerprint, so a sheet survives re-runs while the findings do not change.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from corpus_labels import (
    draw_sample,
    label_table,
    markdown_table,
    precision,
    precision_table,
    read_sheet,
    write_sheet,
)
from decaudit.engine.vocab import RECORD_EXTENSIONS as _WALKED

# What the folder walk of ``decaudit check`` reads: the CLI's own list, not a copy of it.
RECORD_EXTENSIONS = tuple(e for e in _WALKED if e != ".ndjson")
SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})
SEVERITIES = ("critical", "high", "medium", "low", "info")
TRACEBACK = "Traceback (most recent call last)"


def default_command() -> list[str]:
    """``decaudit`` as installed beside this Python (the project's virtual environment)."""
    return [sys.executable, "-m", "decaudit.cli.main"]


@dataclass
class Corpus:
    """What one corpus gave: every file accounted for, and the findings."""

    name: str
    folder: str
    files: list[str] = field(default_factory=list)  # candidate files, relative to folder
    audited: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # file -> reason
    errors: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    exit_code: int = 0
    seconds: float = 0.0
    tracebacks: list[str] = field(default_factory=list)  # stderr excerpts
    unaccounted: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    def by_rule(self) -> dict[str, Counter[str]]:
        table: dict[str, Counter[str]] = {}
        for f in self.findings:
            table.setdefault(f["rule_id"], Counter())[f["severity"]] += 1
        return dict(sorted(table.items()))

    def by_severity(self) -> Counter[str]:
        return Counter(f["severity"] for f in self.findings)


def candidate_files(folder: Path) -> list[str]:
    """Files a recursive walk meets with a record extension (hidden and tool folders left
    out, as the CLI does), relative to ``folder``, sorted."""
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(RECORD_EXTENSIONS):
                continue
            found.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(found)


def _rel(path: str, folder: Path) -> str:
    """``path`` relative to ``folder`` (symbolic links kept: a link is its own file)."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    return path if rel.startswith("..") else rel


def _tracebacks(stderr: str) -> list[str]:
    out = []
    start = 0
    while (i := stderr.find(TRACEBACK, start)) >= 0:
        out.append(stderr[i : i + 2000])
        start = i + len(TRACEBACK)
    return out


def run_check(
    folder: Path, command: Sequence[str], today: str, timeout: float
) -> tuple[int, dict[str, Any] | None, str, float]:
    """``decaudit check FOLDER`` with JSON to a temporary file: (exit code, JSON, stderr, s)."""
    with tempfile.TemporaryDirectory(prefix="decaudit-corpus-") as tmp:
        out = Path(tmp) / "check.json"
        args = [*command, "check", os.path.abspath(folder), "--no-log", "--fail-on", "never", "-q"]
        args += ["--today", today, "-f", "json", "-o", str(out)]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                args, capture_output=True, text=True, timeout=timeout, cwd=tmp, check=False
            )
        except subprocess.TimeoutExpired:
            return -1, None, f"timed out after {timeout:.0f} s", timeout
        seconds = time.perf_counter() - t0
        doc = None
        if out.exists():
            try:
                doc = json.loads(out.read_text(encoding="utf-8"))
            except ValueError as exc:
                return proc.returncode, None, proc.stderr + f"\nbad JSON output: {exc}", seconds
        return proc.returncode, doc, proc.stderr, seconds


def probe_file(path: Path, command: Sequence[str], today: str) -> tuple[int | None, str, str]:
    """``decaudit facts -f json FILE``: (records, reason when none, stderr)."""
    args = [*command, "facts", "-f", "json", "--today", today, str(path)]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    if proc.returncode == 0:
        try:
            data = json.loads(proc.stdout)
        except ValueError:
            return None, "facts printed no JSON", proc.stderr
        return (len(data) if isinstance(data, list) else 1), "", proc.stderr
    reason = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "no record"
    prefix = f"{path}: "
    if prefix in reason:
        reason = reason.split(prefix, 1)[1]
    return None, reason.removeprefix("decaudit: error: "), proc.stderr


def measure(
    folder: Path, command: Sequence[str], *, today: str, timeout: float = 600, probe: bool = True
) -> Corpus:
    """Run the check on one corpus and account for every candidate file."""
    corpus = Corpus(name=folder.name, folder=str(folder), files=candidate_files(folder))
    rc, doc, stderr, corpus.seconds = run_check(folder, command, today, timeout)
    corpus.exit_code = rc
    corpus.tracebacks = _tracebacks(stderr)
    if doc is None:
        if not corpus.tracebacks:
            corpus.tracebacks = [f"no JSON output (exit {rc}): {stderr[-2000:]}"]
        corpus.unaccounted = list(corpus.files)
        return corpus
    summary = doc.get("summary", {})
    corpus.records = int(summary.get("records", 0))
    for finding in doc.get("findings", []):
        finding = dict(finding)
        finding["corpus"] = corpus.name
        finding["file"] = _rel(finding.get("file") or "", folder)
        corpus.findings.append(finding)
    for error in doc.get("errors", []):
        error = dict(error)
        error["file"] = _rel(error.get("file") or "", folder)
        corpus.errors.append(error)
    error_files = {e["file"] for e in corpus.errors}
    audited: set[str] = {f["file"] for f in corpus.findings}
    # The CLI's own account, when it gives one.
    for entry in doc.get("records", []) or []:
        if isinstance(entry, dict) and entry.get("file"):
            audited.add(_rel(entry["file"], folder))
    for entry in doc.get("skipped", []) or []:
        if isinstance(entry, dict) and entry.get("file"):
            reason = str(entry.get("reason") or entry.get("message") or "skipped")
            corpus.skipped[_rel(entry["file"], folder)] = reason
    has_account = "skipped" in doc
    for rel in corpus.files:
        if rel in audited or rel in error_files or rel in corpus.skipped:
            continue
        if has_account:  # the CLI lists skips; a file it does not mention was audited
            audited.add(rel)
            continue
        if not probe:
            corpus.unaccounted.append(rel)
            continue
        n, reason, err = probe_file(folder / rel, command, today)
        corpus.tracebacks += _tracebacks(err)
        if n:
            audited.add(rel)
        else:
            corpus.skipped[rel] = reason or "no record"
    corpus.audited = sorted(audited & set(corpus.files)) or sorted(audited)
    if not has_account and probe:
        # ``facts`` reads a file named explicitly even when the folder walk leaves it out by
        # its name (a template, say): the walk's file count tells how many those are.
        walked = int(summary.get("files", len(corpus.audited)))
        extra = len(corpus.audited) - walked
        if extra > 0:
            with_findings = {f["file"] for f in corpus.findings}
            named = [f for f in corpus.audited if f not in with_findings and _looks_excluded(f)]
            if len(named) == extra:
                for rel in named:
                    corpus.audited.remove(rel)
                    corpus.skipped[rel] = "left out of the folder walk by its name"
            else:
                corpus.unaccounted.append(f"{extra} file(s) read by 'facts' but not by check")
    return corpus


def _looks_excluded(rel: str) -> bool:
    name = Path(rel).name.lower()
    return "template" in name or name in ("readme.md", "index.md")


# --- reports ------------------------------------------------------------------------------


def corpus_table(corpora: Sequence[Corpus]) -> str:
    rules = sorted({r for c in corpora for r in c.by_rule()})
    head = ["corpus", "files", "audited", "records", "skipped", "errors", "tracebacks"]
    head += ["findings", *SEVERITIES[:4], *rules]
    rows = [head]
    for c in corpora:
        sev = c.by_severity()
        br = c.by_rule()
        row = [c.name, len(c.files), len(c.audited), c.records, len(c.skipped), len(c.errors)]
        row += [len(c.tracebacks), len(c.findings), *(sev.get(s, 0) for s in SEVERITIES[:4])]
        row += [sum(br.get(r, Counter()).values()) for r in rules]
        rows.append(row)
    total: list[Any] = ["TOTAL"]
    for i in range(1, len(head)):
        total.append(sum(int(r[i]) for r in rows[1:]))
    rows.append(total)
    return markdown_table(rows)


def details(c: Corpus) -> str:
    lines = [f"## {c.name}: {len(c.files)} files, {c.records} records, {c.seconds:.1f} s"]
    lines.append(f"exit code {c.exit_code}; audited {len(c.audited)} files")
    for rel, reason in sorted(c.skipped.items()):
        lines.append(f"  skipped {rel}: {reason}")
    for e in c.errors:
        lines.append(f"  error   {e['file']}:{e.get('line') or ''}: {e.get('message')}")
    for tb in c.tracebacks:
        lines.append("  TRACEBACK " + tb.strip().splitlines()[-1][:300])
    for u in c.unaccounted:
        lines.append(f"  unaccounted {u}")
    for rule, sev in c.by_rule().items():
        share = len({f["file"] for f in c.findings if f["rule_id"] == rule})
        per = ", ".join(f"{s} {sev[s]}" for s in SEVERITIES if sev.get(s))
        lines.append(f"  {rule}: {sum(sev.values())} ({per}) on {share}/{len(c.audited)} files")
    return "\n".join(lines)


def _status_of(c: dict[str, Any]) -> dict[str, str]:
    status = {f: "audited" for f in c.get("audited", [])}
    status.update({f: f"skipped ({r})" for f, r in c.get("skipped", {}).items()})
    status.update({e["file"]: f"error ({e.get('message')})" for e in c.get("errors", [])})
    return status


def _counts(c: dict[str, Any]) -> Counter[str]:
    counts: Counter[str] = Counter(
        records=c.get("records", 0),
        skipped=len(c.get("skipped", {})),
        errors=len(c.get("errors", [])),
        tracebacks=len(c.get("tracebacks", [])),
        findings=len(c.get("findings", [])),
    )
    counts.update(f["rule_id"] for f in c.get("findings", []))
    return counts


def compare(old: Sequence[dict[str, Any]], new: Sequence[Corpus]) -> str:
    """What changed since an earlier ``--json`` account: counts per corpus, and every file
    whose fate changed (audited, skipped or an error)."""
    before = {c["name"]: c for c in old}
    lines = []
    for corpus in new:
        now = asdict(corpus)
        was = before.get(corpus.name)
        if was is None:
            lines.append(f"{corpus.name}: new corpus")
            continue
        a, b = _counts(was), _counts(now)
        deltas = [f"{k} {a[k]}->{b[k]}" for k in sorted(set(a) | set(b)) if a[k] != b[k]]
        lines.append(f"{corpus.name}: " + (", ".join(deltas) or "no change"))
        s_old, s_new = _status_of(was), _status_of(now)
        for f in sorted(set(s_old) | set(s_new)):
            if s_old.get(f) != s_new.get(f):
                lines.append(f"  {f}: {s_old.get(f, '-')} -> {s_new.get(f, '-')}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="one folder per corpus")
    ap.add_argument("--today", default="2026-12-01", help="audit date (reproducible results)")
    ap.add_argument("--decaudit", help="command to run decaudit (default: this Python's)")
    ap.add_argument("--json", type=Path, help="write every corpus's account as JSON")
    ap.add_argument("--sample", type=int, default=0, help="findings to draw for labelling")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-high", action="store_true", help="do not add every high finding")
    ap.add_argument("--sheet", type=Path, help="labelling sheet to write (.csv or .md)")
    ap.add_argument(
        "--labels-from",
        type=Path,
        action="append",
        default=[],
        help="earlier labelled sheet whose labels the new sheet keeps (repeatable)",
    )
    ap.add_argument("--labels", type=Path, help="labelled sheet: print per-rule precision")
    ap.add_argument("--label-table", type=Path, help="write the labelled rows (no messages)")
    ap.add_argument("--compare", type=Path, help="an earlier --json account to compare with")
    ap.add_argument("--no-probe", action="store_true", help="do not run 'facts' per file")
    ap.add_argument("-q", "--quiet", action="store_true", help="only the tables")
    args = ap.parse_args(argv)
    command = args.decaudit.split() if args.decaudit else default_command()
    folders = [f for f in args.folders if f.is_dir()]
    for f in args.folders:
        if not f.is_dir():
            print(f"not a folder: {f}", file=sys.stderr)
    corpora = [measure(f, command, today=args.today, probe=not args.no_probe) for f in folders]
    print(corpus_table(corpora))
    if not args.quiet:
        for c in corpora:
            print()
            print(details(c))
    if args.compare:
        print()
        print(compare(json.loads(args.compare.read_text(encoding="utf-8")), corpora))
    if args.json:
        args.json.write_text(json.dumps([asdict(c) for c in corpora], indent=1), encoding="utf-8")
    if args.sample or args.sheet:
        rows = draw_sample(
            (f for c in corpora for f in c.findings),
            args.sample,
            args.seed,
            all_high=not args.no_high,
        )
        if args.sheet:
            known: dict[str, dict[str, str]] = {}
            for earlier in [*args.labels_from, args.sheet]:
                known.update(read_sheet(earlier))
            write_sheet(rows, args.sheet, known)
            print(f"\nwrote {len(rows)} findings to {args.sheet}")
    if args.labels:
        labelled = read_sheet(args.labels)
        current = {f["fingerprint"] for c in corpora for f in c.findings}
        stale = [fp for fp in labelled if fp not in current]
        per, total, problems = precision(labelled.values())
        print()
        print(precision_table(per, total))
        for p in problems:
            print(p)
        if stale:
            print(f"{len(stale)} labelled finding(s) no longer produced by this run")
        if args.label_table:
            args.label_table.write_text(label_table(labelled.values()) + "\n", encoding="utf-8")
    broken = sum(len(c.tracebacks) for c in corpora)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
