"""SARIF 2.1.0, as GitHub code scanning accepts it.

One SARIF log per output file, with exactly one run:

- ``tool.driver``: name ``decaudit``, version, ``informationUri`` and every rule that ran
  (id, slug ``name``, title as ``shortDescription``, rationale as ``fullDescription``,
  ``help`` with remediation and references, ``helpUri`` from the first reference with a url,
  ``defaultConfiguration.level`` and ``properties.tags = [family]``).
- ``results``: one per finding, with ``ruleId``/``ruleIndex``, ``level`` (critical and high
  -> error, medium -> warning, low and info -> note), a location relative to ``%SRCROOT%``,
  ``partialFingerprints["decauditFingerprint/v1"]`` (the finding's fingerprint, which
  ignores line numbers) and ``properties`` (decision id, JSON path, severity, family).
- Waived findings are left out, unless ``options.sarif_include_waived``: then they are
  emitted with ``suppressions: [{"kind": "external", "justification": reason}]``.
- ``automationDetails.id`` is ``decaudit/check/`` or, with ``options.sarif_category``
  (``check --sarif-category NAME``), ``NAME/``: GitHub keeps the alerts of each category
  apart, so two checks of one repository (say ``decisions`` and ``proposals``) do not close
  each other's alerts.
- At most ``options.sarif_max_results`` results (25,000, GitHub's limit per run): the most
  severe are kept, and a run-level notification (``results-capped``) plus
  ``run.properties.results_omitted`` give the count left out. :func:`size_warning` tells
  when the file would exceed GitHub's 10 MB (gzipped) upload limit.
- A portfolio finding (about the whole run, with no file) is located, in this order, at
  line 1 of the configuration file the run used (when it is under ``base_dir``), at the
  README or index file (``README.md``, ``README``, ``index.md``...) of the first folder
  checked, or at the run's first file; it carries ``properties.portfolio = true``. GitHub
  rejects the whole log when a single result has no location.
- Input errors become ``invocations[0].toolExecutionNotifications`` (level ``error``, with
  the file location), and ``executionSuccessful`` is false when there are any.
- Each rule has ``properties.precision`` (``very-high`` ... ``low``) and
  ``properties["problem.severity"]`` (critical and high -> ``error``, medium -> ``warning``,
  low and info -> ``recommendation``), which GitHub uses to rank and filter alerts;
  ``tool.driver.semanticVersion`` is decaudit's version.

Columns are Unicode code points (``columnKind``). ``endColumn`` is the flagged line's length
plus one, read from the source file when it is readable (else 1).
"""

from __future__ import annotations

import json
import posixpath
from collections import OrderedDict
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from ..types import SEVERITY_RANK, CheckResult, Finding, InputError, RuleInfo
from ..vocab import BINARY_RECORD_LOADERS
from . import ReportOptions
from .common import folder_files, summarize
from .writer import FormatWriter, JsonArray, placeholder, render_with, text_part

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://github.com/decaudit/decaudit"
AUTOMATION_ID = "decaudit/check/"
FINGERPRINT_KEY = "decauditFingerprint/v1"
SRCROOT = "%SRCROOT%"
# Do not read source files above this size just to measure one line.
MAX_SOURCE_BYTES = 16 * 2**20

# GitHub refuses SARIF uploads larger than this, gzipped.
MAX_GZIPPED_BYTES = 10 * 10**6
PROBLEM_SEVERITY: dict[str, str] = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "recommendation",
    "info": "recommendation",
}
README_NAMES = ("README.md", "README.markdown", "README", "README.txt", "index.md")

LEVELS: dict[str, str] = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
    "info": "note",
}


def level(severity: str) -> str:
    """The SARIF level of a decaudit severity."""
    return LEVELS.get(severity, "warning")


def artifact_location(file: str, base_dir: str) -> dict[str, Any]:
    """A relative POSIX URI under ``%SRCROOT%``, or an absolute ``file://`` URI."""
    posix = file.replace("\\", "/")
    path = Path(file)
    if path.is_absolute():
        try:
            posix = path.resolve().relative_to(Path(base_dir).resolve()).as_posix()
        except (ValueError, OSError):
            return {"uri": path.as_uri()}
    elif base_dir not in ("", "."):
        try:
            posix = path.resolve().relative_to(Path(base_dir).resolve()).as_posix()
        except (ValueError, OSError):
            return {"uri": path.resolve().as_uri()}
    posix = posixpath.normpath(posix)
    if posix.startswith("../"):
        return {"uri": path.resolve().as_uri()}
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


