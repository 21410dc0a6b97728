"""The history sections of the governance report: what changed since the last run, runs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .data import FindingRow, ReportData
from .markup import (
    Links,
    decision_link,
    html_note,
    html_section,
    html_table,
    sev_badge,
    when,
)
from .svg import esc

MAX_ROWS = 500  # rows in the tables of new and resolved findings


def changes_section(data: ReportData, links: Links) -> str:
    title = "What changed since the previous run"
    ch = data.changes
    if ch.latest is None or ch.previous is None:
        return html_section(
            "changes", title, "", html_note("Only one run so far: nothing to compare.")
        )
    latest_id, previous_id = ch.latest.id, ch.previous.id
    lead = (
        f"Findings of run #{ch.latest.id} ({esc(when(ch.latest.started_at))}) against run "
        f"#{ch.previous.id} ({esc(when(ch.previous.started_at))}), matched by fingerprint (rule, "
        f"decision, JSON path): {ch.new_count} new, {ch.resolved_count} resolved, "
        f"{ch.unchanged} unchanged."
    )
    known = {d.decision_id for d in data.decisions}
    head = ["severity", "rule", "decision", "message", "source"]

    def rows(findings: Sequence[FindingRow]) -> Iterable[list[str]]:
        for f in findings:
            yield [
                sev_badge(f.severity),
                esc(f.rule_id),
                decision_link(f.decision_id, known),
                esc(f.message),
                links.loc(f.file or "", f.line or 0),
            ]

    def listing(what: str, findings: Sequence[FindingRow], total: int) -> str:
        if not findings:
            return f"<h3>{what}</h3>" + html_note("None.")
        out = f"<h3>{what}</h3>" + html_table(
            what, head, rows(findings[:MAX_ROWS]), set(), caption_visible=False
        )
        if total > MAX_ROWS:
            out += html_note(
                f"The first {MAX_ROWS} of {total}, by severity; "
                f"decaudit diff {previous_id} {latest_id} lists them all."
            )
        return out

    body = listing("New findings", ch.new, ch.new_count)
    body += listing("Resolved findings", ch.resolved, ch.resolved_count)
    if ch.not_reaudited:
        body += html_note(
            f"{ch.not_reaudited} finding(s) of the previous run belong to decisions the latest "
            "run did not audit; they are neither new nor resolved."
        )
    return html_section("changes", title, lead, body)


def runs_section(data: ReportData, limit: int = 50) -> str:
    runs = list(reversed(data.runs))[:limit]
    table = html_table(
        "Runs, latest first",
        ["run", "started", "tool", "command", "actor", "records", "findings", "errors", "exit"],
        (
            [
                f"#{r.id}",
                esc(when(r.started_at)),
                esc(r.tool_version or ""),
                f'<span class="loc">{esc(r.command or "")}</span>',
                esc(r.actor or ""),
                str(r.record_count),
                str(r.finding_count),
                str(r.error_count),
                "–" if r.exit_status is None else str(r.exit_status),
            ]
            for r in runs
        ),
        {5, 6, 7, 8},
    )
    more = len(data.runs) - len(runs)
    return html_section(
        "runs",
        "Runs",
        "The audit runs this report is built from (check the log's integrity with "
        "<code>decaudit verify</code>).",
        table + (html_note(f"{more} older run(s) not listed.") if more > 0 else ""),
    )