class _Lines:
    """Length of source lines, read lazily; ``None`` when unreadable. The last few files
    read are kept (findings come file by file)."""

    KEEP = 4

    def __init__(self) -> None:
        self._cache: OrderedDict[str, list[str] | None] = OrderedDict()

    def length(self, file: str, line: int) -> int | None:
        if file in self._cache:
            self._cache.move_to_end(file)
        else:
            self._cache[file] = self._read(file)
            if len(self._cache) > self.KEEP:
                self._cache.popitem(last=False)
        lines = self._cache[file]
        if lines is None or not 1 <= line <= len(lines):
            return None
        return len(lines[line - 1])

    @staticmethod
    def _read(file: str) -> list[str] | None:
        if not file or file == "-" or PurePosixPath(file).suffix.lower() in BINARY_RECORD_LOADERS:
            return None  # a Word or Excel file: its "lines" are paragraph or row ordinals
        try:
            path = Path(file)
            if not path.is_file() or path.stat().st_size > MAX_SOURCE_BYTES:
                return None
            return path.read_bytes().decode("utf-8", errors="replace").splitlines()
        except OSError:
            return None


def _help(rule: RuleInfo) -> dict[str, str]:
    text = [rule.rationale.strip(), "", "Remediation: " + rule.remediation.strip()]
    markdown = [
        f"**{rule.title}**",
        "",
        rule.rationale.strip(),
        "",
        "**Remediation.** " + rule.remediation.strip(),
    ]
    if rule.references:
        text += ["", "References:"]
        markdown += ["", "**References**", ""]
        for ref in rule.references:
            text.append(f"- {ref.title}" + (f" <{ref.url}>" if ref.url else ""))
            markdown.append(f"- [{ref.title}]({ref.url})" if ref.url else f"- {ref.title}")
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


def _rule(rule: RuleInfo) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale.strip() or rule.title},
        "help": _help(rule),
        "defaultConfiguration": {"level": level(rule.severity)},
        "properties": {
            "tags": [rule.family],
            "severity": rule.severity,
            "precision": rule.precision,
            "problem.severity": PROBLEM_SEVERITY.get(rule.severity, "warning"),
        },
    }
    url = next((ref.url for ref in rule.references if ref.url), None)
    if url:
        entry["helpUri"] = url
    return entry


def _placeholder_rule(f: Finding) -> RuleInfo:
    """A rule that produced a finding but is not in ``result.rules`` (kept indexable)."""
    return RuleInfo(
        id=f.rule_id,
        name=f.rule_name,
        title=f.rule_name,
        family=f.family,
        severity=f.severity,
        rationale="",
        remediation="",
    )


def _location(file: str, line: int | None, options: ReportOptions, lines: _Lines) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(file, options.base_dir)}
    if line:
        length = lines.length(file, line)
        physical["region"] = {
            "startLine": line,
            "startColumn": 1,
            "endLine": line,
            "endColumn": (length + 1) if length is not None else 1,
        }
    return {"physicalLocation": physical}


def _result(
    f: Finding, index: int, options: ReportOptions, lines: _Lines, anchor: str | None
) -> dict[str, Any]:
    message = f.message
    if f.expired_waiver is not None:
        message += f" (waiver expired {f.expired_waiver.expires})"
    out: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "level": level(f.severity),
        "message": {"text": message},
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {
            "decision_id": f.decision_id,
            "path": f.path,
            "severity": f.severity,
            "family": f.family,
        },
    }
    files = folder_files(f)
    if files:
        # a convention finding is about a folder: anchored at its first record, every
        # record it stands for listed as a related location
        out["locations"] = [_location(str(files[0]), 1, options, lines)]
        out["relatedLocations"] = [
            {"id": i, **_location(str(path), 1, options, lines)}
            for i, path in enumerate(files[:1000])
        ]
        out["properties"]["folder"] = f.file
    elif f.file:
        out["locations"] = [_location(f.file, f.line, options, lines)]
    elif anchor:
        # GitHub rejects a whole SARIF file if one result has no location: a portfolio
        # finding (about every record of the run) is anchored at line 1 of a file that
        # stands for the whole run (see portfolio_anchor).
        out["locations"] = [_location(anchor, 1, options, lines)]
        out["properties"]["portfolio"] = True
    related = f.evidence.get("related")
    if isinstance(related, list) and related and f.file:
        # findings folded into this one (engine/related.py): where each said the same
        out["relatedLocations"] = [
            {
                "id": i,
                **_location(f.file, int(r.get("line") or 0) or None, options, lines),
                "message": {"text": f"{r.get('rule_id')}: {r.get('message')}"},
            }
            for i, r in enumerate(related)
            if isinstance(r, dict)
        ]
    if f.waiver is not None:
        out["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": f.waiver.reason}
        ]
    return out


def _notification(e: InputError, options: ReportOptions, lines: _Lines) -> dict[str, Any]:
    note: dict[str, Any] = {
        "level": "error",
        "message": {"text": e.message},
        "descriptor": {"id": f"{e.kind}-error"},
    }
    if e.file:
        note["locations"] = [_location(e.file, e.line, options, lines)]
    return note


def portfolio_anchor(result: CheckResult, base_dir: str) -> str | None:
    """Where portfolio findings are located: the run's configuration file when it is under
    ``base_dir``, else the README or index of the first folder checked, else the first file
    of the run (``None`` when the run read no file)."""
    if result.config_file:
        config = Path(result.config_file)
        try:
            config.resolve().relative_to(Path(base_dir).resolve())
        except (ValueError, OSError):
            pass
        else:
            return _shown(config)
    for raw in result.paths:
        folder = Path(raw)
        if raw != "-" and folder.is_dir():
            names = {p.name: p for p in folder.iterdir() if p.is_file()}
            for name in README_NAMES:
                hit = names.get(name) or next(
                    (p for n, p in names.items() if n.lower() == name.lower()), None
                )
                if hit is not None:
                    return _shown(hit)
            break
    return min(result.files) if result.files else None


def _shown(path: Path) -> str:
    """A path as the run shows files: relative to the working folder when under it."""
    if path.is_absolute():
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except (ValueError, OSError):
            return str(path)
    return path.as_posix()


def _quotas(counts: list[int], cap: int) -> list[int]:
    """How many results of each rank are written: all, unless there are more than ``cap``
    (then the most severe ``cap``, the first ones of the last rank taken)."""
    if cap <= 0 or sum(counts) <= cap:
        return list(counts)
    quotas = [0] * len(counts)
    left = cap
    for rank in range(len(counts) - 1, -1, -1):
        quotas[rank] = min(counts[rank], left)
        left -= quotas[rank]
    return quotas


class Writer(FormatWriter):
    """Results are written, as they come, to a temporary part (in memory up to a few
    megabytes), with their rank; at the end the log is written around them: the rules (with
    a placeholder for any rule the run did not list), the notifications (with the count
    left out by the cap), then the part, keeping at most ``options.sarif_max_results``, the
    most severe. When the counts are known before the findings (waived findings left out),
    results past the cap are never serialized."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        super().__init__(result, options, out)
        self._lines = _Lines()
        self._rules = sorted(result.rules, key=lambda r: r.id)
        self._index = {r.id: i for i, r in enumerate(self._rules)}
        self._unknown: dict[str, tuple[tuple[Any, ...], Finding]] = {}
        self._anchor = portfolio_anchor(result, options.base_dir)
        self._part = text_part(4 * 2**20)
        self._counts = [0] * len(SEVERITY_RANK)
        self._quotas: list[int] | None = None
        self._written = [0] * len(SEVERITY_RANK)
        if not options.sarif_include_waived and self._anchor is not None:
            totals = summarize(result).by_severity  # every unwaived finding is a result
            self._quotas = _quotas(
                [totals.get(sev, 0) for sev in SEVERITY_RANK], options.sarif_max_results
            )

    def add(self, finding: Finding, first: bool = True) -> None:
        if finding.rule_id not in self._index:
            key = (finding.file, finding.line, finding.decision_id, finding.rule_id, finding.path)
            known = self._unknown.get(finding.rule_id)
            if known is None or key < known[0]:
                self._unknown[finding.rule_id] = (key, finding)
        if not (self.options.sarif_include_waived or not finding.waived):
            return
        if not (finding.file or self._anchor):
            return
        rank = finding.rank
        self._counts[rank] += 1
        if self._quotas is not None:
            if self._written[rank] >= self._quotas[rank]:
                return
            self._written[rank] += 1
        index = self._index.get(finding.rule_id, -1)
        entry = _result(finding, index, self.options, self._lines, self._anchor)
        text = json.dumps(entry, indent=2, ensure_ascii=False)
        rule = "" if index >= 0 else finding.rule_id
        self._part.write(f"{rank} {len(text)} {json.dumps(rule)}\n{text}")

    def _all_rules(self) -> list[RuleInfo]:
        if self.result.findings:  # in memory: in the order they were given
            order = {f.rule_id: i for i, f in reversed(list(enumerate(self.result.findings)))}
        else:
            order = {
                rule: i
                for i, (rule, _) in enumerate(
                    sorted(self._unknown.items(), key=lambda kv: kv[1][0])
                )
            }
        extra = sorted(self._unknown, key=lambda rule: order.get(rule, len(order)))
        return [*self._rules, *(_placeholder_rule(self._unknown[rule][1]) for rule in extra)]

    def close(self) -> None:
        result, options = self.result, self.options
        rules = self._all_rules()
        index = {r.id: i for i, r in enumerate(rules)}
        cap = options.sarif_max_results
        quotas = _quotas(self._counts, cap)
        omitted = sum(self._counts) - sum(quotas)
        notes = [_notification(e, options, self._lines) for e in result.errors]
        if omitted:
            notes.append(
                {
                    "level": "warning",
                    "message": {
                        "text": f"{omitted:,} results left out: at most "
                        f"{cap:,} are written per run (GitHub code "
                        "scanning's limit); the most severe were kept. See the full report "
                        "(decaudit report, or -f json)."
                    },
                    "descriptor": {"id": "results-capped"},
                }
            )
        mark = placeholder()
        array = JsonArray(
            self.out,
            json.dumps(
                _log(result, options, rules, notes, mark, omitted), indent=2, ensure_ascii=False
            )
            + "\n",
            mark,
        )
        taken = [0] * len(quotas)
        self._part.seek(0)
        while header := self._part.readline():
            rank_text, size, rule_text = header.rstrip("\n").split(" ", 2)
            rank = int(rank_text)
            text = self._part.read(int(size))
            if taken[rank] >= quotas[rank]:
                continue
            taken[rank] += 1
            rule = json.loads(rule_text)
            if rule:
                text = text.replace('"ruleIndex": -1', f'"ruleIndex": {index[rule]}', 1)
            array.add(text)
        self._part.close()
        array.close()


def _log(
    result: CheckResult,
    options: ReportOptions,
    rules: list[RuleInfo],
    notes: list[dict[str, Any]],
    results: Any,
    omitted: int,
) -> dict[str, Any]:
    """The SARIF log, ``results`` standing for its results."""
    invocation: dict[str, Any] = {
        "executionSuccessful": not result.errors,
        "exitCode": result.exit_code,
        "startTimeUtc": result.started_at,
        "toolExecutionNotifications": notes,
    }
    category = options.sarif_category
    automation_id = AUTOMATION_ID if not category else category.rstrip("/") + "/"
    properties: dict[str, Any] = {"run_id": result.run_id, "records": result.record_count}
    if omitted:
        properties["results_omitted"] = omitted
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "decaudit",
                "version": result.tool_version,
                "semanticVersion": result.tool_version,
                "informationUri": TOOL_URI,
                "rules": [_rule(r) for r in rules],
            }
        },
        "automationDetails": {"id": automation_id},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
        "properties": properties,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def log(result: CheckResult, options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as a dict (the ``sarif`` format is this, serialized)."""
    doc: Any = json.loads(render(result, options))
    return doc


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)


def size_warning(text: str, limit: int = MAX_GZIPPED_BYTES) -> str | None:
    """A warning when ``text`` would exceed GitHub's upload limit once gzipped, else None."""
    data = text.encode("utf-8")
    if len(data) <= limit:  # gzip never makes JSON larger than this
        return None
    import gzip

    size = len(gzip.compress(data, compresslevel=6))
    if size <= limit:
        return None
    return size_message(size, limit)


def size_message(size: int, limit: int = MAX_GZIPPED_BYTES) -> str:
    """The warning for a SARIF file of ``size`` bytes gzipped."""
    return (
        f"the SARIF file is {size / 1e6:.1f} MB gzipped, over GitHub code scanning's "
        f"{limit / 1e6:.0f} MB upload limit: narrow the check (--min-severity, --select) "
        "or split it by folder with --sarif-category"
    )
